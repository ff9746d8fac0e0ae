// /data-services/{slug}: an API's page — endpoints, descriptions, the datasets it serves, licence,
// access rights, contact; for editors the actions and the readiness panel.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { presentDataService } from '../catalog.presenter.js';
import type { Readiness } from '../readiness.js';
import { HvdBadge, StatusBadges } from './components/badges.js';
import { ContactAddressView, ContactPointView } from './components/contact-point.js';
import { LicenceName } from './components/licence-picker.js';
import { Localized, Paragraphs, pick } from './components/localized.js';
import { ReadinessPanel } from './components/readiness-panel.js';
import { ResourceActions } from './components/resource-actions.js';
import { ConceptName } from './components/vocabulary-fields.js';
import { Concepts, Keywords, Links } from './dataset-metadata.js';
import { dataServiceFieldLabels } from './field-labels.js';

export type DataServiceJson = ReturnType<typeof presentDataService>;

export function DataServicePage({ ctx, service, readiness, etag }: { ctx: PageContext; service: DataServiceJson; readiness: Readiness; etag: string }) {
  const { t } = ctx;
  const title = pick(service.title, ctx.locale);
  const description = pick(service.description, ctx.locale);
  const s = service;
  const editHref = (field: string) => `${ctx.href(`/data-services/${s.slug}/edit`)}#field-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <Layout ctx={ctx} title={title.text}>
      <p>
        <a href={ctx.href(`/organizations/${s.organization.slug}`)}>
          {t('catalogUi.backTo')} <Localized text={s.organization.name} locale={ctx.locale} />
        </a>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <p>
        <span class="badge">{t('catalogUi.dataService.badge')}</span> <StatusBadges ctx={ctx} status={s.status} visibility={s.visibility} /> {s.hvd ? <HvdBadge ctx={ctx} /> : null}
      </p>
      <ResourceActions ctx={ctx} kind="dataService" slug={s.slug} status={s.status} abilities={s.abilities} etag={etag} />
      {description.text ? <Paragraphs text={description.text} lang={description.lang} /> : <p>{t('catalogUi.noDescription')}</p>}
      {s.abilities.edit ? <ReadinessPanel ctx={ctx} readiness={readiness} labels={dataServiceFieldLabels(ctx)} hrefOf={editHref} published={s.status === 'published'} /> : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('catalogUi.about.headingService')}</h2>
        <dl class="meta-list">
          <dt>{t('catalogUi.field.organization')}</dt>
          <dd>
            <a href={ctx.href(`/organizations/${s.organization.slug}`)}>
              <Localized text={s.organization.name} locale={ctx.locale} />
            </a>
          </dd>
          <dt>{t('catalogUi.field.endpointUrls')}</dt>
          <dd>{s.endpointUrls.length ? <Links urls={s.endpointUrls} /> : t('catalogUi.notGiven')}</dd>
          {s.endpointDescriptions.length ? (
            <>
              <dt>{t('catalogUi.field.endpointDescriptions')}</dt>
              <dd>
                <Links urls={s.endpointDescriptions} />
              </dd>
            </>
          ) : null}
          {s.formats.length ? (
            <>
              <dt>{t('catalogUi.field.serviceFormats')}</dt>
              <dd>
                <Concepts ctx={ctx} scheme="fileType" iris={s.formats} />
              </dd>
            </>
          ) : null}
          <dt>{t('catalog.licence.field')}</dt>
          <dd>
            <LicenceName ctx={ctx} iri={s.license} hint="visible" />
          </dd>
          {s.accessRights ? (
            <>
              <dt>{t('catalogUi.field.accessRights')}</dt>
              <dd>
                <ConceptName ctx={ctx} scheme="accessRight" iri={s.accessRights} />
              </dd>
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
          {s.hvdCategories.length ? (
            <>
              <dt>{t('catalogUi.field.hvdCategories')}</dt>
              <dd>
                <Concepts ctx={ctx} scheme="hvdCategory" iris={s.hvdCategories} />
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
          {s.conformsTo.length ? (
            <>
              <dt>{t('catalogUi.field.conformsTo')}</dt>
              <dd>
                <Links urls={s.conformsTo} />
              </dd>
            </>
          ) : null}
          {s.applicableLegislation.length ? (
            <>
              <dt>{t('catalogUi.field.applicableLegislation')}</dt>
              <dd>
                <Links urls={s.applicableLegislation} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="serves-heading">
        <h2 id="serves-heading">{t('catalogUi.field.servesDatasets')}</h2>
        {s.servesDatasets.length ? (
          <ul class="link-list">
            {s.servesDatasets.map((d) => (
              <li>
                <a href={ctx.href(`/datasets/${d.slug}`)}>
                  <Localized text={d.title} locale={ctx.locale} />
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogUi.dataService.servesNone')}</p>
        )}
      </section>
    </Layout>
  );
}
