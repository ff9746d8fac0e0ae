// A fresh, migrated database per test: in-memory SQLite by default, or an isolated schema in the
// PostgreSQL database named by TEST_DATABASE_URL (dropped again by close()).
import pg from 'pg';
import { createDatabase, migrateToLatest, type Database } from '../../src/db/index.js';
import { newId } from '../../src/platform/ids.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testDialect = testDatabaseUrl ? 'postgres' : 'sqlite';

export interface TestDatabase extends Database {
  /** Connection options another process can use to reach the same data. */
  connection: { databaseUrl?: string; pgSchema?: string; sqliteFile?: string };
}

/** Opens (and migrates, unless told not to) an isolated database for one test. */
export async function createTestDatabase(options: { migrate?: boolean; sqliteFile?: string } = {}): Promise<TestDatabase> {
  let database: Database;
  let connection: TestDatabase['connection'];
  let dropSchema: (() => Promise<void>) | undefined;
  if (testDatabaseUrl) {
    const schema = `test_${newId().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    database = createDatabase({ databaseUrl: testDatabaseUrl, pgSchema: schema, poolSize: 5 });
    connection = { databaseUrl: testDatabaseUrl, pgSchema: schema };
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    };
  } else {
    const sqliteFile = options.sqliteFile ?? ':memory:';
    database = createDatabase({ sqliteFile });
    connection = { sqliteFile };
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(database);
    } catch (error) {
      await database.close();
      await dropSchema?.();
      throw error;
    }
  }
  const close = database.close;
  return {
    ...database,
    connection,
    async close() {
      await close();
      await dropSchema?.();
    },
  };
}
