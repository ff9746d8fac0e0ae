// The PostgreSQL index's answer cache: one evaluation per question while the catalog version stands,
// shared by concurrent askers; a new version (read at most every FRESH_MS), an invalidation or a
// failure means evaluating again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRESH_MS, VersionedAnswerCache } from './answer-cache.js';
import type { SearchRequest, SearchResult } from './search.model.js';

const request = (q: string): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 20, offset: 0, locale: 'sv', scope: { insiderOf: [] } });
const result = (total: number) => ({ total }) as unknown as SearchResult;

test('answers are kept per catalog version; changes here or elsewhere, and failures, are never served stale', async () => {
  let clock = 0;
  let version = 'v1';
  let versionReads = 0;
  const cache = new VersionedAnswerCache(
    async () => {
      versionReads++;
      return version;
    },
    () => clock,
  );
  let evaluations = 0;
  const evaluate = (total: number) => async () => {
    evaluations++;
    return result(total);
  };

  const [a, b] = await Promise.all([cache.answer(request('skola'), evaluate(1)), cache.answer(request('skola'), evaluate(1))]);
  assert.equal(evaluations, 1, 'concurrent askers share one evaluation');
  assert.equal(a, b);
  assert.equal(versionReads, 1, 'one version read for both');
  assert.equal((await cache.answer(request('skola'), evaluate(2))).total, 1, 'the same question: the kept answer');
  assert.equal((await cache.answer({ ...request('skola'), locale: 'en' }, evaluate(3))).total, 3, 'another language is another question');

  version = 'v2'; // another process wrote
  clock += FRESH_MS - 1;
  assert.equal((await cache.answer(request('skola'), evaluate(4))).total, 1, 'the version is read again only after FRESH_MS');
  clock += 1;
  assert.equal((await cache.answer(request('skola'), evaluate(5))).total, 5, 'a new version: evaluated again');

  cache.invalidate(); // this process wrote
  assert.equal((await cache.answer(request('skola'), evaluate(6))).total, 6, 'after an invalidation: evaluated again, at once');

  await assert.rejects(cache.answer(request('trasig'), async () => Promise.reject(new Error('database gone'))));
  assert.equal((await cache.answer(request('trasig'), evaluate(7))).total, 7, 'a failure is not kept');
});
