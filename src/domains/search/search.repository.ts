// All SQL of the search domain. It reads the catalog's tables (datasets, distributions,
// organisations, the change counter) to feed the index — never writes them — and writes its own
// search_miss table.
import type { Kysely } from 'kysely';
import { searchDocumentOf, type DatasetRowLike } from './search.documents.js';
import type { SearchDocument, SearchOrganization } from './search.model.js';
import type { SearchMissTable, SearchTables } from './search.table.js';

type Db = Kysely<SearchTables>;

const DATASET_COLUMNS = ['id', 'slug', 'organization_id', 'status', 'visibility', 'hvd', 'revision', 'sort_title', 'metadata', 'created_at', 'updated_at'] as const;

export interface DatasetStamp {
  id: string;
  revision: number;
  updated_at: string;
  deleted_at: string | null;
}

async function documentsOf(db: Db, rows: DatasetRowLike[]): Promise<SearchDocument[]> {
  if (rows.length === 0) return [];
  const distributions = await db
    .selectFrom('distribution')
    .select(['dataset_id', 'metadata'])
    .where('dataset_id', 'in', rows.map((r) => r.id))
    .orderBy('dataset_id')
    .orderBy('position')
    .execute();
  const byDataset = new Map<string, string[]>();
  for (const d of distributions) (byDataset.get(d.dataset_id) ?? byDataset.set(d.dataset_id, []).get(d.dataset_id)!).push(d.metadata);
  return rows.map((row) => searchDocumentOf(row, byDataset.get(row.id) ?? []));
}

export const searchRepository = {
  /**
   * What the index depends on, as "catalog|organisations|generation": the catalog's change counter,
   * the latest organisation change (as public-cache.ts reads them) and the reindex generation.
   */
  async version(db: Db): Promise<string> {
    const row = await db
      .selectFrom('catalog_version')
      .select((eb) => [
        'version',
        eb.selectFrom('organization').select((o) => o.fn.max('updated_at').as('m')).as('organizations'),
        eb.selectFrom('search_state').select('generation').where('search_state.id', '=', 1).as('generation'),
      ])
      .where('catalog_version.id', '=', 1)
      .executeTakeFirst();
    return `${row?.version ?? 0}|${String(row?.organizations ?? '')}|${row?.generation ?? 0}`;
  },

  /** Asks every process to build its index again (allmanning reindex). */
  async bumpGeneration(db: Db): Promise<void> {
    await db.updateTable('search_state').set((eb) => ({ generation: eb('generation', '+', 1) })).where('id', '=', 1).execute();
  },

  async organizations(db: Db): Promise<SearchOrganization[]> {
    const rows = await db.selectFrom('organization').select(['id', 'slug', 'name_sv', 'name_en', 'type', 'updated_at']).execute();
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: { sv: r.name_sv, ...(r.name_en ? { en: r.name_en } : {}) }, type: r.type, updatedAt: r.updated_at }));
  },

  async countDatasets(db: Db): Promise<number> {
    const row = await db.selectFrom('dataset').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Datasets that are not deleted, in id order after `afterId`, with their distributions. */
  async datasetsAfter(db: Db, afterId: string, limit: number): Promise<SearchDocument[]> {
    const rows = await db.selectFrom('dataset').select(DATASET_COLUMNS).where('deleted_at', 'is', null).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return documentsOf(db, rows as DatasetRowLike[]);
  },

  /** These datasets, unless deleted. */
  async datasetsByIds(db: Db, ids: readonly string[]): Promise<SearchDocument[]> {
    const out: SearchDocument[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('dataset')
        .select(DATASET_COLUMNS)
        .where('deleted_at', 'is', null)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      out.push(...(await documentsOf(db, rows as DatasetRowLike[])));
    }
    return out;
  },

  /** Every dataset changed at or after `since` (deleted ones included), as id + revision. */
  changedSince(db: Db, since: string): Promise<DatasetStamp[]> {
    return db.selectFrom('dataset').select(['id', 'revision', 'updated_at', 'deleted_at']).where('updated_at', '>=', since).execute();
  },

  /** Every dataset's id and revision (deleted ones included): the periodic full comparison. */
  stamps(db: Db): Promise<DatasetStamp[]> {
    return db.selectFrom('dataset').select(['id', 'revision', 'updated_at', 'deleted_at']).execute();
  },

  misses(db: Db, limit: number): Promise<SearchMissTable[]> {
    return db.selectFrom('search_miss').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  async recordMiss(db: Db, row: SearchMissTable): Promise<void> {
    await db.insertInto('search_miss').values(row).execute();
  },
};
