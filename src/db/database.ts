import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './sqlite-statement-cache.js';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { DialectName } from './dialect.js';
import type { PlatformTables } from './tables.js';

export type Db = Kysely<PlatformTables>;

/**
 * A database handle or an open transaction of any domain's table set. Kysely<Wider> is not
 * assignable to Kysely<Narrower>, so platform helpers that join a caller's transaction accept
 * this and narrow it with `asPlatformDb`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExecutor = Kysely<any>;

export function asPlatformDb(executor: AnyExecutor): Db {
  return executor as Db;
}

export interface Database {
  db: Db;
  dialect: DialectName;
  /** The raw SQLite handle (for online backups); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** Where the SQLite file lives (undefined in memory and on PostgreSQL). */
  sqliteFile?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; unset → SQLite. */
  databaseUrl?: string | undefined;
  /** Directory holding allmanning.db when on SQLite. */
  dataDir?: string;
  /** ':memory:' for tests. Overrides dataDir. */
  sqliteFile?: string;
  poolSize?: number;
  /** PostgreSQL schema to use (tests isolate themselves in one each). */
  pgSchema?: string;
}

export const SQLITE_FILE_NAME = 'allmanning.db';

/** PostgreSQL values in the same shapes SQLite gives: ISO strings, JSON text, numeric counts. */
function pgTypes(types: typeof pg.types): pg.CustomTypesConfig {
  const TIMESTAMPTZ = 1184;
  const TIMESTAMP = 1114;
  const JSONB = 3802;
  const JSON_OID = 114;
  const INT8 = 20;
  const NUMERIC = 1700;
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (v: string) => new Date(oid === TIMESTAMP ? `${v}Z` : v).toISOString();
      if (oid === JSONB || oid === JSON_OID) return (v: string) => v;
      if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
      return types.getTypeParser(oid, format ?? 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = new SQLite(file);
  // WAL lets readers and one writer work at once; NORMAL sync in WAL keeps every committed
  // transaction across a process crash (only an OS crash can lose the last ones).
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  return handle;
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    // Loaded only for PostgreSQL, so the embedded default does not pay for it at start-up.
    const { Pool, types } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes(types),
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir ?? './data', SQLITE_FILE_NAME);
  const handle = openSqlite(file);
  const db = new Kysely<PlatformTables>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite: handle,
    ...(file === ':memory:' ? {} : { sqliteFile: path.resolve(file) }),
    close: () => db.destroy(),
  };
}

/** True when the database answers a trivial query. */
export async function isDatabaseReady(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
