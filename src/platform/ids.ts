import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Time-ordered text ids (UUIDv7) for every table. */
export function newId(): string {
  return uuidv7();
}

/**
 * Request ids: a random prefix per process and a counter — unique across processes and restarts
 * for any practical log search, and far cheaper than a UUID for every request.
 */
export function requestIdGenerator(): () => string {
  const prefix = randomBytes(6).toString('base64url');
  let counter = 0;
  return () => `${prefix}-${(++counter).toString(36)}`;
}
