// Rendered answers for anonymous visitors (the dataset's API JSON and its page), kept in memory and
// validated on every request by a fingerprint: one indexed query that reads everything the answer
// depends on (the dataset's revision and status, its organisation, the data services that serve it,
// its series). A change made by any process changes the fingerprint, so a cached answer is never
// served after a write — the "visible everywhere within one second" contract holds without TTLs.
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  fingerprint: string;
  body: string;
  etag: string;
}

export type PublicCache = LRUCache<string, CachedAnswer>;

/** At most `entries` answers (about 5–50 kB each), least recently used dropped first. */
export function createPublicCache(entries = 5_000): PublicCache {
  return new LRUCache<string, CachedAnswer>({ max: entries });
}
