import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { Worker as Thread } from 'node:worker_threads';
import pino from 'pino';
import { createTestDatabase, testDialect, type TestDatabase, sharedEmptyDatabase } from '../../../test/support/test-database.js';
import { createDatabase } from '../../db/index.js';
import { FixedClock } from '../clock.js';
import { JobQueue, retryDelayMs } from './job-queue.js';
import { JobRegistry, Worker } from './worker.js';
import { nextMessage } from '../../../test/support/threads.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const silent = pino({ level: 'silent' });

interface Setup {
  database: TestDatabase;
  clock: FixedClock;
  queue: JobQueue;
}

// One migrated database for this file, emptied before each use (see sharedEmptyDatabase).
const emptyDatabase = sharedEmptyDatabase();

/**
 * An empty database with a queue on a fixed clock. `own`: a database of its own, closed when the
 * test ends; `file`: on SQLite, that is a file in a temporary directory (removed at the end) that
 * other connections can open too.
 */
async function setup(t: TestContext, options: { file?: boolean; own?: boolean } = {}): Promise<Setup> {
  let database: TestDatabase;
  if (options.file || options.own) {
    const dir = options.file ? tempDir() : undefined;
    const own = createTestDatabase(dir ? { sqliteFile: path.join(dir, 'jobs.db') } : {});
    t.after(async () => {
      await (await own.catch(() => undefined))?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });
    database = await own;
  } else {
    database = await emptyDatabase();
  }
  const clock = new FixedClock(NOW);
  return { database, clock, queue: new JobQueue({ db: database.db, dialect: database.dialect, clock }) };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-jobs-'));
}

function jobRow(s: Setup, id: string) {
  return s.database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('JobQueue', () => {
  test('enqueue writes a queued row; claim takes it with a lease; complete marks it succeeded', async (t) => {
    const s = await setup(t);
    const id = await s.queue.enqueue('report.build', { org: 'skatteverket', n: 3 });
    assert.ok(id);
    const queued = await jobRow(s, id);
    assert.equal(queued.status, 'queued');
    assert.equal(queued.queue, 'default');
    assert.equal(queued.attempts, 0);
    assert.equal(queued.max_attempts, 5);
    assert.equal(queued.run_at, NOW.toISOString());
    assert.deepEqual(JSON.parse(queued.payload), { org: 'skatteverket', n: 3 });

    const claimed = await s.queue.claim('worker-a', ['report.build'], 10, 30_000);
    assert.deepEqual(claimed, [{ id, name: 'report.build', payload: { org: 'skatteverket', n: 3 }, attempts: 1, maxAttempts: 5 }]);
    const running = await jobRow(s, id);
    assert.equal(running.status, 'running');
    assert.equal(running.locked_by, 'worker-a');
    assert.equal(running.locked_until, at(30_000));
    assert.deepEqual(await s.queue.claim('worker-b', ['report.build'], 10, 30_000), [], 'a running job is not handed out again');

    s.clock.advance(1_000);
    await s.queue.complete(claimed[0]!, 'worker-a');
    const done = await jobRow(s, id);
    assert.equal(done.status, 'succeeded');
    assert.equal(done.finished_at, at(1_000));
    assert.equal(done.locked_by, null);
    assert.equal(done.locked_until, null);
    assert.deepEqual(await s.queue.claim('worker-a', ['report.build'], 10, 30_000), []);
  });

  test('a missing payload is stored as null and options are kept', async (t) => {
    const s = await setup(t);
    const id = await s.queue.enqueue('x', undefined, { maxAttempts: 2, queue: 'mail' });
    const row = await jobRow(s, id!);
    assert.equal(row.payload.trim(), 'null');
    assert.equal(row.max_attempts, 2);
    assert.equal(row.queue, 'mail');
    const [job] = await s.queue.claim('w', ['x'], 1, 1_000);
    assert.equal(job?.payload, null);
  });

  test('claim takes only registered names, at most `limit`, earliest run_at first', async (t) => {
    const s = await setup(t);
    const late = await s.queue.enqueue('a', { i: 'late' }, { runAt: new Date(NOW.getTime() - 1_000) });
    const early = await s.queue.enqueue('a', { i: 'early' }, { runAt: new Date(NOW.getTime() - 3_000) });
    const middle = await s.queue.enqueue('a', { i: 'middle' }, { runAt: new Date(NOW.getTime() - 2_000) });
    const other = await s.queue.enqueue('b', { i: 'other' }, { runAt: new Date(NOW.getTime() - 9_000) });

    assert.deepEqual(await s.queue.claim('w', [], 10, 1_000), [], 'no names → nothing');
    assert.deepEqual(await s.queue.claim('w', ['a'], 0, 1_000), [], 'no free slot → nothing');
    assert.deepEqual(await s.queue.claim('w', ['unknown'], 10, 1_000), []);

    const first = await s.queue.claim('w', ['a'], 2, 1_000);
    assert.deepEqual(
      first.map((j) => j.id),
      [early, middle],
    );
    const second = await s.queue.claim('w', ['a'], 2, 1_000);
    assert.deepEqual(
      second.map((j) => j.id),
      [late],
    );
    assert.equal((await jobRow(s, other!)).status, 'queued', "'b' is not claimed by a worker that does not know it");
    assert.deepEqual(
      (await s.queue.claim('w', ['a', 'b'], 10, 1_000)).map((j) => j.id),
      [other],
    );
  });

  test('a job with runAt in the future is not claimed until the clock reaches it', async (t) => {
    const s = await setup(t);
    const id = await s.queue.enqueue('later', {}, { runAt: new Date(NOW.getTime() + 60_000) });
    assert.deepEqual(await s.queue.claim('w', ['later'], 1, 1_000), []);
    s.clock.advance(59_999);
    assert.deepEqual(await s.queue.claim('w', ['later'], 1, 1_000), []);
    s.clock.advance(1);
    assert.deepEqual(
      (await s.queue.claim('w', ['later'], 1, 1_000)).map((j) => j.id),
      [id],
    );
  });

  test('fail schedules a retry with exponential backoff, then marks the job failed with last_error', async (t) => {
    const s = await setup(t);
    const id = (await s.queue.enqueue('flaky', {}, { maxAttempts: 3 }))!;

    // Attempt 1 fails: retry after 2 s ± 20 %.
    let [job] = await s.queue.claim('w', ['flaky'], 1, 60_000);
    assert.equal(job?.attempts, 1);
    assert.equal(await s.queue.fail(job!, 'w', new Error('upstream said 503')), 'retry');
    let row = await jobRow(s, id);
    assert.equal(row.status, 'queued');
    assert.equal(row.last_error, 'upstream said 503');
    assert.equal(row.locked_by, null);
    assert.equal(row.locked_until, null);
    assert.equal(row.finished_at, null);
    let delay = Date.parse(row.run_at) - s.clock.now().getTime();
    assert.ok(delay >= 1_600 && delay <= 2_400, `first retry after ${delay} ms, expected 1600–2400`);
    assert.deepEqual(await s.queue.claim('w', ['flaky'], 1, 60_000), [], 'not due before its backoff');

    // Attempt 2 fails: retry after 4 s ± 20 %.
    s.clock.set(new Date(row.run_at));
    [job] = await s.queue.claim('w', ['flaky'], 1, 60_000);
    assert.equal(job?.attempts, 2);
    assert.equal(await s.queue.fail(job!, 'w', 'plain string reason'), 'retry');
    row = await jobRow(s, id);
    delay = Date.parse(row.run_at) - s.clock.now().getTime();
    assert.ok(delay >= 3_200 && delay <= 4_800, `second retry after ${delay} ms, expected 3200–4800`);
    assert.equal(row.last_error, 'plain string reason');

    // Attempt 3 is the last: failed for good.
    s.clock.set(new Date(row.run_at));
    [job] = await s.queue.claim('w', ['flaky'], 1, 60_000);
    assert.equal(job?.attempts, 3);
    assert.equal(await s.queue.fail(job!, 'w', new Error('x'.repeat(5_000))), 'failed');
    row = await jobRow(s, id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, 'x'.repeat(2_000), 'the stored error is capped');
    assert.equal(row.finished_at, s.clock.now().toISOString());
    s.clock.advance(86_400_000);
    assert.deepEqual(await s.queue.claim('w', ['flaky'], 1, 60_000), [], 'a failed job is never claimed again');
  });

  test('retryDelayMs: 2^n seconds capped at one hour, with ±20 % jitter', () => {
    assert.equal(retryDelayMs(1, () => 0.5), 2_000);
    assert.equal(retryDelayMs(3, () => 0.5), 8_000);
    assert.equal(retryDelayMs(3, () => 0), 6_400);
    assert.equal(retryDelayMs(3, () => 0.999_999), 9_600);
    assert.equal(retryDelayMs(12, () => 0.5), 3_600_000, '2^12 s is more than an hour');
    assert.equal(retryDelayMs(30, () => 0.5), 3_600_000);
    assert.equal(retryDelayMs(30, () => 0), 2_880_000);
    assert.ok(retryDelayMs(30, () => 0.999_999) <= 4_320_000);
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(4);
      assert.ok(d >= 12_800 && d <= 19_200, `${d}`);
    }
  });

  test("a lease that ran out lets worker B take the job, and worker A's late complete/fail change nothing", async (t) => {
    const s = await setup(t);
    const id = (await s.queue.enqueue('slow', { n: 1 }))!;
    const [jobA] = await s.queue.claim('worker-a', ['slow'], 1, 30_000);
    assert.ok(jobA);

    s.clock.advance(30_000);
    assert.deepEqual(await s.queue.claim('worker-b', ['slow'], 1, 30_000), [], 'the lease holds up to its last millisecond');
    s.clock.advance(1);
    const [jobB] = await s.queue.claim('worker-b', ['slow'], 1, 30_000);
    assert.equal(jobB?.id, id);
    assert.equal(jobB?.attempts, 2, 'the lost run counts as an attempt');

    await s.queue.complete(jobA, 'worker-a');
    let row = await jobRow(s, id);
    assert.equal(row.status, 'running');
    assert.equal(row.locked_by, 'worker-b');
    await s.queue.fail(jobA, 'worker-a', new Error('late failure'));
    row = await jobRow(s, id);
    assert.equal(row.status, 'running');
    assert.equal(row.locked_by, 'worker-b');
    assert.equal(row.last_error, null);

    await s.queue.complete(jobB!, 'worker-b');
    row = await jobRow(s, id);
    assert.equal(row.status, 'succeeded');
  });

  test('a job whose lease ran out on its last attempt is failed, not taken over forever', async (t) => {
    const s = await setup(t);
    const id = (await s.queue.enqueue('crashy', {}, { maxAttempts: 2 }))!;
    assert.equal((await s.queue.claim('worker-a', ['crashy'], 1, 1_000)).length, 1);
    s.clock.advance(1_001);
    const [second] = await s.queue.claim('worker-b', ['crashy'], 1, 1_000);
    assert.equal(second?.attempts, 2, 'the second attempt is the last');
    s.clock.advance(1_001);
    assert.deepEqual(await s.queue.claim('worker-c', ['crashy'], 1, 1_000), [], 'no third attempt');
    const row = await jobRow(s, id);
    assert.equal(row.status, 'failed');
    assert.match(String(row.last_error), /lease expired/);
  });

  test('uniqueKey dedupes while a job is queued or running and is free again once it finished', async (t) => {
    const s = await setup(t);
    const first = await s.queue.enqueue('harvest', { source: 1 }, { uniqueKey: 'harvest:1' });
    assert.ok(first);
    assert.equal(await s.queue.enqueue('harvest', { source: 1 }, { uniqueKey: 'harvest:1' }), undefined, 'queued → duplicate refused');
    assert.ok(await s.queue.enqueue('harvest', { source: 2 }, { uniqueKey: 'harvest:2' }), 'another key is independent');
    assert.ok(await s.queue.enqueue('harvest', { source: 1 }), 'jobs without key are never deduped');

    const [job] = (await s.queue.claim('w', ['harvest'], 1, 60_000)).filter((j) => j.id === first);
    assert.ok(job, 'the keyed job is claimed first (oldest)');
    assert.equal(await s.queue.enqueue('harvest', {}, { uniqueKey: 'harvest:1' }), undefined, 'running → duplicate refused');

    // A retry keeps the key.
    await s.queue.fail(job, 'w', new Error('retry me'));
    assert.equal(await s.queue.enqueue('harvest', {}, { uniqueKey: 'harvest:1' }), undefined, 'queued for retry → duplicate refused');

    s.clock.advance(3_600_000);
    const [again] = (await s.queue.claim('w', ['harvest'], 10, 60_000)).filter((j) => j.id === first);
    await s.queue.complete(again!, 'w');
    const next = await s.queue.enqueue('harvest', { source: 1 }, { uniqueKey: 'harvest:1', maxAttempts: 1 });
    assert.ok(next && next !== first, 'succeeded → the key is free');

    // A job that failed for good frees its key too.
    const [keyed] = (await s.queue.claim('w', ['harvest'], 10, 60_000)).filter((j) => j.id === next);
    assert.equal(await s.queue.fail(keyed!, 'w', new Error('final')), 'failed');
    assert.equal((await jobRow(s, next)).status, 'failed');
    assert.ok(await s.queue.enqueue('harvest', {}, { uniqueKey: 'harvest:1' }), 'failed → the key is free');
  });

  test('a job enqueued in a transaction exists only if the transaction commits', async (t) => {
    const s = await setup(t);
    await assert.rejects(
      s.database.db.transaction().execute(async (trx) => {
        const id = await s.queue.enqueue('mail.deliver', { id: 'm1' }, {}, trx);
        assert.ok(id);
        const inside = await trx.selectFrom('job').select('id').execute();
        assert.equal(inside.length, 1, 'visible inside the transaction');
        throw new Error('the surrounding write failed');
      }),
      /the surrounding write failed/,
    );
    assert.deepEqual(await s.database.db.selectFrom('job').selectAll().execute(), []);
    assert.deepEqual(await s.queue.counts(), { queued: 0, running: 0, succeeded: 0, failed: 0 });

    const id = await s.database.db.transaction().execute((trx) => s.queue.enqueue('mail.deliver', { id: 'm2' }, {}, trx));
    assert.equal((await jobRow(s, id!)).status, 'queued');
  });

  test('counts() groups jobs by status', async (t) => {
    const s = await setup(t);
    assert.deepEqual(await s.queue.counts(), { queued: 0, running: 0, succeeded: 0, failed: 0 });
    for (let i = 0; i < 5; i++) await s.queue.enqueue('c', { i }, { maxAttempts: 1 });
    const [a, b, c] = await s.queue.claim('w', ['c'], 3, 60_000);
    await s.queue.complete(a!, 'w');
    await s.queue.fail(b!, 'w', new Error('no'));
    assert.ok(c);
    assert.deepEqual(await s.queue.counts(), { queued: 2, running: 1, succeeded: 1, failed: 1 });
  });

  test('concurrent claimers on separate connections never get the same job', async (t) => {
    const s = await setup(t, { file: true });
    const total = 200;
    for (let i = 0; i < total; i++) await s.queue.enqueue('work', { i });

    const claimers = testDialect === 'postgres' ? 8 : 3;
    const results = await claimInParallel(s.database, claimers, NOW);
    const all = results.flatMap((r) => r.ids);
    assert.equal(all.length, total, 'every job was handed out');
    assert.equal(new Set(all).size, total, 'no job was handed out twice');
    // Each row records the claimer that got it.
    const rows = await s.database.db.selectFrom('job').select(['id', 'locked_by', 'attempts', 'status']).execute();
    const owner = new Map(results.flatMap((r) => r.ids.map((id) => [id, r.workerId] as const)));
    for (const row of rows) {
      assert.equal(row.status, 'running');
      assert.equal(row.attempts, 1);
      assert.equal(row.locked_by, owner.get(row.id));
    }
  });

  test('isolated test databases migrate side by side (each PostgreSQL schema gets its own migration tables)', async (t) => {
    const first = await setup(t, { own: true });
    const second = await setup(t, { own: true }); // migrated while the first one exists
    await first.queue.enqueue('a', {});
    assert.deepEqual(await second.queue.counts(), { queued: 0, running: 0, succeeded: 0, failed: 0 });
    assert.equal((await first.queue.counts()).queued, 1);
  });

  test('jobs survive a restart: enqueue, close, reopen the same database, a worker runs the job', async (t) => {
    const dir = tempDir();
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    // The test database owns the file or schema (and drops the schema at the end); the "app" opens
    // and closes its own connections to it, as a restarted process would.
    const owner = await createTestDatabase({ sqliteFile: path.join(dir, 'restart.db') });
    const clock = new FixedClock(NOW);
    try {
      const before = createDatabase({ ...owner.connection, poolSize: 2 });
      const id = await new JobQueue({ db: before.db, dialect: before.dialect, clock }).enqueue('import.file', { file: 'skolenheter.csv' });
      await before.close();

      const after = createDatabase({ ...owner.connection, poolSize: 2 });
      try {
        const queue = new JobQueue({ db: after.db, dialect: after.dialect, clock });
        assert.deepEqual(await queue.counts(), { queued: 1, running: 0, succeeded: 0, failed: 0 });
        const seen: unknown[] = [];
        const registry = new JobRegistry();
        registry.register('import.file', { handler: async (payload) => void seen.push(payload) });
        await new Worker({ db: after.db, clock, queue, registry, log: silent }, { concurrency: 2, pollIntervalMs: 1_000 }).drain();
        assert.deepEqual(seen, [{ file: 'skolenheter.csv' }]);
        const row = await after.db.selectFrom('job').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
        assert.equal(row.status, 'succeeded');
      } finally {
        await after.close();
      }
    } finally {
      await owner.close();
    }
  });
});

// --- parallel claimers -------------------------------------------------------------------------

interface ClaimerResult {
  workerId: string;
  ids: string[];
}

/**
 * Runs `count` claimers at once, each with its own connection (pool) to the test database, starting
 * together once all are connected. On PostgreSQL they share this process: the claims race on the
 * same rows in the server. On SQLite each runs in its own thread, because better-sqlite3 is
 * synchronous and connections in one thread could never overlap; threads contend for the file lock
 * as worker processes do.
 */
async function claimInParallel(database: TestDatabase, count: number, now: Date): Promise<ClaimerResult[]> {
  if (database.dialect === 'postgres') {
    const claimers = Array.from({ length: count }, (_, i) => {
      const connection = createDatabase({ ...database.connection, poolSize: 2 });
      const queue = new JobQueue({ db: connection.db, dialect: connection.dialect, clock: new FixedClock(now) });
      return { workerId: `claimer-${i}`, connection, queue };
    });
    try {
      await Promise.all(claimers.map((c) => c.queue.counts())); // connected
      return await Promise.all(
        claimers.map(async ({ workerId, queue }) => {
          const ids: string[] = [];
          for (;;) {
            const jobs = await queue.claim(workerId, ['work'], 5, 600_000);
            if (jobs.length === 0) return { workerId, ids };
            ids.push(...jobs.map((j) => j.id));
          }
        }),
      );
    } finally {
      await Promise.all(claimers.map((c) => c.connection.close()));
    }
  }
  const workerData = {
    tsxApi: import.meta.resolve('tsx/esm/api'),
    databaseModule: new URL('../../db/index.ts', import.meta.url).href,
    queueModule: new URL('./job-queue.ts', import.meta.url).href,
    clockModule: new URL('../clock.ts', import.meta.url).href,
    connection: database.connection,
    now: now.toISOString(),
  };
  const threads = Array.from({ length: count }, (_, i) => new Thread(CLAIMER_SOURCE, { eval: true, workerData: { ...workerData, workerId: `claimer-${i}` } }));
  try {
    const ready = threads.map((thread) => nextMessage(thread));
    await Promise.all(ready);
    const done = threads.map((thread) => nextMessage(thread));
    for (const thread of threads) thread.postMessage('go');
    return (await Promise.all(done)) as ClaimerResult[];
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

const CLAIMER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const { register } = await import(workerData.tsxApi);
register();
const { createDatabase } = await import(workerData.databaseModule);
const { JobQueue } = await import(workerData.queueModule);
const { FixedClock } = await import(workerData.clockModule);
const database = createDatabase({ ...workerData.connection, poolSize: 2 });
const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock: new FixedClock(new Date(workerData.now)) });
await queue.counts(); // connected
parentPort.once('message', async () => {
  const ids = [];
  for (;;) {
    const jobs = await queue.claim(workerData.workerId, ['work'], 5, 600000);
    if (jobs.length === 0) break;
    for (const job of jobs) ids.push(job.id);
  }
  await database.close();
  parentPort.postMessage({ workerId: workerData.workerId, ids });
});
parentPort.postMessage('ready');
`;
