// /series/{slug}: a dataset series and the datasets in it.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { presentSeries } from '../catalog.presenter.js';
import type { Readiness } from '../readiness.js';
import { StatusBadges } from './components/badges.js';
import { ContactAddressView, ContactPointView } from './components/contact-point.js';
import { formatDay, Localized, Paragraphs, pick } from './components/localized.js';
import { ReadinessPanel } from './components/readiness-panel.js';
import { ResourceActions } from './components/resource-actions.js';
import { ConceptName } from './components/vocabulary-fields.js';
import { Concepts, Keywords, Links } from './dataset-metadata.js';
import { seriesFieldLabels } from './field-labels.js';

export type SeriesJson = ReturnType<typeof presentSeries>;

export function SeriesPage({ ctx, series, readiness, etag }: { ctx: PageContext; series: SeriesJson; readiness: Readiness; etag: string }) {
  const { t } = ctx;
  const s = series;
  const title = pick(s.title, ctx.locale);
  const description = pick(s.description, ctx.locale);
  const editHref = (field: string) => `${ctx.href(`/series/${s.slug}/edit`)}#field-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <Layout ctx={ctx} title={title.text}>
      <p>
        <a href={ctx.href(`/organizations/${s.organization.slug}`)}>
          {t('catalogUi.backTo')} <Localized text={s.organization.name} locale={ctx.locale} />
        </a>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <p>
        <span class="badge">{t('catalogUi.series.badge')}</span> <StatusBadges ctx={ctx} status={s.status} visibility={s.visibility} />
      </p>
      <ResourceActions ctx={ctx} kind="series" slug={s.slug} status={s.status} abilities={s.abilities} etag={etag} />
      {description.text ? <Paragraphs text={description.text} lang={description.lang} /> : <p>{t('catalogUi.noDescription')}</p>}
      {s.abilities.edit ? <ReadinessPanel ctx={ctx} readiness={readiness} labels={seriesFieldLabels(ctx)} hrefOf={editHref} published={s.status === 'published'} /> : null}

      <section aria-labelledby="series-datasets-heading">
        <h2 id="series-datasets-heading">{t('catalogUi.series.datasets')}</h2>
        {s.datasets.length ? (
          <ul class="link-list">
            {s.datasets.map((d) => (
              <li>
                <a href={ctx.href(`/datasets/${d.slug}`)}>
                  <Localized text={d.title} locale={ctx.locale} />
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogUi.series.noDatasets')}</p>
        )}
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('catalogUi.about.headingSeries')}</h2>
        <dl class="meta-list">
          <dt>{t('catalogUi.field.organization')}</dt>
          <dd>
            <a href={ctx.href(`/organizations/${s.organization.slug}`)}>
              <Localized text={s.organization.name} locale={ctx.locale} />
            </a>
          </dd>
          {s.accrualPeriodicity ? (
            <>
              <dt>{t('catalogUi.field.accrualPeriodicity')}</dt>
              <dd>
                <ConceptName ctx={ctx} scheme="frequency" iri={s.accrualPeriodicity} />
              </dd>
            </>
          ) : null}
          {s.temporal.length ? (
            <>
              <dt>{t('catalogUi.field.temporal')}</dt>
              <dd>{s.temporal.map((p) => `${formatDay(ctx.locale, p.start) || '…'} – ${formatDay(ctx.locale, p.end) || '…'}`).join('; ')}</dd>
            </>
          ) : null}
          {s.contactPoint ? (
            <>
              <dt>{t('catalogUi.contact.legend')}</dt>
              <dd>
                <ContactPointView contact={s.contactPoint} />
              </dd>
            </>
          ) : null}
          {s.contactPoint?.address ? (
            <>
              <dt>{t('catalogUi.contact.address')}</dt>
              <dd>
                <ContactAddressView address={s.contactPoint.address} />
              </dd>
            </>
          ) : null}
          {s.keywords.sv?.length || s.keywords.en?.length ? (
            <>
              <dt>{t('catalogUi.field.keywords')}</dt>
              <dd>
                <Keywords ctx={ctx} keywords={s.keywords} />
              </dd>
            </>
          ) : null}
          {s.themes.length ? (
            <>
              <dt>{t('catalogUi.field.themes')}</dt>
              <dd>
                <Concepts ctx={ctx} scheme="dataTheme" iris={s.themes} />
              </dd>
            </>
          ) : null}
          {s.landingPage ? (
            <>
              <dt>{t('catalogUi.field.landingPage')}</dt>
              <dd>
                <Links urls={[s.landingPage]} />
              </dd>
            </>
          ) : null}
          {s.documentation.length ? (
            <>
              <dt>{t('catalogUi.field.documentation')}</dt>
              <dd>
                <Links urls={s.documentation} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </Layout>
  );
}
