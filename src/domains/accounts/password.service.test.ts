// Forgotten passwords: a mailed link that works once, expires within the hour, signs the account
// out everywhere and lifts a log-in lock on the account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { RateLimitedError, ValidationError } from '../../platform/errors.js';
import { LOGIN_FAILURE_LIMIT, PASSWORD_RESET_TTL_MS } from './accounts.deps.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { createUser, mailedToken, mailsTo } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;
const NEW_PASSWORD = 'a brand new passphrase';

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
});
after(() => t.close());

const isInvalidLink = (e: unknown) => e instanceof ValidationError && e.code === 'invalid_token';

describe('password reset', () => {
  test('the link sets a new password once, and signs the account out everywhere', async () => {
    const user = await createUser(accounts);
    const a = await accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.1' });
    const b = await accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.2' });
    await accounts.passwords.requestReset(user.email.toUpperCase(), 'en');
    const token = await mailedToken(db, user.email, '/reset-password');
    assert.match((await mailsTo(db, user.email))[0]!.text, /allmanning\.test\/en\/reset-password\?token=/);
    await accounts.passwords.checkResetToken(token);
    await accounts.passwords.reset(token, NEW_PASSWORD);
    assert.equal(await accounts.sessions.authenticateSession(a.sessionToken), undefined);
    assert.equal(await accounts.sessions.authenticateSession(b.sessionToken), undefined);
    await accounts.sessions.login({ email: user.email, password: NEW_PASSWORD, ip: '192.0.2.3' });
    await assert.rejects(accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.3' }));
    // Second use of the same link: refused, nothing changes.
    await assert.rejects(accounts.passwords.checkResetToken(token), isInvalidLink);
    await assert.rejects(accounts.passwords.reset(token, 'yet another passphrase'), isInvalidLink);
    await accounts.sessions.login({ email: user.email, password: NEW_PASSWORD, ip: '192.0.2.3' });
  });

  test('the link expires after an hour', async () => {
    const user = await createUser(accounts);
    await accounts.passwords.requestReset(user.email);
    const token = await mailedToken(db, user.email, '/reset-password');
    t.clock.advance(PASSWORD_RESET_TTL_MS + 1);
    try {
      await assert.rejects(accounts.passwords.checkResetToken(token), isInvalidLink);
      await assert.rejects(accounts.passwords.reset(token, NEW_PASSWORD), isInvalidLink);
    } finally {
      t.clock.advance(-(PASSWORD_RESET_TTL_MS + 1));
    }
    await accounts.sessions.login({ email: user.email, password: user.password, ip: '192.0.2.9' });
  });

  test('only the newest link works', async () => {
    const user = await createUser(accounts);
    await accounts.passwords.requestReset(user.email);
    const first = await mailedToken(db, user.email, '/reset-password');
    await accounts.passwords.requestReset(user.email);
    const second = await mailedToken(db, user.email, '/reset-password');
    assert.notEqual(first, second);
    await assert.rejects(accounts.passwords.reset(first, NEW_PASSWORD), isInvalidLink);
    await accounts.passwords.reset(second, NEW_PASSWORD);
  });

  test('a weak new password is refused and the link still works', async () => {
    const user = await createUser(accounts);
    await accounts.passwords.requestReset(user.email);
    const token = await mailedToken(db, user.email, '/reset-password');
    await assert.rejects(accounts.passwords.reset(token, 'short'), (e: unknown) => e instanceof ValidationError && e.details?.password?.[0] === 'validation.passwordTooShort');
    await assert.rejects(accounts.passwords.reset(token, undefined), (e: unknown) => e instanceof ValidationError && e.details?.password?.[0] === 'validation.required');
    await accounts.passwords.reset(token, NEW_PASSWORD);
  });

  test('unknown addresses get the same answer and no mail', async () => {
    await accounts.passwords.requestReset('nobody@example.se');
    assert.equal((await mailsTo(db, 'nobody@example.se')).length, 0);
    await assert.rejects(accounts.passwords.requestReset(''), (e: unknown) => e instanceof ValidationError && e.details?.email?.[0] === 'validation.required');
  });

  test('resetting lifts the lock on a throttled account, and confirms an unconfirmed address', async () => {
    const user = await createUser(accounts);
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) await accounts.sessions.login({ email: user.email, password: 'wrong', ip: `203.0.113.${i}` }).catch(() => undefined);
    await assert.rejects(accounts.sessions.login({ email: user.email, password: user.password, ip: '203.0.113.200' }), RateLimitedError);
    await accounts.passwords.requestReset(user.email);
    await accounts.passwords.reset(await mailedToken(db, user.email, '/reset-password'), NEW_PASSWORD);
    await accounts.sessions.login({ email: user.email, password: NEW_PASSWORD, ip: '203.0.113.200' });

    await accounts.registration.signup({ name: 'Never Confirmed', email: 'never-confirmed@example.se', password: 'first passphrase' });
    await accounts.passwords.requestReset('never-confirmed@example.se');
    await accounts.passwords.reset(await mailedToken(db, 'never-confirmed@example.se', '/reset-password'), NEW_PASSWORD);
    await accounts.sessions.login({ email: 'never-confirmed@example.se', password: NEW_PASSWORD, ip: '203.0.113.201' });
  });
});
