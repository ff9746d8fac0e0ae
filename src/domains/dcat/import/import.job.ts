// The import page's background job, `dcat.import`. The page queues a run (submit: a run row in
// state 'queued', an uploaded file kept under <dataDir>/imports/<runId>, and the job, in one
// transaction) and answers at once; a worker then runs the import through the service into that
// same row, so its counts and report land where the page looks for them.
//
// - One import per organisation at a time: a run starts only when no other run of its
//   organisation is running (claimRun); otherwise the job is put back a little later, without
//   spending an attempt.
// - A running run is held with a lease the worker renews (with the counts so far); a run whose
//   lease ran out was left by a worker that died. The job's retry takes it over and imports again
//   from the start (the import is idempotent). A fault (not an unreadable source, which is the
//   run's result) queues the run again for the job's next attempt; after the last one it fails
//   with the fault's one line, as does a run whose worker died on its last attempt.
// - The uploaded file is deleted when the run is over (whatever the result), never before.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import type { JobContext, JobQueue } from '../../../platform/jobs/index.js';
import { sourceIdOf } from './import-source.js';
import { importRepository, type ImportRunRow } from './import.repository.js';
import type { ImportService } from './import.service.js';
import type { ImportTables, ImportRunStatus } from './import.table.js';

export const IMPORT_JOB = 'dcat.import';
/** Attempts per run: a worker that dies (or a fault) twice still leaves a third. */
export const IMPORT_JOB_ATTEMPTS = 3;
/**
 * Longest one attempt may take (a 50 MB upload imports in well under a minute; larger catalogs are
 * for `allmanning import`). The worker holds every claimed job a minute longer than the longest
 * registered limit, so this also decides how soon any job of a dead worker is retried.
 */
export const IMPORT_JOB_TIMEOUT_MS = 15 * 60_000;
/** How long a worker holds a running run without renewing; renewed every RENEW_MS. */
export const RUN_LEASE_MS = 2 * 60_000;
const RENEW_MS = 20_000;
/** How much later a job whose organisation is busy looks again. */
export const BUSY_RETRY_MS = 15_000;
/** A CLI run (no lease) into the same organisation counts as running for this long after its start. */
const CLI_RUN_MS = 6 * 60 * 60_000;
const ABANDONED = `the worker running this import stopped before it finished, ${IMPORT_JOB_ATTEMPTS} times`;

export interface ImportJobPayload {
  runId: string;
  /** An uploaded file (kept under the uploads directory by run id) rather than a URL. */
  file: boolean;
  contentType?: string | undefined;
}

export interface ImportJobsDeps {
  db: Kysely<ImportTables>;
  clock: Clock;
  log?: Logger | undefined;
  service: ImportService;
  /** <dataDir>/imports: uploads waiting for their run. */
  uploadsDir: string;
  /** The job queue, once the job is registered (registerJobs in app.ts). */
  queue: () => JobQueue | undefined;
}

export interface SubmitRequest {
  organizationId: string;
  actorId: string | null;
  /** A URL to read… */
  url?: string | undefined;
  /** …or a file the page stored with `incomingFile()`. */
  upload?: { file: string; name: string; type: string } | undefined;
}

/** One line of an error, for the run's `error`. */
const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);

/**
 * What the run shows now: a 'running' run whose lease ran out has lost its worker and waits for the
 * job's next attempt (after its last one it is failed by `settle`).
 */
export function shownStatus(row: Pick<ImportRunRow, 'status' | 'lease_until'>, nowIso: string): ImportRunStatus {
  return row.status === 'running' && row.lease_until !== null && row.lease_until < nowIso ? 'queued' : row.status;
}

export function createImportJobs(deps: ImportJobsDeps) {
  const { db, clock, service } = deps;
  const uploadOf = (runId: string) => path.join(deps.uploadsDir, runId);
  const incomingDir = path.join(deps.uploadsDir, 'incoming');

  async function removeUpload(runId: string): Promise<void> {
    await fs.promises.rm(uploadOf(runId), { force: true });
  }

  async function handle(payload: unknown, context: Pick<JobContext, 'attempt' | 'maxAttempts' | 'signal'> & { log?: Logger | undefined }): Promise<void> {
    const job = payload as ImportJobPayload;
    const log = context.log ?? deps.log;
    const row = await importRepository.findRun(db, job.runId);
    if (!row || !row.organization_id) {
      // The organisation (and with it the run) was deleted meanwhile.
      await removeUpload(job.runId);
      return;
    }
    const now = clock.now();
    const claim = await importRepository.claimRun(db, row.id, row.organization_id, {
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + RUN_LEASE_MS).toISOString(),
      cliRunsFrom: new Date(now.getTime() - CLI_RUN_MS).toISOString(),
    });
    if (claim === 'missing' || claim === 'done') {
      await removeUpload(row.id);
      return;
    }
    if (claim === 'busy') {
      // Another import of the organisation is running (or this one, in another worker): look again
      // later with a fresh job, so waiting costs no attempt.
      const queue = deps.queue();
      if (!queue) throw new Error('the import job is not registered');
      // The run's attempts so far stay spent: the new job has only those that are left.
      await queue.enqueue(IMPORT_JOB, job, { runAt: new Date(now.getTime() + BUSY_RETRY_MS), maxAttempts: Math.max(1, IMPORT_JOB_ATTEMPTS - row.attempts) });
      log?.info({ runId: row.id }, 'import: another import of the organisation is running; trying again shortly');
      return;
    }

    let progress: Parameters<typeof importRepository.renewLease>[3] = {};
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = importRepository
        .renewLease(db, row.id, new Date(clock.now().getTime() + RUN_LEASE_MS).toISOString(), progress)
        .catch((error: unknown) => log?.warn({ err: error, runId: row.id }, 'import: could not renew the run lease'));
    }, RENEW_MS);
    timer.unref();
    try {
      await service.run({
        runId: row.id,
        source: job.file ? uploadOf(row.id) : row.source,
        displayName: job.file ? row.source : undefined,
        contentType: job.contentType,
        organization: row.organization_id,
        actorId: row.created_by,
        signal: context.signal,
        onProgress: (totals) => {
          progress = { created_count: totals.created, updated_count: totals.updated, unchanged_count: totals.unchanged, failed_count: totals.failed, warning_count: totals.withWarnings };
        },
      });
    } catch (error) {
      // A fault, not the source: the next attempt imports again from the start; after the last
      // one the run fails with the fault's line (its partial report would mislead).
      clearInterval(timer);
      await renewing;
      const last = context.attempt >= context.maxAttempts;
      await importRepository.finishRun(db, row.id, last
        ? { status: 'failed', error: oneLine(error), report: null, lease_until: null, finished_at: clock.now().toISOString() }
        : { status: 'queued', error: oneLine(error), report: null, lease_until: null, finished_at: null });
      if (last) await removeUpload(row.id);
      throw error;
    } finally {
      clearInterval(timer);
    }
    await renewing;
    await importRepository.finishRun(db, row.id, { lease_until: null });
    await removeUpload(row.id);
  }

  return {
    /** The job's handler (registered as IMPORT_JOB). */
    handler: (payload: unknown, context: JobContext) => handle(payload, context),

    /**
     * Where the page streams an upload: inside the uploads directory, so that `submit` moves it
     * into place with a rename (never a copy across file systems).
     */
    async incomingFile(): Promise<string> {
      await fs.promises.mkdir(incomingDir, { recursive: true });
      return path.join(incomingDir, randomUUID());
    },

    async discard(file: string): Promise<void> {
      await fs.promises.rm(file, { force: true });
    },

    /** Queues a run and its job; returns the run id. An upload is moved to the run's place. */
    async submit(request: SubmitRequest): Promise<string> {
      const queue = deps.queue();
      if (!queue) throw new Error('the import job is not registered (registerJobs in app.ts)');
      const id = newId();
      const now = clock.now().toISOString();
      const { upload } = request;
      const source = upload ? upload.name : request.url!;
      const sourceId = upload ? sourceIdOf(upload.file, upload.name, request.organizationId) : sourceIdOf(source, undefined, request.organizationId);
      if (upload) await fs.promises.rename(upload.file, uploadOf(id));
      try {
        await db.transaction().execute(async (trx) => {
          await importRepository.insertRun(trx, {
            id, organization_id: request.organizationId, source, source_id: sourceId, status: 'queued', content_hash: null, error: null,
            created_count: 0, updated_count: 0, unchanged_count: 0, failed_count: 0, warning_count: 0, report: null, created_by: request.actorId, started_at: now, finished_at: null,
            lease_until: null, attempts: 0,
          });
          const payload: ImportJobPayload = { runId: id, file: Boolean(upload), contentType: upload?.type };
          await queue.enqueue(IMPORT_JOB, payload, { maxAttempts: IMPORT_JOB_ATTEMPTS }, trx);
        });
      } catch (error) {
        await removeUpload(id);
        throw error;
      }
      return id;
    },

    /** Fails the organisation's runs whose worker died on their last attempt (before showing them). */
    async settle(organizationId: string): Promise<void> {
      await importRepository.failAbandoned(db, organizationId, { now: clock.now().toISOString(), maxAttempts: IMPORT_JOB_ATTEMPTS, error: ABANDONED });
    },

    /** The run's status as shown now (see shownStatus). */
    shownStatus: (row: Pick<ImportRunRow, 'status' | 'lease_until'>) => shownStatus(row, clock.now().toISOString()),
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
