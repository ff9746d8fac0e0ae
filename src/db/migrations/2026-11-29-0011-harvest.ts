// Why: organisations register DCAT catalogs and CKAN portals that are harvested on a schedule (issue
// 7). A source holds its schedule and, while a run is in progress, which run holds it and until when
// (a lease renewed as the run goes): the conditional update of that lease is what keeps two runs of
// one source from overlapping, and a lease that ran out marks a run whose process died. Runs keep
// their counts and errors. `harvest_missing` remembers since when a harvested dataset has been
// missing from its source, so it is withdrawn only after the grace period.
// Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('harvest_source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('import_source_id', 'text', (c) => c.notNull())
    .addColumn('next_run_at', ts)
    .addColumn('last_run_id', 'text')
    .addColumn('running_run_id', 'text')
    .addColumn('lease_until', ts)
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('harvest_source_org_url_idx').on('harvest_source').columns(['organization_id', 'type', 'url']).unique().execute();
  await db.schema.createIndex('harvest_source_import_source_idx').on('harvest_source').column('import_source_id').execute();
  await db.schema.createIndex('harvest_source_next_run_idx').on('harvest_source').column('next_run_at').execute();
  await db.schema
    .createTable('harvest_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('harvest_source.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('harvest_run_source_idx').on('harvest_run').columns(['source_id', 'started_at']).execute();
  await db.schema
    .createTable('harvest_missing')
    .addColumn('source_id', 'text', (c) => c.notNull().references('harvest_source.id').onDelete('cascade'))
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('missing_since', ts, (c) => c.notNull())
    .addColumn('withdrawn_at', ts)
    .addPrimaryKeyConstraint('harvest_missing_pk', ['source_id', 'dataset_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('harvest_missing').execute();
  await db.schema.dropTable('harvest_run').execute();
  await db.schema.dropTable('harvest_source').execute();
}
