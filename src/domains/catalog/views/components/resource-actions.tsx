// What an editor can do with a resource, as links (and unpublish as a POST button, never a link).
import type { ComponentChildren } from 'preact';
import { ActionButton } from '../../../../platform/views/forms.js';
import type { PageContext } from '../../../../platform/views/index.js';
import type { ResourceKind } from '../../catalog.model.js';
import type { CatalogAction } from '../../catalog.policy.js';
import { resourcePath } from '../kinds.js';

export interface ResourceActionsProps {
  ctx: PageContext;
  kind: ResourceKind;
  slug: string;
  status: string;
  abilities: Record<CatalogAction, boolean>;
  /** The revision the page shows (unpublish sends it as If-Match). */
  etag: string;
  /** Kind-specific links after "edit" (e.g. add a distribution). */
  children?: ComponentChildren;
}

export function ResourceActions({ ctx, kind, slug, status, abilities, etag, children }: ResourceActionsProps) {
  const { t } = ctx;
  if (!abilities.edit) return null;
  const base = resourcePath(kind, slug);
  return (
    <nav aria-label={t('catalogUi.actions.label')}>
      <ul class="section-links">
        <li>
          <a href={ctx.href(`${base}/edit`)}>{t('catalogUi.actions.edit')}</a>
        </li>
        {children}
        {abilities.publish && status !== 'published' ? (
          <li>
            <a href={ctx.href(`${base}/publish`)}>{t('catalogUi.actions.publish')}</a>
          </li>
        ) : null}
        {abilities.viewHistory ? (
          <li>
            <a href={ctx.href(`${base}/history`)}>{t('catalogUi.actions.history')}</a>
          </li>
        ) : null}
        {abilities.delete ? (
          <li>
            <a href={ctx.href(`${base}/delete`)}>{t('catalogUi.actions.delete')}</a>
          </li>
        ) : null}
        {abilities.publish && status === 'published' ? (
          <li>
            <ActionButton ctx={ctx} action={`${base}/unpublish`} label={t('catalogUi.actions.unpublish')} variant="link" hidden={{ revision: etag }} />
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
