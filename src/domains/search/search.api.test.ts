// GET /api/v1/search, GET /api/v1/search/suggest and the search page /datasets?q=… through
// app.inject: the answer's shape, escaping and <mark>, 400s naming the field, paging, the
// no-results page (other spellings, fewer filters, the miss recorded), English, OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainsOf } from '../../domains.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import { testDialect } from '../../../test/support/test-database.js';
import { addMember, createOrg, createUser, sessionCookie, type TestUser } from '../organizations/testing.js';

const CONFIRMED = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };
const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const EDUC = 'http://publications.europa.eu/resource/authority/data-theme/EDUC';

describe('search API and page', () => {
  let t: CatalogTestApp;
  let editor: TestUser;
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, cookies: cookie ? { allmanning_session: cookie } : {} });

  before(async () => {
    t = await startApp();
    editor = await createUser(t, { name: 'Eva Redaktör' });
    const org = await createOrg(t, { name: { sv: 'Malmö stad', en: 'City of Malmö' }, slug: 'malmo', type: 'municipality' });
    await addMember(t, org.id, editor, 'editor');
    const actor = await editor.actor();
    const catalog = domainsOf(t.deps).catalog.catalog;
    for (let i = 1; i <= 23; i++) {
      const slug = `forskola-${String(i).padStart(2, '0')}`;
      await catalog.datasets.create(actor, {
        organization: 'malmo',
        slug,
        title: { sv: `Förskola nummer ${i}`, en: `Preschool number ${i}` },
        description: { sv: i === 1 ? 'Förskolor <script>alert(1)</script> & platser.' : 'Platser i förskolor.' },
        themes: i <= 3 ? [EDUC] : [],
      });
      await catalog.distributions.add(actor, slug, { accessUrl: `https://example.se/${slug}`, license: CC_BY });
      await catalog.datasets.publish(actor, slug, CONFIRMED);
    }
    await catalog.datasets.create(actor, { organization: 'malmo', slug: 'hemlig-forskola', title: { sv: 'Hemlig förskola' } });
  });
  after(() => t.close());

  test('GET /api/v1/search: total, items with a marked and escaped snippet, facets with labels', async () => {
    const res = await get('/api/v1/search?q=f%C3%B6rskolor&theme=EDUC&sort=title&limit=2');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.total, 3);
    assert.deepEqual(body.items.map((i: { slug: string }) => i.slug), ['forskola-01', 'forskola-02']);
    const first = body.items[0];
    assert.equal(first.snippet, '<mark>Förskolor</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; platser.');
    assert.deepEqual(first.organization, { slug: 'malmo', name: { sv: 'Malmö stad', en: 'City of Malmö' } });
    assert.equal(first.url, 'http://allmanning.test/datasets/forskola-01');
    assert.deepEqual(body.facets.organization, [{ value: 'malmo', label: 'Malmö stad', count: 3 }]);
    assert.deepEqual(body.facets.theme, [{ value: 'EDUC', label: 'Utbildning, kultur och sport', count: 3 }]);
    const en = (await get('/api/v1/search?q=preschool&lang=en&limit=0')).json();
    assert.equal(en.total, 23, 'drafts are not searchable anonymously');
    assert.equal(en.facets.organization[0].label, 'City of Malmö');
    assert.equal(en.facets.organizationType[0].label, 'Municipality');
  });

  test('bad input is a 400 that names the field', async () => {
    for (const [url, field] of [
      ['/api/v1/search?sort=popular', 'sort'],
      ['/api/v1/search?limit=1000', 'limit'],
      ['/api/v1/search?offset=-1', 'offset'],
      ['/api/v1/search?colour=red', 'colour'],
    ] as const) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      const error = res.json().error;
      assert.equal(error.code, 'validation_failed');
      assert.ok(JSON.stringify(error.details).includes(field), `${url}: ${JSON.stringify(error.details)}`);
    }
  });

  test('signed-in members find their organisation’s drafts (through the page’s session)', async () => {
    const cookie = await sessionCookie(t, editor);
    assert.match((await get('/datasets?q=hemlig', cookie)).body, /href="\/datasets\/hemlig-forskola"/);
    assert.doesNotMatch((await get('/datasets?q=hemlig')).body, /hemlig-forskola/);
  });

  test('suggestions: titles for what has been typed so far', async () => {
    const res = await get('/api/v1/search/suggest?q=f%C3%B6rskola%20nummer%201&limit=3');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as string[];
    assert.equal(items.length, 3);
    assert.ok(items.every((title) => /^Förskola nummer 1/.test(title)), items.join());
    assert.equal((await get('/api/v1/search/suggest')).statusCode, 400);
  });

  test('the page: a GET form with facet checkboxes, an announced count, marked matches, paging', async () => {
    const res = await get('/datasets?q=f%C3%B6rskola&theme=EDUC');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form action="\/datasets" method="get" role="search"/);
    assert.match(res.body, /<p role="status" aria-live="polite" aria-atomic="true" class="search-count">3 datamängder för ”förskola”<\/p>/);
    assert.match(res.body, /<input type="checkbox" id="facet-theme-0" name="theme" value="EDUC" checked\/> <label for="facet-theme-0">Utbildning, kultur och sport \(3\)<\/label>/);
    assert.match(res.body, /<mark>Förskola<\/mark> nummer 1/);
    assert.match(res.body, /&lt;script>alert/, 'escaped');
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /<script src="\/static\/search.js" defer><\/script>/);

    const page1 = await get('/datasets?q=f%C3%B6rskola');
    assert.match(page1.body, /href="\/datasets\?q=f%C3%B6rskola&amp;page=2" rel="next"/);
    const page2 = await get('/datasets?q=f%C3%B6rskola&page=2');
    assert.equal((page2.body.match(/class="card"/g) ?? []).length, 3);

    const en = await get('/en/datasets?q=preschool');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /23 datasets for “preschool”/);
    assert.match(en.body, /href="\/en\/datasets\/forskola-01"><mark>Preschool<\/mark> number 1</);
  });

  test('no results: other spellings, fewer filters, and the miss is recorded', async () => {
    const res = await get('/datasets?q=f%C3%B6rskolr&organization=malmo');
    assert.match(res.body, /Inga datamängder hittades/);
    // "Did you mean" comes from the embedded index's words (the PostgreSQL index offers none).
    if (testDialect === 'sqlite') assert.match(res.body, /Menade du <a href="\/datasets\?q=f%C3%B6rskola&amp;organization=malmo">förskola<\/a>\?/);
    assert.match(res.body, /Kontrollera stavningen/);
    const filtered = await get('/datasets?q=f%C3%B6rskola&theme=EDUC&organization=nobody');
    assert.match(filtered.body, /Prova med färre filter/);
    assert.match(filtered.body, /<a href="\/datasets\?q=f%C3%B6rskola&amp;theme=EDUC">Ta bort ”nobody”<\/a>/);
    const misses = await domainsOf(t.deps).search.search.misses(5);
    assert.ok(misses.some((m) => m.query === 'förskolr' && JSON.parse(m.filters).organization[0] === 'malmo'));
  });

  test('the OpenAPI document describes the search', async () => {
    const openapi = (await get('/api/v1/openapi.json')).json();
    assert.ok(openapi.paths['/api/v1/search']);
    assert.ok(openapi.paths['/api/v1/search/suggest']);
  });
});
