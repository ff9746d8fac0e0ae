// The pure CKAN mapping (package ⇄ dataset) and package_search's parameter parsing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shapeDifferences } from '../../../test/ckan/shape.js';
import type { DatasetMetadata, DistributionMetadata } from '../catalog/index.js';
import { CkanError } from './ckan.errors.js';
import { packageInputOf, resourceInputOf, toCkanPackage, type CkanPackageSource } from './ckan.package.js';
import { parseFq, searchParamsOf } from './ckan.search.js';

const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const CC_BY_NC = 'http://creativecommons.org/licenses/by-nc/4.0/';
const ENVI = 'http://publications.europa.eu/resource/authority/data-theme/ENVI';
const ANNUAL = 'http://publications.europa.eu/resource/authority/frequency/ANNUAL';

function metadata(extra: Partial<DatasetMetadata> = {}): DatasetMetadata {
  return {
    title: { sv: 'Luftkvalitet', en: 'Air quality' },
    description: { sv: 'Mätningar per timme.' },
    keywords: { sv: ['luft', 'miljö'], en: ['air', 'luft'] },
    themes: [ENVI],
    temporal: [{ start: '2020-01-01', end: '2024-12-31' }],
    spatial: ['http://publications.europa.eu/resource/authority/country/SWE'],
    conformsTo: [],
    documentation: [],
    languages: ['http://publications.europa.eu/resource/authority/language/SWE'],
    hvdCategories: [],
    applicableLegislation: [],
    issued: '2021-03-01',
    modified: '2025-01-15',
    accrualPeriodicity: ANNUAL,
    landingPage: 'https://kommun.example.se/luft',
    version: '2.0',
    contactPoint: { kind: 'organization', name: 'Miljöförvaltningen', email: 'miljo@kommun.example.se' },
    ...extra,
  };
}

function distribution(id: string, position: number, extra: Partial<DistributionMetadata> = {}) {
  return { id, position, metadata: { title: { sv: `Fil ${id}` }, description: {}, conformsTo: [], languages: [], documentation: [], accessServiceIds: [], downloadUrl: `https://kommun.example.se/${id}.csv`, format: 'http://publications.europa.eu/resource/authority/file-type/CSV', mediaType: 'text/csv', license: CC_BY, byteSize: 1234, ...extra } as DistributionMetadata };
}

function source(extra: Partial<CkanPackageSource> = {}): CkanPackageSource {
  return {
    id: 'd1',
    slug: 'luftkvalitet',
    status: 'published',
    visibility: 'public',
    hvd: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    createdBy: 'u1',
    metadata: metadata(),
    distributions: [distribution('b', 1), distribution('a', 0)],
    organization: { id: 'o1', slug: 'kommunen', name: { sv: 'Kommunen' }, createdAt: '2025-01-01T00:00:00.000Z' },
    ...extra,
  };
}

describe('toCkanPackage', () => {
  test('maps the dataset after ckanext-dcat', () => {
    const pkg = toCkanPackage(source());
    assert.equal(pkg.name, 'luftkvalitet');
    assert.equal(pkg.title, 'Luftkvalitet');
    assert.equal(pkg.notes, 'Mätningar per timme.');
    assert.deepEqual(pkg.tags.map((t) => t.name), ['luft', 'miljö', 'air'], 'both languages, once each');
    assert.equal(pkg.num_tags, 3);
    assert.deepEqual(pkg.groups.map((g) => g.name), ['envi']);
    assert.deepEqual(pkg.resources.map((r) => r.id), ['a', 'b'], 'in position order');
    assert.equal(pkg.resources[0]!.format, 'CSV');
    assert.equal(pkg.resources[0]!.url, 'https://kommun.example.se/a.csv');
    assert.equal(pkg.resources[0]!.size, 1234);
    assert.equal(pkg.url, 'https://kommun.example.se/luft');
    assert.equal(pkg.maintainer_email, 'miljo@kommun.example.se');
    assert.equal(pkg.metadata_created, '2026-01-01T10:00:00.000', 'naive UTC, as CKAN writes it');
    assert.equal(pkg.state, 'active');
    assert.equal(pkg.private, false);
    assert.equal(pkg.owner_org, 'o1');
    assert.equal(pkg.organization.name, 'kommunen');
    const extras = Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]));
    assert.equal(extras.issued, '2021-03-01');
    assert.equal(extras.frequency, ANNUAL);
    assert.equal(extras.temporal_start, '2020-01-01');
    assert.equal(extras.contact_email, 'miljo@kommun.example.se');
    assert.equal(extras.hvd, undefined);
    assert.equal(toCkanPackage(source({ hvd: true, status: 'draft', visibility: 'private' })).extras.find((e) => e.key === 'hvd')?.value, 'true');
    assert.equal(toCkanPackage(source({ status: 'draft' })).state, 'draft');
  });

  test('licence and isopen come from the distributions', () => {
    const open = toCkanPackage(source());
    assert.deepEqual([open.license_id, open.license_url, open.isopen], ['CC_BY_4_0', CC_BY, true]);
    const nc = toCkanPackage(source({ distributions: [distribution('a', 0, { license: CC_BY_NC })] }));
    assert.deepEqual([nc.license_id, nc.isopen], ['CC_BYNC_4_0', false]);
    const none = toCkanPackage(source({ distributions: [] }));
    assert.equal(none.license_id, 'notspecified');
    assert.equal(none.isopen, false);
    assert.ok(!('license_url' in none), 'CKAN leaves license_url out when there is none');
  });
});

describe('packageInputOf', () => {
  test('a package we answer reads back as the same dataset', () => {
    const { input, errors } = packageInputOf(toCkanPackage(source()) as unknown as Record<string, unknown>, 'replace');
    assert.deepEqual(errors, {});
    const m = metadata();
    const d = input.dataset;
    assert.equal(d.slug, 'luftkvalitet');
    assert.deepEqual(d.title, { sv: m.title.sv });
    assert.deepEqual(d.description, m.description);
    assert.deepEqual(d.keywords, { sv: ['luft', 'miljö', 'air'] });
    assert.deepEqual(d.themes, m.themes);
    assert.equal(d.landingPage, m.landingPage);
    assert.equal(d.version, m.version);
    assert.equal(d.issued, m.issued);
    assert.equal(d.modified, m.modified);
    assert.equal(d.accrualPeriodicity, m.accrualPeriodicity);
    assert.deepEqual(d.temporal, m.temporal);
    assert.deepEqual(d.spatial, m.spatial);
    assert.deepEqual(d.languages, m.languages);
    assert.deepEqual(d.contactPoint, m.contactPoint);
    assert.equal(d.visibility, 'public');
    assert.equal(input.state, 'active');
    assert.equal(input.resources?.length, 2);
    assert.equal(input.resources?.[0]?.id, 'a');
    assert.equal(input.resources?.[0]?.license, CC_BY);
  });

  test('patch names only what the body has; replace clears the rest', () => {
    const patch = packageInputOf({ id: 'x', title: 'Ny' }, 'patch').input.dataset;
    assert.deepEqual(patch, { title: { sv: 'Ny' } });
    const replace = packageInputOf({ id: 'x', title: 'Ny' }, 'replace').input.dataset;
    assert.equal(replace.description, null);
    assert.deepEqual(replace.keywords, { sv: [] });
    assert.deepEqual(replace.themes, []);
    assert.equal(replace.issued, null);
  });

  test('unknown groups, extras and states are field errors', () => {
    const { errors } = packageInputOf({ groups: [{ name: 'nope' }], extras: [{ key: 'secret', value: 'x' }, { key: 'issued' }], state: 'deleted', private: 'maybe' }, 'patch');
    assert.deepEqual(Object.keys(errors).sort(), ['extras', 'groups', 'private', 'state']);
  });

  test('publisher confirmation fields', () => {
    const { input } = packageInputOf({ state: 'active', no_secrecy: true, personal_data_assessed: 'true', authorized: false }, 'patch');
    assert.deepEqual(input.confirmation, { noSecrecy: true, personalDataAssessed: true, authorized: false });
  });

  test('resourceInputOf', () => {
    const hash = 'a'.repeat(64);
    const r = resourceInputOf({ name: 'Data', url: 'https://x.example/d.json', format: 'json', size: '42', hash: `sha256:${hash}`, mimetype: 'application/json' }, 'CC0');
    assert.deepEqual(r, { title: { sv: 'Data' }, accessUrl: 'https://x.example/d.json', downloadUrl: 'https://x.example/d.json', format: 'JSON', mediaType: 'application/json', byteSize: 42, checksum: { algorithm: 'sha256', value: hash }, license: 'CC0' });
    assert.equal(resourceInputOf({ url: 'u', hash: 'md5:abc' }).checksum, undefined, 'only SHA-256 checksums are kept');
  });
});

describe('package_search parameters', () => {
  test('fq clauses', () => {
    assert.deepEqual(parseFq('+organization:kommunen tags:"öppna data" AND res_format:CSV'), [
      { field: 'organization', value: 'kommunen' },
      { field: 'tags', value: 'öppna data' },
      { field: 'res_format', value: 'CSV' },
    ]);
    assert.equal(parseFq('organization:a OR b'), undefined);
    assert.equal(parseFq('metadata_modified:[2020 TO *]'), undefined);
  });

  test('maps fq, sort, facets, rows and start', () => {
    const p = searchParamsOf({ q: '*:*', fq: 'organization:kommunen tags:Luft res_format:csv license_id:cc-by groups:envi', sort: 'metadata_modified desc', rows: '5000', start: '20', 'facet.field': '["organization","tags"]', include_private: 'True' });
    assert.equal(p.q, '');
    assert.deepEqual(p.filters, { organization: ['kommunen'], keyword: ['luft'], format: ['CSV'], license: ['CC_BY_4_0'], theme: ['ENVI'] });
    assert.equal(p.sort, 'modified');
    assert.equal(p.rows, 1000, 'cut to CKAN\'s maximum');
    assert.equal(p.start, 20);
    assert.deepEqual(p.facetFields, ['organization', 'tags']);
    assert.equal(p.includePrivate, true);
    assert.equal(searchParamsOf({}).rows, 10);
    assert.equal(searchParamsOf({}).sort, 'relevance');
    assert.equal(searchParamsOf({ fq: 'dataset_type:harvest' }).matchesNothing, true);
    assert.equal(searchParamsOf({ fq: '+dataset_type:dataset' }).matchesNothing, false);
  });

  test('bad parameters are one 409 naming each', () => {
    try {
      searchParamsOf({ rows: 'ten', start: '-1', sort: 'random', fq: 'author:x', 'facet.field': '{"a":1}' });
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof CkanError);
      assert.equal(error.status, 409);
      assert.equal(error.type, 'Validation Error');
      assert.deepEqual(Object.keys(error.fields).sort(), ['facet.field', 'fq', 'rows', 'sort', 'start']);
    }
  });
});

describe('the contract tests\' shape comparison', () => {
  test('reports missing and added keys and changed types, at any depth', () => {
    const rules = { omitted: new Set(['*.doi']), added: new Set(['$.extra']), nullable: new Set(['*.url']) };
    const theirs = { a: 'x', doi: 'd', url: 'u', list: [{ b: 1, c: true }], o: { d: [] } };
    assert.deepEqual(shapeDifferences({ a: 'y', url: null, list: [{ b: 2, c: false }], o: { d: [1] }, extra: 1 }, theirs, rules), []);
    assert.deepEqual(shapeDifferences({ a: 1, url: 'u', list: [{ b: 2 }], o: { d: {} }, more: 1 }, theirs, rules), [
      '$.a: ours is number, CKAN\'s is string',
      '$.list[].c: missing in ours',
      '$.o.d: ours is object, CKAN\'s is array',
      '$.more: not in CKAN\'s answer',
    ]);
  });
});
