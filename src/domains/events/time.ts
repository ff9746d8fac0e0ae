// Wall-clock time in a named zone (Europe/Stockholm) ↔ UTC instants, and a series' occurrences.
// Recurrence is expanded by `rrule` on "floating" local times (a Date whose UTC fields are the local
// wall time), then each occurrence is placed in the zone: so the first Tuesday at 13:00 stays 13:00
// local on both sides of a daylight-saving change (the rrule authors' recommended way).
import rrulePkg from 'rrule';
import { ValidationError } from '../../platform/errors.js';

const { rrulestr } = rrulePkg;

export const EVENT_TIMEZONE = 'Europe/Stockholm';
export const DEFAULT_RRULE = 'FREQ=MONTHLY;BYDAY=1TU';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timezone, f);
  }
  return f;
}

function wallFields(instant: Date, timezone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(partsFormatter(timezone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour) % 24, mi: Number(parts.minute), s: Number(parts.second) };
}

/** The zone's offset from UTC at `instant`, in minutes (Stockholm: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timezone: string): number {
  const f = wallFields(instant, timezone);
  const asUtc = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DDTHH:MM' local wall time in `timezone` → the UTC instant. */
export function wallTimeToUtc(local: string, timezone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = asUtc - offsetMinutes(new Date(asUtc), timezone) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess), timezone) * 60_000;
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UTC instant → 'YYYY-MM-DDTHH:MM' local wall time in `timezone`. */
export function utcToWallTime(instant: Date, timezone: string): string {
  const f = wallFields(instant, timezone);
  return `${f.y}-${pad(f.mo)}-${pad(f.d)}T${pad(f.h)}:${pad(f.mi)}`;
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && Number(m[4]) < 24 && Number(m[5]) < 60;
}

export interface SeriesRule {
  rrule: string;
  /** 'YYYY-MM-DD' */
  startsOn: string;
  /** 'HH:MM' */
  startTime: string;
  timezone: string;
}

export interface Occurrence {
  /** The local start as the rule gives it: the occurrence's RECURRENCE-ID. */
  key: string;
  startsAt: Date;
}

function floating(local: string): Date {
  const m = LOCAL.exec(local)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
}

function floatingKey(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Parses an RRULE value (e.g. FREQ=MONTHLY;BYDAY=1TU); a ValidationError for `field` if it is not one. */
export function checkRrule(rrule: string, field = 'rrule'): string {
  const value = rrule.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!/^FREQ=/.test(value) && !/;FREQ=/.test(value)) throw new ValidationError({ [field]: ['events.validation.rrule'] });
  if (/DTSTART|TZID|[\r\n]/.test(value)) throw new ValidationError({ [field]: ['events.validation.rrule'] });
  try {
    rrulestr(`RRULE:${value}`, { dtstart: new Date(Date.UTC(2026, 0, 1)) });
  } catch {
    throw new ValidationError({ [field]: ['events.validation.rrule'] });
  }
  return value;
}

/** The first `max` occurrences of a series (at most those starting before `until`, if given). */
export function occurrencesOf(rule: SeriesRule, options: { max: number; after?: Date; until?: Date }): Occurrence[] {
  const rule2 = rrulestr(`RRULE:${rule.rrule}`, { dtstart: floating(`${rule.startsOn}T${rule.startTime}`) });
  const out: Occurrence[] = [];
  rule2.all((date, i) => {
    if (i >= options.max * 4 + 1000) return false;
    const key = floatingKey(date);
    const startsAt = wallTimeToUtc(key, rule.timezone);
    if (options.until && startsAt >= options.until) return false;
    if (!options.after || startsAt > options.after) out.push({ key, startsAt });
    return out.length < options.max;
  });
  return out;
}
