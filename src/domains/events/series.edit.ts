// The pure parts of editing a whole series: reading its defaults (with the per-occurrence "changed on
// its own" marker kept in them), pairing unmodified occurrences with the dates of a new rule, and the
// registration window an occurrence gets from the series' offsets.
import type { EventChanges } from './event.input.js';
import type { EventRow } from './events.table.js';
import { EVENT_TIMEZONE, utcToWallTime, wallTimeToUtc, type Occurrence } from './time.js';

/**
 * `event_series.defaults` (JSON): the columns new occurrences start with, their organisers, the
 * registration window as offsets from each start, and `detached` — the occurrence keys of
 * occurrences changed on their own (series edits leave them alone). The marker lives here because
 * the `event` table has no column for it (see docs/events.md).
 */
export interface SeriesDefaults extends EventChanges {
  organiser_ids?: string[];
  detached?: string[];
  registration_opens_days_before?: number | null;
  registration_closes_hours_before?: number | null;
}

export interface ParsedDefaults {
  /** Event columns only. */
  fields: EventChanges;
  organiserIds: string[];
  detached: ReadonlySet<string>;
  opensDaysBefore: number | null | undefined;
  closesHoursBefore: number | null | undefined;
}

export function parseSeriesDefaults(json: string): ParsedDefaults {
  const {
    organiser_ids: organiserIds,
    detached,
    registration_opens_days_before: opensDaysBefore,
    registration_closes_hours_before: closesHoursBefore,
    organiserEmails: _emails,
    slug: _slug,
    ...fields
  } = JSON.parse(json) as SeriesDefaults;
  return { fields, organiserIds: organiserIds ?? [], detached: new Set(detached ?? []), opensDaysBefore, closesHoursBefore };
}

const DAY = 86_400_000;

/** An occurrence's registration window from the offsets (days before in local time, hours before). */
export function windowFor(start: Date, opensDaysBefore: number | null | undefined, closesHoursBefore: number | null | undefined, fallback?: EventChanges): Partial<Pick<EventRow, 'registration_opens_at' | 'registration_closes_at'>> {
  const out: Partial<Pick<EventRow, 'registration_opens_at' | 'registration_closes_at'>> = {};
  if (opensDaysBefore !== undefined) {
    if (opensDaysBefore === null) out.registration_opens_at = null;
    else {
      // N days before at the same local time, whatever daylight saving does in between.
      const local = utcToWallTime(start, EVENT_TIMEZONE);
      const day = new Date(Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10))) - opensDaysBefore * DAY).toISOString().slice(0, 10);
      out.registration_opens_at = wallTimeToUtc(`${day}T${local.slice(11)}`, EVENT_TIMEZONE).toISOString();
    }
  } else if (fallback) out.registration_opens_at = fallback.registration_opens_at ?? null;
  if (closesHoursBefore !== undefined) out.registration_closes_at = closesHoursBefore === null ? null : new Date(start.getTime() - closesHoursBefore * 3_600_000).toISOString();
  else if (fallback) out.registration_closes_at = fallback.registration_closes_at ?? null;
  return out;
}

function smallestGap(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}

export interface Pairing<R> {
  /** Each unmodified occurrence and the date of the new rule it becomes. */
  pairs: [R, Occurrence][];
  /** Occurrences the new rule no longer gives. */
  unpaired: R[];
  /** Dates of the new rule no occurrence takes: to be created. */
  fresh: Occurrence[];
}

/**
 * Pairs unmodified future occurrences with the new rule's dates: an occurrence whose key the rule
 * still gives keeps it; the rest go to the nearest free date, closest pairs first, no further than
 * half the smaller spacing of either schedule (so first Tuesday → second Wednesday moves each
 * meeting within its month, while a month the new rule skips loses its meeting). `taken`: keys held
 * by any occurrence of the series (cancelled, moved, past), which are never created again.
 */
export function pairOccurrences<R extends Pick<EventRow, 'starts_at' | 'occurrence_key'>>(candidates: readonly R[], dates: readonly Occurrence[], taken: ReadonlySet<string>): Pairing<R> {
  const byKey = new Map(dates.map((o) => [o.key, o]));
  const pairs: [R, Occurrence][] = [];
  const rest: R[] = [];
  for (const row of candidates) {
    const same = row.occurrence_key ? byKey.get(row.occurrence_key) : undefined;
    if (same) pairs.push([row, same]);
    else rest.push(row);
  }
  const free = dates.filter((o) => !taken.has(o.key));
  const gap = Math.min(smallestGap(dates.map((o) => o.startsAt.getTime())), smallestGap(candidates.map((r) => new Date(r.starts_at).getTime())));
  // One hour of slack: a daylight-saving change between two dates.
  const limit = (Number.isFinite(gap) ? gap / 2 : 14 * DAY) + 3_600_000;
  const edges: { row: number; date: number; distance: number }[] = [];
  rest.forEach((row, i) => {
    const t = new Date(row.starts_at).getTime();
    free.forEach((o, j) => {
      const distance = Math.abs(o.startsAt.getTime() - t);
      if (distance <= limit) edges.push({ row: i, date: j, distance });
    });
  });
  edges.sort((a, b) => a.distance - b.distance || a.row - b.row || a.date - b.date);
  const usedRows = new Set<number>();
  const usedDates = new Set<number>();
  for (const e of edges) {
    if (usedRows.has(e.row) || usedDates.has(e.date)) continue;
    usedRows.add(e.row);
    usedDates.add(e.date);
    pairs.push([rest[e.row]!, free[e.date]!]);
  }
  pairs.sort((a, b) => a[1].startsAt.getTime() - b[1].startsAt.getTime());
  return { pairs, unpaired: rest.filter((_, i) => !usedRows.has(i)), fresh: free.filter((_, j) => !usedDates.has(j)) };
}
