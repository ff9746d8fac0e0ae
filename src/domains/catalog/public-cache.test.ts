// The anonymous answer cache: no query while the catalog version is fresh, one shared read after,
// re-rendering when the version moved, and nothing cached when rendering fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRESH_MS, createPublicCache } from './public-cache.js';

test('reads the version at most once per FRESH_MS and re-renders only when it moved', async () => {
  let now = 0;
  let version = 'v1';
  let reads = 0;
  let renders = 0;
  const cache = createPublicCache(async () => {
    reads++;
    return version;
  }, { now: () => now });
  const render = async () => ({ body: `body ${++renders}`, etag: `"e${renders}"` });

  assert.equal((await cache.answer('a', render)).body, 'body 1');
  await Promise.all([cache.answer('a', render), cache.answer('a', render)]);
  now += FRESH_MS - 1;
  assert.equal((await cache.answer('a', render)).body, 'body 1');
  assert.equal(reads, 1, 'a fresh version needs no query');
  now += 2;
  version = 'v2';
  assert.equal((await cache.answer('a', render)).body, 'body 2', 'a newer catalog renders again');
  assert.equal(reads, 2);
  assert.equal((await cache.answer('b', render)).body, 'body 3');
  cache.clear();
  assert.equal((await cache.answer('a', render)).body, 'body 4', 'clear() drops everything');
  assert.equal(reads, 3, 'and reads the version again');
});

test('concurrent requests share one version read', async () => {
  let reads = 0;
  const cache = createPublicCache(async () => {
    reads++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return 'v';
  });
  await Promise.all(Array.from({ length: 10 }, (_, i) => cache.answer(`k${i}`, async () => ({ body: 'x', etag: '"x"' }))));
  assert.equal(reads, 1);
});

test('a failed render caches nothing', async () => {
  const cache = createPublicCache(async () => 'v', { now: () => 0 });
  await assert.rejects(cache.answer('y', async () => { throw new Error('not found'); }), /not found/);
  let rendered = false;
  await cache.answer('y', async () => {
    rendered = true;
    return { body: 'b', etag: '"e"' };
  });
  assert.equal(rendered, true);
});
