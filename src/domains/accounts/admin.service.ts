// Site administration: users, site admins, and the mail outbox.
import type { Selectable } from 'kysely';
import type { PlatformTables } from '../../db/index.js';
import { recordActivity } from '../../platform/activity.js';
import { inTransaction } from '../../platform/events/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { accountPolicy } from './account.policy.js';
import type { AccountsDeps } from './accounts.deps.js';
import { outboxRepository } from './outbox.repository.js';
import { hashPassword } from './password.js';
import { presentProfile, type ProfileView } from './profile.service.js';
import { validateNewAccount } from './registration.service.js';
import { userRepository } from './user.repository.js';

export interface OutboxMessageView {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

function presentMail(r: Selectable<PlatformTables['mail_message']>): OutboxMessageView {
  return { id: r.id, to: r.to_address, subject: r.subject, text: r.text_body, status: r.status, createdAt: r.created_at, sentAt: r.sent_at, lastError: r.last_error };
}

function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

function requireSiteAdmin(actor: Actor): void {
  if (!accountPolicy.canAdministerSite(actor)) throw new ForbiddenError();
}

export function createAdminService(deps: AccountsDeps) {
  const { db, clock, events } = deps;
  return {
    async listUsers(actor: Actor, options: { q?: string; limit: number; offset: number }): Promise<{ total: number; items: ProfileView[] }> {
      requireSiteAdmin(actor);
      const { items, total } = await userRepository.list(db, options);
      return { total, items: items.map(presentProfile) };
    },

    async setSiteAdmin(actor: Actor, userId: string, isSiteAdmin: boolean): Promise<void> {
      requireSiteAdmin(actor);
      const user = await userRepository.findById(db, userId);
      if (!user) throw new NotFoundError();
      if (!isSiteAdmin && user.is_site_admin === 1 && (await userRepository.countSiteAdmins(db)) <= 1) {
        throw new ConflictError('The site must keep at least one site admin.', 'last_site_admin');
      }
      if ((user.is_site_admin === 1) === isSiteAdmin) return;
      await db.transaction().execute(async (trx) => {
        await userRepository.update(trx, userId, { is_site_admin: isSiteAdmin ? 1 : 0, updated_at: clock.now().toISOString() });
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'user.siteAdminChanged', subjectType: 'user', subjectId: userId, diff: { isSiteAdmin: [!isSiteAdmin, isSiteAdmin] } });
      });
    },

    async listOutbox(actor: Actor, options: { limit: number; offset: number }): Promise<{ total: number; items: OutboxMessageView[] }> {
      requireSiteAdmin(actor);
      const { items, total } = await outboxRepository.list(db, options);
      return {
        total,
        items: items.map(presentMail),
      };
    },

    /** One message of the outbox, with its text (to read links when no SMTP server is set up). */
    async getOutboxMessage(actor: Actor, id: string): Promise<OutboxMessageView> {
      requireSiteAdmin(actor);
      const r = await outboxRepository.findById(db, id);
      if (!r) throw new NotFoundError();
      return presentMail(r);
    },

    /**
     * Creates a confirmed account directly: for the operator's CLI (`user create`), which is trusted
     * and so has no actor.
     */
    async createUserAsOperator(input: { email: unknown; name: unknown; password: unknown; siteAdmin?: boolean }): Promise<ProfileView> {
      const { name, email, password } = validateNewAccount(input);
      const taken = () => new ConflictError('A user with that e-mail address exists.', 'email_taken', { email: ['validation.emailTaken'] });
      if (await userRepository.findByEmail(db, email)) throw taken();
      const nowIso = clock.now().toISOString();
      const row = {
        id: newId(),
        email,
        name,
        password_hash: await hashPassword(password),
        email_confirmed_at: nowIso,
        is_site_admin: input.siteAdmin ? 1 : 0,
        locale: 'sv',
        created_at: nowIso,
        updated_at: nowIso,
      };
      try {
        // Fix: accounts made here did not announce accounts.userCreated as sign-ups do, so
        // subscribers missed every account created with `allmanning user create`.
        await inTransaction(db, events, async (trx, emit) => {
          await userRepository.insert(trx, row);
          emit('accounts.userCreated', { userId: row.id, email });
        });
      } catch (error) {
        // Created at the same moment by someone else: the unique index refused ours.
        if (await userRepository.findByEmail(db, email)) throw taken();
        throw error;
      }
      return presentProfile(row);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
