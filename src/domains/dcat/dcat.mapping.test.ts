// The mapping from catalog resources to DCAT-AP-SE quads, on hand-made resources (no database).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as RDF from '@rdfjs/types';
import {
  emptyDataServiceMetadata,
  emptyDatasetMetadata,
  emptyDistributionMetadata,
  HVD_LEGISLATION_IRI,
  type ExportDataService,
  type ExportDataset,
  type ExportOrganization,
} from '../catalog/index.js';
import { datasetQuads } from './dcat.mapping.js';
import { dataServiceQuads } from './dcat.mapping-services.js';
import { NS } from './namespaces.js';

const BASE = 'https://data.example.se';
const D = `${BASE}/datasets/badplatser`;
const HVD_CATEGORY = 'http://data.europa.eu/bna/c_ac64a52d';

type ResourceRow = ExportDataset['row'];

function row(overrides: Partial<ResourceRow> = {}): ResourceRow {
  return {
    id: '01900000-0000-7000-8000-000000000299',
    slug: 'badplatser',
    organization_id: 'org-1',
    status: 'published',
    visibility: 'public',
    hvd: 0,
    sort_title: 'badplatser',
    metadata: '{}',
    revision: 3,
    created_by: null,
    updated_by: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-02-01T00:00:00.000Z',
    published_at: '2026-01-02T00:00:00.000Z',
    deleted_at: null,
    series_id: null,
    ...overrides,
  };
}

const ORG: ExportOrganization = { id: 'org-1', slug: 'havskommun', name: { sv: 'Havs kommun', en: 'Sea Municipality' }, orgNumber: '2120000142', type: 'municipality', website: 'https://hav.example.se' };

function dataset(overrides: { row?: Partial<ResourceRow>; organization?: Partial<ExportOrganization>; metadata?: Partial<ExportDataset['metadata']>; distributions?: ExportDataset['distributions'] } = {}): ExportDataset {
  return {
    row: row(overrides.row),
    organization: { ...ORG, ...overrides.organization },
    metadata: {
      ...emptyDatasetMetadata(),
      title: { sv: 'Badplatser', en: 'Bathing sites' },
      description: { sv: 'Kommunens badplatser.', en: 'The bathing sites.' },
      keywords: { sv: ['bad'], en: ['swimming'] },
      themes: ['http://publications.europa.eu/resource/authority/data-theme/ENVI'],
      issued: '2024-05-01',
      modified: '2025-06-01T08:30:00Z',
      temporal: [{ start: '2020-01-01', end: '2024-12-31' }],
      contactPoint: { kind: 'organization', name: 'Havs kommun, miljö', email: 'miljo@hav.example.se', phone: '0771-12 34 56', url: 'https://hav.example.se/kontakt' },
      landingPage: 'https://hav.example.se/bad platser?år=2025',
      ...overrides.metadata,
    },
    series: null,
    distributions: overrides.distributions ?? [
      {
        id: 'dist-1',
        position: 0,
        accessServices: [],
        metadata: {
          ...emptyDistributionMetadata(),
          title: { sv: 'Badplatser som CSV' },
          accessUrl: D,
          downloadUrl: `${D}/distributions/dist-1/download/badplatser.csv`,
          mediaType: 'text/csv; charset=utf-8',
          license: 'http://creativecommons.org/publicdomain/zero/1.0/',
          byteSize: 1234,
          checksum: { algorithm: 'sha256', value: 'a'.repeat(64) },
        },
      },
    ],
  };
}

const objects = (quads: RDF.Quad[], subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
const one = (quads: RDF.Quad[], subject: string, predicate: string) => {
  const found = objects(quads, subject, predicate);
  assert.equal(found.length, 1, `${subject} ${predicate}: ${found.length} values`);
  return found[0]!;
};

describe('DCAT mapping', () => {
  test('IRIs are absolute on the base URL, and no blank nodes anywhere', () => {
    const quads = datasetQuads(dataset(), { baseUrl: `${BASE}/` });
    for (const q of quads) {
      assert.notEqual(q.subject.termType, 'BlankNode');
      assert.notEqual(q.object.termType, 'BlankNode');
      for (const term of [q.subject, q.object]) if (term.termType === 'NamedNode') assert.match(term.value, /^(https?|mailto|tel):/);
    }
    assert.equal(one(quads, D, `${NS.rdf}type`).value, `${NS.dcat}Dataset`);
    assert.equal(one(quads, D, `${NS.dcat}distribution`).value, `${D}/distributions/dist-1`);
    assert.equal(one(quads, D, `${NS.dcat}contactPoint`).value, `${D}#contact`);
    assert.equal(one(quads, D, `${NS.dct}temporal`).value, `${D}#period-1`);
    assert.equal(one(quads, `${D}/distributions/dist-1`, `${NS.spdx}checksum`).value, `${D}/distributions/dist-1#checksum`);
  });

  test('the publisher is dataportal.se’s IRI when the organisation number is known, the organisation page otherwise', () => {
    const quads = datasetQuads(dataset(), { baseUrl: BASE });
    const publisher = 'http://dataportal.se/organisation/SE2120000142';
    assert.equal(one(quads, D, `${NS.dct}publisher`).value, publisher);
    assert.deepEqual(objects(quads, publisher, `${NS.rdf}type`).map((t) => t.value).sort(), [`${NS.foaf}Agent`, `${NS.foaf}Organization`]);
    assert.equal(one(quads, publisher, `${NS.dct}type`).value, 'http://purl.org/adms/publishertype/LocalAuthority');
    assert.equal(one(quads, publisher, `${NS.owl}sameAs`).value, `${BASE}/organizations/havskommun`);
    const names = objects(quads, publisher, `${NS.foaf}name`) as RDF.Literal[];
    assert.deepEqual(names.map((n) => `${n.value}@${n.language}`).sort(), ['Havs kommun@sv', 'Sea Municipality@en']);

    const without = datasetQuads(dataset({ organization: { orgNumber: null, type: 'state_agency' } }), { baseUrl: BASE });
    assert.equal(one(without, D, `${NS.dct}publisher`).value, `${BASE}/organizations/havskommun`);
    assert.equal(one(without, `${BASE}/organizations/havskommun`, `${NS.dct}type`).value, 'http://purl.org/adms/publishertype/NationalAuthority');
  });

  test('dct:type of the publisher: the chosen ADMS publisher type, else the one the organisation type implies', () => {
    const agent = `${BASE}/organizations/havskommun`;
    const typeOf = (organization: Partial<ExportOrganization>) =>
      objects(datasetQuads(dataset({ organization: { orgNumber: null, ...organization } }), { baseUrl: BASE }), agent, `${NS.dct}type`).map((t) => t.value);
    assert.deepEqual(typeOf({ type: 'other', publisherType: 'NonProfitOrganisation' }), ['http://purl.org/adms/publishertype/NonProfitOrganisation']);
    assert.deepEqual(typeOf({ type: 'other', publisherType: null }), [], 'type other without a choice: none (the DCAT-AP-SE checker asks for one)');
    assert.deepEqual(typeOf({ type: 'other' }), []);
    assert.deepEqual(typeOf({ type: 'municipality', publisherType: null }), ['http://purl.org/adms/publishertype/LocalAuthority']);
    assert.deepEqual(typeOf({ type: 'state_company', publisherType: 'PrivateIndividual(s)' }), ['http://purl.org/adms/publishertype/PrivateIndividual(s)'], 'the choice wins over the type');
  });

  test('the contact point’s postal address is a vcard:Address at <resource>#contact-address; none when it has no parts', () => {
    const contactPoint = { kind: 'organization' as const, name: 'Havs kommun, miljö', email: 'miljo@hav.example.se' };
    const quads = datasetQuads(dataset({ metadata: { contactPoint: { ...contactPoint, address: { street: 'Strandvägen 1', postalCode: '123 45', locality: 'Havsby', country: 'Sverige' } } } }), { baseUrl: BASE });
    const address = `${D}#contact-address`;
    assert.equal(one(quads, `${D}#contact`, `${NS.vcard}hasAddress`).value, address);
    assert.equal(one(quads, address, `${NS.rdf}type`).value, `${NS.vcard}Address`);
    for (const [property, value] of [['street-address', 'Strandvägen 1'], ['postal-code', '123 45'], ['locality', 'Havsby'], ['country-name', 'Sverige']] as const) {
      const literal = one(quads, address, `${NS.vcard}${property}`) as RDF.Literal;
      assert.equal(literal.termType, 'Literal');
      assert.equal(literal.value, value);
    }
    assert.ok(quads.every((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode'));

    const partial = datasetQuads(dataset({ metadata: { contactPoint: { ...contactPoint, address: { locality: 'Havsby' } } } }), { baseUrl: BASE });
    assert.deepEqual(partial.filter((q) => q.subject.value === address).map((q) => q.predicate.value).sort(), [`${NS.rdf}type`, `${NS.vcard}locality`]);
    for (const without of [{ ...contactPoint }, { ...contactPoint, address: {} }]) {
      const none = datasetQuads(dataset({ metadata: { contactPoint: without } }), { baseUrl: BASE });
      assert.deepEqual(objects(none, `${D}#contact`, `${NS.vcard}hasAddress`), []);
      assert.ok(!none.some((q) => q.subject.value === address));
    }
  });

  test('a publisher, licence or legislation is described once per document', () => {
    const remembered = new Set<string>();
    const first = datasetQuads(dataset(), { baseUrl: BASE, remembered });
    const second = datasetQuads(dataset({ row: { slug: 'badplatser-2' } }), { baseUrl: BASE, remembered });
    assert.ok(first.some((q) => q.subject.value.startsWith('http://dataportal.se/')));
    assert.ok(!second.some((q) => q.subject.value.startsWith('http://dataportal.se/')));
    assert.ok(!second.some((q) => q.subject.value === 'http://creativecommons.org/publicdomain/zero/1.0/'));
  });

  test('text is language-tagged, dates typed, sizes and checksums as DCAT-AP 3 wants them', () => {
    const quads = datasetQuads(dataset(), { baseUrl: BASE });
    for (const predicate of [`${NS.dct}title`, `${NS.dct}description`, `${NS.dcat}keyword`]) {
      for (const literal of objects(quads, D, predicate) as RDF.Literal[]) assert.ok(['sv', 'en'].includes(literal.language), `${predicate} ${literal.value}`);
    }
    assert.equal((one(quads, D, `${NS.dct}issued`) as RDF.Literal).datatype.value, `${NS.xsd}date`);
    assert.equal((one(quads, D, `${NS.dct}modified`) as RDF.Literal).datatype.value, `${NS.xsd}dateTime`);
    assert.equal((one(quads, `${D}#period-1`, `${NS.dcat}startDate`) as RDF.Literal).datatype.value, `${NS.xsd}date`);
    const dist = `${D}/distributions/dist-1`;
    const size = one(quads, dist, `${NS.dcat}byteSize`) as RDF.Literal;
    assert.deepEqual([size.value, size.datatype.value], ['1234', `${NS.xsd}nonNegativeInteger`]);
    const checksum = `${dist}#checksum`;
    assert.equal(one(quads, checksum, `${NS.rdf}type`).value, `${NS.spdx}Checksum`);
    assert.equal(one(quads, checksum, `${NS.spdx}algorithm`).value, `${NS.spdx}checksumAlgorithm_sha256`);
    const value = one(quads, checksum, `${NS.spdx}checksumValue`) as RDF.Literal;
    assert.deepEqual([value.value, value.datatype.value], ['a'.repeat(64), `${NS.xsd}hexBinary`]);
  });

  test('format as EU file type and media type as IANA IRI, each derived from the other', () => {
    const quads = datasetQuads(dataset(), { baseUrl: BASE });
    const dist = `${D}/distributions/dist-1`;
    assert.equal(one(quads, dist, `${NS.dct}format`).value, 'http://publications.europa.eu/resource/authority/file-type/CSV');
    assert.equal(one(quads, dist, `${NS.dcat}mediaType`).value, 'http://www.iana.org/assignments/media-types/text/csv');
    assert.equal(one(quads, dist, `${NS.dct}license`).value, 'http://creativecommons.org/publicdomain/zero/1.0/');
    assert.equal(one(quads, 'http://creativecommons.org/publicdomain/zero/1.0/', `${NS.rdf}type`).value, `${NS.dct}LicenseDocument`);
  });

  test('values people typed become RFC 3987 IRIs; what is no IRI is left out', () => {
    const quads = datasetQuads(dataset({ metadata: { documentation: ['not a url', 'https://hav.example.se/{docs}'] } }), { baseUrl: BASE });
    assert.equal(one(quads, D, `${NS.dcat}landingPage`).value, 'https://hav.example.se/bad%20platser?%C3%A5r=2025');
    assert.deepEqual(objects(quads, D, `${NS.foaf}page`).map((o) => o.value), ['https://hav.example.se/%7Bdocs%7D']);
    assert.equal(one(quads, `${D}#contact`, `${NS.vcard}hasEmail`).value, 'mailto:miljo@hav.example.se');
    assert.equal(one(quads, `${D}#contact`, `${NS.vcard}hasTelephone`).value, 'tel:0771-123456');
  });

  test('an HVD dataset names the legislation and categories, and so do its distributions', () => {
    const hvd = datasetQuads(dataset({ row: { hvd: 1 }, metadata: { hvdCategories: [HVD_CATEGORY], applicableLegislation: [HVD_LEGISLATION_IRI] } }), { baseUrl: BASE });
    assert.equal(one(hvd, D, `${NS.dcatap}applicableLegislation`).value, HVD_LEGISLATION_IRI);
    assert.equal(one(hvd, D, `${NS.dcatap}hvdCategory`).value, HVD_CATEGORY);
    assert.equal(one(hvd, `${D}/distributions/dist-1`, `${NS.dcatap}applicableLegislation`).value, HVD_LEGISLATION_IRI);
    assert.equal(one(hvd, HVD_LEGISLATION_IRI, `${NS.rdf}type`).value, `${NS.eli}LegalResource`);

    const ordinary = datasetQuads(dataset({ metadata: { hvdCategories: [HVD_CATEGORY] } }), { baseUrl: BASE });
    assert.deepEqual(objects(ordinary, D, `${NS.dcatap}hvdCategory`), [], 'no HVD category without the HVD legislation');
    assert.deepEqual(objects(ordinary, `${D}/distributions/dist-1`, `${NS.dcatap}applicableLegislation`), []);
  });

  test('the dataset’s own UUID is its dct:identifier unless the publisher gave one', () => {
    assert.equal(one(datasetQuads(dataset(), { baseUrl: BASE }), D, `${NS.dct}identifier`).value, '01900000-0000-7000-8000-000000000299');
    assert.equal(one(datasetQuads(dataset({ metadata: { identifier: 'HAV-17' } }), { baseUrl: BASE }), D, `${NS.dct}identifier`).value, 'HAV-17');
  });

  test('each node’s statements come together (one block per subject)', () => {
    const quads = datasetQuads(dataset(), { baseUrl: BASE });
    const seen: string[] = [];
    for (const q of quads) if (seen.at(-1) !== q.subject.value) seen.push(q.subject.value);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(seen[0], D);
  });

  test('a data service: endpoints, formats, the datasets it serves, HVD properties', () => {
    const service: ExportDataService = {
      row: row({ slug: 'bad-api', hvd: 1 }),
      organization: ORG,
      metadata: {
        ...emptyDataServiceMetadata(),
        title: { sv: 'Bad-API' },
        endpointUrls: ['https://api.hav.example.se/bad/'],
        formats: ['http://publications.europa.eu/resource/authority/file-type/JSON'],
        hvdCategories: [HVD_CATEGORY],
        applicableLegislation: [HVD_LEGISLATION_IRI],
      },
      servesDatasets: [{ id: 'x', slug: 'badplatser', title: { sv: 'Badplatser' } }],
    };
    const quads = dataServiceQuads(service, { baseUrl: BASE });
    const S = `${BASE}/data-services/bad-api`;
    assert.equal(one(quads, S, `${NS.rdf}type`).value, `${NS.dcat}DataService`);
    assert.equal(one(quads, S, `${NS.dcat}endpointURL`).value, 'https://api.hav.example.se/bad/');
    assert.equal(one(quads, S, `${NS.dcat}servesDataset`).value, D);
    assert.equal(one(quads, S, `${NS.dcatap}hvdCategory`).value, HVD_CATEGORY);
  });
});
