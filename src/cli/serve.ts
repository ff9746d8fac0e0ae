import { buildApp } from '../app.js';
import { Worker } from '../platform/jobs/index.js';
import { closeRuntime, openRuntime, untilSignal } from './runtime.js';

/** `allmanning serve`: migrate, listen, run jobs in-process unless told not to, stop gracefully. */
export async function serveCommand(): Promise<void> {
  const deps = await openRuntime();
  const { config, log } = deps;
  const app = await buildApp(deps, { logRequests: true });
  await app.listen({ port: config.port, host: config.host });
  log.info({ url: config.baseUrl, dialect: deps.database.dialect }, 'Allmänning is serving');
  const worker = config.jobsInServe
    ? new Worker({ db: deps.db, clock: deps.clock, queue: deps.queue, registry: deps.jobs, log }, { concurrency: config.workerConcurrency, pollIntervalMs: config.workerPollIntervalMs })
    : undefined;
  worker?.start();
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  await Promise.all([app.close(), worker?.stop(config.shutdownTimeoutMs)]);
  await closeRuntime(deps);
}
