// The calendar files, read back with an independent parser (ical.js): /events.ics, a series feed
// (RRULE in Europe/Stockholm with its VTIMEZONE, a cancelled occurrence as EXDATE and a moved one as
// a RECURRENCE-ID override) and "add to calendar" — checked across both daylight-saving changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { domainsOf } from '../../domains.js';
import type { Actor } from '../../platform/auth/actor.js';
import { createUser, startApp, type OrgTestApp } from '../organizations/testing.js';

/** Parses a calendar, registering its time zones so TZID times resolve. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar;
}

describe('calendar files', () => {
  let t: OrgTestApp;
  let admin: Actor;
  let seriesSlug = '';
  let occurrenceSlugs: string[] = [];

  before(async () => {
    t = await startApp();
    t.clock.set(new Date('2026-01-01T08:00:00.000Z'));
    admin = await (await createUser(t, { siteAdmin: true })).actor();
    const { series, events } = await domainsOf(t.deps).events.events.createSeries(admin, {
      title: { sv: 'Nätverksträff', en: 'Network meeting' },
      startsOn: '2026-01-01',
      startTime: '13:00',
      durationMinutes: 120,
      capacity: 30,
      place: 'Digg, Sundsvall',
      onlineUrl: 'https://meet.example.se/hemlig',
      occurrences: 12,
    });
    seriesSlug = series.slug;
    occurrenceSlugs = events.map((e) => e.slug);
    // May's meeting moves a week (off a holiday); November's is cancelled.
    await domainsOf(t.deps).events.events.update(admin, occurrenceSlugs[4]!, { startsAt: '2026-05-12T14:00', endsAt: '2026-05-12T16:00' });
    await domainsOf(t.deps).events.events.cancel(admin, occurrenceSlugs[10]!);
  });
  after(() => t.close());

  test('the series feed is a recurrence in Europe/Stockholm, with the moved and cancelled occurrences', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/events/series/${seriesSlug}/calendar.ics` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/calendar/);
    const calendar = parse(response.body);
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    assert.equal(vtimezone.getFirstPropertyValue('tzid'), 'Europe/Stockholm');
    assert.ok(vtimezone.getFirstSubcomponent('daylight') && vtimezone.getFirstSubcomponent('standard'), 'VTIMEZONE with summer and winter rules');

    const vevents = calendar.getAllSubcomponents('vevent');
    const master = new ICAL.Event(vevents.find((v) => !v.hasProperty('recurrence-id'))!);
    assert.equal(master.summary, 'Nätverksträff');
    assert.ok(master.isRecurring());
    assert.equal(master.component.getFirstProperty('dtstart')!.getParameter('tzid'), 'Europe/Stockholm');
    assert.equal(master.startDate.zone?.tzid, 'Europe/Stockholm', 'the zone resolves to the VTIMEZONE');
    assert.equal(String(master.component.getFirstPropertyValue('rrule')), 'FREQ=MONTHLY;BYDAY=1TU');
    for (const v of vevents.filter((v) => v.hasProperty('recurrence-id'))) master.relateException(new ICAL.Event(v));
    assert.ok(!response.body.includes('meet.example.se'), 'the online link is not public');

    // Expand the first year: 12 first Tuesdays minus November, May moved to the 12th at 14:00.
    const iterator = master.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && next.year === 2026; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      seen.push(`${details.startDate.toJSDate().toISOString()} ${details.item.startDate.toString().slice(0, 16)}`);
    }
    assert.deepEqual(seen, [
      '2026-01-06T12:00:00.000Z 2026-01-06T13:00',
      '2026-02-03T12:00:00.000Z 2026-02-03T13:00',
      '2026-03-03T12:00:00.000Z 2026-03-03T13:00',
      '2026-04-07T11:00:00.000Z 2026-04-07T13:00',
      '2026-05-12T12:00:00.000Z 2026-05-12T14:00',
      '2026-06-02T11:00:00.000Z 2026-06-02T13:00',
      '2026-07-07T11:00:00.000Z 2026-07-07T13:00',
      '2026-08-04T11:00:00.000Z 2026-08-04T13:00',
      '2026-09-01T11:00:00.000Z 2026-09-01T13:00',
      '2026-10-06T11:00:00.000Z 2026-10-06T13:00',
      '2026-12-01T12:00:00.000Z 2026-12-01T13:00',
    ]);
  });

  test('/events.ics lists every event on its own, with zoned times and the cancelled one marked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/events.ics?lang=en' });
    assert.equal(response.statusCode, 200);
    const vevents = parse(response.body).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(vevents.length, 12);
    const april = vevents.find((e) => e.startDate.toString().startsWith('2026-04-07'))!;
    assert.equal(april.summary, 'Network meeting');
    assert.equal(april.startDate.zone?.tzid, 'Europe/Stockholm');
    assert.equal(april.startDate.toJSDate().toISOString(), '2026-04-07T11:00:00.000Z');
    assert.equal(april.endDate.toJSDate().toISOString(), '2026-04-07T13:00:00.000Z');
    const november = vevents.find((e) => e.startDate.toString().startsWith('2026-11-03'))!;
    assert.equal(november.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(new Set(vevents.map((e) => e.uid)).size, 12, 'stable, distinct UIDs');
  });

  test('"add to calendar": one event, its UID and SEQUENCE raised by the move', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/events/${occurrenceSlugs[4]}/calendar.ics` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-disposition'] as string, /attachment; filename=".+\.ics"/);
    const [event] = parse(response.body).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(event!.sequence, 1);
    assert.match(event!.uid, /@allmanning\.test$/);
    assert.equal(event!.startDate.toJSDate().toISOString(), '2026-05-12T12:00:00.000Z');
    assert.equal(event!.location, 'Digg, Sundsvall');
    assert.equal((await t.app.inject({ method: 'GET', url: '/events/finns-inte/calendar.ics' })).statusCode, 404);
  });

  test('the events page links every feed as rel="alternate" type="text/calendar"', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/events' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<link rel="alternate" href="\/events\.ics" type="text\/calendar"/);
    assert.match(page.body, new RegExp(`<link rel="alternate" href="/events/series/${seriesSlug}/calendar\\.ics" type="text/calendar"`));
  });

  test('the nightly job keeps the series planned a year ahead without re-creating moved or cancelled occurrences', async () => {
    const { events } = domainsOf(t.deps).events;
    assert.equal(await events.extendSeries(), 0, 'a year ahead is already planned');
    t.clock.set(new Date('2026-03-01T08:00:00.000Z'));
    assert.equal(await events.extendSeries(), 2, 'January and February 2027 are added');
    assert.equal(await events.extendSeries(), 0, 'idempotent');
    const { events: occurrences } = await events.getSeries(seriesSlug);
    assert.equal(occurrences.length, 14);
    assert.deepEqual(occurrences.slice(-2).map((e) => e.starts_at), ['2027-01-05T12:00:00.000Z', '2027-02-02T12:00:00.000Z']);
    assert.equal(occurrences.filter((e) => e.status === 'cancelled').length, 1);
    assert.equal(occurrences.filter((e) => e.occurrence_key === '2026-05-05T13:00').length, 1, 'the moved May meeting is not created again');
  });
});
