// The guarded fetch against a local server: loopback refused unless allowed (by address, CIDR or
// host name), every redirect checked again, and the limits on size, time and redirects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { allowListOf, guardedFetch, guardedFetchToFile, isPublicAddress, type FetchError } from './guarded-fetch.js';

async function text(url: string, options: Parameters<typeof guardedFetch>[1]): Promise<string> {
  const { body } = await guardedFetch(url, options);
  let out = '';
  for await (const chunk of body) out += String(chunk);
  return out;
}

describe('guarded fetch', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/hello') return void response.end('hej');
      if (url.pathname === '/big') return void response.end('x'.repeat(10_000));
      if (url.pathname === '/gzip') {
        response.setHeader('content-encoding', 'gzip');
        return void response.end(zlib.gzipSync('x'.repeat(50_000)));
      }
      if (url.pathname === '/slow') return void setTimeout(() => response.end('late'), 2_000);
      if (url.pathname === '/redirect') {
        response.statusCode = 302;
        response.setHeader('location', url.searchParams.get('to') ?? '/hello');
        return void response.end();
      }
      if (url.pathname === '/loop') {
        response.statusCode = 301;
        response.setHeader('location', '/loop');
        return void response.end();
      }
      response.statusCode = 404;
      response.end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('which addresses are public', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) assert.equal(isPublicAddress(address), false, address);
    for (const address of ['1.1.1.1', '193.183.98.66', '2a00:1450:4001:82b::200e']) assert.equal(isPublicAddress(address), true, address);
    const allow = allowListOf(['127.0.0.1', '10.0.0.0/8', 'Intern.Example', '[::1]']);
    assert.ok(allow.address('127.0.0.1') && allow.address('10.9.9.9') && allow.address('::1') && allow.address('::ffff:10.0.0.1'));
    assert.ok(!allow.address('192.168.0.1'));
    assert.ok(allow.host('intern.example') && !allow.host('example'));
  });

  test('loopback is refused unless listed, as an address, a CIDR or a host name', async () => {
    await assert.rejects(guardedFetch(`${base}/hello`), (error: FetchError) => error.problem === 'refused' && /127\.0\.0\.1 is a private or loopback address/.test(error.message));
    await assert.rejects(guardedFetch(`http://localhost:${new URL(base).port}/hello`), { name: 'FetchError', problem: 'refused' });
    assert.equal(await text(`${base}/hello`, { allowPrivate: ['127.0.0.1'] }), 'hej');
    assert.equal(await text(`${base}/hello`, { allowPrivate: ['127.0.0.0/8'] }), 'hej');
    assert.equal(await text(`http://localhost:${new URL(base).port}/hello`, { allowPrivate: ['localhost'] }), 'hej');
  });

  test('a redirect is checked again; only http and https', async () => {
    const port = new URL(base).port;
    // Allowed by host name, redirected to the same server by address: the address is not allowed.
    await assert.rejects(guardedFetch(`http://localhost:${port}/redirect?to=${encodeURIComponent(`${base}/hello`)}`, { allowPrivate: ['localhost'] }), { problem: 'refused' });
    assert.equal(await text(`${base}/redirect`, { allowPrivate: ['127.0.0.1'] }), 'hej');
    await assert.rejects(guardedFetch(`${base}/loop`, { allowPrivate: ['127.0.0.1'], maxRedirects: 3 }), { problem: 'too_many_redirects' });
    await assert.rejects(guardedFetch('file:///etc/passwd'), { problem: 'bad_url' });
    await assert.rejects(guardedFetch('http://user:secret@example.se/'), { problem: 'bad_url' });
    await assert.rejects(guardedFetch(`${base}/missing`, { allowPrivate: ['127.0.0.1'] }), (error: FetchError) => error.problem === 'http_status' && error.status === 404);
  });

  test('size and time are bounded, also after decompression', async () => {
    await assert.rejects(text(`${base}/big`, { allowPrivate: ['127.0.0.1'], maxBytes: 1000 }), { problem: 'too_large' });
    await assert.rejects(text(`${base}/gzip`, { allowPrivate: ['127.0.0.1'], maxBytes: 10_000 }), { problem: 'too_large' });
    assert.equal((await text(`${base}/gzip`, { allowPrivate: ['127.0.0.1'] })).length, 50_000);
    await assert.rejects(text(`${base}/slow`, { allowPrivate: ['127.0.0.1'], timeoutMs: 200 }), { problem: 'timeout' });
    const file = path.join(os.tmpdir(), `guarded-fetch-${process.pid}.txt`);
    await assert.rejects(guardedFetchToFile(`${base}/big`, file, { allowPrivate: ['127.0.0.1'], maxBytes: 1000 }), { problem: 'too_large' });
    const saved = await guardedFetchToFile(`${base}/hello`, file, { allowPrivate: ['127.0.0.1'] });
    assert.equal(saved.bytes, 3);
    fs.rmSync(file, { force: true });
  });
});
