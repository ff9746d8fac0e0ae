// /datasets/{slug}/distributions/{id}/preview: the first rows of a distribution's file as a table.
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { LangText } from '../catalog.model.js';
import type { Preview } from '../files/preview.js';
import { pick } from './components/localized.js';
import { PreviewTable } from './components/preview-table.js';

export interface PreviewPageProps {
  ctx: PageContext;
  dataset: { slug: string; title: LangText };
  distributionName: string;
  downloadHref: string | null;
  preview: Preview;
}

export function PreviewPage({ ctx, dataset, distributionName, downloadHref, preview }: PreviewPageProps) {
  const { t } = ctx;
  const title = t('catalogUi.preview.pageTitle', { name: distributionName });
  const datasetTitle = pick(dataset.title, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={ctx.href(`/datasets/${dataset.slug}`)}>
          {t('catalogUi.backTo')} <span lang={datasetTitle.lang}>{datasetTitle.text}</span>
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t('catalogUi.preview.intro')}</p>
      <PreviewTable ctx={ctx} preview={preview} caption={t('catalogUi.preview.caption', { name: distributionName })} />
      {downloadHref ? (
        <p>
          <a class="button button-primary" href={downloadHref}>
            {t('catalogUi.distribution.download')}
            <span class="visually-hidden"> {distributionName}</span>
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
