// The account pages through HTTP, as a browser without JavaScript uses them: forms with CSRF,
// Post/Redirect/Get, error summaries with 400, the session cookie's flags, both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { SESSION_COOKIE } from '../../platform/http/auth.js';
import { LOGIN_FAILURE_LIMIT } from './accounts.deps.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { safeNext } from './page-support.js';
import { PASSWORD, TestBrowser, actorFor, createUser, mailedToken, mainText } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;
let ip = 0;
/** A browser from its own IP address, so log-in throttling of one test does not touch another. */
const browser = () => new TestBrowser(t.app, { remoteAddress: `10.1.0.${++ip}` });

before(async () => {
  t = await buildTestApp({ env: { ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
});
after(() => t.close());

function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return all.find((c: string) => c.startsWith(`${name}=`));
}

/** Every visible form control has a label, ids are unique, and autocomplete is as expected. */
function assertAccessibleForm(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
  for (const input of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="hidden"/.test(input[0])) continue;
    const id = /\sid="([^"]+)"/.exec(input[0])?.[1];
    assert.ok(id, `a control without id: ${input[0]}`);
    assert.ok(html.includes(`for="${id}"`), `no label for #${id}`);
  }
}

describe('log in and out', () => {
  test('the form has CSRF protection and the right autocomplete; posting without the token is refused', async () => {
    const b = browser();
    const page = await b.get('/login');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /autocomplete="email"/);
    assert.match(page.body, /autocomplete="current-password"/);
    assert.ok(b.csrf && b.cookies.has('_csrf'));
    assertAccessibleForm(page.body);
    const user = await createUser(accounts);
    const noToken = await t.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(PASSWORD)}` });
    assert.equal(noToken.statusCode, 403);
    assert.equal(setCookie(noToken, SESSION_COOKIE), undefined);
  });

  test('logging in sets an HttpOnly, SameSite=Lax session cookie (not Secure over http) and redirects to my account', async () => {
    const b = browser();
    const user = await createUser(accounts, { name: 'Cookie Person' });
    const res = await b.login(user.email);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = setCookie(res, SESSION_COOKIE)!;
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/i);
    const account = await b.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(mainText(account.body), /Du är inloggad\./, 'the flash message is shown once');
    assert.match(account.body, /value="Cookie Person"/);
    assert.doesNotMatch(mainText((await b.get('/account')).body), /Du är inloggad\./);
    assert.equal(account.headers['cache-control'], 'no-store');
  });

  test('log out ends the session on the server and clears the cookie', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.login(user.email);
    const session = b.cookies.get(SESSION_COOKIE)!;
    await b.get('/account');
    const res = await b.post('/logout', {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    assert.ok(!b.cookies.has(SESSION_COOKIE));
    // The old cookie no longer works even if someone kept it.
    const replay = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    assert.equal(replay.statusCode, 303);
    assert.match(String(replay.headers.location), /^\/login\?next=/);
  });

  test('a wrong password re-renders the form with 400 and one message that names neither field', async () => {
    const b = browser();
    const user = await createUser(accounts);
    for (const [email, password] of [
      [user.email, 'wrong password'],
      ['unknown@example.se', PASSWORD],
    ]) {
      const res = await b.post('/login', { email: email!, password: password! }, { formPage: '/login' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(mainText(res.body), /Fel e-postadress eller lösenord/);
      assert.doesNotMatch(res.body, /class="field-error"/, 'no message under a particular field');
      assert.doesNotMatch(res.body, /aria-invalid/);
      assert.match(res.body, new RegExp(`value="${email!.replace(/[.]/g, '\\.')}"`), 'the address is kept');
      assert.doesNotMatch(res.body, new RegExp(password!), 'the password is not echoed');
      assert.equal(setCookie(res, SESSION_COOKIE), undefined);
    }
  });

  test('empty fields re-render with 400, the error summary and field messages', async () => {
    const res = await browser().post('/en/login', { email: '', password: '' }, { formPage: '/en/login' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /There is a problem with the form/);
    assert.match(res.body, /href="#field-email"/);
    assert.match(res.body, /href="#field-password"/);
    assert.match(res.body, /class="field-error" id="field-email-error"/);
    assertAccessibleForm(res.body);
  });

  test('the eleventh quick failed log-in is answered 429 with a page that says to wait, even with the right password', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.get('/login');
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) {
      assert.equal((await b.post('/login', { email: user.email, password: `wrong ${i}` })).statusCode, 400, `attempt ${i + 1}`);
    }
    const res = await b.post('/login', { email: user.email, password: PASSWORD });
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) > 0);
    assert.match(mainText(res.body), /För många misslyckade inloggningar/);
    assert.match(mainText(res.body), /Vänta 15 minuter/);
    assert.equal(setCookie(res, SESSION_COOKIE), undefined);
  });

  test('per IP too: ten failures on different accounts from one address lock that address', async () => {
    const b = browser();
    await b.get('/en/login');
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) await b.post('/en/login', { email: `someone${i}@example.se`, password: 'guess' });
    const user = await createUser(accounts);
    const res = await b.post('/en/login', { email: user.email, password: PASSWORD });
    assert.equal(res.statusCode, 429);
    assert.match(mainText(res.body), /Too many failed log-ins/);
    assert.equal((await browser().login(user.email)).statusCode, 303, 'from another address the user logs in');
  });

  test('an unconfirmed address: 403 with a form that sends a new confirmation link', async () => {
    const b = browser();
    await accounts.registration.signup({ name: 'Not Yet', email: 'not-yet@example.se', password: PASSWORD });
    const res = await b.login('not-yet@example.se');
    assert.equal(res.statusCode, 403);
    assert.match(mainText(res.body), /bekräfta din e-postadress/);
    assert.match(res.body, /action="\/confirm-email\/resend"/);
    const resend = await b.post('/confirm-email/resend', { email: 'not-yet@example.se' });
    assert.equal(resend.statusCode, 303);
    assert.equal(resend.headers.location, '/check-email');
    assert.match(mainText((await b.get('/check-email')).body), /ny bekräftelselänk/);
  });

  test('pages that need sign-in send you to log in and back; only local `next` paths are followed', async () => {
    const b = browser();
    const user = await createUser(accounts);
    const res = await b.get('/en/account/delete');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/en/login?next=${encodeURIComponent('/en/account/delete')}`);
    const form = await b.get(res.headers.location as string);
    assert.match(form.body, /name="next" value="\/en\/account\/delete"/);
    assert.match(mainText(form.body), /Log in to continue/);
    const login = await b.post('/en/login', { email: user.email, password: PASSWORD, next: '/en/account/delete' });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/en/account/delete');
    const evil = await browser().post('/login', { email: user.email, password: PASSWORD, next: '//evil.example/x' }, { formPage: '/login' });
    assert.equal(evil.headers.location, '/account');
  });

  test('safeNext accepts local paths only', () => {
    for (const ok of ['/account', '/en/datasets?q=x', '/invitations/accept?token=abc']) assert.equal(safeNext(ok), ok);
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'account', '/x\r\nSet-Cookie: a=b', '', '/\tx', undefined, 42]) assert.equal(safeNext(bad), undefined, String(bad));
  });
});

describe('session cookie over https', () => {
  test('is Secure when ALLMANNING_BASE_URL is https', async () => {
    const secure = await buildTestApp({ env: { ALLMANNING_BASE_URL: 'https://data.example.se' } });
    try {
      const user = await createUser(domainsOf(secure.deps).accounts);
      const res = await new TestBrowser(secure.app).login(user.email);
      assert.equal(res.statusCode, 303);
      const cookie = setCookie(res, SESSION_COOKIE)!;
      assert.match(cookie, /; Secure/i);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
    } finally {
      await secure.close();
    }
  });
});

describe('sign-up and confirmation', () => {
  test('sign-up: errors re-render with 400; success → check your e-mail; the link confirms once; then log in', async () => {
    const b = browser();
    const form = await b.get('/signup');
    assert.match(form.body, /autocomplete="name"/);
    assert.match(form.body, /autocomplete="new-password"/);
    assertAccessibleForm(form.body);
    const bad = await b.post('/signup', { name: '', email: 'nope', password: 'short', extra: 'ignored' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    for (const field of ['name', 'email', 'password']) assert.match(bad.body, new RegExp(`id="field-${field}-error"`));
    assert.match(bad.body, /value="nope"/);
    assert.doesNotMatch(bad.body, /value="short"/);
    const tooLong = await b.post('/signup', { name: 'n'.repeat(500), email: 'long@example.se', password: PASSWORD });
    assert.equal(tooLong.statusCode, 400);
    assert.match(mainText(tooLong.body), /Namn: Texten är för lång/);

    const ok = await b.post('/signup', { name: 'Sara Signup', email: 'sara@kommun.se', password: PASSWORD });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/check-email');
    assert.match(mainText((await b.get('/check-email')).body), /Kolla din e-post/);

    const token = await mailedToken(db, 'sara@kommun.se', '/confirm-email');
    const confirmed = await b.get(`/confirm-email?token=${token}`);
    assert.equal(confirmed.statusCode, 200);
    assert.match(mainText(confirmed.body), /Din e-postadress är bekräftad/);
    assert.equal(confirmed.headers['referrer-policy'], 'no-referrer');
    const again = await b.get(`/confirm-email?token=${token}`);
    assert.equal(again.statusCode, 400);
    assert.match(mainText(again.body), /Länken fungerar inte/);
    assert.equal((await b.get('/confirm-email')).statusCode, 400);
    assert.equal((await b.login('sara@kommun.se')).statusCode, 303);
  });

  test('invite-only: the form says so; a sign-up without an invitation is refused with 400', async () => {
    const admin = await createUser(accounts, { siteAdmin: true });
    const adminActor = actorFor({ ...admin, isSiteAdmin: true });
    await accounts.registration.setSignupMode(adminActor, 'invite_only');
    try {
      const b = browser();
      const page = await b.get('/en/signup');
      assert.match(mainText(page.body), /only be created by invitation/);
      const res = await b.post('/en/signup', { name: 'Uninvited', email: 'uninvited@example.se', password: PASSWORD });
      assert.equal(res.statusCode, 400);
      assert.match(mainText(res.body), /only create an account with an invitation|invitation/i);
    } finally {
      await accounts.registration.setSignupMode(adminActor, 'open');
    }
  });
});

describe('forgotten password', () => {
  test('ask for a link, set a new password once; the second use is a clear 400', async () => {
    const b = browser();
    const user = await createUser(accounts);
    const other = browser();
    await other.login(user.email);
    assertAccessibleForm((await b.get('/forgot-password')).body);
    const sent = await b.post('/forgot-password', { email: user.email });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/check-email');
    const unknown = await b.post('/forgot-password', { email: 'nobody-at-all@example.se' });
    assert.equal(unknown.headers.location, '/check-email', 'same answer for unknown addresses');
    assert.equal((await b.post('/forgot-password', { email: '' })).statusCode, 400);

    assert.equal((await b.get('/reset-password?token=made-up')).statusCode, 400);
    const token = await mailedToken(db, user.email, '/reset-password');
    const form = await b.get(`/reset-password?token=${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="new-password"/);
    assert.equal(form.headers['referrer-policy'], 'no-referrer');
    const weak = await b.post('/reset-password', { token, password: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /id="field-password-error"/);
    const done = await b.post('/reset-password', { token, password: 'my new passphrase' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/login');
    assert.match(mainText((await b.get('/login')).body), /nya lösenord är sparat/);
    const second = await b.post('/reset-password', { token, password: 'another passphrase' }, { formPage: '/forgot-password' });
    assert.equal(second.statusCode, 400);
    assert.match(mainText(second.body), /Länken fungerar inte/);
    // The other browser's session ended with the reset.
    assert.equal((await other.get('/account')).statusCode, 303);
    assert.equal((await b.login(user.email, 'my new passphrase')).statusCode, 303);
  });
});

describe('my account', () => {
  test('profile: saved with PRG; bad input re-renders with 400 and the summary', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.login(user.email);
    const page = await b.get('/account');
    assertAccessibleForm(page.body);
    const saved = await b.post('/account/profile', { name: 'Renamed Person', locale: 'en' });
    assert.equal(saved.statusCode, 303);
    const after = await b.get('/account');
    assert.match(mainText(after.body), /Profilen är sparad/);
    assert.match(after.body, /value="Renamed Person"/);
    assert.match(after.body, /<option value="en" selected/);
    const bad = await b.post('/account/profile', { name: '', locale: 'xx' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /id="field-name-error"/);
    assert.match(bad.body, /id="field-locale-error"/);
    assertAccessibleForm(bad.body);
  });

  test('e-mail change: wrong password → 400 on that field; the confirmation link changes the address', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.login(user.email);
    await b.get('/account');
    const wrong = await b.post('/account/email', { email: 'moving@example.se', currentPassword: 'wrong' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="field-currentPassword-error"/);
    const sent = await b.post('/account/email', { email: 'moving@example.se', currentPassword: PASSWORD });
    assert.equal(sent.statusCode, 303);
    const token = await mailedToken(db, 'moving@example.se', '/confirm-email-change');
    const done = await b.get(`/en/confirm-email-change?token=${token}`);
    assert.equal(done.statusCode, 200);
    assert.match(mainText(done.body), /now uses moving@example\.se/);
    assert.equal((await b.get(`/confirm-email-change?token=${token}`)).statusCode, 400);
  });

  test('API tokens: the new token is shown once in a labelled box, listed without it, and revocable', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.login(user.email);
    await b.get('/account');
    const tooLong = await b.post('/account/tokens', { tokenName: 't'.repeat(101) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /id="field-tokenName-error"/);
    const created = await b.post('/account/tokens', { tokenName: 'Harvest script' });
    assert.equal(created.statusCode, 200);
    assert.equal(created.headers['cache-control'], 'no-store');
    const token = /value="(alm_[^"]+)"/.exec(created.body)?.[1];
    assert.ok(token, 'the token is on the page');
    assert.match(created.body, /<label for="new-token">Ny API-nyckel: Harvest script<\/label>/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
    const account = await b.get('/account');
    assert.ok(!account.body.includes(token), 'never shown again');
    assert.match(mainText(account.body), /Harvest script/);
    const tokenId = /action="\/account\/tokens\/([^/]+)\/revoke"/.exec(account.body)?.[1];
    assert.ok(tokenId);
    const revoked = await b.post(`/account/tokens/${tokenId}/revoke`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    assert.match(mainText((await b.get('/account')).body), /Återkallad/);
    assert.equal((await b.post('/account/tokens/not-a-token/revoke', {})).statusCode, 404);
  });

  test('download my data: JSON as an attachment', async () => {
    const b = browser();
    const user = await createUser(accounts);
    assert.equal((await b.get('/account/export.json')).statusCode, 303);
    await b.login(user.email);
    const res = await b.get('/en/account/export.json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="allmanning-\d{4}-\d\d-\d\d\.json"$/);
    const data = res.json();
    assert.equal(data.account.email, user.email);
    assert.equal(data.sessions.length, 1);
    assert.ok(Array.isArray(data.apiTokens));
  });

  test('delete: the password is required; afterwards the account is gone and the browser signed out', async () => {
    const b = browser();
    const user = await createUser(accounts);
    await b.login(user.email);
    const page = await b.get('/account/delete');
    assert.match(page.body, /autocomplete="current-password"/);
    assert.match(page.body, /button-danger/);
    const wrong = await b.post('/account/delete', { password: 'wrong' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="field-password-error"/);
    const done = await b.post('/account/delete', { password: PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/');
    assert.ok(!b.cookies.has(SESSION_COOKIE));
    assert.match(mainText((await b.get('/')).body), /Ditt konto är raderat/);
    assert.equal(await db.selectFrom('user').select('id').where('id', '=', user.id).executeTakeFirst(), undefined);
    assert.equal((await browser().login(user.email)).statusCode, 400);
  });

  test('the English pages are complete and stay in English through redirects', async () => {
    const b = browser();
    const user = await createUser(accounts);
    const login = await b.get('/en/login');
    assert.match(login.body, /<html lang="en">/);
    assert.doesNotMatch(mainText(login.body), /Logga in|lösenord|konto/i);
    const res = await b.post('/en/login', { email: user.email, password: PASSWORD });
    assert.equal(res.headers.location, '/en/account');
    const account = await b.get('/en/account');
    assert.match(mainText(account.body), /My account.*Profile.*E-mail address.*API tokens.*Your data.*Delete the account/);
    assert.doesNotMatch(mainText(account.body), /Profil |Spara|nycklar|Radera/);
  });
});

describe('invitations', () => {
  test('not signed in, no account: the page offers sign-up for the invited address; signing up logs in', async () => {
    const admin = await createUser(accounts, { siteAdmin: true });
    const { token } = await accounts.invitations.inviteToSite(actorFor({ ...admin, isSiteAdmin: true }), 'newcomer@myndighet.se');
    const b = browser();
    assert.equal((await b.get('/invitations/accept?token=wrong')).statusCode, 400);
    const page = await b.get(`/invitations/accept?token=${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(mainText(page.body), /inbjuden att skapa ett konto/);
    assert.match(page.body, /value="newcomer@myndighet\.se"/);
    assert.match(page.body, new RegExp(`name="invitationToken" value="${token}"`));
    assertAccessibleForm(page.body);
    const res = await b.post('/signup', { name: 'New Comer', email: 'newcomer@myndighet.se', password: PASSWORD, invitationToken: token });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    assert.ok(b.cookies.has(SESSION_COOKIE));
    assert.match(mainText((await b.get('/account')).body), /Välkommen/);
    assert.equal((await b.get(`/invitations/accept?token=${token}`)).statusCode, 400, 'used up');
  });

  test('signed in: an Accept button; accepting twice is a clear conflict', async () => {
    const admin = await createUser(accounts, { siteAdmin: true });
    const user = await createUser(accounts);
    const { token } = await accounts.invitations.inviteToSite(actorFor({ ...admin, isSiteAdmin: true }), user.email);
    const anonymous = await browser().get(`/invitations/accept?token=${token}`);
    assert.match(mainText(anonymous.body), /Logga in för att ta emot inbjudan/);
    assert.ok(anonymous.body.includes(`/login?next=${encodeURIComponent(`/invitations/accept?token=${token}`)}`));
    const b = browser();
    await b.login(user.email);
    const page = await b.get(`/invitations/accept?token=${token}`);
    assert.match(page.body, /action="\/invitations\/accept"/);
    const accepted = await b.post('/invitations/accept', { token });
    assert.equal(accepted.statusCode, 303);
    assert.match(mainText((await b.get('/account')).body), /tagit emot inbjudan/);
    const again = await b.post('/invitations/accept', { token }, { formPage: '/account' });
    assert.equal(again.statusCode, 409);
  });
});
