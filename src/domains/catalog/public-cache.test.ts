// The anonymous answer cache: fresh answers without a query, then revalidation by fingerprint,
// and nothing cached when rendering fails (a private or deleted dataset).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRESH_MS, createPublicCache } from './public-cache.js';

test('serves fresh answers without queries, revalidates by fingerprint, re-renders on change', async () => {
  let now = 0;
  let fingerprint = 'a|1';
  let fingerprintCalls = 0;
  let renders = 0;
  const cache = createPublicCache(async () => {
    fingerprintCalls++;
    return fingerprint;
  }, { now: () => now });
  const render = async () => ({ body: `body ${++renders}`, etag: `"e${renders}"` });

  assert.equal((await cache.answer('api:x', 'x', render)).body, 'body 1');
  now += FRESH_MS - 1;
  assert.equal((await cache.answer('api:x', 'x', render)).body, 'body 1');
  assert.equal(fingerprintCalls, 1, 'a fresh answer needs no query');
  now += 2;
  assert.equal((await cache.answer('api:x', 'x', render)).body, 'body 1');
  assert.equal(fingerprintCalls, 2, 'a stale answer is revalidated');
  assert.equal(renders, 1);
  now += FRESH_MS;
  fingerprint = 'a|2';
  assert.equal((await cache.answer('api:x', 'x', render)).body, 'body 2', 'a changed dataset is rendered again');
  cache.clear();
  assert.equal((await cache.answer('api:x', 'x', render)).body, 'body 3', 'clear() drops everything');
});

test('a failed render caches nothing', async () => {
  const cache = createPublicCache(async () => 'f', { now: () => 0 });
  await assert.rejects(cache.answer('api:y', 'y', async () => { throw new Error('not found'); }), /not found/);
  let rendered = false;
  await cache.answer('api:y', 'y', async () => {
    rendered = true;
    return { body: 'b', etag: '"e"' };
  });
  assert.equal(rendered, true);
});
