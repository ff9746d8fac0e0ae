// Why: at 100,000 datasets PostgreSQL's search spent seconds on facet counts, reading every
// matching dataset's JSON (themes, keywords, …) and joining its distributions (formats, licences)
// once per facet. Each dataset's facet values are now kept ready in a narrow row of their own
// (dataset_facet), with the columns that decide who may see it and those it is sorted by, so a
// search counts every facet in one pass over these rows, and finds its page, without reading the
// wide dataset rows.
// Kept by triggers on dataset (insert, and changes of what is copied) and on distribution (any
// change), through dataset_facet_refresh(ids). SQLite has nothing to do here (the embedded search
// index lives in memory).
// Frozen in time: this file must never import application code, nor another migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  // Facet values as prefixed tokens: t: theme, h: HVD category, a: access right (IRIs), k: keyword
  // (trimmed, lower case), f: format and l: licence of a distribution (IRIs). `licences` holds every
  // distribution's licence IRI ('' for none): open or not is decided when searching, against the
  // application's list of open licences.
  await sql`create table dataset_facet (
    dataset_id text primary key references dataset (id) on delete cascade,
    organization_id text not null,
    status text not null,
    visibility text not null,
    deleted_at timestamptz,
    sort_title text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    tokens text[] not null,
    licences text[] not null
  )`.execute(db);
  await sql
    .raw(
      `create function dataset_facet_tokens(dataset text, metadata jsonb) returns text[] language sql stable as $$
  select coalesce(array_agg(distinct token), '{}') from (
    select 't:' || v from jsonb_array_elements_text(case jsonb_typeof(metadata -> 'themes') when 'array' then metadata -> 'themes' else '[]' end) v
    union all
    select 'h:' || v from jsonb_array_elements_text(case jsonb_typeof(metadata -> 'hvdCategories') when 'array' then metadata -> 'hvdCategories' else '[]' end) v
    union all
    select 'a:' || (metadata ->> 'accessRights') where metadata ->> 'accessRights' is not null
    union all
    select 'k:' || lower(trim(v)) from jsonb_array_elements_text(
      (case jsonb_typeof(metadata #> '{keywords,sv}') when 'array' then metadata #> '{keywords,sv}' else '[]' end) ||
      (case jsonb_typeof(metadata #> '{keywords,en}') when 'array' then metadata #> '{keywords,en}' else '[]' end)) v
    where trim(v) <> ''
    union all
    select 'f:' || (x.metadata ->> 'format') from distribution x where x.dataset_id = dataset and x.metadata ->> 'format' is not null
    union all
    select 'l:' || (x.metadata ->> 'license') from distribution x where x.dataset_id = dataset and x.metadata ->> 'license' is not null
  ) s(token) $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function dataset_facet_licences(dataset text) returns text[] language sql stable as $$
  select coalesce(array_agg(coalesce(x.metadata ->> 'license', '')), '{}') from distribution x where x.dataset_id = dataset $$`,
    )
    .execute(db);
  // These datasets' rows written again from their current state (all of them: the initial fill,
  // allmanning reindex); nothing for a dataset that is gone (a distribution deleted by the cascade
  // of its dataset's delete).
  await sql
    .raw(
      `create function dataset_facet_refresh(targets text[]) returns void language sql as $$
  insert into dataset_facet (dataset_id, organization_id, status, visibility, deleted_at, sort_title, created_at, updated_at, tokens, licences)
  select d.id, d.organization_id, d.status, d.visibility, d.deleted_at, d.sort_title, d.created_at, d.updated_at, dataset_facet_tokens(d.id, d.metadata), dataset_facet_licences(d.id)
  from dataset d where d.id = any(targets)
  on conflict (dataset_id) do update set organization_id = excluded.organization_id, status = excluded.status, visibility = excluded.visibility,
    deleted_at = excluded.deleted_at, sort_title = excluded.sort_title, created_at = excluded.created_at, updated_at = excluded.updated_at,
    tokens = excluded.tokens, licences = excluded.licences $$`,
    )
    .execute(db);
  // Two trigger functions: a PL/pgSQL record has only its own table's fields.
  await sql
    .raw(
      `create function dataset_facet_sync_dataset() returns trigger language plpgsql as $$
begin
  perform dataset_facet_refresh(array[new.id]);
  return null;
end
$$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function dataset_facet_sync_distribution() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform dataset_facet_refresh(array[old.dataset_id]);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.dataset_id <> old.dataset_id) then
    perform dataset_facet_refresh(array[new.dataset_id]);
  end if;
  return null;
end
$$`,
    )
    .execute(db);
  await sql`select dataset_facet_refresh(array(select id from dataset))`.execute(db);
  await sql`create trigger dataset_facet_sync after insert or update of organization_id, status, visibility, deleted_at, sort_title, created_at, updated_at, metadata on dataset for each row execute function dataset_facet_sync_dataset()`.execute(db);
  await sql`create trigger dataset_facet_sync after insert or update or delete on distribution for each row execute function dataset_facet_sync_distribution()`.execute(db);
  // Facet filters (theme = ECON, keyword = x, …) read the tokens through this index when they are
  // selective; a page in title, last-modified or newest order walks one of the others until it is full.
  await sql`create index dataset_facet_tokens_idx on dataset_facet using gin (tokens)`.execute(db);
  await sql`create index dataset_facet_title_idx on dataset_facet (sort_title, dataset_id) where deleted_at is null`.execute(db);
  await sql`create index dataset_facet_modified_idx on dataset_facet (updated_at desc, dataset_id) where deleted_at is null`.execute(db);
  await sql`create index dataset_facet_created_idx on dataset_facet (created_at desc, dataset_id) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`drop trigger if exists dataset_facet_sync on distribution`.execute(db);
  await sql`drop trigger if exists dataset_facet_sync on dataset`.execute(db);
  await sql`drop function if exists dataset_facet_sync_dataset()`.execute(db);
  await sql`drop function if exists dataset_facet_sync_distribution()`.execute(db);
  await sql`drop table dataset_facet`.execute(db);
  await sql`drop function if exists dataset_facet_refresh(text[])`.execute(db);
  await sql`drop function if exists dataset_facet_licences(text)`.execute(db);
  await sql`drop function if exists dataset_facet_tokens(text, jsonb)`.execute(db);
}
