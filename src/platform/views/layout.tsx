import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/index.js';
import { ActionButton, Notice } from './forms.js';
import type { PageContext } from './page-context.js';

export interface NavItem {
  path: string;
  label: MessageKey;
}

/** Main navigation. Later domains add their sections here (datasets, organisations, events, …). */
export const mainNavigation: NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/datasets', label: 'nav.datasets' },
  { path: '/organizations', label: 'nav.organizations' },
  { path: '/events', label: 'nav.events' },
  { path: '/developers/api', label: 'nav.api' },
];

function isCurrent(item: NavItem, path: string): boolean {
  const bare = path.split('?')[0] ?? '/';
  return item.path === '/' ? bare === '/' : bare === item.path || bare.startsWith(`${item.path}/`);
}

/** Log in / sign up, or the viewer's account, administration and log out. */
function AccountLinks({ ctx }: { ctx: PageContext }) {
  const { t, viewer } = ctx;
  return (
    <nav class="account-nav" aria-label={t('layout.accountNavigation')}>
      <ul>
        {viewer.signedIn ? (
          <>
            <li>
              <a href={ctx.href('/account')} aria-current={ctx.path.startsWith('/account') ? 'page' : undefined}>
                {t('nav.account')}
                <span class="visually-hidden">: {viewer.name}</span>
              </a>
            </li>
            {viewer.isSiteAdmin ? (
              <li>
                <a href={ctx.href('/admin')} aria-current={ctx.path.startsWith('/admin') ? 'page' : undefined}>
                  {t('nav.admin')}
                </a>
              </li>
            ) : null}
            <li>
              <ActionButton ctx={ctx} action="/logout" label={t('nav.logout')} variant="link" />
            </li>
          </>
        ) : (
          <>
            <li>
              <a href={ctx.href('/login')}>{t('nav.login')}</a>
            </li>
            <li>
              <a href={ctx.href('/signup')}>{t('nav.signup')}</a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Extra <link> elements for <head> (alternates, feeds). */
  headLinks?: { rel: string; href: string; type?: string; title?: string; hreflang?: string }[];
  children: ComponentChildren;
}

/** The page frame: skip link, header with navigation and language switch, main, footer. */
export function Layout({ ctx, title, headLinks = [], children }: LayoutProps) {
  const { t } = ctx;
  const fullTitle = title.includes(t('site.name')) ? title : `${title} – ${t('site.name')}`;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href="/static/styles.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hreflang={ctx.alternate.locale} href={ctx.alternate.href} />
        {headLinks.map((l) => (
          <link rel={l.rel} href={l.href} type={l.type} title={l.title} hreflang={l.hreflang} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={ctx.href('/')}>
              <span class="brand-mark" aria-hidden="true">
                ◆
              </span>
              {t('site.name')}
            </a>
            <div class="header-tools">
              <AccountLinks ctx={ctx} />
              <a class="language-switch" href={ctx.alternate.href} hreflang={ctx.alternate.locale} lang={ctx.alternate.locale}>
                <span aria-hidden="true">{t('layout.languageSwitch')}</span>
                <span class="visually-hidden">{t('layout.languageSwitchLabel')}</span>
              </a>
            </div>
          </div>
          <nav class="main-nav" aria-label={t('layout.mainNavigation')}>
            <ul class="container">
              {mainNavigation.map((item) => (
                <li>
                  <a href={ctx.href(item.path)} aria-current={isCurrent(item, ctx.path) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1} class="container">
          {ctx.flash ? <Notice text={t(ctx.flash)} /> : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('layout.footerAbout')}</p>
            <nav aria-label={t('layout.footerNavigation')}>
              <ul class="footer-links">
                <li>
                  <a href={ctx.href('/accessibility')}>{t('nav.accessibility')}</a>
                </li>
                <li>
                  <a href={ctx.href('/developers/api')}>{t('nav.api')}</a>
                </li>
              </ul>
            </nav>
            <p class="small">{t('layout.metadataLicense')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
