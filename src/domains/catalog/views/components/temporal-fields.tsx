// Time periods (dct:temporal): a row of start and end dates for each period, plus one empty row to
// add another. Rows left empty are ignored.
import { TextField, type FormState } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';

export function periodCount(values: FormState['values']): number {
  let n = 0;
  while (`temporal.${n}.start` in values || `temporal.${n}.end` in values) n += 1;
  return n;
}

export function temporalLabels(ctx: PageContext, values: FormState['values']): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i <= periodCount(values); i++) {
    labels[`temporal.${i}`] = ctx.t('catalogUi.temporal.period', { n: i + 1 });
    labels[`temporal.${i}.start`] = `${ctx.t('catalogUi.temporal.period', { n: i + 1 })}: ${ctx.t('catalogUi.temporal.start')}`;
    labels[`temporal.${i}.end`] = `${ctx.t('catalogUi.temporal.period', { n: i + 1 })}: ${ctx.t('catalogUi.temporal.end')}`;
  }
  return labels;
}

export function TemporalFieldset({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const rows = periodCount(form.values) + 1;
  return (
    <fieldset class="stack-form" aria-describedby="temporal-hint">
      <legend>{t('catalogUi.field.temporal')}</legend>
      <p class="field-hint" id="temporal-hint">
        {t('catalogUi.temporal.hint')}
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="actions">
          <legend class="visually-hidden">{t('catalogUi.temporal.period', { n: i + 1 })}</legend>
          <TextField ctx={ctx} form={form} name={`temporal.${i}.start`} label={`${t('catalogUi.temporal.start')} (${t('catalogUi.temporal.period', { n: i + 1 })})`} hint={t('catalogUi.dateHint')} maxLength={30} />
          <TextField ctx={ctx} form={form} name={`temporal.${i}.end`} label={`${t('catalogUi.temporal.end')} (${t('catalogUi.temporal.period', { n: i + 1 })})`} hint={t('catalogUi.dateHint')} maxLength={30} />
        </fieldset>
      ))}
    </fieldset>
  );
}
