// The contact point (dcat:contactPoint): a fieldset in the editors, a short card on the pages.
import { SelectField, TextField, type FormState } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';
import { CONTACT_ADDRESS_PART_MAX, contactAddressParts, type ContactAddress, type ContactPoint } from '../../catalog.model.js';

export function contactLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    contactPoint: t('catalogUi.contact.legend'),
    'contactPoint.kind': t('catalogUi.contact.kind'),
    'contactPoint.name': t('catalogUi.contact.name'),
    'contactPoint.email': t('catalogUi.contact.email'),
    'contactPoint.phone': t('catalogUi.contact.phone'),
    'contactPoint.url': t('catalogUi.contact.url'),
    'contactPoint.address': t('catalogUi.contact.address'),
    'contactPoint.address.street': t('catalogUi.contact.street'),
    'contactPoint.address.postalCode': t('catalogUi.contact.postalCode'),
    'contactPoint.address.locality': t('catalogUi.contact.locality'),
    'contactPoint.address.country': t('catalogUi.contact.country'),
  };
}

export function ContactPointFieldset({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const labels = contactLabels(ctx);
  return (
    <fieldset class="stack-form" aria-describedby="contact-point-hint">
      <legend>{labels.contactPoint}</legend>
      <p class="field-hint" id="contact-point-hint">
        {t('catalogUi.contact.hint')}
      </p>
      <SelectField
        ctx={ctx}
        form={{ ...form, values: { ...form.values, 'contactPoint.kind': form.values['contactPoint.kind'] || 'organization' } }}
        name="contactPoint.kind"
        label={labels['contactPoint.kind']!}
        required
        options={[
          { value: 'organization', label: t('catalogUi.contact.kindOrganization') },
          { value: 'individual', label: t('catalogUi.contact.kindIndividual') },
        ]}
      />
      <TextField ctx={ctx} form={form} name="contactPoint.name" label={labels['contactPoint.name']!} hint={t('catalogUi.contact.nameHint')} maxLength={200} autocomplete="off" />
      <TextField ctx={ctx} form={form} name="contactPoint.email" type="email" label={labels['contactPoint.email']!} hint={t('catalogUi.contact.emailHint')} maxLength={254} autocomplete="off" />
      <TextField ctx={ctx} form={form} name="contactPoint.phone" label={labels['contactPoint.phone']!} maxLength={40} autocomplete="off" />
      <TextField ctx={ctx} form={form} name="contactPoint.url" type="url" label={labels['contactPoint.url']!} maxLength={2000} autocomplete="off" />
      <fieldset class="stack-form" aria-describedby="contact-address-hint">
        <legend>{labels['contactPoint.address']}</legend>
        <p class="field-hint" id="contact-address-hint">
          {t('catalogUi.contact.addressHint')}
        </p>
        {contactAddressParts.map((part) => (
          <TextField ctx={ctx} form={form} name={`contactPoint.address.${part}`} label={labels[`contactPoint.address.${part}`]!} maxLength={CONTACT_ADDRESS_PART_MAX} autocomplete="off" />
        ))}
      </fieldset>
    </fieldset>
  );
}

/** A postal address on lines: street; postal code and locality; country. */
export function ContactAddressView({ address }: { address: ContactAddress }) {
  const lines = [address.street, [address.postalCode, address.locality].filter(Boolean).join(' '), address.country].filter((line): line is string => Boolean(line));
  return (
    <address>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </address>
  );
}

export function ContactPointView({ contact }: { contact: ContactPoint }) {
  return (
    <>
      {contact.name}
      {' – '}
      <a href={`mailto:${contact.email}`}>{contact.email}</a>
      {contact.phone ? (
        <>
          {', '}
          <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
        </>
      ) : null}
      {contact.url ? (
        <>
          {', '}
          <a href={contact.url}>{contact.url}</a>
        </>
      ) : null}
    </>
  );
}
