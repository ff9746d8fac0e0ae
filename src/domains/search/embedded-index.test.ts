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
