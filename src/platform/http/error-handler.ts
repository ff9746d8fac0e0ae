// One error handler for the whole app: JSON with the contract's shape under /api/*, an HTML page
// elsewhere. Anything that is not an AppError (or a known Fastify client error) is logged with the
// request id and answered with a generic 500 that reveals nothing.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnsupportedMediaTypeError,
  ValidationError,
  errorBody,
  type FieldDetails,
} from '../errors.js';
import { isMessageKey, translator } from '../i18n/index.js';
import { ErrorPage } from '../views/error-page.js';
import { renderPage } from '../views/render.js';
import { pageContextFor, sendHtml } from './pages.js';

export function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

/** Turns Fastify's schema-validation errors into { field: [messages] }. */
function validationDetails(error: FastifyError): FieldDetails {
  const details: FieldDetails = {};
  for (const issue of error.validation ?? []) {
    const params = issue.params as Record<string, unknown>;
    let field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (params.missingProperty) field = field ? `${field}.${String(params.missingProperty)}` : String(params.missingProperty);
    if (params.additionalProperty) field = field ? `${field}.${String(params.additionalProperty)}` : String(params.additionalProperty);
    const key = field || String(error.validationContext ?? 'body');
    const message = params.additionalProperty ? 'is not an allowed property' : (issue.message ?? 'is not valid');
    (details[key] ??= []).push(message);
  }
  return details;
}

/** Maps any thrown value to an AppError, or undefined when it is an unexpected server error. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  if (e?.validation) return new ValidationError(validationDetails(e));
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ValidationError({ body: ['must not be empty when Content-Type is application/json'] });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ValidationError({ body: ['is not valid JSON'] });
  }
  if (e?.statusCode === 403) return new ForbiddenError();
  if (e?.statusCode === 404) return new NotFoundError();
  if (e?.statusCode === 413) return new PayloadTooLargeError();
  if (e?.statusCode === 415) return new UnsupportedMediaTypeError();
  if (e?.statusCode === 429) return new RateLimitedError();
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new ValidationError({ body: [e.message] }, 'The request could not be read.');
  }
  return undefined;
}

/** Field messages are catalog keys inside the app; the API answers them in English. */
const english = translator('en');
function translateDetail(message: string): string {
  return isMessageKey(message) ? english(message) : message;
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError | undefined) {
  const status = error?.status ?? 500;
  if (error instanceof RateLimitedError && error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  if (wantsJson(request)) {
    const body = error ? errorBody(error, translateDetail) : { error: { code: 'internal_error', message: `An unexpected error happened. Request id: ${request.id}` } };
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  }
  const ctx = pageContextFor(request, reply);
  return sendHtml(reply, renderPage(ErrorPage({ ctx, status })), status);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (!appError) request.log.error({ err: error }, 'unhandled error');
    else if (appError.status >= 500) request.log.error({ err: error }, appError.message);
    return send(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => send(request, reply, new NotFoundError()));
}
