// The closed set of errors services may throw. Each maps to one HTTP status and a stable
// snake_case code that is part of the API contract: { "error": { "code", "message", "details" } }.

export type FieldDetails = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: FieldDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  constructor(details: FieldDetails, message = 'The request is not valid.', code = 'validation_failed') {
    super(code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  constructor(message = 'Authentication is required.', code = 'unauthorized') {
    super(code, message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = 'You may not do this.', code = 'forbidden') {
    super(code, message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(message = 'Not found.', code = 'not_found') {
    super(code, message);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(message = 'The request conflicts with the current state.', code = 'conflict', details?: FieldDetails) {
    super(code, message, details);
  }
}

export class GoneError extends AppError {
  readonly status = 410;
  constructor(message = 'This has been removed.', code = 'gone') {
    super(code, message);
  }
}

export class PreconditionFailedError extends AppError {
  readonly status = 412;
  constructor(message = 'The resource has changed since you read it.', code = 'precondition_failed') {
    super(code, message);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  constructor(message = 'The request body is too large.', code = 'payload_too_large') {
    super(code, message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  constructor(message = 'The Content-Type of the request is not supported here.', code = 'unsupported_media_type') {
    super(code, message);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  constructor(
    message = 'Too many requests; try again later.',
    readonly retryAfterSeconds?: number,
    code = 'rate_limited',
  ) {
    super(code, message);
  }
}

/** The JSON body every error response carries. */
export interface ErrorBody {
  error: { code: string; message: string; details?: FieldDetails };
}

/** The contract's error JSON; `describe` turns each field message into text for the reader. */
export function errorBody(error: AppError, describe: (message: string) => string = (m) => m): ErrorBody {
  const details = error.details
    ? Object.fromEntries(Object.entries(error.details).map(([field, messages]) => [field, messages.map(describe)]))
    : undefined;
  return { error: { code: error.code, message: error.message, ...(details ? { details } : {}) } };
}
