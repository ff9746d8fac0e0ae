// The catalog's part of an organisation's page: its datasets and APIs (drafts and private ones
// only for its members), with links to all of them and, for editors, to add new ones.
import type { PageContext } from '../../../platform/views/index.js';
import type { LangText } from '../catalog.model.js';
import { HvdBadge, StatusBadges } from './components/badges.js';
import { Localized } from './components/localized.js';

export interface SectionItem {
  slug: string;
  title: LangText;
  status: string;
  visibility: string;
  hvd: boolean;
}

export interface OrganizationCatalogProps {
  ctx: PageContext;
  organizationSlug: string;
  datasets: { items: SectionItem[]; total: number };
  services: { items: SectionItem[]; total: number };
  series: { items: SectionItem[]; total: number };
  canCreate: boolean;
}

function Items({ ctx, base, items }: { ctx: PageContext; base: string; items: SectionItem[] }) {
  return (
    <ul class="link-list">
      {items.map((item) => (
        <li>
          <a href={ctx.href(`${base}/${item.slug}`)}>
            <Localized text={item.title} locale={ctx.locale} />
          </a>{' '}
          <StatusBadges ctx={ctx} status={item.status} visibility={item.visibility} /> {item.hvd ? <HvdBadge ctx={ctx} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OrganizationCatalogSection({ ctx, organizationSlug, datasets, services, series, canCreate }: OrganizationCatalogProps) {
  const { t } = ctx;
  const query = `?organization=${encodeURIComponent(organizationSlug)}`;
  return (
    <>
      <section aria-labelledby="org-datasets-heading">
        <h2 id="org-datasets-heading">{t('catalogUi.organization.datasets', { count: datasets.total })}</h2>
        {datasets.items.length ? <Items ctx={ctx} base="/datasets" items={datasets.items} /> : <p>{t('catalogUi.organization.noDatasets')}</p>}
        <p class="actions">
          {datasets.total > datasets.items.length ? <a href={ctx.href(`/datasets${query}`)}>{t('catalogUi.organization.allDatasets', { count: datasets.total })}</a> : null}
          {canCreate ? (
            <a class="button button-secondary" href={ctx.href(`/datasets/new${query}`)}>
              {t('catalogUi.list.create')}
            </a>
          ) : null}
        </p>
      </section>
      <section aria-labelledby="org-services-heading">
        <h2 id="org-services-heading">{t('catalogUi.organization.services', { count: services.total })}</h2>
        {services.items.length ? <Items ctx={ctx} base="/data-services" items={services.items} /> : <p>{t('catalogUi.organization.noServices')}</p>}
        {canCreate ? (
          <p>
            <a class="button button-secondary" href={ctx.href(`/data-services/new${query}`)}>
              {t('catalogUi.dataService.newTitle')}
            </a>
          </p>
        ) : null}
      </section>
      {series.items.length || canCreate ? (
        <section aria-labelledby="org-series-heading">
          <h2 id="org-series-heading">{t('catalogUi.organization.series', { count: series.total })}</h2>
          {series.items.length ? <Items ctx={ctx} base="/series" items={series.items} /> : <p>{t('catalogUi.organization.noSeries')}</p>}
          {canCreate ? (
            <p>
              <a class="button button-secondary" href={ctx.href(`/series/new${query}`)}>
                {t('catalogUi.series.newTitle')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
