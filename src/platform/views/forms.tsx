// Accessible form building blocks: every field has a visible label, hint and error text tied to it
// with aria-describedby, and a form with problems starts with an error summary that links to each
// field (the GOV.UK / Digg pattern). No JavaScript needed.
import type { ComponentChildren } from 'preact';
import { isMessageKey, type MessageKey } from '../i18n/index.js';
import type { PageContext } from './page-context.js';

/** What a form shows: the values sent (to keep them) and the problems per field (message keys). */
export interface FormState {
  values: Record<string, string | undefined>;
  errors: Record<string, string[]>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

function describe(ctx: PageContext, message: string): string {
  return isMessageKey(message) ? ctx.t(message) : message;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function ErrorSummary({ ctx, form, labels }: { ctx: PageContext; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors).filter(([, messages]) => messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('form.errorSummary.title')}</h2>
      <p>{ctx.t('form.errorSummary.intro')}</p>
      <ul>
        {entries.map(([name, messages]) => (
          <li>
            <a href={`#${fieldId(name)}`}>
              {labels[name] ? `${labels[name]}: ` : ''}
              {messages.map((m) => describe(ctx, m)).join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FormProps {
  ctx: PageContext;
  action: string;
  method?: 'post' | 'get';
  enctype?: string;
  class?: string;
  children: ComponentChildren;
}

/** A form posting to `action` (a locale-free path) with the CSRF token. */
export function Form({ ctx, action, method = 'post', enctype, class: className, children }: FormProps) {
  return (
    <form action={ctx.href(action)} method={method} enctype={enctype} class={className ?? 'stack-form'} novalidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={ctx.csrfToken} /> : null}
      {children}
    </form>
  );
}

interface FieldBase {
  ctx: PageContext;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldFrame({ ctx, form, name, label, hint, required, children }: FieldBase & { children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren }) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors.length ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        {required ? null : <span class="field-optional"> ({ctx.t('form.optional')})</span>}
      </label>
      {hint ? (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p class="field-error" id={errorId}>
          {errors.map((m) => describe(ctx, m)).join(' ')}
        </p>
      ) : null}
      {children(describedBy, errors.length > 0)}
    </div>
  );
}

export function TextField(props: FieldBase & { type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'number'; autocomplete?: string; maxLength?: number; keepValue?: boolean; inputMode?: 'numeric' | 'text' }) {
  const { form, name, type = 'text', autocomplete, maxLength, required, keepValue = type !== 'password', inputMode } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <input
          id={fieldId(name)}
          name={name}
          type={type as 'text'}
          value={keepValue ? (form.values[name] ?? '') : ''}
          autocomplete={autocomplete}
          maxLength={maxLength}
          required={required}
          aria-required={required ? 'true' : undefined}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
          inputMode={inputMode}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea(props: FieldBase & { rows?: number; maxLength?: number }) {
  const { form, name, rows = 6, maxLength, required } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <textarea
          id={fieldId(name)}
          name={name}
          rows={rows}
          maxLength={maxLength}
          required={required}
          aria-required={required ? 'true' : undefined}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {form.values[name] ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

export function SelectField(props: FieldBase & { options: { value: string; label: string }[] }) {
  const { form, name, options, required } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <select id={fieldId(name)} name={name} required={required} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
          {options.map((o) => (
            <option value={o.value} selected={form.values[name] === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A file input (uploads); the form needs enctype="multipart/form-data". */
export function FileField(props: FieldBase & { accept?: string }) {
  const { name, accept, required } = props;
  return (
    <FieldFrame {...props}>
      {(describedBy, invalid) => (
        <input id={fieldId(name)} name={name} type="file" accept={accept} required={required} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} />
      )}
    </FieldFrame>
  );
}

export function Checkbox({ ctx, form, name, label, hint }: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string }) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <div class={errors.length ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
      {errors.length ? (
        <p class="field-error" id={errorId}>
          {errors.map((m) => describe(ctx, m)).join(' ')}
        </p>
      ) : null}
      <input id={id} type="checkbox" name={name} value="on" checked={form.values[name] === 'on'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} />
      <label for={id}>{label}</label>
      {hint ? (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, variant = 'primary' }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" class={`button button-${variant}`}>
      {children}
    </button>
  );
}

/** A one-button form (log out, revoke, remove): a POST with CSRF, never a link with side effects. */
export function ActionButton({ ctx, action, label, variant = 'secondary', hidden = {} }: { ctx: PageContext; action: string; label: string; variant?: 'primary' | 'secondary' | 'danger' | 'link'; hidden?: Record<string, string> }) {
  return (
    <form action={ctx.href(action)} method="post" class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`button button-${variant}`}>
        {label}
      </button>
    </form>
  );
}

/** A status message shown once after a redirect (e.g. "Saved"). */
export function Notice({ text, kind = 'success' }: { text: string; kind?: 'success' | 'info' | 'warning' }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      <p>{text}</p>
    </div>
  );
}

export type LabelKey = MessageKey;
