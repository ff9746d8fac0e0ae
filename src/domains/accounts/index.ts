// The accounts domain's public surface: users, sessions, API tokens, invitations, site admin.
import type { FastifyRequest } from 'fastify';
import { bearerToken, SESSION_COOKIE } from '../../platform/http/auth.js';
import type { AccountsDeps } from './accounts.deps.js';
import { createAdminService } from './admin.service.js';
import { createInvitationService } from './invitation.service.js';
import { createPasswordService } from './password.service.js';
import { createProfileService } from './profile.service.js';
import { createRegistrationService } from './registration.service.js';
import { createSessionService } from './session.service.js';
import { createTokenService } from './token.service.js';
import type { UserRow } from './user.repository.js';

export type { AccountsDeps } from './accounts.deps.js';
export type { AccountsEvents } from './accounts.events.js';
export type { AccountsTables } from './accounts.table.js';
export type { InvitationView } from './invitation.service.js';
export type { ProfileView } from './profile.service.js';
export { accountApi } from './account.api.js';
export { accountPages } from './account.pages.js';
export type { AccountPagesOptions } from './account.pages.js';
export { accountPolicy } from './account.policy.js';
export { API_TOKEN_PREFIX } from './token.service.js';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
  via: 'session' | 'token';
}

function toAuthenticated(user: UserRow, via: 'session' | 'token'): AuthenticatedUser {
  return { id: user.id, email: user.email, name: user.name, isSiteAdmin: user.is_site_admin === 1, via };
}

export function createAccountsDomain(deps: AccountsDeps) {
  const sessions = createSessionService(deps);
  const tokens = createTokenService(deps);
  return {
    registration: createRegistrationService(deps),
    sessions,
    tokens,
    passwords: createPasswordService(deps),
    profile: createProfileService(deps),
    invitations: createInvitationService(deps),
    admin: createAdminService(deps),

    /** Display names of users by id (for histories and bylines); unknown ids are left out. */
    async namesOf(userIds: readonly string[]): Promise<Map<string, string>> {
      const ids = [...new Set(userIds)];
      if (ids.length === 0) return new Map();
      const rows = await deps.db.selectFrom('user').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /**
     * Who sent this request: API routes accept only bearer tokens (so cookies can never be used for
     * cross-site API writes); pages accept the session cookie. Throws 401 for a bad bearer token.
     */
    async authenticate(request: FastifyRequest): Promise<AuthenticatedUser | undefined> {
      // The path without its query: '/api?x' is an API request too.
      const path = request.url.split('?')[0] ?? '';
      const isApi = path === '/api' || path.startsWith('/api/');
      const bearer = bearerToken(request);
      // Fix: any other Authorization scheme (e.g. the Basic auth of a proxy in front of a staging
      // site) used to be taken as a wrong token, answering every page with 401. Only the API
      // treats a non-Bearer Authorization header as a bad token.
      if (bearer !== undefined && (isApi || bearer !== '')) return toAuthenticated(await tokens.authenticate(bearer), 'token');
      if (isApi) return undefined;
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) return undefined;
      const unsigned = request.unsignCookie(cookie);
      if (!unsigned.valid || !unsigned.value) return undefined;
      const found = await sessions.authenticateSession(unsigned.value);
      return found ? toAuthenticated(found.user, 'session') : undefined;
    },
  };
}

export type AccountsDomain = ReturnType<typeof createAccountsDomain>;
