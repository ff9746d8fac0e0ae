// Why: the network's monthly workshops — event series with a recurrence rule, their occurrences
// (materialised as events, each editable, movable and cancellable on its own), registrations with a
// waitlist, and a log of the privacy job's runs. A registration's seat is decided in a transaction
// that locks its event row, and one e-mail address holds at most one live place per event (a partial
// unique index: cancelled and anonymised registrations do not count).
// Frozen in time: this file must never import application code.
import { sql, type Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';

  await db.schema
    .createTable('event_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    // RFC 5545 RRULE (without DTSTART), applied to local wall time in `timezone`.
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('defaults', json, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('series_id', 'text', (c) => c.references('event_series.id').onDelete('set null'))
    // The occurrence's original local start (YYYY-MM-DDTHH:MM) in its series: the RECURRENCE-ID.
    .addColumn('occurrence_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('agenda_sv', 'text')
    .addColumn('agenda_en', 'text')
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('organization_quota', 'integer')
    .addColumn('registration_opens_at', ts)
    .addColumn('registration_closes_at', ts)
    .addColumn('topics', json, (c) => c.notNull())
    .addColumn('dataset_links', json, (c) => c.notNull())
    .addColumn('organization_links', json, (c) => c.notNull())
    .addColumn('organiser_ids', json, (c) => c.notNull())
    // iCalendar SEQUENCE: raised by every change participants are told about.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    // Arrival counter: each registration takes the next number under the event's row lock.
    .addColumn('arrivals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('slides_key', 'text')
    .addColumn('slides_name', 'text')
    .addColumn('recording_url', 'text')
    .addColumn('notes_sv', 'text')
    .addColumn('notes_en', 'text')
    .addColumn('reminder_sent_at', ts)
    .addColumn('anonymised_at', ts)
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_starts_idx').on('event').column('starts_at').execute();
  await db.schema.createIndex('event_series_occurrence_idx').on('event').columns(['series_id', 'occurrence_key']).unique().execute();

  await db.schema
    .createTable('event_registration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrival', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('user_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('organization_name', 'text')
    .addColumn('organization_type', 'text')
    .addColumn('accessibility_needs', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('confirm_expires_at', ts)
    .addColumn('attended', 'integer')
    .addColumn('registered_by', 'text')
    .addColumn('confirmed_at', ts)
    .addColumn('cancelled_at', ts)
    .addColumn('anonymised_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_registration_event_idx').on('event_registration').columns(['event_id', 'status', 'arrival']).execute();
  await db.schema.createIndex('event_registration_user_idx').on('event_registration').column('user_id').execute();
  await db.schema.createIndex('event_registration_email_idx').on('event_registration').column('email').execute();
  // One live place per address and event.
  await db.schema
    .createIndex('event_registration_email_unique')
    .on('event_registration')
    .columns(['event_id', 'email'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();

  await db.schema
    .createTable('event_privacy_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', ts, (c) => c.notNull())
    .addColumn('cutoff', ts, (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('registrations', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_privacy_run').ifExists().execute();
  await db.schema.dropTable('event_registration').ifExists().execute();
  await db.schema.dropTable('event').ifExists().execute();
  await db.schema.dropTable('event_series').ifExists().execute();
}
