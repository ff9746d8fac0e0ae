// The accounts-and-organisations journey in Chromium, as people do it: sign up → confirm by e-mail →
// log in → create an organisation → invite a member who accepts → create an API token → use it on
// /api/v1/me; and a password reset whose link arrives at a real SMTP server and works once. Every
// page on the way passes axe. Mail goes through the real job queue and worker to the SMTP server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { Worker } from '../../src/platform/jobs/index.js';
import { startTestSmtp, firstLink, type TestSmtp } from '../support/test-smtp.js';
import { checkAccessibility, formatViolations, startE2E, type E2E } from './support/browser.js';

const ALICE = { name: 'Alice Andersson', email: 'alice@kommun.example.se', password: 'ett långt lösenord för Alice' };
const BOB = { name: 'Bo Berg', email: 'bo@kommun.example.se', password: 'ett långt lösenord för Bo', newPassword: 'ett helt nytt lösenord för Bo' };
const ORG = { name: 'Exempelstads kommun', slug: 'exempelstad', orgNumber: '212000-0142' };

describe('accounts and organisations journey', () => {
  let e2e: E2E;
  let smtp: TestSmtp;
  let worker: Worker;

  /** A mailed link, pointed at the server under test (mails use ALLMANNING_BASE_URL). */
  const local = (link: string) => {
    const url = new URL(link);
    return `${e2e.baseUrl}${url.pathname}${url.search}`;
  };

  async function expectAccessible(page: Page, what: string) {
    const { violations } = await checkAccessibility(page);
    assert.deepEqual(violations, [], `${what}: ${formatViolations(page.url(), violations)}`);
  }

  async function submit(page: Page, action: string) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`form[action="${action}"] button[type="submit"]`)]);
  }

  before(async () => {
    smtp = await startTestSmtp();
    e2e = await startE2E({ env: { ALLMANNING_SMTP_URL: smtp.url, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
    const { deps } = e2e.testApp;
    worker = new Worker({ db: deps.db, clock: deps.clock, queue: deps.queue, registry: deps.jobs, log: pino({ level: 'silent' }) }, { concurrency: 2, pollIntervalMs: 25 });
    worker.start();
  });

  after(async () => {
    await worker?.stop(2_000);
    await e2e?.close();
    await smtp?.close();
  });

  let aliceToken = '';

  test('sign up, confirm the address from the e-mail, log in, create an organisation', async () => {
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.baseUrl}/signup`);
    await expectAccessible(page, 'sign-up form');
    await page.fill('form[action="/signup"] input[name="name"]', ALICE.name);
    await page.fill('form[action="/signup"] input[name="email"]', ALICE.email);
    await page.fill('form[action="/signup"] input[name="password"]', ALICE.password);
    await submit(page, '/signup');
    assert.match(new URL(page.url()).pathname, /^\/check-email/);
    await expectAccessible(page, 'check your e-mail');

    const confirmation = await smtp.waitFor((m) => m.to.includes(ALICE.email));
    assert.match(confirmation.subject, /Bekräfta/);
    const confirmLink = firstLink(confirmation);
    assert.match(confirmLink, /\/confirm-email\?token=/);
    const confirmed = await page.goto(local(confirmLink));
    assert.equal(confirmed?.status(), 200);
    await expectAccessible(page, 'address confirmed');

    await page.goto(`${e2e.baseUrl}/login`);
    await page.fill('form[action="/login"] input[name="email"]', ALICE.email);
    await page.fill('form[action="/login"] input[name="password"]', ALICE.password);
    await submit(page, '/login');
    assert.equal(new URL(page.url()).pathname, '/account');
    const cookie = (await e2e.context.cookies()).find((c) => c.name === 'allmanning_session');
    assert.ok(cookie?.httpOnly, 'the session cookie is HttpOnly');
    assert.equal(cookie?.sameSite, 'Lax');

    await page.goto(`${e2e.baseUrl}/organizations/new`);
    await expectAccessible(page, 'new organisation form');
    await page.fill('input[name="name.sv"]', ORG.name);
    await page.fill('input[name="slug"]', ORG.slug);
    await page.selectOption('select[name="type"]', 'municipality');
    await page.fill('input[name="orgNumber"]', ORG.orgNumber);
    await submit(page, '/organizations/new');
    assert.equal(new URL(page.url()).pathname, `/organizations/${ORG.slug}`);
    assert.match(await page.textContent('h1') ?? '', new RegExp(ORG.name));
    await expectAccessible(page, 'organisation page');
    await page.close();
  });

  test('invite a member by e-mail, who accepts by creating an account', async () => {
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.baseUrl}/organizations/${ORG.slug}/members`);
    await expectAccessible(page, 'members page');
    await page.fill(`form[action="/organizations/${ORG.slug}/members/invite"] input[name="email"]`, BOB.email);
    await page.selectOption(`form[action="/organizations/${ORG.slug}/members/invite"] select[name="role"]`, 'editor');
    await submit(page, `/organizations/${ORG.slug}/members/invite`);
    assert.match(await page.textContent('main') ?? '', new RegExp(BOB.email));
    await page.close();

    const invitation = await smtp.waitFor((m) => m.to.includes(BOB.email) && /Exempelstads kommun/.test(m.subject));
    const inviteLink = firstLink(invitation);
    assert.match(inviteLink, /\/invitations\/accept\?token=/);

    const bobContext = await e2e.newContext();
    const bob = await bobContext.newPage();
    await bob.goto(local(inviteLink));
    await expectAccessible(bob, 'invitation page');
    assert.equal(await bob.inputValue('form[action="/signup"] input[name="email"]'), BOB.email, 'the invited address is filled in');
    await bob.fill('form[action="/signup"] input[name="name"]', BOB.name);
    await bob.fill('form[action="/signup"] input[name="password"]', BOB.password);
    await submit(bob, '/signup');
    assert.equal(new URL(bob.url()).pathname, '/account', 'the invitation proved the address: Bo is signed in at once');
    await expectAccessible(bob, 'welcome to the account page');

    const members = await bob.goto(`${e2e.baseUrl}/organizations/${ORG.slug}/members`);
    assert.equal(members?.status(), 200, 'Bo is a member and may see the member list');
    assert.match(await bob.textContent('main') ?? '', new RegExp(BOB.name));
    await bobContext.close();
  });

  test('create an API token on the account page and use it on /api/v1/me', async () => {
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.baseUrl}/account`);
    await expectAccessible(page, 'account page');
    await page.fill('form[action="/account/tokens"] input[name="tokenName"]', 'Skript');
    await submit(page, '/account/tokens');
    aliceToken = await page.inputValue('#new-token');
    assert.match(aliceToken, /^alm_/);
    await expectAccessible(page, 'token shown once');
    await page.close();

    const me = await fetch(`${e2e.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${aliceToken}` } });
    assert.equal(me.status, 200);
    const body = (await me.json()) as { email: string; organizations: { id: string; role: string }[] };
    assert.equal(body.email, ALICE.email);
    assert.deepEqual(body.organizations.map((o) => o.role), ['admin'], 'the creator administers the new organisation');

    const wrong = await fetch(`${e2e.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${aliceToken}x` } });
    assert.equal(wrong.status, 401);
  });

  test('a password reset link arrives over SMTP, works once, and the new password logs in', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/forgot-password`);
    await expectAccessible(page, 'forgot password');
    await page.fill('form[action="/forgot-password"] input[name="email"]', BOB.email);
    await submit(page, '/forgot-password');

    const mail = await smtp.waitFor((m) => m.to.includes(BOB.email) && /lösenord/i.test(m.subject));
    const resetLink = local(firstLink(mail));
    assert.match(resetLink, /\/reset-password\?token=/);
    await page.goto(resetLink);
    await expectAccessible(page, 'choose a new password');
    await page.fill('form[action="/reset-password"] input[name="password"]', BOB.newPassword);
    await submit(page, '/reset-password');

    await page.goto(`${e2e.baseUrl}/login`);
    await page.fill('form[action="/login"] input[name="email"]', BOB.email);
    await page.fill('form[action="/login"] input[name="password"]', BOB.newPassword);
    await submit(page, '/login');
    assert.equal(new URL(page.url()).pathname, '/account', 'the new password works');

    const again = await page.goto(resetLink);
    assert.equal(again?.status(), 400, 'the link works only once');
    assert.match(await page.textContent('main') ?? '', /ogiltig|redan använd/i);
    await expectAccessible(page, 'used link');
    await context.close();
  });
});
