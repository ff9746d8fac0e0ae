import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ConflictError, GoneError } from '../errors.js';
import { registerPage } from './pages.js';

/** Routes shaped like the real API and pages, registered only for these tests. */
function testRoutes(app: FastifyInstance) {
  app.post(
    '/api/v1/echo',
    {
      schema: {
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 10 }), count: Type.Optional(Type.Integer({ minimum: 0 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => request.body,
  );
  app.get('/api/v1/conflict', async () => {
    throw new ConflictError('That slug is taken.', 'slug_taken', { slug: ['is taken'] });
  });
  app.get('/api/v1/explode', async () => {
    throw new Error('secret internal detail');
  });
  registerPage(app, '/removed', () => {
    throw new GoneError();
  });
  registerPage(app, '/explode', () => {
    throw new Error('secret internal detail');
  });
  registerPage(app, '/form-page', (_request, _reply, ctx) => ctx.csrfToken, { withCsrf: true });
  app.post('/form', async () => 'accepted');
}

describe('HTTP error model', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { ALLMANNING_BODY_LIMIT_BYTES: '2048', ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '1000' }, routes: testRoutes });
  });
  after(() => t.close());

  test('unknown API route → 404 not_found JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.deepEqual(res.json(), { error: { code: 'not_found', message: 'Not found.' } });
  });

  test('unknown page → the HTML 404 page, in the language of the URL', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/finns-inte' });
    assert.equal(sv.statusCode, 404);
    assert.match(String(sv.headers['content-type']), /text\/html/);
    assert.match(sv.body, /<html lang="sv">/);
    assert.match(sv.body, /Sidan finns inte/);
    const en = await t.app.inject({ method: 'GET', url: '/en/does-not-exist' });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Page not found/);
  });

  test('malformed JSON → 400 validation_failed naming the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json(), { error: { code: 'validation_failed', message: 'The request is not valid.', details: { body: ['is not valid JSON'] } } });
  });

  test('empty JSON body → 400 validation_failed', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'validation_failed');
  });

  test('wrong content type → 415 unsupported_media_type', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/xml' }, payload: '<name>x</name>' });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'unsupported_media_type');
  });

  test('oversized body → 413 payload_too_large', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(5000) }) });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'payload_too_large');
  });

  test('schema violations → 400 with every field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', payload: { name: 'far too long a name', count: -1, extra: true } });
    assert.equal(res.statusCode, 400);
    const { details } = res.json().error;
    assert.ok(details.name, 'names the too-long field');
    assert.ok(details.count, 'names the negative field');
    assert.deepEqual(details.extra, ['is not an allowed property']);
  });

  test('missing required field → 400 naming it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', payload: {} });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.name);
  });

  test('valid input passes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/echo', payload: { name: 'ok', count: 2 } });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { name: 'ok', count: 2 });
  });

  test('AppErrors keep their status, code and details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/conflict' });
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json(), { error: { code: 'slug_taken', message: 'That slug is taken.', details: { slug: ['is taken'] } } });
  });

  test('unexpected errors → generic 500 without internals, with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/explode' });
    assert.equal(res.statusCode, 500);
    assert.equal(res.json().error.code, 'internal_error');
    assert.doesNotMatch(res.body, /secret internal detail/);
    assert.ok(res.headers['x-request-id']);
    assert.match(res.json().error.message, new RegExp(String(res.headers['x-request-id'])));
  });

  test('410 and 500 pages are HTML pages', async () => {
    const gone = await t.app.inject({ method: 'GET', url: '/removed' });
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /Sidan är borttagen/);
    const gone_en = await t.app.inject({ method: 'GET', url: '/en/removed' });
    assert.match(gone_en.body, /This page has been removed/);
    const boom = await t.app.inject({ method: 'GET', url: '/en/explode' });
    assert.equal(boom.statusCode, 500);
    assert.match(boom.body, /Something went wrong/);
    assert.match(boom.body, new RegExp(String(boom.headers['x-request-id'])));
    assert.doesNotMatch(boom.body, /secret internal detail/);
  });

  test('a form post without a CSRF token → 403 page; with the token from a page → accepted', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/form', payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Du har inte behörighet/);

    // Obtain a token the way a page with a form does, then post it back with its cookie.
    const page = await t.app.inject({ method: 'GET', url: '/form-page' });
    const token = page.body;
    const cookie = page.cookies.find((c) => c.name === '_csrf');
    assert.ok(token && cookie, 'the page issued a token and its cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/form',
      payload: `_csrf=${encodeURIComponent(token)}&a=1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: { _csrf: cookie.value },
    });
    assert.equal(accepted.statusCode, 200);
    assert.equal(accepted.body, 'accepted');

    const forged = await t.app.inject({
      method: 'POST',
      url: '/form',
      payload: `_csrf=${encodeURIComponent(`${token}x`)}&a=1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: { _csrf: cookie.value },
    });
    assert.equal(forged.statusCode, 403);
  });
});
