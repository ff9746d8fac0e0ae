// Rendered answers for anonymous visitors (a dataset's API JSON and its page), kept in memory.
// An answer is served as is for FRESH_MS after it was last checked; after that one indexed query
// reads the dataset's fingerprint — everything the answer depends on (its revision and status, its
// organisation, the data services that serve it, its series) — and the answer is rendered again
// only if that changed. Writes in this process clear the cache at once (app.ts subscribes to
// catalog.resourceChanged); writes by other processes show within FRESH_MS, inside the contract's
// "visible to every process within one second".
import { LRUCache } from 'lru-cache';

export const FRESH_MS = 500;

export interface Answer {
  body: string;
  etag: string;
}

interface CachedAnswer extends Answer {
  fingerprint: string;
  checkedAt: number;
}

export interface PublicCache {
  /** The answer for `key` (e.g. 'api:<slug>'), rendered by `render` when missing or changed. */
  answer(key: string, idOrSlug: string, render: () => Promise<Answer>): Promise<Answer>;
  clear(): void;
}

/** At most `entries` answers (a few kB each), least recently used dropped first. */
export function createPublicCache(fingerprint: (idOrSlug: string) => Promise<string | undefined>, options: { entries?: number; now?: () => number } = {}): PublicCache {
  const clockMs = options.now ?? (() => performance.now());
  const store = new LRUCache<string, CachedAnswer>({ max: options.entries ?? 5_000 });
  return {
    async answer(key, idOrSlug, render) {
      const now = clockMs();
      const hit = store.get(key);
      if (hit && now - hit.checkedAt < FRESH_MS) return hit;
      const current = await fingerprint(idOrSlug);
      if (hit && current === hit.fingerprint) {
        hit.checkedAt = now;
        return hit;
      }
      // Renders for an anonymous visitor: throws 404/410 for anything not public, so only public answers are kept.
      const rendered = await render();
      if (current) store.set(key, { ...rendered, fingerprint: current, checkedAt: now });
      return rendered;
    },
    clear: () => store.clear(),
  };
}
