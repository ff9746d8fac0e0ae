// The organisation pages in a real browser (Debian's Chromium, scripts/ensure-chromium.sh): WCAG
// 2.1 A/AA with axe on every page and language, no console errors (the CSP), forms that work with
// JavaScript off — including the error summary — and screenshots for a human in /tmp.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { PageSession, checkAccessibility, startE2E, type E2E } from './support/browser.js';
import { domainsOf } from '../../src/domains.js';
import { PASSWORD } from '../../src/domains/organizations/testing.js';

const SCREEN_DIR = '/tmp/allmanning-screens';

describe('organisation pages in Chromium', () => {
  let e2e: E2E;
  let dataDir: string;
  let admin: PageSession;
  let noJs: PageSession;
  let memberId = '';

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-org-e2e-'));
    e2e = await startE2E({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
    const { accounts, organizations } = domainsOf(e2e.testApp.deps);
    await organizations.seedDemo();
    await accounts.admin.createUserAsOperator({ email: 'sara@example.se', name: 'Sara Sajtadmin', password: PASSWORD, siteAdmin: true });
    await accounts.admin.createUserAsOperator({ email: 'maja@example.se', name: 'Maja Medlem', password: PASSWORD });
    await organizations.members.addAsOperator('digg', { email: 'sara@example.se', role: 'admin' });
    memberId = (await organizations.members.addAsOperator('digg', { email: 'maja@example.se', role: 'member' })).member.user_id;
    const actor = { kind: 'user' as const, userId: 'x', email: 'sara@example.se', name: 'Sara', isSiteAdmin: true, roles: {}, via: 'cli' as const };
    const logo = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 11, g: 79, b: 60, alpha: 1 } } }).png().toBuffer();
    await organizations.organizations.setLogo(actor, 'digg', { data: logo });
    await organizations.members.invite({ ...actor, userId: (await accounts.sessions.login({ email: 'sara@example.se', password: PASSWORD, ip: '127.0.0.1' })).user.id }, 'digg', { email: 'ny@example.se', role: 'editor' });

    const { sessionToken } = await accounts.sessions.login({ email: 'sara@example.se', password: PASSWORD, ip: '127.0.0.1' });
    const cookie = { name: 'allmanning_session', value: e2e.testApp.app.signCookie(sessionToken), url: e2e.baseUrl };
    const adminContext = await e2e.newContext();
    await adminContext.addCookies([cookie]);
    admin = await PageSession.open(adminContext, e2e.baseUrl);
    const noJsContext = await e2e.newContext({ javaScriptEnabled: false });
    await noJsContext.addCookies([cookie]);
    noJs = await PageSession.open(noJsContext, e2e.baseUrl);
    fs.mkdirSync(SCREEN_DIR, { recursive: true });
  });

  after(async () => {
    await e2e?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const pages = () => [
    '/organizations',
    '/en/organizations?q=stad',
    '/organizations/digg',
    '/en/organizations/region-stockholm',
    '/organizations/new',
    '/en/organizations/new',
    '/organizations/digg/edit',
    '/en/organizations/digg/edit',
    '/organizations/digg/members',
    '/en/organizations/digg/members',
    `/organizations/digg/members/${memberId}/remove`,
    `/en/organizations/digg/members/${memberId}/remove`,
  ];

  test('every page: 200, its language, no axe violations, no console errors', async () => {
    for (const url of pages()) {
      const { response } = await admin.visit(url);
      assert.equal(response.status(), 200, url);
      assert.equal(await admin.page.getAttribute('html', 'lang'), url.startsWith('/en') ? 'en' : 'sv', url);
      const { violations, report } = await checkAccessibility(admin.page);
      assert.deepEqual(violations, [], report);
      assert.deepEqual(await admin.settledErrors(), [], url);
      await admin.page.screenshot({ path: path.join(SCREEN_DIR, `org${url.replace(memberId, 'member').replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
    }
  });

  /** Submits the form that `button` belongs to and waits for the answer to the POST. */
  async function submit(session: PageSession, button: string) {
    const [response] = await Promise.all([session.page.waitForResponse((r) => r.request().method() === 'POST'), session.page.click(button)]);
    await session.page.waitForLoadState('load');
    return response;
  }

  test('form errors: the error summary and field messages are axe-clean (sv and en)', async () => {
    // axe needs JavaScript in the page, so this runs in the JavaScript tab; the forms use none.
    for (const [url, field, value, button] of [
      ['/organizations/digg/edit', '#field-orgNumber', '123', 'button[type=submit].button-primary'],
      ['/en/organizations/digg/edit', '#field-website', 'not a web address', 'button[type=submit].button-primary'],
      ['/organizations/new', '#field-name-sv', '', 'button[type=submit].button-primary'],
      ['/en/organizations/digg/members', '#field-email', 'not an address', 'text=Send the invitation'],
    ] as const) {
      await admin.visit(url);
      await admin.page.fill(field, value);
      assert.ok([400, 409].includes((await submit(admin, button)).status()), url);
      assert.equal(await admin.page.locator('.error-summary').count(), 1, url);
      const { violations, report } = await checkAccessibility(admin.page);
      assert.deepEqual(violations, [], report);
      // Chromium logs the refused POST's own status as a console error; anything else would be a fault.
      const errors = (await admin.settledErrors()).filter((e) => !/^Failed to load resource: the server responded with a status of 4\d\d .*\(http:[^)]*\/(edit|new|invite)\)$/.test(e));
      assert.deepEqual(errors, [], url);
      await admin.page.screenshot({ path: path.join(SCREEN_DIR, `org-errors${url.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
    }
  });

  test('without JavaScript: a bad edit shows the error summary; a good one saves', async () => {
    await noJs.visit('/organizations/digg/edit');
    await noJs.page.fill('#field-orgNumber', '123');
    await noJs.page.fill('#field-website', 'inte en adress');
    assert.equal((await submit(noJs, 'button[type=submit].button-primary')).status(), 400);
    const summary = await noJs.page.locator('.error-summary').innerText();
    assert.match(summary, /Organisationsnummer: Skriv ett giltigt organisationsnummer/);
    assert.match(summary, /Webbplats: Skriv en fullständig webbadress/);

    await noJs.page.fill('#field-orgNumber', '202100-6883');
    await noJs.page.fill('#field-website', 'https://www.digg.se');
    await noJs.page.fill('#field-description-en', 'Digg runs *dataportal.se*.');
    await Promise.all([noJs.page.waitForURL('**/organizations/digg'), noJs.page.click('button[type=submit].button-primary')]);
    assert.match(await noJs.page.locator('.notice').innerText(), /Ändringarna är sparade/);
    assert.match(await noJs.page.locator('.prose').innerHTML(), /<em>dataportal.se<\/em>|dataportal/);
  });

  test('without JavaScript: the members page invites and changes roles', async () => {
    await noJs.visit('/en/organizations/digg/members');
    await noJs.page.fill('#field-email', 'not an address');
    assert.equal((await submit(noJs, 'text=Send the invitation')).status(), 400);
    assert.match(await noJs.page.locator('.error-summary').innerText(), /E-mail address: Enter a valid e-mail address/);
    await noJs.page.selectOption(`#field-role-${memberId}`, 'editor');
    await Promise.all([noJs.page.waitForURL('**/en/organizations/digg/members'), noJs.page.click(`form[action$="/members/${memberId}/role"] button`)]);
    assert.match(await noJs.page.locator('.notice').innerText(), /The role has been changed/);
  });
});
