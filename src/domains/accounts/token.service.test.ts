// API tokens: shown once, only their hash at rest, revocable, last use recorded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import type { AccountsTables } from './accounts.table.js';
import type { AccountsDomain } from './index.js';
import { API_TOKEN_PREFIX } from './token.service.js';
import { createUser } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let db: Kysely<AccountsTables>;

before(async () => {
  t = await buildTestApp();
  accounts = domainsOf(t.deps).accounts;
  db = t.deps.db as unknown as Kysely<AccountsTables>;
});
after(() => t.close());

describe('API tokens', () => {
  test('a new token is returned once; the database holds only its hash and a short prefix', async () => {
    const user = await createUser(accounts);
    const { token, view } = await accounts.tokens.create(user.actor, { name: '  Harvester  ' });
    assert.ok(token.startsWith(API_TOKEN_PREFIX));
    assert.ok(token.length > 40);
    assert.equal(view.name, 'Harvester');
    assert.ok(token.startsWith(view.prefix) && view.prefix.length < 12);
    // Nowhere in the api_token table (nor anywhere the listing reaches) is the secret.
    const rows = await db.selectFrom('api_token').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(token));
    const dump = await sql<{ t: string }>`select token_hash as t from api_token`.execute(db);
    assert.ok(dump.rows.every((r) => r.t !== token && /^[0-9a-f]{64}$/.test(r.t)));
    const listed = await accounts.tokens.list(user.actor);
    assert.deepEqual(listed, [view]);
    assert.ok(!JSON.stringify(listed).includes(token));
  });

  test('a name is optional; one over 100 characters is refused', async () => {
    const user = await createUser(accounts);
    assert.equal((await accounts.tokens.create(user.actor, {})).view.name, null);
    await assert.rejects(accounts.tokens.create(user.actor, { name: 'n'.repeat(101) }), (e: unknown) => e instanceof ValidationError && e.details?.name?.[0] === 'validation.tooLong');
    await assert.rejects(accounts.tokens.create(anonymous, {}), UnauthorizedError);
  });

  test('authenticating records the last use (at most once a minute); revoking makes it fail', async () => {
    const user = await createUser(accounts);
    const { token, view } = await accounts.tokens.create(user.actor, { name: 'script' });
    assert.equal(view.lastUsedAt, null);
    assert.equal((await accounts.tokens.authenticate(token)).id, user.id);
    const first = (await accounts.tokens.list(user.actor))[0]!.lastUsedAt;
    assert.equal(first, t.clock.now().toISOString());
    t.clock.advance(30_000);
    await accounts.tokens.authenticate(token);
    assert.equal((await accounts.tokens.list(user.actor))[0]!.lastUsedAt, first, 'not rewritten within a minute');
    t.clock.advance(61_000);
    await accounts.tokens.authenticate(token);
    assert.equal((await accounts.tokens.list(user.actor))[0]!.lastUsedAt, t.clock.now().toISOString());

    await accounts.tokens.revoke(user.actor, view.id);
    await assert.rejects(accounts.tokens.authenticate(token), UnauthorizedError);
    assert.ok((await accounts.tokens.list(user.actor))[0]!.revokedAt);
  });

  test('wrong and made-up tokens fail; nobody revokes another user\'s token', async () => {
    const owner = await createUser(accounts);
    const other = await createUser(accounts);
    const { token, view } = await accounts.tokens.create(owner.actor, {});
    for (const bad of ['', 'alm_', `${token}x`, token.replace(API_TOKEN_PREFIX, 'xyz_'), 'Bearer']) await assert.rejects(accounts.tokens.authenticate(bad), UnauthorizedError);
    await assert.rejects(accounts.tokens.revoke(other.actor, view.id), NotFoundError);
    await accounts.tokens.authenticate(token);
  });

  test('the operator creates a token for a user by e-mail', async () => {
    const user = await createUser(accounts);
    const { token } = await accounts.tokens.createForEmail(user.email.toUpperCase(), 'cli');
    assert.equal((await accounts.tokens.authenticate(token)).id, user.id);
    await assert.rejects(accounts.tokens.createForEmail('nobody@example.se', undefined), NotFoundError);
  });
});
