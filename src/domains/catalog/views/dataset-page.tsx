// /datasets/{slug}: a dataset's page — its metadata, distributions, a preview of the first table,
// how to cite it and schema.org JSON-LD; for editors the actions and the readiness panel.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { DatasetJson, DistributionJson } from '../catalog.presenter.js';
import type { Preview } from '../files/preview.js';
import type { Readiness } from '../readiness.js';
import { HvdBadge, NotOpenBadge, StatusBadges } from './components/badges.js';
import { Localized, Paragraphs, pick } from './components/localized.js';
import { PreviewTable } from './components/preview-table.js';
import { ReadinessPanel } from './components/readiness-panel.js';
import { ResourceActions } from './components/resource-actions.js';
import { DatasetMetadataList } from './dataset-metadata.js';
import { DistributionList, distributionName, type DistributionItem } from './distribution-list.js';
import { datasetFieldLabels } from './field-labels.js';
import { JsonLd } from './json-ld.js';

export interface DatasetPageProps {
  ctx: PageContext;
  dataset: DatasetJson;
  readiness: Readiness;
  /** The revision the page shows (sent back with unpublish). */
  etag: string;
  distributions: DistributionItem[];
  preview: { distribution: DistributionJson; index: number; preview: Preview; href: string } | null;
  jsonLd: Record<string, unknown>;
  /** <link rel="alternate"> to the dataset's DCAT-AP-SE descriptions. */
  alternates: { rel: string; href: string; type: string; title: string }[];
  /** The harvest source's URL when the dataset is harvested (read-only here). */
  harvestedFrom?: string | undefined;
}

/** "Organisation (year). Title. Allmänning. URL" — the year the dataset was published (or created). */
function citation(ctx: PageContext, dataset: DatasetJson): string {
  const year = (dataset.issued ?? dataset.publishedAt ?? dataset.createdAt).slice(0, 4);
  return `${pick(dataset.organization.name, ctx.locale).text} (${year}). ${pick(dataset.title, ctx.locale).text}. ${ctx.t('site.name')}. ${dataset.url}`;
}

const hvdFields: Record<string, string> = { 'hvd.category': 'hvdCategories', 'hvd.legislation': 'applicableLegislation', 'hvd.contactPoint': 'contactPoint.name', contactPoint: 'contactPoint.name' };

/** Where the readiness panel sends an editor to fix a field. */
export function datasetFixHref(ctx: PageContext, dataset: { slug: string; distributions: { id: string }[] }, field: string): string | undefined {
  const distribution = /^distributions\.(\d+)\./.exec(field);
  if (distribution) {
    const d = dataset.distributions[Number(distribution[1])];
    return d ? ctx.href(`/datasets/${dataset.slug}/distributions/${d.id}/edit`) : undefined;
  }
  if (field === 'distributions') return ctx.href(`/datasets/${dataset.slug}/distributions/new`);
  // HVD rules about distributions and APIs are fixed there, the others in the editor.
  if (['hvd.licence', 'hvd.bulkDownload', 'hvd.api'].includes(field)) return `${ctx.href(`/datasets/${dataset.slug}`)}#distributions-heading`;
  const anchor = hvdFields[field] ?? field;
  return `${ctx.href(`/datasets/${dataset.slug}/edit`)}#field-${anchor.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function DatasetPage({ ctx, dataset, readiness, etag, distributions, preview, jsonLd, alternates, harvestedFrom }: DatasetPageProps) {
  const { t } = ctx;
  const title = pick(dataset.title, ctx.locale);
  const description = pick(dataset.description, ctx.locale);
  const notOpen = dataset.distributions.length > 0 && !dataset.isOpen;
  return (
    <Layout ctx={ctx} title={title.text} headLinks={alternates}>
      <JsonLd data={jsonLd} />
      <p>
        <a href={ctx.href('/datasets')}>{t('catalogUi.backToList')}</a>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <p>
        <a href={ctx.href(`/organizations/${dataset.organization.slug}`)}>
          <Localized text={dataset.organization.name} locale={ctx.locale} />
        </a>{' '}
        <StatusBadges ctx={ctx} status={dataset.status} visibility={dataset.visibility} /> {dataset.hvd ? <HvdBadge ctx={ctx} /> : null} {notOpen ? <NotOpenBadge ctx={ctx} hint="visible" /> : null}
      </p>
      {harvestedFrom ? (
        <p class="notice">
          {t('catalogUi.harvested.notice')} <a href={harvestedFrom}>{harvestedFrom}</a>
        </p>
      ) : null}
      <ResourceActions ctx={ctx} kind="dataset" slug={dataset.slug} status={dataset.status} abilities={dataset.abilities} etag={etag}>
        <li>
          <a href={ctx.href(`/datasets/${dataset.slug}/distributions/new`)}>{t('catalogUi.actions.addDistribution')}</a>
        </li>
      </ResourceActions>
      {description.text ? <Paragraphs text={description.text} lang={description.lang} /> : <p>{t('catalogUi.noDescription')}</p>}

      {dataset.abilities.edit ? (
        <ReadinessPanel ctx={ctx} readiness={readiness} labels={datasetFieldLabels(ctx)} hrefOf={(field) => datasetFixHref(ctx, dataset, field)} published={dataset.status === 'published'} />
      ) : null}

      <DistributionList ctx={ctx} slug={dataset.slug} items={distributions} canEdit={dataset.abilities.edit} />

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('catalogUi.preview.heading')}</h2>
          <PreviewTable ctx={ctx} preview={preview.preview} caption={t('catalogUi.preview.caption', { name: distributionName(ctx, preview.distribution, preview.index) })} />
          <p>
            <a href={ctx.href(preview.href)}>{t('catalogUi.preview.own')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('catalogUi.about.heading')}</h2>
        <DatasetMetadataList ctx={ctx} dataset={dataset} />
      </section>

      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">{t('catalogUi.cite.heading')}</h2>
        <p>{t('catalogUi.cite.intro')}</p>
        <p class="code-block">{citation(ctx, dataset)}</p>
      </section>
    </Layout>
  );
}
