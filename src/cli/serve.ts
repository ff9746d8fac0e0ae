import { buildApp } from '../app.js';
import { domainsOf } from '../domains.js';
import { Worker } from '../platform/jobs/index.js';
import { closeRuntime, openRuntime, untilSignal } from './runtime.js';

/** `allmanning serve`: migrate, listen, run jobs in-process unless told not to, stop gracefully. */
export async function serveCommand(): Promise<void> {
  // Request lines are many: the server logs asynchronously (see stderrDestination).
  const deps = await openRuntime({ asyncLog: true });
  const { config, log } = deps;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    app = await buildApp(deps, { logRequests: true });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // E.g. EADDRINUSE: close the database too, or an idle PostgreSQL pool keeps the failing
    // process alive after its one-line error.
    await app?.close().catch(() => undefined);
    await closeRuntime(deps).catch(() => undefined);
    throw error;
  }
  log.info({ url: config.baseUrl, dialect: deps.database.dialect }, 'Allmänning is serving');
  // The embedded search index reads the whole catalog once (≈ 12 s at 100,000 datasets): start now,
  // in the background, rather than on the first visitor's search.
  const searchIndex = domainsOf(deps).search.index;
  const warmStarted = performance.now();
  searchIndex
    .warm()
    .then(() => log.info({ index: searchIndex.kind, ms: Math.round(performance.now() - warmStarted) }, 'search index ready'))
    .catch((error: unknown) => log.error({ err: error }, 'search index could not be built; searches will try again'));
  const worker = config.jobsInServe
    ? new Worker({ db: deps.db, clock: deps.clock, queue: deps.queue, registry: deps.jobs, log }, { concurrency: config.workerConcurrency, pollIntervalMs: config.workerPollIntervalMs })
    : undefined;
  worker?.start();
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  // app.close() waits for every open connection, so one client that never finishes its request
  // (or a slow upload) held the process up long past ALLMANNING_SHUTDOWN_TIMEOUT_MS — until the
  // client gave up. After the timeout, cut the connections that are left.
  const server = app.server;
  const deadline = setTimeout(() => {
    log.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timeout reached; closing the remaining connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  try {
    await Promise.all([app.close(), worker?.stop(config.shutdownTimeoutMs)]);
  } finally {
    clearTimeout(deadline);
  }
  await closeRuntime(deps);
}
