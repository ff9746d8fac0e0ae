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
import { validateEventInput, validateSeriesInput, slugify, type EventChanges, type EventInput, type SeriesInput } from './event.input.js';
import { eventPolicy } from './event.policy.js';
import { eventRepository, privacyRunRepository, registrationRepository, seriesRepository, uniqueViolationOf, type EventListQuery } from './event.repository.js';
import type { EventRow, EventsTables, RegistrationRow, SeriesRow } from './events.table.js';
import { accessOf } from './registration.service.js';
import { linkFor, lockEvent, mailContext, promoteWaitlist, type SeatContext, type Trx } from './seats.js';
import { EVENT_TIMEZONE, occurrencesOf } from './time.js';

export const MAX_PAGE_SIZE = 1000;

function deny(actor: Actor): never {
  throw actor.kind === 'user' ? new ForbiddenError() : new UnauthorizedError();
}

function actorId(actor: Actor | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

/** Fields whose change participants are told about (with a new SEQUENCE). */
const NOTIFIED: (keyof EventRow)[] = ['starts_at', 'ends_at', 'place', 'online_url'];

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

  /** `actor` null: the operator (demo, CLI), trusted. */
  async function update(actor: Actor | null, idOrSlug: string, input: EventInput): Promise<EventRow> {
    const before = await load(idOrSlug);
    if (actor && !eventPolicy.canManage(actor, accessOf(before))) deny(actor);
    const changes = validateEventInput(input, 'update', before);
    const ids = changes.organiserEmails ? await organiserIds(changes.organiserEmails, []) : undefined;
    const patch: Partial<EventRow> = { ...columns(changes), ...(ids ? { organiser_ids: JSON.stringify(ids) } : {}) };
    const diff = diffFields(before as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    if (Object.keys(diff).length === 0) return before;
    const notify = NOTIFIED.some((f) => f in diff) && before.status === 'scheduled';
    return withSlugCheck(() =>
      db.transaction().execute(async (trx) => {
        const locked = await lockEvent(trx, ctx, before.id);
        const nowIso = clock.now().toISOString();
        const after: EventRow = { ...locked, ...patch, sequence: locked.sequence + (notify ? 1 : 0), updated_at: nowIso, ...(('starts_at' in diff) ? { reminder_sent_at: null } : {}) };
        await eventRepository.update(trx, before.id, { ...patch, sequence: after.sequence, updated_at: nowIso, reminder_sent_at: after.reminder_sent_at });
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.updated', subjectType: 'event', subjectId: before.id, diff });
        if (notify) await mailChange(trx, after);
        // More seats, a larger quota or no quota: the waitlist moves up.
        await promoteWaitlist(trx, ctx, after);
        return after;
      }),
    );
  }

  async function cancel(actor: Actor, idOrSlug: string): Promise<EventRow> {
    const before = await load(idOrSlug);
    if (!eventPolicy.canManage(actor, accessOf(before))) deny(actor);
    if (before.status === 'cancelled') return before;
    return db.transaction().execute(async (trx) => {
      const locked = await lockEvent(trx, ctx, before.id);
      const nowIso = clock.now().toISOString();
      const after: EventRow = { ...locked, status: 'cancelled', sequence: locked.sequence + 1, updated_at: nowIso };
      await eventRepository.update(trx, before.id, { status: 'cancelled', sequence: after.sequence, updated_at: nowIso });
      await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.cancelled', subjectType: 'event', subjectId: before.id });
      for (const status of ['confirmed', 'waitlisted'] as const) {
        for (const r of await registrationRepository.listByStatus(trx, before.id, status)) {
          if (r.email) await deps.mailer.send(eventMails.eventCancelled(after, r, mailContext(ctx)), trx);
        }
      }
      return after;
    });
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
        const { organiser_ids: ids, ...defaults } = JSON.parse(series.defaults) as EventChanges & { organiser_ids: string[] };
        const due = occurrencesOf({ rrule: series.rrule, startsOn: series.starts_on, startTime: series.start_time, timezone: series.timezone }, { max: 400, after: now, until }).filter((o) => !existing.has(o.key));
        if (due.length === 0) continue;
        await withSlugCheck(() =>
          db.transaction().execute(async (trx) => {
            for (const o of due) {
              const startsAt = o.startsAt.toISOString();
              const endsAt = new Date(o.startsAt.getTime() + series.duration_minutes * 60_000).toISOString();
              await insertEvent(trx, null, { ...defaults, starts_at: startsAt, ends_at: endsAt, slug: await freeSlug(`${series.slug}-${o.key.slice(0, 10)}`, trx) }, { organiser_ids: JSON.stringify(ids ?? []), series_id: series.id, occurrence_key: o.key });
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
