// /organizations: every organisation, with a search box, a type filter and pages.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { OrganizationView } from '../organization.presenter.js';
import { organizationTypes, type OrganizationType } from '../organizations.table.js';
import { Lang, typeLabels } from './shared.js';

export interface ListPageProps {
  ctx: PageContext;
  items: OrganizationView[];
  total: number;
  query: { q: string; type: OrganizationType | '' };
  page: number;
  pageSize: number;
  canCreate: boolean;
}

function listHref(query: ListPageProps['query'], page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.type) params.set('type', query.type);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/organizations?${search}` : '/organizations';
}

export function OrganizationListPage({ ctx, items, total, query, page, pageSize, canCreate }: ListPageProps) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = Boolean(query.q || query.type);
  return (
    <Layout ctx={ctx} title={page > 1 ? `${t('organizations.title')} – ${t('organizations.list.pageOf', { page, pages })}` : t('organizations.title')}>
      <h1>{t('organizations.title')}</h1>
      <p class="lead">{t('organizations.list.lead')}</p>
      {canCreate ? (
        <p>
          <a class="button button-secondary" href={ctx.href('/organizations/new')}>
            {t('organizations.list.create')}
          </a>
        </p>
      ) : null}

      <form action={ctx.href('/organizations')} method="get" class="stack-form" role="search" aria-label={t('organizations.list.searchLabel')}>
        <div class="field">
          <label for="field-q">{t('organizations.list.searchLabel')}</label>
          <p class="field-hint" id="field-q-hint">
            {t('organizations.list.searchHint')}
          </p>
          <input id="field-q" name="q" type="search" value={query.q} maxLength={200} aria-describedby="field-q-hint" />
        </div>
        <div class="field">
          <label for="field-type">{t('organizations.field.type')}</label>
          <select id="field-type" name="type">
            <option value="" selected={query.type === ''}>
              {t('organizations.list.allTypes')}
            </option>
            {organizationTypes.map((type) => (
              <option value={type} selected={query.type === type}>
                {t(typeLabels[type])}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('organizations.list.search')}
          </button>
          {filtered ? <a href={ctx.href('/organizations')}>{t('organizations.list.clear')}</a> : null}
        </div>
      </form>

      <h2 id="results-heading">{total === 1 ? t('organizations.list.resultsOne') : t('organizations.list.results', { count: total })}</h2>
      {items.length === 0 ? (
        <p>{filtered ? t('organizations.list.noMatches') : t('organizations.list.empty')}</p>
      ) : (
        <ul class="card-grid" aria-labelledby="results-heading">
          {items.map((org) => (
            <li class="card">
              <h3>
                <a href={ctx.href(`/organizations/${org.slug}`)}>
                  <Lang lang={org.nameLang}>{org.name}</Lang>
                </a>
              </h3>
              <p>
                <span class="badge">{t(typeLabels[org.type])}</span>
                {org.orgNumber ? (
                  <>
                    {' '}
                    <span class="small">
                      {t('organizations.field.orgNumber')}: {org.orgNumber}
                    </span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 ? (
        <nav aria-label={t('organizations.list.pagination')}>
          <p class="actions">
            {page > 1 ? (
              <a href={ctx.href(listHref(query, page - 1))} rel="prev">
                {t('organizations.list.previous')}
              </a>
            ) : null}
            <span aria-current="page">{t('organizations.list.pageOf', { page, pages })}</span>
            {page < pages ? (
              <a href={ctx.href(listHref(query, page + 1))} rel="next">
                {t('organizations.list.next')}
              </a>
            ) : null}
          </p>
        </nav>
      ) : null}
    </Layout>
  );
}
