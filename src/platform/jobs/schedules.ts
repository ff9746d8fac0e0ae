// Scheduled jobs by cron expression. Each schedule is a row holding its next due time; whichever
// worker first moves that time forward (a conditional UPDATE) enqueues the run, in the same
// transaction, so several workers never run one tick twice and a restart never skips one.
import { isDeepStrictEqual } from 'node:util';
import { Cron } from 'croner';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { ValidationError } from '../errors.js';
import type { JobQueue } from './job-queue.js';

export interface ScheduleDefinition {
  /** The job name it enqueues; also the schedule's id. */
  name: string;
  /** Five- or six-field cron expression, e.g. '0 3 * * *' for 03:00 every night. */
  cron: string;
  timezone?: string;
  payload?: unknown;
}

export const DEFAULT_TIMEZONE = 'Europe/Stockholm';

/** The first run strictly after `after`; throws ValidationError for a bad expression or timezone. */
export function nextCronRun(cron: string, timezone: string, after: Date): Date {
  // croner accepts any timezone name when it parses and throws a plain TypeError only when it
  // computes a date, which would surface as a 500; check the name first.
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ValidationError({ timezone: ['is not a known IANA timezone'] });
  }
  let job: Cron;
  try {
    job = new Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new ValidationError({ cron: [error instanceof Error ? error.message : 'is not a valid cron expression'] });
  }
  const next = job.nextRun(after);
  if (!next) throw new ValidationError({ cron: ['never runs'] });
  return next;
}

/** Creates or updates a schedule. An unchanged schedule keeps its next due time. */
export async function upsertSchedule(db: Db, clock: Clock, definition: ScheduleDefinition): Promise<void> {
  const timezone = definition.timezone ?? DEFAULT_TIMEZONE;
  const now = clock.now();
  const next = nextCronRun(definition.cron, timezone, now).toISOString();
  const payload = JSON.stringify(definition.payload ?? null);
  const existing = await db.selectFrom('job_schedule').selectAll().where('name', '=', definition.name).executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('job_schedule')
      .values({ name: definition.name, cron: definition.cron, timezone, payload, next_run_at: next, last_run_at: null, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return;
  }
  // Payloads are compared as values, not text: PostgreSQL's jsonb gives back its own spacing and
  // key order, so a text comparison saw every object payload as changed and pushed a missed run
  // into the future at each start.
  if (existing.cron === definition.cron && existing.timezone === timezone && isDeepStrictEqual(JSON.parse(existing.payload), JSON.parse(payload))) return;
  await db
    .updateTable('job_schedule')
    .set({ cron: definition.cron, timezone, payload, next_run_at: next, updated_at: now.toISOString() })
    .where('name', '=', definition.name)
    .execute();
}

/**
 * Enqueues one job for every schedule that is due. A schedule that missed several ticks (all
 * workers were down) runs once, then continues from now.
 *
 * A schedule that cannot be enqueued (say, a cron expression edited by hand) does not hold up the
 * others: it is passed to `onError` and skipped; without `onError` the first such error is thrown
 * once the other schedules have been handled.
 */
export async function enqueueDueSchedules(db: Db, clock: Clock, queue: JobQueue, onError?: (schedule: string, error: unknown) => void): Promise<string[]> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const due = await db.selectFrom('job_schedule').selectAll().where('next_run_at', '<=', nowIso).execute();
  const started: string[] = [];
  const failures: unknown[] = [];
  for (const schedule of due) {
    try {
      const next = nextCronRun(schedule.cron, schedule.timezone, now).toISOString();
      const won = await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('job_schedule')
          .set({ next_run_at: next, last_run_at: nowIso, updated_at: nowIso })
          .where('name', '=', schedule.name)
          .where('next_run_at', '=', schedule.next_run_at)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) return false;
        await queue.enqueue(schedule.name, JSON.parse(schedule.payload), { uniqueKey: `schedule:${schedule.name}:${schedule.next_run_at}` }, trx);
        return true;
      });
      if (won) started.push(schedule.name);
    } catch (error) {
      if (onError) onError(schedule.name, error);
      else failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
  return started;
}
