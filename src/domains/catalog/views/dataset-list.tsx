// /datasets: the datasets the viewer may see (published public ones, and their own organisations'
// drafts and private ones, marked), filtered by organisation, sorted, in pages. A plain list until
// search replaces it.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { presentDatasetListItem } from '../catalog.presenter.js';
import { HvdBadge, NotOpenBadge, StatusBadges } from './components/badges.js';
import { Localized, pick, type AnyLangText } from './components/localized.js';
import { ConceptName } from './components/vocabulary-fields.js';

export const datasetSorts = ['title', 'modified', 'newest'] as const;
export type DatasetSort = (typeof datasetSorts)[number];

export interface DatasetListQuery {
  organization: string;
  sort: DatasetSort;
}

export interface DatasetListProps {
  ctx: PageContext;
  items: ReturnType<typeof presentDatasetListItem>[];
  total: number;
  query: DatasetListQuery;
  page: number;
  pageSize: number;
  organizations: { slug: string; name: AnyLangText }[];
  /** Where "new dataset" goes, when the viewer may create one. */
  createHref: string | null;
}

function listHref(query: DatasetListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.organization) params.set('organization', query.organization);
  if (query.sort !== 'title') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/datasets?${search}` : '/datasets';
}

const sortLabels = { title: 'catalogUi.list.sortTitle', modified: 'catalogUi.list.sortModified', newest: 'catalogUi.list.sortNewest' } as const;

function excerpt(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')} …` : text;
}

export function DatasetListPage({ ctx, items, total, query, page, pageSize, organizations, createHref }: DatasetListProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const title = page > 1 ? `${t('catalogUi.list.title')} – ${t('catalogUi.list.pageOf', { page, pages })}` : t('catalogUi.list.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{t('catalogUi.list.title')}</h1>
      <p class="lead">{t('catalogUi.list.lead')}</p>
      {createHref ? (
        <p>
          <a class="button button-secondary" href={ctx.href(createHref)}>
            {t('catalogUi.list.create')}
          </a>
        </p>
      ) : null}

      <form action={ctx.href('/datasets')} method="get" class="stack-form" aria-label={t('catalogUi.list.filterLabel')}>
        <div class="field">
          <label for="field-organization">{t('catalogUi.field.organization')}</label>
          <select id="field-organization" name="organization">
            <option value="" selected={query.organization === ''}>
              {t('catalogUi.list.allOrganizations')}
            </option>
            {organizations.map((org) => (
              <option value={org.slug} selected={query.organization === org.slug}>
                {pick(org.name, ctx.locale).text}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-sort">{t('catalogUi.list.sort')}</label>
          <select id="field-sort" name="sort">
            {datasetSorts.map((sort) => (
              <option value={sort} selected={query.sort === sort}>
                {t(sortLabels[sort])}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('catalogUi.list.apply')}
          </button>
          {query.organization || query.sort !== 'title' ? <a href={ctx.href('/datasets')}>{t('catalogUi.list.clear')}</a> : null}
        </div>
      </form>

      <h2 id="results-heading">{total === 1 ? t('catalogUi.list.resultsOne') : t('catalogUi.list.results', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{query.organization ? t('catalogUi.list.noMatches') : t('catalogUi.list.empty')}</p>
      ) : (
        <ul class="card-grid" aria-labelledby="results-heading">
          {items.map((item) => {
            const description = pick(item.description, ctx.locale);
            const formats = [...new Set(item.distributions.map((d) => d.format).filter((f): f is string => Boolean(f)))];
            return (
              <li class="card">
                <h3>
                  <a href={ctx.href(`/datasets/${item.slug}`)}>
                    <Localized text={item.title} locale={ctx.locale} />
                  </a>
                </h3>
                <p class="small">
                  <Localized text={item.organization.name} locale={ctx.locale} />
                </p>
                <p>
                  <StatusBadges ctx={ctx} status={item.status} visibility={item.visibility} /> {item.hvd ? <HvdBadge ctx={ctx} /> : null}{' '}
                  {item.distributions.length > 0 && !item.isOpen ? <NotOpenBadge ctx={ctx} /> : null}
                </p>
                {description.text ? <p lang={description.lang}>{excerpt(description.text)}</p> : null}
                {formats.length ? (
                  <p class="small">
                    {t('catalogUi.distribution.format')}:{' '}
                    {formats.map((f, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <ConceptName ctx={ctx} scheme="fileType" iri={f} />
                      </>
                    ))}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      {pages > 1 ? (
        <nav aria-label={t('catalogUi.list.pagination')}>
          <p class="actions">
            {page > 1 ? (
              <a href={ctx.href(listHref(query, page - 1))} rel="prev">
                {t('catalogUi.list.previous')}
              </a>
            ) : null}
            <span aria-current="page">{t('catalogUi.list.pageOf', { page, pages })}</span>
            {page < pages ? (
              <a href={ctx.href(listHref(query, page + 1))} rel="next">
                {t('catalogUi.list.next')}
              </a>
            ) : null}
          </p>
        </nav>
      ) : null}
    </Layout>
  );
}
