import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { FileTooLargeError, HEAD_BYTES, createLocalFileStorage, type FileStorage } from './index.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function* chunksOf(...parts: (Buffer | string)[]) {
  for (const part of parts) yield Buffer.from(part);
}

/** Every regular file under `dir`, relative to it (the temp files included). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe('local file storage', () => {
  let root: string;
  let storage: FileStorage;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'allmanning-storage-'));
    storage = createLocalFileStorage(root);
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  test('stores under sha256/<2 hex>/<hex> with the right hash, size and head', async () => {
    const content = 'kommun;antal\nStockholm;12,5\n';
    const stored = await storage.put(chunksOf('kommun;antal\n', 'Stockholm;12,5\n'), { maxBytes: 1024 });
    assert.equal(stored.sha256, sha256(content));
    assert.equal(stored.byteSize, Buffer.byteLength(content));
    assert.equal(stored.head.toString(), content);
    assert.deepEqual(await filesUnder(root), [path.join('sha256', stored.sha256.slice(0, 2), stored.sha256)]);
    assert.equal(await fs.readFile(path.join(root, 'sha256', stored.sha256.slice(0, 2), stored.sha256), 'utf8'), content);
    assert.deepEqual(await storage.stat(stored.sha256), { byteSize: Buffer.byteLength(content) });
    assert.equal(await storage.exists(stored.sha256), true);
  });

  test('accepts a Node Readable and keeps only the first 64 KiB as head', async () => {
    const big = Buffer.alloc(200_000);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const stored = await storage.put(Readable.from([big.subarray(0, 70_000), big.subarray(70_000)]), { maxBytes: 1_000_000 });
    assert.equal(stored.sha256, sha256(big));
    assert.equal(stored.byteSize, big.length);
    assert.equal(stored.head.length, HEAD_BYTES);
    assert.ok(stored.head.equals(big.subarray(0, HEAD_BYTES)));
    assert.ok((await readAll(storage.createReadStream(stored.sha256))).equals(big));
  });

  test('an empty stream is a file: the sha256 of nothing, zero bytes', async () => {
    const stored = await storage.put(chunksOf(), { maxBytes: 0 });
    assert.deepEqual(stored, { sha256: EMPTY_SHA256, byteSize: 0, head: Buffer.alloc(0) });
    assert.deepEqual(await storage.stat(EMPTY_SHA256), { byteSize: 0 });
  });

  test('the same content twice is stored once and no temp file stays behind', async () => {
    const first = await storage.put(chunksOf('same bytes'), { maxBytes: 100 });
    const second = await storage.put(chunksOf('same ', 'bytes'), { maxBytes: 100 });
    const [third, fourth] = await Promise.all([
      storage.put(chunksOf('same bytes'), { maxBytes: 100 }),
      storage.put(chunksOf('same bytes'), { maxBytes: 100 }),
    ]);
    for (const other of [second, third, fourth]) assert.equal(other.sha256, first.sha256);
    assert.deepEqual(await filesUnder(root), [path.join('sha256', first.sha256.slice(0, 2), first.sha256)]);
  });

  test('exactly maxBytes is accepted; one byte more is 413 and stores nothing', async () => {
    assert.equal((await storage.put(chunksOf('12345'), { maxBytes: 5 })).byteSize, 5);
    await storage.delete(sha256('12345'));
    await assert.rejects(storage.put(chunksOf('123', '456'), { maxBytes: 5 }), (error: unknown) => {
      assert.ok(error instanceof FileTooLargeError);
      assert.equal(error.status, 413);
      assert.equal(error.code, 'payload_too_large');
      assert.deepEqual(error.details, { file: ['validation.fileTooLarge'] });
      return true;
    });
    assert.deepEqual(await filesUnder(root), []);
  });

  test('over the limit it stops reading the source at once', async () => {
    let pulled = 0;
    let destroyed = false;
    const source = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024, 0x61));
      },
      destroy(error, callback) {
        destroyed = true;
        callback(error);
      },
    });
    await assert.rejects(storage.put(source, { maxBytes: 10 * 1024 }), FileTooLargeError);
    assert.ok(pulled < 64, `pulled ${pulled} chunks`);
    assert.equal(destroyed, true);
    assert.deepEqual(await filesUnder(root), []);
  });

  test('a failing source leaves neither the file nor a temp file', async () => {
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      throw new Error('connection reset');
    }
    await assert.rejects(storage.put(failing(), { maxBytes: 1_000_000 }), /connection reset/);
    const erroring = new Readable({ read() {} });
    erroring.push('partial data');
    setImmediate(() => erroring.destroy(new Error('client aborted')));
    await assert.rejects(storage.put(erroring, { maxBytes: 1_000_000 }), /client aborted/);
    assert.deepEqual(await filesUnder(root), []);
  });

  test('reads a byte range (inclusive) and deletes', async () => {
    const stored = await storage.put(chunksOf('0123456789'), { maxBytes: 100 });
    assert.equal((await readAll(storage.createReadStream(stored.sha256, { start: 2, end: 5 }))).toString(), '2345');
    assert.equal((await readAll(storage.createReadStream(stored.sha256, { start: 9, end: 9 }))).toString(), '9');
    assert.throws(() => storage.createReadStream(stored.sha256, { start: 5, end: 2 }), RangeError);
    await storage.delete(stored.sha256);
    assert.equal(await storage.exists(stored.sha256), false);
    assert.equal(await storage.stat(stored.sha256), undefined);
    await storage.delete(stored.sha256); // deleting twice is fine
    await assert.rejects(readAll(storage.createReadStream(stored.sha256)), { code: 'ENOENT' });
  });

  test('malformed keys are not found: no path traversal', async () => {
    const outside = path.join(root, 'secret.txt');
    await fs.writeFile(outside, 'do not read');
    const stored = await storage.put(chunksOf('inside'), { maxBytes: 100 });
    const attempts = [
      '../secret.txt',
      '../../secret.txt',
      `../sha256/${stored.sha256.slice(0, 2)}/${stored.sha256}`,
      stored.sha256.toUpperCase(),
      `${stored.sha256}/`,
      stored.sha256.slice(0, 63),
      `${stored.sha256.slice(0, 62)}/.`,
      '',
    ];
    for (const key of attempts) {
      assert.equal(await storage.stat(key), undefined, key);
      assert.equal(await storage.exists(key), false, key);
      await assert.rejects(readAll(storage.createReadStream(key)), { code: 'ENOENT' }, key);
      await storage.delete(key);
    }
    assert.equal(await fs.readFile(outside, 'utf8'), 'do not read');
    assert.equal(await storage.exists(stored.sha256), true);
  });
});
