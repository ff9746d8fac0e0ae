// Editing a whole series, on SQLite and (with TEST_DATABASE_URL) PostgreSQL, with mail through the
// real job queue to a real SMTP server: a rule change (first Tuesday → second Wednesday, no summer
// meetings, a new time) moves future unmodified occurrences and mails their participants an
// invitation with a higher SEQUENCE, leaves past and individually moved ones alone, cancels dropped
// dates nobody registered for and keeps (and reports) those with registrations, with local times
// right on both sides of daylight saving; the series feed follows; a defaults change (capacity,
// place, registration window) reaches unmodified future occurrences and promotes their waitlist;
// the API's rights and validation; the organiser page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import pino from 'pino';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/support/test-smtp.js';
import { domainsOf } from '../../domains.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Worker } from '../../platform/jobs/index.js';
import { bearer, createUser, formSession, sessionCookie, urlencoded, type TestUser } from '../organizations/testing.js';
import type { EventRow } from './events.table.js';
import { pairOccurrences } from './series.edit.js';
import { utcToWallTime, wallTimeToUtc } from './time.js';

const local = (iso: string) => utcToWallTime(new Date(iso), 'Europe/Stockholm');

function invitation(mail: ReceivedMail) {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(attachment, `no invitation in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { uid: event.uid, sequence: event.sequence, start: event.startDate.toString().slice(0, 16), location: event.location };
}

describe('editing a whole series', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: Worker;
  let admin: TestUser;
  let adminActor: Actor;
  let organiser: TestUser;
  let member: TestUser;

  before(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp({ now: new Date('2026-11-28T10:00:00.000Z'), env: { ALLMANNING_SMTP_URL: smtp.url, ALLMANNING_MAIL_FROM: 'Allmänning <workshops@allmanning.test>', ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '100000' } });
    worker = new Worker({ db: t.deps.db, clock: t.deps.clock, queue: t.deps.queue, registry: t.deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 25 });
    admin = await createUser(t, { siteAdmin: true });
    adminActor = await admin.actor();
    organiser = await createUser(t);
    member = await createUser(t);
  });
  after(async () => {
    await worker.stop(1000);
    await t.close();
    await smtp.close();
  });

  test('pairing: the nearest new date within half the spacing; a skipped month loses its meeting', () => {
    const row = (key: string) => ({ occurrence_key: key, starts_at: wallTimeToUtc(key, 'Europe/Stockholm').toISOString() });
    const occ = (key: string) => ({ key, startsAt: wallTimeToUtc(key, 'Europe/Stockholm') });
    const rows = [row('2027-06-01T13:00'), row('2027-07-06T13:00'), row('2027-09-07T13:00')];
    const { pairs, unpaired, fresh } = pairOccurrences(rows, [occ('2027-06-09T13:00'), occ('2027-09-07T13:00'), occ('2027-10-13T13:00')], new Set(rows.map((r) => r.occurrence_key)));
    assert.deepEqual(pairs.map(([r, o]) => [r.occurrence_key, o.key]), [['2027-06-01T13:00', '2027-06-09T13:00'], ['2027-09-07T13:00', '2027-09-07T13:00']]);
    assert.deepEqual(unpaired.map((r) => r.occurrence_key), ['2027-07-06T13:00']);
    assert.deepEqual(fresh.map((o) => o.key), ['2027-10-13T13:00']);
  });

  test('first Tuesday → second Wednesday at 09:30, no summer meetings', async () => {
    const { events, registrations } = domainsOf(t.deps).events;
    const { series, events: created } = await events.createSeries(adminActor, { title: { sv: 'Nätverksträff' }, startsOn: '2026-09-01', capacity: 10, place: 'Sundsvall', occurrences: 12 });
    const at = (date: string) => created.find((e) => e.occurrence_key === `${date}T13:00`)!;
    const past = created.filter((e) => new Date(e.starts_at) < t.clock.now());
    assert.equal(past.length, 3);

    await events.update(adminActor, at('2027-01-05').slug, { startsAt: '2027-01-07T13:00', endsAt: '2027-01-07T15:00' });
    await registrations.register(adminActor, at('2026-12-01').slug, { name: 'Anna', email: 'anna@example.se' });
    await registrations.register(adminActor, at('2027-08-03').slug, { name: 'Bo', email: 'bo@example.se' });
    await worker.drain();
    const firstInvite = invitation(await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Du har en plats')));
    const before = new Map((await events.getSeries(series.id)).events.map((e) => [e.id, e]));

    const result = await events.editSeries(adminActor, series.slug, { rrule: 'FREQ=MONTHLY;BYDAY=2WE;BYMONTH=1,2,3,4,5,6,9,10,11,12', startTime: '09:30' });
    const keys = (rows: EventRow[]) => rows.map((e) => e.occurrence_key);
    assert.deepEqual(keys(result.updated), ['2026-12-09T09:30', '2027-02-10T09:30', '2027-03-10T09:30', '2027-04-14T09:30', '2027-05-12T09:30', '2027-06-09T09:30']);
    assert.deepEqual(result.updated.map((e) => before.get(e.id)!.occurrence_key), ['2026-12-01T13:00', '2027-02-02T13:00', '2027-03-02T13:00', '2027-04-06T13:00', '2027-05-04T13:00', '2027-06-01T13:00'], 'each meeting moves within its month');
    assert.deepEqual(keys(result.created), ['2027-01-13T09:30', '2027-09-08T09:30', '2027-10-13T09:30', '2027-11-10T09:30']);
    assert.deepEqual(keys(result.cancelled), ['2027-07-06T13:00'], 'July had nobody registered');
    assert.deepEqual(result.kept.map((k) => [k.event.occurrence_key, k.registrations]), [['2027-08-03T13:00', 1]], 'August has Bo');
    assert.deepEqual(result.individual.map((e) => local(e.starts_at)), ['2027-01-07T13:00'], 'the moved meeting is left alone');

    const after = new Map((await events.getSeries(series.id)).events.map((e) => [e.id, e]));
    for (const p of past) assert.deepEqual(after.get(p.id), before.get(p.id), `past ${p.occurrence_key} unchanged`);
    assert.deepEqual(after.get(at('2027-01-05').id), before.get(at('2027-01-05').id));
    assert.deepEqual(after.get(at('2027-08-03').id), before.get(at('2027-08-03').id), 'kept as it was');
    assert.equal(after.get(at('2027-07-06').id)!.status, 'cancelled');

    // Daylight saving: 09:30 Stockholm time is 08:30Z in winter and 07:30Z in summer.
    const utc = (date: string) => [...after.values()].find((e) => e.occurrence_key === `${date}T09:30`)!;
    assert.equal(utc('2027-03-10').starts_at, '2027-03-10T08:30:00.000Z');
    assert.equal(utc('2027-04-14').starts_at, '2027-04-14T07:30:00.000Z');
    assert.equal(utc('2027-10-13').starts_at, '2027-10-13T07:30:00.000Z');
    assert.equal(utc('2027-11-10').starts_at, '2027-11-10T08:30:00.000Z');
    assert.equal(utc('2027-04-14').ends_at, '2027-04-14T09:30:00.000Z', 'the length stays two hours');
    const stored = (await events.getSeries(series.id)).series;
    assert.deepEqual([stored.rrule, stored.starts_on, stored.start_time], ['FREQ=MONTHLY;BYDAY=2WE;BYMONTH=1,2,3,4,5,6,9,10,11,12', '2026-12-09', '09:30']);

    // Anna's meeting moved: the change mail with an updated invitation, same UID, higher SEQUENCE.
    await worker.drain();
    const changed = await smtp.waitFor((m) => m.to.includes('anna@example.se') && m.subject.startsWith('Ändrat'));
    assert.match(changed.text, /onsdag 9 december 2026, 09:30–11:30/);
    const second = invitation(changed);
    assert.equal(second.uid, firstInvite.uid);
    assert.ok(second.sequence > firstInvite.sequence, `SEQUENCE ${second.sequence} > ${firstInvite.sequence}`);
    assert.equal(second.start, '2026-12-09T09:30');
    assert.equal(smtp.received.filter((m) => m.to.includes('bo@example.se') && /Ändrat|Inställt/.test(m.subject)).length, 0, 'Bo is told nothing until the organiser acts');

    // The nightly job plans nothing twice.
    assert.equal(await events.extendSeries(), 0);

    // The feed: one recurring VEVENT with the new rule; past and kept dates as RDATE with overrides.
    const feed = await t.app.inject({ method: 'GET', url: `/events/series/${series.slug}/calendar.ics` });
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
    const vevents = calendar.getAllSubcomponents('vevent');
    const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
    assert.equal(masters.length, 1);
    const master = new ICAL.Event(masters[0]!);
    assert.equal(String(master.component.getFirstPropertyValue('rrule')), 'FREQ=MONTHLY;BYDAY=2WE;BYMONTH=1,2,3,4,5,6,9,10,11,12');
    for (const v of vevents.filter((v) => v.hasProperty('recurrence-id'))) master.relateException(new ICAL.Event(v));
    const iterator = master.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && next.compare(ICAL.Time.fromDateTimeString('2027-12-01T00:00:00')) < 0; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      seen.push(`${details.startDate.toJSDate().toISOString()}`);
    }
    assert.deepEqual(seen, [
      '2026-09-01T11:00:00.000Z',
      '2026-10-06T11:00:00.000Z',
      '2026-11-03T12:00:00.000Z',
      '2026-12-09T08:30:00.000Z',
      '2027-01-07T12:00:00.000Z',
      '2027-01-13T08:30:00.000Z',
      '2027-02-10T08:30:00.000Z',
      '2027-03-10T08:30:00.000Z',
      '2027-04-14T07:30:00.000Z',
      '2027-05-12T07:30:00.000Z',
      '2027-06-09T07:30:00.000Z',
      '2027-08-03T11:00:00.000Z',
      '2027-09-08T07:30:00.000Z',
      '2027-10-13T07:30:00.000Z',
      '2027-11-10T08:30:00.000Z',
    ]);
  });

  test('defaults: capacity and place reach unmodified future occurrences; the waitlist moves up', async () => {
    const { events, registrations } = domainsOf(t.deps).events;
    const { series, events: created } = await events.createSeries(adminActor, { title: { sv: 'Licensträff' }, startsOn: '2026-12-01', capacity: 2, place: 'Sundsvall', occurrences: 3 });
    const [dec, jan, feb] = created as [EventRow, EventRow, EventRow];
    for (const name of ['Cia', 'Dan', 'Eva']) await registrations.register(adminActor, dec.slug, { name, email: `${name.toLowerCase()}@example.se` });
    await events.update(adminActor, feb.slug, { place: 'Göteborg' });
    await worker.drain();
    const ciaFirst = invitation(await smtp.waitFor((m) => m.to.includes('cia@example.se') && m.subject.startsWith('Du har en plats')));

    const result = await events.editSeries(adminActor, series.id, { capacity: 3, place: 'Stockholm', registrationOpensDaysBefore: 14, registrationClosesHoursBefore: 24 });
    assert.deepEqual(result.updated.map((e) => e.id), [dec.id, jan.id]);
    assert.deepEqual(result.individual.map((e) => e.id), [feb.id], 'February was changed on its own');
    assert.equal(result.created.length, 9, 'planned a year ahead: March to November 2027');
    assert.deepEqual([result.cancelled.length, result.kept.length], [0, 0]);

    const { events: rows } = await events.getSeries(series.id);
    const byId = new Map(rows.map((e) => [e.id, e]));
    assert.deepEqual([byId.get(dec.id)!.capacity, byId.get(dec.id)!.place], [3, 'Stockholm']);
    assert.deepEqual([byId.get(feb.id)!.capacity, byId.get(feb.id)!.place], [2, 'Göteborg']);
    assert.equal(byId.get(dec.id)!.registration_opens_at, '2026-11-17T12:00:00.000Z');
    assert.equal(byId.get(dec.id)!.registration_closes_at, '2026-11-30T12:00:00.000Z');
    const april = rows.find((e) => e.occurrence_key === '2027-04-06T13:00')!;
    assert.deepEqual([april.capacity, april.place, april.registration_opens_at], [3, 'Stockholm', '2027-03-23T12:00:00.000Z'], '14 days before at 13:00 local, across the spring change');
    const decRegs = await registrations.list(adminActor, dec.slug);
    assert.deepEqual(decRegs.items.map((r) => [r.name, r.status]), [['Cia', 'confirmed'], ['Dan', 'confirmed'], ['Eva', 'confirmed']]);

    await worker.drain();
    await smtp.waitFor((m) => m.to.includes('eva@example.se') && m.subject.startsWith('En plats blev ledig'));
    const ciaChanged = await smtp.waitFor((m) => m.to.includes('cia@example.se') && m.subject.startsWith('Ändrat'));
    assert.match(ciaChanged.text, /Plats: Stockholm/);
    const changed = invitation(ciaChanged);
    assert.equal(changed.uid, ciaFirst.uid);
    assert.ok(changed.sequence > ciaFirst.sequence);
    assert.match(changed.location ?? '', /Stockholm/);

    // The nightly job's new occurrences follow the new defaults too.
    t.clock.set(new Date('2027-01-02T10:00:00.000Z'));
    try {
      assert.ok((await events.extendSeries()) >= 1);
      const december = (await events.getSeries(series.id)).events.find((e) => e.occurrence_key === '2027-12-07T13:00')!;
      assert.deepEqual([december.capacity, december.place, december.registration_opens_at], [3, 'Stockholm', '2027-11-23T12:00:00.000Z']);
    } finally {
      t.clock.set(new Date('2026-11-28T10:00:00.000Z'));
    }
  });

  test('API: 401/403/404 for those who may not, 400 naming the field, 200 for a series organiser', async () => {
    const { events } = domainsOf(t.deps).events;
    const { series } = await events.createSeries(adminActor, { title: { sv: 'API-träff' }, startsOn: '2026-12-01', capacity: 5, occurrences: 2, organisers: [organiser.email] });
    const patch = (payload: object, user?: TestUser, slug = series.slug) => t.app.inject({ method: 'PATCH', url: `/api/v1/events/series/${slug}`, payload, headers: user ? bearer(user) : {} });
    assert.equal((await patch({ capacity: 6 })).statusCode, 401);
    assert.equal((await patch({ capacity: 6 }, member)).statusCode, 403);
    assert.equal((await patch({ capacity: 6 }, organiser, 'finns-inte')).statusCode, 404);
    const badRule = await patch({ rrule: 'FREQ=NEVER;BYDAY=2WE' }, organiser);
    assert.equal(badRule.statusCode, 400);
    assert.deepEqual(Object.keys(badRule.json().error.details), ['rrule']);
    const badTime = await patch({ startTime: '25:00', capacity: 0 }, organiser);
    assert.equal(badTime.statusCode, 400);
    assert.ok(badTime.json().error.details.capacity || badTime.json().error.details.startTime, badTime.body);
    assert.equal((await patch({ price: 3 }, organiser)).statusCode, 400, 'unknown fields are refused');
    assert.equal((await events.getSeries(series.id)).events[0]!.capacity, 5, 'nothing changed');

    const ok = await patch({ capacity: 7, rrule: 'FREQ=MONTHLY;BYDAY=1TU' }, organiser);
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.series.rrule, 'FREQ=MONTHLY;BYDAY=1TU');
    assert.equal(body.updated.length, 2);
    assert.ok(body.created.length >= 10);
    assert.deepEqual([body.cancelled, body.keptWithRegistrations, body.changedIndividually], [[], [], []]);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/events/series/{idOrSlug}'].patch);
  });

  test('the organiser page: 404 for others, errors summarised, the outcome listed', async () => {
    const { events, registrations } = domainsOf(t.deps).events;
    const { series, events: created } = await events.createSeries(adminActor, { title: { sv: 'Sidträff' }, startsOn: '2026-12-01', capacity: 5, occurrences: 2, organisers: [organiser.email] });
    await registrations.register(adminActor, created[1]!.slug, { name: 'Fia', email: 'fia@example.se' });
    const url = `/events/series/${series.slug}/edit`;
    const eventPage = await t.app.inject({ method: 'GET', url: `/events/${created[0]!.slug}`, cookies: { allmanning_session: await sessionCookie(t, organiser) } });
    assert.match(eventPage.body, new RegExp(`href="/events/series/${series.id}/edit"`), 'reachable from the series\' events');
    assert.equal((await formSession(t, url, await sessionCookie(t, member))).status, 404);
    assert.equal((await formSession(t, url)).status, 404);

    const session = await sessionCookie(t, organiser);
    const form = await formSession(t, url, session);
    assert.equal(form.status, 200);
    assert.match(form.body, /value="FREQ=MONTHLY;BYDAY=1TU"/);
    const fields = { _csrf: form.csrf, rrule: 'FREQ=MONTHLY;BYDAY=1TU', startTime: '13:00', durationMinutes: '120', 'title.sv': 'Sidträff', 'title.en': '', 'description.sv': '', 'description.en': '', place: '', onlineUrl: '', capacity: '5', organizationQuota: '', registrationOpensDaysBefore: '', registrationClosesHoursBefore: '', topics: '', organisers: organiser.email };
    const post = (body: Record<string, string>) => t.app.inject({ method: 'POST', url, payload: urlencoded(body), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: form.cookies });

    const bad = await post({ ...fields, rrule: 'varje tisdag' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#field-rrule"/);
    assert.equal((await post({ ...fields, _csrf: 'forged' })).statusCode, 403);

    // January goes (even months only): Fia is registered, so it is kept and listed.
    const done = await post({ ...fields, rrule: 'FREQ=MONTHLY;BYDAY=1TU;BYMONTH=2,4,6,8,10,12', capacity: '8' });
    assert.equal(done.statusCode, 200, done.body.slice(0, 500));
    assert.match(done.body, /Träffar som regeln inte längre ger men som har anmälda \(1\)/);
    assert.match(done.body, new RegExp(`href="/events/${created[1]!.slug}/edit"`));
    assert.match(done.body, /1 anmälda/);
    assert.match(done.body, /Nya träffar \(\d+\)/);
    // The form page keeps listing it until the organiser acts.
    const again = await formSession(t, url, session);
    assert.match(again.body, /Träffar som regeln inte längre ger men som har anmälda \(1\)/);
    assert.match(again.body, /value="8"/);
  });
});
