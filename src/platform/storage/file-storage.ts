// Content-addressed file storage: every stored file is named by the SHA-256 of its bytes, so the
// same file uploaded twice is stored once and a name can never point at changed content.
// `createLocalFileStorage` (local-file-storage.ts) keeps the files on disk; an S3-compatible
// implementation can follow the same interface (put = multipart upload to a temporary key while
// hashing, then copy to `sha256/<hex>`; ranged reads map to GetObject with a Range header).
import { AppError } from '../errors.js';

/** How many leading bytes `put` keeps in `StoredFile.head` for media-type sniffing and previews. */
export const HEAD_BYTES = 64 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What `put` learned while storing a file. */
export interface StoredFile {
  /** The SHA-256 of the content, 64 lowercase hex digits: the file's key. */
  sha256: string;
  byteSize: number;
  /** The first HEAD_BYTES bytes (all of them for a smaller file). */
  head: Buffer;
}

/** An inclusive byte range, as in HTTP: { start: 0, end: 0 } is the first byte. */
export interface ByteRange {
  start: number;
  end: number;
}

export type FileSource = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream;

export interface FileStorage {
  /**
   * Streams `source` into storage while hashing it, never holding the whole file in memory.
   * More than `maxBytes` bytes: stops reading (the source is destroyed), stores nothing and throws
   * FileTooLargeError. Any other failure also leaves nothing behind and rethrows. Storing content
   * that is already stored is a no-op that returns the same key. An empty source is a valid file.
   */
  put(source: FileSource, options: { maxBytes: number }): Promise<StoredFile>;
  /** The stored file's size, or undefined when there is none (or the key is malformed). */
  stat(sha256: string): Promise<{ byteSize: number } | undefined>;
  /**
   * The file's bytes, or only `range` (inclusive). A missing file or malformed key makes the stream
   * fail with an error whose `code` is 'ENOENT'; callers that need a clean 404 call `stat` first.
   */
  createReadStream(sha256: string, range?: ByteRange): NodeJS.ReadableStream;
  /** Removes the file; deleting a missing file (or a malformed key) does nothing. */
  delete(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
}

/**
 * 413 payload_too_large naming the `file` field, so a form can show it next to the file input and
 * the API returns { details: { file: ['validation.fileTooLarge'] } }.
 */
export class FileTooLargeError extends AppError {
  readonly status = 413;
  constructor(readonly maxBytes?: number) {
    super('payload_too_large', 'The file is too large.', { file: ['validation.fileTooLarge'] });
  }
}

/**
 * True for a well-formed key: exactly 64 lowercase hex digits. Every storage method checks this
 * before building a path or object key from it, which rules out path traversal ('../', '/', '\').
 */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
