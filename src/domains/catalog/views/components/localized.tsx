// Text in the page's language: language-tagged text falls back to the other language (marked with
// lang so screen readers pronounce it right), sizes and dates formatted for the locale.
import type { ComponentChildren } from 'preact';
import { formatDate, type Locale } from '../../../../platform/i18n/index.js';

/** Language-tagged text as metadata (LangText) and organisation names ({ sv, en: null }) carry it. */
export type AnyLangText = { sv?: string | null | undefined; en?: string | null | undefined };

export interface Picked {
  text: string;
  /** Set when the text is in the other language than the page's. */
  lang: string | undefined;
}

export function pick(text: AnyLangText | undefined, locale: Locale): Picked {
  const own = text?.[locale]?.trim();
  if (own) return { text: own, lang: undefined };
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  const fallback = text?.[other]?.trim();
  return { text: fallback ?? '', lang: fallback ? other : undefined };
}

/** Text in another language than the page's, marked so screen readers pronounce it right. */
export function Lang({ lang, children }: { lang: string | undefined; children: ComponentChildren }) {
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

export function Localized({ text, locale }: { text: AnyLangText | undefined; locale: Locale }) {
  const picked = pick(text, locale);
  return <Lang lang={picked.lang}>{picked.text}</Lang>;
}

/** Plain text with blank lines as paragraph breaks (descriptions are not HTML). */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div class="prose" lang={lang}>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

/** 1 234 byte, 12,3 kB, 4,5 MB (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (n: number, digits: number) => new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${number(bytes, 0)} ${locale === 'sv' ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${number(value, value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A stored date or timestamp (ISO) as a date in the locale; anything unparsable as written. */
export function formatDay(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : formatDate(locale, date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(date);
}
