// Two app instances on one database (as two web processes, or a web process and the CLI): a
// publish, an edit and a delete made by one are searchable at once in the instance that made them
// and within one second in the other, which learns of them only through the database. SQLite (a
// file) and PostgreSQL (TEST_DATABASE_URL, one schema).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { createDatabase } from '../../db/index.js';
import { createDeps } from '../../deps.js';
import { domainsOf } from '../../domains.js';
import { anonymous } from '../../platform/auth/actor.js';
import { registerSubscribers } from '../../app.js';
import { testConfig } from '../../../test/support/test-app.js';
import { createTestDatabase, testDialect } from '../../../test/support/test-database.js';
import type { Kysely } from 'kysely';
import { createSearchDomain, type SearchTables } from './index.js';
import { addMember, createOrg, createUser } from '../organizations/testing.js';

const CONFIRMED = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Both implementations on PostgreSQL; the embedded one on SQLite. */
const backends = testDialect === 'postgres' ? (['postgres', 'embedded'] as const) : (['embedded'] as const);

for (const backend of backends) test(`${backend}: writes by one instance are found by another within one second`, { timeout: 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-search-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sqliteFile = path.join(dir, 'allmanning.sqlite');
  // Instance A: a migrated database (a file on SQLite) with the app's event subscribers. Instance B:
  // its own connection, deps and index, sharing nothing with A but the database.
  const database = await createTestDatabase({ sqliteFile });
  t.after(() => database.close());
  const first = { deps: createDeps(testConfig({ ALLMANNING_DATA_DIR: dir }), { database, log: pino({ level: 'silent' }) }) };
  registerSubscribers(first.deps);
  const { databaseUrl, pgSchema } = database.connection;
  const otherDatabase = databaseUrl ? createDatabase({ databaseUrl, ...(pgSchema ? { pgSchema } : {}), poolSize: 2 }) : createDatabase({ sqliteFile });
  t.after(() => otherDatabase.close());
  const other = createDeps(testConfig({ ALLMANNING_DATA_DIR: dir }), { database: otherDatabase, log: pino({ level: 'silent' }) });

  const writer = domainsOf(first.deps);
  // Each instance's search of the implementation under test, told of its own instance's changes.
  const searchOf = (deps: typeof other) => {
    const domain = createSearchDomain({ db: deps.db as unknown as Kysely<SearchTables>, clock: deps.clock, dialect: deps.database.dialect, config: { baseUrl: deps.config.baseUrl }, backend });
    deps.events.subscribe('catalog.resourceChanged', (event) => domain.resourceChanged(event));
    return domain;
  };
  const writerSearch = searchOf(first.deps);
  const readerSearch = searchOf(other);
  const find = async (domain: typeof writerSearch, q: string) => (await domain.search.search(anonymous, { q, filters: {}, sort: 'relevance', limit: 20, offset: 0, locale: 'sv' })).hits.map((h) => h.slug);
  /** How long until the other instance answers `expected` for `q`. */
  const delayUntil = async (q: string, expected: string[]) => {
    const started = performance.now();
    while (performance.now() - started < 5000) {
      if (JSON.stringify(await find(readerSearch, q)) === JSON.stringify(expected)) return performance.now() - started;
      await sleep(20);
    }
    return Infinity;
  };

  const app = { deps: first.deps } as Parameters<typeof createUser>[0];
  const user = await createUser(app);
  const org = await createOrg(app, { slug: 'kommunen', name: { sv: 'Kommunen' } });
  await addMember(app, org.id, user, 'editor');
  const actor = await user.actor();
  assert.deepEqual(await find(readerSearch, 'cykelvägar'), [], 'the other instance has built its index (empty)');

  const catalog = writer.catalog.catalog;
  await catalog.datasets.create(actor, { organization: 'kommunen', slug: 'cykel', title: { sv: 'Cykelvägar' }, description: { sv: 'Alla cykelvägar.' } });
  await catalog.distributions.add(actor, 'cykel', { accessUrl: 'https://example.se/cykel', license: 'http://creativecommons.org/licenses/by/4.0/' });
  assert.deepEqual(await find(writerSearch, 'cykelvägar'), [], 'a draft is not found');
  await catalog.datasets.publish(actor, 'cykel', CONFIRMED);
  assert.deepEqual(await find(writerSearch, 'cykelvägar'), ['cykel'], 'found at once where it was published');
  const published = await delayUntil('cykelvägar', ['cykel']);
  assert.ok(published < 1000, `published: found by the other instance after ${published} ms`);

  await catalog.datasets.update(actor, 'cykel', { title: { sv: 'Gång- och cykelvägar' } });
  assert.deepEqual(await find(writerSearch, 'gång'), ['cykel']);
  const edited = await delayUntil('gång', ['cykel']);
  assert.ok(edited < 1000, `edited: found by the other instance after ${edited} ms`);

  await catalog.datasets.delete(actor, 'cykel');
  assert.deepEqual(await find(writerSearch, 'cykelvägar'), []);
  const deleted = await delayUntil('cykelvägar', []);
  assert.ok(deleted < 1000, `deleted: gone from the other instance after ${deleted} ms`);

  if (backend === 'embedded') {
    // allmanning reindex in one instance: the other builds its index again (a new one is swapped in).
    const embedded = readerSearch.index as unknown as { memory: object };
    const before = embedded.memory;
    await writerSearch.search.reindex();
    const started = performance.now();
    while (embedded.memory === before && performance.now() - started < 3000) {
      await find(readerSearch, 'cykelvägar');
      await sleep(20);
    }
    assert.notEqual(embedded.memory, before, 'the other instance rebuilt its index after the reindex');
    assert.ok(performance.now() - started < 1000);
  }
});
