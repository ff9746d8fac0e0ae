// Forgotten passwords: an e-mailed single-use link that expires within the hour.
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import { accountMails, asLocale, mailLink } from './account.mails.js';
import { PASSWORD_RESET_TTL_MS, type AccountsDeps } from './accounts.deps.js';
import { emailTokenRepository, sessionRepository } from './credential.repository.js';
import { consumeEmailToken, peekEmailToken } from './email-token.js';
import { issueEmailToken } from './email-token.js';
import { hashPassword, passwordProblems } from './password.js';
import { loginThrottleKeys } from './session.service.js';
import { throttleRepository } from './throttle.repository.js';
import { userRepository } from './user.repository.js';

export function newPasswordProblems(password: unknown, email?: string): FieldProblems {
  const problems = new FieldProblems();
  const value = typeof password === 'string' ? password : '';
  if (!value) return problems.add('password', 'validation.required');
  for (const p of passwordProblems(value, { email })) {
    problems.add('password', p === 'too_short' ? 'validation.passwordTooShort' : p === 'too_long' ? 'validation.tooLong' : 'validation.passwordTooCommon');
  }
  return problems;
}

export function createPasswordService(deps: AccountsDeps) {
  const { db, clock, mailer, config } = deps;
  return {
    /** Mails a reset link when the address has an account; answers the same either way. */
    async requestReset(emailInput: unknown, localeInput?: string): Promise<void> {
      const email = clean(emailInput);
      new FieldProblems().check(!email, 'email', 'validation.required').check(Boolean(email && !isEmail(email)), 'email', 'validation.email').throwIfAny();
      const user = await userRepository.findByEmail(db, email!);
      if (!user) return;
      const locale = asLocale(localeInput ?? user.locale);
      await db.transaction().execute(async (trx) => {
        // Only the newest link works.
        await emailTokenRepository.invalidateForUser(trx, user.id, 'reset_password', clock.now().toISOString());
        const token = await issueEmailToken(trx, clock, { purpose: 'reset_password', userId: user.id, email: user.email, ttlMs: PASSWORD_RESET_TTL_MS });
        await mailer.send(accountMails.resetPassword(user.email, locale, mailLink(config.baseUrl, locale, `/reset-password?token=${token}`)), trx);
      });
    },

    /** Throws invalid_token unless the link can still be used. */
    async checkResetToken(token: string): Promise<void> {
      await peekEmailToken(db, clock, token, 'reset_password');
    },

    /** Sets a new password through a reset link; signs the user out everywhere. */
    async reset(token: string, password: unknown): Promise<{ userId: string }> {
      const row = await peekEmailToken(db, clock, token, 'reset_password');
      newPasswordProblems(password, row.email).throwIfAny();
      const hash = await hashPassword(password as string);
      return db.transaction().execute(async (trx) => {
        const used = await consumeEmailToken(trx, clock, token, 'reset_password');
        const nowIso = clock.now().toISOString();
        const user = await userRepository.findById(trx, used.user_id);
        // Receiving the link proves the address, so it also counts as a confirmation.
        const confirm = user && user.email === used.email && !user.email_confirmed_at ? { email_confirmed_at: nowIso } : {};
        await userRepository.update(trx, used.user_id, { password_hash: hash, updated_at: nowIso, ...confirm });
        await sessionRepository.deleteForUser(trx, used.user_id);
        // Opening the mailed link proves who this is: lift the lock of failed log-ins on the
        // account (not on the IP), so the new password works at once.
        if (user) await throttleRepository.clear(trx, loginThrottleKeys(user.email, '')[0]!);
        return { userId: used.user_id };
      });
    },
  };
}

export type PasswordService = ReturnType<typeof createPasswordService>;
