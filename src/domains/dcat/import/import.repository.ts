// All SQL on the import's own tables: runs (with their reports) and the publishers earlier runs
// matched or created organisations for.
import type { Kysely } from 'kysely';
import type { ImportRunTable, ImportTables } from './import.table.js';

type Db = Kysely<ImportTables>;
export type ImportRunRow = ImportRunTable;
export type ImportRunSummary = Omit<ImportRunTable, 'report'>;

export const importRepository = {
  async insertRun(db: Db, row: ImportRunRow): Promise<void> {
    await db.insertInto('import_run').values(row).execute();
  },

  async finishRun(db: Db, id: string, values: Partial<Omit<ImportRunRow, 'id'>>): Promise<void> {
    await db.updateTable('import_run').set(values).where('id', '=', id).execute();
  },

  findRun(db: Db, id: string): Promise<ImportRunRow | undefined> {
    return db.selectFrom('import_run').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The newest runs into an organisation (without their reports). */
  runsOf(db: Db, organizationId: string, limit: number): Promise<ImportRunSummary[]> {
    return db
      .selectFrom('import_run')
      .select(['id', 'organization_id', 'source', 'source_id', 'status', 'content_hash', 'error', 'created_count', 'updated_count', 'unchanged_count', 'failed_count', 'warning_count', 'created_by', 'started_at', 'finished_at', 'lease_until', 'attempts'])
      .where('organization_id', '=', organizationId)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The latest successful run of this source, organisation and content (see the service's fast path). */
  latestRunWithContent(db: Db, sourceId: string, organizationId: string | null, contentHash: string): Promise<ImportRunRow | undefined> {
    let query = db.selectFrom('import_run').selectAll().where('source_id', '=', sourceId).where('content_hash', '=', contentHash).where('status', '=', 'succeeded');
    query = organizationId ? query.where('organization_id', '=', organizationId) : query.where('organization_id', 'is', null);
    return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  /**
   * A worker takes a queued run (or one a dead worker left running: its lease ran out) unless the
   * run is finished, another worker holds it, or another run of the organisation is running (a
   * live lease, or a CLI run — no lease — started since `cliRunsFrom`). One transaction that first
   * writes every unfinished run of the organisation: on PostgreSQL those row locks make two
   * workers deciding about the same organisation wait for each other; SQLite has one writer.
   */
  async claimRun(db: Db, id: string, organizationId: string, at: { now: string; leaseUntil: string; cliRunsFrom: string }): Promise<'claimed' | 'busy' | 'done' | 'missing'> {
    return db.transaction().execute(async (trx) => {
      await trx
        .updateTable('import_run')
        .set((eb) => ({ lease_until: eb.ref('lease_until') }))
        .where('organization_id', '=', organizationId)
        .where('status', 'in', ['queued', 'running'])
        .execute();
      const run = await trx.selectFrom('import_run').select(['status', 'lease_until']).where('id', '=', id).executeTakeFirst();
      if (!run) return 'missing';
      if (run.status === 'succeeded' || run.status === 'failed') return 'done';
      if (run.status === 'running' && run.lease_until && run.lease_until > at.now) return 'busy';
      const other = await trx
        .selectFrom('import_run')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', '!=', id)
        .where('status', '=', 'running')
        .where((eb) => eb.or([eb('lease_until', '>', at.now), eb.and([eb('lease_until', 'is', null), eb('started_at', '>', at.cliRunsFrom)])]))
        .limit(1)
        .executeTakeFirst();
      if (other) return 'busy';
      await trx
        .updateTable('import_run')
        .set((eb) => ({ status: 'running', lease_until: at.leaseUntil, started_at: at.now, attempts: eb('attempts', '+', 1), error: null, finished_at: null }))
        .where('id', '=', id)
        .execute();
      return 'claimed';
    });
  },

  /** Extends a running run's lease and records its progress; false when it is no longer running. */
  async renewLease(db: Db, id: string, leaseUntil: string, progress: Partial<Pick<ImportRunRow, 'created_count' | 'updated_count' | 'unchanged_count' | 'failed_count' | 'warning_count'>>): Promise<boolean> {
    const result = await db.updateTable('import_run').set({ lease_until: leaseUntil, ...progress }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Runs left 'running' by workers that died on their last attempt: failed, with `error`. */
  async failAbandoned(db: Db, organizationId: string, at: { now: string; maxAttempts: number; error: string }): Promise<void> {
    await db
      .updateTable('import_run')
      .set({ status: 'failed', error: at.error, finished_at: at.now, lease_until: null })
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'running')
      .where('lease_until', '<', at.now)
      .where('attempts', '>=', at.maxAttempts)
      .execute();
  },

  async publisherOrganization(db: Db, key: string): Promise<string | undefined> {
    return (await db.selectFrom('import_publisher').select('organization_id').where('publisher_key', '=', key).executeTakeFirst())?.organization_id;
  },

  async rememberPublisher(db: Db, key: string, organizationId: string, nowIso: string): Promise<void> {
    await db
      .insertInto('import_publisher')
      .values({ publisher_key: key, organization_id: organizationId, created_at: nowIso })
      .onConflict((oc) => oc.column('publisher_key').doUpdateSet({ organization_id: organizationId }))
      .execute();
  },
};
