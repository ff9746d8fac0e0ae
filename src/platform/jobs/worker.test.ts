import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { type TestDatabase, sharedEmptyDatabase } from '../../../test/support/test-database.js';
import { FixedClock } from '../clock.js';
import { JobQueue, type ClaimedJob } from './job-queue.js';
import { PRUNE_JOBS_CRON, PRUNE_JOBS_JOB, pruneFinishedJobs } from './prune.js';
import { upsertSchedule } from './schedules.js';
import { JobRegistry, Worker, type JobContext, type WorkerOptions } from './worker.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');

/** A pino logger whose entries tests can read. */
function capturingLogger() {
  const entries: { level: number; msg: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void entries.push(JSON.parse(line)) });
  return { log, entries };
}

interface Setup {
  database: TestDatabase;
  clock: FixedClock;
  queue: JobQueue;
  registry: JobRegistry;
  entries: ReturnType<typeof capturingLogger>['entries'];
  worker(options?: Partial<WorkerOptions>, queue?: JobQueue): Worker;
}

// One migrated database for this file, emptied before each use (see sharedEmptyDatabase).
const emptyDatabase = sharedEmptyDatabase();

async function setup(): Promise<Setup> {
  const database = await emptyDatabase();
  const clock = new FixedClock(NOW);
  const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock });
  const registry = new JobRegistry();
  const { log, entries } = capturingLogger();
  return {
    database,
    clock,
    queue,
    registry,
    entries,
    worker: (options = {}, q = queue) => new Worker({ db: database.db, clock, queue: q, registry, log }, { concurrency: 2, pollIntervalMs: 5, ...options }),
  };
}

function jobRow(s: Setup, id: string) {
  return s.database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A promise with its resolve function, for handlers that wait until the test lets them go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Polls `check` (real time) until it is true; fails after `ms`. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) assert.fail('condition not met in time');
    await sleep(2);
  }
}

describe('JobRegistry', () => {
  test('knows its jobs and refuses a name registered twice', () => {
    const registry = new JobRegistry();
    const handler = async () => {};
    registry.register('a', { handler });
    registry.register('b', { handler, timeoutMs: 5 });
    assert.deepEqual(registry.names(), ['a', 'b']);
    assert.equal(registry.get('b')?.timeoutMs, 5);
    assert.equal(registry.get('c'), undefined);
    assert.throws(() => registry.register('a', { handler }), /registered twice/);
  });
});

describe('Worker', () => {
  test('drain runs each due job with its payload and marks it succeeded', async () => {
    const s = await setup();
    const calls: { payload: unknown; context: JobContext }[] = [];
    s.registry.register('greet', { handler: async (payload, context) => void calls.push({ payload, context }) });
    const ids = [await s.queue.enqueue('greet', { who: 'Anna' }), await s.queue.enqueue('greet', { who: 'Björn' }), await s.queue.enqueue('greet', { who: 'Cecilia' })];
    const later = await s.queue.enqueue('greet', { who: 'later' }, { runAt: new Date(NOW.getTime() + 60_000) });
    const unknown = await s.queue.enqueue('not.registered', {});

    await s.worker({ concurrency: 2 }).drain();
    assert.deepEqual(
      calls.map((c) => c.payload),
      [{ who: 'Anna' }, { who: 'Björn' }, { who: 'Cecilia' }],
    );
    assert.deepEqual(
      calls.map((c) => [c.context.jobId, c.context.attempt, c.context.signal.aborted]),
      ids.map((id) => [id, 1, false]),
    );
    for (const id of ids) assert.equal((await jobRow(s, id!)).status, 'succeeded');
    assert.equal((await jobRow(s, later!)).status, 'queued', 'not due yet');
    assert.equal((await jobRow(s, unknown!)).status, 'queued', 'not this worker’s job');
    assert.deepEqual(await s.queue.counts(), { queued: 2, running: 0, succeeded: 3, failed: 0 });
  });

  test('a throwing handler is retried with backoff, then failed with its error', async () => {
    const s = await setup();
    const attempts: number[] = [];
    s.registry.register('flaky', {
      handler: async (_payload, { attempt }) => {
        attempts.push(attempt);
        throw new Error(`broken on attempt ${attempt}`);
      },
    });
    const id = (await s.queue.enqueue('flaky', {}, { maxAttempts: 3 }))!;
    const worker = s.worker();

    await worker.drain();
    let row = await jobRow(s, id);
    assert.deepEqual(attempts, [1]);
    assert.equal(row.status, 'queued');
    assert.equal(row.last_error, 'broken on attempt 1');
    assert.ok(row.run_at > NOW.toISOString(), 'retried later, not at once');

    await worker.drain();
    assert.deepEqual(attempts, [1], 'drain does not wait for a retry that is not due');

    for (const expected of [2, 3]) {
      s.clock.set(new Date((await jobRow(s, id)).run_at));
      await worker.drain();
      assert.equal(attempts.at(-1), expected);
    }
    row = await jobRow(s, id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, 'broken on attempt 3');
    s.clock.advance(86_400_000);
    await worker.drain();
    assert.deepEqual(attempts, [1, 2, 3], 'never run again');
    assert.ok(s.entries.some((e) => e.msg === 'job failed' && e.err?.message === 'broken on attempt 3'));
  });

  test('a handler that fails once and then succeeds ends succeeded with no error left', async () => {
    const s = await setup();
    let runs = 0;
    s.registry.register('once-flaky', {
      handler: async () => {
        runs += 1;
        if (runs === 1) throw new Error('first time unlucky');
      },
    });
    const id = (await s.queue.enqueue('once-flaky', {}))!;
    const worker = s.worker();
    await worker.drain();
    s.clock.advance(3_600_000);
    await worker.drain();
    const row = await jobRow(s, id);
    assert.equal(runs, 2);
    assert.equal(row.status, 'succeeded');
    assert.equal(row.last_error, null);
  });

  test('a handler past its timeoutMs fails with a timeout error and sees its signal aborted', async () => {
    const s = await setup();
    let signal: AbortSignal | undefined;
    s.registry.register('stuck', {
      timeoutMs: 30,
      // Waits until it is told to stop, as a well-behaved long job does.
      handler: (_payload, context) =>
        new Promise<void>((resolve) => {
          signal = context.signal;
          context.signal.addEventListener('abort', () => resolve());
        }),
    });
    const id = (await s.queue.enqueue('stuck', {}, { maxAttempts: 2 }))!;
    const started = Date.now();
    await s.worker().drain();
    assert.ok(Date.now() - started < 5_000, 'ended by the time limit, not by anything else');
    assert.equal(signal?.aborted, true);
    assert.match(String((signal?.reason as Error).message), /timed out/);
    const row = await jobRow(s, id);
    assert.equal(row.status, 'queued', 'a timeout is a failure like any other: retried');
    assert.equal(row.last_error, 'timed out after 30 ms');
  });

  test('a handler that finishes in time is not aborted', async () => {
    const s = await setup();
    let signal: AbortSignal | undefined;
    s.registry.register('quick', {
      timeoutMs: 50,
      handler: async (_payload, context) => {
        signal = context.signal;
      },
    });
    await s.queue.enqueue('quick', {});
    await s.worker().drain();
    await sleep(80); // past the time limit: the timer was cleared, nothing fires
    assert.equal(signal?.aborted, false);
    assert.deepEqual(await s.queue.counts(), { queued: 0, running: 0, succeeded: 1, failed: 0 });
  });

  test('never runs more than `concurrency` handlers at once', async () => {
    const s = await setup();
    let active = 0;
    let peak = 0;
    s.registry.register('busy', {
      handler: async () => {
        active += 1;
        peak = Math.max(peak, active);
        await sleep(5);
        active -= 1;
      },
    });
    for (let i = 0; i < 10; i++) await s.queue.enqueue('busy', { i });

    await s.worker({ concurrency: 3 }).drain();
    assert.equal(peak, 3, 'drain uses all three slots and no more');
    assert.equal((await s.queue.counts()).succeeded, 10);

    // The polling loop, with extra ticks forced from outside, also keeps to the limit.
    for (let i = 0; i < 10; i++) await s.queue.enqueue('busy', { i });
    peak = 0;
    const worker = s.worker({ concurrency: 2, pollIntervalMs: 1 });
    worker.start();
    await Promise.all([worker.tick(), worker.tick()]);
    await eventually(async () => (await s.queue.counts()).succeeded === 20);
    await worker.stop();
    assert.equal(peak, 2);
  });

  test('start polls for work; stop() waits for jobs in flight and takes no new ones', async (t) => {
    const s = await setup();
    const release = gate();
    t.after(release.open);
    const started: unknown[] = [];
    s.registry.register('long', {
      handler: async (payload) => {
        started.push(payload);
        await release.opened;
      },
    });
    const worker = s.worker({ pollIntervalMs: 5 });
    worker.start();
    const id = (await s.queue.enqueue('long', { n: 1 }))!;
    await eventually(() => started.length === 1);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await sleep(30);
    assert.equal(stopped, false, 'stop() is still waiting for the running job');
    assert.equal((await jobRow(s, id)).status, 'running');
    release.open();
    await stopping;
    assert.equal((await jobRow(s, id)).status, 'succeeded', 'the job finished before stop() returned');

    await s.queue.enqueue('long', { n: 2 });
    await sleep(30);
    assert.deepEqual(started, [{ n: 1 }], 'a stopped worker takes no new jobs');
  });

  test('stop() gives up after its timeout and aborts the jobs still running', async () => {
    const s = await setup();
    let signal: AbortSignal | undefined;
    s.registry.register('ignores-time', {
      handler: (_payload, context) =>
        new Promise<void>((resolve) => {
          signal = context.signal;
          context.signal.addEventListener('abort', () => resolve());
        }),
    });
    const id = (await s.queue.enqueue('ignores-time', {}))!;
    const worker = s.worker();
    worker.start();
    await eventually(() => signal !== undefined);
    const before = Date.now();
    await worker.stop(40);
    assert.ok(Date.now() - before >= 35);
    assert.equal(signal?.aborted, true);
    assert.match(String((signal?.reason as Error).message), /worker stopping/);
    const row = await jobRow(s, id);
    assert.equal(row.status, 'queued', 'the interrupted run is recorded as failed, to be retried');
    assert.equal(row.last_error, 'worker stopping');
  });

  test('the lease lasts at least as long as the longest job may run', async (t) => {
    const s = await setup();
    const release = gate();
    t.after(release.open);
    s.registry.register('harvest', { timeoutMs: 30 * 60_000, handler: () => release.opened });
    s.registry.register('quick', { timeoutMs: 1_000, handler: async () => {} });
    const id = (await s.queue.enqueue('harvest', {}))!;
    const worker = s.worker();
    assert.equal(await worker.tick(), 1);
    const row = await jobRow(s, id);
    const leaseMs = Date.parse(row.locked_until!) - NOW.getTime();
    assert.ok(leaseMs > 30 * 60_000, `a 30-minute job got a ${leaseMs / 60_000}-minute lease: another worker would run it twice`);
    // No other worker can take it while it may still be running.
    s.clock.advance(30 * 60_000);
    assert.deepEqual(await s.queue.claim('other-worker', ['harvest'], 1, 60_000), []);
    release.open();
    await worker.drain();
    assert.equal((await jobRow(s, id)).status, 'succeeded');
  });

  test('an explicit leaseMs option is used as given', async (t) => {
    const s = await setup();
    const release = gate();
    t.after(release.open);
    s.registry.register('j', { handler: () => release.opened });
    const id = (await s.queue.enqueue('j', {}))!;
    const worker = s.worker({ leaseMs: 90_000 });
    await worker.tick();
    assert.equal((await jobRow(s, id)).locked_until, new Date(NOW.getTime() + 90_000).toISOString());
    release.open();
    await worker.drain();
  });

  test('a database error while recording a failure is logged, not thrown out of the worker', async (t) => {
    const s = await setup();
    class BrokenQueue extends JobQueue {
      override async fail(_job: ClaimedJob, _workerId: string, _error: unknown): Promise<'retry' | 'failed'> {
        throw new Error('connection lost');
      }
    }
    const broken = new BrokenQueue({ db: s.database.db, dialect: s.database.dialect, clock: s.clock });
    s.registry.register('boom', {
      handler: async () => {
        throw new Error('handler failed');
      },
    });
    const id = (await s.queue.enqueue('boom', {}))!;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    t.after(() => process.off('unhandledRejection', onUnhandled));

    const worker = s.worker({ pollIntervalMs: 1_000 }, broken);
    worker.start();
    await eventually(() => s.entries.some((e) => e.err?.message === 'connection lost'));
    await worker.stop();
    await sleep(5);
    assert.deepEqual(unhandled, []);
    const row = await jobRow(s, id);
    assert.equal(row.status, 'running', 'left to its lease, which returns it to the queue');
  });

  test('each tick enqueues the schedules that are due, so their jobs run', async () => {
    const s = await setup();
    const payloads: unknown[] = [];
    s.registry.register('stats.rollup', { handler: async (payload) => void payloads.push(payload) });
    await upsertSchedule(s.database.db, s.clock, { name: 'stats.rollup', cron: '0 * * * *', payload: { window: 'hour' } });
    const worker = s.worker();
    await worker.drain();
    assert.deepEqual(payloads, [], 'not due yet');
    s.clock.set(new Date('2026-11-28T11:00:00.000Z'));
    await worker.drain();
    await worker.drain();
    assert.deepEqual(payloads, [{ window: 'hour' }]);
  });
});

describe('a broken schedule', () => {
  test('is logged and stops neither the other schedules nor the queued jobs', async () => {
    const s = await setup();
    const ran: string[] = [];
    for (const name of ['a.broken', 'z.good', 'queued.job']) s.registry.register(name, { handler: async () => void ran.push(name) });
    // A row no longer valid (edited by hand, or an expression a newer croner refuses).
    await s.database.db
      .insertInto('job_schedule')
      .values({ name: 'a.broken', cron: '0 3 * *', timezone: 'Europe/Stockholm', payload: 'null', next_run_at: NOW.toISOString(), last_run_at: null, updated_at: NOW.toISOString() })
      .execute();
    await upsertSchedule(s.database.db, s.clock, { name: 'z.good', cron: '0 * * * *' });
    await s.queue.enqueue('queued.job', {});
    s.clock.set(new Date('2026-11-28T11:00:00.000Z'));

    await s.worker().drain();
    assert.deepEqual(ran.sort(), ['queued.job', 'z.good']);
    assert.ok(s.entries.some((e) => e.level >= 50 && /cron/i.test(JSON.stringify(e))), 'the broken schedule is logged as an error');
  });
});

describe('the prune job', () => {
  test('runs nightly at 03:15 Stockholm time and deletes only old finished jobs', async () => {
    const database = await emptyDatabase();
    const clock = new FixedClock(new Date('2026-11-28T10:00:00.000Z'));
    const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock });
    // Registered as app.ts does (registerJobs / registerSchedules).
    const registry = new JobRegistry();
    let deleted: number | undefined;
    registry.register(PRUNE_JOBS_JOB, { handler: async () => void (deleted = await pruneFinishedJobs(database.db, clock)) });
    await upsertSchedule(database.db, clock, { name: PRUNE_JOBS_JOB, cron: PRUNE_JOBS_CRON });

    const day = 86_400_000;
    const nightlyRun = new Date('2026-11-29T02:15:00.000Z'); // 03:15 CET
    const ago = (days: number) => new Date(nightlyRun.getTime() - days * day - 60_000).toISOString();
    const rows = [
      { id: 'succeeded-8d', status: 'succeeded', finished_at: ago(8) },
      { id: 'succeeded-6d', status: 'succeeded', finished_at: ago(6) },
      { id: 'failed-8d', status: 'failed', finished_at: ago(8) },
      { id: 'failed-27d', status: 'failed', finished_at: ago(27) },
      { id: 'failed-29d', status: 'failed', finished_at: ago(29) },
      { id: 'queued-old', status: 'queued', finished_at: null },
      { id: 'running-old', status: 'running', finished_at: null },
    ] as const;
    await database.db
      .insertInto('job')
      .values(
        rows.map((r) => ({
          id: r.id,
          queue: 'default',
          name: 'unregistered.job', // so the worker leaves the unfinished ones alone
          payload: '{}',
          status: r.status,
          max_attempts: 5,
          run_at: ago(60),
          locked_by: r.status === 'running' ? 'dead-worker' : null,
          locked_until: r.status === 'running' ? ago(59) : null,
          last_error: null,
          unique_key: null,
          created_at: ago(60),
          updated_at: ago(60),
          finished_at: r.finished_at,
        })),
      )
      .execute();

    const worker = new Worker({ db: database.db, clock, queue, registry, log: pino({ level: 'silent' }) }, { concurrency: 1, pollIntervalMs: 1_000 });
    clock.set(new Date(nightlyRun.getTime() - 1));
    await worker.drain();
    assert.equal((await database.db.selectFrom('job').select('id').execute()).length, rows.length, 'nothing runs before 03:15');

    clock.set(nightlyRun);
    await worker.drain();
    assert.equal(deleted, 2);
    const left = await database.db.selectFrom('job').select(['id', 'name', 'status']).orderBy('id').execute();
    assert.deepEqual(
      left.filter((r) => r.name !== PRUNE_JOBS_JOB).map((r) => r.id),
      ['failed-27d', 'failed-8d', 'queued-old', 'running-old', 'succeeded-6d'],
    );
    assert.deepEqual(
      left.filter((r) => r.name === PRUNE_JOBS_JOB).map((r) => r.status),
      ['succeeded'],
      'the prune job ran once',
    );
  });
});
