// /datasets/new and /datasets/{slug}/edit: every field of a dataset, grouped, with vocabulary
// pickers; a draft needs only the organisation and a Swedish title. The edit form carries the
// revision it was opened at, so a concurrent change makes the save fail (412) instead of being lost.
import { Checkbox, Form, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { CatalogFormState } from '../catalog.forms.js';
import { ContactPointFieldset } from './components/contact-point.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import { pick, type AnyLangText } from './components/localized.js';
import { TemporalFieldset } from './components/temporal-fields.js';
import { ConceptCheckboxes, ConceptSelect, LanguagePicker } from './components/vocabulary-fields.js';
import { datasetFieldLabels } from './field-labels.js';
import { ValidationPanel } from './components/validation-panel.js';
import type { EditorValidation } from '../dataset-validation.js';
import { HVD_LEGISLATION_IRI } from '../catalog.model.js';

export interface DatasetFormProps {
  ctx: PageContext;
  form: CatalogFormState;
  /** Create: the organisations the viewer edits for. */
  organizations?: { slug: string; name: AnyLangText }[];
  /** The organisation's series a dataset may belong to. */
  series: { id: string; title: AnyLangText }[];
  /** Edit: the dataset as stored. */
  dataset?: { slug: string; title: AnyLangText };
  /** Edit: the saved version checked against DCAT-AP-SE (null: the check failed to run). */
  validation?: EditorValidation | null;
}

/** Title, description and the other language-tagged texts: Swedish and English side by side. */
export function TextPair({ ctx, form, name, labels, area, required, hint }: { ctx: PageContext; form: CatalogFormState; name: string; labels: Record<string, string>; area?: boolean; required?: boolean; hint?: string }) {
  const Field = area ? TextArea : TextField;
  return (
    <>
      <Field ctx={ctx} form={form} name={`${name}.sv`} label={labels[`${name}.sv`]!} required={required} hint={hint} maxLength={area ? 20_000 : 500} />
      <Field ctx={ctx} form={form} name={`${name}.en`} label={labels[`${name}.en`]!} hint={hint} maxLength={area ? 20_000 : 500} />
    </>
  );
}

export function UrlLines({ ctx, form, name, label, hint }: { ctx: PageContext; form: CatalogFormState; name: string; label: string; hint?: string }) {
  return <TextArea ctx={ctx} form={form} name={name} label={label} hint={hint ?? ctx.t('catalogUi.urlLinesHint')} rows={3} maxLength={200_000} />;
}

export function DatasetFormPage({ ctx, form, organizations, series, dataset, validation }: DatasetFormProps) {
  const { t } = ctx;
  const labels = datasetFieldLabels(ctx, form.values);
  const editing = Boolean(dataset);
  const datasetTitle = dataset ? pick(dataset.title, ctx.locale) : undefined;
  const title = dataset ? t('catalogUi.edit.title', { title: datasetTitle!.text }) : t('catalogUi.new.title');
  const action = dataset ? `/datasets/${dataset.slug}/edit` : '/datasets/new';
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {dataset ? (
          <a href={ctx.href(`/datasets/${dataset.slug}`)}>
            {t('catalogUi.backTo')} <span lang={datasetTitle!.lang}>{datasetTitle!.text}</span>
          </a>
        ) : (
          <a href={ctx.href('/datasets')}>{t('catalogUi.backToList')}</a>
        )}
      </p>
      <h1>{title}</h1>
      <CatalogErrorSummary ctx={ctx} form={form} labels={labels} reloadHref={ctx.href(action)} />
      <p>{editing ? t('catalogUi.edit.intro') : t('catalogUi.new.intro')}</p>
      {validation !== undefined ? <ValidationPanel ctx={ctx} validation={validation} /> : null}
      <Form ctx={ctx} action={action}>
        {editing ? <input type="hidden" name="revision" value={form.values.revision ?? ''} /> : null}
        <h2>{t('catalogUi.section.basics')}</h2>
        {organizations ? (
          <SelectField ctx={ctx} form={form} name="organization" label={labels.organization!} required options={organizations.map((o) => ({ value: o.slug, label: pick(o.name, ctx.locale).text }))} />
        ) : null}
        <TextPair ctx={ctx} form={form} name="title" labels={labels} required />
        <TextPair ctx={ctx} form={form} name="description" labels={labels} area hint={t('catalogUi.field.descriptionHint')} />
        <TextField ctx={ctx} form={form} name="slug" label={labels.slug!} hint={editing ? t('catalogUi.field.slugHintEdit') : t('catalogUi.field.slugHintCreate')} required={editing} maxLength={100} />
        <SelectField
          ctx={ctx}
          form={form}
          name="visibility"
          label={labels.visibility!}
          hint={t('catalogUi.field.visibilityHint')}
          required
          options={[
            { value: 'public', label: t('catalogUi.visibility.public') },
            { value: 'private', label: t('catalogUi.visibility.privateOption') },
          ]}
        />

        <h2>{t('catalogUi.section.findability')}</h2>
        <TextField ctx={ctx} form={form} name="keywords.sv" label={labels['keywords.sv']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <TextField ctx={ctx} form={form} name="keywords.en" label={labels['keywords.en']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <ConceptCheckboxes ctx={ctx} form={form} name="themes" scheme="dataTheme" legend={labels.themes!} hint={t('catalogUi.field.themesHint')} />

        <h2>{t('catalogUi.section.contact')}</h2>
        <ContactPointFieldset ctx={ctx} form={form} />

        <h2>{t('catalogUi.section.timeAndPlace')}</h2>
        <TextField ctx={ctx} form={form} name="issued" label={labels.issued!} hint={t('catalogUi.dateHint')} maxLength={30} />
        <TextField ctx={ctx} form={form} name="modified" label={labels.modified!} hint={t('catalogUi.field.modifiedHint')} maxLength={30} />
        <ConceptSelect ctx={ctx} form={form} name="accrualPeriodicity" scheme="frequency" label={labels.accrualPeriodicity!} emptyLabel={t('catalogUi.notGiven')} />
        <TemporalFieldset ctx={ctx} form={form} />
        <UrlLines ctx={ctx} form={form} name="spatial" label={labels.spatial!} hint={t('catalogUi.field.spatialHint')} />

        <h2>{t('catalogUi.section.access')}</h2>
        <ConceptSelect ctx={ctx} form={form} name="accessRights" scheme="accessRight" label={labels.accessRights!} hint={t('catalogUi.field.accessRightsHint')} emptyLabel={t('catalogUi.notGiven')} />
        <LanguagePicker ctx={ctx} form={form} />

        <h2>{t('catalogUi.section.more')}</h2>
        <TextField ctx={ctx} form={form} name="landingPage" type="url" label={labels.landingPage!} hint={t('catalogUi.field.landingPageHint')} maxLength={2000} />
        <UrlLines ctx={ctx} form={form} name="documentation" label={labels.documentation!} />
        <UrlLines ctx={ctx} form={form} name="conformsTo" label={labels.conformsTo!} hint={t('catalogUi.field.conformsToHint')} />
        <TextField ctx={ctx} form={form} name="version" label={labels.version!} maxLength={100} />
        <TextPair ctx={ctx} form={form} name="versionNotes" labels={labels} area />
        <TextField ctx={ctx} form={form} name="identifier" label={labels.identifier!} hint={t('catalogUi.field.identifierHint')} maxLength={500} />
        {series.length ? (
          <SelectField ctx={ctx} form={form} name="seriesId" label={labels.seriesId!} options={[{ value: '', label: t('catalogUi.field.noSeries') }, ...series.map((s) => ({ value: s.id, label: pick(s.title, ctx.locale).text }))]} />
        ) : (
          <input type="hidden" name="seriesId" value={form.values.seriesId ?? ''} />
        )}

        <h2>{t('catalogUi.section.hvd')}</h2>
        <p>{t('catalogUi.hvd.explained')}</p>
        <Checkbox ctx={ctx} form={form} name="hvd" label={labels.hvd!} hint={t('catalogUi.field.hvdHint')} />
        <ConceptCheckboxes ctx={ctx} form={form} name="hvdCategories" scheme="hvdCategory" legend={labels.hvdCategories!} hint={t('catalogUi.field.hvdCategoriesHint')} collapsible />
        <UrlLines ctx={ctx} form={form} name="applicableLegislation" label={labels.applicableLegislation!} hint={t('catalogUi.field.applicableLegislationHint', { iri: HVD_LEGISLATION_IRI })} />

        <div class="actions">
          <SubmitButton>{editing ? t('catalogUi.edit.submit') : t('catalogUi.new.submit')}</SubmitButton>
          <a href={ctx.href(dataset ? `/datasets/${dataset.slug}` : '/datasets')}>{t('catalogUi.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
