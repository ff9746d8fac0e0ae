// Registrations against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL): seats are
// never oversold under concurrency, the waitlist keeps arrival order and moves up on cancellation
// and capacity raises, an address holds one place, bad input changes nothing, anonymous sign-ups
// confirm first, reminders and the privacy job run as scheduled jobs would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { anonymous, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { createOrg, createUser, startApp, type OrgTestApp, type TestUser } from '../organizations/testing.js';

async function rejects(promise: Promise<unknown>, status: number, code: string, details?: Record<string, string[]>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.code, code);
    if (details) assert.deepEqual(error.details, details);
    return true;
  });
}

const HOUR = 3600_000;

describe('registrations', () => {
  let t: OrgTestApp;
  let admin: TestUser;
  let adminActor: Actor;
  let n = 0;

  const domain = () => domainsOf(t.deps).events;
  const mails = async (to?: string) => {
    const rows = await t.deps.db.selectFrom('mail_message').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.filter((r) => !to || r.to_address === to);
  };
  const rowsOf = (eventId: string) => t.deps.db.selectFrom('event_registration' as never).selectAll().where('event_id' as never, '=', eventId as never).orderBy('arrival' as never).execute() as Promise<{ id: string; status: string; arrival: number; email: string | null; name: string | null; organization_name: string | null; attended: number | null }[]>;

  /** A fresh event starting in `days` days (2 hours long). */
  async function newEvent(input: Record<string, unknown> = {}, days = 10) {
    n += 1;
    const start = new Date(t.clock.now().getTime() + days * 24 * HOUR);
    return domain().events.create(adminActor, {
      title: { sv: `Träff ${n}` },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      capacity: 30,
      ...input,
    });
  }

  before(async () => {
    t = await startApp();
    admin = await createUser(t, { siteAdmin: true });
    adminActor = await admin.actor();
  });
  after(() => t.close());

  test('100 simultaneous registrations for 30 seats: exactly 30 confirmed and 70 waitlisted, in arrival order', async () => {
    const event = await newEvent({ capacity: 30 });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => domain().registrations.register(adminActor, event.slug, { name: `Deltagare ${i}`, email: `deltagare${i}@myndighet.example.se` })),
    );
    const rows = await rowsOf(event.id);
    assert.equal(rows.length, 100);
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, 30, 'never oversold');
    assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 70);
    // Arrival order: the first 30 to take the lock have the seats, the rest wait in that order.
    assert.deepEqual(rows.map((r) => r.arrival), Array.from({ length: 100 }, (_, i) => i + 1));
    assert.ok(rows.slice(0, 30).every((r) => r.status === 'confirmed'));
    assert.ok(rows.slice(30).every((r) => r.status === 'waitlisted'));
    const positions = outcomes.filter((o) => o.registration.status === 'waitlisted').map((o) => o.waitlistPosition).sort((a, b) => a! - b!);
    assert.deepEqual(positions, Array.from({ length: 70 }, (_, i) => i + 1), 'each waiting person has a distinct position');
    for (const o of outcomes) {
      const row = rows.find((r) => r.id === o.registration.id)!;
      assert.equal(o.waitlistPosition, row.status === 'waitlisted' ? row.arrival - 30 : null);
    }
    // Each got one mail: 30 confirmations with an invitation, 70 waitlist notices.
    const sent = (await mails()).filter((m) => rows.some((r) => r.email === m.to_address));
    assert.equal(sent.filter((m) => m.attachments?.includes('METHOD:REQUEST')).length, 30);
    assert.equal(sent.filter((m) => /väntelistan/.test(m.subject)).length, 70);
  });

  test('one address cannot hold two places, even when both arrive at once; nothing changes', async () => {
    const event = await newEvent({ capacity: 5 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => domain().registrations.register(adminActor, event.slug, { name: 'Dubbel', email: 'Dubbel@Myndighet.example.se' })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      assert.ok(r.reason instanceof AppError && r.reason.status === 409 && r.reason.code === 'already_registered', String(r.reason));
    }
    await rejects(domain().registrations.register(anonymous, event.slug, { name: 'Dubbel', email: 'dubbel@myndighet.example.se' }), 409, 'already_registered', { email: ['events.validation.alreadyRegistered'] });
    const rows = await rowsOf(event.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.email, 'dubbel@myndighet.example.se');
  });

  test('bad input and closed registration: a clear error and nothing stored', async () => {
    const event = await newEvent({ capacity: 2, registrationClosesAt: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString() });
    await rejects(domain().registrations.register(anonymous, event.slug, { name: 'A', email: 'inte-en-adress' }), 400, 'validation_failed', { email: ['validation.email'] });
    await rejects(domain().registrations.register(anonymous, event.slug, { name: '', email: 'a@b.se' }, { requireAcknowledgements: true }), 400, 'validation_failed', {
      name: ['validation.required'],
      acceptPrivacy: ['events.validation.acceptPrivacy'],
      acceptRecording: ['events.validation.acceptRecording'],
    });
    await rejects(domain().registrations.register(anonymous, 'finns-inte', { name: 'A', email: 'a@b.se' }), 404, 'not_found');
    t.clock.advance(25 * HOUR);
    try {
      await rejects(domain().registrations.register(anonymous, event.slug, { name: 'Sen', email: 'sen@b.se' }), 409, 'registration_closed', { event: ['events.validation.registrationClosed'] });
      // An organiser may still register someone until the event starts.
      const late = await domain().registrations.register(adminActor, event.slug, { name: 'Sen', email: 'sen@b.se' });
      assert.equal(late.registration.status, 'confirmed');
    } finally {
      t.clock.advance(-25 * HOUR);
    }
    const cancelled = await newEvent();
    await domain().events.cancel(adminActor, cancelled.slug);
    await rejects(domain().registrations.register(anonymous, cancelled.slug, { name: 'A', email: 'a@b.se' }), 409, 'event_cancelled');
    assert.equal((await rowsOf(cancelled.id)).length, 0);
  });

  test('anonymous sign-ups confirm their address first; forged and expired links change nothing', async () => {
    const event = await newEvent({ capacity: 1 });
    await domain().registrations.register(adminActor, event.slug, { name: 'Först', email: 'forst@myndighet.example.se' });
    const pending = await domain().registrations.register(anonymous, event.slug, { name: 'Anna', email: 'anna@kommun.example.se', locale: 'en' });
    assert.equal(pending.registration.status, 'pending_confirmation');
    assert.equal(pending.waitlistPosition, null);
    const [mail] = await mails('anna@kommun.example.se');
    assert.match(mail!.subject, /Confirm your registration/);
    const token = /token=([^\s]+)/.exec(mail!.text_body)![1]!;
    assert.match(mail!.text_body, /http:\/\/allmanning\.test\/en\/events\/confirm\?token=/);

    await rejects(domain().registrations.confirm(`${token}x`), 404, 'link_invalid');
    const confirmed = await domain().registrations.confirm(decodeURIComponent(token));
    assert.equal(confirmed.registration.status, 'waitlisted', 'the one seat was taken: the waitlist');
    assert.equal(confirmed.waitlistPosition, 1);
    // The link works once; using it again shows the same registration.
    assert.equal((await domain().registrations.confirm(decodeURIComponent(token))).registration.status, 'waitlisted');

    const late = await domain().registrations.register(anonymous, event.slug, { name: 'Bo', email: 'bo@kommun.example.se' });
    const lateToken = /token=([^\s]+)/.exec((await mails('bo@kommun.example.se'))[0]!.text_body)![1]!;
    t.clock.advance(49 * HOUR);
    try {
      await rejects(domain().registrations.confirm(decodeURIComponent(lateToken)), 410, 'link_expired');
    } finally {
      t.clock.advance(-49 * HOUR);
    }
    const rows = await rowsOf(event.id);
    assert.equal(rows.find((r) => r.id === late.registration.id)!.status, 'pending_confirmation');
    // Within the 48 hours a second sign-up is a duplicate; after them the address may sign up again.
    await rejects(domain().registrations.register(anonymous, event.slug, { name: 'Bo', email: 'bo@kommun.example.se' }), 409, 'already_registered');
    t.clock.advance(49 * HOUR);
    try {
      const again = await domain().registrations.register(anonymous, event.slug, { name: 'Bo', email: 'bo@kommun.example.se' });
      assert.equal(again.registration.status, 'pending_confirmation');
      assert.equal((await rowsOf(event.id)).find((r) => r.id === late.registration.id)!.status, 'cancelled');
    } finally {
      t.clock.advance(-49 * HOUR);
    }
  });

  test('a signed-in person registers themselves in one step', async () => {
    const event = await newEvent();
    const person = await createUser(t);
    const outcome = await domain().registrations.register(await person.actor(), event.slug, { name: person.name, email: person.email });
    assert.equal(outcome.registration.status, 'confirmed');
    assert.equal(outcome.registration.user_id, person.id);
    // Someone else's address is not "themselves": it must be confirmed.
    const other = await domain().registrations.register(await person.actor(), event.slug, { name: 'Kollega', email: 'kollega@myndighet.example.se' });
    assert.equal(other.registration.status, 'pending_confirmation');
  });

  test('cancelling promotes the first waitlisted person, who is mailed; leaving the waitlist moves the rest up', async () => {
    const event = await newEvent({ capacity: 2 });
    const reg = async (i: number) => domain().registrations.register(adminActor, event.slug, { name: `P${i}`, email: `p${i}.${event.id}@example.se` });
    const [a, , c, d, e] = [await reg(1), await reg(2), await reg(3), await reg(4), await reg(5)];
    assert.deepEqual([c!.waitlistPosition, d!.waitlistPosition, e!.waitlistPosition], [1, 2, 3]);

    const left = await domain().registrations.cancelByToken(domain().registrations.tokenOf(d!.registration.id));
    assert.equal(left.registration.status, 'cancelled');
    assert.equal((await domain().registrations.byToken(domain().registrations.tokenOf(e!.registration.id))).waitlistPosition, 2);

    await domain().registrations.cancelByToken(domain().registrations.tokenOf(a!.registration.id));
    const rows = await rowsOf(event.id);
    assert.deepEqual(rows.map((r) => r.status), ['cancelled', 'confirmed', 'confirmed', 'cancelled', 'waitlisted']);
    const promotion = (await mails(`p3.${event.id}@example.se`)).at(-1)!;
    assert.match(promotion.subject, /En plats blev ledig/);
    assert.match(promotion.attachments ?? '', /METHOD:REQUEST/);
    const cancelMail = (await mails(`p1.${event.id}@example.se`)).at(-1)!;
    assert.match(cancelMail.attachments ?? '', /METHOD:CANCEL/);
    // A forged link: 404, nothing changes.
    await rejects(domain().registrations.cancelByToken('förfalskad'), 404, 'link_invalid');
    assert.deepEqual((await rowsOf(event.id)).map((r) => r.status), ['cancelled', 'confirmed', 'confirmed', 'cancelled', 'waitlisted']);
  });

  test('raising the capacity promotes the waitlist in order; cancelling after the start is refused', async () => {
    const event = await newEvent({ capacity: 1 }, 1);
    for (let i = 0; i < 4; i++) await domain().registrations.register(adminActor, event.slug, { name: `R${i}`, email: `r${i}.${event.id}@example.se` });
    await domain().events.update(adminActor, event.slug, { capacity: 3 });
    assert.deepEqual((await rowsOf(event.id)).map((r) => r.status), ['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    const first = (await rowsOf(event.id))[0]!;
    t.clock.advance(25 * HOUR);
    try {
      await rejects(domain().registrations.cancelByToken(domain().registrations.tokenOf(first.id)), 410, 'too_late');
    } finally {
      t.clock.advance(-25 * HOUR);
    }
    assert.equal((await rowsOf(event.id))[0]!.status, 'confirmed');
  });

  test('a per-organisation quota: the next person from a full organisation waits, others still get seats', async () => {
    const org = await createOrg(t, { type: 'municipality' });
    const event = await newEvent({ capacity: 10, organizationQuota: 1 });
    const one = await domain().registrations.register(adminActor, event.slug, { name: 'Ett', email: `ett.${event.id}@example.se`, organization: org.slug });
    const two = await domain().registrations.register(adminActor, event.slug, { name: 'Två', email: `tva.${event.id}@example.se`, organization: org.id });
    const free = await domain().registrations.register(adminActor, event.slug, { name: 'Tre', email: `tre.${event.id}@example.se`, organization: 'Fristående förening' });
    assert.deepEqual([one.registration.status, two.registration.status, free.registration.status], ['confirmed', 'waitlisted', 'confirmed']);
    assert.equal(one.registration.organization_type, 'municipality');
    assert.equal(free.registration.organization_id, null);
    assert.equal(free.registration.organization_name, 'Fristående förening');
    // The quota is lifted: the waiting colleague gets the seat.
    await domain().events.update(adminActor, event.slug, { organizationQuota: null });
    assert.equal((await rowsOf(event.id)).find((r) => r.id === two.registration.id)!.status, 'confirmed');
  });

  test('moving an event raises SEQUENCE and mails an updated invitation; cancelling it mails a CANCEL', async () => {
    const event = await newEvent({ capacity: 5 });
    const person = `flytt.${event.id}@example.se`;
    await domain().registrations.register(adminActor, event.slug, { name: 'Flytt', email: person });
    const start = new Date(new Date(event.starts_at).getTime() + 7 * 24 * HOUR);
    const moved = await domain().events.update(adminActor, event.slug, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() });
    assert.equal(moved.sequence, 1);
    const changed = (await mails(person)).at(-1)!;
    assert.match(changed.subject, /^Ändrat/);
    assert.match(changed.attachments ?? '', /SEQUENCE:1/);
    // A change nobody needs to hear about (the description) keeps the sequence.
    assert.equal((await domain().events.update(adminActor, event.slug, { description: { sv: 'Ny text' } })).sequence, 1);
    const cancelled = await domain().events.cancel(adminActor, event.slug);
    assert.equal(cancelled.sequence, 2);
    const cancelMail = (await mails(person)).at(-1)!;
    assert.match(cancelMail.subject, /^Inställt/);
    assert.match(cancelMail.attachments ?? '', /METHOD:CANCEL/);
    assert.match(cancelMail.attachments ?? '', /SEQUENCE:2/);
  });

  test('organisers only: others may not edit, list or mark attendance (404/403), and statistics add up', async () => {
    const organiser = await createUser(t);
    const stranger = await createUser(t);
    const org = await createOrg(t, { type: 'region' });
    const event = await newEvent({ capacity: 2, organisers: [organiser.email] }, 1);
    await rejects(domain().events.update(await stranger.actor(), event.slug, { capacity: 5 }), 403, 'forbidden');
    await rejects(domain().events.update(anonymous, event.slug, { capacity: 5 }), 401, 'unauthorized');
    await rejects(domain().registrations.list(await stranger.actor(), event.slug), 404, 'not_found');
    await rejects(domain().events.create(await organiser.actor(), { title: { sv: 'x' }, startsAt: '2027-01-05T13:00', endsAt: '2027-01-05T15:00', capacity: 1 }), 403, 'forbidden');
    const o = await organiser.actor();
    const a = await domain().registrations.register(o, event.slug, { name: 'A', email: `a.${event.id}@example.se`, organization: org.slug });
    await domain().registrations.register(o, event.slug, { name: 'B', email: `b.${event.id}@example.se`, organization: 'Föreningen' });
    await domain().registrations.register(o, event.slug, { name: 'C', email: `c.${event.id}@example.se` });
    await domain().registrations.setAttendance(o, event.slug, a.registration.id, true);
    await rejects(domain().registrations.setAttendance(await stranger.actor(), event.slug, a.registration.id, true), 404, 'not_found');
    t.clock.advance(2 * 24 * HOUR);
    try {
      const stats = await domain().events.stats(o, event.slug);
      assert.deepEqual(
        { ...stats, organizationNames: undefined },
        { registered: 2, waitlisted: 1, attended: 1, noShows: 1, cancelled: 0, organizations: 2, organizationTypes: { region: 1, unknown: 1 }, organizationNames: undefined },
      );
    } finally {
      t.clock.advance(-2 * 24 * HOUR);
    }
  });

  test('reminders go to confirmed participants once, N days before', async () => {
    const event = await newEvent({ capacity: 1 }, 5);
    await domain().registrations.register(adminActor, event.slug, { name: 'Påminn', email: `paminn.${event.id}@example.se` });
    await domain().registrations.register(adminActor, event.slug, { name: 'Väntar', email: `vantar.${event.id}@example.se` });
    await domain().sendReminders();
    assert.equal((await mails(`paminn.${event.id}@example.se`)).filter((m) => /^Påminnelse/.test(m.subject)).length, 0, 'five days ahead: not yet (two days before by default)');
    t.clock.advance(3.5 * 24 * HOUR);
    try {
      const first = await domain().sendReminders();
      assert.ok(first.events >= 1);
      assert.equal((await mails(`paminn.${event.id}@example.se`)).filter((m) => /^Påminnelse/.test(m.subject)).length, 1);
      assert.equal((await mails(`vantar.${event.id}@example.se`)).filter((m) => /^Påminnelse/.test(m.subject)).length, 0);
      await domain().sendReminders();
      assert.equal((await mails(`paminn.${event.id}@example.se`)).filter((m) => /^Påminnelse/.test(m.subject)).length, 1, 'only once');
    } finally {
      t.clock.advance(-3.5 * 24 * HOUR);
    }
  });

  test('the privacy job anonymises registrations after the retention period, keeps the aggregates and logs each run', async () => {
    const person = await createUser(t);
    const org = await createOrg(t, { type: 'state_agency' });
    const event = await newEvent({ capacity: 3 }, 1);
    const mine = await domain().registrations.register(await person.actor(), event.slug, { name: person.name, email: person.email, organization: org.slug, accessibilityNeeds: 'Hörslinga' });
    await domain().registrations.setAttendance(adminActor, event.slug, mine.registration.id, true);
    const exported = (await t.deps.personalData.exportFor(person.id)).eventRegistrations as { event: { slug: string }; accessibilityNeeds: string; status: string }[];
    assert.deepEqual(exported.map((r) => [r.event.slug, r.status, r.accessibilityNeeds]), [[event.slug, 'confirmed', 'Hörslinga']]);

    t.clock.advance(20 * 24 * HOUR);
    try {
      await domain().anonymiseExpired();
      assert.equal((await rowsOf(event.id))[0]!.email, person.email, 'within the retention period nothing changes');
      t.clock.advance(15 * 24 * HOUR);
      const run = await domain().anonymiseExpired();
      assert.ok(run.events >= 1 && run.registrations >= 1);
      const [row] = await rowsOf(event.id);
      assert.deepEqual([row!.name, row!.email, row!.status, row!.attended, row!.organization_name], [null, null, 'confirmed', 1, org.name_sv]);
      const stats = await domain().events.stats(adminActor, event.slug);
      assert.equal(stats.registered, 1);
      assert.equal(stats.attended, 1);
      assert.deepEqual(stats.organizationTypes, { state_agency: 1 });
      assert.deepEqual((await t.deps.personalData.exportFor(person.id)).eventRegistrations, [], 'nothing personal is left to export');
      const runs = await domain().events.privacyRuns();
      assert.ok(runs.length >= 2, 'each run is logged');
      assert.equal(runs[0]!.registrations, run.registrations);
    } finally {
      t.clock.advance(-35 * 24 * HOUR);
    }
  });

  test('erasing a registration removes it and passes the seat on', async () => {
    const event = await newEvent({ capacity: 1 });
    const a = await domain().registrations.register(adminActor, event.slug, { name: 'Radera', email: `radera.${event.id}@example.se` });
    const b = await domain().registrations.register(adminActor, event.slug, { name: 'Nästa', email: `nasta.${event.id}@example.se` });
    await domain().registrations.eraseByToken(domain().registrations.tokenOf(a.registration.id));
    const rows = await rowsOf(event.id);
    assert.deepEqual(rows.map((r) => [r.id, r.status]), [[b.registration.id, 'confirmed']]);
  });
});
