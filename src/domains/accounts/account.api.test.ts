// /api/v1/me and /api/v1/me/tokens through HTTP: bearer tokens only, 401 for a missing, wrong or
// revoked token, and bad input is a 400 naming the field — never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { domainsOf } from '../../domains.js';
import type { AccountsDomain } from './index.js';
import { TestBrowser, createUser, type TestUser } from './testing.js';

let t: TestApp;
let accounts: AccountsDomain;
let user: TestUser;
let token: string;

before(async () => {
  t = await buildTestApp({ env: { ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '10000' } });
  accounts = domainsOf(t.deps).accounts;
  user = await createUser(accounts, { name: 'Api User' });
  token = (await accounts.tokens.create(user.actor, { name: 'tests' })).token;
});
after(() => t.close());

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

describe('GET /api/v1/me', () => {
  test('200 with a valid token: the caller and their organisations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.id, user.id);
    assert.equal(body.email, user.email);
    assert.equal(body.name, 'Api User');
    assert.deepEqual(body.organizations, []);
    assert.equal(body.isSiteAdmin, false);
    assert.ok(!('passwordHash' in body) && !('password_hash' in body));
  });

  test('401 unauthorized without a token, with a wrong one, a malformed header or another scheme', async () => {
    for (const headers of [{}, bearer('alm_wrong'), bearer(`${token}x`), { authorization: 'Bearer' }, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, { authorization: token }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      assert.equal(res.statusCode, 401, JSON.stringify(headers));
      assert.equal(res.json().error.code, 'unauthorized');
    }
  });

  test('a session cookie is not accepted by the API (no cross-site API calls with cookies)', async () => {
    const browser = new TestBrowser(t.app);
    assert.equal((await browser.login(user.email)).statusCode, 303);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(res.statusCode, 401);
  });

  test('401 after the token is revoked (through the API itself)', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer(token), payload: { name: 'short-lived' } });
    assert.equal(created.statusCode, 201);
    const { token: secret, id } = created.json();
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) })).statusCode, 200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: bearer(token) });
    assert.equal(revoked.statusCode, 204);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthorized');
  });

  test('pages ignore another Authorization scheme (e.g. Basic auth of a proxy) instead of answering 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    assert.equal(res.statusCode, 200);
  });
});

describe('/api/v1/me/tokens', () => {
  test('POST creates a token shown in this answer only; GET lists it without the secret and with last use', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer(token), payload: { name: 'Harvester' } });
    assert.equal(res.statusCode, 201);
    const created = res.json();
    assert.match(created.token, /^alm_/);
    assert.equal(created.name, 'Harvester');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(created.token) })).statusCode, 200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: bearer(token) });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(created.token));
    const item = list.json().items.find((i: { id: string }) => i.id === created.id);
    assert.equal(item.lastUsedAt, t.clock.now().toISOString());
    assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
  });

  test('POST without a body creates an unnamed token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer(token) });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().name, null);
  });

  test('unknown fields, too-long names and wrong types are 400 validation_failed naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'ok', admin: true }, 'admin'],
      [{ name: 'n'.repeat(101) }, 'name'],
      [{ name: { text: 'an object' } }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer(token), payload: payload as object });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      const body = res.json();
      assert.equal(body.error.code, 'validation_failed');
      assert.ok(field in body.error.details, `${field} in ${JSON.stringify(body.error.details)}`);
    }
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(broken.statusCode, 400);
  });

  test('without a token every route is 401, whatever the body', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/me/tokens', undefined],
      ['POST', '/api/v1/me/tokens', { unknown: 1 }],
      ['DELETE', '/api/v1/me/tokens/some-id', undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });

  test("DELETE of an unknown or someone else's token is 404; an over-long id is refused (414), not a 500", async () => {
    const other = await createUser(accounts);
    const theirs = await accounts.tokens.create(other.actor, {});
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${theirs.view.id}`, headers: bearer(token) })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/tokens/nope', headers: bearer(token) })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${'x'.repeat(101)}`, headers: bearer(token) })).statusCode, 414);
    await accounts.tokens.authenticate(theirs.token);
  });
});
