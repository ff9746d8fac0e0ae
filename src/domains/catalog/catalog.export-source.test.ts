// The export source: only published public resources, every one exactly once across batches of
// any size (keyset pagination), in the same order as pages, with their relations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { startApp, type CatalogTestApp } from './testing.js';

describe('catalog export source', () => {
  let t: CatalogTestApp;

  before(async () => {
    t = await startApp();
    await domainsOf(t.deps).organizations.seedDemo();
    await domainsOf(t.deps).catalog.seedDemo();
  });
  after(() => t.close());

  test('batches of any size give every published public dataset once, in page order', async () => {
    const source = domainsOf(t.deps).catalog.exportSource;
    const total = await source.count('dataset');
    assert.equal(total, 48);
    const slugs: string[] = [];
    for await (const batch of source.batches('dataset', {}, 7)) {
      assert.ok(batch.length <= 7);
      for (const item of batch) {
        assert.equal(item.row.status, 'published');
        assert.equal(item.row.visibility, 'public');
        slugs.push(item.row.slug);
      }
    }
    assert.equal(slugs.length, total);
    assert.equal(new Set(slugs).size, total);
    const paged = [...(await source.page('dataset', {}, 0, 20)), ...(await source.page('dataset', {}, 20, 20)), ...(await source.page('dataset', {}, 40, 20))].map((d) => d.row.slug);
    assert.deepEqual(slugs, paged);
  });

  test('items carry their organisation, distributions with public URLs, series and services', async () => {
    const source = domainsOf(t.deps).catalog.exportSource;
    const lantmateriet = await source.organization('lantmateriet');
    const items = [];
    for await (const batch of source.batches('dataset', { organizationId: lantmateriet.id })) items.push(...batch);
    assert.ok(items.every((d) => d.organization.slug === 'lantmateriet' && d.organization.orgNumber === '2021004888'));
    const addresses = items.find((d) => d.row.slug === 'belagenhetsadresser')!;
    assert.ok(addresses.distributions.length > 0);
    assert.ok(addresses.distributions.every((d) => /^https?:\/\//.test(d.metadata.accessUrl ?? '')));
    const files = items.flatMap((d) => d.distributions).filter((d) => d.metadata.file);
    assert.ok(files.length > 0 && files.every((d) => d.metadata.downloadUrl?.startsWith('http://allmanning.test/datasets/') && d.metadata.checksum?.value === d.metadata.file!.sha256));
    const services = [];
    for await (const batch of source.batches('dataService', { organizationId: lantmateriet.id })) services.push(...batch);
    assert.deepEqual(services[0]!.servesDatasets.map((d) => d.slug).sort(), ['belagenhetsadresser', 'byggnader']);
    const scb = [];
    for await (const batch of source.batches('dataset', { organizationId: (await source.organization('scb')).id })) scb.push(...batch);
    assert.ok(scb.some((d) => d.series?.slug === 'folkmangd-per-kommun'));
  });

  test('the fingerprint changes with every write', async () => {
    const source = domainsOf(t.deps).catalog.exportSource;
    const before = await source.fingerprint();
    const { createUser } = await import('../organizations/testing.js');
    const admin = await createUser(t, { siteAdmin: true });
    await domainsOf(t.deps).catalog.catalog.datasets.update(await admin.actor(), 'ortnamn', { keywords: { sv: ['ortnamn', 'platser'] } });
    const after = await source.fingerprint();
    assert.notEqual(after.key, before.key);
    assert.ok(after.modified! >= before.modified!);
  });
});
