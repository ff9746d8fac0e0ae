// Words for the search index and its queries: tokenising, case folding, Swedish and English stems,
// stop words. Pure functions shared by both implementations (the embedded index stems here; the
// PostgreSQL one lets `to_tsvector('swedish' | 'english')` stem and uses the same tokens).
//
// Rules: letters and digits make words (Unicode-aware); case is folded with toLowerCase() (for
// Swedish the same as the sv locale's rules, and much faster);
// å, ä and ö stay distinct letters (never folded to a and o: "hår" and "har" are different words).
// A word is indexed as itself and as the stem of its field's language; a query word matches any of
// itself, its Swedish stem and its English stem. So "licenser" (stem "licens") finds "licens",
// "förskola" finds "förskolor" (both "förskol") and "datasets" finds "dataset".
import snowball from 'snowball-stemmers';

export type TextLang = 'sv' | 'en';

const stemmers = { sv: snowball.newStemmer('swedish'), en: snowball.newStemmer('english') };
const stemCache = { sv: new Map<string, string>(), en: new Map<string, string>() };
const STEM_CACHE_MAX = 200_000;

/** The snowball stem of a (lower-cased) word in a language, memoised. */
export function stem(word: string, lang: TextLang): string {
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : stemmers[lang].stem(word);
    if (cache.size >= STEM_CACHE_MAX) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Case-folded words of a text, in order (NFC, so a decomposed "å" is the same letter as "å"). */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** Words too common to narrow a search (snowball's lists, shortened); phrases still check them. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Swedish
  'och', 'i', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'de', 'inte', 'om', 'ett', 'men',
  'var', 'jag', 'sig', 'från', 'så', 'kan', 'när', 'vid', 'eller', 'under', 'över', 'efter', 'mot', 'alla', 'där', 'denna', 'dessa',
  // English
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'is', 'are', 'be', 'as', 'it', 'its', 'this', 'that',
]);

/** The index keys a word of a text in `lang` is found under: itself and its stem. */
export function indexKeys(word: string, lang: TextLang): string[] {
  const stemmed = stem(word, lang);
  return stemmed === word ? [word] : [word, stemmed];
}

/** The keys a query word may match: itself, its Swedish stem and its English stem. */
export function queryKeys(word: string): string[] {
  return [...new Set([word, stem(word, 'sv'), stem(word, 'en')])];
}

// ---------------------------------------------------------------------------------------------
// Query syntax: words are AND-ed; "a phrase"; OR between two parts; -word (or -"a phrase")
// excludes; prefix* matches words that start with prefix.

export type QueryTerm =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; words: string[] };

/** One AND-ed part: one term, or several joined by OR. */
export interface QueryClause {
  anyOf: QueryTerm[];
  negated: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The words to highlight in snippets (and their prefixes). */
  highlight: { words: string[]; prefixes: string[] };
}

const MAX_CLAUSES = 32;
const MIN_PREFIX = 1;

/** A word of the query as typed: one token, or a multi-token word ("covid-19") as a phrase. */
function termOf(raw: string, quoted: boolean): QueryTerm | undefined {
  const isPrefix = !quoted && raw.endsWith('*');
  const words = tokenize(raw);
  if (words.length === 0) return undefined;
  if (quoted || words.length > 1) return words.length === 1 ? { kind: 'word', word: words[0]! } : { kind: 'phrase', words };
  if (isPrefix && words[0]!.length >= MIN_PREFIX) return { kind: 'prefix', prefix: words[0]! };
  return { kind: 'word', word: words[0]! };
}

/** Parses the query syntax. Never throws: unbalanced quotes close at the end, stray operators are words. */
export function parseQuery(input: string): ParsedQuery {
  const parts: { raw: string; quoted: boolean; negated: boolean; or: boolean }[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  let match: RegExpExecArray | null;
  let pendingOr = false;
  while ((match = pattern.exec(input.slice(0, 1000)))) {
    if (match[3] !== undefined) {
      const token = match[3];
      if (token === 'OR' && parts.length > 0) {
        pendingOr = true;
        continue;
      }
      const negated = token.startsWith('-') && token.length > 1;
      parts.push({ raw: negated ? token.slice(1) : token, quoted: false, negated, or: pendingOr });
    } else {
      parts.push({ raw: match[2] ?? '', quoted: true, negated: match[1] === '-', or: pendingOr });
    }
    pendingOr = false;
  }
  const clauses: QueryClause[] = [];
  const highlight = { words: [] as string[], prefixes: [] as string[] };
  for (const part of parts) {
    const term = termOf(part.raw, part.quoted);
    if (!term) continue;
    // Stop words alone narrow nothing (phrases keep theirs: the phrase check reads the text).
    if (term.kind === 'word' && STOP_WORDS.has(term.word) && !part.negated) continue;
    if (!part.negated) {
      if (term.kind === 'word') highlight.words.push(term.word);
      else if (term.kind === 'prefix') highlight.prefixes.push(term.prefix);
      else highlight.words.push(...term.words.filter((w) => !STOP_WORDS.has(w)));
    }
    const last = clauses[clauses.length - 1];
    if (part.or && last && !last.negated && !part.negated) last.anyOf.push(term);
    else if (clauses.length < MAX_CLAUSES) clauses.push({ anyOf: [term], negated: part.negated });
  }
  return { clauses, highlight };
}

// ---------------------------------------------------------------------------------------------
// Snippets: a window of the text around the first match, as parts to render (the page) or to
// serialise with <mark> (the API). Matching is by key, so "förskolor" is marked for "förskola".

export interface SnippetPart {
  text: string;
  match: boolean;
}

type TokenMatcher = (token: string) => boolean;

/**
 * Per query and language, whether a token of a text is a match (by key, or by prefix). Memoised
 * for the query's lifetime: a page of results repeats most of its words, and stemming each token
 * of each snippet again was most of a search's time after the index's own work.
 */
const matchers = new WeakMap<ParsedQuery['highlight'], Record<TextLang, TokenMatcher | undefined>>();

function matcherOf(query: ParsedQuery['highlight'], lang: TextLang): TokenMatcher {
  let byLang = matchers.get(query);
  if (!byLang) matchers.set(query, (byLang = { sv: undefined, en: undefined }));
  let matcher = byLang[lang];
  if (!matcher) {
    const wanted = new Set(query.words.flatMap((w) => queryKeys(w)));
    const other: TextLang = lang === 'sv' ? 'en' : 'sv';
    const known = new Map<string, boolean>();
    matcher = (token) => {
      let match = known.get(token);
      if (match === undefined) {
        const lower = token.normalize('NFC').toLowerCase();
        match = indexKeys(lower, lang).some((k) => wanted.has(k)) || wanted.has(stem(lower, other)) || query.prefixes.some((p) => lower.startsWith(p));
        if (known.size < 10_000) known.set(token, match);
      }
      return match;
    };
    byLang[lang] = matcher;
  }
  return matcher;
}

/** The words of a text, from `from` on (a shared sticky-free global regex: callers never interleave). */
const SNIPPET_WORD = /[\p{L}\p{N}]+/gu;

/**
 * The window of `text` (at most `maxLength` characters, cut at spaces) around its first match, as
 * parts with the matches marked. Reads the text's words once up to the first match and once over
 * the window: long descriptions cost no more than their window.
 */
export function snippetOf(text: string, lang: TextLang, query: ParsedQuery['highlight'], maxLength = 240): SnippetPart[] {
  if (!text) return [];
  const isMatch = matcherOf(query, lang);
  let firstMatch = -1;
  SNIPPET_WORD.lastIndex = 0;
  for (let m = SNIPPET_WORD.exec(text); m; m = SNIPPET_WORD.exec(text)) {
    if (isMatch(m[0])) {
      firstMatch = m.index;
      break;
    }
  }
  let start = 0;
  if (firstMatch > maxLength / 3) {
    start = firstMatch - Math.floor(maxLength / 4);
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < firstMatch ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxLength / 2) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', match: false });
  let at = start;
  if (firstMatch >= 0) {
    SNIPPET_WORD.lastIndex = start;
    for (let m = SNIPPET_WORD.exec(text); m; m = SNIPPET_WORD.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to > end) break;
      // A word cut by the window's start is not marked (as before: it is not whole).
      if (from > 0 && from === start && /[\p{L}\p{N}]/u.test(text[from - 1]!)) continue;
      if (isMatch(m[0])) {
        if (from > at) parts.push({ text: text.slice(at, from), match: false });
        parts.push({ text: m[0], match: true });
        at = to;
      }
    }
  }
  if (end > at) parts.push({ text: text.slice(at, end), match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A snippet as HTML: the text escaped, matches in <mark>. */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
