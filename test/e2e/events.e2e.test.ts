// The workshop journey in Chromium, with the keyboard only: find a workshop → sign up without an
// account → the address-confirmation mail arrives over SMTP → confirm → the confirmation with its
// calendar invitation arrives → cancel through the private link → the first waitlisted person is
// promoted and mailed. Every page on the way, the English ones and the organiser pages pass axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { domainsOf } from '../../src/domains.js';
import { Worker } from '../../src/platform/jobs/index.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';
import { firstLink, startTestSmtp, type TestSmtp } from '../support/test-smtp.js';
import { checkAccessibility, focusedElement, formatViolations, startE2E, type E2E, type FocusedElement } from './support/browser.js';

const ANNA = { name: 'Anna Andersson', email: 'anna@exempelstad.example.se' };
const BO = { name: 'Bo Berg', email: 'bo@kommun.example.se' };
const ADMIN = { name: 'Sara Samordnare', email: 'sara@digg.example.se' };

async function tabTo(page: Page, wanted: (el: FocusedElement) => boolean, what: string, max = 200): Promise<FocusedElement> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (el && wanted(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('workshop journey in Chromium', () => {
  let e2e: E2E;
  let smtp: TestSmtp;
  let worker: Worker;
  let slug = '';
  let adminCookie = '';
  let series = { slug: '', firstOccurrence: '' };

  const local = (link: string) => {
    const url = new URL(link);
    return `${e2e.baseUrl}${url.pathname}${url.search}`;
  };

  async function expectAccessible(page: Page, what: string) {
    const { violations } = await checkAccessibility(page);
    assert.deepEqual(violations, [], `${what}: ${formatViolations(page.url(), violations)}`);
  }

  before(async () => {
    smtp = await startTestSmtp();
    e2e = await startE2E({ env: { ALLMANNING_SMTP_URL: smtp.url, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
    const { deps } = e2e.testApp;
    worker = new Worker({ db: deps.db, clock: deps.clock, queue: deps.queue, registry: deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 25 });
    worker.start();
    const { accounts, organizations, events } = domainsOf(deps);
    await organizations.organizations.createAsOperator({ name: { sv: 'Exempelstads kommun' }, slug: 'exempelstad', type: 'municipality' });
    const admin = await accounts.admin.createUserAsOperator({ email: ADMIN.email, name: ADMIN.name, password: PASSWORD, siteAdmin: true });
    const actor = { kind: 'user' as const, userId: admin.id, email: ADMIN.email, name: ADMIN.name, isSiteAdmin: true, roles: {}, via: 'session' as const };
    const event = await events.events.create(actor, {
      title: { sv: 'Licenser i praktiken', en: 'Licences in practice' },
      description: { sv: 'Vi går igenom **CC0** och **CC BY 4.0**.', en: 'We go through **CC0** and **CC BY 4.0**.' },
      agenda: { sv: '1. Välkommen\n2. Licenser', en: '1. Welcome\n2. Licences' },
      startsAt: '2026-12-01T13:00',
      endsAt: '2026-12-01T15:00',
      place: 'Digg, Sundsvall',
      onlineUrl: 'https://meet.example.se/licenser',
      capacity: 1,
      topics: ['licenser'],
    });
    slug = event.slug;
    const created = await events.events.createSeries(actor, { title: { sv: 'Nätverksträff', en: 'Network meeting' }, startsOn: '2027-01-01', capacity: 20, place: 'Digg, Sundsvall', occurrences: 3 });
    series = { slug: created.series.slug, firstOccurrence: created.events[0]!.slug };
    const { sessionToken } = await accounts.sessions.login({ email: ADMIN.email, password: PASSWORD, ip: '127.0.0.1' });
    adminCookie = e2e.testApp.app.signCookie(sessionToken);
  });

  after(async () => {
    await worker?.stop(2_000);
    await e2e?.close();
    await smtp?.close();
  });

  test('sign up with the keyboard, confirm by e-mail, cancel; the waitlisted person is promoted and mailed', async () => {
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.baseUrl}/events`);
    await expectAccessible(page, 'events list');
    await page.click(`a[href="/events/${slug}"]`);
    await page.waitForURL(`**/events/${slug}`);
    await expectAccessible(page, 'event page');

    // Keyboard only: Tab to each field, type, tick the boxes with Space, send with Enter.
    await tabTo(page, (el) => el.id === 'field-name', 'the name field');
    await page.keyboard.type(ANNA.name);
    await tabTo(page, (el) => el.id === 'field-email', 'the e-mail field');
    await page.keyboard.type(ANNA.email);
    await tabTo(page, (el) => el.id === 'field-organizationName', 'the organisation name');
    await page.keyboard.type('Exempelstads kommun, IT');
    await tabTo(page, (el) => el.id === 'field-acceptPrivacy', 'the privacy box');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.id === 'field-acceptRecording', 'the recording box');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'button' && /Anmäl mig/.test(el.text), 'the submit button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('h1')) ?? '', /Bekräfta din e-postadress/);
    await expectAccessible(page, 'check your e-mail');

    const confirmMail = await smtp.waitFor((m) => m.to.includes(ANNA.email) && /Bekräfta/.test(m.subject));
    const confirmLink = firstLink(confirmMail);
    assert.match(confirmLink, /^http:\/\/allmanning\.test\/events\/confirm\?token=/);
    await page.goto(local(confirmLink));
    assert.match(new URL(page.url()).pathname, /^\/events\/registration$/);
    assert.match((await page.textContent('main')) ?? '', /Plats bekräftad/);
    assert.match((await page.textContent('main')) ?? '', /meet\.example\.se\/licenser/, 'the online link, for a confirmed participant');
    await expectAccessible(page, 'registration page');

    const confirmation = await smtp.waitFor((m) => m.to.includes(ANNA.email) && /Du har en plats/.test(m.subject));
    const invite = confirmation.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    assert.ok(invite, 'the confirmation carries an invitation');
    const calendar = new ICAL.Component(ICAL.parse(invite.content.toString('utf8')));
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    assert.equal(vevent.summary, 'Licenser i praktiken');
    assert.equal(vevent.component.getFirstProperty('dtstart')!.getParameter('tzid'), 'Europe/Stockholm');
    assert.equal(String(vevent.startDate.toString()).slice(0, 16), '2026-12-01T13:00');

    // Bo joins the waitlist (an organiser registers him).
    const admin = { kind: 'user' as const, userId: 'x', email: ADMIN.email, name: ADMIN.name, isSiteAdmin: true, roles: {}, via: 'cli' as const };
    const bo = await domainsOf(e2e.testApp.deps).events.registrations.register(admin, slug, { name: BO.name, email: BO.email, organization: 'exempelstad' });
    assert.equal(bo.registration.status, 'waitlisted');
    await smtp.waitFor((m) => m.to.includes(BO.email) && /väntelistan/.test(m.subject));

    // Anna cancels with the keyboard on her private page.
    await tabTo(page, (el) => el.tag === 'button' && /Avboka min plats/.test(el.text), 'the cancel button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('main')) ?? '', /Anmälan är avbokad/);
    assert.doesNotMatch((await page.textContent('main')) ?? '', /meet\.example\.se/);
    await expectAccessible(page, 'cancelled registration');

    const promotion = await smtp.waitFor((m) => m.to.includes(BO.email) && /En plats blev ledig/.test(m.subject));
    assert.ok(promotion.parsed.attachments.some((a) => /METHOD:REQUEST/.test(a.content.toString('utf8'))));
    const cancelled = await smtp.waitFor((m) => m.to.includes(ANNA.email) && /Avbokad/.test(m.subject));
    assert.ok(cancelled.parsed.attachments.some((a) => /METHOD:CANCEL/.test(a.content.toString('utf8'))));

    // The old link of a cancelled registration still shows it; a forged one gets a clear page.
    const forged = await page.goto(`${e2e.baseUrl}/events/registration?token=forged`);
    assert.equal(forged?.status(), 404);
    assert.match((await page.textContent('h1')) ?? '', /Länken fungerar inte/);
    await expectAccessible(page, 'invalid link');
    await page.close();
  });

  test('the English pages, the privacy notice and the organiser pages pass axe', async () => {
    const page = await e2e.context.newPage();
    for (const path of ['/en/events', `/en/events/${slug}`, '/events/privacy', '/en/events/privacy']) {
      const response = await page.goto(`${e2e.baseUrl}${path}`);
      assert.equal(response?.status(), 200, path);
      await expectAccessible(page, path);
    }
    // A full event: the form invites to the waitlist; an invalid submit shows the error summary.
    await page.goto(`${e2e.baseUrl}/events/${slug}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`form[action="/events/${slug}/register"] button[type="submit"]`)]);
    assert.ok(await page.isVisible('.error-summary'));
    await expectAccessible(page, 'sign-up form with errors');
    await page.close();

    const adminContext = await e2e.newContext();
    await adminContext.addCookies([{ name: 'allmanning_session', value: adminCookie, url: e2e.baseUrl }]);
    const organiser = await adminContext.newPage();
    for (const path of [`/events/${slug}/registrations`, `/events/${slug}/edit`, '/events/new', '/events/my', `/en/events/${slug}/registrations`]) {
      const response = await organiser.goto(`${e2e.baseUrl}${path}`);
      assert.equal(response?.status(), 200, path);
      await expectAccessible(organiser, path);
    }
    assert.match((await organiser.textContent('main')) ?? '', /Bo Berg/);
  });

  test('an organiser edits the whole series with the keyboard: errors summarised, the outcome listed, axe-clean', async () => {
    const adminContext = await e2e.newContext();
    await adminContext.addCookies([{ name: 'allmanning_session', value: adminCookie, url: e2e.baseUrl }]);
    const page = await adminContext.newPage();
    await page.goto(`${e2e.baseUrl}/events/${series.firstOccurrence}`);
    await tabTo(page, (el) => el.tag === 'a' && /Redigera hela serien/.test(el.text), 'the edit-series link');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('h1')) ?? '', /Redigera serien Nätverksträff/);
    await expectAccessible(page, 'series edit page');

    // A rule that is not one: the error summary names the field; nothing changes.
    await tabTo(page, (el) => el.id === 'field-rrule', 'the rule field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('varje tisdag');
    await tabTo(page, (el) => el.tag === 'button' && /Spara serien/.test(el.text), 'the submit button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.ok(await page.isVisible('.error-summary'));
    assert.match((await page.textContent('.error-summary')) ?? '', /Upprepning|upprepningsregel/i);
    await expectAccessible(page, 'series edit page with errors');

    // Second Wednesday instead: the outcome lists the moved meetings.
    await tabTo(page, (el) => el.id === 'field-rrule', 'the rule field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('FREQ=MONTHLY;BYDAY=2WE');
    await tabTo(page, (el) => el.tag === 'button' && /Spara serien/.test(el.text), 'the submit button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /Serien är sparad: 3 träffar ändrade/);
    assert.match(main, /onsdag 13 januari 2027/);
    await expectAccessible(page, 'series edit outcome');

    const english = await page.goto(`${e2e.baseUrl}/en/events/series/${series.slug}/edit`);
    assert.equal(english?.status(), 200);
    await expectAccessible(page, 'English series edit page');
    await adminContext.close();
  });
});
