// Small markers beside a title or a licence: not open data, high-value dataset, draft, private.
import type { PageContext } from '../../../../platform/views/index.js';

/**
 * "Inte öppna data" with its hint: spelled out beside the licence where there is room (`hint`
 * 'visible'), otherwise given to screen readers only so lists stay short.
 */
export function NotOpenBadge({ ctx, hint = 'hidden' }: { ctx: PageContext; hint?: 'visible' | 'hidden' }) {
  const { t } = ctx;
  return (
    <span class="not-open">
      <span class="badge badge-muted">{t('catalog.licence.notOpen')}</span>
      {hint === 'visible' ? <span class="small"> {t('catalog.licence.notOpenHint')}</span> : <span class="visually-hidden"> ({t('catalog.licence.notOpenHint')})</span>}
    </span>
  );
}

export function HvdBadge({ ctx }: { ctx: PageContext }) {
  return (
    <span class="badge" title={ctx.t('catalogUi.hvd.explained')}>
      {ctx.t('catalogUi.hvd.badge')}
    </span>
  );
}

/** Draft and private markers, for those who can see such resources. */
export function StatusBadges({ ctx, status, visibility }: { ctx: PageContext; status: string; visibility: string }) {
  const { t } = ctx;
  return (
    <>
      {status !== 'published' ? <span class="badge badge-muted">{t('catalogUi.status.draft')}</span> : null}
      {status !== 'published' && visibility === 'private' ? ' ' : null}
      {visibility === 'private' ? <span class="badge badge-muted">{t('catalogUi.visibility.private')}</span> : null}
    </>
  );
}
