import { catalogs, type MessageKey } from './catalog.js';

export { catalogParts, catalogs } from './catalog.js';
export type { MessageKey, Messages } from './catalog.js';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'sv';


export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Splits '/en/x' into { locale: 'en', path: '/x' }; anything else is Swedish. */
export function localeFromPath(urlPath: string): { locale: Locale; path: string } {
  if (urlPath === '/en' || urlPath.startsWith('/en/') || urlPath.startsWith('/en?')) {
    const rest = urlPath.slice(3);
    return { locale: 'en', path: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
  }
  return { locale: 'sv', path: urlPath };
}

/** The URL of `path` (locale-free, may carry a query) in `locale`. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === 'sv') return path;
  return path === '/' ? '/en' : path.startsWith('/?') ? `/en${path.slice(1)}` : `/en${path}`;
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one: one per locale.
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
};

export function formatDate(locale: Locale, date: Date): string {
  return dateFormats[locale].format(date);
}

/** True when `text` is a catalog key (validation messages are keys until shown). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(catalogs.sv, text);
}
