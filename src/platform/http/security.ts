// Security headers (CSP without 'unsafe-inline'), signed cookies, CSRF for form posts, and a
// per-IP rate limit on writes. Anonymous GETs are not rate limited (a proxy or CDN does that).
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../errors.js';
import { wantsJson } from './error-handler.js';
import { installSecurityHeaders } from './security-headers.js';

export interface SecurityOptions {
  secretKey: string;
  secureCookies: boolean;
  writeRateLimitPerMinute: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Form posts to pages need a CSRF token; API calls authenticate with bearer tokens instead. */
export function needsCsrfCheck(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method) && !wantsJson(request);
}

export async function installSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // Other origins may read our public data (CORS is decided per route), so allow cross-origin use.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    hsts: options.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(cookie, { secret: options.secretKey });
  await app.register(csrf, {
    cookieKey: '_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: options.secureCookies, signed: true },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined);
    },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (needsCsrfCheck(request)) app.csrfProtection(request, reply, done);
    else done();
  });
  // Only writes are limited: safe routes opt out before the plugin sees them, so GETs pay nothing.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => SAFE_METHODS.has(method)) && route.config?.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: false };
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: options.writeRateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => SAFE_METHODS.has(request.method),
    errorResponseBuilder: (_request, context) => {
      const error = new RateLimitedError(undefined, Math.ceil(context.ttl / 1000));
      // @fastify/rate-limit throws what this returns; our error handler renders it.
      return error as unknown as object;
    },
  });
}
