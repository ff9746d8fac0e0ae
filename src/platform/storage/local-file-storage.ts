// FileStorage on the local disk. Layout under the root directory:
//   sha256/<first 2 hex>/<64 hex>   the files (256 shards keep directories small)
//   tmp/<uuid>.part                 uploads in progress; renamed into place when complete
// tmp/ lives inside the root so the final rename never crosses a file system: it is atomic, and a
// reader sees either no file or the whole file.
import { once } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  FileTooLargeError,
  HEAD_BYTES,
  isSha256Hex,
  type ByteRange,
  type FileSource,
  type FileStorage,
  type StoredFile,
} from './file-storage.js';

/** The local-disk FileStorage; the app passes `<dataDir>/files`. */
export function createLocalFileStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const tmpDir = path.join(root, 'tmp');
  // Only ever called with a validated key, so the path cannot leave the root.
  const fileOf = (sha256: string) => path.join(root, 'sha256', sha256.slice(0, 2), sha256);

  async function stat(sha256: string): Promise<{ byteSize: number } | undefined> {
    if (!isSha256Hex(sha256)) return undefined;
    try {
      const info = await fs.stat(fileOf(sha256));
      return info.isFile() ? { byteSize: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    async put(source, { maxBytes }) {
      if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError('maxBytes must be a non-negative integer');
      // A stream that fails while we create the directory must not crash the process with an
      // unhandled 'error'; pipeline sees the stream's error state and rejects with it anyway.
      const ignoreEarlyError = () => {};
      if (isEmitter(source)) source.on('error', ignoreEarlyError);
      const temp = path.join(tmpDir, `${randomUUID()}.part`);
      let stored: StoredFile;
      try {
        await fs.mkdir(tmpDir, { recursive: true });
        stored = await writeHashed(source, temp, maxBytes);
      } catch (error) {
        // Too large, a failing source or a full disk: nothing of this upload may stay behind.
        await fs.rm(temp, { force: true });
        throw error;
      } finally {
        if (isEmitter(source)) source.off('error', ignoreEarlyError);
      }
      const { sha256 } = stored;
      const target = fileOf(sha256);
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // Same name = same bytes: an existing file is kept and the new copy dropped.
        if (await stat(sha256)) await fs.rm(temp, { force: true });
        else await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      return stored;
    },

    stat,

    createReadStream(sha256, range) {
      if (!isSha256Hex(sha256)) return missingFileStream();
      if (range) assertRange(range);
      return createReadStream(fileOf(sha256), range ? { start: range.start, end: range.end } : {});
    },

    async delete(sha256) {
      if (!isSha256Hex(sha256)) return;
      await fs.rm(fileOf(sha256), { force: true });
    },

    async exists(sha256) {
      return (await stat(sha256)) !== undefined;
    },
  };
}

/** Copies `source` to `temp`, hashing and keeping the head on the way; throws past `maxBytes`. */
async function writeHashed(source: FileSource, temp: string, maxBytes: number): Promise<StoredFile> {
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headSize = 0;
  let byteSize = 0;
  // flush: fsync before close, so a crash after the rename cannot leave a short file under a
  // name that promises its content.
  const out = createWriteStream(temp, { flags: 'wx', flush: true });
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer | Uint8Array | string>) {
      for await (const chunk of chunks) {
        const bytes = toBuffer(chunk);
        byteSize += bytes.length;
        // Throwing here makes pipeline destroy the source: we stop reading at once.
        if (byteSize > maxBytes) throw new FileTooLargeError(maxBytes);
        hash.update(bytes);
        if (headSize < HEAD_BYTES) {
          const part = Buffer.from(bytes.subarray(0, HEAD_BYTES - headSize)); // a copy: sources may reuse buffers
          headParts.push(part);
          headSize += part.length;
        }
        yield bytes;
      }
    },
    out,
  ).catch(async (error: unknown) => {
    // pipeline can give up while the file is still being opened; it appears once the open
    // completes. Wait for the close, so the caller's clean-up finds (and removes) it.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw error;
  });
  return { sha256: hash.digest('hex'), byteSize, head: Buffer.concat(headParts, headSize) };
}

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function assertRange({ start, end }: ByteRange): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}

function isEmitter(source: FileSource): source is NodeJS.ReadableStream {
  return typeof (source as Partial<NodeJS.ReadableStream>).on === 'function' && typeof (source as Partial<NodeJS.ReadableStream>).off === 'function';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The stream a read of an unknown or malformed key returns: it fails like a missing file does. */
function missingFileStream(): NodeJS.ReadableStream {
  const error = Object.assign(new Error('No stored file has this key.'), { code: 'ENOENT' });
  return new Readable({
    read() {
      this.destroy(error);
    },
  });
}
