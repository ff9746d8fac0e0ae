// The API's own description: the OpenAPI document and a status endpoint.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

export async function apiMeta(app: FastifyInstance, options: { version: string }): Promise<void> {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    return app.swagger();
  });
  app.get(
    '/api/v1/status',
    {
      schema: {
        summary: 'Service name, version and server time',
        tags: ['meta'],
        response: { 200: Type.Object({ name: Type.String(), version: Type.String(), time: Type.String({ format: 'date-time' }) }) },
      },
    },
    async () => ({ name: 'allmanning', version: options.version, time: new Date().toISOString() }),
  );
}
