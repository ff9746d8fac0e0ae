// Log-in with server-side sessions, and its throttling: per account and per IP, 10 failures in 15
// minutes, then 429 even for the right password; the error never says which field was wrong.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { ForbiddenError, RateLimitedError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import { hashSecretToken } from '../../platform/secret-token.js';
import { LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MS, SESSION_TTL_MS } from './accounts.deps.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { PASSWORD, createUser } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;
let ipCounter = 0;
/** Each test logs in from its own address, so IP counters do not leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
});
after(() => t.close());

async function failWith(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected the log-in to fail'),
    (e: unknown) => e,
  );
}

describe('log in and out', () => {
  test('the right password opens a session; only its hash is stored; log out ends it', async () => {
    const user = await createUser(accounts);
    const { sessionToken, user: row } = await accounts.sessions.login({ email: user.email.toUpperCase(), password: PASSWORD, ip: freshIp(), userAgent: 'test' });
    assert.equal(row.id, user.id);
    const stored = await db.selectFrom('session').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.token_hash, hashSecretToken(sessionToken));
    assert.ok(!JSON.stringify(stored).includes(sessionToken));
    assert.equal((await accounts.sessions.authenticateSession(sessionToken))?.user.id, user.id);
    await accounts.sessions.logout(sessionToken);
    assert.equal(await accounts.sessions.authenticateSession(sessionToken), undefined);
  });

  test('a session expires after its lifetime', async () => {
    const user = await createUser(accounts);
    const { sessionToken } = await accounts.sessions.login({ email: user.email, password: PASSWORD, ip: freshIp() });
    t.clock.advance(SESSION_TTL_MS + 1);
    try {
      assert.equal(await accounts.sessions.authenticateSession(sessionToken), undefined);
      const pruned = await accounts.sessions.pruneExpired();
      assert.ok(pruned.sessions >= 1, "the expired session is pruned");
    } finally {
      t.clock.advance(-(SESSION_TTL_MS + 1));
    }
  });

  test('wrong password and unknown address fail alike, naming no field', async () => {
    const user = await createUser(accounts);
    const wrong = await failWith(accounts.sessions.login({ email: user.email, password: 'not the password', ip: freshIp() }));
    const unknown = await failWith(accounts.sessions.login({ email: 'nobody@example.se', password: PASSWORD, ip: freshIp() }));
    for (const error of [wrong, unknown]) {
      assert.ok(error instanceof UnauthorizedError);
      assert.equal(error.code, 'invalid_credentials');
      assert.equal(error.details, undefined);
    }
    assert.equal((wrong as Error).message, (unknown as Error).message);
  });

  test('empty fields are a validation error, not a failed attempt', async () => {
    const error = await failWith(accounts.sessions.login({ email: '', password: '', ip: freshIp() }));
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.details, { email: ['validation.required'], password: ['validation.required'] });
    const long = await failWith(accounts.sessions.login({ email: `${'a'.repeat(300)}@example.se`, password: 'x', ip: freshIp() }));
    assert.ok(long instanceof ValidationError);
    assert.deepEqual(long.details, { email: ['validation.email'] });
    assert.equal(await db.selectFrom('auth_throttle').select('key').where('key', 'like', '%aaaaaaaaaa%').executeTakeFirst(), undefined);
  });

  test('an unconfirmed account cannot log in, but only the right password learns that', async () => {
    await accounts.registration.signup({ name: 'Unconfirmed', email: 'unconfirmed@example.se', password: PASSWORD });
    const right = await failWith(accounts.sessions.login({ email: 'unconfirmed@example.se', password: PASSWORD, ip: freshIp() }));
    assert.ok(right instanceof ForbiddenError);
    assert.equal(right.code, 'email_not_confirmed');
    const wrong = await failWith(accounts.sessions.login({ email: 'unconfirmed@example.se', password: 'wrong password', ip: freshIp() }));
    assert.ok(wrong instanceof UnauthorizedError);
  });
});

describe('log-in throttling', () => {
  test(`${LOGIN_FAILURE_LIMIT} failures on one account: the next attempt is 429 even with the right password, from any IP`, async () => {
    const user = await createUser(accounts);
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) {
      assert.ok((await failWith(accounts.sessions.login({ email: user.email, password: `wrong ${i}`, ip: freshIp() }))) instanceof UnauthorizedError, `attempt ${i + 1}`);
    }
    const blocked = await failWith(accounts.sessions.login({ email: user.email, password: PASSWORD, ip: freshIp() }));
    assert.ok(blocked instanceof RateLimitedError);
    assert.equal(blocked.status, 429);
    assert.ok(blocked.retryAfterSeconds! > 0 && blocked.retryAfterSeconds! <= LOGIN_WINDOW_MS / 1000);
    // Other accounts are not affected.
    const other = await createUser(accounts);
    await accounts.sessions.login({ email: other.email, password: PASSWORD, ip: freshIp() });
    // After the window, the right password works again and clears the count.
    t.clock.advance(LOGIN_WINDOW_MS + 1);
    try {
      await accounts.sessions.login({ email: user.email, password: PASSWORD, ip: freshIp() });
      assert.ok((await failWith(accounts.sessions.login({ email: user.email, password: 'wrong again', ip: freshIp() }))) instanceof UnauthorizedError);
    } finally {
      t.clock.advance(-(LOGIN_WINDOW_MS + 1));
    }
  });

  test(`${LOGIN_FAILURE_LIMIT} failures from one IP across different accounts: that IP gets 429, others do not`, async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) {
      await failWith(accounts.sessions.login({ email: `guess${i}@example.se`, password: 'guess', ip }));
    }
    const victim = await createUser(accounts);
    const blocked = await failWith(accounts.sessions.login({ email: victim.email, password: PASSWORD, ip }));
    assert.ok(blocked instanceof RateLimitedError);
    await accounts.sessions.login({ email: victim.email, password: PASSWORD, ip: freshIp() });
  });

  test('a successful log-in clears the account count but not the IP count', async () => {
    const user = await createUser(accounts);
    const ip = freshIp();
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i += 1) await failWith(accounts.sessions.login({ email: user.email, password: 'wrong', ip: freshIp() }));
    await accounts.sessions.login({ email: user.email, password: PASSWORD, ip });
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i += 1) await failWith(accounts.sessions.login({ email: user.email, password: 'wrong', ip: freshIp() }));
    await accounts.sessions.login({ email: user.email, password: PASSWORD, ip: freshIp() });
  });
});
