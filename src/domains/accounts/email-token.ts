// Single-use links sent by e-mail: issue one, and consume it exactly once before it expires.
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashSecretToken, newSecretToken } from '../../platform/secret-token.js';
import type { AccountsTables, EmailTokenPurpose, EmailTokenTable } from './accounts.table.js';
import { emailTokenRepository } from './credential.repository.js';

export async function issueEmailToken(
  db: Kysely<AccountsTables>,
  clock: Clock,
  input: { purpose: EmailTokenPurpose; userId: string; email: string; ttlMs: number },
): Promise<string> {
  const token = newSecretToken();
  const now = clock.now();
  await emailTokenRepository.insert(db, {
    id: newId(),
    token_hash: hashSecretToken(token),
    purpose: input.purpose,
    user_id: input.userId,
    email: input.email,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.ttlMs).toISOString(),
    used_at: null,
  });
  return token;
}

export function invalidLink(): ValidationError {
  return new ValidationError({ token: ['validation.linkInvalid'] }, 'The link is invalid, already used or expired.', 'invalid_token');
}

/** Uses up a token; throws `invalid_token` when it is unknown, used, expired or of another kind. */
export async function consumeEmailToken(db: Kysely<AccountsTables>, clock: Clock, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenTable> {
  const nowIso = clock.now().toISOString();
  const row = await emailTokenRepository.findByHash(db, hashSecretToken(token), purpose);
  if (!row || row.used_at || row.expires_at <= nowIso) throw invalidLink();
  if (!(await emailTokenRepository.markUsed(db, row.id, nowIso))) throw invalidLink();
  return row;
}

/** Checks a token without using it (to show the form behind a link). */
export async function peekEmailToken(db: Kysely<AccountsTables>, clock: Clock, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenTable> {
  const row = await emailTokenRepository.findByHash(db, hashSecretToken(token), purpose);
  if (!row || row.used_at || row.expires_at <= clock.now().toISOString()) throw invalidLink();
  return row;
}
