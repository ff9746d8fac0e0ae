// The publish rules: mandatory DCAT-AP-SE fields block, recommended ones become suggestions, and
// the HVD checklist holds a high-value dataset back until every rule passes. The rule list is held
// against the requirements file derived from the official DCAT-AP-SE 3.0.1 specification.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { HVD_LEGISLATION_IRI, emptyDataServiceMetadata, emptyDatasetMetadata, emptyDistributionMetadata, type DistributionMetadata } from './catalog.model.js';
import { dataServiceReadiness, datasetReadiness, isMachineReadable, seriesReadiness } from './readiness.js';
import { iriForCode } from './vocabularies/index.js';

const requirementsFile = path.resolve(import.meta.dirname, '../../../../shared/standards/dcat-ap-se/derived/dcat-ap-se-3.0.1-requirements.json');

interface Requirement {
  property: string;
  level: 'mandatory' | 'recommended' | 'optional';
  template: string | null;
}

function requirementsOf(className: string): Requirement[] {
  const file = JSON.parse(fs.readFileSync(requirementsFile, 'utf8')) as { classes: Record<string, { properties: Requirement[] }> };
  return file.classes[className]!.properties;
}

const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const CC_BY_NC = 'http://creativecommons.org/licenses/by-nc/4.0/';
const csv = (license = CC_BY): DistributionMetadata => ({ ...emptyDistributionMetadata(), accessUrl: 'https://example.se/d', downloadUrl: 'https://example.se/d.csv', format: iriForCode('fileType', 'CSV')!, license });
const contact = { kind: 'organization' as const, name: 'Öppna data', email: 'oppnadata@example.se' };
const api = { ...emptyDataServiceMetadata(), title: { sv: 'API' }, formats: [iriForCode('fileType', 'JSON')!], endpointUrls: ['https://api.example.se'], endpointDescriptions: ['https://api.example.se/openapi.json'], contactPoint: contact };

describe('dataset readiness', () => {
  test('an empty draft misses exactly the mandatory Swedish title and description', () => {
    const result = datasetReadiness({ metadata: emptyDatasetMetadata(), hvd: false, distributions: [], dataServices: [] });
    assert.equal(result.canPublish, false);
    assert.deepEqual(result.missing.map((m) => m.field), ['title.sv', 'description.sv']);
    assert.ok(result.suggestions.length >= 8);
    assert.equal(result.hvdChecklist, undefined);
  });

  test('title and description suffice; a distribution without access URL blocks', () => {
    const metadata = { ...emptyDatasetMetadata(), title: { sv: 'Förskolor' }, description: { sv: 'Alla förskolor.' } };
    assert.equal(datasetReadiness({ metadata, hvd: false, distributions: [], dataServices: [] }).canPublish, true);
    const blocked = datasetReadiness({ metadata, hvd: false, distributions: [emptyDistributionMetadata()], dataServices: [] });
    assert.deepEqual(blocked.missing.map((m) => m.field), ['distributions.0.accessUrl']);
  });

  test('every DCAT-AP-SE mandatory dataset and distribution property is checked, every recommended one suggested', () => {
    const metadata = emptyDatasetMetadata();
    const result = datasetReadiness({ metadata, hvd: false, distributions: [emptyDistributionMetadata()], dataServices: [] });
    const checked = new Set([...result.missing, ...result.suggestions].map((i) => i.property));
    // Publisher is always the organisation; HVD category is mandatory only on HVD datasets (checklist).
    const implied = new Set(['http://purl.org/dc/terms/publisher', 'http://data.europa.eu/r5r/hvdCategory']);
    for (const className of ['dcat:Dataset', 'dcat:Distribution']) {
      for (const req of requirementsOf(className)) {
        if (req.level === 'optional' || implied.has(req.property)) continue;
        assert.ok(checked.has(req.property), `${className} ${req.level} ${req.property} has no rule`);
      }
    }
  });

  test('HVD: each checklist rule fails on its own and the dataset cannot be published until all pass', () => {
    const base = { ...emptyDatasetMetadata(), title: { sv: 'Adresser' }, description: { sv: 'Belägenhetsadresser.' }, contactPoint: contact, hvdCategories: ['http://data.europa.eu/bna/c_ac64a52d'], applicableLegislation: [HVD_LEGISLATION_IRI] };
    const ok = datasetReadiness({ metadata: base, hvd: true, distributions: [csv()], dataServices: [api] });
    assert.equal(ok.canPublish, true, JSON.stringify(ok.hvdChecklist));
    const failing = (rule: string, context: Parameters<typeof datasetReadiness>[0]) => {
      const result = datasetReadiness(context);
      assert.equal(result.canPublish, false);
      assert.deepEqual(result.hvdChecklist!.filter((c) => !c.ok).map((c) => c.rule), [rule]);
    };
    failing('licence', { metadata: base, hvd: true, distributions: [csv(CC_BY_NC)], dataServices: [api] });
    failing('bulkDownload', { metadata: base, hvd: true, distributions: [{ ...csv(), format: iriForCode('fileType', 'PDF')! }], dataServices: [api] });
    failing('api', { metadata: base, hvd: true, distributions: [csv()], dataServices: [{ ...api, endpointDescriptions: [] }] });
    failing('contactPoint', { metadata: { ...base, contactPoint: undefined }, hvd: true, distributions: [csv()], dataServices: [api] });
    failing('category', { metadata: { ...base, hvdCategories: [] }, hvd: true, distributions: [csv()], dataServices: [api] });
    failing('legislation', { metadata: { ...base, applicableLegislation: [] }, hvd: true, distributions: [csv()], dataServices: [api] });
  });

  test('machine-readable formats: CSV, JSON and GeoJSON are, PDF and HTML are not', () => {
    for (const code of ['CSV', 'JSON', 'GEOJSON', 'XLSX']) assert.equal(isMachineReadable({ format: iriForCode('fileType', code)! }), true, code);
    for (const code of ['PDF', 'HTML', 'DOCX']) assert.equal(isMachineReadable({ format: iriForCode('fileType', code)! }), false, code);
    assert.equal(isMachineReadable({ mediaType: 'text/csv; charset=utf-8' }), true);
  });
});

describe('data service and series readiness', () => {
  test('a data service needs a Swedish title and an endpoint URL; HVD ones also category and legislation', () => {
    assert.deepEqual(dataServiceReadiness(emptyDataServiceMetadata(), false).missing.map((m) => m.field), ['title.sv', 'endpointUrls', 'formats']);
    assert.deepEqual(dataServiceReadiness({ ...api }, true).missing.map((m) => m.field), ['hvdCategories', 'applicableLegislation']);
    assert.equal(dataServiceReadiness(api, false).canPublish, true);
  });

  test('every DCAT-AP-SE mandatory data service and series property has a rule', () => {
    const service = dataServiceReadiness(emptyDataServiceMetadata(), true);
    const serviceChecked = new Set([...service.missing, ...service.suggestions].map((i) => i.property));
    for (const req of requirementsOf('dcat:DataService')) if (req.level === 'mandatory' && !req.property.endsWith('/publisher')) assert.ok(serviceChecked.has(req.property), req.property);
    const series = seriesReadiness({ ...emptyDatasetMetadata(), title: {}, description: {} } as never);
    const seriesChecked = new Set([...series.missing, ...series.suggestions].map((i) => i.property));
    for (const req of requirementsOf('dcat:DatasetSeries')) {
      if (req.level === 'mandatory' && !req.property.endsWith('/publisher') && !req.property.endsWith('hvdCategory')) assert.ok(seriesChecked.has(req.property), req.property);
    }
  });
});
