// The dataset editor's DCAT-AP-SE check: errors, warnings and suggestions for the saved version,
// each naming the resource, the property, what is wrong and how to fix it — in words, grouped
// under headings so a screen reader can jump between them.
import type { MessageKey } from '../../../../platform/i18n/index.js';
import type { PageContext } from '../../../../platform/views/index.js';
import type { EditorValidation, EditorValidationIssue } from '../../dataset-validation.js';

const GROUPS: { severity: EditorValidationIssue['severity']; heading: MessageKey }[] = [
  { severity: 'violation', heading: 'catalogUi.validation.errors' },
  { severity: 'warning', heading: 'catalogUi.validation.warnings' },
  { severity: 'info', heading: 'catalogUi.validation.suggestions' },
];

function Issue({ ctx, issue }: { ctx: PageContext; issue: EditorValidationIssue }) {
  const where = [issue.resourceType, issue.resourceTitle ? `“${issue.resourceTitle}”` : null].filter(Boolean).join(' ');
  return (
    <li>
      {where ? <>{where}: </> : null}
      {issue.propertyLabel ? <strong>{issue.propertyLabel}</strong> : null}
      {issue.propertyLabel ? ' — ' : null}
      {issue.message}
      {issue.hint ? (
        <>
          {' '}
          <span class="hint">
            {ctx.t('catalogUi.validation.fix')} {issue.hint}
          </span>
        </>
      ) : null}
    </li>
  );
}

export function ValidationPanel({ ctx, validation }: { ctx: PageContext; validation: EditorValidation | null }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="validation-heading" class="validation">
      <h2 id="validation-heading">{t('catalogUi.validation.heading')}</h2>
      <p>{t('catalogUi.validation.intro')}</p>
      {!validation ? (
        <p>{t('catalogUi.validation.unavailable')}</p>
      ) : (
        <>
          <p>
            {validation.conforms ? `${t('catalogUi.validation.conforms')} ` : null}
            {t('catalogUi.validation.summary', { errors: validation.counts.violation, warnings: validation.counts.warning, suggestions: validation.counts.info })}
          </p>
          {GROUPS.map(({ severity, heading }) => {
            const issues = validation.violations.filter((issue) => issue.severity === severity);
            if (!issues.length) return null;
            const id = `validation-${severity}`;
            return (
              <>
                <h3 id={id}>{t(heading)}</h3>
                <ul aria-labelledby={id}>
                  {issues.map((issue) => (
                    <Issue ctx={ctx} issue={issue} />
                  ))}
                </ul>
              </>
            );
          })}
        </>
      )}
    </section>
  );
}
