// /series/new and /series/{slug}/edit: a dataset series — lighter than a dataset: titles,
// description, keywords, themes, frequency, time, contact and links.
import { Form, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { CatalogFormState } from '../catalog.forms.js';
import { ContactPointFieldset } from './components/contact-point.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import { pick, type AnyLangText } from './components/localized.js';
import { TemporalFieldset } from './components/temporal-fields.js';
import { ConceptCheckboxes, ConceptSelect } from './components/vocabulary-fields.js';
import { TextPair, UrlLines } from './dataset-form.js';
import { seriesFieldLabels } from './field-labels.js';

export interface SeriesFormProps {
  ctx: PageContext;
  form: CatalogFormState;
  organizations?: { slug: string; name: AnyLangText }[];
  series?: { slug: string; title: AnyLangText };
}

export function SeriesFormPage({ ctx, form, organizations, series }: SeriesFormProps) {
  const { t } = ctx;
  const labels = seriesFieldLabels(ctx, form.values);
  const seriesTitle = series ? pick(series.title, ctx.locale) : undefined;
  const title = series ? t('catalogUi.series.editTitle', { title: seriesTitle!.text }) : t('catalogUi.series.newTitle');
  const action = series ? `/series/${series.slug}/edit` : '/series/new';
  const back = series ? `/series/${series.slug}` : '/datasets';
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={ctx.href(back)}>{series ? <>{t('catalogUi.backTo')} <span lang={seriesTitle!.lang}>{seriesTitle!.text}</span></> : t('catalogUi.backToList')}</a>
      </p>
      <h1>{title}</h1>
      <CatalogErrorSummary ctx={ctx} form={form} labels={labels} reloadHref={ctx.href(action)} />
      <p>{t('catalogUi.series.intro')}</p>
      <Form ctx={ctx} action={action}>
        {series ? <input type="hidden" name="revision" value={form.values.revision ?? ''} /> : null}
        {organizations ? (
          <SelectField ctx={ctx} form={form} name="organization" label={labels.organization!} required options={organizations.map((o) => ({ value: o.slug, label: pick(o.name, ctx.locale).text }))} />
        ) : null}
        <TextPair ctx={ctx} form={form} name="title" labels={labels} required />
        <TextPair ctx={ctx} form={form} name="description" labels={labels} area />
        <TextField ctx={ctx} form={form} name="slug" label={labels.slug!} hint={series ? t('catalogUi.field.slugHintEdit') : t('catalogUi.field.slugHintCreate')} required={Boolean(series)} maxLength={100} />
        <TextField ctx={ctx} form={form} name="keywords.sv" label={labels['keywords.sv']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <TextField ctx={ctx} form={form} name="keywords.en" label={labels['keywords.en']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <ConceptCheckboxes ctx={ctx} form={form} name="themes" scheme="dataTheme" legend={labels.themes!} />
        <ConceptSelect ctx={ctx} form={form} name="accrualPeriodicity" scheme="frequency" label={labels.accrualPeriodicity!} emptyLabel={t('catalogUi.notGiven')} />
        <TextField ctx={ctx} form={form} name="issued" label={labels.issued!} hint={t('catalogUi.dateHint')} maxLength={30} />
        <TextField ctx={ctx} form={form} name="modified" label={labels.modified!} hint={t('catalogUi.dateHint')} maxLength={30} />
        <TemporalFieldset ctx={ctx} form={form} />
        <UrlLines ctx={ctx} form={form} name="spatial" label={labels.spatial!} hint={t('catalogUi.field.spatialHint')} />
        <ContactPointFieldset ctx={ctx} form={form} />
        <TextField ctx={ctx} form={form} name="landingPage" type="url" label={labels.landingPage!} maxLength={2000} />
        <UrlLines ctx={ctx} form={form} name="documentation" label={labels.documentation!} />
        <UrlLines ctx={ctx} form={form} name="conformsTo" label={labels.conformsTo!} hint={t('catalogUi.field.conformsToHint')} />
        <div class="actions">
          <SubmitButton>{series ? t('catalogUi.edit.submit') : t('catalogUi.series.create')}</SubmitButton>
          <a href={ctx.href(back)}>{t('catalogUi.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
