// A durable job queue in the database. Jobs are rows: they survive restarts, several workers share
// them, and a worker that dies mid-job loses only its lease — the job runs again when it expires.
// Claiming is one UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING statement; on PostgreSQL the
// inner SELECT takes FOR UPDATE SKIP LOCKED so concurrent workers never wait for or share a job.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { asPlatformDb, type AnyExecutor, type Db } from '../../db/database.js';
import type { DialectName } from '../../db/dialect.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';

export interface EnqueueOptions {
  /** When the job becomes due (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** At most one queued or running job holds a key; enqueueing a second returns undefined. */
  uniqueKey?: string;
  queue?: string;
}

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface JobQueueDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  log?: Logger;
}

/**
 * Delay before retry N (1-based): 2^N seconds, at most one hour, with ±20 % jitter on top (so the
 * longest delay is 72 minutes; the jitter keeps capped retries from arriving all at once).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** attempt * 1000, 3_600_000);
  return Math.round(base * (0.8 + random() * 0.4));
}

export class JobQueue {
  constructor(private readonly deps: JobQueueDeps) {}

  /**
   * Adds a job. Pass a transaction as `executor` to make the job part of a larger write: it is then
   * enqueued only if that write commits.
   */
  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}, executor: AnyExecutor = this.deps.db): Promise<string | undefined> {
    const now = this.deps.clock.now().toISOString();
    const id = newId();
    const result = await asPlatformDb(executor)
      .insertInto('job')
      .values({
        id,
        queue: options.queue ?? 'default',
        name,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        max_attempts: options.maxAttempts ?? 5,
        run_at: (options.runAt ?? this.deps.clock.now()).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        unique_key: options.uniqueKey ?? null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
  }

  /**
   * Takes up to `limit` due jobs among `names` for `workerId`, holding each for `leaseMs`. Jobs whose
   * lease ran out (their worker died) are due again.
   */
  async claim(workerId: string, names: string[], limit: number, leaseMs: number): Promise<ClaimedJob[]> {
    if (names.length === 0 || limit <= 0) return [];
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const db = this.deps.db;
    // A job whose worker died on its last attempt would otherwise be taken over forever: fail it.
    await db
      .updateTable('job')
      .set({ status: 'failed', finished_at: nowIso, updated_at: nowIso, unique_key: null, locked_by: null, locked_until: null, last_error: 'the worker running the last attempt stopped before it finished (lease expired)' })
      .where('status', '=', 'running')
      .where('locked_until', '<', nowIso)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
    const due = db
      .selectFrom('job')
      .select('id')
      .where('name', 'in', names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit);
    const lockedDue = this.deps.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    const rows = await db
      .updateTable('job')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: workerId,
        locked_until: lockedUntil,
        updated_at: nowIso,
      }))
      .where('id', 'in', lockedDue)
      .returningAll()
      .execute();
    return rows
      .sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id < b.id ? -1 : 1))
      .map((row) => ({ id: row.id, name: row.name, payload: JSON.parse(row.payload), attempts: row.attempts, maxAttempts: row.max_attempts }));
  }

  /** Marks a job done. Only the worker holding it can: a job whose lease was taken over is left alone. */
  async complete(job: ClaimedJob, workerId: string): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.db
      .updateTable('job')
      .set({ status: 'succeeded', finished_at: now, updated_at: now, locked_by: null, locked_until: null, unique_key: null, last_error: null })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .execute();
  }

  /** Schedules a retry with backoff, or marks the job failed when its attempts are used up. */
  async fail(job: ClaimedJob, workerId: string, error: unknown): Promise<'retry' | 'failed'> {
    const now = this.deps.clock.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const finalAttempt = job.attempts >= job.maxAttempts;
    const changes = finalAttempt
      ? { status: 'failed' as const, finished_at: now.toISOString(), unique_key: null }
      : { status: 'queued' as const, run_at: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString() };
    await this.deps.db
      .updateTable('job')
      .set({ ...changes, last_error: message, locked_by: null, locked_until: null, updated_at: now.toISOString() })
      .where('id', '=', job.id)
      .where('locked_by', '=', workerId)
      .execute();
    return finalAttempt ? 'failed' : 'retry';
  }

  /** Counts of jobs by status, for tests, the CLI and metrics. */
  async counts(): Promise<Record<'queued' | 'running' | 'succeeded' | 'failed', number>> {
    const rows = await this.deps.db.selectFrom('job').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
    const counts = { queued: 0, running: 0, succeeded: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }
}
