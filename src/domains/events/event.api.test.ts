// /api/v1/events through HTTP (inject): the contract's shapes and status codes, bad input as 400
// with field details, rights (401/403/404), and the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, createUser, startApp, type OrgTestApp, type TestUser } from '../organizations/testing.js';

describe('events API', () => {
  let t: OrgTestApp;
  let admin: TestUser;
  let member: TestUser;

  const post = (url: string, payload: unknown, user?: TestUser) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: user ? bearer(user) : {} });

  before(async () => {
    t = await startApp();
    admin = await createUser(t, { siteAdmin: true });
    member = await createUser(t);
  });
  after(() => t.close());

  test('site admins create events; others get 401/403; bad input is a 400 naming each field', async () => {
    const body = { title: { sv: 'Licensverkstad', en: 'Licence workshop' }, startsAt: '2026-12-01T13:00', endsAt: '2026-12-01T15:00', capacity: 2, onlineUrl: 'https://meet.example.se/x', topics: ['licenser'] };
    assert.equal((await post('/api/v1/events', body)).statusCode, 401);
    assert.equal((await post('/api/v1/events', body, member)).statusCode, 403);
    const created = await post('/api/v1/events', body, admin);
    assert.equal(created.statusCode, 201, created.body);
    const json = created.json();
    assert.equal(json.startsAt, '2026-12-01T12:00:00.000Z', 'local Stockholm time in, UTC out');
    assert.equal(json.timezone, 'Europe/Stockholm');
    assert.equal(json.onlineUrl, 'https://meet.example.se/x', 'organisers see the link');
    assert.deepEqual(json.seats, { confirmed: 0, waitlisted: 0, free: 2 });
    assert.equal(created.headers.location, `http://allmanning.test/api/v1/events/${json.slug}`);

    const publicView = await t.app.inject({ method: 'GET', url: `/api/v1/events/${json.slug}` });
    assert.equal(publicView.json().onlineUrl, null, 'the public does not');
    assert.equal(publicView.json().hasOnlineMeeting, true);

    const bad = await post('/api/v1/events', { title: { sv: 'X' }, startsAt: 'i morgon', endsAt: '2026-12-01T12:00', capacity: 0 }, admin);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'validation_failed');
    assert.ok(bad.json().error.details.capacity, bad.body);
    const bad2 = await post('/api/v1/events', { title: { sv: 'X' }, startsAt: 'i morgon', endsAt: '2026-12-01T12:00', capacity: 3, onlineUrl: 'ftp://x' }, admin);
    assert.deepEqual(Object.keys(bad2.json().error.details).sort(), ['onlineUrl', 'startsAt']);
    const unknownField = await post('/api/v1/events', { ...body, price: 10 }, admin);
    assert.equal(unknownField.statusCode, 400);
  });

  test('registrations: 201 with status and waitlist position; duplicates 409; malformed e-mail 400', async () => {
    const event = (await post('/api/v1/events', { title: { sv: 'Fullt' }, startsAt: '2026-12-08T13:00', endsAt: '2026-12-08T15:00', capacity: 1 }, admin)).json();
    const url = `/api/v1/events/${event.slug}/registrations`;
    const first = await post(url, { name: 'Admin', email: admin.email }, admin);
    assert.equal(first.statusCode, 201);
    assert.deepEqual({ ...(first.json() as object), id: undefined }, { id: undefined, status: 'confirmed', waitlistPosition: null });
    const second = await post(url, { name: 'Medlem', email: member.email, organization: 'Exempelstad' }, member);
    assert.deepEqual({ ...(second.json() as object), id: undefined }, { id: undefined, status: 'waitlisted', waitlistPosition: 1 });
    const anon = await post(url, { name: 'Anonym', email: 'anonym@example.se' });
    assert.equal(anon.json().status, 'pending_confirmation');
    const dup = await post(url, { name: 'Medlem', email: member.email.toUpperCase() });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'already_registered');
    const malformed = await post(url, { name: 'X', email: 'inte en adress' });
    assert.equal(malformed.statusCode, 400);
    assert.deepEqual(malformed.json().error.details, { email: ['Enter a valid e-mail address, for example name@agency.se.'] });

    const list = await t.app.inject({ method: 'GET', url, headers: bearer(admin) });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().items.map((r: { status: string; waitlistPosition: number | null }) => [r.status, r.waitlistPosition]), [['confirmed', null], ['waitlisted', 1], ['pending_confirmation', null]]);
    assert.equal((await t.app.inject({ method: 'GET', url, headers: bearer(member) })).statusCode, 404);

    // The organiser cancels the confirmed registration: the waitlisted member is promoted.
    const del = await t.app.inject({ method: 'DELETE', url: `${url}/${first.json().id}`, headers: bearer(admin) });
    assert.equal(del.statusCode, 204);
    const after = await t.app.inject({ method: 'GET', url, headers: bearer(admin) });
    assert.equal(after.json().items.find((r: { id: string }) => r.id === second.json().id).status, 'confirmed');
    const stats = await t.app.inject({ method: 'GET', url: `/api/v1/events/${event.slug}/stats`, headers: bearer(admin) });
    assert.equal(stats.json().registered, 1);
  });

  test('series: the default rule makes first-Tuesday occurrences; lists filter by series and time', async () => {
    const created = await post('/api/v1/event-series', { title: { sv: 'Månadsträff' }, startsOn: '2027-01-01', capacity: 20, occurrences: 3 }, admin);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().rrule, 'FREQ=MONTHLY;BYDAY=1TU');
    assert.deepEqual(created.json().occurrences.map((o: { startsAt: string }) => o.startsAt), ['2027-01-05T12:00:00.000Z', '2027-02-02T12:00:00.000Z', '2027-03-02T12:00:00.000Z']);
    const badRule = await post('/api/v1/event-series', { title: { sv: 'X' }, startsOn: '2027-01-01', capacity: 20, rrule: 'FREQ=NEVER' }, admin);
    assert.equal(badRule.statusCode, 400);
    assert.ok(badRule.json().error.details.rrule);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/events?series=${created.json().slug}&limit=2` });
    assert.equal(list.json().total, 3);
    assert.equal(list.json().items.length, 2);
    assert.match(list.headers.link as string, /rel="next"/);
  });

  test('the OpenAPI document describes the events endpoints', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/events', '/api/v1/events/{idOrSlug}', '/api/v1/events/{idOrSlug}/registrations', '/api/v1/event-series']) assert.ok(doc.paths[path], path);
    assert.ok(doc.paths['/api/v1/events/{idOrSlug}/registrations'].post.responses['201']);
  });
});
