import net from 'node:net';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { createDatabase, SQLITE_FILE_NAME, type Database } from '../../src/db/index.js';
import { createTestDatabase, testDialect } from './test-database.js';

// The environment a CLI child process gets in tests: this process's, minus every setting that
// would leak into it (ALLMANNING_*, DATABASE_URL, PORT, HOST, the test runner's own variables),
// running the TypeScript sources (never a stale dist/ build).
export function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ALLMANNING_|DATABASE_URL$|PORT$|HOST$|NODE_OPTIONS$|NODE_TEST_CONTEXT$)/.test(name)) delete env[name];
  }
  env.ALLMANNING_FROM_SOURCE = '1';
  return env;
}

/**
 * Where a CLI child's database commands point: the data dir's SQLite file, or (TEST_DATABASE_URL)
 * a fresh empty PostgreSQL schema selected through the URL's `options`, dropped after the test.
 * `open` connects the test process to the same data.
 */
export async function cliDatabase(t: TestContext, dir: string): Promise<{ env: Record<string, string>; open: () => Database }> {
  if (testDialect === 'sqlite') {
    return { env: { ALLMANNING_DATA_DIR: dir }, open: () => createDatabase({ sqliteFile: path.join(dir, SQLITE_FILE_NAME) }) };
  }
  const schemaHolder = await createTestDatabase({ migrate: false });
  t.after(() => schemaHolder.close());
  const { databaseUrl, pgSchema } = schemaHolder.connection;
  const url = new URL(databaseUrl!);
  url.searchParams.set('options', `-c search_path=${pgSchema}`);
  return {
    env: { ALLMANNING_DATA_DIR: dir, DATABASE_URL: url.toString() },
    open: () => createDatabase({ databaseUrl: databaseUrl!, pgSchema: pgSchema!, poolSize: 2 }),
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a child server that needs a fixed PORT). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
