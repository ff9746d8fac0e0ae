// Helpers the account and admin pages share: the session cookie, "sign in first" redirects, safe
// return paths, query parameters, and how services' errors are told apart.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { UserActor } from '../../platform/auth/actor.js';
import { ConflictError, ValidationError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/http/auth.js';
import { setFlash } from '../../platform/http/flash.js';
import { sendHtml } from '../../platform/http/pages.js';
import { localeFromPath, localizedPath } from '../../platform/i18n/index.js';
import type { FormState } from '../../platform/views/forms.js';
import { renderPage, type PageContext } from '../../platform/views/index.js';
import { SESSION_TTL_MS } from './accounts.deps.js';
import { MessagePage } from './views/common.js';

export interface CookieOptions {
  /** Send cookies with Secure (the site is served over https). */
  secureCookies: boolean;
}

function sessionCookieOptions(options: CookieOptions) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies, signed: true };
}

export function setSessionCookie(reply: FastifyReply, sessionToken: string, options: CookieOptions): void {
  reply.setCookie(SESSION_COOKIE, sessionToken, { ...sessionCookieOptions(options), maxAge: Math.floor(SESSION_TTL_MS / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, options: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options));
}

/** The session token from the signed cookie, if the request carries a valid one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/**
 * A path on this site to return to after logging in, or undefined when `value` could lead
 * elsewhere ("//evil.example", "/\\evil.example", "https://…", control characters).
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  try {
    const url = new URL(value, 'http://allmanning.invalid');
    if (url.origin !== 'http://allmanning.invalid') return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

/** The login page in the request's language, returning to `next` (a full local path) afterwards. */
export function loginPath(request: FastifyRequest, next: string): string {
  const { locale } = localeFromPath(request.url);
  return localizedPath(locale, `/login?next=${encodeURIComponent(next)}`);
}

/**
 * The signed-in user, or undefined after answering with a redirect to the log-in page. A GET
 * returns to itself afterwards; a form post returns to `afterLogin` (the page the form was on).
 */
export function requireUserPage(request: FastifyRequest, reply: FastifyReply, afterLogin?: string): UserActor | undefined {
  if (request.actor.kind === 'user') return request.actor;
  const { locale } = localeFromPath(request.url);
  const next = request.method === 'GET' ? request.url : localizedPath(locale, afterLogin ?? '/account');
  setFlash(reply, 'accounts.flash.loginRequired');
  reply.redirect(loginPath(request, next), 303);
  return undefined;
}

/** One query parameter as a string (the first, if repeated); undefined when absent or too long. */
export function queryParam(request: FastifyRequest, name: string, maxLength = 500): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length <= maxLength ? first : undefined;
}

/** A non-negative whole number from the query (paging offsets); 0 when absent or not one. */
export function offsetParam(request: FastifyRequest): number {
  const value = Number(queryParam(request, 'offset', 12) ?? '0');
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** The link in an e-mail was unknown, used or expired (see email-token.ts). */
export function isInvalidLink(error: unknown): boolean {
  return error instanceof ValidationError && error.code === 'invalid_token';
}

export function isConflict(error: unknown, code: string): boolean {
  return error instanceof ConflictError && error.code === code;
}

/** A form state whose fields are named differently on the page than in the service. */
export function renameFields(state: FormState, names: Record<string, string>): FormState {
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(state.errors)) errors[names[field] ?? field] = messages;
  return { values: state.values, errors };
}

/** Pages with personal data, CSRF tokens or secret links are neither cached nor referred on. */
export function privatePageHeaders(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
}

/**
 * Answers with a page and a status other than 200 from a GET handler (registerPage always sends
 * 200 for a returned page). The handler then returns undefined.
 */
export function sendPage(reply: FastifyReply, page: VNode, status: number): undefined {
  sendHtml(reply, renderPage(page), status);
  return undefined;
}

/** "This link does not work" (status 400): nothing was changed; `help` says what to do instead. */
export function invalidLinkPage(ctx: PageContext, reply: FastifyReply, help: string, links: { href: string; label: string }[]) {
  return sendPage(reply, MessagePage({ ctx, title: ctx.t('accounts.link.invalidTitle'), paragraphs: [ctx.t('accounts.link.invalidText'), help], links }), 400);
}
