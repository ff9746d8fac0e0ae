// Pages are served in Swedish at /path and in English at /en/path from one handler.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { VNode } from 'preact';
import { localeFromPath } from '../i18n/index.js';
import { createPageContext, type PageContext } from '../views/page-context.js';
import { renderPage } from '../views/render.js';

export type PageHandler = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<VNode | string | void> | VNode | string | void;

/** The page context of a request: locale from the URL prefix; a CSRF token when the page has a form. */
export function pageContextFor(request: FastifyRequest, reply: FastifyReply, options: { withCsrf?: boolean } = {}): PageContext {
  const { locale, path } = localeFromPath(request.url);
  return createPageContext({
    locale,
    path,
    requestId: String(request.id),
    ...(options.withCsrf ? { csrfToken: reply.generateCsrf() } : {}),
  });
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
    return sendHtml(reply, typeof result === 'string' ? result : renderPage(result));
  };
  const schema = { hide: true, ...(routeOptions.schema ?? {}) };
  app.get(path, { ...routeOptions, schema }, run);
  app.get(path === '/' ? '/en' : `/en${path}`, { ...routeOptions, schema }, run);
}
