// The PostgreSQL SearchIndex: the database answers every search itself, so several web processes
// share one index (a commit is searchable at once in the process that made it, within 250 ms in
// the others: see the answer cache below).
// - Text: a stored tsvector per dataset (table dataset_search, written by a trigger on every insert
//   or metadata change, GIN-indexed) of its title (weight A), keywords (B) and description (C), each
//   in Swedish or English by its language tag (`swedish` / `english` snowball configurations, the
//   same stemmers as the embedded index) plus `simple` (the words as written). Stored, not an
//   expression index: rechecks and ts_rank read it instead of computing twelve to_tsvector calls per
//   matching row (seconds for a common word at 100,000 datasets).
//   A query word matches its Swedish stem, its English stem or itself; `prefix*` matches words as
//   written; "phrases" are phrase queries on the words as written.
// - Who may see it, facet values and sort keys: a narrow row per dataset (table dataset_facet,
//   migration 2026-11-29-0013, kept by triggers on dataset and distribution): status, visibility,
//   organisation, title/modified/created, and the facet values as prefixed tokens ('t:<theme IRI>',
//   'k:<keyword>', 'f:<format IRI>', …) with the distributions' licences. Searches read these rows
//   and the vectors, never the wide dataset rows but for the hits shown.
// - Ranking: ts_rank with the A/B/C weights, computed where the matches are found; ties by title.
//   Other orders walk dataset_facet's indexes on title, last modified and created.
// - Facets: every row's tokens (plus 'o:<organisation id>', the open / not open token and '_:' for
//   the total) unnested and grouped in one statement for all facets without a filter of their own;
//   each filtered facet counts the matches without its own filter in a statement of its own, in
//   parallel. Codes (ECON, CSV, CC_BY_4_0) are mapped to and from the stored IRIs here, so both
//   implementations speak the same values.
// - Answers are kept while the catalog does not change (answer-cache.ts): hundreds of milliseconds
//   at 100,000 datasets for a word in most of the catalog, once per change.
// Differences from the embedded index (docs/search.md): distribution titles are not searched, and
// no "did you mean" is offered.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { allLicences, findConcept, iriForCode } from '../catalog/index.js';
import { VersionedAnswerCache } from './answer-cache.js';
import { hitOf, licenceCodeOf, storedOf, suggestionsOf } from './search.documents.js';
import { facetNames, type FacetCount, type FacetName, type IndexStats, type SearchIndex, type SearchOrganization, type SearchRequest, type SearchResult, type SearchScope } from './search.model.js';
import { searchRepository } from './search.repository.js';
import type { SearchTables } from './search.table.js';
import { parseQuery, STOP_WORDS, tokenize, type ParsedQuery, type QueryTerm } from './text.js';

/** ts_rank weights for D, C, B, A: description 0.2, keywords 0.5, title 1. */
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.5, 1.0}'::float4[]`);

type Db = Kysely<SearchTables>;
type Sql = RawBuilder<unknown>;

function termQuery(term: QueryTerm): Sql | undefined {
  if (term.kind === 'prefix') return sql`to_tsquery('simple', ${`${term.prefix}:*`})`;
  if (term.kind === 'phrase') return sql`phraseto_tsquery('simple', ${term.words.join(' ')})`;
  if (STOP_WORDS.has(term.word)) return sql`plainto_tsquery('simple', ${term.word})`;
  return sql`(plainto_tsquery('swedish', ${term.word}) || plainto_tsquery('english', ${term.word}) || plainto_tsquery('simple', ${term.word}))`;
}

/** The parsed query as one tsquery (undefined for an empty query). */
function tsQueryOf(query: ParsedQuery): Sql | undefined {
  const clauses: Sql[] = [];
  for (const clause of query.clauses) {
    const terms = clause.anyOf.map(termQuery).filter((q): q is Sql => q !== undefined);
    if (terms.length === 0) continue;
    const any = terms.length === 1 ? terms[0]! : sql`(${sql.join(terms, sql` || `)})`;
    clauses.push(clause.negated ? sql`(!! ${any})` : any);
  }
  if (clauses.length === 0) return undefined;
  return sql.join(clauses, sql` && `);
}

const codeToIri = (scheme: 'dataTheme' | 'fileType' | 'hvdCategory' | 'accessRight', code: string) => iriForCode(scheme, code) ?? code;
const iriToCode = (scheme: 'dataTheme' | 'fileType' | 'hvdCategory' | 'accessRight', iri: string) => findConcept(scheme, iri)?.code ?? iri;

function licenceIris(codes: readonly string[]): string[] {
  return codes.flatMap((code) => {
    const licence = allLicences().find((l) => l.code === code);
    return licence ? [licence.iri, ...(licence.euIri ? [licence.euIri] : [])] : [code];
  });
}

let openIrisMemo: string[] | undefined;
const openIris = () => (openIrisMemo ??= allLicences().flatMap((l) => (l.open ? [l.iri, ...(l.euIri ? [l.euIri] : [])] : [])));

/**
 * The facets kept as tokens in dataset_facet.tokens (migration 2026-11-29-0013), by prefix. Each
 * count also unnests 'o:<organisation id>' (organisation and organisation type), 'p:open' or
 * 'p:notOpen' (none without distributions) and '_:' (the total) from the row's other columns.
 */
const TOKEN_PREFIX = { theme: 't:', hvd: 'h:', accessRights: 'a:', keyword: 'k:', format: 'f:', license: 'l:', organization: 'o:', organizationType: 'o:', open: 'p:' } as const satisfies Record<FacetName, string>;
const TOTAL_TOKEN = '_:';
const facetOfPrefix = new Map<string, FacetName[]>();
for (const facet of facetNames) facetOfPrefix.set(TOKEN_PREFIX[facet], [...(facetOfPrefix.get(TOKEN_PREFIX[facet]) ?? []), facet]);

/** A dataset's open / not open token from its distributions' licences ('' for none). */
const OPEN_TOKEN = (open: string[]) => sql`case when cardinality(f.licences) = 0 then null when f.licences <@ ${open}::text[] then 'p:open' else 'p:notOpen' end`;

/** The stored tokens of a facet's values (codes → IRIs, as the catalog stores them). */
function tokensOf(facet: 'theme' | 'hvd' | 'accessRights' | 'keyword' | 'format' | 'license', values: readonly string[]): string[] {
  const prefix = TOKEN_PREFIX[facet];
  switch (facet) {
    case 'theme':
      return values.map((c) => prefix + codeToIri('dataTheme', c));
    case 'hvd':
      return values.map((c) => prefix + codeToIri('hvdCategory', c));
    case 'accessRights':
      return values.map((c) => prefix + codeToIri('accessRight', c));
    case 'format':
      return values.map((c) => prefix + codeToIri('fileType', c));
    case 'license':
      return licenceIris(values).map((iri) => prefix + iri);
    case 'keyword':
      return values.map((k) => prefix + k);
  }
}

/** The SQL condition of one facet's filter (OR within the facet), on dataset_facet f. */
function facetCondition(facet: FacetName, values: readonly string[]): Sql {
  const list = [...values];
  switch (facet) {
    case 'organization':
      return sql`f.organization_id in (select id from organization where slug = any(${list}::text[]))`;
    case 'organizationType':
      return sql`f.organization_id in (select id from organization where type = any(${list}::text[]))`;
    case 'open': {
      const parts: Sql[] = [];
      if (list.includes('open')) parts.push(sql`(cardinality(f.licences) > 0 and f.licences <@ ${openIris()}::text[])`);
      if (list.includes('notOpen')) parts.push(sql`not (f.licences <@ ${openIris()}::text[])`);
      return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
    }
    default:
      return sql`f.tokens && ${tokensOf(facet, list)}::text[]`;
  }
}

/** Who may see a dataset, on its dataset_facet row f. */
function visibilityCondition(scope: SearchScope): Sql {
  const notDeleted = sql`f.deleted_at is null`;
  if ('all' in scope) return notDeleted;
  const open = sql`(f.status = 'published' and f.visibility = 'public')`;
  return scope.insiderOf.length ? sql`${notDeleted} and (${open} or f.organization_id = any(${[...scope.insiderOf]}::text[]))` : sql`${notDeleted} and ${open}`;
}

type Counts = { total?: number; byFacet: Map<FacetName, Map<string, number>> };

/**
 * Counts of `facets` (and, with `total`, the number of matches) over the dataset_facet rows f
 * matching `where`, in one pass: each row's tokens unnested and grouped. Organisations are counted
 * by id and turned into slugs and types with `organizations`.
 */
async function facetCounts(db: Db, facets: readonly FacetName[], where: Sql, total: boolean, organizations: Map<string, { slug: string; type: string }>): Promise<Counts> {
  const counts: Counts = { byFacet: new Map(facets.map((f) => [f, new Map<string, number>()])) };
  if (facets.length === 0) {
    // Only the total (type-ahead, CKAN without facet.field): no tokens to unnest.
    if (total) counts.total = Number((await sql<{ n: string | number }>`select count(*) as n from dataset_facet f where ${where}`.execute(db)).rows[0]?.n ?? 0);
    return counts;
  }
  const prefixes = [...new Set(facets.map((f) => TOKEN_PREFIX[f])), ...(total ? [TOTAL_TOKEN] : [])];
  // Every prefix asked for: no filter on the tokens (the shared count of a search without filters).
  const allPrefixes = new Set(Object.values(TOKEN_PREFIX)).size + 1 === prefixes.length;
  const tokenFilter = allPrefixes ? sql`` : sql`and left(t, 2) = any(${prefixes}::text[])`;
  const rows = (
    await sql<{ t: string; n: string | number }>`
      select t, count(*) as n
      from dataset_facet f, unnest(f.tokens || array['o:' || f.organization_id, ${OPEN_TOKEN(openIris())}, ${TOTAL_TOKEN}::text]) t
      where ${where} and t is not null ${tokenFilter}
      group by t`.execute(db)
  ).rows;
  const add = (facet: FacetName, value: string, n: number) => {
    const map = counts.byFacet.get(facet);
    if (map) map.set(value, (map.get(value) ?? 0) + n);
  };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.t === TOTAL_TOKEN) {
      if (total) counts.total = n;
      continue;
    }
    const prefix = row.t.slice(0, 2);
    const value = row.t.slice(2);
    for (const facet of facetOfPrefix.get(prefix) ?? []) {
      if (facet === 'organization') add(facet, organizations.get(value)?.slug ?? value, n);
      else if (facet === 'organizationType') add(facet, organizations.get(value)?.type ?? '', n);
      else add(facet, codeOfFacetValue(facet, value), n);
    }
  }
  return counts;
}

function codeOfFacetValue(facet: FacetName, value: string): string {
  switch (facet) {
    case 'theme':
      return iriToCode('dataTheme', value);
    case 'hvd':
      return iriToCode('hvdCategory', value);
    case 'accessRights':
      return iriToCode('accessRight', value);
    case 'format':
      return iriToCode('fileType', value);
    case 'license':
      return licenceCodeOf(value);
    default:
      return value;
  }
}

export function createPostgresIndex(db: Db): SearchIndex & { evaluate(request: SearchRequest): Promise<SearchResult> } {
  const answers = new VersionedAnswerCache(() => searchRepository.version(db));

  async function evaluate(request: SearchRequest): Promise<SearchResult> {
    const query = parseQuery(request.q);
    const tsquery = tsQueryOf(query);
    // The stored vectors (dataset_search, kept by a trigger; migration 2026-11-29-0012), read through their GIN index.
    const textMatch = tsquery ? [sql`f.dataset_id in (select s.dataset_id from dataset_search s where s.vector @@ (${tsquery}))`] : [];
    const filters = new Map<FacetName, Sql>();
    const everyValue = request.filterMode === 'all';
    for (const facet of facetNames) {
      const values = request.filters[facet];
      if (!values?.length) continue;
      filters.set(facet, everyValue ? sql`(${sql.join(values.map((value) => facetCondition(facet, [value])), sql` and `)})` : facetCondition(facet, values));
    }
    const filtersWithout = (except?: FacetName) => [...filters].filter(([f]) => f !== except).map(([, c]) => c);
    // Everything is read from the narrow dataset_facet rows (f) and the stored vectors; the wide
    // dataset rows only for the page's hits.
    const where = (except?: FacetName) => sql.join([visibilityCondition(request.scope), ...textMatch, ...filtersWithout(except)], sql` and `);

    // Reversed: every key flipped, ties included, as the embedded index reads its orders backwards.
    const [asc, desc] = request.reverse && request.sort !== 'relevance' ? [sql`desc`, sql`asc`] : [sql`asc`, sql`desc`];
    const order =
      request.sort === 'modified' ? sql`f.updated_at ${desc}, f.dataset_id ${asc}` : request.sort === 'newest' ? sql`f.created_at ${desc}, f.dataset_id ${asc}` : sql`f.sort_title ${asc}, f.dataset_id ${asc}`;
    // By relevance the matches are ranked where they are found, each stored vector read once.
    const pageQuery =
      tsquery && request.sort === 'relevance'
        ? sql<{ id: string; rank: number }>`select f.dataset_id as id, ts_rank(${WEIGHTS}, s.vector, ${tsquery}) as rank
            from dataset_search s join dataset_facet f on f.dataset_id = s.dataset_id
            where s.vector @@ (${tsquery}) and ${sql.join([visibilityCondition(request.scope), ...filtersWithout()], sql` and `)}
            order by rank desc, f.sort_title, f.dataset_id limit ${request.limit} offset ${request.offset}`
        : sql<{ id: string; rank: number }>`select f.dataset_id as id, 0 as rank from dataset_facet f where ${where()} order by ${order} limit ${request.limit} offset ${request.offset}`;
    const facetSize = request.facetSize ?? 20;

    // The facets without a filter of their own share one count of the matches (with the total);
    // each filtered facet counts the matches without its own filter (filterMode 'all': within them).
    const shared = facetSize > 0 ? facetNames.filter((f) => everyValue || !filters.has(f)) : [];
    const own = facetSize > 0 && !everyValue ? facetNames.filter((f) => filters.has(f)) : [];
    const organizationRows = await searchRepository.organizations(db);
    const organizationsById = new Map(organizationRows.map((o) => [o.id, { slug: o.slug, type: o.type }]));
    const [page, sharedCounts, ...ownCounts] = await Promise.all([
      request.limit > 0 ? pageQuery.execute(db).then((r) => r.rows) : Promise.resolve([]),
      facetCounts(db, shared, where(), true, organizationsById),
      ...own.map((facet) => facetCounts(db, [facet], where(facet), false, organizationsById)),
    ]);
    const count = sharedCounts.total ?? 0;
    const docs = new Map((await searchRepository.datasetsByIds(db, page.map((p) => p.id))).map((d) => [d.id, d]));
    const hits = page.flatMap((p) => {
      const doc = docs.get(p.id);
      return doc ? [hitOf(storedOf(doc), doc.title, doc.description, Number(p.rank), request.locale, query)] : [];
    });

    const countsOf = (facet: FacetName) => (own.includes(facet) ? ownCounts[own.indexOf(facet)]! : sharedCounts).byFacet.get(facet) ?? new Map<string, number>();
    const facets = Object.fromEntries(
      facetNames.map((facet) => {
        const counts = new Map(countsOf(facet));
        const selected = request.filters[facet] ?? [];
        for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
        const list: FacetCount[] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        const top = list.slice(0, facetSize);
        for (const item of list.slice(facetSize)) if (selected.includes(item.value)) top.push(item);
        return [facet, facetSize > 0 ? top : []];
      }),
    ) as Record<FacetName, FacetCount[]>;

    const orgIds = new Set(hits.map((h) => h.organizationId));
    const orgSlugs = new Set(facets.organization.map((f) => f.value));
    const organizations: SearchOrganization[] = organizationRows.filter((o) => orgIds.has(o.id) || orgSlugs.has(o.slug));
    return { total: count, hits, facets, organizations, query, didYouMean: null };
  }

  const search = (request: SearchRequest) => answers.answer(request, () => evaluate(request));

  return {
    kind: 'postgres',
    search,
    /** A search answered by the database, never from the kept answers (the benchmark's in-process figures). */
    evaluate,
    async suggest(q, locale, scope, limit) {
      const words = tokenize(q);
      if (words.length === 0) return [];
      const last = words.pop()!;
      const text = [...words.map((w) => `"${w}"`), `${last}*`].join(' ');
      const { hits } = await search({ q: text, filters: {}, sort: 'relevance', limit: limit * 3, offset: 0, locale, scope, facetSize: 0 });
      return suggestionsOf(hits, limit);
    },
    async warm() {
      // Nothing to load: the database is the index.
    },
    changed() {
      // The database is the index; only the answers kept from before the change are stale.
      answers.invalidate();
    },
    async rebuild(onProgress): Promise<IndexStats> {
      const started = performance.now();
      const total = await searchRepository.countDatasets(db);
      onProgress?.(0, total);
      // Every vector and facet row computed again (a restored backup or rows changed with triggers off), then their indexes.
      await sql`insert into dataset_search (dataset_id, vector) select id, dataset_search_vector(metadata) from dataset on conflict (dataset_id) do update set vector = excluded.vector`.execute(db);
      await sql`select dataset_facet_refresh(array(select id from dataset))`.execute(db);
      await sql`reindex index dataset_search_vector_idx`.execute(db);
      await sql`reindex table dataset_facet`.execute(db);
      answers.invalidate();
      onProgress?.(total, total);
      return { documents: total, ms: performance.now() - started };
    },
  };
}
