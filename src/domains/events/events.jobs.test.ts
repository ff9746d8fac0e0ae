// The scheduled jobs as app.ts wires them (registerJobs / registerSchedules) and a worker runs
// them: the hourly reminder and the nightly anonymisation, with the clock moved, never slept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { registerSchedules } from '../../app.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Worker } from '../../platform/jobs/index.js';

describe('workshop jobs on their schedules', () => {
  let t: TestApp;
  let worker: Worker;
  let admin: Actor;

  before(async () => {
    t = await buildTestApp({ now: new Date('2026-11-28T10:00:00.000Z') });
    await registerSchedules(t.deps);
    worker = new Worker({ db: t.deps.db, clock: t.deps.clock, queue: t.deps.queue, registry: t.deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 1, pollIntervalMs: 25 });
    admin = { kind: 'user', userId: 'operator', email: 'op@example.se', name: 'Op', isSiteAdmin: true, roles: {}, via: 'cli' };
  });
  after(async () => {
    await worker.stop(1000);
    await t.close();
  });

  test('reminders go out within the hour; registrations are anonymised the night after the retention period', async () => {
    const { events, registrations } = domainsOf(t.deps).events;
    const event = await events.create(admin, { title: { sv: 'Jobbträff' }, startsAt: '2026-12-01T13:00', endsAt: '2026-12-01T15:00', capacity: 5 });
    await registrations.register(admin, event.slug, { name: 'Pia', email: 'pia@example.se' });
    await worker.drain();
    const reminders = () => t.deps.db.selectFrom('mail_message').selectAll().where('subject', 'like', 'Påminnelse%').execute();
    assert.equal((await reminders()).length, 0);

    // 2026-11-29 13:30 UTC: the event is within two days; the hourly job at :15 runs at 14:15 local.
    t.clock.set(new Date('2026-11-29T13:30:00.000Z'));
    await worker.drain();
    assert.equal((await reminders()).length, 1);

    // 31 days after the event, after 04:30 Stockholm time: the nightly privacy job has run.
    t.clock.set(new Date('2027-01-01T04:00:00.000Z'));
    await worker.drain();
    const runs = await t.deps.db.selectFrom('event_privacy_run' as never).selectAll().execute();
    assert.ok(runs.length >= 1, 'the run is logged');
    const [row] = await t.deps.db.selectFrom('event_registration' as never).selectAll().execute() as { email: string | null; status: string }[];
    assert.deepEqual([row!.email, row!.status], [null, 'confirmed']);
  });
});
