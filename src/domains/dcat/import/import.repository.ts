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
      .select(['id', 'organization_id', 'source', 'source_id', 'status', 'content_hash', 'error', 'created_count', 'updated_count', 'unchanged_count', 'failed_count', 'warning_count', 'created_by', 'started_at', 'finished_at'])
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
