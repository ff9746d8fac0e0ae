import { uuidv7 } from 'uuidv7';

/** Time-ordered text ids (UUIDv7) for every table. */
export function newId(): string {
  return uuidv7();
}
