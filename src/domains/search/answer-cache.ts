// Answers of the PostgreSQL search index, kept while the catalog does not change. At 100,000
// datasets PostgreSQL needs seconds for a word that matches most of the catalog (and for the empty
// browse query) to find the matches, count nine facets and rank them (docs/performance.md →
// Search); the same question asked again is answered from here.
// Freshness is the contract's: a change made in this process clears the answers at once
// (invalidate(), from the catalog's change event); a change made by another process moves the
// catalog version, read at most every FRESH_MS, which clears them. Evaluations in flight are shared,
// so many visitors asking the same question at once cost one evaluation.
import { LRUCache } from 'lru-cache';
import type { SearchRequest, SearchResult } from './search.model.js';

export const FRESH_MS = 250;

/** What makes two requests the same question. */
export function requestKey(request: SearchRequest): string {
  return JSON.stringify([request.q, request.filters, request.sort, request.limit, request.offset, request.locale, request.scope, request.facetSize, request.filterMode ?? 'any', request.reverse === true]);
}

export class VersionedAnswerCache {
  private answers = new LRUCache<string, Promise<SearchResult>>({ max: 500 });
  private knownVersion: string | undefined;
  private checkedAt = -Infinity;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly version: () => Promise<string>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async answer(request: SearchRequest, evaluate: () => Promise<SearchResult>): Promise<SearchResult> {
    await this.checkVersion();
    const key = requestKey(request);
    let answer = this.answers.get(key);
    if (!answer) {
      answer = evaluate();
      this.answers.set(key, answer);
      // A failed evaluation is not an answer: the next request tries again.
      answer.catch(() => {
        if (this.answers.get(key) === answer) this.answers.delete(key);
      });
    }
    return answer;
  }

  /** A change in this process: nothing cached so far may be answered again. */
  invalidate(): void {
    this.answers.clear();
    this.checkedAt = -Infinity;
  }

  private async checkVersion(): Promise<void> {
    if (this.now() - this.checkedAt < FRESH_MS) return;
    this.checking ??= this.version()
      .then((version) => {
        if (version !== this.knownVersion) this.answers.clear();
        this.knownVersion = version;
        this.checkedAt = this.now();
      })
      .finally(() => {
        this.checking = undefined;
      });
    await this.checking;
  }
}
