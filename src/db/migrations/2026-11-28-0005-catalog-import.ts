// Why: importing DCAT catalogs (RDF files and URLs) must be idempotent. Each imported dataset, data
// service and series remembers where it came from — its IRI in the source (unique: a dataset IRI
// names one thing everywhere), or for blank nodes its dct:identifier or a stable hash within one
// import source — and a hash of the metadata it was last imported with, so an unchanged resource is
// recognised without writing anything. What would have blocked a local publish is kept as warnings
// beside it. Each run leaves a report (import_run) for the import page's list of past runs, and
// publishers without an organisation number are remembered by IRI (import_publisher), so the next
// run finds the organisation that the first one created for them.
// Frozen in time: this file must never import application code.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';

  for (const table of ['dataset', 'data_service', 'dataset_series']) {
    // The resource's IRI in the source (null for blank nodes and for resources made here).
    await db.schema.alterTable(table).addColumn('source_iri', 'text').execute();
    // Which source it came from ('url:https://…' or 'file:name.ttl') and its key there: the IRI,
    // 'id:<dct:identifier>' or 'hash:<sha256 of source, publisher and title>'.
    await db.schema.alterTable(table).addColumn('source_id', 'text').execute();
    await db.schema.alterTable(table).addColumn('source_key', 'text').execute();
    // SHA-256 of the normalised metadata as last imported: equal → nothing to write.
    await db.schema.alterTable(table).addColumn('import_hash', 'text').execute();
    // JSON list of what would block a local publish (missing mandatory fields, HVD checks).
    await db.schema.alterTable(table).addColumn('warnings', json).execute();
    // Unique indexes treat NULLs as distinct on both dialects: local resources are not affected.
    await db.schema.createIndex(`${table}_source_iri_idx`).on(table).column('source_iri').unique().execute();
    await db.schema.createIndex(`${table}_source_key_idx`).on(table).columns(['source_id', 'source_key']).unique().execute();
  }

  await db.schema
    .createTable('import_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The organisation everything was imported into (--org, the import page); null when publishers decided.
    .addColumn('organization_id', 'text', (c) => c.references('organization.id').onDelete('cascade'))
    // The URL or file name as the user gave it, and the source id resources are keyed under.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // SHA-256 of a file source's bytes (with what else decides the result): the same file again needs no reading.
    .addColumn('content_hash', 'text')
    // The one-line reason when the source could not be read.
    .addColumn('error', 'text')
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The report: per resource what was imported, normalised and dropped (see docs/dcat-import.md).
    .addColumn('report', json)
    .addColumn('created_by', 'text')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('import_run_organization_idx').on('import_run').columns(['organization_id', 'started_at']).execute();
  await db.schema.createIndex('import_run_source_idx').on('import_run').columns(['source_id', 'content_hash']).execute();

  await db.schema
    .createTable('import_publisher')
    // 'iri:<publisher IRI>' or 'name:<lower-cased name>' (blank-node publishers).
    .addColumn('publisher_key', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_publisher').execute();
  await db.schema.dropTable('import_run').execute();
  for (const table of ['dataset', 'data_service', 'dataset_series']) {
    await db.schema.dropIndex(`${table}_source_key_idx`).execute();
    await db.schema.dropIndex(`${table}_source_iri_idx`).execute();
    for (const column of ['warnings', 'import_hash', 'source_key', 'source_id', 'source_iri']) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
