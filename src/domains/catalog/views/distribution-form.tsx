// /datasets/{slug}/distributions/new and …/{id}/edit: a distribution — an uploaded file or links to
// where the data is — with format, media type, licence, status and availability. The form is
// multipart and the file input comes last, so the server reads every text field before it streams
// the file to storage. Also the page that confirms removing a distribution.
import { ActionButton, FileField, Form, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { CatalogFormState } from '../catalog.forms.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import { LicencePicker } from './components/licence-picker.js';
import { formatBytes, pick, type AnyLangText } from './components/localized.js';
import { ConceptSelect } from './components/vocabulary-fields.js';
import { TextPair, UrlLines } from './dataset-form.js';
import { distributionFieldLabels } from './field-labels.js';

/** File types most data is published in, offered first. */
const COMMON_FORMATS = ['CSV', 'JSON', 'XLSX', 'XML', 'GEOJSON', 'PDF', 'ZIP'];

export interface DistributionFormProps {
  ctx: PageContext;
  form: CatalogFormState;
  dataset: { slug: string; title: AnyLangText };
  /** Edit: the distribution as stored. */
  distribution?: { id: string; name: string; fileName: string | null };
  uploadMaxBytes: number;
}

function BackLink({ ctx, dataset }: { ctx: PageContext; dataset: DistributionFormProps['dataset'] }) {
  const title = pick(dataset.title, ctx.locale);
  return (
    <p>
      <a href={ctx.href(`/datasets/${dataset.slug}`)}>
        {ctx.t('catalogUi.backTo')} <span lang={title.lang}>{title.text}</span>
      </a>
    </p>
  );
}

export function DistributionFormPage({ ctx, form, dataset, distribution, uploadMaxBytes }: DistributionFormProps) {
  const { t } = ctx;
  const labels = distributionFieldLabels(ctx);
  const title = distribution ? t('catalogUi.distribution.editTitle', { name: distribution.name }) : t('catalogUi.distribution.newTitle');
  const action = distribution ? `/datasets/${dataset.slug}/distributions/${distribution.id}/edit` : `/datasets/${dataset.slug}/distributions/new`;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} dataset={dataset} />
      <h1>{title}</h1>
      <CatalogErrorSummary ctx={ctx} form={form} labels={labels} reloadHref={ctx.href(action)} />
      <p>{t('catalogUi.distribution.intro')}</p>
      <Form ctx={ctx} action={action} enctype="multipart/form-data">
        <input type="hidden" name="revision" value={form.values.revision ?? ''} />
        <TextPair ctx={ctx} form={form} name="title" labels={labels} hint={t('catalogUi.distribution.titleHint')} />
        <TextPair ctx={ctx} form={form} name="description" labels={labels} area />
        <TextField ctx={ctx} form={form} name="accessUrl" type="url" label={labels.accessUrl!} hint={t('catalogUi.distribution.accessUrlHint')} maxLength={2000} />
        <TextField ctx={ctx} form={form} name="downloadUrl" type="url" label={labels.downloadUrl!} hint={t('catalogUi.distribution.downloadUrlHint')} maxLength={2000} />
        <ConceptSelect
          ctx={ctx}
          form={form}
          name="format"
          scheme="fileType"
          label={labels.format!}
          hint={t('catalogUi.distribution.formatHint')}
          emptyLabel={t('catalogUi.distribution.formatFromFile')}
          common={{ codes: COMMON_FORMATS, label: t('catalogUi.distribution.commonFormats'), restLabel: t('catalogUi.distribution.allFormats') }}
        />
        <TextField ctx={ctx} form={form} name="mediaType" label={labels.mediaType!} hint={t('catalogUi.distribution.mediaTypeHint')} maxLength={200} />
        <LicencePicker ctx={ctx} form={form} />
        <ConceptSelect ctx={ctx} form={form} name="status" scheme="distributionStatus" label={labels.status!} emptyLabel={t('catalogUi.notGiven')} />
        <ConceptSelect ctx={ctx} form={form} name="availability" scheme="plannedAvailability" label={labels.availability!} hint={t('catalogUi.distribution.availabilityHint')} emptyLabel={t('catalogUi.notGiven')} />
        <TextPair ctx={ctx} form={form} name="rights" labels={labels} area hint={t('catalogUi.distribution.rightsHint')} />
        <UrlLines ctx={ctx} form={form} name="conformsTo" label={labels.conformsTo!} hint={t('catalogUi.field.conformsToHint')} />
        {/* Last on purpose: the server reads the fields above before the file streams in. */}
        <FileField
          ctx={ctx}
          form={form}
          name="file"
          label={distribution?.fileName ? t('catalogUi.distribution.replaceFile') : labels.file!}
          hint={`${distribution?.fileName ? t('catalogUi.distribution.currentFile', { name: distribution.fileName }) : ''} ${t('catalogUi.distribution.fileHint', { size: formatBytes(uploadMaxBytes, ctx.locale) })}`.trim()}
        />
        <div class="actions">
          <SubmitButton>{distribution ? t('catalogUi.distribution.save') : t('catalogUi.distribution.add')}</SubmitButton>
          <a href={ctx.href(`/datasets/${dataset.slug}`)}>{t('catalogUi.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function RemoveDistributionPage({ ctx, dataset, distribution, etag }: { ctx: PageContext; dataset: DistributionFormProps['dataset']; distribution: { id: string; name: string }; etag: string }) {
  const { t } = ctx;
  const title = t('catalogUi.distribution.removeTitle', { name: distribution.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} dataset={dataset} />
      <h1>{title}</h1>
      <p>{t('catalogUi.distribution.removeText')}</p>
      <div class="actions">
        <ActionButton ctx={ctx} action={`/datasets/${dataset.slug}/distributions/${distribution.id}/remove`} label={t('catalogUi.distribution.removeConfirm')} variant="danger" hidden={{ revision: etag }} />
        <a href={ctx.href(`/datasets/${dataset.slug}`)}>{t('catalogUi.cancel')}</a>
      </div>
    </Layout>
  );
}
