// Invitations by e-mail: to the site (when sign-up is invite-only) and to an organisation (the
// organisations domain decides who may invite and calls inviteToOrganization).
import { recordActivity } from '../../platform/activity.js';
import { inTransaction } from '../../platform/events/index.js';
import type { Actor, OrganizationRole } from '../../platform/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken, newSecretToken } from '../../platform/secret-token.js';
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import { accountMails, asLocale, mailLink } from './account.mails.js';
import { accountPolicy } from './account.policy.js';
import { INVITATION_TTL_MS, type AccountsDeps } from './accounts.deps.js';
import type { InvitationTable } from './accounts.table.js';
import { invalidLink } from './email-token.js';
import { invitationRepository } from './invitation.repository.js';
import { normalizeEmail, userRepository } from './user.repository.js';

export interface InvitationView {
  id: string;
  email: string;
  organizationId: string | null;
  role: string | null;
  createdAt: string;
  expiresAt: string;
}

function present(row: InvitationTable): InvitationView {
  return { id: row.id, email: row.email, organizationId: row.organization_id, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at };
}

export function createInvitationService(deps: AccountsDeps) {
  const { db, clock, mailer, events, config } = deps;

  async function invite(actor: Actor, emailInput: unknown, target: { organizationId: string; organizationName: string; role: OrganizationRole } | undefined, localeInput?: string) {
    if (actor.kind !== 'user') throw new UnauthorizedError();
    const email = clean(emailInput);
    new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email').throwIfAny();
    const normalized = normalizeEmail(email!);
    const token = newSecretToken();
    const now = clock.now();
    const row: InvitationTable = {
      id: newId(),
      token_hash: hashSecretToken(token),
      email: normalized,
      organization_id: target?.organizationId ?? null,
      role: target?.role ?? null,
      invited_by: actor.userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    };
    const invitee = await userRepository.findByEmail(db, normalized);
    const locale = asLocale(localeInput ?? invitee?.locale);
    await db.transaction().execute(async (trx) => {
      await invitationRepository.insert(trx, row);
      await recordActivity(trx, clock, { actorId: actor.userId, action: 'invitation.created', subjectType: 'invitation', subjectId: row.id, organizationId: row.organization_id, diff: { email: normalized, role: row.role } });
      await mailer.send(accountMails.invitation(normalized, locale, mailLink(config.baseUrl, locale, `/invitations/accept?token=${token}`), actor.name, target?.organizationName), trx);
    });
    return { invitation: present(row), token };
  }

  return {
    /** A site admin invites someone to create an account. */
    async inviteToSite(actor: Actor, email: unknown, locale?: string) {
      if (!accountPolicy.canAdministerSite(actor)) throw new ForbiddenError();
      return invite(actor, email, undefined, locale);
    },

    /** Called by the organisations domain after its own policy allowed the invitation. */
    async inviteToOrganization(actor: Actor, email: unknown, target: { organizationId: string; organizationName: string; role: OrganizationRole }, locale?: string) {
      return invite(actor, email, target, locale);
    },

    /** What an invitation link offers, without using it (for the acceptance page). */
    async describe(token: string): Promise<InvitationView & { accountExists: boolean }> {
      const row = await invitationRepository.findByHash(db, hashSecretToken(token));
      if (!row || row.accepted_at || row.revoked_at || row.expires_at <= clock.now().toISOString()) throw invalidLink();
      return { ...present(row), accountExists: Boolean(await userRepository.findByEmail(db, row.email)) };
    },

    /** The signed-in actor takes up an invitation (the link is the proof it was meant for them). */
    async accept(actor: Actor, token: string): Promise<InvitationView> {
      if (actor.kind !== 'user') throw new UnauthorizedError();
      return inTransaction(db, events, async (trx, emit) => {
        const row = await invitationRepository.findByHash(trx, hashSecretToken(token));
        const nowIso = clock.now().toISOString();
        if (!row || row.revoked_at || row.expires_at <= nowIso) throw invalidLink();
        if (row.accepted_at) throw new ConflictError('This invitation has already been used.', 'invitation_used');
        if (!(await invitationRepository.markAccepted(trx, row.id, actor.userId, nowIso))) throw invalidLink();
        emit('accounts.invitationAccepted', { invitationId: row.id, userId: actor.userId, organizationId: row.organization_id, role: row.role, invitedBy: row.invited_by });
        return present(row);
      });
    },

    /** Open invitations: the site's (organizationId null) or one organisation's. Callers check policy. */
    async listOpen(filter: { organizationId?: string | null }): Promise<InvitationView[]> {
      return (await invitationRepository.listOpen(db, filter, clock.now().toISOString())).map(present);
    },

    /** Withdraws an open invitation. `scope` is the organisation the caller was allowed to manage (null: the site). */
    async revoke(invitationId: string, scope: { organizationId: string | null }, actor?: Actor): Promise<void> {
      const row = await invitationRepository.findById(db, invitationId);
      if (!row || row.organization_id !== scope.organizationId) throw new NotFoundError();
      await db.transaction().execute(async (trx) => {
        await invitationRepository.revoke(trx, row.id, clock.now().toISOString());
        await recordActivity(trx, clock, { actorId: actor?.kind === 'user' ? actor.userId : null, action: 'invitation.revoked', subjectType: 'invitation', subjectId: row.id, organizationId: row.organization_id });
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
