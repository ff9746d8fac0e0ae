// Import and export together (the exporter and validator of ../index.ts): normalisation reaches a
// fixed point — export(import(export(import(x)))) is isomorphic to export(import(x)) — for every
// fixture and the DCAT-AP-SE examples; the exports of imported fixtures break no DCAT-AP SHACL shape
// (the one exception is a fixture invalid on purpose); what DCAT-AP-SE's own checks still miss is
// only what the sources themselves lack; and the DCAT-AP-SE examples keep all their information
// (the contact's postal address and the publisher's ADMS type included).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Parser, type Quad } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { domainsOf } from '../../../domains.js';

const shared = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
const NOW = new Date('2026-11-28T10:00:00.000Z');

async function exportTurtle(t: TestApp): Promise<string> {
  const document = await domainsOf(t.deps).dcat.exportCatalog({ format: 'ttl', page: 'all' });
  let text = '';
  for await (const chunk of document.stream()) text += chunk;
  return text;
}

/** Imports `file` into a fresh database (into one organisation when the source names no publisher). */
async function importInto(file: string, name: string, withOrganization: boolean) {
  const t = await buildTestApp({ now: NOW });
  if (withOrganization) await domainsOf(t.deps).organizations.organizations.createAsOperator({ slug: 'mottagaren', name: { sv: 'Mottagaren' }, type: 'state_agency' });
  const report = await domainsOf(t.deps).dcatImport.service.run({ source: file, displayName: name, organization: withOrganization ? 'mottagaren' : undefined });
  assert.equal(report.status, 'succeeded', report.error);
  assert.equal(report.totals.failed, 0);
  return { t, report };
}

async function roundTrip(file: string, withOrganization = false) {
  const first = await importInto(file, path.basename(file), withOrganization);
  const once = await exportTurtle(first.t);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-roundtrip-'));
  const exported = path.join(dir, 'export.ttl');
  fs.writeFileSync(exported, once);
  const second = await importInto(exported, 'export.ttl', withOrganization);
  const twice = await exportTurtle(second.t);
  const validation = await domainsOf(first.t.deps).dcat.validateQuads(new Parser().parse(once), 'en');
  await first.t.close();
  await second.t.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { once: new Parser().parse(once) as Quad[], twice: new Parser().parse(twice) as Quad[], validation, report: first.report };
}

const SHACL_SOURCES = new Set(['dcat-ap', 'dcat-ap-codelists', 'dcat-ap-hvd']);

/**
 * Each fixture, and what DCAT-AP-SE's checks still find in its export — each something the source
 * itself lacks: a publisher type (none given) and dct:format the source leaves out.
 */
const FIXTURES: { file: string; org?: true; shacl?: string[]; se: string[] }[] = [
  { file: 'fixtures/catalogs/se/raa-ksamsok-soch.rdf', se: [] },
  { file: 'fixtures/catalogs/se/raa-ksamsok-maquette.ttl', se: [] },
  { file: 'fixtures/catalogs/misc/data_gov_be.xml', org: true, se: [] },
  { file: 'fixtures/catalogs/piveau/example_consus_ckan.ttl', se: [] },
  // "lacking the mandatory properties dct:description and dcat:theme" (its own comment): invalid on purpose.
  { file: 'fixtures/catalogs/no-dcat-ap-no-validator/invalid_catalog.ttl', shacl: ['Dataset dct:description'], se: ['Agent dct:type'] },
  { file: 'fixtures/catalogs/no-dcat-ap-no-validator/valid_catalog.json', se: ['Agent dct:type'] },
  { file: 'fixtures/catalogs/no-dcat-ap-no-validator/valid_catalog.ttl', se: ['Agent dct:type'] },
  { file: 'fixtures/catalogs/no-dcat-ap-no-validator/valid_catalog.xml', se: ['Agent dct:type'] },
  { file: 'fixtures/catalogs/no-dcat-ap-no-validator/valid_catalog_with_distribution.ttl', se: ['Agent dct:type', 'Distribution (file or link) dct:format'] },
  { file: 'standards/dcat-ap-se/examples/obligatoriskt.ttl', se: ['Agent dct:type', 'Distribution (file or link) dct:format', 'Data service dct:format'] },
  { file: 'standards/dcat-ap-se/examples/obligatoriskt.rdf', se: ['Agent dct:type', 'Distribution (file or link) dct:format', 'Data service dct:format'] },
  { file: 'standards/dcat-ap-se/examples/rekommenderat.ttl', se: ['Data service dct:format'] },
  { file: 'standards/dcat-ap-se/examples/rekommenderat.rdf', se: ['Data service dct:format'] },
];

const shortPath = (iri: string | null) => (iri ?? '').replace('http://purl.org/dc/terms/', 'dct:').replace('http://www.w3.org/ns/dcat#', 'dcat:');

describe('import and export round trips', () => {
  for (const fixture of FIXTURES) {
    test(`${fixture.file}: a fixed point after one round; no SHACL violation the source does not cause`, async () => {
      const { once, twice, validation } = await roundTrip(path.join(shared, fixture.file), fixture.org);
      assert.ok(once.length > 10);
      assert.ok(isomorphic(once, twice), 'export(import(export(import(x)))) is isomorphic to export(import(x))');
      const violations = validation.violations.filter((v) => v.severity === 'violation').map((v) => ({ shacl: SHACL_SOURCES.has(v.source), what: `${v.resourceType} ${shortPath(v.path)}` }));
      assert.deepEqual(violations.filter((v) => v.shacl).map((v) => v.what), fixture.shacl ?? []);
      assert.deepEqual(violations.filter((v) => !v.shacl).map((v) => v.what).sort(), [...fixture.se].sort());
    });
  }

  test('the DCAT-AP-SE example "rekommenderat" keeps all its information: nothing is dropped', async () => {
    const file = path.join(shared, 'standards/dcat-ap-se/examples/rekommenderat.ttl');
    const { once, twice, report } = await roundTrip(file);
    const has = (predicate: string, object: string) => once.some((q) => q.predicate.value === predicate && q.object.value === object);
    const DCT = 'http://purl.org/dc/terms/';
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const VCARD = 'http://www.w3.org/2006/vcard/ns#';
    for (const [predicate, object] of [
      [`${DCT}title`, 'Bibliotek i Sverige'],
      [`${DCT}title`, 'Libraries in Sweden'],
      [`${DCT}spatial`, 'http://sws.geonames.org/2661886'],
      [`${DCAT}keyword`, 'bibliotek'],
      [`${DCAT}keyword`, 'library'],
      [`${DCAT}theme`, 'http://publications.europa.eu/resource/authority/data-theme/EDUC'],
      [`${DCT}issued`, '2020-01-01'],
      [`${DCT}accessRights`, 'http://publications.europa.eu/resource/authority/access-right/PUBLIC'],
      [`${DCAT}startDate`, '2010-01-01'],
      [`${DCAT}endDate`, '2012-01-01'],
      [`${VCARD}fn`, 'Öppna data gruppen på exempel organisationen'],
      [`${VCARD}hasEmail`, 'mailto:oppnadata@exemple.com'],
      [`${VCARD}hasTelephone`, 'tel:+46012345678'],
      [`${DCT}format`, 'http://publications.europa.eu/resource/authority/file-type/CSV'],
      [`${DCAT}downloadURL`, 'http://example.com/download'],
      [`${DCT}license`, 'http://creativecommons.org/publicdomain/zero/1.0/'],
      [`http://data.europa.eu/r5r/availability`, 'http://publications.europa.eu/resource/authority/planned-availability/EXPERIMENTAL'],
      [`${DCAT}endpointURL`, 'http://example.com/api'],
      [`${DCAT}endpointDescription`, 'http://example.com/apidescription'],
    ]) {
      assert.ok(has(predicate!, object!), `${predicate} ${object}`);
    }
    assert.ok(once.some((q) => q.predicate.value === `${DCAT}accessService`), 'the distribution still points at its data service');
    assert.ok(once.some((q) => q.predicate.value === 'http://xmlns.com/foaf/0.1/name' && q.object.value === 'Exempel organisation'));
    // The publisher's ADMS type (one no organisation type implies) stays on the organisation made for it.
    const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    for (const quads of [once, twice]) {
      const publisher = quads.find((q) => q.predicate.value === 'http://xmlns.com/foaf/0.1/name' && q.object.value === 'Exempel organisation')!.subject;
      const types = quads.filter((q) => q.subject.equals(publisher) && q.predicate.value === `${DCT}type`).map((q) => q.object.value);
      assert.deepEqual(types, ['http://purl.org/adms/publishertype/NonProfitOrganisation']);
    }
    // The contact point's postal address: a vcard:Address under a hash IRI of each resource's contact.
    const addresses = once.filter((q) => q.predicate.value === `${VCARD}hasAddress`);
    assert.equal(addresses.length, 2, 'the dataset and the data service each name the contact point');
    for (const link of addresses) {
      assert.equal(link.subject.termType, 'NamedNode');
      assert.equal(link.object.termType, 'NamedNode', 'no blank node');
      assert.ok(link.object.value.endsWith('#contact-address'), link.object.value);
      const parts = Object.fromEntries(once.filter((q) => q.subject.equals(link.object)).map((q) => [q.predicate.value, q.object.value]));
      assert.deepEqual(parts, {
        [RDF_TYPE]: `${VCARD}Address`,
        [`${VCARD}street-address`]: 'exempelgatan 1',
        [`${VCARD}locality`]: 'Teststaden',
        [`${VCARD}postal-code`]: '70000',
        [`${VCARD}country-name`]: 'Sverige',
      });
    }
    // Nothing of the example is left behind any more.
    const dropped = report.items.flatMap((i) => i.dropped.map((d) => `${d.property} ${d.reason}`));
    assert.deepEqual(dropped, []);
  });
});
