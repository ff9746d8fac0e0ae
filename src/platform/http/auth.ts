// The auth hook: every request gets `request.actor`, resolved once from its credentials by a
// resolver the application composes (accounts → user, organisations → roles).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymous, type Actor } from '../auth/actor.js';
import { UnauthorizedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor>;

export const SESSION_COOKIE = 'allmanning_session';

/** The CKAN Action API also takes a token sent bare (`Authorization: <token>`), as CKAN clients send it. */
const BARE_TOKEN_PATHS = /^\/api\/(3\/)?action\//;

/** The bearer token of a request, if it sent one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match && BARE_TOKEN_PATHS.test(request.url) && /^\S+$/.test(header.trim())) return header.trim();
  return match?.[1] ?? '';
}

/** Operational and static routes carry no user credentials (/metrics has its own token). */
function needsNoActor(url: string): boolean {
  return url.startsWith('/static/') || /^\/(healthz|readyz|metrics)(\?|$)/.test(url);
}

export function installAuth(app: FastifyInstance, resolve: ActorResolver): void {
  // Fastify wants decorations of reference type to start as null and be set per request.
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', (request, _reply, done) => {
    request.actor = anonymous;
    // Most requests carry no credentials at all: they are anonymous without a lookup.
    if (needsNoActor(request.url) || (request.headers.authorization === undefined && request.headers.cookie === undefined)) {
      done();
      return;
    }
    resolve(request).then(
      (actor) => {
        request.actor = actor;
        done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

export function requireSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new UnauthorizedError();
}
