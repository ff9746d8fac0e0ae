// All SQL of harvest sources, runs and missing datasets. No authorisation, no other domain.
import type { Kysely, Transaction } from 'kysely';
import type { HarvestMissingTable, HarvestRunTable, HarvestSourceTable, HarvestTables } from './harvest.table.js';

type Db = Kysely<HarvestTables> | Transaction<HarvestTables>;
export type HarvestSourceRow = HarvestSourceTable;
export type HarvestRunRow = HarvestRunTable;
export type HarvestMissingRow = HarvestMissingTable;
export type RunCounts = Pick<HarvestRunRow, 'created_count' | 'updated_count' | 'unchanged_count' | 'withdrawn_count' | 'failed_count'>;

export const harvestRepository = {
  async insertSource(db: Db, row: HarvestSourceRow): Promise<void> {
    await db.insertInto('harvest_source').values(row).execute();
  },

  findSource(db: Db, id: string): Promise<HarvestSourceRow | undefined> {
    return db.selectFrom('harvest_source').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findSourceByUrl(db: Db, organizationId: string, type: string, url: string): Promise<HarvestSourceRow | undefined> {
    return db.selectFrom('harvest_source').selectAll().where('organization_id', '=', organizationId).where('type', '=', type as HarvestSourceRow['type']).where('url', '=', url).executeTakeFirst();
  },

  /** The source whose datasets carry this catalog source id (they are read-only). */
  sourceByImportSourceId(db: Db, importSourceId: string): Promise<Pick<HarvestSourceRow, 'id' | 'url'> | undefined> {
    return db.selectFrom('harvest_source').select(['id', 'url']).where('import_source_id', '=', importSourceId).executeTakeFirst();
  },

  sources(db: Db, organizationId?: string): Promise<HarvestSourceRow[]> {
    let query = db.selectFrom('harvest_source').selectAll().orderBy('created_at').orderBy('id');
    if (organizationId) query = query.where('organization_id', '=', organizationId);
    return query.execute();
  },

  async deleteSource(db: Db, id: string): Promise<void> {
    await db.deleteFrom('harvest_source').where('id', '=', id).execute();
  },

  async updateSource(db: Db, id: string, values: Partial<HarvestSourceRow>): Promise<void> {
    await db.updateTable('harvest_source').set(values).where('id', '=', id).execute();
  },

  /** Sources whose scheduled run is due. */
  dueSources(db: Db, nowIso: string): Promise<HarvestSourceRow[]> {
    return db.selectFrom('harvest_source').selectAll().where('next_run_at', '<=', nowIso).execute();
  },

  /** Moves a source's next run forward if no one else did; true for whoever did. */
  async advanceSchedule(db: Db, id: string, expected: string, next: string): Promise<boolean> {
    const result = await db.updateTable('harvest_source').set({ next_run_at: next }).where('id', '=', id).where('next_run_at', '=', expected).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * Starts a run if no other run of the source holds it (none, or one whose lease ran out: its
   * process died, and that run is marked failed). One conditional update of the source row decides,
   * so two processes never both start one. Returns the run left by a dead process, if any.
   */
  async claim(db: Kysely<HarvestTables>, run: HarvestRunRow, leaseUntil: string, abandonedError: string): Promise<{ claimed: false } | { claimed: true; abandoned: string | null }> {
    return db.transaction().execute(async (trx) => {
      const source = await trx.selectFrom('harvest_source').select(['running_run_id', 'lease_until']).where('id', '=', run.source_id).executeTakeFirst();
      if (!source) return { claimed: false as const };
      if (source.running_run_id && source.lease_until !== null && source.lease_until >= run.started_at) return { claimed: false as const };
      let update = trx.updateTable('harvest_source').set({ running_run_id: run.id, lease_until: leaseUntil }).where('id', '=', run.source_id);
      update = source.running_run_id ? update.where('running_run_id', '=', source.running_run_id).where('lease_until', '<', run.started_at) : update.where('running_run_id', 'is', null);
      const moved = await update.executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return { claimed: false as const };
      if (source.running_run_id) {
        await trx
          .updateTable('harvest_run')
          .set({ status: 'failed', finished_at: run.started_at, errors: JSON.stringify([abandonedError]) })
          .where('id', '=', source.running_run_id)
          .where('status', '=', 'running')
          .execute();
      }
      await trx.insertInto('harvest_run').values(run).execute();
      return { claimed: true as const, abandoned: source.running_run_id };
    });
  },

  /** Keeps holding the source (and writes the counts so far); false when the run lost it. */
  async renewLease(db: Db, sourceId: string, runId: string, leaseUntil: string, counts: Partial<RunCounts>): Promise<boolean> {
    const result = await db.updateTable('harvest_source').set({ lease_until: leaseUntil }).where('id', '=', sourceId).where('running_run_id', '=', runId).executeTakeFirst();
    if (Object.keys(counts).length) await db.updateTable('harvest_run').set(counts).where('id', '=', runId).execute();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Ends a run and lets go of its source. */
  async finishRun(db: Kysely<HarvestTables>, run: Pick<HarvestRunRow, 'id' | 'source_id'>, values: Partial<HarvestRunRow>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('harvest_run').set(values).where('id', '=', run.id).execute();
      await trx.updateTable('harvest_source').set({ running_run_id: null, lease_until: null, last_run_id: run.id }).where('id', '=', run.source_id).where('running_run_id', '=', run.id).execute();
    });
  },

  findRun(db: Db, id: string): Promise<HarvestRunRow | undefined> {
    return db.selectFrom('harvest_run').selectAll().where('id', '=', id).executeTakeFirst();
  },

  runsOf(db: Db, sourceId: string, limit: number, offset: number): Promise<HarvestRunRow[]> {
    return db.selectFrom('harvest_run').selectAll().where('source_id', '=', sourceId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  },

  async countRuns(db: Db, sourceId: string): Promise<number> {
    const row = await db.selectFrom('harvest_run').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', sourceId).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  missingOf(db: Db, sourceId: string): Promise<HarvestMissingRow[]> {
    return db.selectFrom('harvest_missing').selectAll().where('source_id', '=', sourceId).execute();
  },

  async markMissing(db: Db, sourceId: string, datasetIds: string[], nowIso: string): Promise<void> {
    for (let i = 0; i < datasetIds.length; i += 500) {
      const part = datasetIds.slice(i, i + 500).map((dataset_id) => ({ source_id: sourceId, dataset_id, missing_since: nowIso, withdrawn_at: null }));
      await db.insertInto('harvest_missing').values(part).onConflict((oc) => oc.columns(['source_id', 'dataset_id']).doNothing()).execute();
    }
  },

  async clearMissing(db: Db, sourceId: string, datasetIds: string[]): Promise<void> {
    for (let i = 0; i < datasetIds.length; i += 500) await db.deleteFrom('harvest_missing').where('source_id', '=', sourceId).where('dataset_id', 'in', datasetIds.slice(i, i + 500)).execute();
  },

  async markWithdrawn(db: Db, sourceId: string, datasetId: string, nowIso: string): Promise<void> {
    await db.updateTable('harvest_missing').set({ withdrawn_at: nowIso }).where('source_id', '=', sourceId).where('dataset_id', '=', datasetId).execute();
  },
};
