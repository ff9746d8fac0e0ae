import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
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
  const migrator = new Migrator({ db, provider, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
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
