// /organizations/new and /organizations/{slug}/edit: the organisation form, with an error summary
// and a message at each field; the edit form also takes a logo.
import { Checkbox, ErrorSummary, FileField, Form, SelectField, SubmitButton, TextArea, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import { LIMITS } from '../organization.input.js';
import type { OrganizationView } from '../organization.presenter.js';
import { organizationTypes, publisherTypes, type OrganizationType } from '../organizations.table.js';
import { impliedPublisherTypes, isPublisherType } from '../publisher-type.js';
import { Lang, publisherTypeLabels, typeLabels } from './shared.js';

export function fieldLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    'name.sv': t('organizations.field.nameSv'),
    'name.en': t('organizations.field.nameEn'),
    slug: t('organizations.field.slug'),
    orgNumber: t('organizations.field.orgNumber'),
    type: t('organizations.field.type'),
    publisherType: t('organizations.field.publisherType'),
    website: t('organizations.field.website'),
    contactEmail: t('organizations.field.contactEmail'),
    'description.sv': t('organizations.field.descriptionSv'),
    'description.en': t('organizations.field.descriptionEn'),
    logo: t('organizations.field.logo'),
    removeLogo: t('organizations.field.removeLogo'),
  };
}

function Fields({ ctx, form, mode }: { ctx: PageContext; form: FormState; mode: 'create' | 'edit' }) {
  const { t } = ctx;
  const labels = fieldLabels(ctx);
  return (
    <>
      <TextField ctx={ctx} form={form} name="name.sv" label={labels['name.sv']!} required maxLength={LIMITS.name} autocomplete="organization" />
      <TextField ctx={ctx} form={form} name="name.en" label={labels['name.en']!} maxLength={LIMITS.name} />
      <TextField
        ctx={ctx}
        form={form}
        name="slug"
        label={labels.slug!}
        hint={mode === 'create' ? t('organizations.field.slugHintCreate') : t('organizations.field.slugHintEdit')}
        required={mode === 'edit'}
        maxLength={LIMITS.slug}
      />
      <SelectField ctx={ctx} form={form} name="type" label={labels.type!} required options={organizationTypes.map((type) => ({ value: type, label: t(typeLabels[type]) }))} />
      <PublisherTypeField ctx={ctx} form={form} label={labels.publisherType!} />
      <TextField ctx={ctx} form={form} name="orgNumber" label={labels.orgNumber!} hint={t('organizations.field.orgNumberHint')} maxLength={LIMITS.orgNumber} inputMode="numeric" />
      <TextField ctx={ctx} form={form} name="website" type="url" label={labels.website!} hint={t('organizations.field.websiteHint')} maxLength={LIMITS.website} autocomplete="url" />
      <TextField ctx={ctx} form={form} name="contactEmail" type="email" label={labels.contactEmail!} hint={t('organizations.field.contactEmailHint')} maxLength={LIMITS.contactEmail} autocomplete="email" />
      <TextArea ctx={ctx} form={form} name="description.sv" label={labels['description.sv']!} hint={t('organizations.field.descriptionHint')} rows={8} maxLength={LIMITS.description} />
      <TextArea ctx={ctx} form={form} name="description.en" label={labels['description.en']!} hint={t('organizations.field.descriptionHint')} rows={8} maxLength={LIMITS.description} />
    </>
  );
}

/**
 * The ADMS publisher type: left empty it follows the organisation type (the option names the one
 * implied); when the type implies none ("other") and none is chosen, a notice asks for one.
 */
function PublisherTypeField({ ctx, form, label }: { ctx: PageContext; form: FormState; label: string }) {
  const { t } = ctx;
  const type = (organizationTypes as readonly string[]).includes(form.values.type ?? '') ? (form.values.type as OrganizationType) : undefined;
  const implied = type ? impliedPublisherTypes[type] : undefined;
  const missing = type === 'other' && !isPublisherType(form.values.publisherType);
  const followLabel = implied ? `${t('organizations.field.publisherTypeImplied')} (${t(publisherTypeLabels[implied])})` : t('organizations.field.publisherTypeImplied');
  return (
    <>
      {missing ? (
        <p class="notice notice-warning" id="publisher-type-missing">
          {t('organizations.field.publisherTypeMissing')}
        </p>
      ) : null}
      <SelectField
        ctx={ctx}
        form={form}
        name="publisherType"
        label={label}
        hint={t('organizations.field.publisherTypeHint')}
        options={[{ value: '', label: followLabel }, ...publisherTypes.map((code) => ({ value: code, label: t(publisherTypeLabels[code]) }))]}
      />
    </>
  );
}

export function NewOrganizationPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organizations.new.title')}>
      <p>
        <a href={ctx.href('/organizations')}>{t('organizations.backToList')}</a>
      </p>
      <h1>{t('organizations.new.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={fieldLabels(ctx)} />
      <Form ctx={ctx} action="/organizations/new">
        <Fields ctx={ctx} form={form} mode="create" />
        <div class="actions">
          <SubmitButton>{t('organizations.new.submit')}</SubmitButton>
          <a href={ctx.href('/organizations')}>{t('organizations.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export function EditOrganizationPage({ ctx, org, form }: { ctx: PageContext; org: OrganizationView; form: FormState }) {
  const { t } = ctx;
  const labels = fieldLabels(ctx);
  return (
    <Layout ctx={ctx} title={t('organizations.edit.title', { name: org.name })}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}`)}>
          {t('organizations.backTo')} <Lang lang={org.nameLang}>{org.name}</Lang>
        </a>
      </p>
      <h1>{t('organizations.edit.title', { name: org.name })}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/organizations/${org.slug}/edit`} enctype="multipart/form-data">
        <Fields ctx={ctx} form={form} mode="edit" />
        <fieldset class="stack-form">
          <legend>{t('organizations.field.logo')}</legend>
          {org.logoPath ? (
            <p>
              <img src={org.logoPath} alt={t('organizations.logoAlt', { name: org.name })} width={96} />
            </p>
          ) : (
            <p>{t('organizations.edit.noLogo')}</p>
          )}
          <FileField ctx={ctx} form={form} name="logo" label={t('organizations.field.logoUpload')} hint={t('organizations.field.logoHint')} accept="image/png,image/jpeg,image/webp" />
          {org.logoPath ? <Checkbox ctx={ctx} form={form} name="removeLogo" label={labels.removeLogo!} /> : null}
        </fieldset>
        <div class="actions">
          <SubmitButton>{t('organizations.edit.submit')}</SubmitButton>
          <a href={ctx.href(`/organizations/${org.slug}`)}>{t('organizations.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
