// The error summary of the catalog forms: the platform's pattern (a list linking to each field),
// plus `autofocus` so that, without any script, keyboard and screen-reader users land on it after a
// refused submit; links may point elsewhere than a field of this page (a missing field on the
// publish page opens the editor at that field). Also the notice for a stale edit (412).
import { fieldId, type FormState } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';
import { messageOf } from './licence-picker.js';

export interface SummaryProps {
  ctx: PageContext;
  form: FormState & { stale?: boolean };
  labels: Record<string, string>;
  /** Where a problem's link goes, when not to the field on this page. */
  hrefOf?: (field: string) => string | undefined;
  /** The page to reload after a stale edit. */
  reloadHref?: string;
}

/** A label for a field path, also for numbered parts ('distributions.0.license'). */
export function labelOf(labels: Record<string, string>, field: string, ctx: PageContext): string | undefined {
  if (labels[field]) return labels[field];
  const distribution = /^distributions\.(\d+)\.(.+)$/.exec(field);
  if (distribution) {
    const inner = labels[`distribution.${distribution[2]}`] ?? distribution[2];
    return `${ctx.t('catalogUi.distribution.numbered', { n: Number(distribution[1]) + 1 })}: ${inner}`;
  }
  return undefined;
}

export function CatalogErrorSummary({ ctx, form, labels, hrefOf, reloadHref }: SummaryProps) {
  const { t } = ctx;
  if (form.stale) {
    return (
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
        <h2 id="error-summary-title">{t('catalogUi.stale.title')}</h2>
        <p>{t('catalogUi.stale.text')}</p>
        {reloadHref ? (
          <p>
            <a href={reloadHref}>{t('catalogUi.stale.reload')}</a>
          </p>
        ) : null}
      </div>
    );
  }
  const entries = Object.entries(form.errors).filter(([, messages]) => messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{t('form.errorSummary.title')}</h2>
      <p>{t('form.errorSummary.intro')}</p>
      <ul>
        {entries.map(([field, messages]) => {
          const label = labelOf(labels, field, ctx);
          return (
            <li>
              <a href={hrefOf?.(field) ?? `#${fieldId(field)}`}>
                {label ? `${label}: ` : ''}
                {messages.map((m) => messageOf(ctx, m)).join(' ')}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
