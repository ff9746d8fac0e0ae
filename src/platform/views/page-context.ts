import { localizedPath, translator, type Locale, type MessageKey, type Translate } from '../i18n/index.js';

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
  /** Who is looking, as far as the page chrome needs to know. */
  viewer: Viewer;
  /** A one-time status message to show (set before a redirect). */
  flash?: MessageKey | undefined;
}

export type Viewer = { signedIn: false } | { signedIn: true; name: string; isSiteAdmin: boolean };

export function createPageContext(input: { locale: Locale; path: string; requestId: string; csrfToken?: string; viewer?: Viewer; flash?: MessageKey | undefined }): PageContext {
  const other: Locale = input.locale === 'sv' ? 'en' : 'sv';
  return {
    locale: input.locale,
    t: translator(input.locale),
    path: input.path,
    href: (p) => localizedPath(input.locale, p),
    alternate: { locale: other, href: localizedPath(other, input.path) },
    requestId: input.requestId,
    csrfToken: input.csrfToken ?? '',
    viewer: input.viewer ?? { signedIn: false },
    flash: input.flash,
  };
}
