import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';

export const PRUNE_JOBS_JOB = 'platform.prune-jobs';
/** Every night at 03:15 Stockholm time. */
export const PRUNE_JOBS_CRON = '15 3 * * *';

/** Deletes finished jobs older than `keepDays`; failed ones are kept longer for inspection. */
export async function pruneFinishedJobs(db: Db, clock: Clock, keepDays = 7): Promise<number> {
  const now = clock.now().getTime();
  const succeededBefore = new Date(now - keepDays * 86_400_000).toISOString();
  const failedBefore = new Date(now - keepDays * 4 * 86_400_000).toISOString();
  const result = await db
    .deleteFrom('job')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'succeeded'), eb('finished_at', '<', succeededBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', failedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
