// /datasets?q=…: the search page. Works without JavaScript: one GET form holds the words, the sort
// and the facets (checkboxes), so every result page has a shareable URL. The result count is a
// live region (announced by screen readers when it changes); matches are marked with <mark> (the
// text is escaped by Preact). /static/search.js only adds type-ahead suggestions to the field.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { facetNames, searchSorts, type FacetName, type SearchHit, type SearchSort } from '../search.model.js';
import type { PresentedFacet } from '../search.presenter.js';
import type { SnippetPart } from '../text.js';

export interface SearchPageQuery {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  sort: SearchSort;
}

export interface SearchPageItem {
  hit: SearchHit;
  organizationName: { text: string; lang: string };
}

export interface SearchPageProps {
  ctx: PageContext;
  query: SearchPageQuery;
  total: number;
  items: SearchPageItem[];
  facets: Record<FacetName, PresentedFacet[]>;
  page: number;
  pageSize: number;
  /** A corrected query to offer when nothing was found. */
  didYouMean: string | null;
  createHref: string | null;
}

const sortLabels: Record<SearchSort, MessageKey> = { relevance: 'search.sort.relevance', title: 'search.sort.title', modified: 'search.sort.modified', newest: 'search.sort.newest' };

/** The locale-free URL of a search (what links and pagination point at). */
export function searchHref(query: SearchPageQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const facet of facetNames) for (const value of query.filters[facet] ?? []) params.append(facet, value);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/datasets?${search}` : '/datasets';
}

function Marked({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

function Facet({ ctx, facet, values, selected }: { ctx: PageContext; facet: FacetName; values: PresentedFacet[]; selected: string[] }) {
  if (values.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{ctx.t(`search.facet.${facet}` as MessageKey)}</legend>
      <ul>
        {values.map((v, i) => {
          const id = `facet-${facet}-${i}`;
          return (
            <li>
              <input type="checkbox" id={id} name={facet} value={v.value} checked={selected.includes(v.value)} />{' '}
              <label for={id}>
                {v.label} ({v.count})
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function SearchPage({ ctx, query, total, items, facets, page, pageSize, didYouMean, createHref }: SearchPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const heading = query.q ? t('search.titleFor', { q: query.q }) : t('search.title');
  const title = page > 1 ? `${heading} – ${t('search.pageOf', { page, pages })}` : heading;
  const count = query.q
    ? total === 1
      ? t('search.resultsOneFor', { q: query.q })
      : t('search.resultsFor', { count: total, q: query.q })
    : total === 1
      ? t('search.resultsOne')
      : t('search.results', { count: total });
  const selected = facetNames.flatMap((facet) => (query.filters[facet] ?? []).map((value) => ({ facet, value, label: facets[facet].find((f) => f.value === value)?.label ?? value })));
  const hasFilters = selected.length > 0;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{t('search.title')}</h1>
      <p class="lead">{t('search.lead')}</p>
      {createHref ? (
        <p>
          <a class="button button-secondary" href={ctx.href(createHref)}>
            {t('search.create')}
          </a>
        </p>
      ) : null}

      <form action={ctx.href('/datasets')} method="get" role="search" class="search-form" aria-label={t('search.label')}>
        <div class="field">
          <label for="search-q">{t('search.label')}</label>
          <div class="search-row">
            <input
              type="search"
              id="search-q"
              name="q"
              value={query.q}
              maxLength={500}
              autocomplete="off"
              aria-describedby="search-help"
              data-suggest={`/api/v1/search/suggest?lang=${ctx.locale}`}
              data-suggest-label={t('search.suggestions')}
            />
            <button type="submit" class="button button-primary">
              {t('search.submit')}
            </button>
          </div>
          <p id="search-help" class="small">
            {t('search.help')}
          </p>
        </div>
        <div class="field">
          <label for="search-sort">{t('search.sort')}</label>
          <select id="search-sort" name="sort">
            {searchSorts.map((sort) => (
              <option value={sort} selected={query.sort === sort}>
                {t(sortLabels[sort])}
              </option>
            ))}
          </select>
        </div>

        <div class="search-layout">
          <section class="search-facets" aria-labelledby="facets-heading">
            <h2 id="facets-heading">{t('search.filters')}</h2>
            {facetNames.map((facet) => (
              <Facet ctx={ctx} facet={facet} values={facets[facet]} selected={query.filters[facet] ?? []} />
            ))}
            <p class="actions">
              <button type="submit" class="button button-secondary">
                {t('search.apply')}
              </button>
              {query.q || hasFilters || query.sort !== 'relevance' ? <a href={ctx.href('/datasets')}>{t('search.clear')}</a> : null}
            </p>
          </section>

          <section class="search-results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">
              {t('search.resultsHeading')}
            </h2>
            <p role="status" aria-live="polite" aria-atomic="true" class="search-count">
              {count}
            </p>
            {items.length === 0 ? (
              <NoResults ctx={ctx} query={query} didYouMean={didYouMean} selected={selected} anything={Boolean(query.q) || hasFilters} />
            ) : (
              <ul class="search-hits" aria-labelledby="results-heading">
                {items.map(({ hit, organizationName }) => (
                  <li class="card">
                    <h3>
                      <a href={ctx.href(`/datasets/${hit.slug}`)} lang={hit.titleLang === ctx.locale ? undefined : hit.titleLang}>
                        <Marked parts={hit.titleParts} />
                      </a>
                    </h3>
                    <p class="small" lang={organizationName.lang === ctx.locale ? undefined : organizationName.lang}>
                      {organizationName.text}
                    </p>
                    {hit.status !== 'published' || hit.visibility === 'private' || hit.hvd || hit.notOpen ? (
                      <p>
                        {hit.status !== 'published' ? <span class="badge badge-muted">{t('catalogUi.status.draft')}</span> : null}{' '}
                        {hit.visibility === 'private' ? <span class="badge badge-muted">{t('catalogUi.visibility.private')}</span> : null}{' '}
                        {hit.hvd ? <span class="badge">{t('catalogUi.hvd.badge')}</span> : null}{' '}
                        {hit.notOpen ? <span class="badge badge-muted">{t('catalog.licence.notOpen')}</span> : null}
                      </p>
                    ) : null}
                    {hit.snippet.length ? (
                      <p lang={hit.snippetLang === ctx.locale ? undefined : hit.snippetLang}>
                        <Marked parts={hit.snippet} />
                      </p>
                    ) : null}
                    {hit.formats.length ? (
                      <p class="small">
                        {t('search.formats')}: {hit.formats.join(', ')}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}

            {pages > 1 ? (
              <nav aria-label={t('search.pagination')}>
                <p class="actions">
                  {page > 1 ? (
                    <a href={ctx.href(searchHref(query, page - 1))} rel="prev">
                      {t('search.previous')}
                    </a>
                  ) : null}
                  <span aria-current="page">{t('search.pageOf', { page, pages })}</span>
                  {page < pages ? (
                    <a href={ctx.href(searchHref(query, page + 1))} rel="next">
                      {t('search.next')}
                    </a>
                  ) : null}
                </p>
              </nav>
            ) : null}
          </section>
        </div>
      </form>
      <script src="/static/search.js" defer></script>
    </Layout>
  );
}

function NoResults({
  ctx,
  query,
  didYouMean,
  selected,
  anything,
}: {
  ctx: PageContext;
  query: SearchPageQuery;
  didYouMean: string | null;
  selected: { facet: FacetName; value: string; label: string }[];
  anything: boolean;
}) {
  const { t } = ctx;
  if (!anything) return <p>{t('search.none.empty')}</p>;
  return (
    <div class="search-none">
      <h3>{t('search.none.title')}</h3>
      {didYouMean ? (
        <p>
          {t('search.none.didYouMean')} <a href={ctx.href(searchHref({ ...query, q: didYouMean }))}>{didYouMean}</a>?
        </p>
      ) : null}
      {query.q ? <p>{t('search.none.spelling')}</p> : null}
      {selected.length ? (
        <>
          <p>{t('search.none.fewerFilters')}</p>
          <ul>
            {selected.map((s) => (
              <li>
                <a href={ctx.href(searchHref({ ...query, filters: { ...query.filters, [s.facet]: (query.filters[s.facet] ?? []).filter((v) => v !== s.value) } }))}>
                  {t('search.none.removeFilter', { label: s.label })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
