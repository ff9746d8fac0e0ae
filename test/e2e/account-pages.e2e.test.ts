// Every account and site-admin page, in Swedish and English, signed out and signed in, passes axe
// (WCAG 2.1 A/AA) in Chromium with no console errors (CSP), including a form shown again with its
// error summary. The journeys in accounts-journey.e2e.test.ts cover the flows; this covers the rest.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../src/domains.js';
import { PageSession, checkAccessibility, formatViolations, startE2E, type E2E } from './support/browser.js';

const PASSWORD = 'ett långt lösenord för sajtadmin';

describe('account and administration pages in Chromium', () => {
  let e2e: E2E;
  let anonymous: PageSession;
  let admin: PageSession;
  let outboxMessageId = '';

  before(async () => {
    e2e = await startE2E({ env: { ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
    const { accounts } = domainsOf(e2e.testApp.deps);
    await accounts.admin.createUserAsOperator({ email: 'sara@example.se', name: 'Sara Sajtadmin', password: PASSWORD, siteAdmin: true });
    await accounts.passwords.requestReset('sara@example.se', 'sv');
    outboxMessageId = (await e2e.testApp.deps.db.selectFrom('mail_message').select('id').executeTakeFirstOrThrow()).id;
    const { sessionToken } = await accounts.sessions.login({ email: 'sara@example.se', password: PASSWORD, ip: '127.0.0.1' });
    const adminContext = await e2e.newContext();
    await adminContext.addCookies([{ name: 'allmanning_session', value: e2e.testApp.app.signCookie(sessionToken), url: e2e.baseUrl }]);
    anonymous = await PageSession.open(e2e.context, e2e.baseUrl);
    admin = await PageSession.open(adminContext, e2e.baseUrl);
  });

  after(() => e2e?.close());

  async function expectClean(session: PageSession, path: string, status = 200) {
    const { response } = await session.visit(path);
    assert.equal(response.status(), status, path);
    const { violations } = await checkAccessibility(session.page);
    assert.deepEqual(violations, [], formatViolations(path, violations));
    assert.deepEqual(await session.settledErrors(), [], `${path}: console errors`);
  }

  for (const prefix of ['', '/en']) {
    test(`signed-out pages${prefix ? ' in English' : ''}`, async () => {
      for (const path of ['/login', '/signup', '/forgot-password', '/confirm-email/resend', '/check-email']) await expectClean(anonymous, `${prefix}${path}`);
      await expectClean(anonymous, `${prefix}/reset-password?token=forged`, 400);
      await expectClean(anonymous, `${prefix}/confirm-email?token=forged`, 400);
      await expectClean(anonymous, `${prefix}/invitations/accept?token=forged`, 400);
    });

    test(`my account and site administration${prefix ? ' in English' : ''}`, async () => {
      for (const path of ['/account', '/account/delete', '/admin', '/admin/users', '/admin/invitations', '/admin/outbox', `/admin/outbox/${outboxMessageId}`]) {
        await expectClean(admin, `${prefix}${path}`);
      }
    });
  }

  test('a failed log-in shows the form again with its error summary, and it is accessible', async () => {
    await anonymous.visit('/login');
    await anonymous.page.fill('form[action="/login"] input[name="email"]', 'sara@example.se');
    await anonymous.page.fill('form[action="/login"] input[name="password"]', 'fel lösenord');
    const [response] = await Promise.all([anonymous.page.waitForResponse((r) => r.request().method() === 'POST'), anonymous.page.click('form[action="/login"] button[type="submit"]')]);
    assert.equal(response.status(), 400);
    await anonymous.page.waitForLoadState('load');
    const { violations } = await checkAccessibility(anonymous.page);
    assert.deepEqual(violations, [], formatViolations('/login (failed)', violations));
    assert.match((await anonymous.page.textContent('main')) ?? '', /Det finns fel i formuläret.*Fel e-postadress eller lösenord/);
  });

  test('site administration is not there for the signed out', async () => {
    const { response } = await anonymous.visit('/admin');
    assert.equal(response.status(), 404);
  });
});
