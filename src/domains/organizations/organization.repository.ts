// All SQL on organisations.
import { sql, type Kysely } from 'kysely';
import { swedishSortKey } from '../../platform/swedish-sort.js';
import type { OrganizationsTables, OrganizationTable, OrganizationType } from './organizations.table.js';


type Db = Kysely<OrganizationsTables>;
export type OrganizationRow = OrganizationTable;
/** A row as services write it: the repository derives the search text and sort key. */
export type OrganizationWrite = Omit<OrganizationRow, 'search_text' | 'sort_name'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the list's search looks in: slug, both names and the organisation number, lower-cased. */
export function searchTextOf(row: Pick<OrganizationRow, 'slug' | 'name_sv' | 'name_en' | 'org_number'>): string {
  const orgNumber = row.org_number ? `${row.org_number} ${row.org_number.slice(0, 6)}-${row.org_number.slice(6)}` : '';
  return [row.slug, row.name_sv, row.name_en ?? '', orgNumber].join(' ').normalize('NFC').toLocaleLowerCase('sv');
}

function derived(row: OrganizationWrite): OrganizationRow {
  return { ...row, search_text: searchTextOf(row), sort_name: swedishSortKey(row.name_sv) };
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface OrganizationListQuery {
  q?: string | undefined;
  type?: OrganizationType | undefined;
  limit: number;
  offset: number;
}

/** Which unique column a failed insert or update collided with, if that is what failed. */
export function uniqueViolationOf(error: unknown): 'slug' | 'org_number' | undefined {
  const e = error as { code?: string; constraint?: string; message?: string } | undefined;
  const unique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!unique) return undefined;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (text.includes('org_number')) return 'org_number';
  if (text.includes('slug')) return 'slug';
  return undefined;
}

export const organizationRepository = {
  findById(db: Db, id: string) {
    return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findBySlug(db: Db, slug: string) {
    return db.selectFrom('organization').selectAll().where('slug', '=', slug).executeTakeFirst();
  },
  /** By id when it looks like one (ids are UUIDs, slugs never are), else by slug. */
  async findByIdOrSlug(db: Db, idOrSlug: string): Promise<OrganizationRow | undefined> {
    if (UUID.test(idOrSlug)) return (await organizationRepository.findById(db, idOrSlug.toLowerCase())) ?? organizationRepository.findBySlug(db, idOrSlug);
    return organizationRepository.findBySlug(db, idOrSlug);
  },
  async slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('organization').select('id').where('slug', '=', slug);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return Boolean(await query.executeTakeFirst());
  },
  async orgNumberTaken(db: Db, orgNumber: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom('organization').select('id').where('org_number', '=', orgNumber);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return Boolean(await query.executeTakeFirst());
  },
  async insert(db: Db, row: OrganizationWrite): Promise<OrganizationRow> {
    const full = derived(row);
    await db.insertInto('organization').values(full).execute();
    return full;
  },
  /** Writes `after` (a whole row) over the row with its id. */
  async update(db: Db, after: OrganizationWrite): Promise<OrganizationRow> {
    const full = derived(after);
    const { id, ...changes } = full;
    await db.updateTable('organization').set(changes).where('id', '=', id).execute();
    return full;
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('organization').where('id', '=', id).execute();
  },
  /**
   * Takes the organisation's row lock until the transaction ends (a no-op update: PostgreSQL locks
   * the row, SQLite the database), so concurrent member changes of one organisation serialise.
   */
  async lock(db: Db, id: string): Promise<void> {
    await db
      .updateTable('organization')
      .set((eb) => ({ slug: eb.ref('slug') }))
      .where('id', '=', id)
      .execute();
  },
  async list(db: Db, query: OrganizationListQuery): Promise<{ items: OrganizationRow[]; total: number }> {
    let base = db.selectFrom('organization');
    const words = (query.q ?? '').normalize('NFC').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean).slice(0, 10);
    for (const word of words) base = base.where(sql<boolean>`search_text like ${likePattern(word)} escape '\\'`);
    if (query.type) base = base.where('type', '=', query.type);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('sort_name').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  /** Ids and names of some organisations (for the memberships of a user). */
  findMany(db: Db, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as OrganizationRow[]);
    return db.selectFrom('organization').selectAll().where('id', 'in', ids).execute();
  },
};
