// The words and query syntax both implementations share: tokens, stems, the parser, phrases,
// snippets (escaped, matches marked); and the PostgreSQL vector's two frozen copies agree.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SEARCH_VECTOR as FIRST_VECTOR } from '../../db/migrations/2026-11-29-0007-search.js';
import { SEARCH_VECTOR as STORED_VECTOR } from '../../db/migrations/2026-11-29-0012-search-vector.js';
import { parseQuery, queryKeys, snippetHtml, snippetOf, stem, tokenize } from './text.js';

describe('search text', () => {
  test('tokens: letters and digits, lower case, å ä ö kept, composed characters equal', () => {
    assert.deepEqual(tokenize('Förskolor i MALMÖ, 2024 – covid-19'), ['förskolor', 'i', 'malmö', '2024', 'covid', '19']);
    assert.deepEqual(tokenize('A\u030Angström'), ['ångström'], 'a + combining ring is å');
    assert.notEqual(tokenize('hår')[0], tokenize('har')[0]);
  });

  test('stems: Swedish and English snowball, and query keys in both languages', () => {
    assert.equal(stem('licenser', 'sv'), 'licens');
    assert.equal(stem('förskolor', 'sv'), stem('förskola', 'sv'));
    assert.equal(stem('datasets', 'en'), 'dataset');
    assert.deepEqual(queryKeys('licenser').sort(), ['licens', 'licenser']);
  });

  test('the parser: AND, "phrases", OR, -exclusion, prefix*, stop words, stray operators', () => {
    const q = parseQuery('skolor "öppna data" trafik OR buller -covid geo* och');
    assert.deepEqual(
      q.clauses.map((c) => ({ negated: c.negated, terms: c.anyOf })),
      [
        { negated: false, terms: [{ kind: 'word', word: 'skolor' }] },
        { negated: false, terms: [{ kind: 'phrase', words: ['öppna', 'data'] }] },
        { negated: false, terms: [{ kind: 'word', word: 'trafik' }, { kind: 'word', word: 'buller' }] },
        { negated: true, terms: [{ kind: 'word', word: 'covid' }] },
        { negated: false, terms: [{ kind: 'prefix', prefix: 'geo' }] },
      ],
    );
    assert.deepEqual(parseQuery('OR "unclosed phrase').clauses, [{ anyOf: [{ kind: 'phrase', words: ['unclosed', 'phrase'] }], negated: false }]);
    assert.deepEqual(parseQuery('').clauses, []);
    assert.deepEqual(parseQuery('covid-19').clauses[0]!.anyOf, [{ kind: 'phrase', words: ['covid', '19'] }]);
  });

  test('snippets: a window around the first match of a long text, cut at spaces, each end marked', () => {
    const text = `${'inledande ord '.repeat(30)}här finns förskolor och mer ${'avslutande ord '.repeat(40)}`;
    const parts = snippetOf(text, 'sv', { words: ['förskola'], prefixes: [] });
    const shown = parts.map((p) => p.text).join('');
    assert.ok(shown.startsWith('… ') && shown.endsWith(' …'), shown);
    assert.ok(shown.length <= 240 + 4, `${shown.length} characters`);
    assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ['förskolor']);
    const window = shown.slice(2, -2);
    const at = text.indexOf(window);
    assert.ok(at > 0 && text[at - 1] === ' ', 'the window is the text itself, starting at a word');
    assert.deepEqual(snippetOf('ingen träff här', 'sv', { words: ['förskola'], prefixes: [] }), [{ text: 'ingen träff här', match: false }]);
  });

  test('snippets: matches marked by stem and prefix, text escaped', () => {
    const parts = snippetOf('Alla <b>förskolor</b> & geodata.', 'sv', { words: ['förskola'], prefixes: ['geo'] });
    assert.equal(snippetHtml(parts), 'Alla &lt;b&gt;<mark>förskolor</mark>&lt;/b&gt; &amp; <mark>geodata</mark>.');
    const long = `${'ord '.repeat(100)}förskolor ${'ord '.repeat(100)}`;
    const window = snippetOf(long, 'sv', { words: ['förskolor'], prefixes: [] });
    assert.ok(window.some((p) => p.match), 'a match far in is in the window');
    assert.equal(window[0]!.text, '… ');
  });

  test('the stored PostgreSQL vector (migration 0012) is computed as migration 0007 indexed it', () => {
    assert.equal(STORED_VECTOR, FIRST_VECTOR);
  });
});
