// /{datasets|data-services|series}/{slug}/delete: confirms deleting; afterwards the address answers
// 410 (the history stays).
import { ActionButton } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { ResourceKind } from '../catalog.model.js';
import { pick, type AnyLangText } from './components/localized.js';
import { kindTexts, resourcePath } from './kinds.js';

export function DeletePage({ ctx, kind, resource, etag }: { ctx: PageContext; kind: ResourceKind; resource: { slug: string; title: AnyLangText }; etag: string }) {
  const { t } = ctx;
  const texts = kindTexts[kind];
  const title = pick(resource.title, ctx.locale);
  const heading = t(texts.deleteTitle, { title: title.text });
  const path = resourcePath(kind, resource.slug);
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <p>{t(texts.deleteText)}</p>
      <div class="actions">
        <ActionButton ctx={ctx} action={`${path}/delete`} label={t('catalogUi.delete.confirm')} variant="danger" hidden={{ revision: etag }} />
        <a href={ctx.href(path)}>{t('catalogUi.cancel')}</a>
      </div>
    </Layout>
  );
}
