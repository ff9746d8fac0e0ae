// The workshop e-mails, in the recipient's language (texts from the message catalogs), each with
// the private link to the registration and, where the seat is (or was) theirs, an .ics invitation:
// METHOD:REQUEST with the event's stable UID and current SEQUENCE, or METHOD:CANCEL.
import { translator, type Locale } from '../../platform/i18n/index.js';
import type { MailMessage } from '../../platform/mail/index.js';
import { eventCalendar, type CalendarText } from './calendar.js';
import type { EventRow, RegistrationRow } from './events.table.js';
import { absoluteLink } from './links.js';

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'sv';
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();
function whenFormat(locale: Locale, timezone: string, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timezone}|${kind}`;
  let f = whenFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', kind === 'date' ? { dateStyle: 'full', timeZone: timezone } : { timeStyle: 'short', timeZone: timezone });
    whenFormats.set(key, f);
  }
  return f;
}

/** "tisdag 3 mars 2026, 13:00–15:00" in the event's time zone. */
export function formatWhen(locale: Locale, startsAt: string, endsAt: string, timezone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const date = whenFormat(locale, timezone, 'date').format(start);
  const time = (d: Date) => whenFormat(locale, timezone, 'time').format(d);
  const sameDay = whenFormat(locale, timezone, 'date').format(end) === date;
  return sameDay ? `${date}, ${time(start)}–${time(end)}` : `${date}, ${time(start)} – ${whenFormat(locale, timezone, 'date').format(end)}, ${time(end)}`;
}

export function titleOf(event: Pick<EventRow, 'title_sv' | 'title_en'>, locale: Locale): string {
  return locale === 'en' ? (event.title_en ?? event.title_sv) : event.title_sv;
}

export interface MailContext {
  baseUrl: string;
  organiser: { name: string; email: string };
  now: Date;
}

/** The calendar text of an event for one reader; the online link only when `withOnlineLink`. */
export function calendarText(event: EventRow, locale: Locale, baseUrl: string, withOnlineLink: boolean): CalendarText {
  const t = translator(locale);
  const url = absoluteLink(baseUrl, locale, `/events/${event.slug}`);
  const description = [locale === 'en' ? (event.description_en ?? event.description_sv ?? '') : (event.description_sv ?? ''), url];
  if (withOnlineLink && event.online_url) description.push(t('events.mail.onlineLink', { link: event.online_url }));
  const location = [event.place, withOnlineLink ? event.online_url : null].filter(Boolean).join(' · ') || null;
  return { title: titleOf(event, locale), description: description.filter(Boolean).join('\n\n'), url, location };
}

function mail(registration: RegistrationRow, subject: string, lines: (string | null | false | undefined)[]): MailMessage {
  return { to: registration.email!, subject, text: lines.filter(Boolean).join('\n\n') };
}

function invitation(event: EventRow, registration: RegistrationRow, ctx: MailContext, method: 'REQUEST' | 'CANCEL') {
  const locale = asLocale(registration.locale);
  const ics = eventCalendar(event, calendarText(event, locale, ctx.baseUrl, method === 'REQUEST'), ctx.baseUrl, {
    method,
    organiser: ctx.organiser,
    attendee: { name: registration.name ?? '', email: registration.email! },
    now: ctx.now,
  });
  return [{ filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }];
}

export const eventMails = {
  confirmAddress(event: EventRow, registration: RegistrationRow, link: string): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    return mail(registration, t('events.mail.confirmAddress.subject', { title }), [t('events.mail.greeting', { name: registration.name ?? '' }), t('events.mail.confirmAddress.text', { title, link })]);
  },

  confirmed(event: EventRow, registration: RegistrationRow, manage: string, ctx: MailContext, promoted = false): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    const when = formatWhen(locale, event.starts_at, event.ends_at, event.timezone);
    return {
      ...mail(registration, t(promoted ? 'events.mail.promoted.subject' : 'events.mail.confirmed.subject', { title }), [
        t('events.mail.greeting', { name: registration.name ?? '' }),
        t(promoted ? 'events.mail.promoted.text' : 'events.mail.confirmed.text', { title, when }),
        event.place ? t('events.mail.place', { place: event.place }) : null,
        event.online_url ? t('events.mail.onlineLink', { link: event.online_url }) : null,
        t('events.mail.manage', { link: manage }),
      ]),
      attachments: invitation(event, registration, ctx, 'REQUEST'),
    };
  },

  waitlisted(event: EventRow, registration: RegistrationRow, position: number, manage: string): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    return mail(registration, t('events.mail.waitlisted.subject', { title }), [
      t('events.mail.greeting', { name: registration.name ?? '' }),
      t('events.mail.waitlisted.text', { title, position }),
      t('events.mail.manage', { link: manage }),
    ]);
  },

  reminder(event: EventRow, registration: RegistrationRow, manage: string, ctx: MailContext): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    const when = formatWhen(locale, event.starts_at, event.ends_at, event.timezone);
    return {
      ...mail(registration, t('events.mail.reminder.subject', { title }), [
        t('events.mail.greeting', { name: registration.name ?? '' }),
        t('events.mail.reminder.text', { title, when }),
        event.place ? t('events.mail.place', { place: event.place }) : null,
        event.online_url ? t('events.mail.onlineLink', { link: event.online_url }) : null,
        t('events.mail.manage', { link: manage }),
      ]),
      attachments: invitation(event, registration, ctx, 'REQUEST'),
    };
  },

  /** A change of time, place or link: confirmed participants get the updated invitation; the waitlist is told in words. */
  changed(event: EventRow, registration: RegistrationRow, manage: string, ctx: MailContext): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    const when = formatWhen(locale, event.starts_at, event.ends_at, event.timezone);
    const confirmed = registration.status === 'confirmed';
    return {
      ...mail(registration, t('events.mail.changed.subject', { title }), [
        t('events.mail.greeting', { name: registration.name ?? '' }),
        t(confirmed ? 'events.mail.changed.text' : 'events.mail.changedWaitlist.text', { title, when }),
        event.place ? t('events.mail.place', { place: event.place }) : null,
        confirmed && event.online_url ? t('events.mail.onlineLink', { link: event.online_url }) : null,
        t('events.mail.manage', { link: manage }),
      ]),
      ...(confirmed ? { attachments: invitation(event, registration, ctx, 'REQUEST') } : {}),
    };
  },

  eventCancelled(event: EventRow, registration: RegistrationRow, ctx: MailContext): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    const when = formatWhen(locale, event.starts_at, event.ends_at, event.timezone);
    return {
      ...mail(registration, t('events.mail.eventCancelled.subject', { title }), [t('events.mail.greeting', { name: registration.name ?? '' }), t('events.mail.eventCancelled.text', { title, when })]),
      ...(registration.status === 'confirmed' ? { attachments: invitation(event, registration, ctx, 'CANCEL') } : {}),
    };
  },

  registrationCancelled(event: EventRow, registration: RegistrationRow, wasConfirmed: boolean, ctx: MailContext): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    const title = titleOf(event, locale);
    return {
      ...mail(registration, t('events.mail.cancelled.subject', { title }), [t('events.mail.greeting', { name: registration.name ?? '' }), t('events.mail.cancelled.text', { title })]),
      ...(wasConfirmed ? { attachments: invitation(event, registration, ctx, 'CANCEL') } : {}),
    };
  },

  message(event: EventRow, registration: RegistrationRow, subject: string, body: string, manage: string): MailMessage {
    const locale = asLocale(registration.locale);
    const t = translator(locale);
    return mail(registration, subject, [body, t('events.mail.messageFooter', { title: titleOf(event, locale), link: manage })]);
  },
};
