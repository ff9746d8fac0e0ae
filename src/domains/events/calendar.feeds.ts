// The calendar files the site serves: /events.ics (every event from a year back on), one feed per
// series (as recurrence) and "add to calendar" per event. Public: no online links in them.
import { translator, type Locale } from '../../platform/i18n/index.js';
import { eventCalendar, feedCalendar, seriesCalendar } from './calendar.js';
import { calendarText } from './event.mails.js';
import type { EventService } from './event.service.js';
import type { EventsDeps } from './events.deps.js';
import { absoluteLink } from './links.js';
import { mailContext } from './seats.js';

export function createCalendarFeeds(deps: EventsDeps, events: EventService) {
  const { baseUrl } = deps.config;
  const organiser = () => mailContext({ deps, linkKey: '' }).organiser;
  return {
    async all(locale: Locale): Promise<string> {
      const since = new Date(deps.clock.now().getTime() - 365 * 86_400_000);
      const { items } = await events.list({ when: 'all', includeCancelled: true, limit: 1000, offset: 0 });
      const rows = items.filter((e) => new Date(e.ends_at) >= since);
      return feedCalendar(rows.map((row) => ({ row, text: calendarText(row, locale, baseUrl, false) })), baseUrl, { method: 'PUBLISH', name: translator(locale)('events.calendar.name'), organiser: organiser(), now: deps.clock.now() });
    },
    async series(idOrSlug: string, locale: Locale): Promise<string> {
      const { series, events: occurrences } = await events.getSeries(idOrSlug);
      const title = locale === 'en' ? (series.title_en ?? series.title_sv) : series.title_sv;
      const url = absoluteLink(baseUrl, locale, `/events?series=${series.slug}`);
      const description = (locale === 'en' ? (series.description_en ?? series.description_sv) : series.description_sv) ?? '';
      const defaults = JSON.parse(series.defaults) as { place?: string | null };
      return seriesCalendar(
        series,
        { title, description: [description, url].filter(Boolean).join('\n\n'), url, location: defaults.place ?? null },
        occurrences.map((row) => ({ row, text: calendarText(row, locale, baseUrl, false) })),
        baseUrl,
        { method: 'PUBLISH', name: title, organiser: organiser(), now: deps.clock.now() },
      );
    },
    async event(idOrSlug: string, locale: Locale): Promise<{ slug: string; ics: string }> {
      const row = await events.get(idOrSlug);
      return { slug: row.slug, ics: eventCalendar(row, calendarText(row, locale, baseUrl, false), baseUrl, { method: 'PUBLISH', organiser: organiser(), now: deps.clock.now() }) };
    },
  };
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
