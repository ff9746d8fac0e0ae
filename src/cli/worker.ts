import { Worker } from '../platform/jobs/index.js';
import { closeRuntime, openRuntime, untilSignal } from './runtime.js';

/** `allmanning worker`: runs background jobs until stopped; `--once` drains what is due and exits. */
export async function workerCommand(options: { once?: boolean }): Promise<void> {
  const deps = await openRuntime();
  const { config, log } = deps;
  const worker = new Worker(
    { db: deps.db, clock: deps.clock, queue: deps.queue, registry: deps.jobs, log },
    { concurrency: config.workerConcurrency, pollIntervalMs: config.workerPollIntervalMs },
  );
  if (options.once) {
    await worker.drain();
    process.stdout.write(`${JSON.stringify(await deps.queue.counts())}\n`);
  } else {
    worker.start();
    log.info({ worker: worker.id, jobs: deps.jobs.names() }, 'worker started');
    const signal = await untilSignal();
    log.info({ signal }, 'worker stopping');
    await worker.stop(config.shutdownTimeoutMs);
  }
  await closeRuntime(deps);
}
