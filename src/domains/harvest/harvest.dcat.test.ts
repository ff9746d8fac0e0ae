// One instance harvests another over loopback through its DCAT catalog (/catalog.ttl of a second
// app with the demo, listening on 127.0.0.1) and ends with the same datasets; a second run reports
// everything unchanged and writes nothing. Harvested datasets are read-only through the catalog's
// services and API (409 harvested_read_only), local ones of the same organisation are not; two runs
// of one source never overlap. Another instance harvesting the same app through its CKAN Action
// API (/api/3/action/package_search) ends with the same datasets too. Both dialects (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../../../test/support/cli-env.js';
import { domainsOf } from '../../domains.js';
import { ConflictError } from '../../platform/errors.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { addMember, bearer, createOrg, createUser, sessionCookie, type TestUser } from '../organizations/testing.js';

const anonymous = { kind: 'anonymous' as const };

async function allDatasets(t: CatalogTestApp) {
  const { items } = await domainsOf(t.deps).catalog.catalog.datasets.list(anonymous, { limit: 1000, offset: 0 });
  return items;
}

describe('a DCAT harvest source', () => {
  let source: CatalogTestApp;
  let target: CatalogTestApp;
  let admin: TestUser;
  let org: { id: string; slug: string };
  let catalogUrl: string;

  before(async () => {
    const port = await freePort();
    source = await startApp({ ALLMANNING_BASE_URL: `http://127.0.0.1:${port}` });
    await domainsOf(source.deps).organizations.seedDemo();
    await domainsOf(source.deps).catalog.seedDemo();
    await source.app.listen({ port, host: '127.0.0.1' });
    catalogUrl = `http://127.0.0.1:${port}/catalog.ttl`;
    target = await startApp({ ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' });
    admin = await createUser(target);
    org = await createOrg(target, { slug: 'skordare' });
    await addMember(target, org.id, admin, 'admin');
  });
  after(async () => {
    await target?.close();
    await source?.close();
  });

  test('ends with the same datasets; the second run finds them all unchanged', async () => {
    const harvest = domainsOf(target.deps).harvest.service;
    const added = await harvest.add(null, { organization: org.slug, type: 'dcat', url: catalogUrl });
    const first = await harvest.run(added.id, { trigger: 'manual' });
    assert.ok(first);
    assert.equal(first.status, 'succeeded', first.errors);
    const expected = (await allDatasets(source)).map((d) => d.metadata.title.sv).sort();
    assert.ok(expected.length > 20, 'the demo has datasets');
    const got = await allDatasets(target);
    assert.deepEqual(got.map((d) => d.metadata.title.sv).sort(), expected);
    assert.ok(got.every((d) => d.organization.slug === org.slug));
    assert.ok(first.created_count >= expected.length);
    assert.equal(first.updated_count, 0);

    const second = await harvest.run(added.id, { trigger: 'manual' });
    assert.equal(second?.status, 'succeeded');
    assert.equal(second?.created_count, 0);
    assert.equal(second?.updated_count, 0);
    assert.equal(second?.withdrawn_count, 0);
    assert.equal(second?.unchanged_count, first.created_count);
    assert.equal((await allDatasets(target)).length, expected.length, 'no duplicates');

    // The API shows the runs, newest first, with their counts.
    const runs = await target.app.inject({ method: 'GET', url: `/api/v1/harvest-sources/${added.id}/runs`, headers: bearer(admin) });
    assert.equal(runs.statusCode, 200);
    const body = runs.json() as { total: number; items: { id: string; counts: { unchanged: number; created: number } }[] };
    assert.equal(body.total, 2);
    assert.equal(body.items[0]!.id, second!.id);
    assert.equal(body.items[0]!.counts.unchanged, first.created_count);
    assert.equal(body.items[1]!.counts.created, first.created_count);
  });

  test('harvested datasets are read-only; local ones stay editable', async () => {
    const { catalog } = domainsOf(target.deps).catalog;
    const actor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: 'Admin', isSiteAdmin: false, roles: { [org.id]: 'admin' as const }, via: 'token' as const };
    const [harvested] = await allDatasets(target);
    await assert.rejects(catalog.datasets.update(actor, harvested!.row.slug, { title: { sv: 'Ändrad här' } }), (error: unknown) => error instanceof ConflictError && error.code === 'harvested_read_only' && error.message.includes(catalogUrl));
    await assert.rejects(catalog.datasets.delete(actor, harvested!.row.slug), ConflictError);
    await assert.rejects(catalog.datasets.unpublish(actor, harvested!.row.slug), ConflictError);
    const patch = await target.app.inject({ method: 'PATCH', url: `/api/v1/datasets/${harvested!.row.slug}`, headers: bearer(admin), payload: { title: { sv: 'Ändrad' } } });
    assert.equal(patch.statusCode, 409);
    assert.equal((patch.json() as { error: { code: string } }).error.code, 'harvested_read_only');

    const local = await catalog.datasets.create(actor, { organization: org.id, title: { sv: 'Egen datamängd' } });
    const changed = await catalog.datasets.update(actor, local.row.id, { title: { sv: 'Egen datamängd, ändrad' } });
    assert.equal(changed.metadata.title.sv, 'Egen datamängd, ändrad');

    // The page says where a harvested dataset comes from, links there and offers no edits.
    const cookies = { allmanning_session: await sessionCookie(target, admin) };
    const page = await target.app.inject({ method: 'GET', url: `/datasets/${harvested!.row.slug}`, cookies });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Skördad från sin källa/);
    assert.ok(page.body.includes(`<a href="${catalogUrl}">`), 'links to its source');
    assert.ok(!page.body.includes(`/datasets/${harvested!.row.slug}/edit`), 'no edit link');
    const english = await target.app.inject({ method: 'GET', url: `/en/datasets/${harvested!.row.slug}`, cookies });
    assert.match(english.body, /Harvested from its source/);
    const localPage = await target.app.inject({ method: 'GET', url: `/datasets/${changed.row.slug}`, cookies });
    assert.doesNotMatch(localPage.body, /Skördad från sin källa/);
    assert.ok(localPage.body.includes(`/datasets/${changed.row.slug}/edit`), 'a local dataset keeps its edit link');
  });

  test('two runs of one source never overlap', async () => {
    const harvest = domainsOf(target.deps).harvest.service;
    const [added] = await harvest.list(null);
    const [a, b] = await Promise.all([harvest.run(added!.id, { trigger: 'manual' }), harvest.run(added!.id, { trigger: 'manual' })]);
    assert.equal([a, b].filter((r) => r === null).length, 1, 'one of them found the source held');
    assert.equal([a, b].find((r) => r !== null)?.status, 'succeeded');
  });

  test('the same instance harvested through its CKAN Action API ends with the same datasets', async () => {
    const other = await startApp({ ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' });
    try {
      const o = await createOrg(other, { slug: 'ckan-skordare' });
      const harvest = domainsOf(other.deps).harvest.service;
      const added = await harvest.add(null, { organization: o.slug, type: 'ckan', url: catalogUrl.replace(/\/catalog\.ttl$/, '') });
      const first = await harvest.run(added.id, { trigger: 'manual' });
      assert.equal(first?.status, 'succeeded', first?.errors);
      const expected = (await allDatasets(source)).map((d) => d.metadata.title.sv).sort();
      assert.deepEqual((await allDatasets(other)).map((d) => d.metadata.title.sv).sort(), expected);
      const second = await harvest.run(added.id, { trigger: 'manual' });
      assert.deepEqual([second?.created_count, second?.updated_count, second?.unchanged_count], [0, 0, expected.length]);
    } finally {
      await other.close();
    }
  });

  test('only its organisation’s admins and site admins manage it (404 for others, 401 without a token)', async () => {
    const editor = await createUser(target);
    await addMember(target, org.id, editor, 'editor');
    const [added] = await domainsOf(target.deps).harvest.service.list(null);
    assert.equal((await target.app.inject({ method: 'GET', url: `/api/v1/harvest-sources/${added!.id}`, headers: bearer(editor) })).statusCode, 404);
    assert.equal((await target.app.inject({ method: 'GET', url: `/api/v1/harvest-sources/${added!.id}` })).statusCode, 401);
    assert.equal((await target.app.inject({ method: 'GET', url: `/api/v1/harvest-sources/${added!.id}`, headers: bearer(admin) })).statusCode, 200);
    const bad = await target.app.inject({ method: 'POST', url: '/api/v1/harvest-sources', headers: bearer(admin), payload: { organization: org.slug, type: 'ckan', url: 'http://127.0.0.1:1/', schedule: 'every night' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys((bad.json() as { error: { details: object } }).error.details), ['schedule']);
  });
});
