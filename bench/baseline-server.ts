// The baseline for bench/run.ts: the smallest Fastify server (same Fastify version as the app, no
// plugins, no logging), one JSON route. Listens on 127.0.0.1 on a free port and prints
// {"port":n} on stdout; stops on SIGTERM.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
