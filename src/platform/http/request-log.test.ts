import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { testConfig } from '../../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { buildApp } from '../../app.js';
import { createDeps } from '../../deps.js';
import { createLogger } from '../logger.js';
import { loggableUrl } from './request-log.js';

describe('loggableUrl', () => {
  test('masks the values of secret-looking query parameters and keeps the rest', () => {
    assert.equal(loggableUrl('/datasets?q=skolor&page=2'), '/datasets?q=skolor&page=2');
    assert.equal(loggableUrl('/account/reset?token=abc123&lang=sv'), '/account/reset?token=[redacted]&lang=sv');
    assert.equal(loggableUrl('/x?api_key=k&Password=p&code=c&flag'), '/x?api_key=[redacted]&Password=[redacted]&code=[redacted]&flag');
    assert.equal(loggableUrl('/x?%74oken=abc'), '/x?%74oken=[redacted]', 'an escaped name is judged decoded');
    assert.equal(loggableUrl('/x?%zz=1'), '/x?%zz=1', 'a malformed escape is kept, not thrown on');
    assert.equal(loggableUrl('/plain'), '/plain');
  });
});

describe('request log', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test('one line per request with method, URL, status and time — no headers, no secrets', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const deps = createDeps(testConfig(), { database, log: createLogger('info', sink) });
    const app = await buildApp(deps, { logRequests: true });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz?token=tok-secret-1', headers: { authorization: 'Bearer alm_secret_2', cookie: 'allmanning_session=sid-3' } });
      assert.equal(res.statusCode, 200);
      const requestLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request completed');
      assert.equal(requestLines.length, 1);
      const [line] = requestLines;
      assert.equal(line!.method, 'GET');
      assert.equal(line!.url, '/healthz?token=[redacted]');
      assert.equal(line!.statusCode, 200);
      assert.equal(typeof line!.responseTime, 'number');
      assert.equal(line!.reqId, res.headers['x-request-id']);
      const all = lines.join('');
      for (const secret of ['tok-secret-1', 'alm_secret_2', 'sid-3']) assert.ok(!all.includes(secret), `${secret} leaked`);
    } finally {
      await app.close();
    }
  });
});
