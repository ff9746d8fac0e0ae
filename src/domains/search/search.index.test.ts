// The search behaviour, through the real catalog (datasets created and published by its service)
// and the search service: language rules, ranking, facets, sorting, who sees what, misses. Runs on
// SQLite, and on PostgreSQL with TEST_DATABASE_URL (the same suite for both).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '../../platform/auth/actor.js';
import { anonymous } from '../../platform/auth/actor.js';
import { domainsOf } from '../../domains.js';
import { addMember, createOrg, createUser, type TestUser } from '../organizations/testing.js';
import { startApp, type CatalogTestApp } from '../catalog/testing.js';
import type { SearchParams } from './search.service.js';
import { createSearchDomain, type SearchDomain, type SearchTables } from './index.js';
import type { Kysely } from 'kysely';
import { testDialect } from '../../../test/support/test-database.js';

const CC_BY = 'http://creativecommons.org/licenses/by/4.0/';
const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';
const PROPRIETARY = 'https://example.se/villkor';
const CSV = 'http://publications.europa.eu/resource/authority/file-type/CSV';
const JSON_TYPE = 'http://publications.europa.eu/resource/authority/file-type/JSON';
const EDUC = 'http://publications.europa.eu/resource/authority/data-theme/EDUC';
const ENVI = 'http://publications.europa.eu/resource/authority/data-theme/ENVI';
const CONFIRMED = { noSecrecy: true, personalDataAssessed: true, noThirdPartyRights: true, authorized: true };

/** Both implementations on PostgreSQL (its own by default, and the embedded one); the embedded one on SQLite. */
const backends = testDialect === 'postgres' ? (['postgres', 'embedded'] as const) : (['embedded'] as const);

for (const backend of backends) describe(`search (${backend})`, () => {
  let t: CatalogTestApp;
  let searchDomain: SearchDomain;
  let editor: TestUser;
  let outsider: TestUser;
  let editorActor: Actor;
  let outsiderActor: Actor;
  const domains = () => domainsOf(t.deps);

  async function dataset(
    actor: Actor,
    organization: string,
    slug: string,
    fields: { title: { sv?: string; en?: string }; description?: { sv?: string; en?: string }; keywords?: { sv?: string[]; en?: string[] }; themes?: string[] },
    distribution: { license?: string; format?: string; title?: string } | null = { license: CC_BY, format: CSV },
  ) {
    await domains().catalog.catalog.datasets.create(actor, { organization, slug, title: fields.title, description: fields.description ?? { sv: 'Beskrivning.' }, keywords: fields.keywords ?? {}, themes: fields.themes ?? [] });
    if (distribution) {
      await domains().catalog.catalog.distributions.add(actor, slug, { accessUrl: `https://example.se/${slug}`, ...(distribution.license ? { license: distribution.license } : {}), ...(distribution.format ? { format: distribution.format } : {}), ...(distribution.title ? { title: { sv: distribution.title } } : {}) });
      await domains().catalog.catalog.datasets.publish(actor, slug, CONFIRMED);
    }
  }

  const search = (q: string, extra: Partial<SearchParams> = {}, actor: Actor = anonymous) =>
    searchDomain.search.search(actor, { q, filters: {}, sort: 'relevance', limit: 20, offset: 0, locale: 'sv', ...extra });
  const slugs = async (q: string, extra: Partial<SearchParams> = {}, actor: Actor = anonymous) => (await search(q, extra, actor)).hits.map((h) => h.slug);

  before(async () => {
    t = await startApp();
    // The implementation under test, fed by this app's database and told of its changes like the app's own.
    searchDomain = createSearchDomain({ db: t.deps.db as unknown as Kysely<SearchTables>, clock: t.deps.clock, dialect: t.deps.database.dialect, config: { baseUrl: t.deps.config.baseUrl }, backend });
    assert.equal(searchDomain.index.kind, backend);
    t.deps.events.subscribe('catalog.resourceChanged', (event) => searchDomain.resourceChanged(event));
    [editor, outsider] = await Promise.all([createUser(t, { name: 'Eva Redaktör' }), createUser(t, { name: 'Olle Annan' })]);
    const kommun = await createOrg(t, { name: { sv: 'Malmö stad', en: 'City of Malmö' }, slug: 'malmo', type: 'municipality' });
    const verket = await createOrg(t, { name: { sv: 'Naturvårdsverket' }, slug: 'naturvardsverket', type: 'state_agency' });
    await addMember(t, kommun.id, editor, 'editor');
    await addMember(t, verket.id, editor, 'editor');
    editorActor = await editor.actor();
    outsiderActor = await outsider.actor();

    await dataset(editorActor, 'malmo', 'forskolor', { title: { sv: 'Förskolor i Malmö', en: 'Preschools in Malmö' }, description: { sv: 'Alla förskolor med adress och antal platser.' }, keywords: { sv: ['utbildning', 'barn'] }, themes: [EDUC] });
    await dataset(editorActor, 'malmo', 'licenser', { title: { sv: 'Licens för fiske' }, description: { sv: 'Fiskelicenser som kommunen utfärdat.' }, themes: [ENVI] }, { license: CC0, format: JSON_TYPE });
    await dataset(editorActor, 'naturvardsverket', 'luft', { title: { sv: 'Luftkvalitet' }, description: { sv: 'Mätningar av luft i Malmö och Lund. Förskola nära mätstation markeras.' }, keywords: { en: ['air quality'] }, themes: [ENVI] }, { license: PROPRIETARY, format: CSV });
    await dataset(editorActor, 'naturvardsverket', 'english-only', { title: { sv: 'Register över dataset', en: 'Register of datasets' }, description: { sv: 'Förteckning.', en: 'Every dataset the agency keeps, with owners.' } });
    await dataset(editorActor, 'naturvardsverket', 'mal', { title: { sv: 'Mål för miljön' }, description: { sv: 'Miljömål och uppföljning.' } });
    await dataset(editorActor, 'malmo', 'vatten', { title: { sv: 'Badplatser' }, description: { sv: 'Vattenkvalitet vid stränderna.' }, keywords: { sv: ['vattenprover'] } });
    await dataset(editorActor, 'malmo', 'vattentitel', { title: { sv: 'Vattenprover i hamnen' }, description: { sv: 'Prover.' } });
    // Not for everyone: a draft, a private dataset, a deleted one.
    await dataset(editorActor, 'malmo', 'utkast-forskola', { title: { sv: 'Förskolor utkast' } }, null);
    await dataset(editorActor, 'malmo', 'privat-forskola', { title: { sv: 'Förskolor privat' } });
    await domains().catalog.catalog.datasets.update(editorActor, 'privat-forskola', { visibility: 'private' });
    await dataset(editorActor, 'malmo', 'borttagen-forskola', { title: { sv: 'Förskolor borttagna' } });
    await domains().catalog.catalog.datasets.delete(editorActor, 'borttagen-forskola');
  });
  after(() => t.close());

  test('Swedish and English stemming: licenser → licens, förskola → förskolor, datasets → dataset', async () => {
    assert.deepEqual(await slugs('licenser'), ['licenser']);
    assert.deepEqual(await slugs('licens'), ['licenser'], 'and back: "licens" finds "Fiskelicenser"? no — it finds the title "Licens"');
    assert.deepEqual((await slugs('förskola')).sort(), ['forskolor', 'luft']);
    assert.deepEqual(await slugs('datasets'), ['english-only']);
    assert.deepEqual(await slugs('dataset'), ['english-only']);
    assert.deepEqual(await slugs('preschool'), ['forskolor'], 'English titles are searched');
  });

  test('case-insensitive; å, ä and ö are letters of their own', async () => {
    assert.deepEqual((await slugs('MALMÖ förskolor')).sort(), ['forskolor', 'luft'], '"Malmö" and "förskola" in the air-quality description too');
    assert.deepEqual(await slugs('mål'), ['mal']);
    assert.deepEqual(await slugs('mal'), [], '"mal" is not "mål"');
    assert.deepEqual(await slugs('malmo'), [], '"malmo" is not "malmö"');
  });

  test('prefix*, "phrases", AND by default, OR and -exclusion', async () => {
    assert.deepEqual((await slugs('förskol*')).sort(), ['forskolor', 'luft']);
    assert.deepEqual(await slugs('"förskolor i malmö"'), ['forskolor']);
    assert.deepEqual(await slugs('"malmö förskolor"'), [], 'words in another order are not the phrase');
    assert.deepEqual(await slugs('förskolor lund'), ['luft'], 'every word must match');
    assert.deepEqual((await slugs('fiske OR luftkvalitet')).sort(), ['licenser', 'luft']);
    assert.deepEqual(await slugs('förskola -lund'), ['forskolor']);
    assert.deepEqual(await slugs('"air quality"'), ['luft'], 'keywords in English');
  });

  test('titles weigh more than keywords, keywords more than descriptions', async () => {
    assert.deepEqual(await slugs('vattenprover'), ['vattentitel', 'vatten'], 'title before keyword');
    const hits = (await search('förskolor')).hits;
    assert.equal(hits[0]!.slug, 'forskolor', 'title before description');
  });

  test('snippets mark the matches, escaped', async () => {
    const [hit] = (await search('platser')).hits;
    assert.ok(hit);
    assert.deepEqual(
      hit.snippet.filter((p) => p.match).map((p) => p.text),
      ['platser'],
    );
  });

  test('facets count what matches; AND across facets, OR within one; each facet ignores its own filter', async () => {
    const all = await search('');
    const count = (facet: keyof typeof all.facets, value: string) => all.facets[facet].find((f) => f.value === value)?.count;
    assert.equal(all.total, 7);
    assert.equal(count('organization', 'malmo'), 4);
    assert.equal(count('organization', 'naturvardsverket'), 3);
    assert.equal(count('organizationType', 'municipality'), 4);
    assert.equal(count('theme', 'ENVI'), 2);
    assert.equal(count('format', 'JSON'), 1);
    assert.equal(count('license', 'CC0'), 1);
    assert.equal(count('open', 'notOpen'), 1);
    assert.equal(count('keyword', 'utbildning'), 1);

    const envi = await search('', { filters: { theme: ['ENVI'] } });
    assert.deepEqual(envi.hits.map((h) => h.slug).sort(), ['licenser', 'luft']);
    assert.equal(envi.facets.theme.find((f) => f.value === 'EDUC')?.count, 1, 'the theme facet still counts other themes');
    const both = await search('', { filters: { theme: ['ENVI', 'EDUC'], organization: ['malmo'] } });
    assert.deepEqual(both.hits.map((h) => h.slug).sort(), ['forskolor', 'licenser']);
    assert.equal((await search('', { filters: { open: ['notOpen'] } })).total, 1);
    assert.equal((await search('', { filters: { organizationType: ['state_agency'] } })).total, 3);
  });

  test("filterMode 'all' (CKAN's fq): every value must match, and facets count within the matches", async () => {
    assert.deepEqual(await slugs('', { filters: { keyword: ['utbildning', 'barn'] }, filterMode: 'all' }), ['forskolor']);
    assert.deepEqual(await slugs('', { filters: { keyword: ['utbildning', 'vattenprover'] }, filterMode: 'all' }), []);
    assert.deepEqual((await slugs('', { filters: { keyword: ['utbildning', 'vattenprover'] } })).sort(), ['forskolor', 'vatten'], "'any' ORs them");
    const envi = await search('', { filters: { theme: ['ENVI'] }, filterMode: 'all' });
    assert.equal(envi.total, 2);
    assert.equal(envi.facets.theme.find((f) => f.value === 'ENVI')?.count, 2);
    assert.equal(envi.facets.theme.find((f) => f.value === 'EDUC')?.count ?? 0, 0, 'no count from outside the matches');
    assert.deepEqual(
      envi.facets.organization.map((f) => [f.value, f.count]).sort(),
      [
        ['malmo', 1],
        ['naturvardsverket', 1],
      ],
    );
  });

  test('sorts by title, newest and last modified', async () => {
    const byTitle = (await search('', { sort: 'title' })).hits.map((h) => h.slug);
    assert.deepEqual(byTitle.slice(0, 2), ['vatten', 'forskolor'], 'Badplatser, Förskolor …');
    const newest = (await search('', { sort: 'newest' })).hits.map((h) => h.slug);
    assert.equal(newest.length, 7);
    assert.equal((await search('', { limit: 2, offset: 6, sort: 'title' })).hits.length, 1, 'paging');
    for (const sort of ['title', 'newest', 'modified'] as const) {
      const forwards = (await search('', { sort })).hits.map((h) => h.slug);
      assert.deepEqual((await search('', { sort, reverse: true })).hits.map((h) => h.slug), [...forwards].reverse(), `${sort} reversed`);
    }
    assert.deepEqual((await search('', { sort: 'title', reverse: true, limit: 2, offset: 1 })).hits.map((h) => h.slug), byTitle.slice().reverse().slice(1, 3), 'reversed, paged');
  });

  test('drafts, private and deleted datasets: only for those who may see them', async () => {
    assert.deepEqual((await slugs('förskolor')).sort(), ['forskolor', 'luft']);
    const asEditor = (await slugs('förskolor', {}, editorActor)).sort();
    assert.deepEqual(asEditor, ['forskolor', 'luft', 'privat-forskola', 'utkast-forskola'], 'members see their organisation’s drafts and private datasets, never deleted ones');
    assert.deepEqual((await slugs('förskolor', {}, outsiderActor)).sort(), ['forskolor', 'luft']);
  });

  test('a search that finds nothing is recorded, with a spelling to try', async () => {
    const result = await search('förskolr');
    assert.equal(result.total, 0);
    if (backend === 'embedded') assert.equal(result.didYouMean, 'förskolor');
    const [miss] = await searchDomain.search.misses(1);
    assert.equal(miss?.query, 'förskolr');
  });

  test('a distribution added, changed or removed shows in the format, licence and open facets', async () => {
    const count = async (facet: 'format' | 'license' | 'open', value: string) => (await search('', { filters: { format: ['JSON'] } })).facets[facet].find((f) => f.value === value)?.count ?? 0;
    const json = async () => (await slugs('', { filters: { format: ['JSON'] } })).sort();
    assert.deepEqual(await json(), ['licenser']);
    const { distributionId } = await domains().catalog.catalog.distributions.add(editorActor, 'vatten', { accessUrl: 'https://example.se/vatten.json', format: JSON_TYPE, license: PROPRIETARY });
    assert.deepEqual(await json(), ['licenser', 'vatten'], 'added');
    assert.equal(await count('open', 'notOpen'), 1, 'the proprietary licence makes it not open');
    await domains().catalog.catalog.distributions.update(editorActor, 'vatten', distributionId, { accessUrl: 'https://example.se/vatten.json', format: JSON_TYPE, license: CC0 });
    assert.equal(await count('open', 'notOpen'), 0, 'changed to CC0');
    assert.equal(await count('license', 'CC0'), 2);
    await domains().catalog.catalog.distributions.remove(editorActor, 'vatten', distributionId);
    assert.deepEqual(await json(), ['licenser'], 'removed');
  });

  test('edits, unpublishing and deletes show in the next search', async () => {
    await domains().catalog.catalog.datasets.update(editorActor, 'mal', { title: { sv: 'Miljömål för havet' } });
    assert.deepEqual(await slugs('havet'), ['mal']);
    await domains().catalog.catalog.datasets.unpublish(editorActor, 'mal');
    assert.deepEqual(await slugs('havet'), []);
    assert.deepEqual(await slugs('havet', {}, editorActor), ['mal']);
    await domains().catalog.catalog.datasets.delete(editorActor, 'mal');
    assert.deepEqual(await slugs('havet', {}, editorActor), []);
  });
});
