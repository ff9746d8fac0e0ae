// Every difference between SQLite and PostgreSQL lives in src/db/. Application code sees one shape:
// timestamps as ISO-8601 UTC strings, JSON as text, counts as numbers.

export type DialectName = 'sqlite' | 'postgres';

/** Column types per dialect, for migrations. */
export function columnTypes(dialect: DialectName) {
  return {
    timestamp: dialect === 'postgres' ? 'timestamptz' : 'text',
    json: dialect === 'postgres' ? 'jsonb' : 'text',
    bigint: dialect === 'postgres' ? 'bigint' : 'integer',
  } as const;
}

/** Timestamps are always written as ISO-8601 UTC with milliseconds, so text comparison orders them. */
export function toDbTimestamp(date: Date): string {
  return date.toISOString();
}
