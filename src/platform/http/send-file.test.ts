import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { createLocalFileStorage, type FileStorage, type StoredFile } from '../storage/index.js';
import { contentDisposition, sendStoredFile, type SendableFile } from './send-file.js';

const CONTENT = 'kommun;antal\nStockholm;12,5\nGöteborg;7\n';
const SIZE = Buffer.byteLength(CONTENT);

describe('sendStoredFile', () => {
  let root: string;
  let storage: FileStorage;
  let stored: StoredFile;
  let app: FastifyInstance;
  let fileFor: (name: string) => SendableFile;

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'allmanning-send-file-'));
    storage = createLocalFileStorage(root);
    stored = await storage.put(Readable.from([Buffer.from(CONTENT)]), { maxBytes: 1024 });
    const empty = await storage.put(Readable.from([]), { maxBytes: 0 });
    const files: Record<string, SendableFile> = {
      'data.csv': { sha256: stored.sha256, byteSize: SIZE, mediaType: 'text/csv; charset=utf-8', fileName: 'Förskolor 2024.csv' },
      'plain.csv': { sha256: stored.sha256, byteSize: SIZE, mediaType: 'text/csv', fileName: 'data.csv' },
      'inline.pdf': { sha256: stored.sha256, byteSize: SIZE, mediaType: 'application/pdf', fileName: 'rapport.pdf', disposition: 'inline' },
      'inline.svg': { sha256: stored.sha256, byteSize: SIZE, mediaType: 'image/svg+xml', fileName: 'logo.svg', disposition: 'inline' },
      'cached.csv': { sha256: stored.sha256, byteSize: SIZE, mediaType: 'text/csv', fileName: 'a.csv', cacheControl: 'no-store' },
      'empty.txt': { sha256: empty.sha256, byteSize: 0, mediaType: 'text/plain', fileName: 'empty.txt' },
      'missing.csv': { sha256: 'f'.repeat(64), byteSize: 3, mediaType: 'text/csv', fileName: 'missing.csv' },
    };
    fileFor = (name) => files[name]!;
    app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof AppError) return reply.code(error.status).send({ error: { code: error.code } });
      return reply.code(500).send({ error: { code: 'internal' } });
    });
    app.get<{ Params: { name: string } }>('/files/:name', (request, reply) => sendStoredFile(request, reply, storage, fileFor(request.params.name)));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  const get = (name: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url: `/files/${name}`, headers });

  test('200 with the whole file and every header', async () => {
    const res = await get('data.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, CONTENT);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-length'], String(SIZE));
    assert.equal(res.headers.etag, `"${stored.sha256}"`);
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.equal(res.headers['cache-control'], 'public, max-age=3600');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-disposition'], `attachment; filename="Forskolor 2024.csv"; filename*=UTF-8''F%C3%B6rskolor%202024.csv`);
  });

  test('no charset is added when the media type has none; the caller can override Cache-Control', async () => {
    const res = await get('plain.csv');
    assert.equal(res.headers['content-type'], 'text/csv');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="data.csv"');
    assert.equal((await get('cached.csv')).headers['cache-control'], 'no-store');
  });

  test('inline is honoured for PDF but never for SVG (it could run scripts)', async () => {
    assert.equal((await get('inline.pdf')).headers['content-disposition'], 'inline; filename="rapport.pdf"');
    assert.equal((await get('inline.svg')).headers['content-disposition'], 'attachment; filename="logo.svg"');
  });

  test('304 for a matching If-None-Match (strong, weak, list or *), 200 otherwise', async () => {
    for (const value of [`"${stored.sha256}"`, `W/"${stored.sha256}"`, `"other", "${stored.sha256}"`, '*']) {
      const res = await get('data.csv', { 'if-none-match': value });
      assert.equal(res.statusCode, 304, value);
      assert.equal(res.body, '');
      assert.equal(res.headers.etag, `"${stored.sha256}"`);
      assert.equal(res.headers['cache-control'], 'public, max-age=3600');
    }
    assert.equal((await get('data.csv', { 'if-none-match': '"something-else"' })).statusCode, 200);
  });

  test('206 for bytes=a-b, bytes=a- and bytes=-n', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-5', 0, 5],
      ['bytes=7-', 7, SIZE - 1],
      ['bytes=-4', SIZE - 4, SIZE - 1],
      ['bytes=3-100000', 3, SIZE - 1],
      ['bytes=-100000', 0, SIZE - 1],
    ];
    const bytes = Buffer.from(CONTENT);
    for (const [range, start, end] of cases) {
      const res = await get('data.csv', { range });
      assert.equal(res.statusCode, 206, range);
      assert.equal(res.headers['content-range'], `bytes ${start}-${end}/${SIZE}`, range);
      assert.equal(res.headers['content-length'], String(end - start + 1), range);
      assert.ok(res.rawPayload.equals(bytes.subarray(start, end + 1)), range);
      assert.equal(res.headers.etag, `"${stored.sha256}"`);
    }
  });

  test('416 with Content-Range bytes */size when the range is unsatisfiable', async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, 'bytes=-0']) {
      const res = await get('data.csv', { range });
      assert.equal(res.statusCode, 416, range);
      assert.equal(res.headers['content-range'], `bytes */${SIZE}`);
      assert.equal(res.body, '');
    }
    const empty = await get('empty.txt', { range: 'bytes=0-' });
    assert.equal(empty.statusCode, 416);
    assert.equal(empty.headers['content-range'], 'bytes */0');
  });

  test('several ranges, other units and malformed values get the whole file', async () => {
    for (const range of ['bytes=0-1,4-5', 'items=0-1', 'bytes=5-2', 'bytes=abc', 'bytes=1-2-3']) {
      const res = await get('data.csv', { range });
      assert.equal(res.statusCode, 200, range);
      assert.equal(res.body, CONTENT, range);
    }
  });

  test('If-Range: the range only for the current ETag, the whole file otherwise', async () => {
    const same = await get('data.csv', { range: 'bytes=0-5', 'if-range': `"${stored.sha256}"` });
    assert.equal(same.statusCode, 206);
    for (const ifRange of ['"an-older-version"', `W/"${stored.sha256}"`, 'Wed, 21 Oct 2015 07:28:00 GMT']) {
      const res = await get('data.csv', { range: 'bytes=0-5', 'if-range': ifRange });
      assert.equal(res.statusCode, 200, ifRange);
      assert.equal(res.body, CONTENT);
    }
  });

  test('HEAD: same headers, no body; ranges too', async () => {
    const res = await get('data.csv', {}, 'HEAD');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
    assert.equal(res.headers['content-length'], String(SIZE));
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers.etag, `"${stored.sha256}"`);
    const ranged = await get('data.csv', { range: 'bytes=0-1' }, 'HEAD');
    assert.equal(ranged.statusCode, 206);
    assert.equal(ranged.body, '');
    assert.equal(ranged.headers['content-length'], '2');
  });

  test('an empty file is 200 with Content-Length 0', async () => {
    const res = await get('empty.txt');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-length'], '0');
    assert.equal(res.body, '');
  });

  test('a file missing from storage is 404 before anything is sent', async () => {
    const res = await get('missing.csv');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { error: { code: 'not_found' } });
  });
});

describe('contentDisposition', () => {
  test('ASCII names stay as they are', () => {
    assert.equal(contentDisposition('report-2024.pdf'), 'attachment; filename="report-2024.pdf"');
    assert.equal(contentDisposition('bild.png', 'inline'), 'inline; filename="bild.png"');
  });

  test('Swedish letters: ASCII fallback plus filename* in UTF-8', () => {
    assert.equal(
      contentDisposition('Åtgärder för öar.xlsx'),
      `attachment; filename="Atgarder for oar.xlsx"; filename*=UTF-8''%C3%85tg%C3%A4rder%20f%C3%B6r%20%C3%B6ar.xlsx`,
    );
  });

  test('quotes, backslashes, percent signs, paths and control characters cannot break out', () => {
    assert.equal(contentDisposition('a"b.csv'), `attachment; filename="a_b.csv"; filename*=UTF-8''a%22b.csv`);
    assert.equal(contentDisposition('100%.csv'), `attachment; filename="100_.csv"; filename*=UTF-8''100%25.csv`);
    assert.equal(contentDisposition('../../etc/passwd'), 'attachment; filename="passwd"');
    assert.equal(contentDisposition('C:\\Users\\x\\fil (1).csv'), 'attachment; filename="fil (1).csv"');
    assert.equal(contentDisposition("Ölands (o)fullständiga 'data'.csv").split('; ')[2], "filename*=UTF-8''%C3%96lands%20%28o%29fullst%C3%A4ndiga%20%27data%27.csv");
    assert.equal(contentDisposition('evil\r\nSet-Cookie: x.csv'), 'attachment; filename="evilSet-Cookie: x.csv"');
    assert.equal(contentDisposition(''), 'attachment; filename="download"');
    assert.equal(contentDisposition('日本.csv'), `attachment; filename="__.csv"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.csv`);
  });
});
