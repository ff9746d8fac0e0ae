// Importing from a URL: a paged catalog served by a local Fastify server, in both Hydra styles
// (hydra:PartialCollectionView + hydra:next, and the older hydra:PagedCollection +
// hydra:nextPage), pages in different syntaxes, blank nodes on every page; and loopback refused
// unless ALLMANNING_FETCH_ALLOW_PRIVATE lists it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { domainsOf } from '../../../domains.js';

const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
`;

/** Page n of 3 as Turtle: two datasets (one blank node), the Hydra view of the given style. */
function turtlePage(base: string, style: 'view' | 'paged', page: number): string {
  const next = page < 3 ? `<${base}?page=${page + 1}>` : undefined;
  const view =
    style === 'view'
      ? `<${base}> hydra:view <${base}?page=${page}> .\n<${base}?page=${page}> a hydra:PartialCollectionView ; hydra:first <${base}?page=1> ; hydra:last <${base}?page=3>${next ? ` ; hydra:next ${next}` : ''} .`
      : `<${base}?page=${page}> a hydra:PagedCollection ; hydra:totalItems 6 ; hydra:itemsPerPage 2${next ? ` ; hydra:nextPage ${next}` : ''} .`;
  return `${PREFIXES}
<${base}> a dcat:Catalog ; dcat:dataset <https://data.example.se/${style}/${page}a>, _:b .
<https://data.example.se/${style}/${page}a> a dcat:Dataset ; dct:title "Sida ${page} A"@sv ; dct:description "A"@sv ;
  dct:publisher <http://dataportal.se/organisation/SE2021005489> ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://data.example.se/${page}.csv> ] .
_:b a dcat:Dataset ; dct:title "Sida ${page} B"@sv ; dct:description "B"@sv ; dct:publisher <http://dataportal.se/organisation/SE2021005489> .
${view}
`;
}

/** Page 2 of the older style as RDF/XML (a catalog may mix syntaxes between pages). */
function rdfXmlPage(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/" xmlns:hydra="http://www.w3.org/ns/hydra/core#">
  <dcat:Dataset rdf:about="https://data.example.se/paged/2a">
    <dct:title xml:lang="sv">Sida 2 A</dct:title>
    <dct:description xml:lang="sv">A</dct:description>
    <dct:publisher rdf:resource="http://dataportal.se/organisation/SE2021005489"/>
  </dcat:Dataset>
  <dcat:Dataset>
    <dct:title xml:lang="sv">Sida 2 B</dct:title>
    <dct:description xml:lang="sv">B</dct:description>
    <dct:publisher rdf:resource="http://dataportal.se/organisation/SE2021005489"/>
  </dcat:Dataset>
  <hydra:PagedCollection rdf:about="${base}?page=2">
    <hydra:nextPage rdf:resource="${base}?page=3"/>
  </hydra:PagedCollection>
</rdf:RDF>
`;
}

describe('importing from a URL', () => {
  let server: FastifyInstance;
  let origin: string;
  let allowed: TestApp;
  let refused: TestApp;
  const requests: string[] = [];

  before(async () => {
    server = Fastify();
    server.get('/:style/catalog', async (request, reply) => {
      const { style } = request.params as { style: 'view' | 'paged' | 'loop' | 'redirect' };
      const page = Number((request.query as { page?: string }).page ?? '1');
      requests.push(request.url);
      const base = `${origin}/${style}/catalog`;
      if (style === 'redirect') return reply.redirect(`${origin}/view/catalog`, 301);
      if (style === 'loop') return reply.type('text/turtle').send(`${PREFIXES}<${base}?page=1> a hydra:PartialCollectionView ; hydra:next <${base}> .\n<https://data.example.se/loop> a dcat:Dataset ; dct:title "Loop"@sv ; dct:publisher <http://dataportal.se/organisation/SE2021005489> .`);
      if (style === 'paged' && page === 2) return reply.type('application/rdf+xml').send(rdfXmlPage(base));
      return reply.type('text/turtle; charset=utf-8').send(turtlePage(base, style, page === 1 && !(request.query as { page?: string }).page ? 1 : page));
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
    allowed = await buildTestApp({ env: { ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
    refused = await buildTestApp();
    for (const t of [allowed, refused]) await domainsOf(t.deps).organizations.organizations.createAsOperator({ slug: 'digg', name: { sv: 'Digg' }, orgNumber: '2021005489', type: 'state_agency' });
  });

  after(async () => {
    await allowed.close();
    await refused.close();
    await server.close();
  });

  for (const style of ['view', 'paged'] as const) {
    test(`follows Hydra paging (${style === 'view' ? 'hydra:PartialCollectionView / hydra:next' : 'hydra:PagedCollection / hydra:nextPage'}) through every page`, async () => {
      requests.length = 0;
      const report = await domainsOf(allowed.deps).dcatImport.service.run({ source: `${origin}/${style}/catalog` });
      assert.equal(report.status, 'succeeded', report.error);
      assert.equal(report.pages, 3);
      assert.deepEqual(requests, [`/${style}/catalog`, `/${style}/catalog?page=2`, `/${style}/catalog?page=3`]);
      assert.deepEqual(report.formats, style === 'view' ? ['turtle'] : ['turtle', 'rdfxml']);
      assert.deepEqual({ datasets: report.totals.datasets, created: report.totals.created }, { datasets: 6, created: 6 });
      assert.deepEqual(report.items.map((i) => i.title).sort(), ['Sida 1 A', 'Sida 1 B', 'Sida 2 A', 'Sida 2 B', 'Sida 3 A', 'Sida 3 B']);
      assert.equal(report.items.filter((i) => i.iri === null).length, 3, 'a blank-node dataset on every page, none mistaken for another');
      assert.equal(report.sourceId, `url:${origin}/${style}/catalog`);
      const again = await domainsOf(allowed.deps).dcatImport.service.run({ source: `${origin}/${style}/catalog` });
      assert.equal(again.totals.unchanged, 6, 'a URL is read again and compared dataset by dataset');
    });
  }

  test('follows a redirect and stops at a page that links back to one already read', async () => {
    requests.length = 0;
    const redirected = await domainsOf(allowed.deps).dcatImport.service.run({ source: `${origin}/redirect/catalog` });
    assert.equal(redirected.status, 'succeeded');
    assert.equal(redirected.pages, 3);
    const loop = await domainsOf(allowed.deps).dcatImport.service.run({ source: `${origin}/loop/catalog` });
    assert.equal(loop.status, 'succeeded');
    assert.equal(loop.pages, 1);
  });

  test('loopback and private addresses are refused unless ALLMANNING_FETCH_ALLOW_PRIVATE lists them', async () => {
    for (const url of [`${origin}/view/catalog`, 'http://localhost:1/catalog', 'http://10.0.0.1/catalog', 'http://[::1]:1/catalog', 'http://169.254.169.254/latest']) {
      const report = await domainsOf(refused.deps).dcatImport.service.run({ source: url });
      assert.equal(report.status, 'failed', url);
      assert.match(report.error!, /refusing to fetch from .*: .* is a private or loopback address/, url);
    }
    const scheme = await domainsOf(refused.deps).dcatImport.service.run({ source: 'ftp://example.se/catalog.ttl' });
    assert.match(scheme.error!, /only http and https/);
  });
});
