// One's own account: profile, e-mail change with confirmation, deletion and the data export.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { ConflictError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import { anonymous } from '../../platform/auth/actor.js';
import { EMAIL_CONFIRM_TTL_MS } from './accounts.deps.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { actorFor, createUser, mailedToken, mailsTo } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
  t.deps.personalData.register('testSection', async (userId) => ({ note: `kept for ${userId}` }));
});
after(() => t.close());

const isInvalidLink = (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token';

describe('profile', () => {
  test('name and language are updated; bad values are named', async () => {
    const user = await createUser(accounts);
    const updated = await accounts.profile.update(user.actor, { name: '  Ny Namnsson ', locale: 'en' });
    assert.equal(updated.name, 'Ny Namnsson');
    assert.equal(updated.locale, 'en');
    await assert.rejects(accounts.profile.update(user.actor, { name: '', locale: 'fi' }), (e: unknown) => e instanceof ValidationError && JSON.stringify(e.details) === JSON.stringify({ name: ['validation.required'], locale: ['validation.invalidChoice'] }));
    await assert.rejects(accounts.profile.update(user.actor, { name: 'x'.repeat(201) }), (e: unknown) => e instanceof ValidationError && e.details?.name?.[0] === 'validation.tooLong');
    await assert.rejects(accounts.profile.get(anonymous), UnauthorizedError);
  });
});

describe('e-mail change', () => {
  test('needs the password; the new address confirms; the old one is told', async () => {
    const user = await createUser(accounts);
    await assert.rejects(accounts.profile.requestEmailChange(user.actor, { email: 'new@example.se', password: 'wrong' }), (e: unknown) => e instanceof ValidationError && e.details?.password?.[0] === 'validation.wrongPassword');
    await assert.rejects(accounts.profile.requestEmailChange(user.actor, { email: 'not an address', password: user.password }), (e: unknown) => e instanceof ValidationError && e.details?.email?.[0] === 'validation.email');
    const newEmail = `changed-${user.id.slice(-6)}@example.se`;
    await accounts.profile.requestEmailChange(user.actor, { email: newEmail.toUpperCase(), password: user.password }, 'sv');
    assert.equal((await accounts.profile.get(user.actor)).email, user.email, 'nothing changes before the link is opened');
    const token = await mailedToken(db, newEmail, '/confirm-email-change');
    const changed = await accounts.profile.confirmEmailChange(token);
    assert.equal(changed.email, newEmail);
    assert.equal((await accounts.profile.get(user.actor)).email, newEmail);
    const notice = (await mailsTo(db, user.email)).at(-1)!;
    assert.match(notice.text, new RegExp(newEmail));
    await assert.rejects(accounts.profile.confirmEmailChange(token), isInvalidLink);
    await accounts.sessions.login({ email: newEmail, password: user.password, ip: '192.0.2.50' });
  });

  test('only the newest change link works; links expire', async () => {
    const user = await createUser(accounts);
    await accounts.profile.requestEmailChange(user.actor, { email: 'typo@exmaple.se', password: user.password });
    const typo = await mailedToken(db, 'typo@exmaple.se', '/confirm-email-change');
    await accounts.profile.requestEmailChange(user.actor, { email: `right-${user.id.slice(-6)}@example.se`, password: user.password });
    await assert.rejects(accounts.profile.confirmEmailChange(typo), isInvalidLink);
    const right = await mailedToken(db, `right-${user.id.slice(-6)}@example.se`, '/confirm-email-change');
    t.clock.advance(EMAIL_CONFIRM_TTL_MS + 1);
    try {
      await assert.rejects(accounts.profile.confirmEmailChange(right), isInvalidLink);
    } finally {
      t.clock.advance(-(EMAIL_CONFIRM_TTL_MS + 1));
    }
    assert.equal((await accounts.profile.get(user.actor)).email, user.email);
  });

  test('reset links mailed to the old address stop working after the change', async () => {
    const user = await createUser(accounts);
    await accounts.passwords.requestReset(user.email);
    const reset = await mailedToken(db, user.email, '/reset-password');
    const newEmail = `moved-${user.id.slice(-6)}@example.se`;
    await accounts.profile.requestEmailChange(user.actor, { email: newEmail, password: user.password });
    await accounts.profile.confirmEmailChange(await mailedToken(db, newEmail, '/confirm-email-change'));
    await assert.rejects(accounts.passwords.reset(reset, 'taken over passphrase'), isInvalidLink);
  });

  test('an address taken meanwhile by another account is refused and the link keeps nothing changed', async () => {
    const user = await createUser(accounts);
    const target = `contested-${user.id.slice(-6)}@example.se`;
    await accounts.profile.requestEmailChange(user.actor, { email: target, password: user.password });
    const token = await mailedToken(db, target, '/confirm-email-change');
    await createUser(accounts, { email: target });
    await assert.rejects(accounts.profile.confirmEmailChange(token), (e: unknown) => e instanceof ConflictError && e.code === 'email_taken');
    assert.equal((await accounts.profile.get(user.actor)).email, user.email);
  });
});

describe('deletion and export', () => {
  test('the export holds the account, sessions, tokens (no secrets) and every registered section', async () => {
    const user = await createUser(accounts);
    const { sessionToken } = await accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.60', userAgent: 'Firefox' });
    const { token } = await accounts.tokens.create(user.actor, { name: 'CI' });
    const data = await accounts.profile.exportData(user.actor);
    assert.equal((data.account as { email: string }).email, user.email);
    assert.deepEqual((data.sessions as { userAgent: string }[]).map((s) => s.userAgent), ['Firefox']);
    assert.deepEqual((data.apiTokens as { name: string }[]).map((s) => s.name), ['CI']);
    assert.deepEqual(data.testSection, { note: `kept for ${user.id}` });
    const text = JSON.stringify(data);
    for (const secret of [sessionToken, token, 'scrypt$']) assert.ok(!text.includes(secret), `the export must not contain ${secret.slice(0, 8)}…`);
  });

  test('deleting needs the password, removes the account with its sessions and tokens', async () => {
    const user = await createUser(accounts);
    const { sessionToken } = await accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.61' });
    const { token } = await accounts.tokens.create(user.actor, {});
    await assert.rejects(accounts.profile.deleteAccount(user.actor, { password: 'wrong' }), (e: unknown) => e instanceof ValidationError && e.details?.password?.[0] === 'validation.wrongPassword');
    const deleted: string[] = [];
    t.deps.events.subscribe('accounts.userDeleted', ({ userId }) => void deleted.push(userId));
    await accounts.profile.deleteAccount(user.actor, { password: user.password });
    assert.deepEqual(deleted, [user.id]);
    assert.equal(await db.selectFrom('user').select('id').where('id', '=', user.id).executeTakeFirst(), undefined);
    assert.equal(await accounts.sessions.authenticateSession(sessionToken), undefined);
    await assert.rejects(accounts.tokens.authenticate(token), UnauthorizedError);
    assert.equal((await db.selectFrom('api_token').select('id').where('user_id', '=', user.id).execute()).length, 0);
  });

  test('the last site admin cannot delete their account', async () => {
    const existingAdmins = await db.selectFrom('user').select('id').where('is_site_admin', '=', 1).execute();
    assert.equal(existingAdmins.length, 0, 'this test needs a site without admins');
    const only = await createUser(accounts, { siteAdmin: true });
    const adminActor = actorFor({ ...only, isSiteAdmin: true });
    await assert.rejects(accounts.profile.deleteAccount(adminActor, { password: only.password }), (e: unknown) => e instanceof ConflictError && e.code === 'last_site_admin');
    const second = await createUser(accounts, { siteAdmin: true });
    await accounts.profile.deleteAccount(adminActor, { password: only.password });
    await assert.rejects(accounts.profile.deleteAccount(actorFor({ ...second, isSiteAdmin: true }), { password: second.password }), ConflictError);
  });
});
