// Log in and out with server-side sessions; failed log-ins are throttled per account and per IP.
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken, newSecretToken } from '../../platform/secret-token.js';
import { FieldProblems, clean } from '../../platform/validation.js';
import { LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MS, SESSION_TTL_MS, type AccountsDeps } from './accounts.deps.js';
import { sessionRepository } from './credential.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { throttleRepository } from './throttle.repository.js';
import { normalizeEmail, userRepository, type UserRow } from './user.repository.js';

/** Sessions seen within this long are not re-touched (saves a write per request). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface LoginInput {
  email?: unknown;
  password?: unknown;
  ip: string;
  userAgent?: string | undefined;
}

/** The failure counters a log-in attempt counts against: the account's, then the IP address's. */
export function loginThrottleKeys(email: string, ip: string): [string, string] {
  return [`login:account:${email}`, `login:ip:${ip}`];
}

export function createSessionService(deps: AccountsDeps) {
  const { db, clock } = deps;

  const throttleKeys = loginThrottleKeys;

  async function assertNotThrottled(keys: string[]): Promise<void> {
    const now = clock.now().getTime();
    for (const key of keys) {
      const row = await throttleRepository.find(db, key);
      if (!row) continue;
      const windowEnd = Date.parse(row.window_started_at) + LOGIN_WINDOW_MS;
      if (windowEnd > now && row.failures >= LOGIN_FAILURE_LIMIT) {
        throw new RateLimitedError('Too many failed log-ins; try again later.', Math.ceil((windowEnd - now) / 1000));
      }
    }
  }

  async function recordFailure(keys: string[]): Promise<void> {
    const now = clock.now();
    const windowStartedAfter = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
    for (const key of keys) await throttleRepository.recordFailure(db, key, now.toISOString(), windowStartedAfter);
  }

  return {
    /**
     * Checks e-mail and password and opens a session. The error never says which of the two was
     * wrong; an unknown address costs as much time as a wrong password.
     */
    async login(input: LoginInput): Promise<{ sessionToken: string; user: UserRow }> {
      const email = normalizeEmail(clean(input.email) ?? '');
      const password = typeof input.password === 'string' ? input.password : '';
      // No account can have an address over 254 characters (see isEmail); refusing them here also
      // keeps arbitrarily long keys out of the throttle table.
      new FieldProblems()
        .check(!email, 'email', 'validation.required')
        .check(email.length > 254, 'email', 'validation.email')
        .check(!password, 'password', 'validation.required')
        .throwIfAny();
      const keys = throttleKeys(email, input.ip);
      await assertNotThrottled(keys);
      const user = await userRepository.findByEmail(db, email);
      const matches = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
      if (!user || !user.password_hash || !matches) {
        await recordFailure(keys);
        throw new UnauthorizedError('The e-mail address or password is wrong.', 'invalid_credentials');
      }
      if (!user.email_confirmed_at) throw new ForbiddenError('Confirm your e-mail address first; we have sent you a link.', 'email_not_confirmed');
      await throttleRepository.clear(db, keys[0]!);
      const sessionToken = newSecretToken();
      const now = clock.now();
      await sessionRepository.insert(db, {
        id: newId(),
        token_hash: hashSecretToken(sessionToken),
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      });
      return { sessionToken, user };
    },

    async logout(sessionToken: string | undefined): Promise<void> {
      if (sessionToken) await sessionRepository.deleteByHash(db, hashSecretToken(sessionToken));
    },

    /** The user behind a session cookie, or undefined when it is unknown or expired. */
    async authenticateSession(sessionToken: string): Promise<{ user: UserRow; sessionId: string } | undefined> {
      const now = clock.now();
      const session = await sessionRepository.findValidByHash(db, hashSecretToken(sessionToken), now.toISOString());
      if (!session) return undefined;
      const user = await userRepository.findById(db, session.user_id);
      if (!user) return undefined;
      if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) await sessionRepository.touch(db, session.id, now.toISOString());
      return { user, sessionId: session.id };
    },

    /** Housekeeping (a nightly job): expired sessions and log-in counters whose window is over. */
    async pruneExpired(): Promise<{ sessions: number; throttles: number }> {
      const now = clock.now();
      const sessions = await sessionRepository.deleteExpired(db, now.toISOString());
      const throttles = await throttleRepository.deleteStale(db, new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString());
      return { sessions, throttles };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
