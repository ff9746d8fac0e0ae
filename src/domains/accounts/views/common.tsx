// Small pieces the account and admin pages share: dates, message pages and paging.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../platform/i18n/index.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';

/** "28 nov. 2026 11:00" in Swedish time, inside a <time> element. */
export function DateTime({ ctx, iso }: { ctx: PageContext; iso: string }) {
  return <time dateTime={iso}>{formatDateTime(ctx.locale, iso)}</time>;
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export interface PageLink {
  href: string;
  label: string;
}

/** A page that tells one thing and offers a few ways on: "check your e-mail", "link invalid", … */
export function MessagePage({ ctx, title, paragraphs, links = [], children }: { ctx: PageContext; title: string; paragraphs: string[]; links?: PageLink[]; children?: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {paragraphs.map((text, i) => (
        <p class={i === 0 ? 'lead' : undefined}>{text}</p>
      ))}
      {children}
      {links.length > 0 ? (
        <ul class="link-list">
          {links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}

/** Previous / next links for a list shown `limit` at a time. `hrefFor(offset)` builds each link. */
export function Paging({ ctx, total, offset, limit, hrefFor }: { ctx: PageContext; total: number; offset: number; limit: number; hrefFor: (offset: number) => string }) {
  const { t } = ctx;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  return (
    <>
      <p>{t('admin.users.showing', { from, to, total })}</p>
      {hasPrevious || hasNext ? (
        <nav aria-label={t('admin.paging.label')}>
          <ul class="paging">
            {hasPrevious ? (
              <li>
                <a href={hrefFor(Math.max(0, offset - limit))} rel="prev">
                  {t('admin.paging.previous')}
                </a>
              </li>
            ) : null}
            {hasNext ? (
              <li>
                <a href={hrefFor(offset + limit)} rel="next">
                  {t('admin.paging.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/** A one-button POST form whose button names what it acts on for screen readers ("Revoke: CI"). */
export function RowAction({ ctx, action, label, context, variant = 'secondary', hidden = {} }: { ctx: PageContext; action: string; label: string; context: string; variant?: 'secondary' | 'danger'; hidden?: Record<string, string> }) {
  return (
    <form action={ctx.href(action)} method="post" class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`button button-${variant} button-small`}>
        {label}
        <span class="visually-hidden">: {context}</span>
      </button>
    </form>
  );
}
