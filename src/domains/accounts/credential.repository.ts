// All SQL on sessions, API tokens and single-use e-mail tokens.
import type { Kysely } from 'kysely';
import type { AccountsTables, ApiTokenTable, EmailTokenPurpose, EmailTokenTable, SessionTable } from './accounts.table.js';

type Db = Kysely<AccountsTables>;

export const sessionRepository = {
  async insert(db: Db, row: SessionTable): Promise<void> {
    await db.insertInto('session').values(row).execute();
  },
  findValidByHash(db: Db, tokenHash: string, nowIso: string) {
    return db.selectFrom('session').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', nowIso).executeTakeFirst();
  },
  async touch(db: Db, id: string, nowIso: string): Promise<void> {
    await db.updateTable('session').set({ last_seen_at: nowIso }).where('id', '=', id).execute();
  },
  async deleteByHash(db: Db, tokenHash: string): Promise<void> {
    await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
  },
  async deleteForUser(db: Db, userId: string, exceptId?: string): Promise<void> {
    let query = db.deleteFrom('session').where('user_id', '=', userId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    await query.execute();
  },
  listForUser(db: Db, userId: string) {
    return db.selectFrom('session').select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent']).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  },
  async deleteExpired(db: Db, nowIso: string): Promise<number> {
    const result = await db.deleteFrom('session').where('expires_at', '<=', nowIso).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

export const apiTokenRepository = {
  async insert(db: Db, row: ApiTokenTable): Promise<void> {
    await db.insertInto('api_token').values(row).execute();
  },
  findActiveByHash(db: Db, tokenHash: string) {
    return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  },
  listForUser(db: Db, userId: string) {
    return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  },
  findForUser(db: Db, userId: string, id: string) {
    return db.selectFrom('api_token').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  },
  async revoke(db: Db, id: string, nowIso: string): Promise<void> {
    await db.updateTable('api_token').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  },
  async markUsed(db: Db, id: string, nowIso: string): Promise<void> {
    await db.updateTable('api_token').set({ last_used_at: nowIso }).where('id', '=', id).execute();
  },
};

export const emailTokenRepository = {
  async insert(db: Db, row: EmailTokenTable): Promise<void> {
    await db.insertInto('email_token').values(row).execute();
  },
  findByHash(db: Db, tokenHash: string, purpose: EmailTokenPurpose) {
    return db.selectFrom('email_token').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
  },
  /** Marks a token used; false when it was already used (two clicks racing: only one wins). */
  async markUsed(db: Db, id: string, nowIso: string): Promise<boolean> {
    const result = await db.updateTable('email_token').set({ used_at: nowIso }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async invalidateForUser(db: Db, userId: string, purpose: EmailTokenPurpose, nowIso: string): Promise<void> {
    await db.updateTable('email_token').set({ used_at: nowIso }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  },
};
