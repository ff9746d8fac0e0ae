// CKAN harvest sources against a small local CKAN (package_search with rows/start paging) replaying
// packages shaped like the recorded envidat.ch answers. Both dialects (TEST_DATABASE_URL).
// - every package becomes one dataset with the ckanext-dcat mapping (title, notes, tags, licence,
//   resources → distributions with url, format, media type, size), read page by page;
// - a second run finds everything unchanged and writes no revision; a changed package is updated;
// - a package that vanished is withdrawn (unpublished) only once the grace period has passed (the
//   clock is moved), and published again when it comes back;
// - an unreachable or non-CKAN source fails the run with one line, and private addresses are refused
//   unless allowed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { createOrg } from '../organizations/testing.js';
import { createHarvestDomain } from './index.js';
import { DEFAULT_TUNING } from './harvest.service.js';
import { mapCkanPackage, type CkanPackage } from './ckan.mapping.js';
import { generatedPackages, recordedPackages, startCkanServer, type CkanServer } from './testing.js';

const anonymous = { kind: 'anonymous' as const };

describe('mapping a CKAN package', () => {
  test('follows ckanext-dcat for the recorded envidat.ch packages', () => {
    const [pkg] = recordedPackages();
    const mapped = mapCkanPackage(pkg!, 'https://www.envidat.ch/');
    assert.equal(mapped.key, `id:${pkg!.id}`);
    assert.deepEqual(mapped.input.title, { sv: pkg!.title });
    assert.deepEqual(mapped.input.description, { sv: pkg!.notes });
    assert.deepEqual((mapped.input.keywords as { sv: string[] }).sv, pkg!.tags!.map((t) => t.name));
    assert.equal(mapped.input.landingPage, `https://www.envidat.ch/dataset/${pkg!.name}`);
    assert.deepEqual(mapped.input.languages, ['ENG']);
    assert.equal(mapped.distributions.length, 1);
    const d = mapped.distributions[0]!.input;
    assert.equal(d.accessUrl, pkg!.resources![0]!.url);
    assert.equal(d.downloadUrl, pkg!.resources![0]!.url, 'an upload is a download');
    assert.equal(d.format, 'ZIP');
    assert.equal(d.mediaType, 'application/zip');
    assert.equal(d.byteSize, 10004794304);
    assert.equal(d.license, 'https://creativecommons.org/licenses/by/4.0/');
  });

  test('groups that are EU data themes become themes; extras give the IRI and identifier; SHA-256 hashes become checksums', () => {
    const pkg: CkanPackage = {
      id: 'p1', name: 'p1', title: 'T', groups: [{ name: 'envi' }, { name: 'local-group' }], extras: [{ key: 'uri', value: 'https://example.se/dataset/p1' }, { key: 'identifier', value: 'ID-1' }],
      resources: [{ id: 'r1', url: 'https://example.se/a.csv', format: 'csv', hash: 'a'.repeat(64) }, { id: 'r2', url: 'https://example.se/b', format: 'md5-is-not', hash: 'abc' }],
    };
    const mapped = mapCkanPackage(pkg, 'https://example.se');
    assert.deepEqual(mapped.input.themes, ['ENVI']);
    assert.equal(mapped.iri, 'https://example.se/dataset/p1');
    assert.equal(mapped.input.identifier, 'ID-1');
    assert.deepEqual(mapped.distributions[0]!.input.checksum, { algorithm: 'sha256', value: 'a'.repeat(64) });
    assert.equal(mapped.distributions[0]!.input.format, 'CSV');
    assert.equal(mapped.distributions[1]!.input.checksum, undefined);
    assert.equal(mapped.distributions[1]!.input.format, undefined);
  });
});

describe('a CKAN harvest source', () => {
  let t: CatalogTestApp;
  let ckan: CkanServer;
  let packages: CkanPackage[];
  let org: { id: string; slug: string };

  before(async () => {
    packages = [...recordedPackages(), ...generatedPackages(23)];
    ckan = await startCkanServer(() => packages);
    t = await startApp({ ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1', ALLMANNING_HARVEST_WITHDRAW_AFTER_HOURS: '48' });
    org = await createOrg(t, { slug: 'ckan-org' });
  });
  after(async () => {
    await t?.close();
    await ckan?.close();
  });

  const harvest = () => domainsOf(t.deps).harvest.service;
  const datasets = async () => (await domainsOf(t.deps).catalog.catalog.datasets.list(anonymous, { limit: 1000, offset: 0 })).items;

  test('harvests every package page by page, then finds them unchanged', async () => {
    const source = await harvest().add(null, { organization: org.slug, type: 'ckan', url: ckan.url });
    const first = await harvest().run(source.id, { trigger: 'manual' });
    assert.equal(first?.status, 'succeeded', first?.errors);
    assert.equal(first?.created_count, 25);
    const got = await datasets();
    assert.equal(got.length, 25);
    assert.ok(got.every((d) => d.organization.slug === org.slug));
    const envidat = got.find((d) => d.metadata.title.sv === packages[1]!.title)!;
    const distributions = (await domainsOf(t.deps).catalog.distributionsOf([envidat.row.id])).get(envidat.row.id)!;
    assert.equal(distributions.length, 4);
    assert.ok(distributions.every((d) => d.metadata.format?.endsWith('/CSV') && d.metadata.accessUrl?.startsWith('https://www.envidat.ch/')), JSON.stringify(distributions[0]));

    const startsBefore = ckan.starts.length;
    const second = await harvest().run(source.id, { trigger: 'manual' });
    assert.deepEqual([second?.created_count, second?.updated_count, second?.unchanged_count, second?.failed_count], [0, 0, 25, 0]);
    assert.ok(ckan.starts.length > startsBefore);
    const history = await domainsOf(t.deps).catalog.catalog.datasets.history({ kind: 'user', userId: 'x', email: 'x@x.se', name: 'x', isSiteAdmin: true, roles: {}, via: 'cli' }, envidat.row.slug);
    assert.equal(history.revisions.length, 1, 'an unchanged run writes no revision');

    packages[1] = { ...packages[1]!, notes: 'Ny beskrivning.' };
    const third = await harvest().run(source.id, { trigger: 'manual' });
    assert.deepEqual([third?.created_count, third?.updated_count, third?.unchanged_count], [0, 1, 24]);
  });

  test('reads with rows/start paging until count', async () => {
    const source = (await harvest().list(null)).find((s) => s.type === 'ckan')!;
    const { catalog, organizations, dcatImport } = domainsOf(t.deps);
    const paged = createHarvestDomain(
      { db: t.deps.db as never, clock: t.clock, events: t.deps.events, catalog: catalog.catalog, organizations: organizations.organizations, importDcat: (r) => dcatImport.service.run(r), config: t.deps.config },
      { ...DEFAULT_TUNING, ckanRows: 10 },
    );
    ckan.starts.length = 0;
    const run = await paged.service.run(source.id, { trigger: 'manual' });
    assert.deepEqual(ckan.starts, [0, 10, 20]);
    assert.deepEqual([run?.created_count, run?.unchanged_count], [0, 25]);
  });

  test('withdraws a vanished package after the grace period, and publishes it again when it returns', async () => {
    const source = (await harvest().list(null)).find((s) => s.type === 'ckan')!;
    const gone = packages.pop()!;
    const missing = await harvest().run(source.id, { trigger: 'manual' });
    assert.equal(missing?.withdrawn_count, 0, 'still within the grace period');
    assert.equal((await datasets()).length, 25);

    t.clock.advance(47 * 3_600_000);
    assert.equal((await harvest().run(source.id, { trigger: 'manual' }))?.withdrawn_count, 0);
    t.clock.advance(2 * 3_600_000);
    const withdrawn = await harvest().run(source.id, { trigger: 'manual' });
    assert.equal(withdrawn?.withdrawn_count, 1);
    assert.equal(withdrawn?.unchanged_count, 24);
    const left = await datasets();
    assert.equal(left.length, 24);
    assert.ok(!left.some((d) => d.metadata.title.sv === gone.title), 'the vanished one is unpublished');
    assert.equal((await harvest().run(source.id, { trigger: 'manual' }))?.withdrawn_count, 0, 'withdrawn once');

    packages.push(gone);
    const back = await harvest().run(source.id, { trigger: 'manual' });
    assert.equal(back?.created_count, 0, 'the same dataset, not a new one');
    assert.equal((await datasets()).length, 25);
  });

  test('a source that cannot be read fails the run with one line; private addresses are refused unless allowed', async () => {
    const notCkan = await harvest().add(null, { organization: org.slug, type: 'ckan', url: `${ckan.url}/other/` });
    const failed = await harvest().run(notCkan.id, { trigger: 'manual' });
    assert.equal(failed?.status, 'failed');
    assert.match(JSON.parse(failed!.errors)[0] as string, /HTTP 404|not a CKAN/);

    const strict = await startApp();
    try {
      const o = await createOrg(strict, { slug: 'strikt' });
      const s = await domainsOf(strict.deps).harvest.service.add(null, { organization: o.slug, type: 'ckan', url: ckan.url });
      const refused = await domainsOf(strict.deps).harvest.service.run(s.id, { trigger: 'manual' });
      assert.equal(refused?.status, 'failed');
      assert.match(JSON.parse(refused!.errors)[0] as string, /private|loopback|not allowed|refus/i);
      assert.equal((await domainsOf(strict.deps).catalog.catalog.datasets.list(anonymous, { limit: 10, offset: 0 })).total, 0);
    } finally {
      await strict.close();
    }
  });
});
