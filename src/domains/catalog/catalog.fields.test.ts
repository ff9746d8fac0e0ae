// Normalising input onto metadata documents: controlled values in any spelling, licences canonical,
// every problem collected with its field path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFields, datasetFields, distributionFields, type Problems } from './catalog.fields.js';
import { emptyDatasetMetadata, emptyDistributionMetadata } from './catalog.model.js';
import { diffSnapshots } from './revision-diff.js';

describe('metadata fields', () => {
  test('codes and IRIs in any spelling become the vocabulary IRI; licences become canonical', () => {
    const problems: Problems = {};
    const dataset = applyFields(datasetFields, emptyDatasetMetadata(), {
      themes: ['EDUC', 'https://publications.europa.eu/resource/authority/data-theme/educ/', 'ENVI'],
      accrualPeriodicity: 'annual',
      languages: ['SWE'],
      keywords: { sv: [' förskola ', 'förskola', ''], en: ['preschool'] },
      title: { sv: '  Förskolor  ' },
    }, problems);
    assert.deepEqual(problems, {});
    assert.deepEqual(dataset.themes, ['http://publications.europa.eu/resource/authority/data-theme/EDUC', 'http://publications.europa.eu/resource/authority/data-theme/ENVI']);
    assert.equal(dataset.accrualPeriodicity, 'http://publications.europa.eu/resource/authority/frequency/ANNUAL');
    assert.deepEqual(dataset.keywords, { sv: ['förskola'], en: ['preschool'] });
    assert.equal(dataset.title.sv, 'Förskolor');

    const distribution = applyFields(distributionFields, emptyDistributionMetadata(), { license: 'https://creativecommons.org/licenses/by/4.0/deed.sv', format: 'csv', mediaType: 'Text/CSV' }, problems);
    assert.deepEqual(problems, {});
    assert.equal(distribution.license, 'http://creativecommons.org/licenses/by/4.0/');
    assert.equal(distribution.format, 'http://publications.europa.eu/resource/authority/file-type/CSV');
    assert.equal(distribution.mediaType, 'text/csv');
  });

  test('every problem is reported with its field path', () => {
    const problems: Problems = {};
    applyFields(datasetFields, emptyDatasetMetadata(), {
      themes: ['NOT_A_THEME'],
      landingPage: 'ftp://example.se',
      issued: '2024-13-45',
      temporal: [{ start: '2024-05-01', end: '2024-01-01' }],
      contactPoint: { name: '', email: 'nope' },
      title: { sv: 'x'.repeat(501), de: 'Titel' },
    }, problems);
    assert.deepEqual(Object.keys(problems).sort(), ['contactPoint.email', 'contactPoint.name', 'issued', 'landingPage', 'temporal.0.end', 'themes', 'title.de', 'title.sv']);
    assert.deepEqual(problems.themes, ['catalog.validation.unknownConcept']);
  });

  test('null and empty strings clear a field; absent fields stay', () => {
    const problems: Problems = {};
    const start = { ...emptyDatasetMetadata(), version: '1.0', themes: ['http://publications.europa.eu/resource/authority/data-theme/EDUC'], landingPage: 'https://example.se' };
    const next = applyFields(datasetFields, start, { version: null, themes: null, landingPage: '' }, problems);
    assert.equal(next.version, undefined);
    assert.deepEqual(next.themes, []);
    assert.equal(next.landingPage, undefined);
    assert.equal(applyFields(datasetFields, start, {}, problems).version, '1.0');
  });

  test('an unknown licence URL is kept as given; a non-URL unknown licence is refused', () => {
    const problems: Problems = {};
    assert.equal(applyFields(distributionFields, emptyDistributionMetadata(), { license: 'https://www.example.se/villkor' }, problems).license, 'https://www.example.se/villkor');
    applyFields(distributionFields, emptyDistributionMetadata(), { license: 'fri att använda' }, problems);
    assert.deepEqual(problems, { license: ['catalog.validation.licence'] });
  });
});

describe('revision diffs', () => {
  test('field paths, arrays whole, distributions by id; empty equals missing', () => {
    const before = { slug: 'a', status: 'draft', visibility: 'public' as const, hvd: false, deleted: false, metadata: { title: { sv: 'A' }, themes: [] as string[] }, distributions: [{ id: 'd1', position: 0, metadata: { ...emptyDistributionMetadata(), license: 'x' } }] };
    const after = { ...before, metadata: { title: { sv: 'B', en: 'B' }, themes: ['t'] }, distributions: [{ id: 'd1', position: 0, metadata: { ...emptyDistributionMetadata(), license: 'y' } }] };
    assert.deepEqual(diffSnapshots(before, after), {
      'title.sv': ['A', 'B'],
      'title.en': [null, 'B'],
      themes: [null, ['t']],
      'distributions.d1.license': ['x', 'y'],
    });
    assert.deepEqual(diffSnapshots(before, { ...before }), {});
  });
});

describe('contact addresses', () => {
  test('a contact point keeps its postal address: parts trimmed, empty parts and empty addresses left out', () => {
    const problems: Problems = {};
    const contact = { name: 'Kundservice', email: 'data@example.se' };
    const next = applyFields(datasetFields, emptyDatasetMetadata(), {
      contactPoint: { ...contact, address: { street: '  Storgatan 1 ', postalCode: '123 45', locality: 'Ort\n by', country: '', extra: undefined } },
    }, problems);
    assert.deepEqual(problems, {});
    assert.deepEqual(next.contactPoint?.address, { street: 'Storgatan 1', postalCode: '123 45', locality: 'Ort by' });
    for (const address of [null, {}, { street: ' ', country: null }]) {
      const cleared = applyFields(datasetFields, emptyDatasetMetadata(), { contactPoint: { ...contact, address } }, problems);
      assert.deepEqual(problems, {});
      assert.equal(cleared.contactPoint?.name, 'Kundservice');
      assert.equal('address' in (cleared.contactPoint ?? {}), false, JSON.stringify(address));
    }
  });

  test('each part of a contact address is at most 200 characters; bad parts are named by their path', () => {
    const contact = { name: 'Kundservice', email: 'data@example.se' };
    const atLimit: Problems = {};
    const kept = applyFields(datasetFields, emptyDatasetMetadata(), { contactPoint: { ...contact, address: { street: 'g'.repeat(200), country: 'Sverige' } } }, atLimit);
    assert.deepEqual(atLimit, {});
    assert.equal(kept.contactPoint?.address?.street?.length, 200);

    const problems: Problems = {};
    const refused = applyFields(datasetFields, emptyDatasetMetadata(), {
      contactPoint: { ...contact, address: { street: 'g'.repeat(201), locality: 42, postalCode: '123 45', region: 'Norrland' } },
    }, problems);
    assert.deepEqual(problems, {
      'contactPoint.address.street': ['catalog.validation.addressPartTooLong'],
      'contactPoint.address.locality': ['catalog.validation.text'],
      'contactPoint.address.region': ['catalog.validation.address'],
    });
    assert.deepEqual(refused.contactPoint?.address, { postalCode: '123 45' });

    const notAnObject: Problems = {};
    applyFields(datasetFields, emptyDatasetMetadata(), { contactPoint: { ...contact, address: 'Storgatan 1, Ort' } }, notAnObject);
    assert.deepEqual(notAnObject, { 'contactPoint.address': ['catalog.validation.address'] });
  });
});
