// The harvest's background jobs. `harvest.due` (every minute) takes the sources whose schedule is
// due — moving each one's next run forward with a conditional update, so several workers never run
// one tick twice — and queues a `harvest.run` job for each; "run now" queues one too. A source has
// at most one queued or running job (the queue's unique key), and the run itself holds the source
// with its lease (harvest.service.ts), so runs never overlap. A worker that dies mid-run loses the
// job's lease; the queue runs the job again, which finds the dead run's lapsed lease, marks it
// failed and harvests again from the start (the writes are idempotent).
import type { Logger } from 'pino';
import { NotFoundError } from '../../platform/errors.js';
import type { JobContext, JobQueue } from '../../platform/jobs/index.js';
import type { HarvestService } from './harvest.service.js';
import type { HarvestTrigger } from './harvest.table.js';

export const HARVEST_RUN_JOB = 'harvest.run';
export const HARVEST_DUE_JOB = 'harvest.due';
export const HARVEST_DUE_CRON = '* * * * *';
/** One attempt's limit (100,000 CKAN datasets take about a minute; see docs/harvest.md). */
export const HARVEST_JOB_TIMEOUT_MS = 15 * 60_000;
export const HARVEST_JOB_ATTEMPTS = 3;

export interface HarvestJobPayload {
  sourceId: string;
  trigger: HarvestTrigger;
}

export function createHarvestJobs(deps: { service: HarvestService; log?: Logger | undefined; queue: () => JobQueue | undefined }) {
  const queue = () => {
    const q = deps.queue();
    if (!q) throw new Error('the harvest jobs are not registered (registerJobs in app.ts)');
    return q;
  };
  const enqueueRun = (sourceId: string, trigger: HarvestTrigger) =>
    queue().enqueue(HARVEST_RUN_JOB, { sourceId, trigger } satisfies HarvestJobPayload, { uniqueKey: `${HARVEST_RUN_JOB}:${sourceId}`, maxAttempts: HARVEST_JOB_ATTEMPTS });

  return {
    enqueueRun,

    async runHandler(payload: unknown, context: Pick<JobContext, 'signal'> & { log?: Logger | undefined }): Promise<void> {
      const job = payload as HarvestJobPayload;
      const log = context.log ?? deps.log;
      try {
        const run = await deps.service.run(job.sourceId, { trigger: job.trigger, signal: context.signal });
        if (!run) log?.info({ source: job.sourceId }, 'harvest: another run of the source is in progress; this one is skipped');
        else log?.info({ source: job.sourceId, run: run.id, status: run.status }, 'harvest finished');
      } catch (error) {
        if (error instanceof NotFoundError) return; // the source was removed meanwhile
        throw error;
      }
    },

    async dueHandler(_payload: unknown, context: { log?: Logger | undefined }): Promise<void> {
      for (const id of await deps.service.takeDue()) {
        await enqueueRun(id, 'schedule');
        (context.log ?? deps.log)?.info({ source: id }, 'harvest: scheduled run queued');
      }
    },
  };
}

export type HarvestJobs = ReturnType<typeof createHarvestJobs>;
