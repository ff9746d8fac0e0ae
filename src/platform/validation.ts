// Collects field problems so a form or API call gets all of them at once, not the first only.
// Messages are message-catalog keys (e.g. 'validation.required'); the error handler translates
// them — English in JSON, the page's language in forms.
import { ValidationError } from './errors.js';

export class FieldProblems {
  private readonly details: Record<string, string[]> = {};

  add(field: string, messageKey: string): this {
    (this.details[field] ??= []).push(messageKey);
    return this;
  }

  /** Adds `messageKey` for `field` when `failed` is true. */
  check(failed: boolean, field: string, messageKey: string): this {
    if (failed) this.add(field, messageKey);
    return this;
  }

  has(field?: string): boolean {
    return field ? Boolean(this.details[field]) : Object.keys(this.details).length > 0;
  }

  throwIfAny(): void {
    if (this.has()) throw new ValidationError(this.details);
  }
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]{2,}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Trims a form or JSON string; empty becomes undefined. */
export function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
