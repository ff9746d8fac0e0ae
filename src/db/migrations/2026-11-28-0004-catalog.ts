// Why: the catalog — datasets with their distributions, data services (APIs) and dataset series,
// modelled on DCAT-AP-SE 3.0.1. Each resource keeps its descriptive metadata as one JSON document
// and beside it the columns that lists, permissions and joins need. Every change leaves a
// revision: a full snapshot and a field-level diff, so history can be shown and any version restored.
// Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';

  // The three kinds of resource with their own page share one shape.
  for (const table of ['dataset', 'data_service', 'dataset_series']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
      .addColumn('hvd', 'integer', (c) => c.notNull().defaultTo(0))
      // Swedish sort key of the Swedish title (written by the application, as for organisations).
      .addColumn('sort_title', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('metadata', json, (c) => c.notNull())
      // Increases with every change: the ETag, and the guard against lost updates (If-Match).
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('published_at', ts)
      .addColumn('deleted_at', ts)
      .execute();
    await db.schema.createIndex(`${table}_organization_idx`).on(table).columns(['organization_id', 'deleted_at']).execute();
    await db.schema.createIndex(`${table}_list_idx`).on(table).columns(['status', 'visibility', 'deleted_at', 'sort_title']).execute();
  }

  // Relations the lists ask about, kept as rows beside the documents: a dataset's series, and the
  // datasets a data service serves.
  await db.schema.alterTable('dataset').addColumn('series_id', 'text').execute();
  await db.schema.createIndex('dataset_series_idx').on('dataset').column('series_id').execute();
  await db.schema
    .createTable('served_dataset')
    .addColumn('data_service_id', 'text', (c) => c.notNull().references('data_service.id').onDelete('cascade'))
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('served_dataset_pk', ['data_service_id', 'dataset_id'])
    .execute();
  await db.schema.createIndex('served_dataset_dataset_idx').on('served_dataset').column('dataset_id').execute();

  await db.schema
    .createTable('distribution')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('metadata', json, (c) => c.notNull())
    // The uploaded file (content-addressed) when the distribution is one.
    .addColumn('file_sha256', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('distribution_dataset_idx').on('distribution').columns(['dataset_id', 'position']).execute();
  await db.schema.createIndex('distribution_file_idx').on('distribution').column('file_sha256').execute();

  await db.schema
    .createTable('catalog_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_kind', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('snapshot', json, (c) => c.notNull())
    .addColumn('diff', json, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('catalog_revision_unique', ['resource_kind', 'resource_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['catalog_revision', 'distribution', 'served_dataset', 'dataset_series', 'data_service', 'dataset']) {
    await db.schema.dropTable(table).execute();
  }
}
