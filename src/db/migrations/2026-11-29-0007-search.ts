// Why: searches that find nothing are the clearest signal of data people want and cannot find. The
// search domain records each one (query, filters, language, time) for the metrics issue, which
// merges them with data requests into one ranked "most wanted" list.
// `allmanning reindex` raises search_state.generation; every process's embedded index notices it
// (with the catalog's change counter) and builds itself again from the database.
// On PostgreSQL, searches run on an expression GIN index over the dataset's title, keywords and
// description (swedish + english + simple configurations; the catalog's rows are unchanged).
// Frozen in time: this file must never import application code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('search_miss')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', dialect === 'postgres' ? sql`timestamptz` : 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_miss_created_idx').on('search_miss').column('created_at').execute();
  await db.schema
    .createTable('search_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_state (id, generation) values (1, 0)`.execute(db);
  if (dialect === 'postgres') await sql.raw(`create index dataset_search_idx on dataset using gin ((${SEARCH_VECTOR}))`).execute(db);
}

/** The dataset's search vector; the PostgreSQL index (search/postgres-index.ts) repeats it verbatim. */
export const SEARCH_VECTOR = (['sv', 'en'] as const)
  .flatMap((lang) => {
    const config = lang === 'sv' ? 'swedish' : 'english';
    const title = `coalesce(metadata #>> '{title,${lang}}', '')`;
    const keywords = `coalesce(metadata #>> '{keywords,${lang}}', '')`;
    const description = `coalesce(metadata #>> '{description,${lang}}', '')`;
    return [
      `setweight(to_tsvector('${config}'::regconfig, ${title}), 'A')`,
      `setweight(to_tsvector('simple'::regconfig, ${title}), 'A')`,
      `setweight(to_tsvector('${config}'::regconfig, ${keywords}), 'B')`,
      `setweight(to_tsvector('simple'::regconfig, ${keywords}), 'B')`,
      `setweight(to_tsvector('${config}'::regconfig, ${description}), 'C')`,
      `setweight(to_tsvector('simple'::regconfig, ${description}), 'C')`,
    ];
  })
  // A filler lexeme between the parts keeps the last word of one and the first of the next from
  // looking adjacent to a phrase query (tsvector || shifts the right part right after the left).
  .join(` || '~:1'::tsvector || `);

export async function down(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`drop index if exists dataset_search_idx`.execute(db);
  await db.schema.dropTable('search_state').execute();
  await db.schema.dropIndex('search_miss_created_idx').execute();
  await db.schema.dropTable('search_miss').execute();
}
