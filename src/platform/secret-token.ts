// Random secrets handed to people (session cookies, API tokens, e-mailed links). Only their
// SHA-256 is stored, so a leaked database does not leak usable secrets; 256 bits of entropy make
// a fast hash sufficient (no password-style stretching needed).
import crypto from 'node:crypto';

export function newSecretToken(prefix = ''): string {
  return `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
