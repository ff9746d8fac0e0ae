// ALLMANNING_SEARCH_INDEX picks the index the app searches with: by default the database's own
// (PostgreSQL's full-text search on PostgreSQL, the embedded index on SQLite), and the embedded
// index on PostgreSQL when asked — the same searches answered either way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { buildTestApp } from '../../../test/support/test-app.js';
import { testDialect } from '../../../test/support/test-database.js';

for (const [setting, expected] of [
  [undefined, testDialect === 'postgres' ? 'postgres' : 'embedded'],
  ['auto', testDialect === 'postgres' ? 'postgres' : 'embedded'],
  ['embedded', 'embedded'],
] as const) {
  test(`ALLMANNING_SEARCH_INDEX=${setting ?? '(unset)'} on ${testDialect}: the ${expected} index answers`, async (t) => {
    const app = await buildTestApp(setting ? { env: { ALLMANNING_SEARCH_INDEX: setting } } : {});
    t.after(() => app.close());
    const { search } = domainsOf(app.deps).search;
    assert.equal(domainsOf(app.deps).search.index.kind, expected);
    const result = await search.search(anonymous, { q: 'vatten', filters: {}, sort: 'relevance', limit: 20, offset: 0, locale: 'sv' });
    assert.equal(result.total, 0, 'an empty catalog answers, with nothing');
  });
}
