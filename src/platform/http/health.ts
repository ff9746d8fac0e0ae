import type { FastifyInstance } from 'fastify';

/** /healthz: the process answers. /readyz: it can serve — the database answers and is migrated. */
export function installHealth(app: FastifyInstance, isReady: () => Promise<boolean>): void {
  const status = { schema: { hide: true } };
  app.get('/healthz', status, async () => ({ status: 'ok' }));
  app.get('/readyz', status, async (_request, reply) => {
    const ready = await isReady();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
  });
}
