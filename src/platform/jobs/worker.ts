// Runs jobs: polls the queue, runs handlers with a time limit, retries failures with backoff and
// enqueues scheduled jobs when they fall due. Several workers (processes) can run at once.
import os from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { ClaimedJob, JobQueue } from './job-queue.js';
import { enqueueDueSchedules } from './schedules.js';

export interface JobContext {
  jobId: string;
  attempt: number;
  /** The attempts the job has in all: `attempt === maxAttempts` is its last chance. */
  maxAttempts: number;
  log: Logger;
  /** Aborted when the job runs past its time limit or the worker stops. */
  signal: AbortSignal;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface JobDefinition {
  handler: JobHandler;
  /** Longest a run may take before it counts as failed (default 5 minutes). */
  timeoutMs?: number;
}

/** The jobs this process knows how to run, registered in one visible list in app.ts. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  register(name: string, definition: JobDefinition): void {
    if (this.jobs.has(name)) throw new Error(`Job ${name} is registered twice`);
    this.jobs.set(name, definition);
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }
}

export interface WorkerOptions {
  concurrency: number;
  pollIntervalMs: number;
  /** How long a claimed job is held before another worker may take it over. */
  leaseMs?: number;
}

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  queue: JobQueue;
  registry: JobRegistry;
  log: Logger;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** How long stop() lets aborted jobs record their outcome. */
const STOP_GRACE_MS = 1_000;

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}

export class Worker {
  readonly id = `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopController = new AbortController();
  private stopped = true;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Stops taking jobs and waits (up to timeoutMs) for those in flight. Jobs still running then are
   * aborted and given a moment to record their outcome (they will be retried).
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    const inFlight = Promise.allSettled([...this.running.values()]);
    const timedOut = await Promise.race([inFlight.then(() => false), delay(timeoutMs, true)]);
    if (timedOut) {
      this.stopController.abort(new Error('worker stopping'));
      await Promise.race([inFlight, delay(STOP_GRACE_MS, true)]);
    }
  }

  /** One pass: enqueue due schedules, claim free slots' worth of jobs, start them. Returns how many started. */
  tick(): Promise<number> {
    // Passes run one after another: two overlapping passes (the polling loop and a caller's tick)
    // would both count the same free slots and together start more than `concurrency` jobs.
    const pass = this.ticking.then(() => this.tickOnce());
    this.ticking = pass;
    return pass;
  }

  private async tickOnce(): Promise<number> {
    const { queue, registry, db, clock, log } = this.deps;
    // Schedules are enqueued apart from claiming: a broken schedule (or a failed pass over them)
    // used to fail the whole tick, so no job at all ran until it was fixed.
    try {
      await enqueueDueSchedules(db, clock, queue, (schedule, error) => log.error({ err: error, schedule }, 'scheduled job could not be enqueued'));
    } catch (error) {
      log.error({ err: error }, 'enqueueing due schedules failed');
    }
    try {
      const free = this.options.concurrency - this.running.size;
      const jobs = await queue.claim(this.id, registry.names(), free, this.options.leaseMs ?? this.defaultLeaseMs());
      for (const job of jobs) {
        const run = this.run(job).finally(() => this.running.delete(job.id));
        this.running.set(job.id, run);
      }
      return jobs.length;
    } catch (error) {
      log.error({ err: error }, 'job worker tick failed');
      return 0;
    }
  }

  /** Runs ticks until no job is due and none is running. For tests and one-shot CLI runs. */
  async drain(): Promise<void> {
    for (;;) {
      const started = await this.tick();
      await Promise.allSettled([...this.running.values()]);
      if (started === 0 && this.running.size === 0) return;
    }
  }

  /**
   * A claimed job is held for longer than the longest time limit among the registered jobs: with a
   * shorter lease another worker would take over a job that is still running and run it twice.
   */
  private defaultLeaseMs(): number {
    const longest = Math.max(DEFAULT_TIMEOUT_MS, ...this.deps.registry.names().map((name) => this.deps.registry.get(name)?.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    return longest + 60_000;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().then((started) => {
        // Look again at once while there is work, otherwise wait the poll interval.
        this.schedule(started > 0 && this.running.size < this.options.concurrency ? 0 : this.options.pollIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async run(job: ClaimedJob): Promise<void> {
    const { queue, registry, log } = this.deps;
    const definition = registry.get(job.name);
    const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    if (!definition) return; // Not ours; claim() only takes registered names.
    const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const onStop = () => controller.abort(new Error('worker stopping'));
    this.stopController.signal.addEventListener('abort', onStop);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        definition.handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, log: jobLog, signal: controller.signal }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new Error(`timed out after ${timeoutMs} ms`);
            controller.abort(error);
            reject(error);
          }, timeoutMs);
        }),
      ]);
      // A handler that obeys its signal returns early, with its work unfinished: that is the
      // timeout (or the stop) failing the run, not a success.
      if (controller.signal.aborted) throw controller.signal.reason;
      await queue.complete(job, this.id);
      jobLog.debug('job succeeded');
    } catch (error) {
      try {
        const outcome = await queue.fail(job, this.id, error);
        jobLog.warn({ err: error, outcome }, 'job failed');
      } catch (failError) {
        // Nobody awaits a run, so a rejection here would crash the process. The job stays
        // 'running' until its lease runs out and is then retried.
        jobLog.error({ err: failError, jobError: error }, 'could not record the job failure');
      }
    } finally {
      if (timer) clearTimeout(timer);
      this.stopController.signal.removeEventListener('abort', onStop);
    }
  }
}
