// /{datasets|data-services|series}/{slug}/publish: what publishing needs — the readiness (missing
// fields block it; suggestions and the HVD checklist say why) — and the publisher's four
// confirmations. Publishing with anything missing shows the page again with the error summary.
import { Checkbox, Form, SubmitButton } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { CatalogFormState } from '../catalog.forms.js';
import type { ResourceKind } from '../catalog.model.js';
import type { Readiness } from '../readiness.js';
import { CONFIRMATIONS } from '../resource.engine.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import { pick, type AnyLangText } from './components/localized.js';
import { ReadinessPanel } from './components/readiness-panel.js';
import { kindTexts, resourcePath } from './kinds.js';

export interface PublishPageProps {
  ctx: PageContext;
  kind: ResourceKind;
  resource: { slug: string; title: AnyLangText; status: string };
  readiness: Readiness;
  labels: Record<string, string>;
  /** Where to fix a field the readiness names (the editor). */
  hrefOf: (field: string) => string | undefined;
  form: CatalogFormState;
}

export function PublishPage({ ctx, kind, resource, readiness, labels, hrefOf, form }: PublishPageProps) {
  const { t } = ctx;
  const texts = kindTexts[kind];
  const title = pick(resource.title, ctx.locale);
  const heading = t(texts.publishTitle, { title: title.text });
  const path = resourcePath(kind, resource.slug);
  const published = resource.status === 'published';
  const summaryHref = (field: string) => (field.startsWith('confirmation.') ? undefined : hrefOf(field));
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={ctx.href(path)}>
          {t(texts.backTo)} <span lang={title.lang}>{title.text}</span>
        </a>
      </p>
      <h1>{heading}</h1>
      <CatalogErrorSummary ctx={ctx} form={form} labels={labels} hrefOf={summaryHref} reloadHref={ctx.href(`${path}/publish`)} />
      {published ? <p class="notice">{t('catalogUi.publish.alreadyPublished')}</p> : <p>{t('catalogUi.publish.intro')}</p>}
      <ReadinessPanel ctx={ctx} readiness={readiness} labels={labels} hrefOf={hrefOf} published={published} />
      {published ? null : (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">{t('catalogUi.publish.confirmHeading')}</h2>
          <Form ctx={ctx} action={`${path}/publish`}>
            <input type="hidden" name="revision" value={form.values.revision ?? ''} />
            <fieldset class="stack-form">
              <legend>{t('catalogUi.publish.confirmLegend')}</legend>
              {CONFIRMATIONS.map((key) => (
                <Checkbox ctx={ctx} form={form} name={`confirmation.${key}`} label={t(`catalogUi.confirm.${key}.label`)} hint={t(`catalogUi.confirm.${key}.hint`)} />
              ))}
            </fieldset>
            <div class="actions">
              <SubmitButton>{t('catalogUi.publish.submit')}</SubmitButton>
              <a href={ctx.href(path)}>{t('catalogUi.cancel')}</a>
            </div>
          </Form>
        </section>
      )}
    </Layout>
  );
}
