// The `allmanning` command line as users and scripts meet it: `node bin/allmanning.js …` in a child
// process (through tsx, as there is no dist/ in a checkout), with a temp ALLMANNING_DATA_DIR. Checks
// the public contract: results alone on stdout, logs on stderr, exit 0 / 1 (one line) / 2 (usage).
// With TEST_DATABASE_URL the database commands run against an isolated PostgreSQL schema.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { SQLITE_FILE_NAME, type Database } from '../../src/db/index.js';
import { migrations } from '../../src/db/migrations/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { JobQueue, PRUNE_JOBS_JOB } from '../../src/platform/jobs/index.js';
import { testDatabaseUrl, testDialect } from '../support/test-database.js';
import { cliDatabase, cliEnv, freePort } from '../support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const writerScript = path.join(root, 'test', 'support', 'crash-writer.ts');
const migrationNames = Object.keys(migrations);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything of ours leaking in from the developer's shell or CI. */
function start(args: string[], env: Record<string, string>): ChildProcess & { result: Promise<Run> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...cliEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr }));
  return Object.assign(child, { result });
}

/** Runs the CLI to completion (killed after timeoutMs, which then fails the assertions on code). */
async function cli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  const child = start(args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await child.result;
  } finally {
    clearTimeout(timer);
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** A temp data dir, removed after the test. */
function dataDir(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function waitForReady(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    assert.equal(child.exitCode, null, 'serve exited before it was ready');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`/readyz did not answer 200 within ${timeoutMs} ms`);
}

/** Rows per table, to tell whether a command changed anything. */
async function tableCounts(open: () => Database): Promise<Record<string, number>> {
  const database = open();
  try {
    const counts: Record<string, number> = {};
    // On PostgreSQL only this test's schema (introspection sees every schema in the database).
    const { rows: current } = await sql<{ schema: string | null }>`select ${sql.raw(database.dialect === 'postgres' ? 'current_schema()' : 'null')} as schema`.execute(database.db);
    const schema = current[0]?.schema ?? undefined;
    const tables = (await database.db.introspection.getTables({ withInternalKyselyTables: true })).filter((table) => !schema || table.schema === schema);
    for (const table of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(database.db);
      counts[table.name] = Number(rows[0]?.n);
    }
    return counts;
  } finally {
    await database.close();
  }
}

describe('usage', () => {
  test('--help prints usage on stdout and exits 0', async (t) => {
    const run = await cli(['--help'], { ALLMANNING_DATA_DIR: dataDir(t) });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: allmanning /);
    for (const command of ['serve', 'worker', 'migrate', 'backup', 'demo']) assert.match(run.stdout, new RegExp(`^\\s+${command}\\b`, 'm'));
    assert.equal(run.stderr, '');
  });

  test('serve --help prints the command usage and does not start a server', async (t) => {
    const dir = dataDir(t);
    const run = await cli(['serve', '--help'], { ALLMANNING_DATA_DIR: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: allmanning serve/);
    assert.equal(run.stderr, '');
    assert.deepEqual(fs.readdirSync(dir), [], 'help must not open the database');
  });

  test('an unknown command is a usage error (exit 2)', async (t) => {
    const run = await cli(['frobnicate'], { ALLMANNING_DATA_DIR: dataDir(t) });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknown command 'frobnicate'/);
  });

  test('an unknown option is a usage error (exit 2) and does nothing', async (t) => {
    const dir = dataDir(t);
    const run = await cli(['migrate', '--frobnicate'], { ALLMANNING_DATA_DIR: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknown option '--frobnicate'/);
    assert.deepEqual(fs.readdirSync(dir), [], 'a usage error must not touch the database');
  });

  test('a missing argument is a usage error (exit 2)', async (t) => {
    const run = await cli(['backup'], { ALLMANNING_DATA_DIR: dataDir(t) });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /missing required argument 'file'/);
  });

  test('bad configuration exits 1 with one line naming every bad setting', async (t) => {
    const dir = dataDir(t);
    const run = await cli(['migrate'], { ALLMANNING_DATA_DIR: dir, PORT: 'abc', ALLMANNING_LOG_LEVEL: 'loud' });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const errors = lines(run.stderr);
    assert.equal(errors.length, 1, run.stderr);
    assert.match(errors[0]!, /^allmanning: /);
    assert.match(errors[0]!, /\bPORT\b.*"abc"/);
    assert.match(errors[0]!, /\bALLMANNING_LOG_LEVEL\b.*"loud"/);
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing may be created with a bad configuration');
  });
});

describe(`database commands (${testDialect})`, () => {
  test('migrate --json prints only {"applied":[…]}, and nothing to apply the second time', async (t) => {
    const dir = dataDir(t);
    const { env, open } = await cliDatabase(t, dir);
    const first = await cli(['migrate', '--json'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(lines(first.stdout).length, 1, `stdout: ${first.stdout}`);
    assert.deepEqual(JSON.parse(first.stdout), { applied: migrationNames });
    const second = await cli(['migrate', '--json'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, '{"applied":[]}\n');
    const database = open();
    try {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
      assert.deepEqual(
        rows.map((r) => r.name),
        migrationNames,
      );
    } finally {
      await database.close();
    }
  });

  test('demo is idempotent and deterministic: exit 0 twice with identical stdout', async (t) => {
    const dir = dataDir(t);
    const { env, open } = await cliDatabase(t, dir);
    const first = await cli(['demo'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(lines(first.stdout).length, 1, `stdout: ${first.stdout}`);
    const result = JSON.parse(first.stdout) as { seeders: Record<string, number> };
    for (const [name, total] of Object.entries(result.seeders)) assert.ok(Number.isInteger(total) && total > 0, `seeder ${name}: ${total}`);
    const countsAfterFirst = await tableCounts(open);
    assert.ok('kysely_migration' in countsAfterFirst, 'demo migrates the database first');
    const second = await cli(['demo'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    // The second run finds everything already there: not one row more anywhere.
    assert.deepEqual(await tableCounts(open), countsAfterFirst);
    assert.match(second.stderr, /"created":0/);
  });

  test('worker --once runs the due jobs and prints the job counts as JSON', async (t) => {
    const dir = dataDir(t);
    const { env, open } = await cliDatabase(t, dir);
    assert.equal((await cli(['migrate', '--json'], env)).code, 0);
    const database = open();
    try {
      const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock: systemClock });
      await queue.enqueue(PRUNE_JOBS_JOB, {});
      await queue.enqueue(PRUNE_JOBS_JOB, {});
      await queue.enqueue(PRUNE_JOBS_JOB, {}, { runAt: new Date(Date.now() + 3_600_000) });
    } finally {
      await database.close();
    }
    const run = await cli(['worker', '--once'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(lines(run.stdout).length, 1, `stdout: ${run.stdout}`);
    // The two due jobs ran; the one due in an hour waits.
    assert.deepEqual(JSON.parse(run.stdout), { queued: 1, running: 0, succeeded: 2, failed: 0 });
  });

  test('serve answers /readyz and the Swedish home page, and stops with exit 0 on SIGTERM', async (t) => {
    const dir = dataDir(t);
    const { env } = await cliDatabase(t, dir);
    const port = await freePort();
    const shutdownTimeoutMs = 5_000; // generous: a busy CI machine must not make this flaky
    const child = start(['serve'], { ...env, PORT: String(port), ALLMANNING_SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitForReady(port, child);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    const html = await home.text();
    assert.match(html, /<html lang="sv"/);
    assert.match(html, /Allmänning/);

    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const run = await child.result;
    const took = Date.now() - stoppedAt;
    assert.equal(run.signal, null, 'serve was killed by the signal instead of shutting down');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(took < shutdownTimeoutMs, `shutdown took ${took} ms`);
    assert.equal(run.stdout, '', 'serve writes logs to stderr only');
    assert.match(run.stderr, /"msg":"stopping"/);
  });

  test('serve stops within the shutdown timeout even while a client holds a request open', async (t) => {
    const dir = dataDir(t);
    const { env } = await cliDatabase(t, dir);
    const port = await freePort();
    const shutdownTimeoutMs = 1_000;
    const child = start(['serve'], { ...env, PORT: String(port), ALLMANNING_SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs), ALLMANNING_LOG_LEVEL: 'warn' });
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitForReady(port, child);
    // Half a request: the server waits for the rest, which never comes.
    const socket = net.connect(port, '127.0.0.1');
    t.after(() => socket.destroy());
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), shutdownTimeoutMs + 10_000);
    const run = await child.result;
    clearTimeout(timer);
    const took = Date.now() - stoppedAt;
    assert.equal(run.signal, null, `serve did not stop by itself (after ${took} ms)`);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(took >= shutdownTimeoutMs - 100, `it should have waited for the request in flight (${took} ms)`);
    // Without the cut-off it waited until the client left (here: the SIGKILL above, 10 s later).
    assert.ok(took < shutdownTimeoutMs + 5_000, `shutdown took ${took} ms with a ${shutdownTimeoutMs} ms timeout`);
    assert.match(run.stderr, /shutdown timeout reached/);
  });

  test('a second signal during a slow shutdown stops serve at once', async (t) => {
    const dir = dataDir(t);
    const { env } = await cliDatabase(t, dir);
    const port = await freePort();
    const child = start(['serve'], { ...env, PORT: String(port), ALLMANNING_SHUTDOWN_TIMEOUT_MS: '60000', ALLMANNING_LOG_LEVEL: 'warn' });
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitForReady(port, child);
    const socket = net.connect(port, '127.0.0.1');
    t.after(() => socket.destroy());
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));

    child.kill('SIGTERM'); // graceful: waits up to 60 s for the half-sent request
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(child.exitCode, null, 'serve should still be waiting for the request in flight');
    const stoppedAt = Date.now();
    child.kill('SIGINT'); // the operator insists
    const run = await child.result;
    assert.equal(run.signal, 'SIGINT');
    assert.ok(Date.now() - stoppedAt < 5_000, 'the second signal should end the process at once');
  });
});

describe('backup', () => {
  test('copies the SQLite database consistently while another process keeps writing', { timeout: 120_000 }, async (t) => {
    const dir = dataDir(t);
    const env = { ALLMANNING_DATA_DIR: dir };
    assert.equal((await cli(['migrate', '--json'], env)).code, 0);

    // A writer in another process, committing small transactions as fast as it can.
    const writer = spawn(process.execPath, ['--import', 'tsx', writerScript], {
      cwd: root,
      env: { ...cliEnv(), CRASH_SQLITE_FILE: path.join(dir, SQLITE_FILE_NAME), CRASH_PAYLOAD_BYTES: '2000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const writerExited = once(writer, 'exit');
    t.after(async () => {
      if (writer.exitCode === null && writer.signalCode === null) {
        writer.kill('SIGKILL');
        await writerExited;
      }
    });
    let committed = 0;
    let waiting: { min: number; resolve: () => void } | undefined;
    void (async () => {
      for await (const line of createInterface({ input: writer.stdout! })) {
        committed += Number(line.split(' ')[1]);
        if (waiting && committed >= waiting.min) waiting.resolve();
      }
    })();
    const atLeast = (min: number) => new Promise<void>((resolve) => (committed >= min ? resolve() : (waiting = { min, resolve })));
    // Enough rows that the database is far larger than one backup step (100 pages).
    await atLeast(5_000);

    const target = path.join(dir, 'copy.db');
    const committedBefore = committed;
    const run = await cli(['backup', target], env);
    const committedAfter = committed;
    assert.equal(run.code, 0, run.stderr);
    assert.ok(committedAfter > committedBefore, 'the writer should have kept committing during the backup');
    assert.equal(writer.exitCode, null, 'the writer should still be running');
    writer.kill('SIGKILL');
    await writerExited;

    const report = JSON.parse(run.stdout) as { file: string; pages: number; bytes: number };
    assert.equal(lines(run.stdout).length, 1);
    assert.equal(report.file, target);
    assert.ok(report.pages > 100, `only ${report.pages} pages`);
    assert.equal(fs.statSync(target).size, report.bytes);
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.startsWith('copy.db')),
      ['copy.db'],
      'no partial files left behind',
    );

    const copy = new SQLite(target, { readonly: true });
    try {
      assert.deepEqual(copy.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      const tables = (copy.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name);
      for (const table of ['kysely_migration', 'job', 'crash_probe']) assert.ok(tables.includes(table), `table ${table} is missing from the copy`);
      const applied = (copy.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
      assert.deepEqual(applied, migrationNames);
      // A snapshot: every transaction committed before the backup started, none half.
      const rows = (copy.prepare('select count(*) as n from crash_probe').get() as { n: number }).n;
      assert.ok(rows >= committedBefore, `the copy has ${rows} rows; ${committedBefore} were committed before the backup`);
      assert.deepEqual(copy.prepare('select txn from crash_probe group by txn, txn_size having count(*) <> txn_size').all(), []);
    } finally {
      copy.close();
    }
  });

  test('refuses to overwrite an existing file without --force, and replaces it with --force', async (t) => {
    const dir = dataDir(t);
    const env = { ALLMANNING_DATA_DIR: dir };
    assert.equal((await cli(['migrate', '--json'], env)).code, 0);
    const target = path.join(dir, 'existing.db');
    fs.writeFileSync(target, 'keep me');

    const refused = await cli(['backup', target], env);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.equal(lines(refused.stderr).length, 1, refused.stderr);
    assert.match(refused.stderr, /exists; pass --force/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');

    const forced = await cli(['backup', target, '--force'], env);
    assert.equal(forced.code, 0, forced.stderr);
    const copy = new SQLite(target, { readonly: true });
    try {
      assert.deepEqual(copy.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.equal((copy.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n, migrationNames.length);
    } finally {
      copy.close();
    }
  });

  test('fails without creating anything when there is no database to copy', async (t) => {
    const dir = dataDir(t);
    const run = await cli(['backup', path.join(dir, 'copy.db')], { ALLMANNING_DATA_DIR: path.join(dir, 'typo') });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(lines(run.stderr).length, 1, run.stderr);
    assert.match(run.stderr, /no database at .*typo/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('on PostgreSQL points to pg_dump (exit 1)', { skip: testDatabaseUrl ? false : 'needs TEST_DATABASE_URL' }, async (t) => {
    const dir = dataDir(t);
    const target = path.join(dir, 'copy.db');
    const run = await cli(['backup', target], { ALLMANNING_DATA_DIR: dir, DATABASE_URL: testDatabaseUrl! });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(lines(run.stderr).length, 1, run.stderr);
    assert.match(run.stderr, /pg_dump/);
    assert.equal(fs.existsSync(target), false);
  });
});
