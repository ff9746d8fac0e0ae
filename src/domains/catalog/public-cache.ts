// Rendered answers for anonymous visitors (dataset JSON and pages, lists), kept in memory per
// process and tagged with the catalog version they were rendered at: the catalog's change counter
// (raised in the transaction of every catalog write, by any process) plus the latest organisation
// change. The version is read at most once per FRESH_MS, shared by every request, so a cached answer
// costs no query at all; an answer rendered at an older version is rendered again. Writes in this
// process also clear the cache at once (app.ts subscribes to catalog.resourceChanged); writes by
// other processes show within FRESH_MS — inside the contract's "visible everywhere within one second".
import { LRUCache } from 'lru-cache';

export const FRESH_MS = 250;

export interface Answer {
  body: string;
  etag: string;
  /** A Link header that goes with the body (lists). */
  link?: string;
}

/** An answer as kept: its body also as UTF-8 bytes, which a socket takes without encoding again. */
export interface CachedAnswer extends Answer {
  bytes: Buffer;
}

interface StoredAnswer extends CachedAnswer {
  version: string;
}

export interface PublicCache {
  /** The answer for `key` (e.g. 'api:<url>'), rendered by `render` when missing or older than the catalog. */
  answer(key: string, render: () => Promise<Answer>): Promise<CachedAnswer>;
  clear(): void;
}

/** At most `entries` answers (a few kB each), least recently used dropped first. */
export function createPublicCache(readVersion: () => Promise<string>, options: { entries?: number; now?: () => number } = {}): PublicCache {
  const clockMs = options.now ?? (() => performance.now());
  const store = new LRUCache<string, StoredAnswer>({ max: options.entries ?? 5_000 });
  let known: { version: string; at: number } | undefined;
  let reading: Promise<string> | undefined;

  /** The catalog version, read again when the last reading is older than FRESH_MS (one read in flight). */
  async function currentVersion(): Promise<string> {
    if (known && clockMs() - known.at < FRESH_MS) return known.version;
    reading ??= readVersion()
      .then((version) => {
        known = { version, at: clockMs() };
        return version;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  return {
    async answer(key, render) {
      const version = await currentVersion();
      const hit = store.get(key);
      if (hit && hit.version === version) return hit;
      // Rendered for an anonymous visitor: anything not public throws (404/410) and is not kept.
      const answer = await render();
      const rendered = { ...answer, bytes: Buffer.from(answer.body) };
      store.set(key, { ...rendered, version });
      return rendered;
    },
    clear() {
      store.clear();
      known = undefined;
    },
  };
}
