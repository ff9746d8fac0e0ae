// Why: the import page no longer imports while the browser waits — it queues a run and a background
// job does the work. A run can now wait its turn ('queued'; status is free text, nothing to alter),
// and a worker running it holds it with a lease that it renews as it goes: a 'running' run whose
// lease has run out was left by a worker that died, so it may be taken over (re-run from the
// start: the import is idempotent) and does not keep the organisation's next import waiting.
// `attempts` counts the workers that started it, so one abandoned on its last attempt is known
// to have failed for good.
// Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema.alterTable('import_run').addColumn('lease_until', ts).execute();
  await db.schema.alterTable('import_run').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // "Is another import of this organisation running?" — asked before every run starts.
  await db.schema.createIndex('import_run_organization_status_idx').on('import_run').columns(['organization_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_run_organization_status_idx').execute();
  await db.schema.alterTable('import_run').dropColumn('attempts').execute();
  await db.schema.alterTable('import_run').dropColumn('lease_until').execute();
}
