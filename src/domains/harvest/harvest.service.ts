// Harvest sources and their runs (issue 7): an organisation's admins register a DCAT catalog's URL
// or a CKAN portal's base URL with a schedule; each run reads the whole source, writes what changed
// through the catalog's import writer (DCAT: through the DCAT import itself), and withdraws what
// vanished from the source once it has been missing for the grace period. Runs of one source never
// overlap: a run holds its source with a lease (harvest.repository.ts claim), renewed as it goes; a
// run whose process died is found by its lapsed lease, marked failed, and the next run does the work
// again from the start — the writes are idempotent, so nothing is duplicated.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { DEFAULT_TIMEZONE, nextCronRun } from '../../platform/jobs/index.js';
import type { CatalogImportWriter, CatalogService } from '../catalog/index.js';
import type { OrganizationService } from '../organizations/index.js';
import { CkanSourceError, harvestCkan, type HarvestOutcome, type HarvestTotals } from './ckan.harvester.js';
import { harvestPolicy } from './harvest.policy.js';
import { harvestRepository, type HarvestRunRow, type HarvestSourceRow, type RunCounts } from './harvest.repository.js';
import type { HarvestTables, HarvestTrigger, HarvestType } from './harvest.table.js';

export const DEFAULT_SCHEDULE = '0 2 * * *';
/** How long a run holds its source without renewing; renewed every RENEW_MS. */
export const RUN_LEASE_MS = 2 * 60_000;
const RENEW_MS = 20_000;
const MAX_ERRORS = 100;
export const ABANDONED = 'the process running this harvest stopped before it finished; the next run does the work again';

/**
 * What a harvest asks of the DCAT import (src/domains/dcat/import: `dcatImport.service.run`, wired in
 * src/domains.ts): the parts of its request and report a harvest uses.
 */
export interface DcatImportRequest {
  source: string;
  organization: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((totals: { created: number; updated: number; unchanged: number; failed: number }) => void) | undefined;
  eachItem?: ((item: { kind: string; key: string }) => void | Promise<void>) | undefined;
}

export interface DcatImportReport {
  status: 'succeeded' | 'failed';
  error?: string | undefined;
  sourceId: string;
  totals: { created: number; updated: number; unchanged: number; failed: number };
  items: { kind: string; key: string; title: string; action: string; error?: string | undefined }[];
}

export type DcatImporter = (request: DcatImportRequest) => Promise<DcatImportReport>;

export interface HarvestDeps {
  db: Kysely<HarvestTables>;
  clock: Clock;
  log?: Logger | undefined;
  writer: CatalogImportWriter;
  catalog: CatalogService;
  organizations: OrganizationService;
  /** The DCAT import (dcatImport.service.run). */
  importDcat: DcatImporter;
  config: { fetchAllowPrivate: readonly string[]; harvestWithdrawAfterHours: number };
}

export interface HarvestTuning {
  leaseMs: number;
  renewMs: number;
  ckanRows: number;
  fetchTimeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_TUNING: HarvestTuning = { leaseMs: RUN_LEASE_MS, renewMs: RENEW_MS, ckanRows: 1000, fetchTimeoutMs: 60_000, maxBytes: 512 * 1024 * 1024 };

export interface SourceInput {
  organization: string;
  type: HarvestType;
  url: string;
  schedule?: string | undefined;
}

export interface RunResult {
  run: HarvestRunRow;
}

/** The catalog `source_id` a source's datasets carry. DCAT: what the DCAT import gives a URL forced into an organisation. */
export function importSourceIdOf(type: HarvestType, url: string, organizationId: string, sourceId: string): string {
  return type === 'dcat' ? `org:${organizationId} url:${url.trim()}` : `harvest:${sourceId}`;
}

function checkInput(input: { type?: unknown; url?: unknown; schedule?: unknown }): void {
  const problems: Record<string, string[]> = {};
  if (input.type !== 'dcat' && input.type !== 'ckan') problems.type = ['harvest.validation.type'];
  let url: URL | undefined;
  try {
    url = new URL(String(input.url ?? ''));
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.url = ['harvest.validation.url'];
  if (input.schedule !== undefined && !isSchedule(String(input.schedule))) problems.schedule = ['harvest.validation.schedule'];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

function isSchedule(cron: string): boolean {
  try {
    nextCronRun(cron, DEFAULT_TIMEZONE, new Date());
    return cron.length <= 100;
  } catch {
    return false;
  }
}

function checkSchedule(cron: string): void {
  if (!isSchedule(cron)) throw new ValidationError({ schedule: ['harvest.validation.schedule'] });
}

const countsOf = (t: HarvestTotals & { withdrawn?: number }): Partial<RunCounts> => ({
  created_count: t.created,
  updated_count: t.updated,
  unchanged_count: t.unchanged,
  failed_count: t.failed,
  ...(t.withdrawn !== undefined ? { withdrawn_count: t.withdrawn } : {}),
});

export function createHarvestService(deps: HarvestDeps, tuning: HarvestTuning = DEFAULT_TUNING) {
  const { db, clock } = deps;

  async function manageable(actor: Actor | null, organizationIdOrSlug: string) {
    if (actor?.kind === 'anonymous') throw new UnauthorizedError();
    const org = await deps.organizations.get(organizationIdOrSlug);
    if (actor && !harvestPolicy.canManage(actor, org.id)) throw new NotFoundError();
    return org;
  }

  /** The source if the actor may manage it (null: the operator); 404 otherwise. */
  async function sourceFor(actor: Actor | null, id: string): Promise<HarvestSourceRow> {
    if (actor?.kind === 'anonymous') throw new UnauthorizedError();
    const row = await harvestRepository.findSource(db, id);
    if (!row || (actor && !harvestPolicy.canManage(actor, row.organization_id))) throw new NotFoundError();
    return row;
  }

  /** Withdraws datasets missing past the grace period, brings back those that returned; returns how many were withdrawn. */
  async function reconcile(source: HarvestSourceRow, runId: string, seen: Set<string>): Promise<number> {
    const nowIso = clock.now().toISOString();
    const graceMs = deps.config.harvestWithdrawAfterHours * 3_600_000;
    const refs = (await deps.writer.refsOfSource('dataset', source.import_source_id)).filter((r) => !r.deleted && r.organizationId === source.organization_id);
    const missing = new Map((await harvestRepository.missingOf(db, source.id)).map((m) => [m.dataset_id, m]));
    const back: string[] = [];
    let withdrawn = 0;
    for (const ref of refs) {
      const present = seen.has(ref.sourceKey ?? '') || (ref.sourceIri !== null && seen.has(ref.sourceIri));
      const known = missing.get(ref.id);
      if (present) {
        if (known) {
          back.push(ref.id);
          if (known.withdrawn_at && !ref.published) await deps.catalog.datasets.publishAsOperator(ref.id, { enforceRules: false });
        }
        continue;
      }
      const since = known?.missing_since ?? nowIso;
      const due = !known?.withdrawn_at && Date.parse(since) + graceMs <= Date.parse(nowIso);
      if (!known) await harvestRepository.markMissing(db, source.id, [ref.id], since);
      if (!due) continue;
      if (ref.published) {
        await deps.catalog.datasets.unpublishAsOperator(ref.id, { harvestRun: runId, withdrawn: `missing from ${source.url} since ${since}` });
        withdrawn += 1;
      }
      await harvestRepository.markWithdrawn(db, source.id, ref.id, nowIso);
    }
    await harvestRepository.clearMissing(db, source.id, back);
    return withdrawn;
  }

  async function readDcat(source: HarvestSourceRow, signal: AbortSignal | undefined, onProgress: (t: HarvestTotals) => void): Promise<HarvestOutcome & { importSourceId: string }> {
    const seen = new Set<string>();
    const report = await deps.importDcat({
      source: source.url,
      organization: source.organization_id,
      signal,
      onProgress: (t) => onProgress({ created: t.created, updated: t.updated, unchanged: t.unchanged, failed: t.failed }),
      eachItem: (item) => {
        if (item.kind === 'dataset') seen.add(item.key);
      },
    });
    const errors = report.error ? [report.error] : [];
    for (const item of report.items) if (item.action === 'failed' && errors.length < MAX_ERRORS) errors.push(`${item.title || item.key}: ${item.error ?? 'failed'}`);
    const { created, updated, unchanged, failed } = report.totals;
    return { created, updated, unchanged, failed, errors, seen: report.status === 'succeeded' ? seen : null, importSourceId: report.sourceId };
  }

  /**
   * Runs a source now (the job, the CLI and "run now" all come here). Returns null when another run
   * of the source holds it. A fault of the source ends the run failed with its line; anything else
   * (the database, the time limit) too, and is thrown on.
   */
  async function run(id: string, options: { trigger: HarvestTrigger; signal?: AbortSignal | undefined; onProgress?: ((t: HarvestTotals) => void) | undefined }): Promise<HarvestRunRow | null> {
    const source = await harvestRepository.findSource(db, id);
    if (!source) throw new NotFoundError();
    const now = clock.now();
    const runRow: HarvestRunRow = {
      id: newId(), source_id: source.id, trigger: options.trigger, status: 'running', started_at: now.toISOString(), finished_at: null,
      created_count: 0, updated_count: 0, unchanged_count: 0, withdrawn_count: 0, failed_count: 0, errors: '[]',
    };
    const claim = await harvestRepository.claim(db, runRow, new Date(now.getTime() + tuning.leaseMs).toISOString(), ABANDONED);
    if (!claim.claimed) return null;
    if (claim.abandoned) deps.log?.warn({ source: source.id, run: claim.abandoned }, 'harvest: taking over from a run whose process died');

    let progress: Partial<RunCounts> = {};
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = harvestRepository
        .renewLease(db, source.id, runRow.id, new Date(clock.now().getTime() + tuning.leaseMs).toISOString(), progress)
        .catch((error: unknown) => deps.log?.warn({ err: error, run: runRow.id }, 'harvest: could not renew the run lease'));
    }, tuning.renewMs);
    timer.unref();
    const errors: string[] = [];
    const onProgress = (t: HarvestTotals) => {
      progress = countsOf(t);
      options.onProgress?.(t);
    };
    let outcome: HarvestOutcome | undefined;
    let fault: unknown;
    try {
      if (source.type === 'dcat') {
        const read = await readDcat(source, options.signal, onProgress);
        if (read.importSourceId !== source.import_source_id) {
          await harvestRepository.updateSource(db, source.id, { import_source_id: read.importSourceId });
          source.import_source_id = read.importSourceId;
        }
        outcome = read;
      } else {
        outcome = await harvestCkan({
          portal: source.url, organizationId: source.organization_id, sourceId: source.import_source_id, runId: runRow.id, writer: deps.writer, rows: tuning.ckanRows,
          fetch: { allowPrivate: deps.config.fetchAllowPrivate, maxBytes: tuning.maxBytes, timeoutMs: tuning.fetchTimeoutMs },
          signal: options.signal, onProgress, addError: (message) => errors.length < MAX_ERRORS && errors.push(message),
        });
      }
      errors.unshift(...outcome.errors);
    } catch (error) {
      if (error instanceof CkanSourceError) errors.unshift(error.message);
      else {
        fault = error;
        errors.unshift((error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500));
      }
    } finally {
      clearInterval(timer);
      await renewing;
    }
    let withdrawn = 0;
    if (outcome?.seen && !fault) {
      try {
        withdrawn = await reconcile(source, runRow.id, outcome.seen);
      } catch (error) {
        fault = error;
        errors.unshift(`withdrawal: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
      }
    }
    const succeeded = Boolean(outcome?.seen) && !fault;
    const finished: Partial<HarvestRunRow> = {
      status: succeeded ? 'succeeded' : 'failed',
      finished_at: clock.now().toISOString(),
      ...countsOf({ ...(outcome ?? { created: 0, updated: 0, unchanged: 0, failed: 0 }), withdrawn }),
      errors: JSON.stringify(errors.slice(0, MAX_ERRORS)),
    };
    if (!outcome) Object.assign(finished, progress);
    await harvestRepository.finishRun(db, runRow, finished);
    if (fault) throw fault;
    return { ...runRow, ...finished } as HarvestRunRow;
  }

  return {
    run,

    async add(actor: Actor | null, input: SourceInput): Promise<HarvestSourceRow> {
      checkInput(input);
      const org = await manageable(actor, input.organization);
      const url = new URL(input.url.trim()).toString();
      if (await harvestRepository.findSourceByUrl(db, org.id, input.type, url)) throw new ConflictError('This organisation already harvests this source.', 'source_exists', { url: ['harvest.validation.exists'] });
      const schedule = input.schedule?.trim() || DEFAULT_SCHEDULE;
      const now = clock.now();
      const id = newId();
      const row: HarvestSourceRow = {
        id, organization_id: org.id, type: input.type, url, schedule, import_source_id: importSourceIdOf(input.type, url, org.id, id),
        next_run_at: nextCronRun(schedule, DEFAULT_TIMEZONE, now).toISOString(), last_run_id: null, running_run_id: null, lease_until: null,
        created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now.toISOString(), updated_at: now.toISOString(),
      };
      await harvestRepository.insertSource(db, row);
      return row;
    },

    /** A new schedule (cron, Europe/Stockholm; empty: nightly): the next run is computed from now. */
    async reschedule(actor: Actor | null, id: string, schedule: string | undefined): Promise<HarvestSourceRow> {
      const source = await sourceFor(actor, id);
      const cron = schedule?.trim() || DEFAULT_SCHEDULE;
      checkSchedule(cron);
      const now = clock.now();
      const values = { schedule: cron, next_run_at: nextCronRun(cron, DEFAULT_TIMEZONE, now).toISOString(), updated_at: now.toISOString() };
      await harvestRepository.updateSource(db, source.id, values);
      return { ...source, ...values };
    },

    async remove(actor: Actor | null, id: string): Promise<void> {
      const source = await sourceFor(actor, id);
      await harvestRepository.deleteSource(db, source.id);
    },

    get: (actor: Actor | null, id: string) => sourceFor(actor, id),

    /** An organisation's sources (404 for those who may not manage them). */
    async sourcesOf(actor: Actor | null, organization: string): Promise<{ organization: { id: string; slug: string; name: string }; sources: HarvestSourceRow[] }> {
      const org = await manageable(actor, organization);
      return { organization: { id: org.id, slug: org.slug, name: org.name_sv }, sources: await harvestRepository.sources(db, org.id) };
    },

    /** Every source the actor may manage (the operator: all). */
    async list(actor: Actor | null): Promise<HarvestSourceRow[]> {
      const all = await harvestRepository.sources(db);
      return actor ? all.filter((s) => harvestPolicy.canManage(actor, s.organization_id)) : all;
    },

    async runsOf(actor: Actor | null, id: string, limit = 20, offset = 0): Promise<{ total: number; items: HarvestRunRow[] }> {
      const source = await sourceFor(actor, id);
      return { total: await harvestRepository.countRuns(db, source.id), items: await harvestRepository.runsOf(db, source.id, limit, offset) };
    },

    lastRun: (id: string | null) => (id ? harvestRepository.findRun(db, id) : Promise.resolve(undefined)),

    /** The harvest source a catalog source id belongs to (its URL): its datasets are read-only. */
    async harvestedFrom(importSourceId: string): Promise<string | undefined> {
      if (!importSourceId.startsWith('harvest:') && !importSourceId.startsWith('org:')) return undefined;
      return (await harvestRepository.sourceByImportSourceId(db, importSourceId))?.url;
    },

    /** Moves due sources' schedules forward and returns those this caller won (each is then run once). */
    async takeDue(): Promise<string[]> {
      const now = clock.now();
      const won: string[] = [];
      for (const source of await harvestRepository.dueSources(db, now.toISOString())) {
        let next: string;
        try {
          next = nextCronRun(source.schedule, DEFAULT_TIMEZONE, now).toISOString();
        } catch (error) {
          deps.log?.warn({ err: error, source: source.id }, 'harvest: bad schedule');
          continue;
        }
        if (await harvestRepository.advanceSchedule(db, source.id, source.next_run_at!, next)) won.push(source.id);
      }
      return won;
    },
  };
}

export type HarvestService = ReturnType<typeof createHarvestService>;
