// Site administration pages: 404 for everyone but site admins; sign-up mode, users, invitations
// and the outbox work as forms without JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import type { AccountsDomain } from './index.js';
import { PASSWORD, TestBrowser, createUser, mainText, type TestUser } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let admin: TestUser;
let adminBrowser: TestBrowser;

before(async () => {
  t = await buildTestApp({ env: { ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
  accounts = domainsOf(t.deps).accounts;
  admin = await createUser(accounts, { siteAdmin: true, name: 'Ada Admin' });
  adminBrowser = new TestBrowser(t.app, { remoteAddress: '10.2.0.1' });
  assert.equal((await adminBrowser.login(admin.email)).statusCode, 303);
});
after(() => t.close());

const adminGets = ['/admin', '/admin/users', '/admin/users?q=a', '/admin/invitations', '/admin/outbox', '/en/admin', '/en/admin/outbox'];

describe('who sees the admin pages', () => {
  test('anonymous visitors and signed-in non-admins get 404 on every admin page and form', async () => {
    const user = await createUser(accounts);
    const member = new TestBrowser(t.app, { remoteAddress: '10.2.0.2' });
    await member.login(user.email);
    const anonymous = new TestBrowser(t.app, { remoteAddress: '10.2.0.3' });
    for (const b of [anonymous, member]) {
      for (const url of adminGets) assert.equal((await b.get(url)).statusCode, 404, url);
      await b.get('/login');
      for (const [url, fields] of [
        ['/admin/signup-mode', { mode: 'invite_only' }],
        [`/admin/users/${user.id}/site-admin`, { value: 'on' }],
        ['/admin/invitations', { email: 'x@example.se' }],
      ] as const) {
        assert.equal((await b.post(url, fields)).statusCode, 404, url);
      }
    }
    assert.equal(await accounts.registration.signupMode(), 'open');
    assert.equal((await accounts.profile.get(user.actor)).isSiteAdmin, false);
    assert.doesNotMatch((await member.get('/account')).body, /href="\/admin"/, 'no Administration link for non-admins');
  });

  test('site admins see every admin page, with the Administration link', async () => {
    for (const url of adminGets) assert.equal((await adminBrowser.get(url)).statusCode, 200, url);
    assert.match((await adminBrowser.get('/account')).body, /href="\/admin"/);
  });
});

describe('administration', () => {
  test('sign-up mode: saved with PRG; a made-up mode is a 400 with the summary', async () => {
    await adminBrowser.get('/admin');
    const saved = await adminBrowser.post('/admin/signup-mode', { mode: 'invite_only' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/admin');
    assert.equal(await accounts.registration.signupMode(), 'invite_only');
    const page = await adminBrowser.get('/admin');
    assert.match(page.body, /<option value="invite_only" selected/);
    assert.match(mainText(page.body), /Inställningen är sparad/);
    const bad = await adminBrowser.post('/admin/signup-mode', { mode: 'everyone-and-their-dog' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /id="field-mode-error"/);
    await adminBrowser.post('/admin/signup-mode', { mode: 'open' }, { formPage: '/admin' });
    assert.equal(await accounts.registration.signupMode(), 'open');
  });

  test('users: search, paging links, make and remove a site admin; the last admin stays', async () => {
    for (let i = 0; i < 55; i += 1) await accounts.admin.createUserAsOperator({ email: `bulk${i}@region.se`, name: `Bulk ${i}`, password: PASSWORD });
    const first = await adminBrowser.get('/admin/users');
    assert.match(mainText(first.body), /Visar 1–50 av \d+/);
    assert.match(first.body, /href="\/admin\/users\?offset=50" rel="next"/);
    const second = await adminBrowser.get('/admin/users?offset=50');
    assert.match(second.body, /rel="prev"/);
    assert.equal((await adminBrowser.get('/admin/users?offset=-5')).statusCode, 200);
    assert.equal((await adminBrowser.get(`/admin/users?q=${'x'.repeat(5000)}`)).statusCode, 200);

    const search = await adminBrowser.get('/admin/users?q=BULK7');
    assert.match(mainText(search.body), /bulk7@region\.se/);
    assert.doesNotMatch(mainText(search.body), /bulk8@region\.se/);

    const target = (await accounts.admin.listUsers({ kind: 'user', userId: admin.id, email: admin.email, name: admin.name, isSiteAdmin: true, roles: {}, via: 'session' }, { q: 'bulk7@', limit: 1, offset: 0 })).items[0]!;
    const made = await adminBrowser.post(`/admin/users/${target.id}/site-admin`, { value: 'on', q: 'BULK7', offset: '0' });
    assert.equal(made.statusCode, 303);
    assert.equal(made.headers.location, '/admin/users?q=BULK7');
    assert.match((await adminBrowser.get('/admin/users?q=BULK7')).body, /Ta bort som administratör/);
    await adminBrowser.post(`/admin/users/${target.id}/site-admin`, { value: 'off' });
    assert.equal((await adminBrowser.post(`/admin/users/${target.id}/site-admin`, { value: 'maybe' })).statusCode, 400);
    assert.equal((await adminBrowser.post('/admin/users/no-such-user/site-admin', { value: 'on' })).statusCode, 404);

    const last = await adminBrowser.post(`/admin/users/${admin.id}/site-admin`, { value: 'off' });
    assert.equal(last.statusCode, 409);
    assert.match(mainText(last.body), /minst en administratör/);
  });

  test('invitations: invite by e-mail (bad address → 400), listed, revoked', async () => {
    await adminBrowser.get('/admin/invitations');
    const bad = await adminBrowser.post('/admin/invitations', { email: 'not an address' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-email-error"/);
    assert.match(bad.body, /value="not an address"/);
    const sent = await adminBrowser.post('/en/admin/invitations', { email: 'invitee@kommun.se' });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/en/admin/invitations');
    const page = await adminBrowser.get('/en/admin/invitations');
    assert.match(mainText(page.body), /The invitation has been sent/);
    assert.match(mainText(page.body), /invitee@kommun\.se/);
    const id = /action="\/en\/admin\/invitations\/([^/]+)\/revoke"/.exec(page.body)?.[1];
    assert.ok(id);
    assert.equal((await adminBrowser.post(`/en/admin/invitations/${id}/revoke`, {})).statusCode, 303);
    assert.doesNotMatch(mainText((await adminBrowser.get('/en/admin/invitations')).body), /invitee@kommun\.se/);
  });

  test('outbox: recent mails with their state; one mail shows its text with the links', async () => {
    await accounts.passwords.requestReset(admin.email, 'sv');
    const list = await adminBrowser.get('/admin/outbox');
    assert.match(mainText(list.body), /Välj ett nytt lösenord på Allmänning/);
    assert.match(mainText(list.body), /I kö|I utkorgen/);
    const id = /href="\/admin\/outbox\/([^"]+)">Välj ett nytt lösenord/.exec(list.body)?.[1];
    assert.ok(id);
    const message = await adminBrowser.get(`/admin/outbox/${id}`);
    assert.equal(message.statusCode, 200);
    assert.match(message.body, /<a href="http:\/\/allmanning\.test\/reset-password\?token=[^"]+">/);
    assert.equal((await adminBrowser.get('/admin/outbox/no-such-mail')).statusCode, 404);
  });
});
