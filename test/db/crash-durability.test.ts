// Durability under a process crash: a child process writes in a tight loop of short transactions
// and is killed with SIGKILL in the middle of it. Every transaction it reported as committed must
// still be there, no transaction may be half there, and the app must open the database cleanly.
// SQLite: the file in a temp dir, with the app's own pragmas (WAL + synchronous=NORMAL) — the
// setting this test exists to justify. PostgreSQL (TEST_DATABASE_URL): an isolated schema.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createDatabase, isDatabaseReady, migrateToLatest, type Database } from '../../src/db/index.js';
import { createTestDatabase, testDialect } from '../support/test-database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const writerScript = path.join(root, 'test', 'support', 'crash-writer.ts');

/** Kill once the child has reported at least this many committed rows and multi-row transactions. */
const MIN_IDS_PER_ROUND = 2_000;
const MIN_MULTI_ROW_TXNS_PER_ROUND = 50;
/** Crash the same database several times: each recovery must also survive the next crash. */
const ROUNDS = 3;

interface Reported {
  /** Every id the child reported as committed. */
  ids: number[];
  /** txn id → size, for every transaction the child reported. */
  txns: Map<number, number>;
  multiRowTxns: number;
}

/**
 * Starts the writer, reads its commit reports, and SIGKILLs it shortly (0–25 ms, at random) after
 * the thresholds are reached, so the kill lands at an arbitrary point of a transaction.
 */
async function writeAndKill(env: Record<string, string>): Promise<Reported> {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const reported: Reported = { ids: [], txns: new Map(), multiRowTxns: 0 };
  let killTimer: NodeJS.Timeout | undefined;
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    // Lines keep arriving after the kill (they were in the pipe): those were committed too.
    for await (const line of createInterface({ input: child.stdout })) {
      const match = /^(\d+) (\d+) ([\d,]+)$/.exec(line);
      assert.ok(match, `unexpected output from the writer: ${JSON.stringify(line)}`);
      const ids = match[3]!.split(',').map(Number);
      const [txn, size] = [Number(match[1]), Number(match[2])];
      assert.equal(ids.length, size, `the writer reported a transaction of ${size} with ${ids.length} ids`);
      reported.txns.set(txn, size);
      reported.ids.push(...ids);
      if (size > 1) reported.multiRowTxns++;
      if (!killTimer && reported.ids.length >= MIN_IDS_PER_ROUND && reported.multiRowTxns >= MIN_MULTI_ROW_TXNS_PER_ROUND) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 25));
      }
    }
    const [code, signal] = await exited;
    assert.equal(signal, 'SIGKILL', `the writer stopped by itself (exit ${code}): ${stderr.trim()}`);
    assert.ok(reported.ids.length >= MIN_IDS_PER_ROUND, `only ${reported.ids.length} ids were reported before the kill`);
    return reported;
  } finally {
    clearTimeout(guard);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/** SQLite only: what the file says about itself after the crash, before the app touches it. */
function checkSqliteFile(file: string): void {
  // A plain connection without the app's pragmas, so journal_mode is what the file has persisted.
  const raw = new SQLite(file);
  try {
    assert.deepEqual(raw.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(raw.pragma('foreign_key_check'), []);
  } finally {
    raw.close();
  }
}

/** Every reported id is present and every transaction in the table is whole. */
async function checkRows(database: Database, reported: Reported[]): Promise<number> {
  const { rows } = await sql<{ id: number; txn: number; txn_size: number }>`select id, txn, txn_size from crash_probe`.execute(database.db);
  const present = new Map(rows.map((r) => [Number(r.id), r]));
  let expected = 0;
  for (const round of reported) {
    for (const id of round.ids) {
      expected++;
      assert.ok(present.has(id), `committed id ${id} is missing after the crash`);
    }
    for (const [txn, size] of round.txns) {
      const row = present.get(txn);
      assert.equal(Number(row?.txn_size), size, `transaction ${txn} lost its rows`);
    }
  }
  const { rows: partial } = await sql<{ txn: number; txn_size: number; n: number }>`
    select txn, txn_size, count(*) as n from crash_probe group by txn, txn_size having count(*) <> txn_size
  `.execute(database.db);
  assert.deepEqual(partial, [], 'a multi-row transaction is only partly in the table');
  // The table may hold more than was reported (committed, but killed before printing), never less.
  assert.ok(rows.length >= expected, `table has ${rows.length} rows, ${expected} were reported`);
  return rows.length;
}

test(`committed rows survive SIGKILL of a writing process (${testDialect})`, { timeout: 180_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-crash-'));
  const sqliteFile = path.join(dir, 'allmanning.db');
  // Migrated like a real installation. On SQLite the handle is closed before the child starts, so
  // each reopen below is a genuine recovery of the crashed WAL; on PostgreSQL the schema stays
  // (close() drops it).
  const testDb = await createTestDatabase(testDialect === 'sqlite' ? { sqliteFile } : {});
  const { connection } = testDb;
  if (testDialect === 'sqlite') await testDb.close();
  const childEnv: Record<string, string> =
    testDialect === 'sqlite'
      ? { CRASH_SQLITE_FILE: sqliteFile }
      : { CRASH_DATABASE_URL: connection.databaseUrl!, ...(connection.pgSchema ? { CRASH_PG_SCHEMA: connection.pgSchema } : {}) };
  const reopen = () =>
    createDatabase(testDialect === 'sqlite' ? { sqliteFile } : { databaseUrl: connection.databaseUrl, pgSchema: connection.pgSchema, poolSize: 2 });

  try {
    const reported: Reported[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      reported.push(await writeAndKill(childEnv));
      if (testDialect === 'sqlite') {
        assert.ok(fs.existsSync(`${sqliteFile}-wal`), 'the crash should leave a WAL file behind to recover');
        checkSqliteFile(sqliteFile);
      }
      // The app opens it as usual: migrations find nothing to do, the database answers, every
      // reported row is there, and it takes new writes.
      const database = reopen();
      try {
        assert.deepEqual(await migrateToLatest(database), []);
        assert.equal(await isDatabaseReady(database.db), true);
        const { rows: migrations } = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db);
        assert.ok(migrations.length > 0, 'the migration history survived');
        const count = await checkRows(database, reported);
        const last = reported.at(-1)!;
        t.diagnostic(`round ${round}: ${last.ids.length} ids in ${last.txns.size} transactions (${last.multiRowTxns} multi-row) reported; ${count} rows in the table`);
        const next = -round; // below the writer's ids, which continue from max(id)
        await sql`insert into crash_probe (id, txn, txn_size, payload) values (${next}, ${next}, 1, 'after the crash')`.execute(database.db);
        const { rows } = await sql<{ n: number }>`select count(*) as n from crash_probe`.execute(database.db);
        assert.equal(Number(rows[0]?.n), count + 1);
      } finally {
        await database.close();
      }
    }
    if (testDialect === 'sqlite') checkSqliteFile(sqliteFile);
  } finally {
    if (testDialect === 'postgres') await testDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
