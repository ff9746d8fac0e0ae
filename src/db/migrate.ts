import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

/** Runs every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const { db, dialect } = database;
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      const bound: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        bound[name] = {
          up: (kdb) => m.up(kdb, dialect),
          ...(m.down ? { down: (kdb) => m.down!(kdb, dialect) } : {}),
        };
      }
      return bound;
    },
  };
  // On PostgreSQL the migration tables live in the schema being migrated (the first of the
  // search_path, 'public' by default). Named explicitly because Kysely otherwise takes a
  // kysely_migration table in *any* schema of the database as its own: a second schema (another
  // app, or tests in parallel, each in its own schema) then skipped creating its tables and failed.
  const schema = dialect === 'postgres' ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let result: MigrationResultSet = await migrator.migrateToLatest();
  // Kysely checks for its tables by introspecting every schema of the database, naming each one; a
  // schema another process drops meanwhile (tests in parallel, each in a schema of its own) fails
  // that check with "schema … does not exist". It runs before any migration (and the migrations
  // run in one transaction), so nothing was half done: try again.
  for (let retry = 0; retry < 5 && dialect === 'postgres' && isConcurrentCatalogChange(result.error); retry++) {
    result = await migrator.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(failed ? `Migration ${failed.migrationName} failed: ${cause}` : `Could not migrate the database: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** invalid_schema_name / undefined_table: an object named in the catalog vanished mid-query. */
function isConcurrentCatalogChange(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '3F000' || code === '42P01';
}

/** True when the newest known migration has been applied (the schema is what this code expects). */
export async function isSchemaCurrent(database: Database): Promise<boolean> {
  const names = Object.keys(migrations).sort();
  const latest = names[names.length - 1];
  try {
    const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(database.db);
    return row.rows[0]?.name === latest;
  } catch {
    return false;
  }
}
