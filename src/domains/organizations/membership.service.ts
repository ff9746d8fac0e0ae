// Members of an organisation: who belongs with which role, direct adds, role changes, removal,
// invitations by e-mail (sent by the accounts domain once our policy allowed them), and joining
// when an invitation is accepted. An organisation never loses its last admin.
import { organizationRoles, type Actor, type OrganizationRole } from '../../platform/auth/actor.js';
import { recordActivity } from '../../platform/activity.js';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import type { InvitationView } from '../accounts/index.js';
import { membershipRepository, type MemberRow } from './membership.repository.js';
import { organizationPolicy } from './organization.policy.js';
import { organizationRepository, type OrganizationRow } from './organization.repository.js';
import { deny } from './organization.service.js';
import type { OrganizationsDeps } from './organizations.deps.js';

const RANK: Record<OrganizationRole, number> = { member: 1, editor: 2, admin: 3 };

export function isRole(value: unknown): value is OrganizationRole {
  return typeof value === 'string' && (organizationRoles as readonly string[]).includes(value);
}

function roleProblem(value: unknown): string {
  return value === undefined || value === null || value === '' ? 'validation.required' : 'validation.invalidChoice';
}

function parseRole(value: unknown): OrganizationRole {
  if (isRole(value)) return value;
  throw new ValidationError({ role: [roleProblem(value)] });
}

function lastAdmin(): ConflictError {
  return new ConflictError('An organisation must keep at least one admin.', 'last_admin', { role: ['organizations.validation.lastAdmin'] });
}

export interface MemberList {
  organization: OrganizationRow;
  total: number;
  items: MemberRow[];
}

export function createMembershipService(deps: OrganizationsDeps) {
  const { db, clock, accounts } = deps;

  async function load(idOrSlug: string): Promise<OrganizationRow> {
    const row = await organizationRepository.findByIdOrSlug(db, idOrSlug);
    if (!row) throw new NotFoundError();
    return row;
  }

  /**
   * The organisation, if the actor may see its members: 401 for the anonymous, 404 for anyone
   * else outside it (the member list of an organisation one is not in does not exist for one).
   */
  async function loadVisible(actor: Actor, idOrSlug: string): Promise<OrganizationRow> {
    if (actor.kind !== 'user') throw new UnauthorizedError();
    const org = await load(idOrSlug);
    if (!organizationPolicy.canViewMembers(actor, org.id)) throw new NotFoundError();
    return org;
  }

  /**
   * Sets `userId`'s role, adding them if they are not a member, under the organisation's lock.
   * `onlyRaise`: leave a membership whose role is already as high alone.
   */
  async function setRole(
    actorId: string | null,
    org: OrganizationRow,
    userId: string,
    role: OrganizationRole,
    options: { action: string; onlyRaise?: boolean; extra?: Record<string, unknown> },
  ) {
    const { action, onlyRaise = false, extra = {} } = options;
    return db.transaction().execute(async (trx) => {
      await organizationRepository.lock(trx, org.id);
      const before = await membershipRepository.find(trx, org.id, userId);
      if (before && (before.role === role || (onlyRaise && RANK[before.role] >= RANK[role]))) return { created: false, changed: false };
      if (before?.role === 'admin' && (await membershipRepository.count(trx, org.id, 'admin')) <= 1) throw lastAdmin();
      const nowIso = clock.now().toISOString();
      if (before) await membershipRepository.updateRole(trx, org.id, userId, role, nowIso);
      else await membershipRepository.upsert(trx, { organization_id: org.id, user_id: userId, role, created_at: nowIso, updated_at: nowIso });
      await recordActivity(trx, clock, {
        actorId,
        action: before ? 'organization.memberRoleChanged' : action,
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        diff: { userId, role: [before?.role ?? null, role], ...extra },
      });
      return { created: !before, changed: true };
    });
  }

  async function addByEmail(actorId: string | null, org: OrganizationRow, input: { email?: unknown; role?: unknown }) {
    const email = clean(input.email);
    const problems = new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email');
    if (!isRole(input.role)) problems.add('role', roleProblem(input.role));
    problems.throwIfAny();
    const user = await membershipRepository.findUserByEmail(db, email!);
    if (!user) throw new ValidationError({ email: ['organizations.validation.noSuchUser'] });
    const result = await setRole(actorId, org, user.id, input.role as OrganizationRole, { action: 'organization.memberAdded' });
    return { member: (await membershipRepository.findMember(db, org.id, user.id))!, created: result.created };
  }

  return {
    /** The members (visible to the organisation's members and site admins). */
    async list(actor: Actor, idOrSlug: string, page: { limit: number; offset: number } = { limit: 1000, offset: 0 }): Promise<MemberList> {
      const organization = await loadVisible(actor, idOrSlug);
      const { items, total } = await membershipRepository.list(db, organization.id, page);
      return { organization, total, items };
    },

    /** One member, as the list shows it. */
    async get(actor: Actor, idOrSlug: string, userId: string): Promise<{ organization: OrganizationRow; member: MemberRow }> {
      const organization = await loadVisible(actor, idOrSlug);
      const member = await membershipRepository.findMember(db, organization.id, userId);
      if (!member) throw new NotFoundError();
      return { organization, member };
    },

    /**
     * Adds the account with this e-mail address (which must exist; otherwise invite) with `role`,
     * or sets the role of someone already a member.
     */
    async add(actor: Actor, idOrSlug: string, input: { email?: unknown; role?: unknown }): Promise<{ member: MemberRow; created: boolean }> {
      const org = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canManageMembers(actor, org.id)) deny(actor);
      return addByEmail(actor.kind === 'user' ? actor.userId : null, org, input);
    },

    /** For the operator's CLI (`member add`): trusted, no actor. */
    async addAsOperator(idOrSlug: string, input: { email?: unknown; role?: unknown }): Promise<{ member: MemberRow; created: boolean; organization: OrganizationRow }> {
      const org = await load(idOrSlug);
      return { ...(await addByEmail(null, org, input)), organization: org };
    },

    async changeRole(actor: Actor, idOrSlug: string, userId: string, roleInput: unknown): Promise<MemberRow> {
      const org = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canManageMembers(actor, org.id)) deny(actor);
      const role = parseRole(roleInput);
      if (!(await membershipRepository.find(db, org.id, userId))) throw new NotFoundError();
      await setRole(actor.kind === 'user' ? actor.userId : null, org, userId, role, { action: 'organization.memberRoleChanged' });
      return (await membershipRepository.findMember(db, org.id, userId))!;
    },

    /** Removes a member (managers: anyone; members: themselves). The last admin stays. */
    async remove(actor: Actor, idOrSlug: string, userId: string): Promise<void> {
      const org = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canRemoveMember(actor, org.id, userId)) deny(actor);
      await db.transaction().execute(async (trx) => {
        await organizationRepository.lock(trx, org.id);
        const before = await membershipRepository.find(trx, org.id, userId);
        if (!before) throw new NotFoundError();
        if (before.role === 'admin' && (await membershipRepository.count(trx, org.id, 'admin')) <= 1) throw lastAdmin();
        await membershipRepository.delete(trx, org.id, userId);
        await recordActivity(trx, clock, {
          actorId: actor.kind === 'user' ? actor.userId : null,
          action: 'organization.memberRemoved',
          subjectType: 'organization',
          subjectId: org.id,
          organizationId: org.id,
          diff: { userId, role: [before.role, null] },
        });
      });
    },

    /** Invites someone by e-mail to join with `role`; the accounts domain sends the mail. */
    async invite(actor: Actor, idOrSlug: string, input: { email?: unknown; role?: unknown }, locale?: string): Promise<InvitationView> {
      const org = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canInvite(actor, org.id)) deny(actor);
      const email = clean(input.email);
      const problems = new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email');
      if (!isRole(input.role)) problems.add('role', roleProblem(input.role));
      problems.throwIfAny();
      const existing = await membershipRepository.findUserByEmail(db, email!);
      if (existing && (await membershipRepository.find(db, org.id, existing.id))) {
        throw new ConflictError('That person is already a member.', 'already_member', { email: ['organizations.validation.alreadyMember'] });
      }
      const { invitation } = await accounts.invitations.inviteToOrganization(actor, email, { organizationId: org.id, organizationName: locale === 'en' && org.name_en ? org.name_en : org.name_sv, role: input.role as OrganizationRole }, locale);
      await recordActivity(db, clock, {
        actorId: actor.kind === 'user' ? actor.userId : null,
        action: 'organization.memberInvited',
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        diff: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
      });
      return invitation;
    },

    /** Open invitations of the organisation (they carry e-mail addresses: managers only). */
    async listInvitations(actor: Actor, idOrSlug: string): Promise<{ organization: OrganizationRow; items: InvitationView[] }> {
      const organization = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canManageMembers(actor, organization.id)) deny(actor);
      return { organization, items: await accounts.invitations.listOpen({ organizationId: organization.id }) };
    },

    async revokeInvitation(actor: Actor, idOrSlug: string, invitationId: string): Promise<void> {
      const org = await loadVisible(actor, idOrSlug);
      if (!organizationPolicy.canRevokeInvitation(actor, org.id)) deny(actor);
      await accounts.invitations.revoke(invitationId, { organizationId: org.id });
      await recordActivity(db, clock, {
        actorId: actor.kind === 'user' ? actor.userId : null,
        action: 'organization.invitationRevoked',
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        diff: { invitationId },
      });
    },

    /**
     * An accepted invitation (event 'accounts.invitationAccepted'): the user joins with the role it
     * names. An existing membership is only ever raised, never lowered.
     */
    async joinFromInvitation(event: { invitationId: string; userId: string; organizationId: string | null; role: string | null; invitedBy: string | null }): Promise<void> {
      if (!event.organizationId) return;
      const org = await organizationRepository.findById(db, event.organizationId);
      if (!org) return; // deleted since the invitation was sent
      const role: OrganizationRole = isRole(event.role) ? event.role : 'member';
      await setRole(event.userId, org, event.userId, role, { action: 'organization.memberJoined', onlyRaise: true, extra: { invitationId: event.invitationId, invitedBy: event.invitedBy } });
    },

    /** Personal-data export: the user's memberships. */
    async exportFor(userId: string) {
      const rows = await membershipRepository.listForUser(db, userId);
      return rows.map((r) => ({ organization: { id: r.id, slug: r.slug, name: { sv: r.name_sv, en: r.name_en } }, role: r.role, since: r.created_at, updatedAt: r.updated_at }));
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
