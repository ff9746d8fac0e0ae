// Readiness for publishing: what is missing (blocks publishing), suggestions with the reason each
// helps, and for high-value datasets the HVD checklist, each rule ok or not with why — in words,
// not only colour or symbols.
import type { MessageKey } from '../../../../platform/i18n/index.js';
import type { PageContext } from '../../../../platform/views/index.js';
import type { HvdCheck, Readiness } from '../../readiness.js';
import { labelOf } from './error-summary.js';
import { messageOf } from './licence-picker.js';

const hvdRuleLabels: Record<HvdCheck['rule'], MessageKey> = {
  category: 'catalogUi.hvdRule.category',
  legislation: 'catalogUi.hvdRule.legislation',
  licence: 'catalogUi.hvdRule.licence',
  bulkDownload: 'catalogUi.hvdRule.bulkDownload',
  api: 'catalogUi.hvdRule.api',
  contactPoint: 'catalogUi.hvdRule.contactPoint',
};

export interface ReadinessPanelProps {
  ctx: PageContext;
  readiness: Readiness;
  labels: Record<string, string>;
  /** Where to fix a field (the editor at that field), if anywhere. */
  hrefOf: (field: string) => string | undefined;
  /** The status now: a published resource is not "ready to publish" but "complete". */
  published: boolean;
}

function FieldLink({ ctx, labels, field, hrefOf }: { ctx: PageContext; labels: Record<string, string>; field: string; hrefOf: ReadinessPanelProps['hrefOf'] }) {
  const label = labelOf(labels, field, ctx) ?? field;
  const href = hrefOf(field);
  return href ? <a href={href}>{label}</a> : <>{label}</>;
}

export function ReadinessPanel({ ctx, readiness, labels, hrefOf, published }: ReadinessPanelProps) {
  const { t } = ctx;
  const hvdFailing = readiness.hvdChecklist?.filter((c) => !c.ok).length ?? 0;
  return (
    <section aria-labelledby="readiness-heading" class="readiness">
      <h2 id="readiness-heading">{t('catalogUi.readiness.heading')}</h2>
      <p>
        {readiness.canPublish
          ? published
            ? t('catalogUi.readiness.complete')
            : t('catalogUi.readiness.ready')
          : t('catalogUi.readiness.notReady', { count: readiness.missing.length + hvdFailing })}
      </p>
      {readiness.missing.length ? (
        <>
          <h3 id="readiness-missing">{t('catalogUi.readiness.missing')}</h3>
          <ul aria-labelledby="readiness-missing">
            {readiness.missing.map((item) => (
              <li>
                <FieldLink ctx={ctx} labels={labels} field={item.field} hrefOf={hrefOf} />: {messageOf(ctx, item.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {readiness.hvdChecklist ? (
        <>
          <h3 id="readiness-hvd">{t('catalogUi.readiness.hvd')}</h3>
          <p class="small">{t('catalogUi.readiness.hvdIntro')}</p>
          <ul aria-labelledby="readiness-hvd" class="link-list">
            {readiness.hvdChecklist.map((check) => (
              <li>
                <span class={check.ok ? 'badge' : 'badge badge-muted'}>
                  <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
                  {check.ok ? t('catalogUi.readiness.ok') : t('catalogUi.readiness.notOk')}
                </span>{' '}
                <strong>{t(hvdRuleLabels[check.rule])}</strong>
                {check.ok ? null : <>: {messageOf(ctx, check.message)}</>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {readiness.suggestions.length ? (
        <>
          <h3 id="readiness-suggestions">{t('catalogUi.readiness.suggestions')}</h3>
          <p class="small">{t('catalogUi.readiness.suggestionsIntro')}</p>
          <ul aria-labelledby="readiness-suggestions">
            {readiness.suggestions.map((item) => (
              <li>
                <FieldLink ctx={ctx} labels={labels} field={item.field} hrefOf={hrefOf} />: {messageOf(ctx, item.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
