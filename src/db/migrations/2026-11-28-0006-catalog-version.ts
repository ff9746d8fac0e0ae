// Why: answers for anonymous visitors are cached in each web process, and several processes share
// one database. One counter, raised in the same transaction as every catalog write, tells a process
// cheaply (one row, read at most a few times a second) whether anything in the catalog changed since
// it rendered an answer — so caches stay correct without scanning tables.
// Frozen in time: this file must never import application code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into catalog_version (id, version) values (1, 0)`.execute(db);
  // Organisation names appear in catalog answers: their latest change is read with the counter.
  await db.schema.createIndex('organization_updated_idx').on('organization').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organization_updated_idx').execute();
  await db.schema.dropTable('catalog_version').execute();
}
