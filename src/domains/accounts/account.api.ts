// /api/v1/me and the caller's API tokens. Thin: routes call services.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireSignedIn } from '../../platform/http/auth.js';
import type { ProfileService } from './profile.service.js';
import type { TokenService } from './token.service.js';
import { ApiTokenSchema, CreateTokenBody, CreatedTokenSchema, MeSchema, TokenParams } from './account.schemas.js';

const security = [{ bearerAuth: [] }];

export function accountApi(services: { profile: ProfileService; tokens: TokenService }) {
  return async function routes(app: FastifyInstance): Promise<void> {
    // Every route here is the caller's own: refuse anonymous callers before reading the body, so
    // a missing token is a 401 whatever was sent (not a 400 about fields they may not use).
    app.addHook('preValidation', async (request) => {
      requireSignedIn(request.actor);
      // A POST without any body (no Content-Type) is an empty object: every field is optional.
      if (request.method === 'POST' && request.body === undefined && !request.headers['content-type']) request.body = {};
    });

    app.get('/api/v1/me', { schema: { summary: 'The signed-in user and their organisation roles', tags: ['accounts'], security, response: { 200: MeSchema } } }, async (request) => {
      requireSignedIn(request.actor);
      const profile = await services.profile.get(request.actor);
      return { ...profile, organizations: Object.entries(request.actor.roles).map(([id, role]) => ({ id, role })) };
    });

    app.get('/api/v1/me/tokens', { schema: { summary: "The caller's API tokens (never their secrets)", tags: ['accounts'], security, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(ApiTokenSchema) }) } } }, async (request) => {
      const items = await services.tokens.list(request.actor);
      return { total: items.length, items };
    });

    app.post(
      '/api/v1/me/tokens',
      { schema: { summary: 'Create an API token; the secret is in this answer only', tags: ['accounts'], security, body: CreateTokenBody, response: { 201: CreatedTokenSchema } } },
      async (request, reply) => {
        const { token, view } = await services.tokens.create(request.actor, (request.body as { name?: string } | undefined) ?? {});
        return reply.code(201).send({ token, ...view });
      },
    );

    app.delete('/api/v1/me/tokens/:tokenId', { schema: { summary: 'Revoke an API token', tags: ['accounts'], security, params: TokenParams } }, async (request, reply) => {
      await services.tokens.revoke(request.actor, (request.params as { tokenId: string }).tokenId);
      return reply.code(204).send();
    });
  };
}
