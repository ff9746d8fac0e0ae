// Sign-up, e-mail confirmation and the site's sign-up mode (open or by invitation).
import { recordActivity } from '../../platform/activity.js';
import { inTransaction } from '../../platform/events/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ForbiddenError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken } from '../../platform/secret-token.js';
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import { accountPolicy } from './account.policy.js';
import { accountMails, asLocale, mailLink } from './account.mails.js';
import { EMAIL_CONFIRM_TTL_MS, NAME_MAX_LENGTH, type AccountsDeps } from './accounts.deps.js';
import { consumeEmailToken, invalidLink, issueEmailToken } from './email-token.js';
import { invitationRepository } from './invitation.repository.js';
import { hashPassword, passwordProblems } from './password.js';
import { siteSettingRepository } from './site-setting.repository.js';
import { normalizeEmail, userRepository } from './user.repository.js';

export const signupModes = ['open', 'invite_only'] as const;
export type SignupMode = (typeof signupModes)[number];
const SIGNUP_MODE_KEY = 'signup_mode';

export interface SignupInput {
  name?: unknown;
  email?: unknown;
  password?: unknown;
  locale?: string;
  invitationToken?: string | undefined;
}

export type SignupResult = { outcome: 'check_email' } | { outcome: 'confirmed'; userId: string };

/** Validates the fields every new account needs; returns them cleaned. */
export function validateNewAccount(input: { name?: unknown; email?: unknown; password?: unknown }) {
  const name = clean(input.name);
  const email = clean(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  const problems = new FieldProblems()
    .check(!name, 'name', 'validation.required')
    .check(Boolean(name && name.length > NAME_MAX_LENGTH), 'name', 'validation.tooLong')
    .check(!email, 'email', 'validation.required')
    .check(Boolean(email && !isEmail(email)), 'email', 'validation.email');
  if (!password) problems.add('password', 'validation.required');
  for (const problem of password ? passwordProblems(password, { email }) : []) {
    problems.add('password', problem === 'too_short' ? 'validation.passwordTooShort' : problem === 'too_long' ? 'validation.tooLong' : 'validation.passwordTooCommon');
  }
  problems.throwIfAny();
  return { name: name!, email: normalizeEmail(email!), password };
}

export function createRegistrationService(deps: AccountsDeps) {
  const { db, clock, mailer, events, config } = deps;

  async function signupMode(): Promise<SignupMode> {
    return (await siteSettingRepository.get(db, SIGNUP_MODE_KEY)) === 'invite_only' ? 'invite_only' : 'open';
  }

  return {
    signupMode,

    async setSignupMode(actor: Actor, mode: unknown): Promise<void> {
      if (!accountPolicy.canAdministerSite(actor)) throw new ForbiddenError();
      // Fix: the mode was stored unchecked, so a form could save any string (read back as 'open').
      if (!signupModes.includes(mode as SignupMode)) new FieldProblems().add('mode', 'validation.invalidChoice').throwIfAny();
      const before = await signupMode();
      await db.transaction().execute(async (trx) => {
        await siteSettingRepository.set(trx, SIGNUP_MODE_KEY, mode, clock.now().toISOString());
        await recordActivity(trx, clock, { actorId: actor.kind === 'user' ? actor.userId : null, action: 'site.signupModeChanged', subjectType: 'site_setting', subjectId: SIGNUP_MODE_KEY, diff: { mode: [before, mode] } });
      });
    },

    /**
     * Creates an account. Answers the same whether or not the address is taken (the owner of a
     * taken address gets a mail instead), so sign-up cannot be used to find out who has an account.
     * With a valid invitation for the same address the account is confirmed at once.
     */
    async signup(input: SignupInput): Promise<SignupResult> {
      const { name, email, password } = validateNewAccount(input);
      const locale = asLocale(input.locale);
      const nowIso = clock.now().toISOString();
      const invitation = input.invitationToken ? await invitationRepository.findByHash(db, hashSecretToken(input.invitationToken)) : undefined;
      const invitationValid = Boolean(invitation && !invitation.accepted_at && !invitation.revoked_at && invitation.expires_at > nowIso && invitation.email === email);
      if (!invitationValid && (await signupMode()) === 'invite_only' && !(await invitationRepository.findOpenForEmail(db, email, nowIso))) {
        new FieldProblems().add('email', 'validation.signupInviteOnly').throwIfAny();
      }
      const passwordHash = await hashPassword(password);
      // Fix: the mail's text was in the owner's language but its links in the visitor's; now both
      // follow the owner.
      const mailOwner = async (executor: typeof db, owner: { locale: string }) => {
        const ownerLocale = asLocale(owner.locale);
        const links = [mailLink(config.baseUrl, ownerLocale, '/login'), mailLink(config.baseUrl, ownerLocale, '/forgot-password')] as const;
        await mailer.send(accountMails.signupExisting(email, ownerLocale, ...links), executor);
        return { outcome: 'check_email' as const };
      };
      const createAccount = () =>
        inTransaction(db, events, async (trx, emit): Promise<SignupResult> => {
          const existing = await userRepository.findByEmail(trx, email);
          if (existing) return mailOwner(trx, existing);
          const userId = newId();
          await userRepository.insert(trx, {
            id: userId,
            email,
            name,
            password_hash: passwordHash,
            email_confirmed_at: invitationValid ? nowIso : null,
            is_site_admin: 0,
            locale,
            created_at: nowIso,
            updated_at: nowIso,
          });
          emit('accounts.userCreated', { userId, email });
          if (invitation && invitationValid) {
            // Fix: the result was ignored, so an invitation taken up at the same moment by
            // someone else still confirmed this account and was announced twice.
            if (!(await invitationRepository.markAccepted(trx, invitation.id, userId, nowIso))) throw invalidLink();
            emit('accounts.invitationAccepted', { invitationId: invitation.id, userId, organizationId: invitation.organization_id, role: invitation.role, invitedBy: invitation.invited_by });
            return { outcome: 'confirmed', userId };
          }
          const token = await issueEmailToken(trx, clock, { purpose: 'confirm_email', userId, email, ttlMs: EMAIL_CONFIRM_TTL_MS });
          await mailer.send(accountMails.confirmEmail(email, locale, mailLink(config.baseUrl, locale, `/confirm-email?token=${token}`)), trx);
          return { outcome: 'check_email' };
        });
      try {
        return await createAccount();
      } catch (error) {
        // Fix: of two sign-ups for one address at the same moment, the second hit the unique
        // index (a 500). It now gets the answer any sign-up for a taken address gets.
        const owner = await userRepository.findByEmail(db, email);
        if (!owner) throw error;
        return mailOwner(db, owner);
      }
    },

    /** Confirms the address a confirmation link was sent to. */
    async confirmEmail(token: string): Promise<{ userId: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await consumeEmailToken(trx, clock, token, 'confirm_email');
        const user = await userRepository.findById(trx, row.user_id);
        if (user && user.email === row.email && !user.email_confirmed_at) {
          await userRepository.update(trx, user.id, { email_confirmed_at: clock.now().toISOString(), updated_at: clock.now().toISOString() });
        }
        return { userId: row.user_id };
      });
    },

    /** Sends a new confirmation link if the address belongs to an unconfirmed account; silent otherwise. */
    async resendConfirmation(emailInput: unknown, localeInput?: string): Promise<void> {
      const email = clean(emailInput);
      new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email').throwIfAny();
      const user = await userRepository.findByEmail(db, email!);
      if (!user || user.email_confirmed_at) return;
      const locale = asLocale(localeInput ?? user.locale);
      await db.transaction().execute(async (trx) => {
        const token = await issueEmailToken(trx, clock, { purpose: 'confirm_email', userId: user.id, email: user.email, ttlMs: EMAIL_CONFIRM_TTL_MS });
        await mailer.send(accountMails.confirmEmail(user.email, locale, mailLink(config.baseUrl, locale, `/confirm-email?token=${token}`)), trx);
      });
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
