// All SQL on the catalog: the three resource tables (one code path for all), distributions, the
// relations beside them and the revisions. No authorisation here; services decide.
import type { Kysely } from 'kysely';
import type { ResourceKind } from './catalog.model.js';
import { tableOfKind, type CatalogRevisionTable, type CatalogTables, type DistributionTable, type ResourceRow } from './catalog.table.js';

export type { ResourceRow };

type Db = Kysely<CatalogTables>;
export type DistributionRow = DistributionTable;
export type RevisionRow = CatalogRevisionTable;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResourceListQuery {
  /** Only this organisation's resources. */
  organizationId?: string | undefined;
  /** Include drafts and private resources of these organisations (the viewer's own); 'all' for site admins. */
  insiderOf: readonly string[] | 'all';
  status?: 'draft' | 'published' | undefined;
  hvd?: boolean | undefined;
  seriesId?: string | undefined;
  ids?: readonly string[] | undefined;
  sort: 'title' | 'modified' | 'newest';
  limit: number;
  offset: number;
}

/** Which unique column a failed write collided with, if that is what failed. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export const catalogRepository = {
  async findByIdOrSlug(db: Db, kind: ResourceKind, idOrSlug: string): Promise<ResourceRow | undefined> {
    const table = tableOfKind[kind];
    const byId = UUID.test(idOrSlug) ? await db.selectFrom(table).selectAll().where('id', '=', idOrSlug.toLowerCase()).executeTakeFirst() : undefined;
    return (byId as ResourceRow | undefined) ?? ((await db.selectFrom(table).selectAll().where('slug', '=', idOrSlug).executeTakeFirst()) as ResourceRow | undefined);
  },

  async slugTaken(db: Db, kind: ResourceKind, slug: string, exceptId?: string): Promise<boolean> {
    let query = db.selectFrom(tableOfKind[kind]).select('id').where('slug', '=', slug);
    if (exceptId) query = query.where('id', '<>', exceptId);
    return Boolean(await query.executeTakeFirst());
  },

  async insert(db: Db, kind: ResourceKind, row: ResourceRow): Promise<void> {
    await db.insertInto(tableOfKind[kind]).values(row as never).execute();
  },

  /** Writes `row` only if the stored revision is still `expectedRevision`; false when someone else wrote first. */
  async updateAtRevision(db: Db, kind: ResourceKind, row: ResourceRow, expectedRevision: number): Promise<boolean> {
    const { id, ...values } = row;
    const result = await db
      .updateTable(tableOfKind[kind])
      .set(values as never)
      .where('id', '=', id)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async list(db: Db, kind: ResourceKind, query: ResourceListQuery): Promise<{ items: ResourceRow[]; total: number }> {
    let base = db.selectFrom(tableOfKind[kind] as 'dataset').where('deleted_at', 'is', null);
    if (query.organizationId) base = base.where('organization_id', '=', query.organizationId);
    if (query.status) base = base.where('status', '=', query.status);
    if (query.hvd !== undefined) base = base.where('hvd', '=', query.hvd ? 1 : 0);
    if (query.seriesId) base = base.where('series_id', '=', query.seriesId);
    if (query.ids) base = query.ids.length ? base.where('id', 'in', [...query.ids]) : base.where('id', '=', '');
    if (query.insiderOf !== 'all') {
      const insiderOf = [...query.insiderOf];
      base = base.where((eb) => {
        const open = eb.and([eb('status', '=', 'published'), eb('visibility', '=', 'public')]);
        return insiderOf.length ? eb.or([open, eb('organization_id', 'in', insiderOf)]) : open;
      });
    }
    let ordered = base.selectAll();
    if (query.sort === 'modified') ordered = ordered.orderBy('updated_at', 'desc');
    else if (query.sort === 'newest') ordered = ordered.orderBy('created_at', 'desc');
    else ordered = ordered.orderBy('sort_title');
    const [items, count] = await Promise.all([
      ordered.orderBy('id').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: items as ResourceRow[], total: Number(count.n) };
  },

  /** Raises the catalog's change counter: call in the transaction of every catalog write. */
  async bumpVersion(db: Db): Promise<void> {
    await db.updateTable('catalog_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
  },

  /**
   * What every cached public answer depends on, as one string: the catalog's change counter and the
   * latest organisation change (their names appear in answers). Two indexed single-row reads.
   */
  async version(db: Db): Promise<string> {
    const row = await db
      .selectFrom('catalog_version')
      .select((eb) => ['version', eb.selectFrom('organization').select((o) => o.fn.max('updated_at').as('m')).as('organizations')])
      .where('id', '=', 1)
      .executeTakeFirst();
    return `${row?.version ?? 0}|${String(row?.organizations ?? '')}`;
  },

  distributionsOf(db: Db, datasetId: string): Promise<DistributionRow[]> {
    return db.selectFrom('distribution').selectAll().where('dataset_id', '=', datasetId).orderBy('position').orderBy('id').execute();
  },

  distributionsOfMany(db: Db, datasetIds: readonly string[]): Promise<DistributionRow[]> {
    if (datasetIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('distribution').selectAll().where('dataset_id', 'in', [...datasetIds]).orderBy('position').orderBy('id').execute();
  },

  async replaceDistributions(db: Db, datasetId: string, rows: DistributionRow[]): Promise<void> {
    await db.deleteFrom('distribution').where('dataset_id', '=', datasetId).execute();
    if (rows.length) await db.insertInto('distribution').values(rows).execute();
  },

  async insertDistribution(db: Db, row: DistributionRow): Promise<void> {
    await db.insertInto('distribution').values(row).execute();
  },

  async updateDistribution(db: Db, row: DistributionRow): Promise<void> {
    const { id, ...values } = row;
    await db.updateTable('distribution').set(values).where('id', '=', id).execute();
  },

  async deleteDistribution(db: Db, id: string): Promise<void> {
    await db.deleteFrom('distribution').where('id', '=', id).execute();
  },

  /** Is any distribution still pointing at this file? (Files are shared by content.) */
  async fileInUse(db: Db, sha256: string): Promise<boolean> {
    return Boolean(await db.selectFrom('distribution').select('id').where('file_sha256', '=', sha256).executeTakeFirst());
  },

  async setServedDatasets(db: Db, dataServiceId: string, datasetIds: readonly string[]): Promise<void> {
    await db.deleteFrom('served_dataset').where('data_service_id', '=', dataServiceId).execute();
    if (datasetIds.length) await db.insertInto('served_dataset').values(datasetIds.map((dataset_id) => ({ data_service_id: dataServiceId, dataset_id }))).execute();
  },

  /** The data services (not deleted) that serve a dataset. */
  async servicesServing(db: Db, datasetId: string): Promise<ResourceRow[]> {
    return (await db
      .selectFrom('data_service')
      .innerJoin('served_dataset', 'served_dataset.data_service_id', 'data_service.id')
      .selectAll('data_service')
      .where('served_dataset.dataset_id', '=', datasetId)
      .where('data_service.deleted_at', 'is', null)
      .orderBy('data_service.sort_title')
      .execute()) as ResourceRow[];
  },

  async insertRevision(db: Db, row: RevisionRow): Promise<void> {
    await db.insertInto('catalog_revision').values(row).execute();
  },

  revisionsOf(db: Db, kind: ResourceKind, resourceId: string): Promise<RevisionRow[]> {
    return db.selectFrom('catalog_revision').selectAll().where('resource_kind', '=', kind).where('resource_id', '=', resourceId).orderBy('revision', 'desc').execute();
  },

  revisionOf(db: Db, kind: ResourceKind, resourceId: string, revision: number): Promise<RevisionRow | undefined> {
    return db
      .selectFrom('catalog_revision')
      .selectAll()
      .where('resource_kind', '=', kind)
      .where('resource_id', '=', resourceId)
      .where('revision', '=', revision)
      .executeTakeFirst();
  },
};
