// Importing the real catalogs of ../shared/fixtures/catalogs (see SOURCES.md there): the counts each
// must give, the broken ones failing with one line naming line and column, importing twice
// changing nothing, a changed source updating with history, --org, and publishers matched by
// organisation number or created (and matched by IRI on the next run).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { domainsOf } from '../../../domains.js';

const fixtures = fileURLToPath(new URL('../../../../../shared/fixtures/catalogs/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);

const apps: TestApp[] = [];
after(async () => {
  for (const app of apps) await app.close();
});

async function fresh(): Promise<TestApp> {
  const t = await buildTestApp();
  apps.push(t);
  return t;
}

const importer = (t: TestApp) => domainsOf(t.deps).dcatImport.service;
const count = async (t: TestApp, table: 'dataset' | 'distribution' | 'catalog_revision' | 'organization' | 'activity') =>
  Number((await t.deps.db.selectFrom(table as 'activity').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function tempFile(t: TestApp, name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-import-test-'));
  t.close = ((close) => async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  })(t.close);
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Every fixture that parses: datasets, distributions, data services, and whether it needs --org. */
const EXPECTED: { file: string; datasets: number; distributions: number; services?: number; org?: boolean; withWarnings: number }[] = [
  { file: 'se/raa-ksamsok-soch.rdf', datasets: 173, distributions: 346, withWarnings: 0 },
  { file: 'se/raa-ksamsok-maquette.ttl', datasets: 1, distributions: 2, withWarnings: 0 },
  // No publisher anywhere in the file: it needs an organisation to go into.
  { file: 'misc/data_gov_be.xml', datasets: 1, distributions: 2, org: true, withWarnings: 0 },
  { file: 'no-dcat-ap-no-validator/invalid_catalog.ttl', datasets: 1, distributions: 0, withWarnings: 1 },
  { file: 'no-dcat-ap-no-validator/valid_catalog.json', datasets: 1, distributions: 0, withWarnings: 1 },
  { file: 'no-dcat-ap-no-validator/valid_catalog.ttl', datasets: 1, distributions: 0, withWarnings: 1 },
  { file: 'no-dcat-ap-no-validator/valid_catalog.xml', datasets: 1, distributions: 0, withWarnings: 1 },
  { file: 'no-dcat-ap-no-validator/valid_catalog_with_distribution.ttl', datasets: 1, distributions: 1, withWarnings: 1 },
  { file: 'piveau/example_consus_ckan.ttl', datasets: 1, distributions: 9, withWarnings: 1 },
];

describe('the fixture catalogs', () => {
  for (const expected of EXPECTED) {
    test(`${expected.file}: ${expected.datasets} datasets, ${expected.distributions} distributions; a second import changes nothing`, async () => {
      const t = await fresh();
      const organization = expected.org ? (await domainsOf(t.deps).organizations.organizations.createAsOperator({ slug: 'mottagaren', name: { sv: 'Mottagaren' }, type: 'state_agency' })).slug : undefined;
      const first = await importer(t).run({ source: fixture(expected.file), organization });
      assert.equal(first.status, 'succeeded', first.error);
      assert.deepEqual(
        { datasets: first.totals.datasets, distributions: first.totals.distributions, services: first.totals.dataServices, created: first.totals.created, failed: first.totals.failed, withWarnings: first.totals.withWarnings },
        { datasets: expected.datasets, distributions: expected.distributions, services: expected.services ?? 0, created: expected.datasets, failed: 0, withWarnings: expected.withWarnings },
      );
      assert.equal(await count(t, 'dataset'), expected.datasets);
      assert.equal(await count(t, 'distribution'), expected.distributions);
      const published = await t.deps.db.selectFrom('dataset' as 'activity').select('id').where('status' as 'id', '=', 'published').execute();
      assert.equal(published.length, expected.datasets, 'imported datasets are published as the source has them');

      const tables = { revisions: await count(t, 'catalog_revision'), activity: await count(t, 'activity'), organizations: await count(t, 'organization') };
      const second = await importer(t).run({ source: fixture(expected.file), organization });
      assert.equal(second.status, 'succeeded');
      assert.equal(second.totals.unchanged, expected.datasets);
      assert.equal(second.totals.created + second.totals.updated + second.totals.failed, 0);
      assert.ok(second.items.every((item) => item.action === 'unchanged'));
      assert.equal(second.sameAsRun, first.runId, 'the same file is recognised by its hash');
      assert.deepEqual({ revisions: await count(t, 'catalog_revision'), activity: await count(t, 'activity'), organizations: await count(t, 'organization') }, tables, 'no new revisions, activity or organisations');
      // A byte more: not the same file, so every dataset is read and compared — and still unchanged.
      const copy = tempFile(t, path.basename(expected.file), `${fs.readFileSync(fixture(expected.file), 'utf8')}\n`);
      const third = await importer(t).run({ source: copy, organization });
      assert.equal(third.sameAsRun, undefined);
      assert.deepEqual({ unchanged: third.totals.unchanged, changed: third.totals.created + third.totals.updated + third.totals.failed }, { unchanged: expected.datasets, changed: 0 });
      assert.deepEqual({ revisions: await count(t, 'catalog_revision'), activity: await count(t, 'activity'), organizations: await count(t, 'organization') }, tables);
    });
  }

  test('Riksantikvarieämbetet: blank-node datasets keyed by a hash, 81 publishers become organisations, values normalised and dropped with reasons', async () => {
    const t = await fresh();
    const report = await importer(t).run({ source: fixture('se/raa-ksamsok-soch.rdf') });
    assert.ok(report.items.every((i) => i.iri === null && i.key.startsWith('hash:')), 'all 173 datasets are blank nodes in the source');
    assert.equal(new Set(report.items.map((i) => i.key)).size, 173);
    assert.equal(await count(t, 'organization'), 81);
    const first = report.items[0]!;
    assert.deepEqual(
      first.normalised.find((n) => n.property === 'dcat:distribution[1]/dct:format'),
      { property: 'dcat:distribution[1]/dct:format', from: '"application/rdf+xml"', to: 'http://publications.europa.eu/resource/authority/file-type/RDF_XML' },
      'a literal dct:format becomes the file-type IRI',
    );
    assert.ok(first.normalised.some((n) => n.property === 'dct:language' && n.to === 'http://publications.europa.eu/resource/authority/language/SWE'));
    assert.ok(first.dropped.some((d) => d.property === 'dcat:contactPoint' && d.value === '<mailto:>' && d.reason === 'contact_incomplete'));
    assert.ok(first.dropped.some((d) => d.property === 'dct:source' && d.reason === 'not_in_model'));
    const dataset = await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, first.slug!);
    assert.equal(dataset.state.metadata.title.sv, 'RAÄ arkivbilder');
    assert.deepEqual(dataset.state.distributions?.map((d) => d.metadata.format), ['http://publications.europa.eu/resource/authority/file-type/RDF_XML', 'http://publications.europa.eu/resource/authority/file-type/JSON_LD']);
    assert.equal(dataset.state.distributions?.[0]?.metadata.license, 'http://creativecommons.org/publicdomain/zero/1.0/');
    assert.equal(dataset.organization.name.sv, 'Sundsvalls museum');
  });

  for (const [file, line] of [
    ['misc/open.nrw-govdata-148.ttl', '69:20: unexpected "<http://%3C%21--"'],
    ['piveau/example_dataset.ttl', '17:1: expected declaration to end with a dot'],
  ] as const) {
    test(`${file} is broken: the run fails with one line naming line and column, and writes nothing`, async () => {
      const t = await fresh();
      const report = await importer(t).run({ source: fixture(file) });
      assert.equal(report.status, 'failed');
      assert.equal(report.error, `${fixture(file)}:${line}`);
      assert.doesNotMatch(report.error!, /\n|\bat \w/);
      assert.equal(await count(t, 'dataset'), 0);
    });
  }

  test('a missing file and a file that is no RDF fail with one line', async () => {
    const t = await fresh();
    const missing = await importer(t).run({ source: path.join(os.tmpdir(), 'no-such-catalog.ttl') });
    assert.equal(missing.status, 'failed');
    assert.match(missing.error!, /no-such-catalog\.ttl: no such file$/);
    const json = await importer(t).run({ source: tempFile(t, 'broken.jsonld', '{\n  "@id": "x",\n  "title": }\n') });
    assert.equal(json.error, `${path.join(path.dirname(json.source), 'broken.jsonld')}:3:12: unexpected "}"`);
    const xml = await importer(t).run({ source: tempFile(t, 'broken.rdf', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n  <rdf:Description>\n</rdf:RDF>\n') });
    assert.match(xml.error!, /broken\.rdf:4:\d+: /);
  });
});

const CATALOG = (title: string, extra = '') => `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://data.example.se/ds/1> a dcat:Dataset ;
  dct:title "${title}"@sv ; dct:description "Beskrivning"@sv ;
  dct:publisher <http://dataportal.se/organisation/SE2021005489> ;
  dcat:distribution <https://data.example.se/ds/1/csv> .
<https://data.example.se/ds/1/csv> a dcat:Distribution ; dcat:accessURL <https://data.example.se/1.csv> ; dct:format "text/csv" .
<https://data.example.se/ds/2> a dcat:Dataset ;
  dct:title "Andra"@sv ; dct:description "Beskrivning"@sv ;
  dct:publisher [ a foaf:Agent ; foaf:name "Ny myndighet"@sv ; dct:identifier "2120000142" ] .
<https://data.example.se/ds/3> a dcat:Dataset ;
  dct:title "Tredje"@sv ; dct:description "Beskrivning"@sv ;
  dct:publisher <https://kommun.example.se/> .
<https://kommun.example.se/> a foaf:Agent ; foaf:name "Exempelkommunen"@sv ; dct:type <http://purl.org/adms/publishertype/LocalAuthority> ; foaf:homepage <https://kommun.example.se/> .
${extra}`;

describe('identity, publishers and --org', () => {
  test('publishers are matched by organisation number, created when missing, and matched by IRI the next time', async () => {
    const t = await fresh();
    const orgs = domainsOf(t.deps).organizations.organizations;
    const digg = await orgs.createAsOperator({ slug: 'digg', name: { sv: 'Myndigheten för digital förvaltning' }, orgNumber: '202100-5489', type: 'state_agency' });
    const file = tempFile(t, 'catalog.ttl', CATALOG('Första'));
    const report = await importer(t).run({ source: file });
    assert.equal(report.totals.created, 3);
    const orgOf = async (slug: string) => (await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, slug)).organization;
    const slugs = Object.fromEntries(report.items.map((i) => [i.iri, i.slug!]));
    assert.equal((await orgOf(slugs['https://data.example.se/ds/1']!)).id, digg.id, 'matched by the dataportal.se publisher IRI');
    const created = await orgOf(slugs['https://data.example.se/ds/2']!);
    assert.deepEqual({ name: created.name.sv, orgNumber: created.orgNumber }, { name: 'Ny myndighet', orgNumber: '2120000142' });
    const kommun = await orgs.get((await orgOf(slugs['https://data.example.se/ds/3']!)).id);
    assert.deepEqual({ slug: kommun.slug, type: kommun.type, website: kommun.website }, { slug: 'exempelkommunen', type: 'municipality', website: 'https://kommun.example.se/' });
    // Renamed here: the next import still finds it by the publisher's IRI.
    await orgs.update({ kind: 'user', userId: 'x', email: 'a@b.se', name: 'Admin', isSiteAdmin: true, roles: {}, via: 'cli' }, kommun.id, { name: { sv: 'Kommunen (omdöpt)' } });
    const before = await count(t, 'organization');
    const again = await importer(t).run({ source: tempFile(t, 'catalog.ttl', CATALOG('Första', '<https://data.example.se/ds/4> a dcat:Dataset ; dct:title "Fjärde"@sv ; dct:publisher <https://kommun.example.se/> .')) });
    assert.equal(await count(t, 'organization'), before);
    assert.equal((await orgOf(again.items.find((i) => i.iri === 'https://data.example.se/ds/4')!.slug!)).id, kommun.id);
  });

  test('a changed source updates the dataset with history; the rest stays untouched', async () => {
    const t = await fresh();
    const first = await importer(t).run({ source: tempFile(t, 'catalog.ttl', CATALOG('Första')) });
    const slug = first.items[0]!.slug!;
    const revisionsBefore = await count(t, 'catalog_revision');
    const second = await importer(t).run({ source: tempFile(t, 'catalog.ttl', CATALOG('Första, rättad')) });
    assert.deepEqual(second.items.map((i) => i.action), ['updated', 'unchanged', 'unchanged']);
    assert.equal(await count(t, 'catalog_revision'), revisionsBefore + 1);
    const history = await domainsOf(t.deps).catalog.catalog.datasets.history({ kind: 'user', userId: 'x', email: 'a@b.se', name: 'Admin', isSiteAdmin: true, roles: {}, via: 'cli' }, slug);
    assert.deepEqual(history.revisions.map((r) => r.action), ['updated', 'created']);
    assert.deepEqual(history.revisions[0]!.diff['title.sv'], ['Första', 'Första, rättad']);
    const dataset = await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, slug);
    assert.equal(dataset.state.row.slug, slug, 'the slug stays');
    assert.equal(dataset.state.distributions?.[0]?.metadata.format, 'http://publications.europa.eu/resource/authority/file-type/CSV');
  });

  test('--org puts everything under one organisation and leaves publishers alone', async () => {
    const t = await fresh();
    const orgs = domainsOf(t.deps).organizations.organizations;
    const target = await orgs.createAsOperator({ slug: 'samlingen', name: { sv: 'Samlingen' }, type: 'other' });
    const before = await count(t, 'organization');
    const report = await importer(t).run({ source: fixture('se/raa-ksamsok-soch.rdf'), organization: 'samlingen' });
    assert.equal(report.totals.created, 173);
    assert.equal(await count(t, 'organization'), before, 'no organisations created');
    const rows = await t.deps.db.selectFrom('dataset' as 'activity').select('organization_id').distinct().execute();
    assert.deepEqual(rows.map((r) => r.organization_id), [target.id]);
    assert.deepEqual(report.organization, { id: target.id, slug: 'samlingen' });
  });

  test('an unknown --org is refused before anything is read', async () => {
    const t = await fresh();
    await assert.rejects(importer(t).run({ source: fixture('se/raa-ksamsok-maquette.ttl'), organization: 'finns-inte' }), { name: 'NotFoundError' });
  });
});
