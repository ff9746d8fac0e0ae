// Pickers for the controlled vocabularies: a checkbox group (data themes, HVD categories, common
// languages) and a select (frequency, access rights, file type, status, availability), labelled in
// the page's language. Values are the concepts' IRIs; a stored value that is no longer offered
// (deprecated) stays selectable so saving the form does not drop it.
import type { ComponentChildren } from 'preact';
import { fieldId, type FormState } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';
import { byCode, findConcept, selectableConcepts, type Concept, type SchemeName } from '../../vocabularies/index.js';
import { messageOf } from './licence-picker.js';

const selectedOf = (form: FormState, name: string) => new Set((form.values[name] ?? '').split('\n').filter(Boolean));

/** A concept's label in the locale; a Swedish page showing an English-only label marks it lang="en". */
export function ConceptLabel({ ctx, concept }: { ctx: PageContext; concept: Concept }) {
  return ctx.locale === 'sv' && concept.svFallback ? <span lang="en">{concept.label.en}</span> : <>{concept.label[ctx.locale]}</>;
}

/** Shows a stored IRI by its label (or as written when the vocabulary does not know it). */
export function ConceptName({ ctx, scheme, iri }: { ctx: PageContext; scheme: SchemeName; iri: string }) {
  const concept = findConcept(scheme, iri);
  return concept ? <ConceptLabel ctx={ctx} concept={concept} /> : <>{iri}</>;
}

function FieldProblems({ ctx, id, errors }: { ctx: PageContext; id: string; errors: string[] }) {
  return errors.length ? (
    <p class="field-error" id={`${id}-error`}>
      {errors.map((m) => messageOf(ctx, m)).join(' ')}
    </p>
  ) : null;
}

export interface CheckboxGroupProps {
  ctx: PageContext;
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: ComponentChildren }[];
  /** Inside a closed <details> unless something is chosen or wrong (long lists). */
  collapsible?: boolean;
}

/** Checkboxes sharing one name; the first carries the field's id so the error summary links to it. */
export function CheckboxGroup({ ctx, form, name, legend, hint, options, collapsible }: CheckboxGroupProps) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const selected = selectedOf(form, name);
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const group = (
    <fieldset class={errors.length ? 'field field-invalid' : 'field'} aria-describedby={describedBy}>
      <legend>
        {legend}
        <span class="field-optional"> ({ctx.t('form.optional')})</span>
      </legend>
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldProblems ctx={ctx} id={id} errors={errors} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div class="field field-checkbox">
            <input id={optionId} type="checkbox" name={name} value={option.value} checked={selected.has(option.value)} />
            <label for={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
  if (!collapsible) return group;
  return (
    <details open={selected.size > 0 || errors.length > 0}>
      <summary>{legend}</summary>
      {group}
    </details>
  );
}

export function ConceptCheckboxes(props: Omit<CheckboxGroupProps, 'options'> & { scheme: SchemeName; codes?: string[] }) {
  const { ctx, form, name, scheme, codes } = props;
  let concepts = codes ? codes.map((code) => byCode(scheme, code)).filter((c): c is Concept => Boolean(c)) : selectableConcepts(scheme, ctx.locale);
  // Stored values the picker no longer offers stay ticked, so saving keeps them.
  if (!codes) for (const iri of selectedOf(form, name)) if (!concepts.some((c) => c.iri === iri)) concepts = [...concepts, findConcept(scheme, iri) ?? { iri, code: iri, label: { sv: iri, en: iri } }];
  return <CheckboxGroup {...props} options={concepts.map((c) => ({ value: c.iri, label: <ConceptLabel ctx={ctx} concept={c} /> }))} />;
}

export interface ConceptSelectProps {
  ctx: PageContext;
  form: FormState;
  name: string;
  scheme: SchemeName;
  label: string;
  hint?: string;
  /** The empty choice's text ("not given"). */
  emptyLabel: string;
  /** Codes offered first, in this order, under `commonLabel`. */
  common?: { codes: string[]; label: string; restLabel: string };
}

export function ConceptSelect({ ctx, form, name, scheme, label, hint, emptyLabel, common }: ConceptSelectProps) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const value = form.values[name] ?? '';
  const all = selectableConcepts(scheme, ctx.locale);
  const first = common ? common.codes.map((code) => byCode(scheme, code)).filter((c): c is Concept => Boolean(c)) : [];
  const rest = all.filter((c) => !first.includes(c));
  const stored = value && !all.some((c) => c.iri === value) ? (findConcept(scheme, value) ?? { iri: value, code: value, label: { sv: value, en: value } }) : undefined;
  const option = (c: Concept) => (
    <option value={c.iri} selected={value === c.iri} lang={ctx.locale === 'sv' && c.svFallback ? 'en' : undefined}>
      {c.label[ctx.locale]}
    </option>
  );
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors.length ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        <span class="field-optional"> ({ctx.t('form.optional')})</span>
      </label>
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldProblems ctx={ctx} id={id} errors={errors} />
      <select id={id} name={name} aria-describedby={describedBy} aria-invalid={errors.length ? 'true' : undefined}>
        <option value="" selected={value === ''}>
          {emptyLabel}
        </option>
        {stored ? option(stored) : null}
        {common ? (
          <>
            <optgroup label={common.label}>{first.map(option)}</optgroup>
            <optgroup label={common.restLabel}>{rest.map(option)}</optgroup>
          </>
        ) : (
          rest.map(option)
        )}
      </select>
    </div>
  );
}

/** Languages most Swedish public data is in (and the national minority languages the table has). */
export const COMMON_LANGUAGES = ['SWE', 'ENG', 'FIN', 'SME', 'YID', 'ROM'];

export interface CommonFirstProps {
  ctx: PageContext;
  form: FormState;
  name: string;
  scheme: SchemeName;
  /** Offered as checkboxes, in this order. */
  codes: string[];
  legend: string;
  hint?: string;
  otherLabel: string;
}

/**
 * The common concepts as checkboxes, then every other one in a multiple select with the same
 * name (languages, the formats an API answers in).
 */
export function CommonFirstPicker({ ctx, form, name, scheme, codes, legend, hint, otherLabel }: CommonFirstProps) {
  const { t } = ctx;
  const selected = selectedOf(form, name);
  const common = codes.map((code) => byCode(scheme, code)).filter((c): c is Concept => Boolean(c));
  const others = selectableConcepts(scheme, ctx.locale).filter((c) => !common.includes(c));
  const otherId = `${fieldId(name)}-other`;
  return (
    <div class="field">
      <ConceptCheckboxes ctx={ctx} form={form} name={name} scheme={scheme} codes={codes} legend={legend} hint={hint} />
      <label for={otherId}>
        {otherLabel}
        <span class="field-optional"> ({t('form.optional')})</span>
      </label>
      <p class="field-hint" id={`${otherId}-hint`}>
        {t('catalogUi.field.otherHint')}
      </p>
      <select id={otherId} name={name} multiple size={6} aria-describedby={`${otherId}-hint`}>
        {others.map((c) => (
          <option value={c.iri} selected={selected.has(c.iri)} lang={ctx.locale === 'sv' && c.svFallback ? 'en' : undefined}>
            {c.label[ctx.locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguagePicker({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return <CommonFirstPicker ctx={ctx} form={form} name="languages" scheme="language" codes={COMMON_LANGUAGES} legend={t('catalogUi.field.languages')} hint={t('catalogUi.field.languagesHint')} otherLabel={t('catalogUi.field.otherLanguages')} />;
}
