// All SQL on memberships (members' names and e-mail addresses are read from the user table the
// organisations domain sees through the same database; see organizations.table.ts).
import type { Kysely } from 'kysely';
import type { OrganizationRole } from '../../platform/auth/actor.js';
import type { MembershipTable, OrganizationsTables } from './organizations.table.js';

type Db = Kysely<OrganizationsTables>;

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: OrganizationRole;
  created_at: string;
  updated_at: string;
}

export const membershipRepository = {
  /** organisation id → role, for one user (the actor's roles). */
  async rolesOf(db: Db, userId: string): Promise<Record<string, OrganizationRole>> {
    const rows = await db.selectFrom('membership').select(['organization_id', 'role']).where('user_id', '=', userId).execute();
    return Object.fromEntries(rows.map((r) => [r.organization_id, r.role]));
  },
  find(db: Db, organizationId: string, userId: string) {
    return db.selectFrom('membership').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  },
  /** Adds a member, or changes the role of an existing one. */
  async upsert(db: Db, row: MembershipTable): Promise<void> {
    await db
      .insertInto('membership')
      .values(row)
      .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ role: row.role, updated_at: row.updated_at }))
      .execute();
  },
  async updateRole(db: Db, organizationId: string, userId: string, role: OrganizationRole, nowIso: string): Promise<void> {
    await db.updateTable('membership').set({ role, updated_at: nowIso }).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
  },
  async delete(db: Db, organizationId: string, userId: string): Promise<void> {
    await db.deleteFrom('membership').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
  },
  /** Members with their names and e-mail addresses: admins first, then editors, then members; by name. */
  async list(db: Db, organizationId: string, page: { limit: number; offset: number }): Promise<{ items: MemberRow[]; total: number }> {
    const [items, total] = await Promise.all([
      db
        .selectFrom('membership')
        .innerJoin('user', 'user.id', 'membership.user_id')
        .select(['membership.user_id', 'user.name', 'user.email', 'membership.role', 'membership.created_at', 'membership.updated_at'])
        .where('membership.organization_id', '=', organizationId)
        .orderBy((eb) => eb.case().when('membership.role', '=', 'admin').then(0).when('membership.role', '=', 'editor').then(1).else(2).end())
        .orderBy('user.name')
        .orderBy('membership.user_id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      membershipRepository.count(db, organizationId),
    ]);
    return { items, total };
  },
  async count(db: Db, organizationId: string, role?: OrganizationRole): Promise<number> {
    let query = db.selectFrom('membership').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId);
    if (role) query = query.where('role', '=', role);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  /** A member of the organisation with name and e-mail, if `userId` is one. */
  findMember(db: Db, organizationId: string, userId: string): Promise<MemberRow | undefined> {
    return db
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['membership.user_id', 'user.name', 'user.email', 'membership.role', 'membership.created_at', 'membership.updated_at'])
      .where('membership.organization_id', '=', organizationId)
      .where('membership.user_id', '=', userId)
      .executeTakeFirst();
  },
  /** The account with this (normalised) e-mail address, to add it as a member. */
  findUserByEmail(db: Db, email: string) {
    return db.selectFrom('user').select(['id', 'name', 'email']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  },
  /** One user's memberships with the organisations' slugs and names (personal-data export). */
  listForUser(db: Db, userId: string) {
    return db
      .selectFrom('membership')
      .innerJoin('organization', 'organization.id', 'membership.organization_id')
      .select(['organization.id', 'organization.slug', 'organization.name_sv', 'organization.name_en', 'membership.role', 'membership.created_at', 'membership.updated_at'])
      .where('membership.user_id', '=', userId)
      .orderBy('organization.sort_name')
      .execute();
  },
};
