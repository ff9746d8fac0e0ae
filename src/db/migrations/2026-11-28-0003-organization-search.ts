// Why: the organisation list is searched and sorted by name, and Swedish names need more than the
// databases give alike (SQLite's lower() and LIKE know only ASCII, so "örebro" would not find
// "Örebro"; byte order puts Ä before Å). The application writes a lower-cased search text and a
// Swedish sort key with every organisation, so both dialects answer the same.
// Frozen in time: this file must never import application code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('organization').addColumn('sort_name', 'text', (c) => c.notNull().defaultTo('')).execute();
  // Rows written before this migration: a rough key now; the application rewrites it on the next save.
  await sql`update organization set search_text = lower(slug || ' ' || name_sv || ' ' || coalesce(name_en, '')), sort_name = lower(name_sv)`.execute(db);
  await db.schema.createIndex('organization_sort_idx').on('organization').columns(['sort_name', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organization_sort_idx').execute();
  await db.schema.alterTable('organization').dropColumn('sort_name').execute();
  await db.schema.alterTable('organization').dropColumn('search_text').execute();
}
