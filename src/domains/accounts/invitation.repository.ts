// All SQL on invitations.
import type { Kysely } from 'kysely';
import type { AccountsTables, InvitationTable } from './accounts.table.js';

type Db = Kysely<AccountsTables>;

export const invitationRepository = {
  async insert(db: Db, row: InvitationTable): Promise<void> {
    await db.insertInto('invitation').values(row).execute();
  },
  findByHash(db: Db, tokenHash: string) {
    return db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },
  findById(db: Db, id: string) {
    return db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** An open (not accepted, revoked or expired) invitation for this e-mail address, if any. */
  findOpenForEmail(db: Db, email: string, nowIso: string) {
    return db
      .selectFrom('invitation')
      .selectAll()
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  },
  listOpen(db: Db, filter: { organizationId?: string | null }, nowIso: string) {
    let query = db.selectFrom('invitation').selectAll().where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', nowIso);
    if (filter.organizationId !== undefined) {
      query = filter.organizationId === null ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', filter.organizationId);
    }
    return query.orderBy('created_at', 'desc').execute();
  },
  async markAccepted(db: Db, id: string, userId: string, nowIso: string): Promise<boolean> {
    const result = await db
      .updateTable('invitation')
      .set({ accepted_at: nowIso, accepted_by: userId })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async revoke(db: Db, id: string, nowIso: string): Promise<void> {
    await db.updateTable('invitation').set({ revoked_at: nowIso }).where('id', '=', id).where('accepted_at', 'is', null).execute();
  },
};
