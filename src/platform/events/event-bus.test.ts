import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { sharedEmptyDatabase } from '../../../test/support/test-database.js';
import { EventBus, PendingEvents } from './event-bus.js';
import { inTransaction } from './unit-of-work.js';

interface TestEvents {
  'dataset.published': { slug: string };
  'dataset.deleted': { slug: string };
}

// One migrated database for this file, emptied before each use (see sharedEmptyDatabase).
const emptyDatabase = sharedEmptyDatabase();

function capturingLogger() {
  const entries: { level: number; msg: string; event?: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void entries.push(JSON.parse(line)) });
  return { log, entries };
}

describe('EventBus', () => {
  test('runs the handlers of an event in registration order, each awaited before the next', async () => {
    const bus = new EventBus<TestEvents>();
    const calls: string[] = [];
    bus.subscribe('dataset.published', async ({ slug }) => {
      await sleep(10); // slower than the next one: order still holds
      calls.push(`first:${slug}`);
    });
    bus.subscribe('dataset.published', ({ slug }) => void calls.push(`second:${slug}`));
    bus.subscribe('dataset.deleted', ({ slug }) => void calls.push(`deleted:${slug}`));
    bus.subscribe('dataset.published', async ({ slug }) => void calls.push(`third:${slug}`));

    assert.equal(bus.subscriberCount('dataset.published'), 3);
    assert.equal(bus.subscriberCount('dataset.deleted'), 1);
    await bus.publish('dataset.published', { slug: 'skolenheter' });
    assert.deepEqual(calls, ['first:skolenheter', 'second:skolenheter', 'third:skolenheter']);
  });

  test('an event nobody subscribed to is a no-op', async () => {
    const bus = new EventBus<TestEvents>();
    assert.equal(bus.subscriberCount('dataset.deleted'), 0);
    await bus.publish('dataset.deleted', { slug: 'x' });
  });

  test('a failing handler (thrown or rejected) is logged and does not stop the others', async () => {
    const { log, entries } = capturingLogger();
    const bus = new EventBus<TestEvents>(log);
    const calls: string[] = [];
    bus.subscribe('dataset.published', () => {
      throw new Error('search index is down');
    });
    bus.subscribe('dataset.published', () => void calls.push('after sync throw'));
    bus.subscribe('dataset.published', async () => {
      await sleep(1);
      throw new Error('mail queue full');
    });
    bus.subscribe('dataset.published', () => void calls.push('after rejection'));

    await bus.publish('dataset.published', { slug: 'a' });
    assert.deepEqual(calls, ['after sync throw', 'after rejection']);
    assert.deepEqual(
      entries.map((e) => [e.msg, e.event, e.err?.message]),
      [
        ['event handler failed', 'dataset.published', 'search index is down'],
        ['event handler failed', 'dataset.published', 'mail queue full'],
      ],
    );
  });
});

describe('PendingEvents', () => {
  test('holds events until flushed, then publishes them in emit order, once', async () => {
    const bus = new EventBus<TestEvents>();
    const seen: string[] = [];
    bus.subscribe('dataset.published', ({ slug }) => void seen.push(`published:${slug}`));
    bus.subscribe('dataset.deleted', ({ slug }) => void seen.push(`deleted:${slug}`));
    const pending = new PendingEvents<TestEvents>();
    pending.emit('dataset.published', { slug: 'a' });
    pending.emit('dataset.deleted', { slug: 'b' });
    pending.emit('dataset.published', { slug: 'c' });
    assert.deepEqual(seen, []);
    await pending.flushTo(bus);
    assert.deepEqual(seen, ['published:a', 'deleted:b', 'published:c']);
    await pending.flushTo(bus);
    assert.equal(seen.length, 3, 'a second flush publishes nothing again');
  });
});

describe('inTransaction', () => {
  async function setup() {
    const database = await emptyDatabase();
    const bus = new EventBus<TestEvents>();
    const schedules = () => database.db.selectFrom('job_schedule').select('name').execute();
    /** Inserts one row: any committed write will do to see what subscribers see. */
    const write = (trx: typeof database.db, name: string) =>
      trx
        .insertInto('job_schedule')
        .values({ name, cron: '0 3 * * *', timezone: 'Europe/Stockholm', payload: 'null', next_run_at: '2026-11-29T02:00:00.000Z', last_run_at: null, updated_at: '2026-11-28T10:00:00.000Z' })
        .execute();
    return { database, bus, schedules, write };
  }

  test('publishes the emitted events after the commit, where subscribers see the write', async () => {
    const { database, bus, schedules, write } = await setup();
    const seen: { slug: string; rows: string[] }[] = [];
    bus.subscribe('dataset.published', async ({ slug }) => {
      // Read outside the transaction: the write must already be committed.
      seen.push({ slug, rows: (await schedules()).map((r) => r.name) });
    });

    const result = await inTransaction(database.db, bus, async (trx, emit) => {
      await write(trx, 'skolenheter');
      emit('dataset.published', { slug: 'skolenheter' });
      assert.deepEqual(seen, [], 'nothing is published before the commit');
      return 42;
    });
    assert.equal(result, 42);
    assert.deepEqual(seen, [{ slug: 'skolenheter', rows: ['skolenheter'] }]);
  });

  test('publishes nothing and rolls the write back when the work throws', async () => {
    const { database, bus, schedules, write } = await setup();
    const seen: string[] = [];
    bus.subscribe('dataset.published', ({ slug }) => void seen.push(slug));

    await assert.rejects(
      inTransaction(database.db, bus, async (trx, emit) => {
        await write(trx, 'half-done');
        emit('dataset.published', { slug: 'half-done' });
        throw new Error('slug taken');
      }),
      /slug taken/,
    );
    assert.deepEqual(seen, []);
    assert.deepEqual(await schedules(), []);

    // The bus is not left in a bad state: the next unit of work publishes as usual.
    await inTransaction(database.db, bus, async (trx, emit) => {
      await write(trx, 'next');
      emit('dataset.published', { slug: 'next' });
    });
    assert.deepEqual(seen, ['next']);
  });

  test('a failing subscriber does not undo the committed write nor fail the caller', async () => {
    const { database, bus, schedules, write } = await setup();
    bus.subscribe('dataset.deleted', () => {
      throw new Error('subscriber broke');
    });
    const result = await inTransaction(database.db, bus, async (trx, emit) => {
      await write(trx, 'kept');
      emit('dataset.deleted', { slug: 'kept' });
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.deepEqual(
      (await schedules()).map((r) => r.name),
      ['kept'],
    );
  });
});
