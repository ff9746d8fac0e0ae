// /data-services/new and /data-services/{slug}/edit: an API — endpoints, their descriptions, the
// organisation's datasets it serves (checkboxes), licence, access rights, contact, keywords,
// themes and HVD. Same patterns as the dataset editor (revision → 412 when stale).
import { Checkbox, Form, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { HVD_LEGISLATION_IRI } from '../catalog.model.js';
import type { CatalogFormState } from '../catalog.forms.js';
import { ContactPointFieldset } from './components/contact-point.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import { LicencePicker } from './components/licence-picker.js';
import { pick, type AnyLangText } from './components/localized.js';
import { CheckboxGroup, CommonFirstPicker, ConceptCheckboxes, ConceptSelect } from './components/vocabulary-fields.js';
import { TextPair, UrlLines } from './dataset-form.js';
import { dataServiceFieldLabels } from './field-labels.js';

/** What APIs most often answer in. */
const SERVICE_FORMATS = ['JSON', 'XML', 'GEOJSON', 'CSV', 'JSON_LD', 'RDF_TURTLE'];

export interface DataServiceFormProps {
  ctx: PageContext;
  form: CatalogFormState;
  organizations?: { slug: string; name: AnyLangText }[];
  /** The datasets of the organisation the service may serve. */
  datasets: { id: string; title: AnyLangText }[];
  service?: { slug: string; title: AnyLangText };
}

export function DataServiceFormPage({ ctx, form, organizations, datasets, service }: DataServiceFormProps) {
  const { t } = ctx;
  const labels = dataServiceFieldLabels(ctx);
  const serviceTitle = service ? pick(service.title, ctx.locale) : undefined;
  const title = service ? t('catalogUi.dataService.editTitle', { title: serviceTitle!.text }) : t('catalogUi.dataService.newTitle');
  const action = service ? `/data-services/${service.slug}/edit` : '/data-services/new';
  const back = service ? `/data-services/${service.slug}` : '/datasets';
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={ctx.href(back)}>{service ? <>{t('catalogUi.backTo')} <span lang={serviceTitle!.lang}>{serviceTitle!.text}</span></> : t('catalogUi.backToList')}</a>
      </p>
      <h1>{title}</h1>
      <CatalogErrorSummary ctx={ctx} form={form} labels={labels} reloadHref={ctx.href(action)} />
      <p>{t('catalogUi.dataService.intro')}</p>
      <Form ctx={ctx} action={action}>
        {service ? <input type="hidden" name="revision" value={form.values.revision ?? ''} /> : null}
        <h2>{t('catalogUi.section.basics')}</h2>
        {organizations ? (
          <SelectField ctx={ctx} form={form} name="organization" label={labels.organization!} required options={organizations.map((o) => ({ value: o.slug, label: pick(o.name, ctx.locale).text }))} />
        ) : null}
        <TextPair ctx={ctx} form={form} name="title" labels={labels} required />
        <TextPair ctx={ctx} form={form} name="description" labels={labels} area />
        <TextField ctx={ctx} form={form} name="slug" label={labels.slug!} hint={service ? t('catalogUi.field.slugHintEdit') : t('catalogUi.field.slugHintCreate')} required={Boolean(service)} maxLength={100} />
        <SelectField
          ctx={ctx}
          form={form}
          name="visibility"
          label={labels.visibility!}
          required
          options={[
            { value: 'public', label: t('catalogUi.visibility.public') },
            { value: 'private', label: t('catalogUi.visibility.privateOption') },
          ]}
        />

        <h2>{t('catalogUi.section.endpoints')}</h2>
        <UrlLines ctx={ctx} form={form} name="endpointUrls" label={labels.endpointUrls!} hint={t('catalogUi.field.endpointUrlsHint')} />
        <UrlLines ctx={ctx} form={form} name="endpointDescriptions" label={labels.endpointDescriptions!} hint={t('catalogUi.field.endpointDescriptionsHint')} />
        <CommonFirstPicker ctx={ctx} form={form} name="formats" scheme="fileType" codes={SERVICE_FORMATS} legend={labels.formats!} hint={t('catalogUi.field.serviceFormatsHint')} otherLabel={t('catalogUi.field.otherFormats')} />
        {datasets.length ? (
          <CheckboxGroup ctx={ctx} form={form} name="servesDatasetIds" legend={labels.servesDatasetIds!} hint={t('catalogUi.field.servesDatasetsHint')} options={datasets.map((d) => ({ value: d.id, label: pick(d.title, ctx.locale).text }))} />
        ) : (
          <p>{t('catalogUi.field.servesDatasetsNone')}</p>
        )}
        <LicencePicker ctx={ctx} form={form} />
        <ConceptSelect ctx={ctx} form={form} name="accessRights" scheme="accessRight" label={labels.accessRights!} emptyLabel={t('catalogUi.notGiven')} />

        <h2>{t('catalogUi.section.contact')}</h2>
        <ContactPointFieldset ctx={ctx} form={form} />

        <h2>{t('catalogUi.section.findability')}</h2>
        <TextField ctx={ctx} form={form} name="keywords.sv" label={labels['keywords.sv']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <TextField ctx={ctx} form={form} name="keywords.en" label={labels['keywords.en']!} hint={t('catalogUi.field.keywordsHint')} maxLength={5000} />
        <ConceptCheckboxes ctx={ctx} form={form} name="themes" scheme="dataTheme" legend={labels.themes!} />

        <h2>{t('catalogUi.section.more')}</h2>
        <TextField ctx={ctx} form={form} name="landingPage" type="url" label={labels.landingPage!} maxLength={2000} />
        <UrlLines ctx={ctx} form={form} name="documentation" label={labels.documentation!} />
        <UrlLines ctx={ctx} form={form} name="conformsTo" label={labels.conformsTo!} hint={t('catalogUi.field.conformsToHint')} />

        <h2>{t('catalogUi.section.hvd')}</h2>
        <Checkbox ctx={ctx} form={form} name="hvd" label={t('catalogUi.field.hvdService')} hint={t('catalogUi.field.hvdHint')} />
        <ConceptCheckboxes ctx={ctx} form={form} name="hvdCategories" scheme="hvdCategory" legend={labels.hvdCategories!} collapsible />
        <UrlLines ctx={ctx} form={form} name="applicableLegislation" label={labels.applicableLegislation!} hint={t('catalogUi.field.applicableLegislationHint', { iri: HVD_LEGISLATION_IRI })} />

        <div class="actions">
          <SubmitButton>{service ? t('catalogUi.edit.submit') : t('catalogUi.dataService.create')}</SubmitButton>
          <a href={ctx.href(back)}>{t('catalogUi.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
