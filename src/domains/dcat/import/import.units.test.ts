// The import's parts on their own: format detection, where a JSON text breaks, the value
// normalisers, and the graph window — a catalog that describes a dataset's distribution far away
// (forcing a small window) imports exactly as it would in one piece, once, and unchanged after.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../../test/support/test-app.js';
import { domainsOf } from '../../../domains.js';
import { createDcatImportDomain, type ImportTables } from './index.js';
import { jsonErrorOffset, lineColumnOf } from './json-position.js';
import { normalizeConcept, normalizeDate, normalizeFormat, normalizeLanguage, normalizeLicence, normalizeMediaType } from './normalize-values.js';
import { detectFormat, parseRdfFile } from './rdf-parse.js';
import { RdfGraph } from './rdf-graph.js';
import { sourceHash } from './source-hash.js';
import type { Kysely } from 'kysely';

const EU = 'http://publications.europa.eu/resource/authority';

describe('format detection', () => {
  const head = (text: string) => Buffer.from(text);
  test('Content-Type first, then a telling extension, then the first bytes', () => {
    assert.equal(detectFormat({ contentType: 'text/turtle; charset=utf-8', name: 'x.rdf', head: head('<?xml') }), 'turtle');
    assert.equal(detectFormat({ contentType: 'application/ld+json', head: head('{') }), 'jsonld');
    assert.equal(detectFormat({ name: 'catalog.nt', head: head('<http://a> <http://b> <http://c> .') }), 'ntriples');
    assert.equal(detectFormat({ name: 'catalog.xml', head: head('<?xml version="1.0"?><rdf:RDF>') }), 'rdfxml');
    assert.equal(detectFormat({ contentType: 'application/octet-stream', name: 'download', head: head('\uFEFF  <rdf:RDF xmlns:rdf="…">') }), 'rdfxml');
    assert.equal(detectFormat({ name: 'download', head: head('<https://example.se/ds> a <http://www.w3.org/ns/dcat#Dataset> .') }), 'turtle');
    assert.equal(detectFormat({ contentType: 'application/json', name: 'api', head: head('  {"@context": {}}') }), 'jsonld');
    assert.equal(detectFormat({ contentType: 'application/xml', head: head('@prefix dcat: <http://www.w3.org/ns/dcat#> .') }), 'turtle', 'the bytes beat a generic type');
  });
});

describe('JSON syntax errors', () => {
  test('the offset where the text stops being JSON, as line and column', () => {
    for (const [text, line, column] of [
      ['{\n  "a": }', 2, 8],
      ['{"a": 1', 1, 8],
      ['[1, 2,, 3]', 1, 7],
      ['{"a" 1}', 1, 6],
      ['{"a": "\u0001"}', 1, 8],
      ['{"a": 1} x', 1, 10],
    ] as const) {
      const found = jsonErrorOffset(text);
      assert.ok(found, text);
      assert.deepEqual(lineColumnOf(text, found.offset), { line, column }, JSON.stringify(text));
    }
    assert.equal(jsonErrorOffset('{"a": [1, {"b": null}], "c": "\\u00e5"}'), undefined);
  });
});

describe('value normalisers', () => {
  const value = <T>(outcome: { value: T } | { drop: string }) => ('value' in outcome ? outcome.value : `drop:${outcome.drop}`);
  test('formats: media types, codes, extensions, IANA and other registers\' IRIs → the EU file type', () => {
    assert.equal(value(normalizeFormat('text/csv')), `${EU}/file-type/CSV`);
    assert.equal(value(normalizeFormat('application/json-ld')), `${EU}/file-type/JSON_LD`);
    assert.equal(value(normalizeFormat('http://www.iana.org/assignments/media-types/application/vnd.geo+json')), `${EU}/file-type/GEOJSON`);
    assert.equal(value(normalizeFormat('https://publications.europa.eu/resource/authority/file-type/csv/')), `${EU}/file-type/CSV`);
    assert.equal(value(normalizeFormat('xlsx')), `${EU}/file-type/XLSX`);
    assert.equal(value(normalizeFormat('gpx')), 'drop:unknown_concept', 'not in the EU table');
    assert.equal(value(normalizeFormat('https://example.de/def/format/CSV', ['CSV'])), `${EU}/file-type/CSV`);
    assert.equal(value(normalizeFormat('a format of our own')), 'drop:unknown_concept');
  });
  test('media types, licences, languages, concepts and dates', () => {
    assert.equal(value(normalizeMediaType('https://www.iana.org/assignments/media-types/text/csv')), 'text/csv');
    assert.equal(value(normalizeMediaType('Text/CSV; charset=utf-8')), 'text/csv');
    assert.equal(value(normalizeMediaType('csv')), 'drop:not_a_media_type');
    assert.equal(value(normalizeLicence('https://creativecommons.org/licenses/by/4.0/deed.sv')), 'http://creativecommons.org/licenses/by/4.0/');
    assert.equal(value(normalizeLicence('CC BY-SA 4.0')), 'http://creativecommons.org/licenses/by-sa/4.0/');
    assert.equal(value(normalizeLicence('https://example.se/our-terms')), 'https://example.se/our-terms');
    assert.equal(value(normalizeLicence('our own terms')), 'drop:unknown_licence');
    assert.equal(value(normalizeLanguage('http://id.loc.gov/vocabulary/iso639-1/sv')), `${EU}/language/SWE`);
    assert.equal(value(normalizeLanguage('sv-SE')), `${EU}/language/SWE`);
    assert.equal(value(normalizeLanguage('ger')), `${EU}/language/DEU`);
    assert.equal(value(normalizeConcept('accessRight', ':public')), `${EU}/access-right/PUBLIC`);
    assert.equal(value(normalizeConcept('plannedAvailability', 'http://data.europa.eu/r5r/availability/stable')), `${EU}/planned-availability/STABLE`);
    assert.equal(value(normalizeConcept('dataTheme', 'https://psi.norge.no/los/tema/barnehage')), 'drop:unknown_concept');
    assert.equal(value(normalizeDate('2020')), '2020-01-01');
    assert.equal(value(normalizeDate('2020-04-06 09:47:18+0200')), '2020-04-06T09:47:18+02:00');
    assert.equal(value(normalizeDate('2018-04-03T13:48:21.950626')), '2018-04-03T13:48:21.950626');
    assert.equal(value(normalizeDate('2019-02-30')), 'drop:not_a_date');
    assert.equal(value(normalizeDate('i fjol')), 'drop:not_a_date');
  });
});

describe('the graph window', () => {
  /** Five datasets; the first one's distribution, contact and publisher are described at the very end. */
  const catalog = (title: string) => `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<https://ex.se/ds/1> a dcat:Dataset ; dct:title "${title}"@sv ; dct:description "Ett"@sv ; dct:publisher <https://ex.se/org> ;
  dcat:distribution <https://ex.se/ds/1/csv> ; dcat:contactPoint <https://ex.se/contact> .
${[2, 3, 4, 5].map((n) => `<https://ex.se/ds/${n}> a dcat:Dataset ; dct:title "Datamängd ${n}"@sv ; dct:description "D"@sv ; dct:publisher <https://ex.se/org> ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://ex.se/${n}.csv> ] .`).join('\n')}
<https://ex.se/ds/1/csv> a dcat:Distribution ; dcat:accessURL <https://ex.se/1.csv> ; dct:format "text/csv" .
<https://ex.se/contact> a vcard:Organization ; vcard:fn "Dataenheten" ; vcard:hasEmail <mailto:data@ex.se> .
<https://ex.se/org> a foaf:Agent ; foaf:name "Exempelverket"@sv .
<https://ex.se/ds/1> dct:issued "2024-01-01" .
`;

  test('a small window gives what one piece gives; the dataset described in two places is read again, written once', async () => {
    const t = await buildTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-window-'));
    try {
      const { organizations } = domainsOf(t.deps);
      const windowed = createDcatImportDomain(
        { db: t.deps.db as unknown as Kysely<ImportTables>, clock: t.deps.clock, events: t.deps.events, organizations: organizations.organizations, config: { fetchAllowPrivate: [], uploadMaxBytes: 1 << 20 } },
        { lagTriples: 3, batchSize: 1, maxBytes: 1 << 20 },
      ).service;
      const file = path.join(dir, 'catalog.ttl');
      fs.writeFileSync(file, catalog('Ett'));
      const report = await windowed.run({ source: file });
      assert.equal(report.status, 'succeeded', report.error);
      assert.deepEqual({ datasets: report.totals.datasets, created: report.totals.created, distributions: report.totals.distributions }, { datasets: 5, created: 5, distributions: 5 });
      assert.equal(report.items.length, 5, 'one line per dataset');
      const first = await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, report.items.find((i) => i.iri === 'https://ex.se/ds/1')!.slug!);
      assert.equal(first.state.metadata.issued, '2024-01-01', 'the triple far below was read');
      assert.equal(first.state.metadata.contactPoint?.name, 'Dataenheten');
      assert.equal(first.state.distributions?.[0]?.metadata.accessUrl, 'https://ex.se/1.csv');
      assert.equal(first.organization.name.sv, 'Exempelverket');
      const revisions = await t.deps.db.selectFrom('catalog_revision' as 'activity').select('id').execute();
      assert.equal(revisions.length, 5, 'each dataset written once');

      fs.appendFileSync(file, '\n');
      const again = await windowed.run({ source: file });
      assert.equal(again.totals.unchanged, 5);
      assert.equal((await t.deps.db.selectFrom('catalog_revision' as 'activity').select('id').execute()).length, 5, 'nothing written the second time');

      fs.writeFileSync(file, catalog('Ett, ändrad'));
      const changed = await windowed.run({ source: file });
      assert.deepEqual(changed.items.map((i) => i.action).sort(), ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'updated']);
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('contact addresses and publisher types', () => {
  const catalog = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<https://ex.se/ds/1> a dcat:Dataset ; dct:title "Med adress"@sv ; dct:description "D"@sv ; dct:publisher <https://ex.se/forening> ;
  dcat:contactPoint [ a vcard:Organization ; vcard:fn "Kansliet" ; vcard:hasEmail <mailto:kansli@ex.se> ;
    vcard:hasAddress [ a vcard:Address ; vcard:street-address "Storgatan  1" ; vcard:postal-code "123 45" ; vcard:locality "Sverige-by"@en, "Sverigeby"@sv ;
      vcard:country-name "${'S'.repeat(250)}" ; vcard:region "Norrland" ] , [ a vcard:Address ; vcard:locality "Annanstans" ] ] .
<https://ex.se/ds/2> a dcat:Dataset ; dct:title "Myndighetens"@sv ; dct:description "D"@sv ; dct:publisher <https://ex.se/verket> .
<https://ex.se/ds/3> a dcat:Dataset ; dct:title "Annan värd"@sv ; dct:description "D"@sv ; dct:publisher <https://ex.se/institutet> .
<https://ex.se/forening> a foaf:Agent ; foaf:name "Föreningen"@sv ; dct:type <https://purl.org/adms/publishertype/NonProfitOrganisation/> .
<https://ex.se/verket> a foaf:Agent ; foaf:name "Verket"@sv ; dct:type <http://purl.org/adms/publishertype/NationalAuthority> .
<https://ex.se/institutet> a foaf:Agent ; foaf:name "Institutet"@sv ; dct:type <http://example.org/vocab/publishertype/Academia-ScientificOrganisation> .
`;

  test('a contact’s postal address is kept (first address, Swedish text, ≤ 200 characters); what has no field is reported', async () => {
    const t = await buildTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-address-'));
    try {
      const file = path.join(dir, 'catalog.ttl');
      fs.writeFileSync(file, catalog);
      const report = await domainsOf(t.deps).dcatImport.service.run({ source: file });
      assert.equal(report.status, 'succeeded', report.error);
      const item = report.items.find((i) => i.iri === 'https://ex.se/ds/1')!;
      const dataset = await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, item.slug!);
      assert.deepEqual(dataset.state.metadata.contactPoint?.address, { street: 'Storgatan 1', postalCode: '123 45', locality: 'Sverigeby', country: `${'S'.repeat(199)}…` });
      assert.deepEqual(item.dropped.map((d) => `${d.property} ${d.value} ${d.reason}`).sort(), [
        'dcat:contactPoint/vcard:hasAddress [ ] only_one',
        'dcat:contactPoint/vcard:hasAddress/vcard:locality "Sverige-by"@en only_one',
        'dcat:contactPoint/vcard:hasAddress/vcard:region "Norrland" not_in_model',
      ]);
      assert.ok(item.normalised.some((n) => n.property === 'dcat:contactPoint/vcard:hasAddress/vcard:country-name' && n.to === '200 characters'));

      // The publishers' ADMS types: one no organisation type implies stays on the organisation made for it.
      const organizations = domainsOf(t.deps).organizations.organizations;
      const orgOf = async (iri: string) => organizations.get((await domainsOf(t.deps).catalog.catalog.datasets.get({ kind: 'anonymous' }, report.items.find((i) => i.iri === iri)!.slug!)).organization.id);
      const forening = await orgOf('https://ex.se/ds/1');
      assert.deepEqual([forening.type, forening.publisher_type], ['other', 'NonProfitOrganisation']);
      const verket = await orgOf('https://ex.se/ds/2');
      assert.deepEqual([verket.type, verket.publisher_type], ['state_agency', null], 'implied by the type: nothing extra stored');
      const institutet = await orgOf('https://ex.se/ds/3');
      assert.deepEqual([institutet.type, institutet.publisher_type], ['other', 'Academia-ScientificOrganisation'], 'an IRI ending in a code');
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('source fingerprints', () => {
  const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
`;
  /** The graph of a Turtle text, parsed as the import parses it. */
  async function graphOf(text: string): Promise<RdfGraph> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-fingerprint-'));
    try {
      const file = path.join(dir, 'catalog.ttl');
      fs.writeFileSync(file, PREFIXES + text);
      const graph = new RdfGraph();
      await parseRdfFile(file, { format: 'turtle', baseIri: 'file:///catalog.ttl', documentKey: 'd' }, (triple) => graph.add(triple));
      return graph;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const DS = 'https://ex.se/ds/1';
  const fingerprint = async (text: string) => sourceHash(await graphOf(text), DS, ['1']);

  test('blank nodes count by their content, not their labels or the order of statements', async () => {
    const a = await fingerprint(`<${DS}> a dcat:Dataset ; dct:title "Ett"@sv ; dcat:distribution _:x1, _:x2 .
_:x1 a dcat:Distribution ; dcat:accessURL <https://ex.se/1.csv> .
_:x2 a dcat:Distribution ; dcat:accessURL <https://ex.se/2.csv> .`);
    const b = await fingerprint(`_:other a dcat:Distribution ; dcat:accessURL <https://ex.se/2.csv> .
<${DS}> dcat:distribution [ dcat:accessURL <https://ex.se/1.csv> ; a dcat:Distribution ], _:other ; dct:title "Ett"@sv ; a dcat:Dataset .`);
    assert.equal(a, b);
  });

  test('a change anywhere the dataset owns changes it; other roots count by their name only', async () => {
    const base = `<${DS}> a dcat:Dataset ; dct:title "Ett"@sv ; dcat:inSeries <https://ex.se/series/1> ; dcat:distribution [ a dcat:Distribution ; dct:license <http://creativecommons.org/licenses/by/4.0/> ] .
<https://ex.se/series/1> a dcat:DatasetSeries ; dct:title "Serien"@sv .`;
    const original = await fingerprint(base);
    assert.notEqual(await fingerprint(base.replace('licenses/by/4.0/', 'publicdomain/zero/1.0/')), original, 'a nested licence');
    assert.notEqual(await fingerprint(base.replace('"Ett"@sv', '"Ett"@en')), original, 'a language tag');
    assert.equal(await fingerprint(base.replace('"Serien"@sv', '"Serien, ändrad"@sv')), original, 'the series is its own resource');
    assert.notEqual(sourceHash(await graphOf(base), DS, ['2']), original, 'the context (mapping version, organisation, publisher) is part of it');
  });

  test('a re-import recognises unchanged datasets by fingerprint, still sees a nested change, and upgrades hashes stored without one', async () => {
    const t = await buildTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-fingerprint-import-'));
    try {
      const service = domainsOf(t.deps).dcatImport.service;
      const catalogText = (licence: string) =>
        `@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n<https://ex.se/org> a foaf:Agent ; foaf:name "Exempelverket"@sv .\n` +
        [1, 2, 3]
          .map((n) => `<https://ex.se/ds/${n}> a dcat:Dataset ; dct:title "Datamängd ${n}"@sv ; dct:description "D"@sv ; dct:publisher <https://ex.se/org> ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://ex.se/${n}.csv> ; dct:license <${n === 2 ? licence : 'http://creativecommons.org/licenses/by/4.0/'}> ] .`)
          .join('\n');
      const file = path.join(dir, 'catalog.ttl');
      fs.writeFileSync(file, PREFIXES + catalogText('http://creativecommons.org/licenses/by/4.0/'));
      assert.equal((await service.run({ source: file })).totals.created, 3);
      const hashes = async () => ((await t.deps.db.selectFrom('dataset' as 'activity').select('import_hash' as 'id').orderBy('id' as never).execute()) as unknown as { import_hash: string }[]).map((r) => r.import_hash);
      const stored = await hashes();
      assert.ok(stored.every((h) => /^[\w-]+:[0-9a-f]{64}$/.test(h)), `fingerprint:metadata hash: ${stored.join(', ')}`);

      fs.appendFileSync(file, '\n# read again\n');
      const again = await service.run({ source: file });
      assert.deepEqual(again.items.map((i) => [i.action, i.title]), [1, 2, 3].map((n) => ['unchanged', `Datamängd ${n}`]));
      assert.equal(again.totals.distributions, 3);
      assert.deepEqual(await hashes(), stored);

      // Hashes from before fingerprints: recognised by their metadata, then given a fingerprint.
      const rows = (await t.deps.db.selectFrom('dataset' as 'activity').select(['id', 'import_hash' as 'id']).execute()) as unknown as { id: string; import_hash: string }[];
      for (const row of rows) await t.deps.db.updateTable('dataset' as 'activity').set({ import_hash: row.import_hash.split(':')[1] } as never).where('id', '=', row.id).execute();
      fs.appendFileSync(file, '\n');
      const upgraded = await service.run({ source: file });
      assert.equal(upgraded.totals.unchanged, 3);
      assert.deepEqual((await hashes()).sort(), [...stored].sort());

      fs.writeFileSync(file, PREFIXES + catalogText('http://creativecommons.org/publicdomain/zero/1.0/'));
      const changed = await service.run({ source: file });
      assert.deepEqual(changed.items.map((i) => i.action), ['unchanged', 'updated', 'unchanged']);
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
