// iCalendar files: the invitation mailed to a participant (METHOD:REQUEST, or CANCEL), the public
// feeds (/events.ics and one per series, METHOD:PUBLISH) and "add to calendar" per event. Written
// with ical-generator; times are given as zoned dates (@date-fns/tz) so DTSTART carries
// TZID=Europe/Stockholm, and the VTIMEZONE comes from timezones-ical-library's tz database.
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { EventRow, SeriesRow } from './events.table.js';
import { occurrencesOf, wallTimeToUtc } from './time.js';

/** The VTIMEZONE of a zone. The library files zones that share rules under one name (Stockholm under
 * Berlin: identical since 1996); the block is renamed so its TZID matches the events' TZID. */
export function vtimezone(timezone: string): string | null {
  const block = tzlib_get_ical_block(timezone)[0];
  if (!block) return null;
  return block.replace(/^TZID:.*$/m, `TZID:${timezone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${timezone}`);
}

export interface CalendarText {
  title: string;
  description: string;
  url: string;
  /** Place and, for invitations to confirmed participants, the online link. */
  location: string | null;
}

export interface CalendarOptions {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name?: string;
  organiser: { name: string; email: string };
  attendee?: { name: string; email: string };
  now: Date;
}

const zoned = (iso: string, timezone: string) => new TZDate(new Date(iso).getTime(), timezone);

function newCalendar(options: CalendarOptions): ICalCalendar {
  const method = { PUBLISH: ICalCalendarMethod.PUBLISH, REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL }[options.method];
  return ical({
    prodId: { company: 'Allmänning', product: 'Workshops', language: 'SV' },
    method,
    ...(options.name ? { name: options.name } : {}),
    timezone: { name: null, generator: vtimezone },
  });
}

export function eventUid(eventId: string, baseUrl: string): string {
  return `${eventId}@${new URL(baseUrl).host}`;
}

/** One event (an invitation, its cancellation, or "add to calendar"). */
export function eventCalendar(event: EventRow, text: CalendarText, baseUrl: string, options: CalendarOptions): string {
  const cal = newCalendar(options);
  const cancelled = options.method === 'CANCEL' || event.status === 'cancelled';
  cal.createEvent({
    id: eventUid(event.id, baseUrl),
    sequence: event.sequence,
    stamp: options.now,
    start: zoned(event.starts_at, event.timezone),
    end: zoned(event.ends_at, event.timezone),
    timezone: event.timezone,
    summary: text.title,
    description: text.description,
    location: text.location,
    url: text.url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: options.organiser.name, email: options.organiser.email },
    ...(options.attendee ? { attendees: [{ name: options.attendee.name, email: options.attendee.email, rsvp: false }] } : {}),
  });
  return cal.toString();
}

/** A feed of events, each on its own (/events.ics). */
export function feedCalendar(events: { row: EventRow; text: CalendarText }[], baseUrl: string, options: CalendarOptions): string {
  const cal = newCalendar(options);
  for (const { row, text } of events) {
    cal.createEvent({
      id: eventUid(row.id, baseUrl),
      sequence: row.sequence,
      stamp: options.now,
      start: zoned(row.starts_at, row.timezone),
      end: zoned(row.ends_at, row.timezone),
      timezone: row.timezone,
      summary: text.title,
      description: text.description,
      location: text.location,
      url: text.url,
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

const basic = (local: string) => `${local.replace(/[-:]/g, '')}00`;

/**
 * A series as recurrence: one VEVENT with the RRULE from the first occurrence, EXDATEs for cancelled
 * occurrences, and an overriding VEVENT (RECURRENCE-ID) for each materialised occurrence, so moved
 * or edited ones show as they are. Occurrences the current rule does not give (held before the rule
 * was changed, or kept because people are registered) are added as RDATEs, so their overrides
 * still belong to an instance.
 */
export function seriesCalendar(series: SeriesRow, seriesText: CalendarText, occurrences: { row: EventRow; text: CalendarText }[], baseUrl: string, options: CalendarOptions): string {
  const cal = newCalendar(options);
  const uid = eventUid(series.id, baseUrl);
  const firstLocal = `${series.starts_on}T${series.start_time}`;
  const start = wallTimeToUtc(firstLocal, series.timezone);
  const end = new Date(start.getTime() + series.duration_minutes * 60_000);
  const cancelled = occurrences.filter((o) => o.row.status === 'cancelled' && o.row.occurrence_key);
  const exdates = cancelled.map((o) => `EXDATE;TZID=${series.timezone}:${basic(o.row.occurrence_key!)}`);
  const live = occurrences.filter((o) => o.row.status !== 'cancelled' && o.row.occurrence_key);
  const lastKey = live.reduce((max, o) => (o.row.occurrence_key! > max ? o.row.occurrence_key! : max), firstLocal);
  const ruleKeys = new Set(occurrencesOf({ rrule: series.rrule, startsOn: series.starts_on, startTime: series.start_time, timezone: series.timezone }, { max: 5000, until: new Date(wallTimeToUtc(lastKey, series.timezone).getTime() + 86_400_000) }).map((o) => o.key));
  const rdates = live.filter((o) => !ruleKeys.has(o.row.occurrence_key!)).map((o) => `RDATE;TZID=${series.timezone}:${basic(o.row.occurrence_key!)}`);
  cal.createEvent({
    id: uid,
    sequence: 0,
    stamp: options.now,
    start: new TZDate(start.getTime(), series.timezone),
    end: new TZDate(end.getTime(), series.timezone),
    timezone: series.timezone,
    summary: seriesText.title,
    description: seriesText.description,
    location: seriesText.location,
    url: seriesText.url,
    repeating: [`RRULE:${series.rrule}`, ...rdates, ...exdates].join('\n'),
  });
  for (const { row, text } of occurrences) {
    if (row.status === 'cancelled' || !row.occurrence_key) continue;
    cal.createEvent({
      id: uid,
      sequence: row.sequence,
      stamp: options.now,
      recurrenceId: new TZDate(wallTimeToUtc(row.occurrence_key, series.timezone).getTime(), series.timezone),
      start: zoned(row.starts_at, row.timezone),
      end: zoned(row.ends_at, row.timezone),
      timezone: row.timezone,
      summary: text.title,
      description: text.description,
      location: text.location,
      url: text.url,
    });
  }
  return cal.toString();
}
