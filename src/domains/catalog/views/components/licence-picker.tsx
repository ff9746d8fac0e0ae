// The licence picker (CC0 1.0, CC BY 4.0 and PDM first, as Digg and PRV recommend, then every other
// current licence, then "another licence" with its URL) and a licence as shown on pages: its name,
// a link to it, and "Inte öppna data" when it does not give open data.
import { isMessageKey } from '../../../../platform/i18n/index.js';
import { TextField, fieldId, type FormState } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';
import { OTHER_LICENCE } from '../../catalog.forms.js';
import { LICENCE_RECOMMENDATION_KEY, RECOMMENDED_LICENCE_CODES, isOpenLicence, licencePickerOptions, resolveLicence, type Licence } from '../../licences.js';
import { NotOpenBadge } from './badges.js';

function optionText(ctx: PageContext, licence: Licence): string {
  const label = licence.label[ctx.locale];
  const name = label.includes(licence.short) ? label : `${label} (${licence.short})`;
  return licence.open ? name : `${name} – ${ctx.t('catalog.licence.notOpen')}`;
}

export function LicencePicker({ ctx, form, name = 'license' }: { ctx: PageContext; form: FormState; name?: string }) {
  const { t } = ctx;
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const options = licencePickerOptions(ctx.locale);
  const recommended = options.filter((l) => (RECOMMENDED_LICENCE_CODES as readonly string[]).includes(l.code));
  const others = options.filter((l) => !recommended.includes(l));
  const value = form.values[name] ?? '';
  const describedBy = [`${id}-hint`, `${id}-recommendation`, errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <>
      <div class={errors.length ? 'field field-invalid' : 'field'}>
        <label for={id}>
          {t('catalog.licence.field')}
          <span class="field-optional"> ({t('form.optional')})</span>
        </label>
        <p class="field-hint" id={`${id}-hint`}>
          {t('catalog.licence.hint')}
        </p>
        <p class="notice" id={`${id}-recommendation`}>
          <strong>{t('catalog.licence.group.recommended')}:</strong> {t(LICENCE_RECOMMENDATION_KEY)}
        </p>
        {errors.length ? (
          <p class="field-error" id={`${id}-error`}>
            {errors.map((m) => (isMessageKey(m) ? t(m) : m)).join(' ')}
          </p>
        ) : null}
        <select id={id} name={name} aria-describedby={describedBy} aria-invalid={errors.length ? 'true' : undefined}>
          <option value="" selected={value === ''}>
            {t('catalog.licence.none')}
          </option>
          <optgroup label={t('catalog.licence.group.recommended')}>
            {recommended.map((l) => (
              <option value={l.iri} selected={value === l.iri}>
                {optionText(ctx, l)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('catalog.licence.group.other')}>
            {others.map((l) => (
              <option value={l.iri} selected={value === l.iri}>
                {optionText(ctx, l)}
              </option>
            ))}
          </optgroup>
          <option value={OTHER_LICENCE} selected={value === OTHER_LICENCE}>
            {t('catalog.licence.custom')}
          </option>
        </select>
      </div>
      <TextField ctx={ctx} form={form} name={`${name}Other`} type="url" label={t('catalogUi.licence.otherUrl')} hint={t('catalogUi.licence.otherUrlHint')} maxLength={2000} />
    </>
  );
}

/** A licence where it is shown: name linked to the licence, and the not-open badge when it applies. */
export function LicenceName({ ctx, iri, hint = 'hidden' }: { ctx: PageContext; iri: string | undefined | null; hint?: 'visible' | 'hidden' }) {
  if (!iri) {
    return (
      <>
        {ctx.t('catalog.licence.none')} <NotOpenBadge ctx={ctx} hint={hint} />
      </>
    );
  }
  const known = resolveLicence(iri);
  return (
    <>
      <a href={iri} rel="license">
        {known ? known.label[ctx.locale] : iri}
      </a>
      {isOpenLicence(iri) ? null : (
        <>
          {' '}
          <NotOpenBadge ctx={ctx} hint={hint} />
        </>
      )}
    </>
  );
}

/** The message of a problem: a catalog key translated, anything else as written. */
export function messageOf(ctx: PageContext, message: string): string {
  return isMessageKey(message) ? ctx.t(message) : message;
}
