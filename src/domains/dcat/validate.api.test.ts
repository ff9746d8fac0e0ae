// POST /api/v1/validate through the real app: RDF bodies in any syntax, { url } fetched only from
// addresses ALLMANNING_FETCH_ALLOW_PRIVATE allows when they are private, answers in the request's
// language, unreadable documents named by line and column.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

const VALID_ENOUGH = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://kommun.example.se/data/a> a dcat:Dataset ; dct:title "Träd"@sv .
`;

describe('POST /api/v1/validate', () => {
  let t: TestApp;
  let allowed: TestApp;
  let server: http.Server;
  let origin = '';

  before(async () => {
    t = await buildTestApp();
    allowed = await buildTestApp({ env: { ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
    server = http.createServer((request, response) => {
      if (request.url === '/catalog.ttl') response.writeHead(200, { 'content-type': 'text/turtle' }).end(VALID_ENOUGH);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await t.close();
    await allowed.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (app: TestApp, payload: string, contentType: string, language?: string) =>
    app.app.inject({ method: 'POST', url: '/api/v1/validate', payload, headers: { 'content-type': contentType, ...(language ? { 'accept-language': language } : {}) } });

  test('Turtle in, readable findings out (English by default)', async () => {
    const res = await post(t, VALID_ENOUGH, 'text/turtle');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.conforms, false);
    const missing = body.violations.find((v: { path: string }) => v.path === 'http://purl.org/dc/terms/description');
    assert.deepEqual(
      { severity: missing.severity, focusNode: missing.focusNode, resourceTitle: missing.resourceTitle, propertyLabel: missing.propertyLabel, message: missing.message },
      { severity: 'violation', focusNode: 'https://kommun.example.se/data/a', resourceTitle: 'Träd', propertyLabel: 'Description', message: 'Description is missing.' },
    );
    assert.equal(typeof missing.hint, 'string');
    assert.equal(body.counts.violation, body.violations.filter((v: { severity: string }) => v.severity === 'violation').length);
  });

  test('Accept-Language: sv answers in Swedish', async () => {
    const body = (await post(t, VALID_ENOUGH, 'text/turtle', 'sv-SE,sv;q=0.9,en;q=0.5')).json();
    assert.ok(body.violations.some((v: { message: string }) => v.message === 'Beskrivning saknas.'));
  });

  test('N-Triples, RDF/XML and JSON-LD bodies are read by their Content-Type', async () => {
    const nt = '<https://kommun.example.se/data/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n';
    const xml = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"><dcat:Dataset rdf:about="https://kommun.example.se/data/a"/></rdf:RDF>';
    const jsonld = JSON.stringify({ '@id': 'https://kommun.example.se/data/a', '@type': 'http://www.w3.org/ns/dcat#Dataset' });
    for (const [payload, type] of [[nt, 'application/n-triples'], [xml, 'application/rdf+xml'], [jsonld, 'application/ld+json']]) {
      const res = await post(t, payload!, type!);
      assert.equal(res.statusCode, 200, `${type}: ${res.body}`);
      assert.ok(res.json().violations.some((v: { path: string }) => v.path === 'http://purl.org/dc/terms/title'), type);
    }
  });

  test('an unreadable body is a 400 naming line and column', async () => {
    const res = await post(t, '<https://x.example/a> <http://purl.org/dc/terms/title> "open .\n', 'text/turtle');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'validation_failed');
    assert.match(res.json().error.details.body[0], /line 1, column \d+/);
  });

  test('other content types are 415', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'image/png']) {
      const res = await post(t, 'a=b', type);
      assert.equal(res.statusCode, 415, type);
      assert.equal(res.json().error.code, 'unsupported_media_type');
    }
  });

  test('{ url }: a private address is refused unless ALLMANNING_FETCH_ALLOW_PRIVATE allows it', async () => {
    const refused = await post(t, JSON.stringify({ url: `${origin}/catalog.ttl` }), 'application/json');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.details.url[0], /private or loopback/);

    const fetched = await post(allowed, JSON.stringify({ url: `${origin}/catalog.ttl` }), 'application/json');
    assert.equal(fetched.statusCode, 200, fetched.body);
    assert.ok(fetched.json().violations.some((v: { focusNode: string }) => v.focusNode === 'https://kommun.example.se/data/a'));

    const missing = await post(allowed, JSON.stringify({ url: `${origin}/nothing` }), 'application/json');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().error.details.url[0], /HTTP 404/);
    assert.equal((await post(t, JSON.stringify({ url: 'file:///etc/passwd' }), 'application/json')).statusCode, 400);
  });
});
