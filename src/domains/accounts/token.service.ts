// Personal API tokens: named (optionally), shown once, stored hashed, revocable, with last use.
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError, UnauthorizedError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken, newSecretToken } from '../../platform/secret-token.js';
import { FieldProblems, clean } from '../../platform/validation.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { ApiTokenTable } from './accounts.table.js';
import { apiTokenRepository } from './credential.repository.js';
import { userRepository, type UserRow } from './user.repository.js';

/** Tokens start with this, so secret scanners and people recognise them. */
export const API_TOKEN_PREFIX = 'alm_';
const TOKEN_NAME_MAX = 100;
/** last_used_at is written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function presentToken(row: ApiTokenTable): ApiTokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

function requireUser(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthorizedError();
  return actor;
}

export function createTokenService(deps: AccountsDeps) {
  const { db, clock } = deps;

  async function issue(userId: string, nameInput: unknown): Promise<{ token: string; view: ApiTokenView }> {
    const name = clean(nameInput) ?? null;
    new FieldProblems().check(Boolean(name && name.length > TOKEN_NAME_MAX), 'name', 'validation.tooLong').throwIfAny();
    const token = newSecretToken(API_TOKEN_PREFIX);
    const row: ApiTokenTable = {
      id: newId(),
      user_id: userId,
      name,
      token_hash: hashSecretToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await apiTokenRepository.insert(db, row);
    return { token, view: presentToken(row) };
  }

  return {
    /** Creates a token for the actor; the secret is returned this once and never again. */
    async create(actor: Actor, input: { name?: unknown }) {
      return issue(requireUser(actor).userId, input.name);
    },

    /** For the CLI (`token create --email`): the operator acts for the user. */
    async createForEmail(email: string, name: unknown) {
      const user = await userRepository.findByEmail(db, email);
      if (!user) throw new NotFoundError(`No user with e-mail ${email}.`);
      return issue(user.id, name);
    },

    async list(actor: Actor): Promise<ApiTokenView[]> {
      return (await apiTokenRepository.listForUser(db, requireUser(actor).userId)).map(presentToken);
    },

    async revoke(actor: Actor, tokenId: string): Promise<void> {
      const user = requireUser(actor);
      const row = await apiTokenRepository.findForUser(db, user.userId, tokenId);
      if (!row) throw new NotFoundError();
      await apiTokenRepository.revoke(db, row.id, clock.now().toISOString());
    },

    /** The user behind a bearer token; throws 401 for a missing, unknown or revoked token. */
    async authenticate(token: string): Promise<UserRow> {
      const row = token.startsWith(API_TOKEN_PREFIX) ? await apiTokenRepository.findActiveByHash(db, hashSecretToken(token)) : undefined;
      if (!row) throw new UnauthorizedError('The API token is missing, wrong or revoked.', 'unauthorized');
      const user = await userRepository.findById(db, row.user_id);
      if (!user) throw new UnauthorizedError('The API token is missing, wrong or revoked.', 'unauthorized');
      const now = clock.now();
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) await apiTokenRepository.markUsed(db, row.id, now.toISOString());
      return user;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
