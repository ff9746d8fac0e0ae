// The private links mailed to participants. The manage link's token is an HMAC of the registration
// id under the site's secret key, so every later mail (promotion, reminder, change) can carry the
// same link without the database holding the token: only its SHA-256 is stored, for the lookup.
// If the key changes (an unset key is generated per data directory), the next mail rotates the
// stored hash so the newest link works. The e-mail confirmation link is a random one-time token.
import crypto from 'node:crypto';
import { hashSecretToken } from '../../platform/secret-token.js';

export function manageToken(key: string, registrationId: string): string {
  return crypto.createHmac('sha256', key).update(`event-registration:${registrationId}`).digest('base64url');
}

export function manageTokenHash(key: string, registrationId: string): string {
  return hashSecretToken(manageToken(key, registrationId));
}

/** Absolute link in the recipient's language. */
export function absoluteLink(baseUrl: string, locale: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${locale === 'en' ? '/en' : ''}${path}`;
}

export function manageLink(baseUrl: string, key: string, locale: string, registrationId: string): string {
  return absoluteLink(baseUrl, locale, `/events/registration?token=${encodeURIComponent(manageToken(key, registrationId))}`);
}
