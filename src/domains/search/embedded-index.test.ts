// The embedded index's compact storage, without a database: phrases are checked against token-id
// sequences (never across fields), titles and descriptions come back exactly as given (they are
// held as ids into a dictionary of word and separator runs), and a bulk build answers as one made
// by single puts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryIndex } from './embedded-index.js';
import type { SearchDocument, SearchRequest } from './search.model.js';

function doc(n: number, fields: Partial<SearchDocument>): SearchDocument {
  return {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    slug: `d${n}`,
    organizationId: 'org-1',
    status: 'published',
    visibility: 'public',
    revision: 1,
    createdAt: `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    updatedAt: `2026-02-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    sortTitle: `d${n}`,
    title: { sv: `Titel ${n}` },
    description: {},
    keywords: {},
    distributionTitles: [],
    hvd: false,
    facets: { theme: [], format: [], license: [], open: [], hvd: [], keyword: [], accessRights: [] },
    formats: [],
    isOpen: false,
    ...fields,
  };
}

const docs = [
  doc(1, { title: { sv: 'Förskolor i Malmö', en: 'Pre-schools in Malmö' }, description: { sv: 'Öppna data om förskolor: antal barn, 2019–2024 (preliminärt).', en: '' }, keywords: { sv: ['utbildning', 'öppna data'] } }),
  doc(2, { title: { sv: 'Luftkvalitet Malmö' }, description: { sv: 'Förskolor ligger nära mätstationerna.' }, keywords: { sv: ['luft'] } }),
  // "trafikmätningar" is a word of 13+ characters (V8 slices such substrings); the decomposed "å" (a + ring) is kept as written.
  doc(3, { title: { sv: 'Trafikmätningar  i   Lund — "kvartal"' }, description: { sv: 'Sma\u030Aland & <Lund>\n\tTrafikmätningarna, per kvartal.' }, distributionTitles: [{ sv: 'Malmö' }, { sv: 'förskolor' }] }),
];

const request = (q: string): SearchRequest => ({ q, filters: {}, sort: 'relevance', limit: 20, offset: 0, locale: 'sv', scope: { insiderOf: [] } });

function built(bulk: boolean): MemoryIndex {
  const index = new MemoryIndex();
  index.setOrganizations([{ id: 'org-1', slug: 'org', name: { sv: 'Org' }, type: 'municipality', updatedAt: '2026-01-01T00:00:00.000Z' }]);
  if (bulk) index.beginBulk();
  for (const d of docs) index.put(d);
  if (bulk) index.endBulk();
  return index;
}

const slugs = (index: MemoryIndex, q: string) => index.search(request(q), { cache: false }).hits.map((h) => h.slug).sort();

for (const bulk of [true, false]) {
  test(`phrases are word runs within one field (${bulk ? 'bulk build' : 'single puts'})`, () => {
    const index = built(bulk);
    assert.deepEqual(slugs(index, '"förskolor i malmö"'), ['d1'], 'a phrase with a stop word in it');
    assert.deepEqual(slugs(index, '"malmö förskolor"'), [], 'the words of two fields (title, then description) or two distribution titles are not a phrase');
    assert.deepEqual(slugs(index, '"öppna data"'), ['d1'], 'in a keyword and the description');
    assert.deepEqual(slugs(index, '"trafikmätningar i lund"'), ['d3'], 'runs of spaces and long words');
    assert.deepEqual(slugs(index, '"i lund"'), ['d3'], 'a phrase of a stop word and a word');
    assert.deepEqual(slugs(index, '"i"'), ['d1', 'd2', 'd3'], 'a stop word alone narrows nothing');
    assert.deepEqual(slugs(index, '"lund malmö"'), [], 'no document has these words in a row');
    assert.deepEqual(slugs(index, '"okänt ord"'), [], 'words in no document');
  });

  test(`titles and descriptions come back exactly as given (${bulk ? 'bulk build' : 'single puts'})`, () => {
    const index = built(bulk);
    for (const d of docs) {
      const hit = index.search(request(''), { cache: false }).hits.find((h) => h.slug === d.slug)!;
      assert.deepEqual(hit.title, d.title);
      const expected = d.description.sv ?? d.description.en ?? '';
      assert.equal(hit.snippet.map((p) => p.text).join(''), expected, d.slug);
    }
    const english = index.search({ ...request('förskolor'), locale: 'en' }, { cache: false }).hits.find((h) => h.slug === 'd1')!;
    assert.equal(english.snippetLang, 'sv', 'an empty English description falls back to Swedish');
    assert.deepEqual(english.title, docs[0]!.title);
  });
}

test('a bulk build answers as single puts do, and a replaced document is found by its new text only', () => {
  const bulk = built(true);
  const single = built(false);
  for (const q of ['förskolor', '"förskolor i malmö"', 'malmö -luft', 'trafik*', '', 'lund OR luft']) assert.deepEqual(bulk.search(request(q), { cache: false }), single.search(request(q), { cache: false }), q);
  bulk.put({ ...docs[0]!, revision: 2, title: { sv: 'Grundskolor i Malmö' }, description: { sv: 'Ny text.' }, keywords: {} });
  assert.deepEqual(slugs(bulk, '"förskolor i malmö"'), []);
  assert.deepEqual(slugs(bulk, '"grundskolor i malmö"'), ['d1']);
  const hit = bulk.search(request('grundskolor'), { cache: false }).hits[0]!;
  assert.deepEqual(hit.title, { sv: 'Grundskolor i Malmö' });
  assert.equal(hit.snippet.map((p) => p.text).join(''), 'Ny text.');
});

/** A deterministic pseudo-random catalog large enough for every counting path (walks, complements, bitsets). */
function randomCatalog(size: number): SearchDocument[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(list: readonly T[], count: number): T[] => [...new Set(Array.from({ length: count }, () => list[Math.floor(random() ** 2 * list.length)]!))];
  const words = ['skola', 'trafik', 'luft', 'vatten', 'budget', 'karta', 'buss', 'park', 'bibliotek', 'avfall'];
  return Array.from({ length: size }, (_, i) =>
    doc(i + 1, {
      organizationId: `org-${1 + Math.floor(random() * 3)}`,
      status: random() < 0.1 ? 'draft' : 'published',
      visibility: random() < 0.1 ? 'private' : 'public',
      title: { sv: pick(words, 2).join(' ') },
      description: { sv: pick(words, 4).join(' ') },
      facets: {
        theme: pick(['ENVI', 'TRAN', 'EDUC', 'GOVE', 'SOCI'], 2),
        format: pick(['CSV', 'JSON', 'XLSX', 'PDF'], 2),
        license: pick(['CC0', 'CC_BY_4_0', 'CUSTOM'], 1),
        open: [random() < 0.8 ? 'open' : 'notOpen'],
        hvd: random() < 0.05 ? ['c_dd313021'] : [],
        keyword: pick(['skolor', 'cykel', 'statistik', 'miljö', 'ekonomi', 'kollektivtrafik', 'hälsa', 'kultur'], 3),
        accessRights: random() < 0.7 ? ['PUBLIC'] : [],
      },
    }),
  );
}

test('facet counts agree with counting the matched documents one by one, whichever way the index counts', () => {
  const catalog = randomCatalog(6000);
  const index = new MemoryIndex();
  index.setOrganizations([1, 2, 3].map((n) => ({ id: `org-${n}`, slug: `org-${n}`, name: { sv: `Org ${n}` }, type: n === 3 ? 'agency' : 'municipality', updatedAt: '2026-01-01T00:00:00.000Z' })));
  index.beginBulk();
  for (const d of catalog) index.put(d);
  index.endBulk();
  // Replaced and removed documents leave dead slots behind: they must count nowhere.
  for (const d of catalog.slice(0, 300)) index.put({ ...d, revision: 2, facets: { ...d.facets, theme: ['AGRI'] } });
  for (const d of catalog.slice(300, 400)) index.remove(d.id);
  const current = new Map(catalog.map((d) => [d.id, d]));
  for (const d of catalog.slice(0, 300)) current.set(d.id, { ...d, revision: 2, facets: { ...d.facets, theme: ['AGRI'] } });
  for (const d of catalog.slice(300, 400)) current.delete(d.id);
  const typeOf = (orgId: string) => (orgId === 'org-3' ? 'agency' : 'municipality');
  const valuesOf = (d: SearchDocument, facet: string): string[] =>
    facet === 'organization' ? [d.organizationId.replace('org-', 'org-')] : facet === 'organizationType' ? [typeOf(d.organizationId)] : d.facets[facet as keyof SearchDocument['facets']];

  const cases: { q: string; filters: SearchRequest['filters']; scope: SearchRequest['scope'] }[] = [
    { q: '', filters: {}, scope: { insiderOf: [] } },
    { q: 'skola', filters: {}, scope: { insiderOf: [] } },
    { q: 'trafik', filters: { theme: ['ENVI'] }, scope: { insiderOf: ['org-2'] } },
    { q: '', filters: { format: ['CSV'], license: ['CC0'] }, scope: { insiderOf: [] } },
    { q: '', filters: { theme: ['GOVE', 'SOCI'], open: ['open'] }, scope: { all: true } },
    { q: 'luft OR vatten', filters: { keyword: ['miljö'], organization: ['org-1'] }, scope: { insiderOf: [] } },
    { q: 'budget -karta', filters: { hvd: ['c_dd313021'] }, scope: { all: true } },
    { q: '', filters: { theme: ['AGRI'] }, scope: { insiderOf: [] } },
  ];
  for (const { q, filters, scope } of cases) {
    const ask = (without?: string) => {
      const rest = Object.fromEntries(Object.entries(filters).filter(([f]) => f !== without));
      return index.search({ q, filters: rest, sort: 'relevance', limit: 10_000, offset: 0, locale: 'sv', scope, facetSize: 1000 }, { cache: false });
    };
    const result = ask();
    assert.equal(result.total, result.hits.length, 'every match is a hit at this limit');
    for (const facet of ['organization', 'organizationType', 'theme', 'format', 'license', 'open', 'hvd', 'keyword', 'accessRights'] as const) {
      // A facet's counts ignore its own filter: count the matches of the query without it.
      const matches = facet in filters ? ask(facet).hits : result.hits;
      const expected = new Map<string, number>();
      for (const hit of matches) for (const value of valuesOf(current.get(hit.id)!, facet)) expected.set(value, (expected.get(value) ?? 0) + 1);
      const counted = new Map(result.facets[facet].filter((c) => c.count > 0).map((c) => [c.value, c.count]));
      assert.deepEqual(counted, expected, `${facet} for ${JSON.stringify({ q, filters, scope })}`);
    }
    const visible = [...current.values()].filter((d) => ('all' in scope ? true : (d.status === 'published' && d.visibility === 'public') || scope.insiderOf.includes(d.organizationId)));
    assert.ok(result.hits.every((h) => visible.some((d) => d.id === h.id)), 'only visible documents match');
  }
});

test('sort orders stay right as documents are added, replaced and removed after they were built', () => {
  const catalog = randomCatalog(2000).map((d, i) => ({ ...d, status: 'published' as const, visibility: 'public' as const, sortTitle: `t${(i * 7919) % 2000}`, updatedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 104729) % 2000) * 60_000).toISOString() }));
  const index = new MemoryIndex();
  index.setOrganizations([1, 2, 3].map((n) => ({ id: `org-${n}`, slug: `org-${n}`, name: { sv: `Org ${n}` }, type: 'municipality', updatedAt: '2026-01-01T00:00:00.000Z' })));
  index.beginBulk();
  for (const d of catalog) index.put(d);
  index.endBulk();
  const ask = (sort: SearchRequest['sort'], q = '') => index.search({ q, filters: {}, sort, limit: 10_000, offset: 0, locale: 'sv', scope: { all: true }, facetSize: 0 }, { cache: false }).hits.map((h) => h.id);
  for (const sort of ['title', 'modified', 'newest'] as const) ask(sort); // the orders are built now
  ask('relevance', 'skola');

  const current = new Map<string, SearchDocument>(catalog.map((d) => [d.id, d]));
  for (const d of catalog.slice(0, 200)) {
    const changed = { ...d, revision: 2, sortTitle: `a${d.sortTitle}`, updatedAt: '2027-01-01T00:00:00.000Z' };
    index.put(changed);
    current.set(d.id, changed);
  }
  for (const d of catalog.slice(200, 300)) {
    index.remove(d.id);
    current.delete(d.id);
  }
  const added = doc(9999, { sortTitle: 'm-new', createdAt: '2027-02-01T00:00:00.000Z', title: { sv: 'skola ny' } });
  index.put(added);
  current.set(added.id, added);

  const docs = [...current.values()];
  const byId = (a: SearchDocument, b: SearchDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const expect = (compare: (a: SearchDocument, b: SearchDocument) => number) => [...docs].sort((a, b) => compare(a, b) || byId(a, b)).map((d) => d.id);
  assert.deepEqual(ask('title'), expect((a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0)));
  assert.deepEqual(ask('modified'), expect((a, b) => (a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : 0)));
  assert.deepEqual(ask('newest'), expect((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : 0)));
  // Relevance: equal scores are ordered by title.
  const hits = index.search({ q: 'skola', filters: {}, sort: 'relevance', limit: 10_000, offset: 0, locale: 'sv', scope: { all: true }, facetSize: 0 }, { cache: false }).hits;
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [hits[i - 1]!, hits[i]!];
    assert.ok(a.score > b.score || (a.score === b.score && current.get(a.id)!.sortTitle <= current.get(b.id)!.sortTitle), `${a.id} before ${b.id}`);
  }
  assert.ok(hits.some((h) => h.id === added.id), 'the added document is found');
});
