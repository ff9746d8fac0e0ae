// One's own account: profile, e-mail change with confirmation, deletion and a data export.
import { inTransaction } from '../../platform/events/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ConflictError, UnauthorizedError } from '../../platform/errors.js';
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import { accountMails, asLocale, mailLink } from './account.mails.js';
import { EMAIL_CONFIRM_TTL_MS, NAME_MAX_LENGTH, type AccountsDeps } from './accounts.deps.js';
import { apiTokenRepository, emailTokenRepository, sessionRepository } from './credential.repository.js';
import { consumeEmailToken, issueEmailToken } from './email-token.js';
import { verifyPassword } from './password.js';
import { presentToken } from './token.service.js';
import { normalizeEmail, userRepository, type UserRow } from './user.repository.js';

export interface ProfileView {
  id: string;
  email: string;
  name: string;
  locale: 'sv' | 'en';
  isSiteAdmin: boolean;
  emailConfirmed: boolean;
  createdAt: string;
}

export function presentProfile(user: UserRow): ProfileView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: asLocale(user.locale),
    isSiteAdmin: user.is_site_admin === 1,
    emailConfirmed: Boolean(user.email_confirmed_at),
    createdAt: user.created_at,
  };
}

export function createProfileService(deps: AccountsDeps) {
  const { db, clock, mailer, events, config, personalData } = deps;

  async function currentUser(actor: Actor): Promise<UserRow> {
    if (actor.kind !== 'user') throw new UnauthorizedError();
    const user = await userRepository.findById(db, actor.userId);
    if (!user) throw new UnauthorizedError();
    return user;
  }

  async function requirePassword(user: UserRow, password: unknown): Promise<void> {
    const ok = typeof password === 'string' && user.password_hash ? await verifyPassword(password, user.password_hash) : false;
    new FieldProblems().check(!ok, 'password', 'validation.wrongPassword').throwIfAny();
  }

  return {
    async get(actor: Actor): Promise<ProfileView> {
      return presentProfile(await currentUser(actor));
    },

    async update(actor: Actor, input: { name?: unknown; locale?: unknown }): Promise<ProfileView> {
      const user = await currentUser(actor);
      const name = clean(input.name);
      const locale = input.locale === undefined ? undefined : input.locale === 'en' || input.locale === 'sv' ? input.locale : null;
      new FieldProblems()
        .check(input.name !== undefined && !name, 'name', 'validation.required')
        .check(Boolean(name && name.length > NAME_MAX_LENGTH), 'name', 'validation.tooLong')
        .check(locale === null, 'locale', 'validation.invalidChoice')
        .throwIfAny();
      await userRepository.update(db, user.id, { ...(name ? { name } : {}), ...(locale ? { locale } : {}), updated_at: clock.now().toISOString() });
      return presentProfile((await userRepository.findById(db, user.id))!);
    },

    /** Sends a confirmation link to the new address; the change happens when it is followed. */
    async requestEmailChange(actor: Actor, input: { email?: unknown; password?: unknown }, localeInput?: string): Promise<void> {
      const user = await currentUser(actor);
      const email = clean(input.email);
      new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email').throwIfAny();
      await requirePassword(user, input.password);
      const newEmail = normalizeEmail(email!);
      if (newEmail === user.email) return;
      const locale = asLocale(localeInput ?? user.locale);
      await db.transaction().execute(async (trx) => {
        // Fix: every earlier change link kept working, so an address typed by mistake (or by
        // someone who briefly had the session) could still take over the account for 48 hours.
        await emailTokenRepository.invalidateForUser(trx, user.id, 'change_email', clock.now().toISOString());
        const token = await issueEmailToken(trx, clock, { purpose: 'change_email', userId: user.id, email: newEmail, ttlMs: EMAIL_CONFIRM_TTL_MS });
        await mailer.send(accountMails.changeEmail(newEmail, locale, mailLink(config.baseUrl, locale, `/confirm-email-change?token=${token}`)), trx);
      });
    },

    async confirmEmailChange(token: string): Promise<{ userId: string; email: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await consumeEmailToken(trx, clock, token, 'change_email');
        const user = await userRepository.findById(trx, row.user_id);
        if (!user) throw new UnauthorizedError();
        const taken = await userRepository.findByEmail(trx, row.email);
        if (taken && taken.id !== user.id) throw new ConflictError('That e-mail address belongs to another account.', 'email_taken', { email: ['validation.emailTaken'] });
        const nowIso = clock.now().toISOString();
        await userRepository.update(trx, user.id, { email: row.email, email_confirmed_at: nowIso, updated_at: nowIso });
        // Fix: reset links already mailed to the old address kept working after the change, so
        // whoever reads the old mailbox could still take over the account.
        await emailTokenRepository.invalidateForUser(trx, user.id, 'reset_password', nowIso);
        await emailTokenRepository.invalidateForUser(trx, user.id, 'confirm_email', nowIso);
        await mailer.send(accountMails.emailChangedNotice(user.email, asLocale(user.locale), row.email), trx);
        return { userId: user.id, email: row.email };
      });
    },

    /** Deletes the account and everything that hangs on it (sessions, tokens, memberships). */
    async deleteAccount(actor: Actor, input: { password?: unknown }): Promise<void> {
      const user = await currentUser(actor);
      await requirePassword(user, input.password);
      // Fix: the last site admin could delete their account and leave nobody able to administer
      // the site (setSiteAdmin already refused to demote the last one).
      if (user.is_site_admin === 1 && (await userRepository.countSiteAdmins(db)) <= 1) {
        throw new ConflictError('The site must keep at least one site admin.', 'last_site_admin');
      }
      await inTransaction(db, events, async (trx, emit) => {
        await userRepository.delete(trx, user.id);
        emit('accounts.userDeleted', { userId: user.id });
      });
    },

    /** Everything Allmänning keeps about the actor, as one JSON document (GDPR art. 15 and 20). */
    async exportData(actor: Actor): Promise<Record<string, unknown>> {
      const user = await currentUser(actor);
      const [sessions, tokens, sections] = await Promise.all([
        sessionRepository.listForUser(db, user.id),
        apiTokenRepository.listForUser(db, user.id),
        personalData.exportFor(user.id),
      ]);
      return {
        exportedAt: clock.now().toISOString(),
        account: presentProfile(user),
        sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, userAgent: s.user_agent })),
        apiTokens: tokens.map(presentToken),
        ...sections,
      };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
