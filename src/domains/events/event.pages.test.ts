// The workshop pages through HTTP (inject), as a browser without JavaScript uses them: lists in
// both languages, sign-up with CSRF, bad input shown at the fields with nothing stored, the private
// registration page (forged links get a clear page), organiser pages only for organisers, CSV.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import type { Actor } from '../../platform/auth/actor.js';
import { addMember, createOrg, createUser, formSession, multipartBody, sessionCookie, startApp, urlencoded, type OrgTestApp, type TestUser } from '../organizations/testing.js';

describe('event pages', () => {
  let t: OrgTestApp;
  let admin: TestUser;
  let adminActor: Actor;
  let slug = '';

  const form = (url: string, fields: Record<string, string>, session: { csrf: string; cookies: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url, payload: urlencoded({ _csrf: session.csrf, ...fields }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: session.cookies });
  const count = async (eventSlug: string) => (await domainsOf(t.deps).events.registrations.list(adminActor, eventSlug)).items.length;

  before(async () => {
    t = await startApp();
    admin = await createUser(t, { siteAdmin: true, name: 'Samordnare' });
    adminActor = await admin.actor();
    await createOrg(t, { name: { sv: 'Exempelstads kommun' }, slug: 'exempelstad', type: 'municipality' });
    const event = await domainsOf(t.deps).events.events.create(adminActor, {
      title: { sv: 'Licenser i praktiken', en: 'Licences in practice' },
      description: { sv: 'Vi går igenom **CC0** <script>alert(1)</script>', en: 'We go through **CC0**' },
      startsAt: '2026-12-01T13:00',
      endsAt: '2026-12-01T15:00',
      place: 'Digg, Sundsvall',
      onlineUrl: 'https://meet.example.se/hemlig-lank',
      capacity: 1,
    });
    slug = event.slug;
  });
  after(() => t.close());

  test('the list and the event page, in Swedish and English; Markdown is sanitised; the online link stays private', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/events' });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<h1>Träffar<\/h1>/);
    assert.match(sv.body, /Licenser i praktiken/);
    const en = await t.app.inject({ method: 'GET', url: '/en/events' });
    assert.match(en.body, /<h1>Workshops<\/h1>/);
    assert.match(en.body, /Licences in practice/);
    assert.match(en.body, /href="\/events\.ics\?lang=en"/);

    const page = await t.app.inject({ method: 'GET', url: `/events/${slug}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong>CC0<\/strong>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /hemlig-lank/);
    assert.match(page.body, /tisdag 1 december 2026, 13:00–15:00/);
    assert.match(page.body, /name="acceptPrivacy"/);
    assert.match((await t.app.inject({ method: 'GET', url: `/en/events/${slug}` })).body, /Tuesday, 1 December 2026, 13:00–15:00/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/events/finns-inte' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/events/privacy' })).statusCode, 200);
  });

  test('anonymous sign-up: errors at the fields and nothing stored; then "check your e-mail"; a duplicate is refused', async () => {
    const session = await formSession(t, `/events/${slug}`);
    const bad = await form(`/events/${slug}/register`, { name: '', email: 'inte-en-adress', organizationId: '', organizationName: '' }, session);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /Skriv en giltig e-postadress/);
    assert.match(bad.body, /Du behöver ta del av integritetsinformationen/);
    assert.equal(await count(slug), 0);

    const fields = { name: 'Anna Andersson', email: 'anna@exempelstad.se', organizationId: 'exempelstad', organizationName: '', accessibilityNeeds: 'Hörslinga', acceptPrivacy: 'on', acceptRecording: 'on' };
    const ok = await form(`/events/${slug}/register`, fields, session);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(ok.body, /Bekräfta din e-postadress/);
    assert.match(ok.body, /anna@exempelstad\.se/);
    const dup = await form(`/events/${slug}/register`, fields, session);
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /redan anmäld/);
    assert.equal(await count(slug), 1);

    const noCsrf = await t.app.inject({ method: 'POST', url: `/events/${slug}/register`, payload: urlencoded(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('a signed-in person takes the seat at once and sees the private page with the online link', async () => {
    const person = await createUser(t, { name: 'Per Persson' });
    const cookie = await sessionCookie(t, person);
    const session = await formSession(t, `/events/${slug}`, cookie);
    assert.match(session.body, new RegExp(`value="${person.email.replace(/\./g, '\\.')}"`), 'the form is filled in for a signed-in person');
    const response = await form(`/events/${slug}/register`, { name: person.name, email: person.email, organizationId: '', organizationName: 'Föreningen', acceptPrivacy: 'on', acceptRecording: 'on' }, session);
    assert.equal(response.statusCode, 303);
    const location = response.headers.location as string;
    assert.match(location, /^\/events\/registration\?token=/);
    const own = await t.app.inject({ method: 'GET', url: location, cookies: session.cookies });
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Plats bekräftad/);
    assert.match(own.body, /hemlig-lank/);

    const mine = await t.app.inject({ method: 'GET', url: '/events/my', cookies: { allmanning_session: cookie } });
    assert.match(mine.body, /Licenser i praktiken/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/events/my' })).statusCode, 404);
  });

  test("a signed-in member finds their organisation chosen in the form", async () => {
    const member = await createUser(t, { name: 'Maja Medlem' });
    const org = (await domainsOf(t.deps).organizations.organizations.get('exempelstad'));
    await addMember(t, org.id, member, 'member');
    const page = await formSession(t, `/events/${slug}`, await sessionCookie(t, member));
    assert.match(page.body, /<option value="exempelstad" selected>Exempelstads kommun<\/option>/);
    assert.match(page.body, /value="Maja Medlem"/);
  });

  test('a forged link gets a clear page and changes nothing', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/events/registration?token=forfalskad' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Länken fungerar inte/);
    const session = await formSession(t, `/events/${slug}`);
    const cancel = await form('/events/registration/cancel', { token: 'forfalskad' }, session);
    assert.equal(cancel.statusCode, 404);
    assert.match(cancel.body, /Ingenting har ändrats/);
    const confirm = await t.app.inject({ method: 'GET', url: '/en/events/confirm?token=forfalskad' });
    assert.equal(confirm.statusCode, 404);
    assert.match(confirm.body, /The link does not work/);
  });

  test('organiser pages: 404 for others; registrations, attendance, CSV, message, edit', async () => {
    const stranger = await createUser(t);
    const strangerCookie = await sessionCookie(t, stranger);
    for (const path of [`/events/${slug}/edit`, `/events/${slug}/registrations`, `/events/${slug}/registrations.csv`, '/events/new']) {
      assert.equal((await t.app.inject({ method: 'GET', url: path, cookies: { allmanning_session: strangerCookie } })).statusCode, 404, path);
    }
    const cookie = await sessionCookie(t, admin);
    const list = await formSession(t, `/events/${slug}/registrations`, cookie);
    assert.equal(list.status, 200);
    assert.match(list.body, /Per Persson/);
    assert.match(list.body, /Anna Andersson/);
    assert.match(list.body, /<dt>Organisationer<\/dt><dd>1<\/dd>/);

    const csv = await t.app.inject({ method: 'GET', url: `/events/${slug}/registrations.csv`, cookies: { allmanning_session: cookie } });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.body, /Per Persson,person\d+\.\d+@myndighet\.example\.se,Föreningen,,Plats bekräftad/);

    await domainsOf(t.deps).events.registrations.register(adminActor, slug, { name: '=HYPERLINK("http://evil.example")', email: 'formel@example.se' });
    const csv2 = await t.app.inject({ method: 'GET', url: `/events/${slug}/registrations.csv`, cookies: { allmanning_session: cookie } });
    assert.match(csv2.body, /\n"'=HYPERLINK\(""http:\/\/evil\.example""\)",formel@example\.se/, 'a formula is defused');

    const { items } = await domainsOf(t.deps).events.registrations.list(adminActor, slug);
    const per = items.find((r) => r.name === 'Per Persson')!;
    const marked = await form(`/events/${slug}/registrations/${per.id}/attendance`, { attended: 'true' }, list);
    assert.equal(marked.statusCode, 303);
    assert.equal((await domainsOf(t.deps).events.registrations.list(adminActor, slug)).items.find((r) => r.id === per.id)!.attended, 1);

    const emptyMessage = await form(`/events/${slug}/message`, { subject: '', body: '' }, list);
    assert.equal(emptyMessage.statusCode, 400);
    const message = await form(`/events/${slug}/message`, { subject: 'Välkomna', body: 'Vi ses i Sundsvall.' }, list);
    assert.equal(message.statusCode, 303);
    const sent = await t.deps.db.selectFrom('mail_message').selectAll().where('subject', '=', 'Välkomna').execute();
    assert.equal(sent.length, 1, 'only the confirmed participant');

    const edit = await formSession(t, `/events/${slug}/edit`, cookie);
    assert.match(edit.body, /value="2026-12-01T13:00"/, 'times in Stockholm time');
    const saved = await form(`/events/${slug}/edit`, { 'title.sv': 'Licenser i praktiken', startsAt: '2026-12-01T13:00', endsAt: '2026-12-01T16:00', capacity: '2', recordingUrl: 'https://video.example.se/1', 'notes.sv': 'Inspelningen är textad.' }, edit);
    assert.equal(saved.statusCode, 303, saved.body);
    const after = await t.app.inject({ method: 'GET', url: `/events/${slug}` });
    assert.match(after.body, /Material från träffen/);
    assert.match(after.body, /13:00–16:00/);
  });

  test('slides after the meeting: uploaded by an organiser, served from the event page', async () => {
    const cookie = await sessionCookie(t, admin);
    const edit = await formSession(t, `/events/${slug}/edit`, cookie);
    const pdf = Buffer.from('%PDF-1.4\n% Allmänning slides\n%%EOF\n');
    const upload = async (filename: string, type: string) => {
      const body = await multipartBody({ _csrf: edit.csrf }, { slides: { data: pdf, filename, type } });
      return t.app.inject({ method: 'POST', url: `/events/${slug}/slides`, payload: body.payload, headers: { 'content-type': body.contentType }, cookies: edit.cookies });
    };
    const wrong = await upload('virus.exe', 'application/octet-stream');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Ladda upp en presentation som PDF/);
    const ok = await upload('licenser.pdf', 'application/pdf');
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await t.app.inject({ method: 'GET', url: `/events/${slug}` });
    assert.match(page.body, /Presentation \(licenser\.pdf\)/);
    const file = await t.app.inject({ method: 'GET', url: `/events/${slug}/slides` });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, pdf);
    const stranger = await sessionCookie(t, await createUser(t));
    const denied = await formSession(t, `/events/${slug}`, stranger);
    const body = await multipartBody({ _csrf: denied.csrf }, { slides: { data: pdf, filename: 'x.pdf', type: 'application/pdf' } });
    assert.equal((await t.app.inject({ method: 'POST', url: `/events/${slug}/slides`, payload: body.payload, headers: { 'content-type': body.contentType }, cookies: denied.cookies })).statusCode, 404);
  });

  test('a site admin creates a monthly series from the form', async () => {
    const cookie = await sessionCookie(t, admin);
    const page = await formSession(t, '/events/new', cookie);
    assert.equal(page.status, 200);
    const created = await form('/events/new', { 'title.sv': 'Månadsträff', repeat: 'on', startsAt: '2027-01-05T13:00', endsAt: '2027-01-05T15:00', rrule: 'FREQ=MONTHLY;BYDAY=1TU', occurrences: '3', capacity: '25' }, page);
    assert.equal(created.statusCode, 303, created.body);
    const { items } = await domainsOf(t.deps).events.events.list({ when: 'upcoming', limit: 100, offset: 0 });
    assert.deepEqual(items.filter((e) => e.title_sv === 'Månadsträff').map((e) => e.starts_at), ['2027-01-05T12:00:00.000Z', '2027-02-02T12:00:00.000Z', '2027-03-02T12:00:00.000Z']);
    const bad = await form('/events/new', { 'title.sv': '', startsAt: 'sen', endsAt: '', capacity: '' }, page);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
  });
});
