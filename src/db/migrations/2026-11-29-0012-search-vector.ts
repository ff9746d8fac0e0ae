// Why: at 100,000 datasets a common word made PostgreSQL compute the search expression (twelve
// to_tsvector calls over the dataset's JSON) for every matching row whenever the planner filtered
// rows instead of reading the GIN index — and again for ts_rank: 18 s for one facet count of a word
// in 90 % of the catalog. The vector is now stored, computed once per write by a trigger, in a table
// of its own (dataset_search) with the GIN index: a column on dataset would have been read and
// written back by every `select *` of the catalog. SQLite has nothing to do here (the embedded
// search index lives in memory).
// Frozen in time: this file must never import application code, nor another migration; the
// expression is migration 0007's, copied (text.test.ts checks the two are equal).
import { sql, type Kysely } from 'kysely';

/** A dataset's search vector from its metadata: title A, keywords B, description C; sv/en stems and the words as written. */
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

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  // The vector of one dataset's metadata: used by the trigger and by `allmanning reindex`.
  await sql.raw(`create function dataset_search_vector(metadata jsonb) returns tsvector language sql immutable as $$ select ${SEARCH_VECTOR} $$`).execute(db);
  await sql`create table dataset_search (dataset_id text primary key references dataset (id) on delete cascade, vector tsvector not null)`.execute(db);
  await sql`insert into dataset_search (dataset_id, vector) select id, dataset_search_vector(metadata) from dataset`.execute(db);
  await sql`create index dataset_search_vector_idx on dataset_search using gin (vector)`.execute(db);
  await sql
    .raw(
      `create function dataset_search_sync() returns trigger language plpgsql as $$
begin
  insert into dataset_search (dataset_id, vector) values (new.id, dataset_search_vector(new.metadata))
  on conflict (dataset_id) do update set vector = excluded.vector;
  return new;
end
$$`,
    )
    .execute(db);
  await sql`create trigger dataset_search_sync after insert or update of metadata on dataset for each row execute function dataset_search_sync()`.execute(db);
  await sql`drop index if exists dataset_search_idx`.execute(db);
}

export async function down(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql.raw(`create index dataset_search_idx on dataset using gin ((${SEARCH_VECTOR}))`).execute(db);
  await sql`drop trigger if exists dataset_search_sync on dataset`.execute(db);
  await sql`drop function if exists dataset_search_sync()`.execute(db);
  await sql`drop table dataset_search`.execute(db);
  await sql`drop function if exists dataset_search_vector(jsonb)`.execute(db);
}
