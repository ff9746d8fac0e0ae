// Events and series: list, read, create (site admins), edit/move/cancel single occurrences
// (organisers), material after the meeting, statistics, and the privacy job. A change participants
// must know about (time, place, link) raises the iCalendar SEQUENCE and mails an updated invitation;
// a capacity raise promotes the waitlist — both in the transaction that makes the change.
import type { Kysely } from 'kysely';
import { recordActivity, diffFields } from '../../platform/activity.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { FileTooLargeError, type FileSource } from '../../platform/storage/index.js';
import { eventMails } from './event.mails.js';
import { validateEventInput, validateSeriesEdit, validateSeriesInput, slugify, type EventChanges, type EventInput, type SeriesEditInput, type SeriesInput } from './event.input.js';
import { eventPolicy } from './event.policy.js';
import { eventRepository, privacyRunRepository, registrationRepository, seriesRepository, uniqueViolationOf, type EventListQuery } from './event.repository.js';
import type { EventRow, EventsTables, RegistrationRow, SeriesRow } from './events.table.js';
import { accessOf } from './registration.service.js';
import { linkFor, lockEvent, mailContext, promoteWaitlist, type SeatContext, type Trx } from './seats.js';
import { EVENT_TIMEZONE, occurrencesOf, utcToWallTime, wallTimeToUtc, type Occurrence } from './time.js';
import { parseSeriesDefaults, pairOccurrences, windowFor, type SeriesDefaults } from './series.edit.js';

export const MAX_PAGE_SIZE = 1000;

function deny(actor: Actor): never {
  throw actor.kind === 'user' ? new ForbiddenError() : new UnauthorizedError();
}

function actorId(actor: Actor | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

/** Fields whose change participants are told about (with a new SEQUENCE). */
const NOTIFIED: (keyof EventRow)[] = ['starts_at', 'ends_at', 'place', 'online_url'];

/** Fields a series governs: changing one on a single occurrence detaches it from series edits. */
export const SERIES_GOVERNED: (keyof EventRow)[] = ['title_sv', 'title_en', 'description_sv', 'description_en', 'starts_at', 'ends_at', 'place', 'online_url', 'capacity', 'organization_quota', 'registration_opens_at', 'registration_closes_at', 'topics', 'organiser_ids'];

/** What a series edit did to its future occurrences. */
export interface SeriesEditResult {
  series: SeriesRow;
  /** Unmodified future occurrences brought in line with the new rule or defaults. */
  updated: EventRow[];
  /** New dates the rule gives. */
  created: EventRow[];
  /** Dates the rule no longer gives, without registrations. */
  cancelled: EventRow[];
  /** Dates the rule no longer gives that have registrations: left for the organiser to move or cancel. */
  kept: { event: EventRow; registrations: number }[];
  /** Future occurrences changed on their own (moved, edited): left as they are. */
  individual: EventRow[];
}

export interface EventStats {
  registered: number;
  waitlisted: number;
  attended: number;
  noShows: number;
  cancelled: number;
  organizations: number;
  organizationTypes: Record<string, number>;
  organizationNames: { name: string; count: number }[];
}

export function createEventService(ctx: SeatContext) {
  const { deps } = ctx;
  const { db, clock } = deps;

  async function load(idOrSlug: string): Promise<EventRow> {
    const row = await eventRepository.findByIdOrSlug(db, idOrSlug);
    if (!row) throw new NotFoundError();
    return row;
  }

  async function organiserIds(emails: string[] | undefined, fallback: string[]): Promise<string[]> {
    if (!emails) return fallback;
    if (emails.length === 0) return [];
    const rows = await (db as unknown as Kysely<EventsTables>).selectFrom('user').select(['id', 'email']).where('email', 'in', emails).execute();
    const unknown = emails.filter((e) => !rows.some((r) => r.email.toLowerCase() === e));
    if (unknown.length > 0) throw new ValidationError({ organisers: ['events.validation.organiserUnknown'] });
    return rows.map((r) => r.id);
  }

  async function freeSlug(base: string, trx: Kysely<EventsTables> = db): Promise<string> {
    const root = slugify(base) || 'traff';
    let candidate = root;
    for (let i = 2; await eventRepository.slugTaken(trx, candidate); i++) candidate = `${root}-${i}`;
    return candidate;
  }

  function columns(changes: EventChanges): Partial<EventRow> {
    const { organiserEmails: _o, ...rest } = changes;
    return rest;
  }

  async function insertEvent(trx: Trx, actor: Actor | null, changes: EventChanges, extra: Partial<EventRow> & { organiser_ids: string }): Promise<EventRow> {
    const nowIso = clock.now().toISOString();
    const row: EventRow = {
      id: newId(),
      slug: changes.slug ?? (await freeSlug(`${changes.title_sv ?? ''} ${(changes.starts_at ?? nowIso).slice(0, 10)}`, trx)),
      series_id: null,
      occurrence_key: null,
      status: 'scheduled',
      title_sv: changes.title_sv!,
      title_en: changes.title_en ?? null,
      description_sv: changes.description_sv ?? null,
      description_en: changes.description_en ?? null,
      agenda_sv: changes.agenda_sv ?? null,
      agenda_en: changes.agenda_en ?? null,
      starts_at: changes.starts_at!,
      ends_at: changes.ends_at!,
      timezone: EVENT_TIMEZONE,
      place: changes.place ?? null,
      online_url: changes.online_url ?? null,
      capacity: changes.capacity!,
      organization_quota: changes.organization_quota ?? null,
      registration_opens_at: changes.registration_opens_at ?? null,
      registration_closes_at: changes.registration_closes_at ?? null,
      topics: changes.topics ?? '[]',
      dataset_links: changes.dataset_links ?? '[]',
      organization_links: changes.organization_links ?? '[]',
      sequence: 0,
      arrivals: 0,
      slides_key: null,
      slides_name: null,
      recording_url: changes.recording_url ?? null,
      notes_sv: changes.notes_sv ?? null,
      notes_en: changes.notes_en ?? null,
      reminder_sent_at: null,
      anonymised_at: null,
      created_by: actorId(actor),
      created_at: nowIso,
      updated_at: nowIso,
      ...extra,
    };
    await eventRepository.insert(trx, row);
    await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.created', subjectType: 'event', subjectId: row.id, diff: { slug: row.slug, starts_at: row.starts_at } });
    return row;
  }

  async function withSlugCheck<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolationOf(error) === 'slug') throw new ConflictError('The slug is already used by another event.', 'slug_taken', { slug: ['validation.slugTaken'] });
      throw error;
    }
  }

  async function createEvent(actor: Actor | null, input: EventInput): Promise<EventRow> {
    const changes = validateEventInput(input, 'create');
    const ids = await organiserIds(changes.organiserEmails, actor?.kind === 'user' ? [actor.userId] : []);
    return withSlugCheck(() => db.transaction().execute((trx) => insertEvent(trx, actor, changes, { organiser_ids: JSON.stringify(ids) })));
  }

  async function createSeries(actor: Actor | null, input: SeriesInput): Promise<{ series: SeriesRow; events: EventRow[] }> {
    const { series, defaults } = validateSeriesInput(input);
    const ids = await organiserIds(defaults.organiserEmails, actor?.kind === 'user' ? [actor.userId] : []);
    const nowIso = clock.now().toISOString();
    const { slug: requestedSlug, ...eventDefaults } = defaults;
    const row: SeriesRow = {
      id: newId(),
      slug: requestedSlug ?? (slugify(defaults.title_sv ?? '') || 'serie'),
      title_sv: defaults.title_sv!,
      title_en: defaults.title_en ?? null,
      description_sv: defaults.description_sv ?? null,
      description_en: defaults.description_en ?? null,
      rrule: series.rrule,
      timezone: EVENT_TIMEZONE,
      starts_on: series.startsOn,
      start_time: series.startTime,
      duration_minutes: series.durationMinutes,
      defaults: JSON.stringify({ ...eventDefaults, organiser_ids: ids }),
      created_at: nowIso,
      updated_at: nowIso,
    };
    if (await seriesRepository.slugTaken(db, row.slug)) throw new ConflictError('The slug is already used by another series.', 'slug_taken', { slug: ['validation.slugTaken'] });
    const occurrences = occurrencesOf({ rrule: row.rrule, startsOn: row.starts_on, startTime: row.start_time, timezone: row.timezone }, { max: series.occurrences });
    return withSlugCheck(() =>
      db.transaction().execute(async (trx) => {
        await seriesRepository.insert(trx, row);
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.series.created', subjectType: 'event_series', subjectId: row.id, diff: { rrule: row.rrule, occurrences: occurrences.length } });
        const events: EventRow[] = [];
        for (const o of occurrences) {
          const startsAt = o.startsAt.toISOString();
          const endsAt = new Date(o.startsAt.getTime() + row.duration_minutes * 60_000).toISOString();
          events.push(
            await insertEvent(trx, actor, { ...eventDefaults, starts_at: startsAt, ends_at: endsAt, slug: await freeSlug(`${row.slug}-${o.key.slice(0, 10)}`, trx) }, { organiser_ids: JSON.stringify(ids), series_id: row.id, occurrence_key: o.key }),
          );
        }
        return { series: row, events };
      }),
    );
  }

  /** Tells participants and the waitlist about a change (a new SEQUENCE is already on `event`). */
  async function mailChange(trx: Trx, event: EventRow): Promise<void> {
    for (const status of ['confirmed', 'waitlisted'] as const) {
      for (const r of await registrationRepository.listByStatus(trx, event.id, status)) {
        if (r.email) await deps.mailer.send(eventMails.changed(event, r, await linkFor(trx, ctx, r), mailContext(ctx)), trx);
      }
    }
  }

  /** Applies `patch` to a locked event: SEQUENCE and mails for notified fields, waitlist promotion. */
  async function applyChange(trx: Trx, actor: Actor | null, eventId: string, patch: Partial<EventRow>, action: string): Promise<EventRow | null> {
    const locked = await lockEvent(trx, ctx, eventId);
    const diff = diffFields(locked as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    if (Object.keys(diff).length === 0) return null;
    const notify = NOTIFIED.some((f) => f in diff) && locked.status === 'scheduled';
    const nowIso = clock.now().toISOString();
    const after: EventRow = { ...locked, ...patch, sequence: locked.sequence + (notify ? 1 : 0), updated_at: nowIso, ...(('starts_at' in diff) ? { reminder_sent_at: null } : {}) };
    await eventRepository.update(trx, eventId, { ...patch, sequence: after.sequence, updated_at: nowIso, reminder_sent_at: after.reminder_sent_at });
    await recordActivity(trx, clock, { actorId: actorId(actor), action, subjectType: 'event', subjectId: eventId, diff });
    if (notify) await mailChange(trx, after);
    // More seats, a larger quota or no quota: the waitlist moves up.
    await promoteWaitlist(trx, ctx, after);
    return after;
  }

  /** Marks an occurrence as changed on its own: series edits leave it alone from now on. */
  async function detach(trx: Trx, seriesId: string, key: string): Promise<void> {
    const series = await seriesRepository.lock(trx, seriesId, deps.dialect);
    if (!series) return;
    const defaults = JSON.parse(series.defaults) as SeriesDefaults;
    if (defaults.detached?.includes(key)) return;
    await seriesRepository.update(trx, seriesId, { defaults: JSON.stringify({ ...defaults, detached: [...(defaults.detached ?? []), key] }) });
  }

  /** `actor` null: the operator (demo, CLI), trusted. */
  async function update(actor: Actor | null, idOrSlug: string, input: EventInput): Promise<EventRow> {
    const before = await load(idOrSlug);
    if (actor && !eventPolicy.canManage(actor, accessOf(before))) deny(actor);
    const changes = validateEventInput(input, 'update', before);
    const ids = changes.organiserEmails ? await organiserIds(changes.organiserEmails, []) : undefined;
    const patch: Partial<EventRow> = { ...columns(changes), ...(ids ? { organiser_ids: JSON.stringify(ids) } : {}) };
    const diff = diffFields(before as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    if (Object.keys(diff).length === 0) return before;
    return withSlugCheck(() =>
      db.transaction().execute(async (trx) => {
        const after = await applyChange(trx, actor, before.id, patch, 'event.updated');
        if (after && before.series_id && before.occurrence_key && SERIES_GOVERNED.some((f) => f in diff)) await detach(trx, before.series_id, before.occurrence_key);
        return after ?? before;
      }),
    );
  }

  async function cancelIn(trx: Trx, actor: Actor | null, eventId: string): Promise<EventRow> {
    const locked = await lockEvent(trx, ctx, eventId);
    const nowIso = clock.now().toISOString();
    const after: EventRow = { ...locked, status: 'cancelled', sequence: locked.sequence + 1, updated_at: nowIso };
    await eventRepository.update(trx, eventId, { status: 'cancelled', sequence: after.sequence, updated_at: nowIso });
    await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.cancelled', subjectType: 'event', subjectId: eventId });
    for (const status of ['confirmed', 'waitlisted'] as const) {
      for (const r of await registrationRepository.listByStatus(trx, eventId, status)) {
        if (r.email) await deps.mailer.send(eventMails.eventCancelled(after, r, mailContext(ctx)), trx);
      }
    }
    return after;
  }

  async function cancel(actor: Actor, idOrSlug: string): Promise<EventRow> {
    const before = await load(idOrSlug);
    if (!eventPolicy.canManage(actor, accessOf(before))) deny(actor);
    if (before.status === 'cancelled') return before;
    return db.transaction().execute((trx) => cancelIn(trx, actor, before.id));
  }

  async function loadSeries(idOrSlug: string): Promise<SeriesRow> {
    const series = await seriesRepository.findByIdOrSlug(db, idOrSlug);
    if (!series) throw new NotFoundError();
    return series;
  }

  /** Whether an occurrence was changed on its own (marked, or no longer where its key puts it). */
  function isIndividual(series: SeriesRow, detached: ReadonlySet<string>, row: EventRow): boolean {
    if (!row.occurrence_key || detached.has(row.occurrence_key)) return true;
    const start = wallTimeToUtc(row.occurrence_key, series.timezone);
    return start.toISOString() !== row.starts_at || new Date(start.getTime() + series.duration_minutes * 60_000).toISOString() !== row.ends_at;
  }

  /** Live registrations (confirmed, waitlisted, awaiting confirmation) per event. */
  async function liveRegistrations(ids: string[]): Promise<Map<string, number>> {
    const counts = await registrationRepository.countsFor(db, ids);
    return new Map([...counts].map(([id, c]) => [id, c.confirmed + c.waitlisted + c.pending]));
  }

  /**
   * Changes a whole series: its rule (RRULE, start time, length) and the defaults of its occurrences.
   * Future occurrences not changed on their own follow (each moved to the nearest date of the new
   * rule, within half the rule's spacing; participants get the change mail). Dates the rule no longer
   * gives are cancelled when nobody is registered, otherwise kept and reported; new dates are created.
   * Past occurrences never change.
   */
  async function editSeries(actor: Actor | null, idOrSlug: string, input: SeriesEditInput): Promise<SeriesEditResult> {
    const series = await loadSeries(idOrSlug);
    const current = parseSeriesDefaults(series.defaults);
    if (actor && !eventPolicy.canManageSeries(actor, { organiserIds: current.organiserIds })) deny(actor);
    const edit = validateSeriesEdit(input);
    const ids = edit.defaults.organiserEmails ? await organiserIds(edit.defaults.organiserEmails, []) : undefined;
    const now = clock.now();
    const rrule = edit.rrule ?? series.rrule;
    const startTime = edit.startTime ?? series.start_time;
    const duration = edit.durationMinutes ?? series.duration_minutes;
    const ruleChanged = rrule !== series.rrule || startTime !== series.start_time;
    let startsOn = series.starts_on;
    if (ruleChanged) {
      // The rule starts again from today, so DTSTART is the new rule's first date (RFC 5545).
      const first = occurrencesOf({ rrule, startsOn: utcToWallTime(now, series.timezone).slice(0, 10), startTime, timezone: series.timezone }, { max: 1, after: now });
      if (!first[0]) throw new ValidationError({ rrule: ['events.validation.rruleNoDates'] });
      startsOn = first[0].key.slice(0, 10);
    }
    const { organiserEmails: _o, slug: _s, ...defaultColumns } = edit.defaults;
    const opens = edit.opensDaysBefore !== undefined ? edit.opensDaysBefore : current.opensDaysBefore;
    const closes = edit.closesHoursBefore !== undefined ? edit.closesHoursBefore : current.closesHoursBefore;
    const windowChanged = edit.opensDaysBefore !== undefined || edit.closesHoursBefore !== undefined;
    const fields: EventChanges = { ...current.fields, ...defaultColumns };
    if (opens !== undefined || closes !== undefined) {
      delete fields.registration_opens_at;
      delete fields.registration_closes_at;
    }
    const organisers = ids ?? current.organiserIds;
    const defaults: SeriesDefaults = {
      ...fields,
      organiser_ids: organisers,
      detached: [...current.detached],
      ...(opens !== undefined ? { registration_opens_days_before: opens } : {}),
      ...(closes !== undefined ? { registration_closes_hours_before: closes } : {}),
    };
    const seriesPatch: Partial<SeriesRow> = {
      rrule,
      start_time: startTime,
      starts_on: startsOn,
      duration_minutes: duration,
      title_sv: fields.title_sv ?? series.title_sv,
      title_en: fields.title_en !== undefined ? fields.title_en : series.title_en,
      description_sv: fields.description_sv !== undefined ? fields.description_sv : series.description_sv,
      description_en: fields.description_en !== undefined ? fields.description_en : series.description_en,
      defaults: JSON.stringify(defaults),
    };

    const all = await eventRepository.listBySeries(db, series.id);
    const future = all.filter((e) => new Date(e.starts_at) > now);
    const lastFuture = Math.max(0, ...future.map((e) => new Date(e.starts_at).getTime()));
    const until = new Date(Math.max(now.getTime() + 365 * 86_400_000, lastFuture + 86_400_000));
    const dates = occurrencesOf({ rrule, startsOn, startTime, timezone: series.timezone }, { max: 1000, after: now, until });
    const individual = future.filter((e) => e.status === 'scheduled' && isIndividual(series, current.detached, e));
    const candidates = future.filter((e) => e.status === 'scheduled' && !isIndividual(series, current.detached, e));
    const taken = new Set(all.map((e) => e.occurrence_key).filter((k): k is string => k !== null));
    const { pairs, unpaired, fresh } = pairOccurrences(candidates, dates, taken);
    const registrations = await liveRegistrations(unpaired.map((e) => e.id));
    const defaultPatch: Partial<EventRow> = { ...defaultColumns, ...(ids ? { organiser_ids: JSON.stringify(ids) } : {}) };

    const occurrenceTimes = (o: Occurrence) => {
      const starts = o.startsAt;
      return { starts_at: starts.toISOString(), ends_at: new Date(starts.getTime() + duration * 60_000).toISOString(), occurrence_key: o.key };
    };

    return withSlugCheck(() =>
      db.transaction().execute(async (trx) => {
        await seriesRepository.lock(trx, series.id, deps.dialect);
        const updated: EventRow[] = [];
        const created: EventRow[] = [];
        const cancelled: EventRow[] = [];
        const kept: { event: EventRow; registrations: number }[] = [];
        for (const [row, o] of pairs) {
          const times = occurrenceTimes(o);
          const moved = times.starts_at !== row.starts_at;
          let window: Partial<EventRow> = {};
          if (windowChanged || (moved && (opens !== undefined || closes !== undefined))) window = windowFor(new Date(times.starts_at), opens, closes);
          else if (moved) {
            // No offsets known: the window moves with the meeting.
            const shift = new Date(times.starts_at).getTime() - new Date(row.starts_at).getTime();
            const shifted = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + shift).toISOString() : null);
            window = { registration_opens_at: shifted(row.registration_opens_at), registration_closes_at: shifted(row.registration_closes_at) };
          }
          const after = await applyChange(trx, actor, row.id, { ...defaultPatch, ...window, ...times }, 'event.updated.series');
          if (after) updated.push(after);
        }
        for (const row of unpaired) {
          const n = registrations.get(row.id) ?? 0;
          if (n > 0) kept.push({ event: row, registrations: n });
          else cancelled.push(await cancelIn(trx, actor, row.id));
        }
        for (const o of fresh) {
          const times = occurrenceTimes(o);
          const { occurrence_key: key, ...span } = times;
          created.push(
            await insertEvent(trx, actor, { ...fields, ...span, ...windowFor(o.startsAt, opens, closes, fields), slug: await freeSlug(`${series.slug}-${key.slice(0, 10)}`, trx) }, { organiser_ids: JSON.stringify(organisers), series_id: series.id, occurrence_key: key }),
          );
        }
        const nowIso = clock.now().toISOString();
        await seriesRepository.update(trx, series.id, { ...seriesPatch, updated_at: nowIso });
        await recordActivity(trx, clock, {
          actorId: actorId(actor),
          action: 'event.series.updated',
          subjectType: 'event_series',
          subjectId: series.id,
          diff: { ...diffFields(series as unknown as Record<string, unknown>, seriesPatch as Record<string, unknown>), updated: updated.length, created: created.length, cancelled: cancelled.length, kept: kept.length },
        });
        return { series: { ...series, ...seriesPatch, updated_at: nowIso }, updated, created, cancelled, kept, individual };
      }),
    );
  }

  /** Future occurrences the rule no longer gives that still have registrations (for the organiser). */
  async function needingAttention(series: SeriesRow): Promise<{ event: EventRow; registrations: number }[]> {
    const now = clock.now();
    const { detached } = parseSeriesDefaults(series.defaults);
    const future = (await eventRepository.listBySeries(db, series.id)).filter((e) => e.status === 'scheduled' && new Date(e.starts_at) > now && !detached.has(e.occurrence_key ?? ''));
    if (future.length === 0) return [];
    const until = new Date(Math.max(...future.map((e) => new Date(e.starts_at).getTime())) + 86_400_000);
    const keys = new Set(occurrencesOf({ rrule: series.rrule, startsOn: series.starts_on, startTime: series.start_time, timezone: series.timezone }, { max: 2000, until }).map((o) => o.key));
    const off = future.filter((e) => !keys.has(e.occurrence_key ?? ''));
    const counts = await liveRegistrations(off.map((e) => e.id));
    return off.filter((e) => (counts.get(e.id) ?? 0) > 0).map((event) => ({ event, registrations: counts.get(event.id)! }));
  }

  function statsOf(rows: RegistrationRow[], event: EventRow, now: Date): EventStats {
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const ended = new Date(event.ends_at) <= now;
    const byOrg = new Map<string, number>();
    const types: Record<string, number> = {};
    const seenOrgs = new Set<string>();
    for (const r of confirmed) {
      const name = r.organization_name ?? '';
      if (name) byOrg.set(name, (byOrg.get(name) ?? 0) + 1);
      const key = r.organization_id ?? (name ? `name:${name.toLowerCase()}` : '');
      if (key && !seenOrgs.has(key)) {
        seenOrgs.add(key);
        const type = r.organization_type ?? 'unknown';
        types[type] = (types[type] ?? 0) + 1;
      }
    }
    return {
      registered: confirmed.length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      attended: confirmed.filter((r) => r.attended === 1).length,
      noShows: ended ? confirmed.filter((r) => r.attended !== 1).length : confirmed.filter((r) => r.attended === 0).length,
      cancelled: rows.filter((r) => r.status === 'cancelled').length,
      organizations: seenOrgs.size,
      organizationTypes: types,
      organizationNames: [...byOrg.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv')),
    };
  }

  return {
    list(query: Omit<EventListQuery, 'now'>): Promise<{ items: EventRow[]; total: number }> {
      return eventRepository.list(db, { ...query, now: clock.now(), limit: Math.min(Math.max(query.limit, 1), MAX_PAGE_SIZE), offset: Math.max(query.offset, 0) });
    },
    get: load,
    async seatsOf(event: EventRow): Promise<{ confirmed: number; waitlisted: number; free: number }> {
      const counts = await registrationRepository.counts(db, event.id);
      return { confirmed: counts.confirmed, waitlisted: counts.waitlisted, free: Math.max(event.capacity - counts.confirmed, 0) };
    },
    /** Seats of many events at once (lists). */
    async seatsOfAll(rows: readonly EventRow[]): Promise<Map<string, { confirmed: number; waitlisted: number; free: number }>> {
      const counts = await registrationRepository.countsFor(db, rows.map((r) => r.id));
      return new Map(rows.map((row) => {
        const c = counts.get(row.id)!;
        return [row.id, { confirmed: c.confirmed, waitlisted: c.waitlisted, free: Math.max(row.capacity - c.confirmed, 0) }];
      }));
    },
    async create(actor: Actor, input: EventInput): Promise<EventRow> {
      if (!eventPolicy.canCreate(actor)) deny(actor);
      return createEvent(actor, input);
    },
    /** For the demo and the operator (trusted; no actor). */
    createAsOperator: (input: EventInput) => createEvent(null, input),
    async createSeries(actor: Actor, input: SeriesInput) {
      if (!eventPolicy.canCreate(actor)) deny(actor);
      return createSeries(actor, input);
    },
    createSeriesAsOperator: (input: SeriesInput) => createSeries(null, input),
    async getSeries(idOrSlug: string): Promise<{ series: SeriesRow; events: EventRow[] }> {
      const series = await seriesRepository.findByIdOrSlug(db, idOrSlug);
      if (!series) throw new NotFoundError();
      return { series, events: await eventRepository.listBySeries(db, series.id) };
    },
    listSeries: () => seriesRepository.list(db),
    /** Change a whole series (site admins and its organisers). */
    editSeries: (actor: Actor, idOrSlug: string, input: SeriesEditInput) => editSeries(actor, idOrSlug, input),
    editSeriesAsOperator: (idOrSlug: string, input: SeriesEditInput) => editSeries(null, idOrSlug, input),
    /** The series for its edit form: 404 for those who may not change it. */
    async seriesForEditing(actor: Actor, idOrSlug: string): Promise<{ series: SeriesRow; defaults: ReturnType<typeof parseSeriesDefaults>; organiserEmails: string[]; attention: { event: EventRow; registrations: number }[] }> {
      const series = await loadSeries(idOrSlug);
      const defaults = parseSeriesDefaults(series.defaults);
      if (!eventPolicy.canManageSeries(actor, { organiserIds: defaults.organiserIds })) throw new NotFoundError();
      const emails = defaults.organiserIds.length === 0 ? [] : (await (db as unknown as Kysely<EventsTables>).selectFrom('user').select('email').where('id', 'in', defaults.organiserIds).execute()).map((r) => r.email);
      return { series, defaults, organiserEmails: emails, attention: await needingAttention(series) };
    },
    /** The organisers' e-mail addresses (for the edit form). */
    async organiserEmailsOf(row: EventRow): Promise<string[]> {
      const ids = JSON.parse(row.organiser_ids) as string[];
      if (ids.length === 0) return [];
      const rows = await (db as unknown as Kysely<EventsTables>).selectFrom('user').select('email').where('id', 'in', ids).execute();
      return rows.map((r) => r.email);
    },
    update: (actor: Actor, idOrSlug: string, input: EventInput) => update(actor, idOrSlug, input),
    updateAsOperator: (idOrSlug: string, input: EventInput) => update(null, idOrSlug, input),
    cancel,

    /** Slides after the meeting (organisers): stored content-addressed, at most slidesMaxBytes. */
    async uploadSlides(actor: Actor, idOrSlug: string, upload: { source: FileSource; fileName: string }): Promise<EventRow> {
      const event = await load(idOrSlug);
      if (!eventPolicy.canManage(actor, accessOf(event))) deny(actor);
      const name = upload.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'slides';
      if (!/\.(pdf|pptx?|odp|key)$/i.test(name)) throw new ValidationError({ slides: ['events.validation.slidesType'] });
      let stored;
      try {
        stored = await deps.files.put(upload.source, { maxBytes: deps.config.slidesMaxBytes });
      } catch (error) {
        if (error instanceof FileTooLargeError) throw new ValidationError({ slides: ['validation.fileTooLarge'] }, 'The file is too large.', 'payload_too_large');
        throw error;
      }
      const nowIso = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await eventRepository.update(trx, event.id, { slides_key: stored.sha256, slides_name: name, updated_at: nowIso });
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.slides.uploaded', subjectType: 'event', subjectId: event.id, diff: { slides: name } });
      });
      return load(event.id);
    },
    async slidesOf(idOrSlug: string): Promise<{ key: string; name: string; byteSize: number } | undefined> {
      const event = await load(idOrSlug);
      if (!event.slides_key || !event.slides_name) return undefined;
      const stat = await deps.files.stat(event.slides_key);
      return stat ? { key: event.slides_key, name: event.slides_name, byteSize: stat.byteSize } : undefined;
    },
    files: deps.files,

    async stats(actor: Actor, idOrSlug: string): Promise<EventStats> {
      const event = await load(idOrSlug);
      if (!eventPolicy.canViewRegistrations(actor, accessOf(event))) throw new NotFoundError();
      return statsOf(await registrationRepository.listByEvent(db, event.id), event, clock.now());
    },

    /**
     * The privacy job: registrations of events that ended more than retentionDays ago lose name,
     * e-mail, account and needs; status, attendance and organisation stay for the statistics.
     */
    async anonymiseExpired(): Promise<{ events: number; registrations: number; cutoff: string }> {
      const now = clock.now();
      const cutoff = new Date(now.getTime() - deps.config.retentionDays * 86_400_000);
      const due = await eventRepository.dueForAnonymisation(db, cutoff);
      let registrations = 0;
      await db.transaction().execute(async (trx) => {
        for (const event of due) {
          registrations += await registrationRepository.anonymiseEvent(trx, event.id, now.toISOString());
          await eventRepository.update(trx, event.id, { anonymised_at: now.toISOString() });
        }
        await privacyRunRepository.insert(trx, { id: newId(), ran_at: now.toISOString(), cutoff: cutoff.toISOString(), events: due.length, registrations });
      });
      return { events: due.length, registrations, cutoff: cutoff.toISOString() };
    },
    privacyRuns: () => privacyRunRepository.list(db),

    /**
     * Keeps every series planned `horizonDays` ahead (a nightly job): occurrences the rule gives that
     * are not yet events are created from the series' defaults. Moved and cancelled occurrences keep
     * their key, so they are never created again. Returns how many were created.
     */
    async extendSeries(horizonDays = 365): Promise<number> {
      const now = clock.now();
      const until = new Date(now.getTime() + horizonDays * 86_400_000);
      let created = 0;
      for (const series of await seriesRepository.list(db)) {
        const existing = new Set((await eventRepository.listBySeries(db, series.id)).map((e) => e.occurrence_key));
        const { fields: defaults, organiserIds: ids, opensDaysBefore, closesHoursBefore } = parseSeriesDefaults(series.defaults);
        const due = occurrencesOf({ rrule: series.rrule, startsOn: series.starts_on, startTime: series.start_time, timezone: series.timezone }, { max: 400, after: now, until }).filter((o) => !existing.has(o.key));
        if (due.length === 0) continue;
        await withSlugCheck(() =>
          db.transaction().execute(async (trx) => {
            for (const o of due) {
              const startsAt = o.startsAt.toISOString();
              const endsAt = new Date(o.startsAt.getTime() + series.duration_minutes * 60_000).toISOString();
              await insertEvent(trx, null, { ...defaults, starts_at: startsAt, ends_at: endsAt, ...windowFor(o.startsAt, opensDaysBefore, closesHoursBefore, defaults), slug: await freeSlug(`${series.slug}-${o.key.slice(0, 10)}`, trx) }, { organiser_ids: JSON.stringify(ids), series_id: series.id, occurrence_key: o.key });
              created += 1;
            }
          }),
        );
      }
      return created;
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
