// Pages are served in Swedish at /path and in English at /en/path from one handler.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { VNode } from 'preact';
import { localeFromPath, localizedPath, type MessageKey } from '../i18n/index.js';
import { setFlash, takeFlash } from './flash.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { FormState } from '../views/forms.js';
import { createPageContext, type PageContext } from '../views/page-context.js';
import { renderPage } from '../views/render.js';

export type PageHandler = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<VNode | string | void> | VNode | string | void;

/**
 * The page context of a request: locale from the URL prefix, the viewer, a one-time flash
 * message, and a CSRF token when the page has a form (signed-in pages always do: the header has a
 * log-out button).
 */
export function pageContextFor(request: FastifyRequest, reply: FastifyReply, options: { withCsrf?: boolean } = {}): PageContext {
  const { locale, path } = localeFromPath(request.url);
  const actor = request.actor;
  const signedIn = actor?.kind === 'user';
  return createPageContext({
    locale,
    path,
    requestId: String(request.id),
    viewer: signedIn ? { signedIn: true, name: actor.name, isSiteAdmin: actor.isSiteAdmin } : { signedIn: false },
    flash: reply.sent ? undefined : takeFlash(request, reply),
    ...(options.withCsrf || signedIn ? { csrfToken: reply.generateCsrf() } : {}),
  });
}

/** Redirects (303, so a POST becomes a GET) to a locale-free path in the request's language. */
export function redirectTo(request: FastifyRequest, reply: FastifyReply, path: string, flash?: MessageKey): FastifyReply {
  if (flash) setFlash(reply, flash);
  const { locale } = localeFromPath(request.url);
  return reply.redirect(localizedPath(locale, path), 303);
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** Registers GET `path` and `/en{path}`; the handler returns a VNode (rendered as a page). */
export function registerPage(
  app: FastifyInstance,
  path: string,
  handler: PageHandler,
  options: RouteShorthandOptions & { withCsrf?: boolean } = {},
): void {
  const { withCsrf, ...routeOptions } = options;
  const run = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContextFor(request, reply, { withCsrf: withCsrf ?? false });
    const result = await handler(request, reply, ctx);
    if (reply.sent) return reply;
    if (result === undefined) return reply;
    // A handler may set another status first (e.g. 400 for a form shown again).
    return sendHtml(reply, typeof result === 'string' ? result : renderPage(result), reply.statusCode);
  };
  const schema = { hide: true, ...(routeOptions.schema ?? {}) };
  app.get(path, { ...routeOptions, schema }, run);
  app.get(path === '/' ? '/en' : `/en${path}`, { ...routeOptions, schema }, run);
}

export type { FormState };

export type PageActionHandler = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<VNode | FastifyReply | void>;

/**
 * Registers POST `path` and `/en{path}` for a form. The handler redirects on success, or returns
 * the page again (status 400) when the input was invalid — see `formFromError`.
 */
export function registerPageAction(app: FastifyInstance, path: string, handler: PageActionHandler, options: RouteShorthandOptions = {}): void {
  const run = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContextFor(request, reply, { withCsrf: true });
    const result = await handler(request, reply, ctx);
    if (reply.sent || result === undefined || isReply(result)) return reply;
    return sendHtml(reply, renderPage(result), reply.statusCode);
  };
  const schema = { hide: true, ...(options.schema ?? {}) };
  app.post(path, { ...options, schema }, run);
  app.post(path === '/' ? '/en' : `/en${path}`, { ...options, schema }, run);
}

function isReply(value: unknown): value is FastifyReply {
  return typeof value === 'object' && value !== null && 'sent' in value && 'code' in value;
}

/**
 * The form to show again after a failed submit: the values sent (minus secrets) and the field
 * problems of a ValidationError (or a ConflictError naming fields); sets the status to 400 (409).
 * Any other error is re-thrown to the error handler.
 */
export function formFromError(error: unknown, request: FastifyRequest, reply: FastifyReply, options: { omit?: string[] } = {}): FormState {
  if (!(error instanceof ValidationError) && !(error instanceof ConflictError && error.details)) throw error;
  reply.code(error.status);
  const body = request.body;
  const values: Record<string, string | undefined> = {};
  const omit = new Set(['_csrf', 'password', 'newPassword', 'currentPassword', ...(options.omit ?? [])]);
  for (const [key, value] of Object.entries((body as Record<string, unknown>) ?? {})) {
    if (!omit.has(key) && typeof value === 'string') values[key] = value;
  }
  return { values, errors: error.details ?? {} };
}

/** Form fields as strings (url-encoded bodies may repeat a key; the first value wins). */
export function formBody(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((request.body as Record<string, unknown>) ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}
