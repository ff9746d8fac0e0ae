// A fresh, migrated database per test: in-memory SQLite by default, or an isolated schema in the
// PostgreSQL database named by TEST_DATABASE_URL (dropped again by close()).
import { after } from 'node:test';
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

/**
 * One migrated database shared by the tests of a file (creating and migrating one per test is slow
 * on PostgreSQL): the returned function empties `tables` and hands it out. Closed after the file.
 */
export function sharedEmptyDatabase(tables: readonly ('job' | 'job_schedule' | 'mail_message')[] = ['job', 'job_schedule', 'mail_message']): () => Promise<TestDatabase> {
  let shared: Promise<TestDatabase> | undefined;
  after(async () => {
    await (await shared?.catch(() => undefined))?.close();
  });
  return async () => {
    shared ??= createTestDatabase();
    const database = await shared;
    for (const table of tables) await database.db.deleteFrom(table).execute();
    return database;
  };
}
