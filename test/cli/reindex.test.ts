// `allmanning reindex`: builds the search index from the database (here after `allmanning demo`),
// prints only the result on stdout (JSON with --json), raises the generation every process's index
// watches, and answers usage errors with exit code 2. SQLite, and PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { cliDatabase, cliEnv } from '../support/cli-env.js';
import { testDialect } from '../support/test-database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number];
  return { code, stdout, stderr };
}

test('allmanning reindex indexes every dataset and tells running processes to rebuild', { timeout: 180_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-reindex-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database = await cliDatabase(t, dir);
  const env = { ...cliEnv(), ...database.env, ALLMANNING_LOG_LEVEL: 'warn' };
  assert.equal((await run(['demo'], env)).code, 0);

  const result = await run(['reindex', '--json'], env);
  assert.equal(result.code, 0, result.stderr);
  const answer = JSON.parse(result.stdout);
  assert.equal(answer.backend, testDialect === 'postgres' ? 'postgres' : 'embedded');
  const db = database.open();
  t.after(() => db.close());
  const datasets = await db.db.selectFrom('dataset' as never).select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at' as never, 'is', null).executeTakeFirstOrThrow();
  assert.equal(answer.documents, Number(datasets.n), 'every dataset that is not deleted');
  assert.ok(answer.documents >= 40);
  const state = await db.db.selectFrom('search_state' as never).select('generation' as never).executeTakeFirstOrThrow();
  assert.equal((state as { generation: number }).generation, 1, 'the generation other processes watch was raised');

  const text = await run(['reindex'], env);
  assert.match(text.stdout, /^Indexed \d+ datasets in \d+\.\d s \((embedded|postgres)\)\.\n$/);
  assert.equal((await run(['reindex', 'extra'], env)).code, 2);
});
