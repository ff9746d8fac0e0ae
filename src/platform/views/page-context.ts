import { localizedPath, translator, type Locale, type Translate } from '../i18n/index.js';

/** Everything a template needs about the request it answers, computed once per request. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Locale-free path of this page, with its query string (e.g. '/datasets?q=x'). */
  path: string;
  /** Builds a link in the page's locale from a locale-free path. */
  href: (path: string) => string;
  /** The same page in the other language. */
  alternate: { locale: Locale; href: string };
  requestId: string;
  /** Token for forms; empty when the page has no form. */
  csrfToken: string;
}

export function createPageContext(input: { locale: Locale; path: string; requestId: string; csrfToken?: string }): PageContext {
  const other: Locale = input.locale === 'sv' ? 'en' : 'sv';
  return {
    locale: input.locale,
    t: translator(input.locale),
    path: input.path,
    href: (p) => localizedPath(input.locale, p),
    alternate: { locale: other, href: localizedPath(other, input.path) },
    requestId: input.requestId,
    csrfToken: input.csrfToken ?? '',
  };
}
