// Pieces the organisation pages share: labels for types and roles, the logo, a file field.
import type { ComponentChildren } from 'preact';
import type { OrganizationRole } from '../../../platform/auth/actor.js';
import { isMessageKey, type MessageKey } from '../../../platform/i18n/index.js';
import { fieldId, type FormState } from '../../../platform/views/forms.js';
import type { PageContext } from '../../../platform/views/index.js';
import type { OrganizationType } from '../organizations.table.js';

export const typeLabels: Record<OrganizationType, MessageKey> = {
  state_agency: 'organizations.type.state_agency',
  municipality: 'organizations.type.municipality',
  region: 'organizations.type.region',
  state_company: 'organizations.type.state_company',
  other: 'organizations.type.other',
};

export const roleLabels: Record<OrganizationRole, MessageKey> = {
  admin: 'organizations.role.admin',
  editor: 'organizations.role.editor',
  member: 'organizations.role.member',
};

/** Text in another language than the page's, marked so screen readers pronounce it right. */
export function Lang({ lang, children }: { lang: string | undefined; children: ComponentChildren }) {
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/** A file input with label, hint and error like the other fields (see platform/views/forms.tsx). */
export function FileField({ ctx, form, name, label, hint, accept }: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; accept?: string }) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors.length ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        <span class="field-optional"> ({ctx.t('form.optional')})</span>
      </label>
      {hint ? (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p class="field-error" id={errorId}>
          {errors.map((m) => (isMessageKey(m) ? ctx.t(m) : m)).join(' ')}
        </p>
      ) : null}
      <input id={id} name={name} type="file" accept={accept} aria-invalid={errors.length ? 'true' : undefined} aria-describedby={describedBy} />
    </div>
  );
}
