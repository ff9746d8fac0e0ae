// CKAN's error types, and how the catalog's errors become them: CKAN answers validation problems
// with 409 and the field errors beside __type and message, missing objects with 404, and every
// "you may not" (no token, a wrong token, not a member) with 403.
import { ConflictError, ForbiddenError, GoneError, NotFoundError, PayloadTooLargeError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import type { AppError } from '../../platform/errors.js';
import { isMessageKey, translator } from '../../platform/i18n/index.js';

export type CkanErrorType = 'Not Found Error' | 'Validation Error' | 'Authorization Error' | 'Bad Request';

const STATUS: Record<CkanErrorType, number> = { 'Not Found Error': 404, 'Validation Error': 409, 'Authorization Error': 403, 'Bad Request': 400 };

export class CkanError extends Error {
  readonly status: number;
  constructor(
    readonly type: CkanErrorType,
    message: string,
    readonly fields: Record<string, string[]> = {},
    status?: number,
  ) {
    super(message);
    this.name = 'CkanError';
    this.status = status ?? STATUS[type];
  }
}

export const notFound = (message = 'Not found') => new CkanError('Not Found Error', message);
export const validation = (fields: Record<string, string[]>) => new CkanError('Validation Error', 'Validation Error', fields);
export const unauthorized = (message = 'Access denied') => new CkanError('Authorization Error', message);
export const badRequest = (message: string) => new CkanError('Bad Request', `Bad request - ${message}`);

/** Our field names → CKAN's, where the package has a field of its own. */
const FIELD_NAMES: Record<string, string> = {
  'title.sv': 'title',
  title: 'title',
  'description.sv': 'notes',
  description: 'notes',
  organization: 'owner_org',
  slug: 'name',
  keywords: 'tags',
  'keywords.sv': 'tags',
  themes: 'groups',
  landingPage: 'url',
  version: 'version',
  contactPoint: 'maintainer',
  'contactPoint.email': 'maintainer_email',
  'contactPoint.name': 'maintainer',
};

const english = translator('en');
const describe = (message: string) => (isMessageKey(message) ? english(message) : message);

/** The CKAN error for anything a service or Fastify threw; undefined for an unexpected (500) error. */
export function ckanErrorOf(error: AppError | undefined): CkanError | undefined {
  if (!error) return undefined;
  if (error instanceof NotFoundError || error instanceof GoneError) return notFound(error instanceof GoneError ? 'Not found: deleted' : 'Not found');
  if (error instanceof UnauthorizedError || error instanceof ForbiddenError) return unauthorized(`Access denied: ${error.message}`);
  if (error instanceof ValidationError || error instanceof ConflictError) {
    const fields: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(error.details ?? {})) {
      const name = FIELD_NAMES[field] ?? field;
      (fields[name] ??= []).push(...messages.map(describe));
    }
    if (Object.keys(fields).length === 0) fields.message = [describe(error.message)];
    return validation(fields);
  }
  if (error instanceof PayloadTooLargeError) return new CkanError('Bad Request', `Bad request - ${error.message}`, {}, 413);
  if (error.status >= 400 && error.status < 500) return new CkanError('Bad Request', `Bad request - ${error.message}`, {}, error.status);
  return undefined;
}
