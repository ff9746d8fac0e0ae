// Fetching what users point us at (imports by URL, harvests, link checks) without letting them point
// us at ourselves: http and https only; every address a host name resolves to is checked, and
// private, loopback, link-local and other non-public addresses are refused unless
// ALLMANNING_FETCH_ALLOW_PRIVATE lists the host or a CIDR holding the address. The check happens in
// the connection's own DNS lookup, so the address checked is the address connected to (no DNS
// rebinding between check and use). Each redirect is checked the same way. An overall timeout,
// a byte limit (also on the decompressed body) and a redirect limit bound every fetch.
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export type FetchProblem = 'bad_url' | 'refused' | 'too_large' | 'timeout' | 'too_many_redirects' | 'http_status' | 'network';

/** A fetch that did not give a body: the message is one line for people. */
export class FetchError extends Error {
  constructor(
    readonly problem: FetchProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface GuardedFetchOptions {
  /** Hosts, addresses or CIDRs that may be reached although they are not public (config.fetchAllowPrivate). */
  allowPrivate?: readonly string[];
  /** For the whole fetch, redirects and body included (default 60 s). */
  timeoutMs?: number;
  /** Largest body, after decompression (default 100 MB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  headers?: Record<string, string>;
}

export interface FetchedBody {
  /** The final URL (after redirects). */
  url: string;
  status: number;
  contentType: string | undefined;
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Addresses that are not on the public internet (RFC 6890 and friends). */
const nonPublic = (() => {
  const list = new net.BlockList();
  for (const [address, prefix] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) list.addSubnet(address, prefix, 'ipv4');
  for (const [address, prefix] of [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
    list.addSubnet(address, prefix, 'ipv6');
  }
  return list;
})();

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as IPv4. */
function plainAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

export function isPublicAddress(address: string): boolean {
  const plain = plainAddress(address);
  return !nonPublic.check(plain.address, plain.family);
}

/** The allow-list: host names (exact, case-insensitive) and addresses or CIDRs. */
export function allowListOf(entries: readonly string[]): { host(name: string): boolean; address(ip: string): boolean } {
  const hosts = new Set<string>();
  const cidrs = new net.BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (!entry) continue;
    const [address, prefix] = entry.split('/');
    const family = net.isIPv4(address!) ? 'ipv4' : net.isIPv6(address!) ? 'ipv6' : undefined;
    if (!family) hosts.add(entry);
    else if (prefix === undefined) cidrs.addAddress(address!, family);
    else cidrs.addSubnet(address!, Number(prefix), family);
  }
  return {
    host: (name) => hosts.has(name.toLowerCase().replace(/^\[(.*)\]$/, '$1')),
    address: (ip) => {
      const plain = plainAddress(ip);
      return cidrs.check(plain.address, plain.family);
    },
  };
}

function checkAddress(host: string, address: string, allow: ReturnType<typeof allowListOf>): void {
  if (isPublicAddress(address) || allow.host(host) || allow.address(address)) return;
  throw new FetchError('refused', `refusing to fetch from ${host}: ${address} is a private or loopback address (allow it with ALLMANNING_FETCH_ALLOW_PRIVATE)`);
}

function parseUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('bad_url', `not a valid URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad_url', `only http and https URLs can be fetched: ${input}`);
  if (url.username || url.password) throw new FetchError('bad_url', 'URLs with a user name or password are not fetched');
  return url;
}

/** Counts bytes through a stream and fails it past the limit. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new FetchError('too_large', `the response is larger than ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** One request without following redirects; the response's body is left unread. */
function requestOnce(url: URL, options: Required<Pick<GuardedFetchOptions, 'allowPrivate'>> & GuardedFetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const allow = allowListOf(options.allowPrivate);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(host)) checkAddress(host, host, allow);
  const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      try {
        for (const entry of list) checkAddress(hostname, entry.address, allow);
      } catch (refused) {
        return callback(refused as Error, '', 4);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 4);
      callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      headers: { 'user-agent': 'Allmanning', 'accept-encoding': 'gzip, deflate, br', ...(options.headers ?? {}) },
      lookup,
      signal,
      agent: false,
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

/**
 * Fetches `input`, following at most `maxRedirects` redirects (each target checked again). Answers
 * the body as a stream (decompressed, limited); a status outside 2xx is a FetchError.
 */
export async function guardedFetch(input: string, options: GuardedFetchOptions = {}): Promise<FetchedBody> {
  const settings = { allowPrivate: options.allowPrivate ?? [], ...options };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FetchError('timeout', `no complete answer from ${input} within ${timeoutMs} ms`)), timeoutMs);
  timer.unref();
  const fail = (error: unknown): never => {
    clearTimeout(timer);
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted && controller.signal.reason instanceof FetchError) throw controller.signal.reason;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FetchError) throw cause;
    throw new FetchError('network', `could not fetch ${input}: ${(error as Error).message}`);
  };
  try {
    let url = parseUrl(input);
    for (let hop = 0; ; hop++) {
      const response = await requestOnce(url, settings, controller.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status) && response.headers.location) {
        response.resume();
        if (hop >= maxRedirects) throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects from ${input}`);
        url = parseUrl(new URL(response.headers.location, url).toString());
        continue;
      }
      if (status < 200 || status > 299) {
        response.resume();
        throw new FetchError('http_status', `${url} answered HTTP ${status}`, status);
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw new FetchError('too_large', `${url} is larger than ${maxBytes} bytes`);
      }
      const decoder = decoderFor(response.headers['content-encoding']);
      const limit = byteLimit(maxBytes);
      (decoder ? response.pipe(decoder) : response).pipe(limit);
      // Errors of the parts reach the stream the caller reads.
      response.on('error', (error) => limit.destroy(error));
      decoder?.on('error', (error) => limit.destroy(error));
      limit.on('close', () => clearTimeout(timer));
      controller.signal.addEventListener('abort', () => limit.destroy(controller.signal.reason as Error), { once: true });
      return { url: url.toString(), status, contentType: response.headers['content-type'], body: limit };
    }
  } catch (error) {
    return fail(error);
  }
}

/** Fetches `input` into `file` (created or replaced); the same checks and limits. */
export async function guardedFetchToFile(input: string, file: string, options: GuardedFetchOptions = {}): Promise<Omit<FetchedBody, 'body'> & { bytes: number }> {
  const fetched = await guardedFetch(input, options);
  let bytes = 0;
  fetched.body.on('data', (chunk: Buffer) => (bytes += chunk.length));
  try {
    await pipeline(fetched.body, fs.createWriteStream(file));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    if (error instanceof FetchError) throw error;
    throw new FetchError('network', `could not fetch ${input}: ${(error as Error).message}`);
  }
  return { url: fetched.url, status: fetched.status, contentType: fetched.contentType, bytes };
}
