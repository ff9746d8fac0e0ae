import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { buildTestApp, testConfig, type TestApp } from '../../../test/support/test-app.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { buildApp } from '../../app.js';
import { migrateToLatest } from '../../db/index.js';
import { createDeps } from '../../deps.js';
import { createLogger } from '../logger.js';

describe('health, readiness, metrics and OpenAPI', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { ALLMANNING_METRICS_TOKEN: 'metrics-secret' } });
  });
  after(() => t.close());

  test('/healthz and /readyz answer 200 when the database answers', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
  });

  test('/metrics needs the token when one is configured and serves Prometheus text', async () => {
    const refused = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(refused.statusCode, 401);
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-secret' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/plain/);
    assert.match(res.body, /allmanning_process_cpu_seconds_total/, 'default process metrics');
    assert.match(res.body, /allmanning_http_requests_total\{method="GET",route="\/healthz",status="200"\}/);
  });

  test('the OpenAPI 3.1 document describes the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    const spec = res.json();
    assert.equal(spec.openapi, '3.1.0');
    assert.equal(spec.info.title, 'Allmänning API');
    assert.ok(spec.paths['/api/v1/status'].get, 'lists the status operation');
    assert.equal(spec.paths['/healthz'], undefined, 'hidden operational routes stay out');
    assert.equal(spec.servers[0].url, 'http://allmanning.test');
  });

  test('the API docs page lists the operations from the document, in both languages', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/developers/api' });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /API-dokumentation/);
    assert.match(sv.body, /\/api\/v1\/status/);
    const en = await t.app.inject({ method: 'GET', url: '/en/developers/api' });
    assert.match(en.body, /API documentation/);
  });

  test('security headers: CSP without unsafe-inline, nosniff, frame-ancestors none, request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['x-request-id']);
  });

  test('the stylesheet is served with a cache lifetime', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/static/styles.css' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/css/);
    assert.match(String(res.headers['cache-control']), /max-age=3600/);
  });

  test('pages: Swedish by default, English under /en, the switch links to the same page', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/accessibility' });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<html lang="sv">/);
    assert.match(sv.body, /Tillgänglighetsredogörelse/);
    assert.match(sv.body, /href="\/en\/accessibility"/);
    const en = await t.app.inject({ method: 'GET', url: '/en/accessibility' });
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Accessibility statement/);
    assert.match(en.body, /class="language-switch" href="\/accessibility"/);
  });
});

describe('write rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({
      env: { ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '3' },
      routes: (app) => {
        app.post('/api/v1/ping', async () => ({ ok: true }));
      },
    });
  });
  after(() => t.close());

  test('writes beyond the limit get 429 rate_limited with Retry-After; GETs are never limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/ping', payload: {} })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/ping', payload: {} });
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    for (let i = 0; i < 10; i++) assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });
});

describe('logging', () => {
  test('secrets never reach the log', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ req: { headers: { authorization: 'Bearer tok-123', cookie: 'sid=abc' } } }, 'request');
    log.info({ user: { password: 'hunter2', token: 'tok-456' }, config: { databaseUrl: 'postgres://u:pw@h/db', smtpUrl: 'smtp://u:pw@m' } }, 'values');
    const all = lines.join('');
    assert.equal(lines.length, 2);
    for (const secret of ['tok-123', 'sid=abc', 'hunter2', 'tok-456', 'u:pw@']) assert.ok(!all.includes(secret), `${secret} leaked`);
    assert.match(all, /\[redacted\]/);
  });
});

describe('readiness before migration', () => {
  test('/readyz answers 503 not_ready while the schema is not migrated', async () => {
    const database = await createTestDatabase({ migrate: false });
    const deps = createDeps(testConfig(), { database, log: pino({ level: 'silent' }) });
    const app = await buildApp(deps);
    try {
      const before = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(before.statusCode, 503);
      assert.deepEqual(before.json(), { status: 'not_ready' });
      await migrateToLatest(database);
      const after = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(after.statusCode, 200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
