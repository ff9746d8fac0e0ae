// The export of the demo catalog passes DCAT-AP 3.0.1 (base shapes and code-list shapes with the
// vocabularies merged in), DCAT-AP HVD 3.0.0 for the high-value datasets, and the DCAT-AP-SE
// checker; and a deliberately broken graph is explained in words a publisher can act on, in
// Swedish and English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as RDF from '@rdfjs/types';
import { domainsOf } from '../../../domains.js';
import { startApp, type CatalogTestApp } from '../../catalog/testing.js';
import { createUser } from '../../organizations/testing.js';
import { parseRdf } from '../rdf-parse.js';
import { checkDcatApSe } from './dcat-ap-se.checker.js';
import { runShacl } from './shacl.js';
import { validateText } from './validate.js';

const show = (findings: { source: string; severity: string; kind: string; focusNode: RDF.Term; path?: string | undefined; params: object }[]) =>
  findings.map((f) => `${f.source} ${f.severity} ${f.kind} <${f.focusNode.value}> ${f.path ?? ''} ${JSON.stringify(f.params)}`).join('\n');

describe('the demo catalog’s export validates', () => {
  let t: CatalogTestApp;
  let quads: RDF.Quad[];

  before(async () => {
    t = await startApp();
    await domainsOf(t.deps).organizations.seedDemo();
    await domainsOf(t.deps).catalog.seedDemo();
    const document = await domainsOf(t.deps).dcat.exportCatalog({ format: 'ttl', page: 'all' });
    let text = '';
    for await (const chunk of document.stream()) text += String(chunk);
    quads = await parseRdf(text, 'ttl');
  });
  after(() => t.close());

  test('DCAT-AP 3.0.1 base and code-list shapes and DCAT-AP HVD: zero violations', { timeout: 120_000 }, async () => {
    const findings = await runShacl(quads);
    const violations = findings.filter((f) => f.severity === 'violation');
    assert.deepEqual(violations, [], show(violations));
    // The HVD shapes did judge the high-value datasets (their distributions name the legislation).
    const hvdDatasets = quads.filter((q) => q.predicate.value === 'http://data.europa.eu/r5r/hvdCategory').map((q) => q.subject.value);
    assert.ok(hvdDatasets.includes('http://allmanning.test/datasets/belagenhetsadresser'));
    assert.ok(hvdDatasets.includes('http://allmanning.test/data-services/oppna-geodata-api'));
  });

  test('the DCAT-AP-SE checker: zero errors', () => {
    const errors = checkDcatApSe(quads).filter((f) => f.severity === 'violation');
    assert.deepEqual(errors, [], show(errors));
  });

  test('validateDataset: the editor checks a dataset as it would be exported, drafts included', { timeout: 120_000 }, async () => {
    const { catalog, dcat } = domainsOf(t.deps);
    const admin = await createUser(t, { siteAdmin: true });
    const actor = await admin.actor();
    const published = await dcat.validateDataset(await catalog.catalog.datasets.get(actor, 'belagenhetsadresser'), 'en');
    assert.equal(published.conforms, true, JSON.stringify(published.violations.filter((v) => v.severity === 'violation')));
    const draft = await catalog.catalog.datasets.create(actor, { organization: 'scb', title: { sv: 'Utkast utan beskrivning' } });
    const result = await dcat.validateDataset(await catalog.catalog.datasets.get(actor, draft.row.id), 'sv');
    assert.equal(result.conforms, false);
    assert.ok(result.violations.some((v) => v.propertyLabel === 'Beskrivning' && v.resourceTitle === 'Utkast utan beskrivning'));
  });

  test('the shapes catch it when an HVD distribution loses its legislation', async () => {
    const broken = quads.filter((q) => !(q.subject.value.startsWith('http://allmanning.test/datasets/belagenhetsadresser/distributions/') && q.predicate.value === 'http://data.europa.eu/r5r/applicableLegislation'));
    const findings = await runShacl(broken);
    assert.ok(findings.some((f) => f.source === 'dcat-ap-hvd' && f.kind === 'minCount' && f.path === 'http://data.europa.eu/r5r/applicableLegislation'), show(findings));
  });
});

const BROKEN = `
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix spdx: <http://spdx.org/rdf/terms#> .

<https://kommun.example.se/data/badplatser> a dcat:Dataset ;
  dct:title "Badplatser"@sv, "Bathing sites"@en ;
  dct:publisher <https://kommun.example.se/> ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/NOT_A_FREQUENCY> ;
  dct:modified "i fjol" ;
  dcatap:hvdCategory <http://data.europa.eu/bna/c_ac64a52d> ;
  dcat:distribution <https://kommun.example.se/data/badplatser/csv> , [ a dcat:Distribution ; dcat:accessURL <https://kommun.example.se/bad.csv> ] .

<https://kommun.example.se/> a foaf:Agent ; foaf:name "Havs kommun"@sv .

<https://kommun.example.se/data/badplatser/csv> a dcat:Distribution ;
  dct:title "CSV"@sv ;
  dct:format "CSV" ;
  dcat:byteSize "stor" ;
  dcat:downloadURL <https://kommun.example.se/bad.csv> .
`;

describe('a broken graph, explained', () => {
  test('in Swedish: which resource, which property, what is wrong, how to fix it', { timeout: 120_000 }, async () => {
    const result = await validateText({ text: BROKEN, format: 'ttl' }, 'sv');
    assert.equal(result.conforms, false);
    const about = (path: string, focus = 'https://kommun.example.se/data/badplatser') => result.violations.filter((v) => v.path === path && v.focusNode === focus);

    const description = about('http://purl.org/dc/terms/description')[0]!;
    assert.equal(description.severity, 'violation');
    assert.equal(description.resourceType, 'Datamängd');
    assert.equal(description.resourceTitle, 'Badplatser');
    assert.equal(description.propertyLabel, 'Beskrivning');
    assert.equal(description.message, 'Beskrivning saknas.');
    assert.match(description.hint, /Lägg till Beskrivning/);
    assert.equal(about('http://purl.org/dc/terms/description').length, 1, 'DCAT-AP and DCAT-AP-SE say it once');

    const access = about('http://www.w3.org/ns/dcat#accessURL', 'https://kommun.example.se/data/badplatser/csv')[0]!;
    assert.equal(access.propertyLabel, 'Webbadress för åtkomst');
    assert.equal(access.resourceTitle, 'Badplatser › CSV', 'a distribution is named with its dataset');

    const frequency = about('http://purl.org/dc/terms/accrualPeriodicity').find((v) => v.source === 'dcat-ap-codelists')!;
    assert.equal(frequency.severity, 'violation');
    assert.match(frequency.message, /NOT_A_FREQUENCY> finns inte i den kontrollerade vokabulären <?http:\/\/publications\.europa\.eu\/resource\/authority\/frequency/);

    assert.match(about('http://purl.org/dc/terms/modified')[0]!.hint, /ÅÅÅÅ-MM-DD/);
    assert.match(about('http://www.w3.org/ns/dcat#byteSize', 'https://kommun.example.se/data/badplatser/csv')[0]!.message, /xsd:nonNegativeInteger/);
    assert.match(about('http://purl.org/dc/terms/format', 'https://kommun.example.se/data/badplatser/csv')[0]!.message, /Format ska vara en adress \(IRI\)/);
    assert.match(about('http://data.europa.eu/r5r/hvdCategory')[0]!.message, /får bara anges för värdefulla datamängder/);

    const blank = result.violations.find((v) => v.focusNode.startsWith('_:') && /blank nod/.test(v.message))!;
    assert.equal(blank.resourceType, 'Distribution');
    assert.match(blank.hint, /unik, absolut adress/);

    const publisherType = about('http://purl.org/dc/terms/type', 'https://kommun.example.se/')[0]!;
    assert.equal(publisherType.resourceType, 'Aktör');
    assert.match(publisherType.message, /Typ är obligatorisk i DCAT-AP-SE/);
    assert.ok(result.violations.some((v) => v.severity === 'info' && /dataportal\.se\/organisation\/SE/.test(v.hint)), 'the publisher IRI suggestion');
    assert.equal(result.counts.violation, result.violations.filter((v) => v.severity === 'violation').length);
  });

  test('in English, the same findings in English words', { timeout: 120_000 }, async () => {
    const result = await validateText({ text: BROKEN, contentType: 'text/turtle' }, 'en');
    const description = result.violations.find((v) => v.path === 'http://purl.org/dc/terms/description')!;
    assert.equal(description.resourceType, 'Dataset');
    assert.equal(description.message, 'Description is missing.');
    assert.match(description.hint, /^Add Description/);
    const modified = result.violations.find((v) => v.path === 'http://purl.org/dc/terms/modified')!;
    assert.match(modified.hint, /YYYY-MM-DD/);
    const sv = await validateText({ text: BROKEN, format: 'ttl' }, 'sv');
    assert.deepEqual(sv.counts, result.counts, 'the same findings in both languages');
  });

  test('an unreadable document names the line and column', async () => {
    await assert.rejects(validateText({ text: '@prefix dct: <http://purl.org/dc/terms/> .\n<https://x.example/a> dct:title "ok" .\n<https://x.example/b> dct:title "unterminated .\n', format: 'ttl' }, 'en'), /line 3, column \d+/);
    await assert.rejects(validateText({ text: '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description>\n</rdf:RDF>', format: 'rdf' }, 'en'), /line 4, column \d+/);
    await assert.rejects(validateText({ text: '{\n  "@id": "x",\n}', format: 'jsonld' }, 'en'), /line 3, column 1/);
  });
});
