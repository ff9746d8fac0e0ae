// Serving a stored file over HTTP: validators, conditional and range requests, a download name
// that survives any language, and headers that stop browsers from guessing what the bytes are.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors.js';
import type { FileStorage } from '../storage/index.js';
import { parseRangeHeader, type RangeRequest } from './range-header.js';

export const DEFAULT_FILE_CACHE_CONTROL = 'public, max-age=3600';

/** A stored file as the catalog describes it. */
export interface SendableFile {
  sha256: string;
  /** The size the catalog recorded; the stored file's own size is used (they are the same bytes). */
  byteSize: number;
  /** Sent as given: `text/csv; charset=utf-8` only when the caller knows the charset. */
  mediaType: string;
  /** The name a browser saves the file as; any language, path parts are dropped. */
  fileName: string;
  /**
   * 'attachment' (default) downloads; 'inline' lets the browser show it (PDF, images). HTML, SVG
   * and XML always download: shown from our origin they could run scripts.
   */
  disposition?: 'attachment' | 'inline';
  /** Overrides the Cache-Control default (a header set on the reply earlier wins over the default too). */
  cacheControl?: string;
}

/**
 * Answers a GET or HEAD for a stored file. 200 with the whole file; 304 when If-None-Match
 * matches the ETag; 206 for one satisfiable byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`) unless
 * If-Range names another version; 416 for an unsatisfiable range. Requests for several ranges get
 * the whole file with 200 (allowed by RFC 9110; multipart/byteranges is not worth its risks).
 * HEAD gets the same headers and no body, without opening the file. A file missing from storage
 * throws NotFoundError before anything is sent.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: FileStorage,
  file: SendableFile,
): Promise<FastifyReply> {
  const stored = await storage.stat(file.sha256);
  if (!stored) throw new NotFoundError();
  const size = stored.byteSize;
  // The content hash names exactly these bytes, so it is a strong validator for free.
  const etag = `"${file.sha256}"`;
  const presetCacheControl = reply.getHeader('cache-control');
  reply.header('ETag', etag);
  reply.header('Cache-Control', file.cacheControl ?? (typeof presetCacheControl === 'string' ? presetCacheControl : DEFAULT_FILE_CACHE_CONTROL));
  if (ifNoneMatchMatches(headerValue(request.headers['if-none-match']), etag)) return reply.code(304).send();

  reply.header('Accept-Ranges', 'bytes');
  reply.header('X-Content-Type-Options', 'nosniff');
  const range: RangeRequest = ifRangeAllows(headerValue(request.headers['if-range']), etag)
    ? parseRangeHeader(headerValue(request.headers.range), size)
    : { kind: 'none' };
  if (range.kind === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${size}`).send();
  }

  reply.type(file.mediaType);
  reply.header('Content-Disposition', contentDisposition(file.fileName, safeDisposition(file)));
  if (range.kind === 'range') {
    reply.code(206);
    reply.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    reply.header('Content-Length', String(range.end - range.start + 1));
  } else {
    reply.code(200);
    reply.header('Content-Length', String(size));
  }
  // An empty stream for HEAD: Fastify's HEAD handling would otherwise read the whole file to
  // discard it, and an undefined body would make it rewrite Content-Length to 0.
  if (request.method === 'HEAD') return reply.send(Readable.from([]));
  return reply.send(storage.createReadStream(file.sha256, range.kind === 'range' ? range : undefined));
}

/**
 * A Content-Disposition value after RFC 6266: a plain-ASCII `filename` for old clients and, when
 * the name needs more, `filename*=UTF-8''…` (RFC 8187/5987), which every current browser prefers.
 * "Förskolor 2024.csv" → attachment; filename="Forskolor 2024.csv"; filename*=UTF-8''F%C3%B6rskolor%202024.csv
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = baseName(fileName);
  const fallback = asciiFallback(name);
  const parts = [type, `filename="${fallback}"`];
  if (fallback !== name) parts.push(`filename*=UTF-8''${encodeRfc8187(name)}`);
  return parts.join('; ');
}

/** HTML, SVG and XML can run scripts when shown from our origin: they always download. */
function safeDisposition(file: SendableFile): 'attachment' | 'inline' {
  if (file.disposition !== 'inline') return 'attachment';
  const type = (file.mediaType.split(';')[0] ?? '').trim().toLowerCase();
  const scriptable = type === 'text/html' || type.endsWith('/xml') || type.endsWith('+xml');
  return scriptable ? 'attachment' : 'inline';
}

function baseName(fileName: string): string {
  // Control characters could split the header; path parts are not ours to suggest.
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, '').split(/[/\\]/).pop()?.trim() ?? '';
  return name === '' || name === '.' || name === '..' ? 'download' : name;
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // å → a, é → e: the accents NFKD split off
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_'); // no quoted-pair escapes (browsers disagree on them); % can look pre-encoded
  return ascii.trim() === '' ? 'download' : ascii;
}

function encodeRfc8187(value: string): string {
  // encodeURIComponent leaves ' ( ) * unescaped, but they are not attr-chars in RFC 8187.
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A header sent several times is one comma-separated list (RFC 9110 §5.3). */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; * matches any existing file. */
function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * If-Range uses the strong comparison: a range is served only for exactly this version. A date
 * never matches — we send no Last-Modified, so a client cannot hold a date we could validate.
 */
function ifRangeAllows(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}
