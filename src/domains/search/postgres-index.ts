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
// - Ranking: ts_rank with the A/B/C weights; ties by title.
// - Facets: a GROUP BY per facet over the matching datasets, read once into a materialised CTE for
//   every facet without a filter of its own (and the total); each filtered facet counts the matches
//   without its own filter in a statement of its own, in parallel. Codes (ECON, CSV, CC_BY_4_0) are
//   mapped to and from the stored IRIs here, so both implementations speak the same values.
// - Answers are kept while the catalog does not change (answer-cache.ts): seconds at 100,000
//   datasets for a word in most of the catalog, once per change.
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

const KEYWORDS = sql.raw(`jsonb_array_elements_text(coalesce(d.metadata -> 'keywords' -> 'sv', '[]'::jsonb) || coalesce(d.metadata -> 'keywords' -> 'en', '[]'::jsonb))`);
const NOT_OPEN_DISTRIBUTION = (iris: string[]) => sql`exists (select 1 from distribution x where x.dataset_id = d.id and not (coalesce(x.metadata ->> 'license', '') = any(${iris}::text[])))`;
const HAS_DISTRIBUTION = sql`exists (select 1 from distribution x where x.dataset_id = d.id)`;

/** The SQL condition of one facet's filter (OR within the facet). */
function facetCondition(facet: FacetName, values: readonly string[]): Sql {
  const list = [...values];
  switch (facet) {
    case 'organization':
      return sql`d.organization_id in (select id from organization where slug = any(${list}::text[]))`;
    case 'organizationType':
      return sql`d.organization_id in (select id from organization where type = any(${list}::text[]))`;
    case 'theme':
      return sql`(d.metadata -> 'themes') ?| ${list.map((c) => codeToIri('dataTheme', c))}::text[]`;
    case 'hvd':
      return sql`(d.metadata -> 'hvdCategories') ?| ${list.map((c) => codeToIri('hvdCategory', c))}::text[]`;
    case 'accessRights':
      return sql`(d.metadata ->> 'accessRights') = any(${list.map((c) => codeToIri('accessRight', c))}::text[])`;
    case 'keyword':
      return sql`exists (select 1 from ${KEYWORDS} k where lower(trim(k)) = any(${list}::text[]))`;
    case 'format':
      return sql`exists (select 1 from distribution x where x.dataset_id = d.id and (x.metadata ->> 'format') = any(${list.map((c) => codeToIri('fileType', c))}::text[]))`;
    case 'license':
      return sql`exists (select 1 from distribution x where x.dataset_id = d.id and (x.metadata ->> 'license') = any(${licenceIris(list)}::text[]))`;
    case 'open': {
      const parts: Sql[] = [];
      if (list.includes('open')) parts.push(sql`(${HAS_DISTRIBUTION} and not ${NOT_OPEN_DISTRIBUTION(openIris())})`);
      if (list.includes('notOpen')) parts.push(NOT_OPEN_DISTRIBUTION(openIris()));
      return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
    }
  }
}

function visibilityCondition(scope: SearchScope): Sql {
  if ('all' in scope) return sql`true`;
  const open = sql`(d.status = 'published' and d.visibility = 'public')`;
  return scope.insiderOf.length ? sql`(${open} or d.organization_id = any(${[...scope.insiderOf]}::text[]))` : open;
}

/** SELECT value, n for one facet over `m`, the matching datasets (id, organization_id, metadata). */
function facetSelect(facet: FacetName): Sql {
  switch (facet) {
    case 'organization':
      return sql`select o.slug as value, count(*) as n from m join organization o on o.id = m.organization_id group by o.slug`;
    case 'organizationType':
      return sql`select o.type as value, count(*) as n from m join organization o on o.id = m.organization_id group by o.type`;
    case 'theme':
      return sql`select v as value, count(*) as n from m d, jsonb_array_elements_text(coalesce(d.metadata -> 'themes', '[]'::jsonb)) v group by v`;
    case 'hvd':
      return sql`select v as value, count(*) as n from m d, jsonb_array_elements_text(coalesce(d.metadata -> 'hvdCategories', '[]'::jsonb)) v group by v`;
    case 'accessRights':
      return sql`select d.metadata ->> 'accessRights' as value, count(*) as n from m d where d.metadata ->> 'accessRights' is not null group by 1`;
    case 'keyword':
      return sql`select lower(trim(k)) as value, count(distinct d.id) as n from m d, ${KEYWORDS} k group by 1`;
    case 'format':
      return sql`select x.metadata ->> 'format' as value, count(distinct m.id) as n from m join distribution x on x.dataset_id = m.id where x.metadata ->> 'format' is not null group by 1`;
    case 'license':
      return sql`select x.metadata ->> 'license' as value, count(distinct m.id) as n from m join distribution x on x.dataset_id = m.id where x.metadata ->> 'license' is not null group by 1`;
    case 'open':
      return sql`select case when ${NOT_OPEN_DISTRIBUTION(openIris())} then 'notOpen' else 'open' end as value, count(*) as n from m d where ${HAS_DISTRIBUTION} group by 1`;
  }
}

type FacetRow = { facet: string; value: string | null; n: number | string };

/**
 * Counts of `facets` (and, with `total`, the number of matches) over the datasets matching `where`,
 * in one statement: the matches are read once into a materialised CTE and every count reads that.
 * (One statement per facet made PostgreSQL find the matches again for each — nine scans of the
 * catalog for a common word.)
 */
async function facetCounts(db: Db, facets: readonly FacetName[], where: Sql, total: boolean): Promise<FacetRow[]> {
  const parts = facets.map((facet) => sql`select ${facet}::text as facet, f.value::text as value, f.n::bigint as n from (${facetSelect(facet)}) f`);
  if (total) parts.push(sql`select '_total'::text as facet, null::text as value, count(*)::bigint as n from m`);
  if (parts.length === 0) return [];
  const statement = sql`with m as materialized (select d.id, d.organization_id, d.metadata from dataset d where ${where}) ${sql.join(parts, sql` union all `)}`;
  return (await statement.execute(db)).rows as FacetRow[];
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
    const base: Sql[] = [sql`d.deleted_at is null`, visibilityCondition(request.scope)];
    // The stored vectors (dataset_search, kept by a trigger; migration 2026-11-29-0012), read through their GIN index.
    if (tsquery) base.push(sql`d.id in (select s.dataset_id from dataset_search s where s.vector @@ (${tsquery}))`);
    const filters = new Map<FacetName, Sql>();
    const everyValue = request.filterMode === 'all';
    for (const facet of facetNames) {
      const values = request.filters[facet];
      if (!values?.length) continue;
      filters.set(facet, everyValue ? sql`(${sql.join(values.map((value) => facetCondition(facet, [value])), sql` and `)})` : facetCondition(facet, values));
    }
    const whereWithout = (except?: FacetName) => sql.join([...base, ...[...filters].filter(([f]) => f !== except).map(([, c]) => c)], sql` and `);
    const where = whereWithout();

    // Reversed: every key flipped, ties included, as the embedded index reads its orders backwards.
    const [asc, desc] = request.reverse && request.sort !== 'relevance' ? [sql`desc`, sql`asc`] : [sql`asc`, sql`desc`];
    const order =
      request.sort === 'title' || (request.sort === 'relevance' && !tsquery)
        ? sql`d.sort_title ${asc}, d.id ${asc}`
        : request.sort === 'modified'
          ? sql`d.updated_at ${desc}, d.id ${asc}`
          : request.sort === 'newest'
            ? sql`d.created_at ${desc}, d.id ${asc}`
            : sql`rank desc, d.sort_title, d.id`;
    const rank = tsquery && request.sort === 'relevance' ? sql`(select ts_rank(${WEIGHTS}, s.vector, ${tsquery}) from dataset_search s where s.dataset_id = d.id)` : sql`0`;
    const facetSize = request.facetSize ?? 20;

    // The facets without a filter of their own share the query's matches (and give the total);
    // each filtered facet counts the matches without its own filter (filterMode 'all': within them).
    const shared = facetSize > 0 ? facetNames.filter((f) => everyValue || !filters.has(f)) : [];
    const own = facetSize > 0 && !everyValue ? facetNames.filter((f) => filters.has(f)) : [];
    const [page, ...countRows] = await Promise.all([
      request.limit > 0
        ? sql<{ id: string; rank: number }>`select d.id, ${rank} as rank from dataset d where ${where} order by ${order} limit ${request.limit} offset ${request.offset}`.execute(db).then((r) => r.rows)
        : Promise.resolve([]),
      facetCounts(db, shared, where, true),
      ...own.map((facet) => facetCounts(db, [facet], whereWithout(facet), false)),
    ]);
    const rows = countRows.flat();
    const count = Number(rows.find((r) => r.facet === '_total')?.n ?? 0);
    const docs = new Map((await searchRepository.datasetsByIds(db, page.map((p) => p.id))).map((d) => [d.id, d]));
    const hits = page.flatMap((p) => {
      const doc = docs.get(p.id);
      return doc ? [hitOf(storedOf(doc), doc.title, doc.description, Number(p.rank), request.locale, query)] : [];
    });

    const facets = Object.fromEntries(
      facetNames.map((facet) => {
        const counts = new Map<string, number>();
        for (const row of rows) {
          if (row.facet !== facet || row.value === null) continue;
          const code = codeOfFacetValue(facet, row.value);
          counts.set(code, (counts.get(code) ?? 0) + Number(row.n));
        }
        const selected = request.filters[facet] ?? [];
        for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
        const list: FacetCount[] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        const top = list.slice(0, facetSize);
        for (const item of list.slice(facetSize)) if (selected.includes(item.value)) top.push(item);
        return [facet, facetSize > 0 ? top : []];
      }),
    ) as Record<FacetName, FacetCount[]>;

    const orgIds = [...new Set(hits.map((h) => h.organizationId))];
    const orgSlugs = facets.organization.map((f) => f.value);
    const organizations: SearchOrganization[] =
      orgIds.length || orgSlugs.length
        ? (
            await db
              .selectFrom('organization')
              .select(['id', 'slug', 'name_sv', 'name_en', 'type', 'updated_at'])
              .where((eb) => eb.or([eb('id', 'in', orgIds.length ? orgIds : ['']), eb('slug', 'in', orgSlugs.length ? orgSlugs : [''])]))
              .execute()
          ).map((r) => ({ id: r.id, slug: r.slug, name: { sv: r.name_sv, ...(r.name_en ? { en: r.name_en } : {}) }, type: r.type, updatedAt: r.updated_at }))
        : [];
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
      // Every vector computed again (a restored backup or rows changed with triggers off), then the index.
      await sql`insert into dataset_search (dataset_id, vector) select id, dataset_search_vector(metadata) from dataset on conflict (dataset_id) do update set vector = excluded.vector`.execute(db);
      await sql`reindex index dataset_search_vector_idx`.execute(db);
      answers.invalidate();
      onProgress?.(total, total);
      return { documents: total, ms: performance.now() - started };
    },
  };
}
