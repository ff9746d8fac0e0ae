import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { Worker as Thread } from 'node:worker_threads';
import { createTestDatabase, type TestDatabase, sharedEmptyDatabase } from '../../../test/support/test-database.js';
import { createDatabase } from '../../db/index.js';
import { FixedClock } from '../clock.js';
import { ValidationError } from '../errors.js';
import { JobQueue } from './job-queue.js';
import { DEFAULT_TIMEZONE, enqueueDueSchedules, nextCronRun, upsertSchedule } from './schedules.js';
import { nextMessage } from '../../../test/support/threads.js';

const STOCKHOLM = 'Europe/Stockholm';

/** The next `n` runs, each computed from the one before, as ISO strings. */
function runs(cron: string, from: string, n: number, timezone = STOCKHOLM): string[] {
  const out: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < n; i++) {
    after = nextCronRun(cron, timezone, after);
    out.push(after.toISOString());
  }
  return out;
}

function validationDetails(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.equal(error.status, 400);
    return error.details ?? {};
  }
  assert.fail('expected a ValidationError');
}

describe('nextCronRun in Europe/Stockholm', () => {
  test('the default timezone is Stockholm', () => {
    assert.equal(DEFAULT_TIMEZONE, STOCKHOLM);
  });

  // CET is UTC+1 (winter), CEST is UTC+2 (summer): 09:00 local is 08:00Z in winter, 07:00Z in summer.
  test('09:00 daily stays 09:00 local across the spring change (2027-03-28)', () => {
    assert.deepEqual(runs('0 9 * * *', '2027-03-26T12:00:00.000Z', 3), ['2027-03-27T08:00:00.000Z', '2027-03-28T07:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  test('09:00 daily stays 09:00 local across the autumn changes (2026-10-25, 2027-10-31)', () => {
    assert.deepEqual(runs('0 9 * * *', '2026-10-23T12:00:00.000Z', 3), ['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    assert.deepEqual(runs('0 9 * * *', '2027-10-29T12:00:00.000Z', 3), ['2027-10-30T07:00:00.000Z', '2027-10-31T08:00:00.000Z', '2027-11-01T08:00:00.000Z']);
  });

  test('a time inside the skipped spring hour still runs once that day, right after the gap', () => {
    // 02:30 does not exist on 2027-03-28 (02:00 → 03:00); the run happens at 03:00 CEST = 01:00Z.
    assert.deepEqual(runs('30 2 * * *', '2027-03-26T12:00:00.000Z', 3), ['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z']);
  });

  test('a time inside the repeated autumn hour runs once, not twice', () => {
    // 02:30 happens twice on 2026-10-25 (CEST 00:30Z, then CET 01:30Z); only the first runs.
    assert.deepEqual(runs('30 2 * * *', '2026-10-23T12:00:00.000Z', 3), ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  test('an hourly schedule keeps running every real hour across both changes', () => {
    for (const from of ['2026-10-24T22:30:00.000Z', '2027-03-27T22:30:00.000Z']) {
      const times = runs('0 * * * *', from, 6).map((iso) => Date.parse(iso));
      for (let i = 1; i < times.length; i++) assert.equal(times[i]! - times[i - 1]!, 3_600_000, `from ${from}, run ${i}`);
    }
  });

  test('the next run is strictly after the given time', () => {
    assert.equal(nextCronRun('0 9 * * *', STOCKHOLM, new Date('2026-11-28T07:59:59.999Z')).toISOString(), '2026-11-28T08:00:00.000Z');
    assert.equal(nextCronRun('0 9 * * *', STOCKHOLM, new Date('2026-11-28T08:00:00.000Z')).toISOString(), '2026-11-29T08:00:00.000Z');
    // Six fields: seconds first.
    assert.equal(nextCronRun('*/10 * * * * *', STOCKHOLM, new Date('2026-11-28T08:00:10.000Z')).toISOString(), '2026-11-28T08:00:20.000Z');
  });

  test('another timezone is honoured', () => {
    assert.equal(nextCronRun('0 9 * * *', 'UTC', new Date('2026-06-01T00:00:00.000Z')).toISOString(), '2026-06-01T09:00:00.000Z');
    assert.equal(nextCronRun('0 9 * * *', STOCKHOLM, new Date('2026-06-01T00:00:00.000Z')).toISOString(), '2026-06-01T07:00:00.000Z');
  });

  test('an invalid expression is a ValidationError on `cron`', () => {
    for (const cron of ['nope', '', '* * *', '61 * * * *', '0 25 * * *', '* * * * * * * *']) {
      const details = validationDetails(() => nextCronRun(cron, STOCKHOLM, new Date()));
      assert.ok(details.cron && details.cron.length > 0, `details.cron for '${cron}'`);
    }
    assert.deepEqual(validationDetails(() => nextCronRun('0 0 30 2 *', STOCKHOLM, new Date())), { cron: ['never runs'] });
  });

  test('an unknown timezone is a ValidationError on `timezone`', () => {
    const details = validationDetails(() => nextCronRun('0 9 * * *', 'Mars/Olympus_Mons', new Date()));
    assert.ok(details.timezone && details.timezone.length > 0);
  });
});

// --- schedules in the database -----------------------------------------------------------------

interface Setup {
  database: TestDatabase;
  clock: FixedClock;
  queue: JobQueue;
}

// One migrated database for this file, emptied before each use (see sharedEmptyDatabase).
const emptyDatabase = sharedEmptyDatabase();

/**
 * An empty database. `file`: one of its own that other connections can open (on SQLite a file in a
 * temporary directory), closed and removed when the test ends.
 */
async function setup(t: TestContext, now: string, options: { file?: boolean } = {}): Promise<Setup> {
  let database: TestDatabase;
  if (options.file) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-schedules-'));
    const own = createTestDatabase({ sqliteFile: path.join(dir, 'schedules.db') });
    t.after(async () => {
      await (await own.catch(() => undefined))?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    database = await own;
  } else {
    database = await emptyDatabase();
  }
  const clock = new FixedClock(new Date(now));
  return { database, clock, queue: new JobQueue({ db: database.db, dialect: database.dialect, clock }) };
}

function schedule(s: Setup, name: string) {
  return s.database.db.selectFrom('job_schedule').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

function jobs(s: Setup) {
  return s.database.db.selectFrom('job').selectAll().orderBy('created_at').orderBy('id').execute();
}

describe('upsertSchedule', () => {
  test('creates a schedule due at its next run, in Stockholm time by default', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z'); // 11:00 CET
    await upsertSchedule(s.database.db, s.clock, { name: 'report.nightly', cron: '0 3 * * *', payload: { kind: 'full' } });
    const row = await schedule(s, 'report.nightly');
    assert.equal(row.cron, '0 3 * * *');
    assert.equal(row.timezone, STOCKHOLM);
    assert.deepEqual(JSON.parse(row.payload), { kind: 'full' });
    assert.equal(row.next_run_at, '2026-11-29T02:00:00.000Z');
    assert.equal(row.last_run_at, null);
  });

  test('an unchanged schedule keeps its next due time, even one that has passed', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    const definition = { name: 'report.nightly', cron: '0 3 * * *', payload: { kind: 'full', orgs: ['a', 'b'], limit: 10 } };
    await upsertSchedule(s.database.db, s.clock, definition);
    // The process was down over the 03:00 run and starts again at 05:00: the missed run stays due.
    s.clock.set(new Date('2026-11-29T04:00:00.000Z'));
    await upsertSchedule(s.database.db, s.clock, { ...definition, payload: { limit: 10, orgs: ['a', 'b'], kind: 'full' } });
    await upsertSchedule(s.database.db, s.clock, { ...definition, timezone: STOCKHOLM });
    const row = await schedule(s, 'report.nightly');
    assert.equal(row.next_run_at, '2026-11-29T02:00:00.000Z');
    assert.equal(row.updated_at, '2026-11-28T10:00:00.000Z');
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), ['report.nightly'], 'the missed run still happens');
  });

  test('a changed cron, timezone or payload recomputes the next due time from now', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    await upsertSchedule(s.database.db, s.clock, { name: 'digest', cron: '0 3 * * *' });
    assert.equal((await schedule(s, 'digest')).next_run_at, '2026-11-29T02:00:00.000Z');

    s.clock.set(new Date('2026-11-28T12:00:00.000Z'));
    await upsertSchedule(s.database.db, s.clock, { name: 'digest', cron: '30 18 * * *' });
    let row = await schedule(s, 'digest');
    assert.equal(row.cron, '30 18 * * *');
    assert.equal(row.next_run_at, '2026-11-28T17:30:00.000Z');
    assert.equal(row.updated_at, '2026-11-28T12:00:00.000Z');

    await upsertSchedule(s.database.db, s.clock, { name: 'digest', cron: '30 18 * * *', timezone: 'UTC' });
    row = await schedule(s, 'digest');
    assert.equal(row.timezone, 'UTC');
    assert.equal(row.next_run_at, '2026-11-28T18:30:00.000Z');

    s.clock.set(new Date('2026-11-28T19:00:00.000Z'));
    await upsertSchedule(s.database.db, s.clock, { name: 'digest', cron: '30 18 * * *', timezone: 'UTC', payload: { lang: 'sv' } });
    row = await schedule(s, 'digest');
    assert.deepEqual(JSON.parse(row.payload), { lang: 'sv' });
    assert.equal(row.next_run_at, '2026-11-29T18:30:00.000Z');
  });

  test('an invalid cron is refused and nothing is written', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    await assert.rejects(upsertSchedule(s.database.db, s.clock, { name: 'bad', cron: '0 0 * *' }), (error) => error instanceof ValidationError && Boolean(error.details?.cron));
    await upsertSchedule(s.database.db, s.clock, { name: 'good', cron: '0 3 * * *' });
    await assert.rejects(upsertSchedule(s.database.db, s.clock, { name: 'good', cron: 'every night' }), ValidationError);
    const rows = await s.database.db.selectFrom('job_schedule').select(['name', 'cron']).execute();
    assert.deepEqual(rows, [{ name: 'good', cron: '0 3 * * *' }]);
  });
});

describe('enqueueDueSchedules', () => {
  test('enqueues one job per due tick with the payload and moves the schedule on', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    await upsertSchedule(s.database.db, s.clock, { name: 'stats.rollup', cron: '0 * * * *', payload: { window: 'hour' } });
    await upsertSchedule(s.database.db, s.clock, { name: 'report.nightly', cron: '0 3 * * *' });

    s.clock.set(new Date('2026-11-28T10:59:59.999Z'));
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), [], 'nothing is due yet');
    assert.deepEqual(await jobs(s), []);

    s.clock.set(new Date('2026-11-28T11:00:00.000Z'));
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), ['stats.rollup']);
    const [job] = await jobs(s);
    assert.equal(job?.name, 'stats.rollup');
    assert.equal(job?.status, 'queued');
    assert.deepEqual(JSON.parse(job!.payload), { window: 'hour' });
    assert.equal(job?.run_at, '2026-11-28T11:00:00.000Z');
    const row = await schedule(s, 'stats.rollup');
    assert.equal(row.next_run_at, '2026-11-28T12:00:00.000Z');
    assert.equal(row.last_run_at, '2026-11-28T11:00:00.000Z');

    // A second worker at the same tick finds nothing to do.
    const otherQueue = new JobQueue({ db: s.database.db, dialect: s.database.dialect, clock: s.clock });
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, otherQueue), []);
    assert.equal((await jobs(s)).length, 1);

    // The next tick runs again even though the first job has not run yet.
    s.clock.set(new Date('2026-11-28T12:00:30.000Z'));
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), ['stats.rollup']);
    assert.deepEqual(
      (await jobs(s)).map((j) => j.name),
      ['stats.rollup', 'stats.rollup'],
    );
  });

  test('a schedule that missed several ticks runs once, then continues from now', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    await upsertSchedule(s.database.db, s.clock, { name: 'stats.rollup', cron: '0 * * * *' });
    s.clock.set(new Date('2026-11-28T15:30:00.000Z')); // 11:00 … 15:00 all missed
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), ['stats.rollup']);
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue), []);
    assert.equal((await jobs(s)).length, 1);
    assert.equal((await schedule(s, 'stats.rollup')).next_run_at, '2026-11-28T16:00:00.000Z');
  });

  test('a broken schedule is skipped and reported; the others are still enqueued', async (t) => {
    const s = await setup(t, '2026-11-28T10:00:00.000Z');
    await s.database.db
      .insertInto('job_schedule')
      .values({ name: 'broken', cron: 'every night', timezone: STOCKHOLM, payload: 'null', next_run_at: '2026-11-28T10:00:00.000Z', last_run_at: null, updated_at: '2026-11-28T10:00:00.000Z' })
      .execute();
    await upsertSchedule(s.database.db, s.clock, { name: 'good', cron: '0 * * * *' });
    s.clock.set(new Date('2026-11-28T11:00:00.000Z'));

    const reported: [string, unknown][] = [];
    assert.deepEqual(await enqueueDueSchedules(s.database.db, s.clock, s.queue, (name, error) => reported.push([name, error])), ['good']);
    assert.equal(reported.length, 1);
    assert.equal(reported[0]![0], 'broken');
    assert.ok(reported[0]![1] instanceof ValidationError);

    // Without a reporter the error is thrown, after the good schedules were handled.
    s.clock.set(new Date('2026-11-28T12:00:00.000Z'));
    await assert.rejects(enqueueDueSchedules(s.database.db, s.clock, s.queue), ValidationError);
    assert.deepEqual(
      (await jobs(s)).map((j) => j.name),
      ['good', 'good'],
    );
    assert.equal((await schedule(s, 'broken')).next_run_at, '2026-11-28T10:00:00.000Z', 'the broken one is left as it was');
  });

  test('two workers racing for the same tick enqueue exactly one job, tick after tick', async (t) => {
    const s = await setup(t, '2026-11-28T09:59:30.000Z', { file: true });
    await upsertSchedule(s.database.db, s.clock, { name: 'minutely', cron: '* * * * *' });
    await upsertSchedule(s.database.db, s.clock, { name: 'hourly', cron: '0 * * * *' });

    const racers = await startRacers(s.database, 2);
    const rounds = 8;
    try {
      for (let round = 1; round <= rounds; round++) {
        const now = new Date(Date.parse('2026-11-28T10:00:00.000Z') + (round - 1) * 60_000);
        const started = await racers.run(now);
        assert.deepEqual(started.flat().filter((name) => name === 'minutely'), ['minutely'], `round ${round}: exactly one worker enqueued the tick`);
      }
    } finally {
      await racers.close();
    }
    const all = await jobs(s);
    assert.equal(all.filter((j) => j.name === 'minutely').length, rounds);
    assert.equal(all.filter((j) => j.name === 'hourly').length, 1, 'the 10:00 tick of the hourly schedule, once');
    assert.equal((await schedule(s, 'minutely')).next_run_at, '2026-11-28T10:08:00.000Z');
    assert.equal((await schedule(s, 'hourly')).next_run_at, '2026-11-28T11:00:00.000Z');
  });
});

// --- racing workers ---------------------------------------------------------------------------

interface Racers {
  /** Every racer calls enqueueDueSchedules at `now` at once; returns what each enqueued. */
  run(now: Date): Promise<string[][]>;
  close(): Promise<void>;
}

/**
 * `count` workers, each with its own connection. On PostgreSQL they are pools in this process (the
 * race happens in the server); on SQLite each is a thread, because better-sqlite3 blocks its thread
 * while it waits for the file lock, so connections in one thread cannot race (they deadlock until
 * the busy timeout) — separate threads contend for the lock as separate worker processes do.
 */
async function startRacers(database: TestDatabase, count: number): Promise<Racers> {
  if (database.dialect === 'postgres') {
    const connections = Array.from({ length: count }, () => createDatabase({ ...database.connection, poolSize: 2 }));
    return {
      run: (now) =>
        Promise.all(
          connections.map((c) => {
            const clock = new FixedClock(now);
            return enqueueDueSchedules(c.db, clock, new JobQueue({ db: c.db, dialect: c.dialect, clock }));
          }),
        ),
      close: async () => void (await Promise.all(connections.map((c) => c.close()))),
    };
  }
  const workerData = {
    tsxApi: import.meta.resolve('tsx/esm/api'),
    databaseModule: new URL('../../db/index.ts', import.meta.url).href,
    queueModule: new URL('./job-queue.ts', import.meta.url).href,
    schedulesModule: new URL('./schedules.ts', import.meta.url).href,
    clockModule: new URL('../clock.ts', import.meta.url).href,
    connection: database.connection,
  };
  const threads = Array.from({ length: count }, () => new Thread(RACER_SOURCE, { eval: true, workerData }));
  await Promise.all(threads.map(nextMessage));
  return {
    async run(now) {
      const replies = threads.map(nextMessage);
      for (const thread of threads) thread.postMessage(now.toISOString());
      const results = (await Promise.all(replies)) as ({ started: string[] } | { error: string })[];
      return results.map((r) => {
        if ('error' in r) throw new Error(`racer failed: ${r.error}`);
        return r.started;
      });
    },
    async close() {
      const closed = threads.map(nextMessage);
      for (const thread of threads) thread.postMessage('close');
      await Promise.allSettled(closed);
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}

const RACER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const { register } = await import(workerData.tsxApi);
register();
const { createDatabase } = await import(workerData.databaseModule);
const { JobQueue } = await import(workerData.queueModule);
const { enqueueDueSchedules } = await import(workerData.schedulesModule);
const { FixedClock } = await import(workerData.clockModule);
const database = createDatabase({ ...workerData.connection });
await database.db.selectFrom('job_schedule').select('name').execute(); // connected
parentPort.on('message', async (now) => {
  if (now === 'close') {
    await database.close();
    parentPort.postMessage('closed');
    return;
  }
  try {
    const clock = new FixedClock(new Date(now));
    const queue = new JobQueue({ db: database.db, dialect: database.dialect, clock });
    parentPort.postMessage({ started: await enqueueDueSchedules(database.db, clock, queue) });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
parentPort.postMessage('ready');
`;
