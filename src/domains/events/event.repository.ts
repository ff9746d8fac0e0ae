// All SQL on events, series and registrations.
import { sql, type Kysely } from 'kysely';
import type { EventRow, EventsTables, RegistrationRow, RegistrationStatus, SeriesRow } from './events.table.js';

type Db = Kysely<EventsTables>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which unique rule a failed write broke, if that is what failed. */
export function uniqueViolationOf(error: unknown): 'email' | 'slug' | 'other' | undefined {
  const e = error as { code?: string; constraint?: string; message?: string } | undefined;
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!unique) return undefined;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (text.includes('email')) return 'email';
  if (text.includes('slug')) return 'slug';
  return 'other';
}

export interface EventListQuery {
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  seriesId?: string | undefined;
  includeCancelled?: boolean;
  limit: number;
  offset: number;
}

export const eventRepository = {
  async findByIdOrSlug(db: Db, idOrSlug: string): Promise<EventRow | undefined> {
    const bySlug = await db.selectFrom('event').selectAll().where('slug', '=', idOrSlug).executeTakeFirst();
    if (bySlug || !UUID.test(idOrSlug)) return bySlug;
    return db.selectFrom('event').selectAll().where('id', '=', idOrSlug).executeTakeFirst();
  },
  findById(db: Db, id: string): Promise<EventRow | undefined> {
    return db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /**
   * The event row, locked for the rest of the transaction: SELECT … FOR UPDATE on PostgreSQL. On
   * SQLite one process serialises its transactions, and a no-op write first takes the database's
   * write lock, so another process (a worker) waits before it reads rather than failing on upgrade.
   */
  async lock(db: Db, id: string, dialect: 'sqlite' | 'postgres'): Promise<EventRow | undefined> {
    const query = db.selectFrom('event').selectAll().where('id', '=', id);
    if (dialect === 'postgres') return query.forUpdate().executeTakeFirst();
    await db.updateTable('event').set({ arrivals: sql`arrivals` }).where('id', '=', id).execute();
    return query.executeTakeFirst();
  },
  async slugTaken(db: Db, slug: string): Promise<boolean> {
    return Boolean(await db.selectFrom('event').select('id').where('slug', '=', slug).executeTakeFirst());
  },
  async insert(db: Db, row: EventRow): Promise<EventRow> {
    await db.insertInto('event').values(row).execute();
    return row;
  },
  async update(db: Db, id: string, changes: Partial<EventRow>): Promise<void> {
    await db.updateTable('event').set(changes).where('id', '=', id).execute();
  },
  async nextArrival(db: Db, id: string): Promise<number> {
    await db.updateTable('event').set({ arrivals: sql`arrivals + 1` }).where('id', '=', id).execute();
    const row = await db.selectFrom('event').select('arrivals').where('id', '=', id).executeTakeFirstOrThrow();
    return Number(row.arrivals);
  },
  async list(db: Db, query: EventListQuery): Promise<{ items: EventRow[]; total: number }> {
    const nowIso = query.now.toISOString();
    let base = db.selectFrom('event');
    if (query.when === 'upcoming') base = base.where('ends_at', '>', nowIso);
    if (query.when === 'past') base = base.where('ends_at', '<=', nowIso);
    if (query.seriesId) base = base.where('series_id', '=', query.seriesId);
    if (!query.includeCancelled) base = base.where('status', '<>', 'cancelled');
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const items = await base
      .selectAll()
      .orderBy('starts_at', query.when === 'past' ? 'desc' : 'asc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return { items, total };
  },
  listBySeries(db: Db, seriesId: string): Promise<EventRow[]> {
    return db.selectFrom('event').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute();
  },
  /** Scheduled events starting in [from, to) whose reminder has not gone out. */
  dueForReminder(db: Db, from: Date, to: Date): Promise<EventRow[]> {
    return db
      .selectFrom('event')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('reminder_sent_at', 'is', null)
      .where('starts_at', '>=', from.toISOString())
      .where('starts_at', '<', to.toISOString())
      .execute();
  },
  /** Events that ended before `cutoff` whose registrations are not yet anonymised. */
  dueForAnonymisation(db: Db, cutoff: Date): Promise<EventRow[]> {
    return db.selectFrom('event').selectAll().where('ends_at', '<', cutoff.toISOString()).where('anonymised_at', 'is', null).execute();
  },
};

export const seriesRepository = {
  async findByIdOrSlug(db: Db, idOrSlug: string): Promise<SeriesRow | undefined> {
    const bySlug = await db.selectFrom('event_series').selectAll().where('slug', '=', idOrSlug).executeTakeFirst();
    if (bySlug || !UUID.test(idOrSlug)) return bySlug;
    return db.selectFrom('event_series').selectAll().where('id', '=', idOrSlug).executeTakeFirst();
  },
  findById(db: Db, id: string): Promise<SeriesRow | undefined> {
    return db.selectFrom('event_series').selectAll().where('id', '=', id).executeTakeFirst();
  },
  list(db: Db): Promise<SeriesRow[]> {
    return db.selectFrom('event_series').selectAll().orderBy('title_sv').execute();
  },
  async insert(db: Db, row: SeriesRow): Promise<void> {
    await db.insertInto('event_series').values(row).execute();
  },
  /** The series row, locked for the rest of the transaction (as `eventRepository.lock`). */
  async lock(db: Db, id: string, dialect: 'sqlite' | 'postgres'): Promise<SeriesRow | undefined> {
    const query = db.selectFrom('event_series').selectAll().where('id', '=', id);
    if (dialect === 'postgres') return query.forUpdate().executeTakeFirst();
    await db.updateTable('event_series').set({ updated_at: sql`updated_at` }).where('id', '=', id).execute();
    return query.executeTakeFirst();
  },
  async update(db: Db, id: string, changes: Partial<SeriesRow>): Promise<void> {
    await db.updateTable('event_series').set(changes).where('id', '=', id).execute();
  },
  async slugTaken(db: Db, slug: string): Promise<boolean> {
    return Boolean(await db.selectFrom('event_series').select('id').where('slug', '=', slug).executeTakeFirst());
  },
};

export interface SeatCounts {
  confirmed: number;
  waitlisted: number;
  pending: number;
}

export const registrationRepository = {
  async insert(db: Db, row: RegistrationRow): Promise<RegistrationRow> {
    await db.insertInto('event_registration').values(row).execute();
    return row;
  },
  async update(db: Db, id: string, changes: Partial<RegistrationRow>): Promise<void> {
    await db.updateTable('event_registration').set(changes).where('id', '=', id).execute();
  },
  findById(db: Db, id: string): Promise<RegistrationRow | undefined> {
    return db.selectFrom('event_registration').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByTokenHash(db: Db, hash: string): Promise<RegistrationRow | undefined> {
    return db.selectFrom('event_registration').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  },
  findByConfirmHash(db: Db, hash: string): Promise<RegistrationRow | undefined> {
    return db.selectFrom('event_registration').selectAll().where('confirm_token_hash', '=', hash).executeTakeFirst();
  },
  findLive(db: Db, eventId: string, email: string): Promise<RegistrationRow | undefined> {
    return db.selectFrom('event_registration').selectAll().where('event_id', '=', eventId).where('email', '=', email).where('status', '<>', 'cancelled').executeTakeFirst();
  },
  async counts(db: Db, eventId: string): Promise<SeatCounts> {
    const rows = await db
      .selectFrom('event_registration')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', eventId)
      .groupBy('status')
      .execute();
    const of = (s: RegistrationStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { confirmed: of('confirmed'), waitlisted: of('waitlisted'), pending: of('pending_confirmation') };
  },
  /** Confirmed and waitlisted counts of many events in one query. */
  async countsFor(db: Db, eventIds: readonly string[]): Promise<Map<string, SeatCounts>> {
    const out = new Map<string, SeatCounts>(eventIds.map((id) => [id, { confirmed: 0, waitlisted: 0, pending: 0 }]));
    if (eventIds.length === 0) return out;
    const rows = await db
      .selectFrom('event_registration')
      .select(['event_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', 'in', [...eventIds])
      .where('status', 'in', ['confirmed', 'waitlisted', 'pending_confirmation'])
      .groupBy(['event_id', 'status'])
      .execute();
    for (const r of rows) {
      const counts = out.get(r.event_id)!;
      if (r.status === 'confirmed') counts.confirmed = Number(r.n);
      else if (r.status === 'waitlisted') counts.waitlisted = Number(r.n);
      else counts.pending = Number(r.n);
    }
    return out;
  },
  async confirmedFrom(db: Db, eventId: string, organizationId: string): Promise<number> {
    const row = await db
      .selectFrom('event_registration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'confirmed')
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  listByStatus(db: Db, eventId: string, status: RegistrationStatus): Promise<RegistrationRow[]> {
    return db.selectFrom('event_registration').selectAll().where('event_id', '=', eventId).where('status', '=', status).orderBy('arrival').execute();
  },
  listByEvent(db: Db, eventId: string): Promise<RegistrationRow[]> {
    return db.selectFrom('event_registration').selectAll().where('event_id', '=', eventId).orderBy('arrival').execute();
  },
  /** 1 for the first waitlisted registration of the event, 2 for the next, … */
  async waitlistPosition(db: Db, eventId: string, arrival: number): Promise<number> {
    const row = await db
      .selectFrom('event_registration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'waitlisted')
      .where('arrival', '<=', arrival)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  listForPerson(db: Db, userId: string, email: string): Promise<RegistrationRow[]> {
    return db
      .selectFrom('event_registration')
      .selectAll()
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', email)]))
      .orderBy('created_at')
      .execute();
  },
  async emailOfUser(db: Db, userId: string): Promise<string | undefined> {
    return (await db.selectFrom('user').select('email').where('id', '=', userId).executeTakeFirst())?.email;
  },
  async deleteById(db: Db, id: string): Promise<void> {
    await db.deleteFrom('event_registration').where('id', '=', id).execute();
  },
  /** Removes everything that identifies a person; keeps status, attendance and organisation (aggregates). */
  async anonymiseEvent(db: Db, eventId: string, nowIso: string): Promise<number> {
    const result = await db
      .updateTable('event_registration')
      .set({ name: null, email: null, user_id: null, accessibility_needs: null, registered_by: null, confirm_token_hash: null, anonymised_at: nowIso, updated_at: nowIso })
      .where('event_id', '=', eventId)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};

export const privacyRunRepository = {
  async insert(db: Db, row: EventsTables['event_privacy_run']): Promise<void> {
    await db.insertInto('event_privacy_run').values(row).execute();
  },
  list(db: Db, limit = 20) {
    return db.selectFrom('event_privacy_run').selectAll().orderBy('ran_at', 'desc').limit(limit).execute();
  },
};
