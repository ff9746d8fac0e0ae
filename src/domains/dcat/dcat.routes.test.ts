// The linked-data routes through the real app on the demo catalog: the four syntaxes and their
// content types, paging with Hydra links, the full dump, per-organisation catalogs, content
// negotiation on dataset URIs — and drafts and private datasets never leaving the building.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as RDF from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import { domainsOf } from '../../domains.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { bearer, createUser } from '../organizations/testing.js';
import { parseRdf } from './rdf-parse.js';
import type { RdfFormat } from './serializers/index.js';

const BASE = 'http://allmanning.test';
const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
/** Demo datasets that must never be exported: drafts and private ones. */
const HIDDEN = ['digital-mognad-offentlig-sektor', 'forsaljning-per-vecka', 'resande-per-linje', 'nyproducerade-bostader', 'lekplatser', 'vardplatser-per-sjukhus', 'felanmalningar-gatumiljo'];

let t: CatalogTestApp;

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

async function graph(url: string, format: RdfFormat, headers: Record<string, string> = {}): Promise<RDF.Quad[]> {
  const res = await get(url, headers);
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
  return parseRdf(res.body, format);
}

const subjectsOfType = (quads: RDF.Quad[], type: string) => quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
const valueOf = (quads: RDF.Quad[], subject: string, predicate: string) => quads.find((q) => q.subject.value === subject && q.predicate.value === predicate)?.object.value;

describe('DCAT-AP-SE routes', () => {
  before(async () => {
    t = await startApp();
    await domainsOf(t.deps).organizations.seedDemo();
    await domainsOf(t.deps).catalog.seedDemo();
  });
  after(() => t.close());

  test('the four syntaxes with their content types describe the same graph', async () => {
    const expected: Record<RdfFormat, string> = { rdf: 'application/rdf+xml', ttl: 'text/turtle', jsonld: 'application/ld+json', nt: 'application/n-triples' };
    const graphs: RDF.Quad[][] = [];
    for (const [format, type] of Object.entries(expected) as [RdfFormat, string][]) {
      const res = await get(`/catalog.${format}?page=all`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], type);
      assert.match(String(res.headers.etag), /^"[\w-]+"$/);
      assert.equal(res.headers['cache-control'], 'public, no-cache');
      graphs.push(await parseRdf(res.body, format));
    }
    for (const other of graphs.slice(1)) assert.ok(isomorphic(other, graphs[0]!), 'every syntax carries the same triples');
    const quads = graphs[0]!;
    assert.deepEqual(subjectsOfType(quads, `${DCAT}Catalog`), [`${BASE}/catalog`]);
    assert.equal(subjectsOfType(quads, `${DCAT}Dataset`).length, 48);
    assert.equal(subjectsOfType(quads, `${DCAT}DataService`).length, 1);
    assert.equal(subjectsOfType(quads, `${DCAT}DatasetSeries`).length, 2);
    assert.equal(quads.filter((q) => q.subject.value === `${BASE}/catalog` && q.predicate.value === `${DCAT}dataset`).length, 50, 'datasets and series');
    assert.ok(!quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode'));
    assert.equal(subjectsOfType(quads, `${HYDRA}PartialCollectionView`).length, 0, 'the full dump is not paged');
  });

  test('pages link to each other with a Hydra PartialCollectionView and Link headers', async () => {
    const res = await get('/catalog.ttl?page=2&pageSize=20');
    assert.equal(res.statusCode, 200);
    const quads = await parseRdf(res.body, 'ttl');
    const view = `${BASE}/catalog.ttl?page=2&pageSize=20`;
    assert.equal(valueOf(quads, `${BASE}/catalog`, `${HYDRA}view`), view);
    assert.equal(valueOf(quads, view, RDF_TYPE), `${HYDRA}PartialCollectionView`);
    assert.equal(valueOf(quads, view, `${HYDRA}first`), `${BASE}/catalog.ttl?page=1&pageSize=20`);
    assert.equal(valueOf(quads, view, `${HYDRA}previous`), `${BASE}/catalog.ttl?page=1&pageSize=20`);
    assert.equal(valueOf(quads, view, `${HYDRA}next`), `${BASE}/catalog.ttl?page=3&pageSize=20`);
    assert.equal(valueOf(quads, view, `${HYDRA}last`), `${BASE}/catalog.ttl?page=3&pageSize=20`);
    assert.equal(valueOf(quads, view, `${HYDRA}totalItems`), '51');
    assert.equal(subjectsOfType(quads, `${DCAT}Dataset`).length, 20);
    assert.match(String(res.headers.link), /<http:\/\/allmanning\.test\/catalog\.ttl\?page=3&pageSize=20>; rel="next"/);

    // The last page holds the rest: the datasets that remain, the data service and the series.
    const last = await graph('/catalog.ttl?page=3&pageSize=20', 'ttl');
    assert.equal(subjectsOfType(last, `${DCAT}Dataset`).length, 8);
    assert.equal(subjectsOfType(last, `${DCAT}DataService`).length, 1);
    assert.equal(subjectsOfType(last, `${DCAT}DatasetSeries`).length, 2);
    assert.equal(valueOf(last, `${BASE}/catalog.ttl?page=3&pageSize=20`, `${HYDRA}next`), undefined);

    // The default page is the first, 100 items.
    const first = await graph('/catalog.rdf', 'rdf');
    assert.equal(valueOf(first, `${BASE}/catalog.rdf?page=1`, `${HYDRA}itemsPerPage`), '100');
    assert.equal((await get('/catalog.ttl?page=4&pageSize=20')).statusCode, 404);
    assert.equal((await get('/catalog.ttl?page=zero')).statusCode, 400);
  });

  test('a repeated request with the ETag is answered 304, until the catalog changes', async () => {
    const first = await get('/catalog.ttl');
    const again = await get('/catalog.ttl', { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.notEqual((await get('/catalog.rdf')).headers.etag, first.headers.etag, 'each syntax has its own ETag');

    const admin = await createUser(t, { siteAdmin: true });
    await domainsOf(t.deps).catalog.catalog.datasets.update(await admin.actor(), 'gatutrad', { title: { sv: 'Gatuträd (uppdaterad)' } });
    const changed = await get('/catalog.ttl', { 'if-none-match': String(first.headers.etag) });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /Gatuträd \(uppdaterad\)/);
  });

  test('one catalog per organisation, published under dataportal.se’s publisher IRI', async () => {
    const quads = await graph('/organizations/lantmateriet/catalog.rdf', 'rdf');
    const catalog = `${BASE}/organizations/lantmateriet/catalog`;
    assert.deepEqual(subjectsOfType(quads, `${DCAT}Catalog`), [catalog]);
    assert.equal(valueOf(quads, catalog, 'http://purl.org/dc/terms/publisher'), 'http://dataportal.se/organisation/SE2021004888');
    const publishers = new Set(quads.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/publisher').map((q) => q.object.value));
    assert.deepEqual([...publishers], ['http://dataportal.se/organisation/SE2021004888']);
    assert.ok(subjectsOfType(quads, `${DCAT}Dataset`).includes(`${BASE}/datasets/belagenhetsadresser`));
    assert.deepEqual(subjectsOfType(quads, `${DCAT}DataService`), [`${BASE}/data-services/oppna-geodata-api`]);
    assert.equal((await get('/organizations/lantmateriet/catalog.ttl?page=1&pageSize=2')).statusCode, 200, 'paged on request');
    assert.equal((await get('/organizations/finns-inte/catalog.rdf')).statusCode, 404);
  });

  test('drafts and private datasets are never exported', async () => {
    const texts = [(await get('/catalog.nt?page=all')).body, (await get('/organizations/region-stockholm/catalog.nt')).body, (await get('/organizations/digg/catalog.nt')).body];
    for (const slug of HIDDEN) {
      for (const text of texts) assert.ok(!text.includes(`/datasets/${slug}>`), `${slug} was exported`);
      assert.equal((await get(`/datasets/${slug}.ttl`)).statusCode, 404, `${slug} as Turtle`);
      const negotiated = await get(`/datasets/${slug}`, { accept: 'text/turtle' });
      assert.ok(!String(negotiated.headers['content-type']).startsWith('text/turtle'), `${slug} negotiated`);
    }
  });

  test('/catalog and /organizations/{slug}/catalog answer by Accept', async () => {
    const turtle = await get('/catalog', { accept: 'text/turtle' });
    assert.equal(turtle.headers['content-type'], 'text/turtle');
    assert.equal((await get('/catalog', { accept: '*/*' })).headers['content-type'], 'application/rdf+xml');
    const browser = await get('/catalog', { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' });
    assert.equal(browser.statusCode, 303);
    assert.equal(browser.headers.location, '/datasets');
    assert.equal((await get('/organizations/scb/catalog', { accept: 'application/ld+json' })).headers['content-type'], 'application/ld+json');
  });

  test('every dataset URI negotiates: RDF for RDF clients, the page for browsers', async () => {
    const iri = `${BASE}/datasets/belagenhetsadresser`;
    for (const [accept, format] of [['text/turtle', 'ttl'], ['application/rdf+xml', 'rdf'], ['application/ld+json', 'jsonld'], ['application/n-triples;q=1, text/html;q=0.5', 'nt']] as const) {
      const res = await get('/datasets/belagenhetsadresser', { accept });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers.vary), /Accept/);
      const quads = await parseRdf(res.body, format);
      assert.equal(valueOf(quads, iri, RDF_TYPE), `${DCAT}Dataset`, accept);
      assert.ok(quads.some((q) => q.subject.value === iri && q.predicate.value === `${DCAT}distribution`));
    }
    const english = await get('/en/datasets/belagenhetsadresser', { accept: 'text/turtle' });
    assert.equal(english.headers['content-type'], 'text/turtle');

    const page = await get('/datasets/belagenhetsadresser', { accept: 'text/html,*/*;q=0.8' });
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers.vary), /Accept/);
    assert.match(String(page.headers.link), /<http:\/\/allmanning\.test\/datasets\/belagenhetsadresser\.ttl>; rel="alternate"; type="text\/turtle"/);
    assert.match(String((await get('/datasets/belagenhetsadresser', { accept: '*/*' })).headers['content-type']), /^text\/html/, '*/* is a browser');

    for (const format of ['ttl', 'rdf', 'jsonld', 'nt'] as const) {
      const res = await get(`/datasets/belagenhetsadresser.${format}`);
      assert.equal(res.statusCode, 200, format);
      assert.equal(valueOf(await parseRdf(res.body, format), iri, RDF_TYPE), `${DCAT}Dataset`);
    }
    assert.equal((await get('/datasets/finns-inte.ttl')).statusCode, 404);
    assert.notEqual((await get('/datasets/%E0%A4%A', { accept: 'text/turtle' })).statusCode, 500, 'a malformed path is no server error');
    assert.match(String((await get('/datasets/new', { accept: 'text/turtle' })).headers['content-type']), /^text\/html/, 'not a dataset: the page route answers');
  });

  test('the publisher type chosen for an organisation is its agent’s dct:type, in its catalog and on its datasets', async () => {
    const admin = await createUser(t, { siteAdmin: true });
    const patch = (slug: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${slug}`, headers: bearer(admin), payload });
    const DCT_TYPE = 'http://purl.org/dc/terms/type';
    await domainsOf(t.deps).organizations.organizations.createAsOperator({ slug: 'bibliotekforeningen', name: { sv: 'Biblioteksföreningen' }, type: 'other' });
    const agent = `${BASE}/organizations/bibliotekforeningen`;
    assert.equal(valueOf(await graph('/organizations/bibliotekforeningen/catalog.ttl', 'ttl'), agent, DCT_TYPE), undefined, 'type other, nothing chosen: no dct:type');
    assert.equal((await patch('bibliotekforeningen', { publisherType: 'NonProfitOrganisation' })).statusCode, 200);
    assert.equal(valueOf(await graph('/organizations/bibliotekforeningen/catalog.ttl', 'ttl'), agent, DCT_TYPE), 'http://purl.org/adms/publishertype/NonProfitOrganisation');

    const lantmateriet = 'http://dataportal.se/organisation/SE2021004888';
    assert.equal(valueOf(await graph('/datasets/belagenhetsadresser.ttl', 'ttl'), lantmateriet, DCT_TYPE), 'http://purl.org/adms/publishertype/NationalAuthority');
    assert.equal((await patch('lantmateriet', { publisherType: 'SupraNationalAuthority' })).statusCode, 200);
    assert.equal(valueOf(await graph('/datasets/belagenhetsadresser.ttl', 'ttl'), lantmateriet, DCT_TYPE), 'http://purl.org/adms/publishertype/SupraNationalAuthority');
    assert.equal(valueOf(await graph('/organizations/lantmateriet/catalog.ttl', 'ttl'), lantmateriet, DCT_TYPE), 'http://purl.org/adms/publishertype/SupraNationalAuthority');
  });
});

describe('the site-wide catalog’s publisher (ALLMANNING_CATALOG_PUBLISHER)', () => {
  const publisherOf = (quads: RDF.Quad[]) => valueOf(quads, `${BASE}/catalog`, 'http://purl.org/dc/terms/publisher');

  test('unset: the site’s own agent; set: that organisation’s agent, with the dataportal.se IRI', async () => {
    const own = await startApp();
    const configured = await startApp({ ALLMANNING_CATALOG_PUBLISHER: 'digg' });
    const unknown = await startApp({ ALLMANNING_CATALOG_PUBLISHER: 'ingen-sadan' });
    try {
      for (const app of [own, configured, unknown]) await domainsOf(app.deps).organizations.seedDemo();
      const quadsOf = async (app: CatalogTestApp) => {
        const res = await app.app.inject({ method: 'GET', url: '/catalog.ttl?page=1' });
        assert.equal(res.statusCode, 200);
        return parseRdf(res.body, 'ttl');
      };
      assert.equal(publisherOf(await quadsOf(own)), `${BASE}/#publisher`);
      const quads = await quadsOf(configured);
      const publisher = publisherOf(quads);
      assert.equal(publisher, 'http://dataportal.se/organisation/SE2021006883');
      assert.equal(valueOf(quads, publisher!, 'http://purl.org/dc/terms/type'), 'http://purl.org/adms/publishertype/NationalAuthority');
      assert.equal(publisherOf(await quadsOf(unknown)), `${BASE}/#publisher`, 'a slug that names no organisation falls back to the site');
    } finally {
      await Promise.all([own.close(), configured.close(), unknown.close()]);
    }
  });
});
