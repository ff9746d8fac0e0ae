// Why: at 100,000 datasets a common word made PostgreSQL compute the search expression (twelve
// to_tsvector calls over the dataset's JSON) for every matching row whenever the planner filtered
// rows instead of reading the GIN index — and again for ts_rank: 18 s for one facet count of a word
// in 90 % of the catalog. The vector is now stored, computed once per write by a trigger, in a table
// of its own (dataset_search) with the GIN index: a column on dataset would have been read and
// written back by every `select *` of the catalog. SQLite has nothing to do here (the embedded
// search index lives in memory).
// Frozen in time: this file must never import application code (the expression is migration
// 0007's, imported from that frozen file so there is one definition).
import { sql, type Kysely } from 'kysely';
import { SEARCH_VECTOR } from './2026-11-29-0007-search.js';

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
