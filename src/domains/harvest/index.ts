// The harvest domain's public surface: harvest sources (DCAT catalogs, CKAN portals), their
// scheduled and manual runs, the API, the page and the jobs (see docs/harvest.md). Wired in
// src/domains.ts; plugins, jobs and schedules in src/app.ts.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/index.js';
import { upsertSchedule, type JobQueue, type JobRegistry } from '../../platform/jobs/index.js';
import type { Db } from '../../db/database.js';
import { createCatalogImportWriter, type CatalogService, type CatalogTables } from '../catalog/index.js';
import type { OrganizationService } from '../organizations/index.js';
import { harvestApi } from './harvest.api.js';
import { createHarvestJobs, HARVEST_DUE_CRON, HARVEST_DUE_JOB, HARVEST_JOB_TIMEOUT_MS, HARVEST_RUN_JOB } from './harvest.job.js';
import { harvestPages } from './harvest.pages.js';
import { createHarvestService, DEFAULT_TUNING, type DcatImporter, type HarvestTuning } from './harvest.service.js';
import type { HarvestTables } from './harvest.table.js';

export type { HarvestTables, HarvestType, HarvestTrigger, HarvestRunStatus } from './harvest.table.js';
export type { HarvestService, HarvestTuning, SourceInput, DcatImporter, DcatImportRequest, DcatImportReport } from './harvest.service.js';
export type { HarvestRunRow, HarvestSourceRow } from './harvest.repository.js';
export { presentRun, presentSource, type HarvestRunJson, type HarvestSourceJson } from './harvest.presenter.js';
export { harvestPolicy } from './harvest.policy.js';
export { DEFAULT_SCHEDULE } from './harvest.service.js';
export { HARVEST_RUN_JOB, HARVEST_DUE_JOB } from './harvest.job.js';
export { mapCkanPackage, type CkanPackage } from './ckan.mapping.js';

export interface HarvestDomainDeps {
  db: Kysely<HarvestTables>;
  clock: Clock;
  events: EventBus<AppEvents>;
  log?: Logger | undefined;
  catalog: CatalogService;
  organizations: OrganizationService;
  importDcat: DcatImporter;
  config: { baseUrl: string; fetchAllowPrivate: readonly string[]; harvestWithdrawAfterHours: number };
}

export function createHarvestDomain(deps: HarvestDomainDeps, tuning: HarvestTuning = DEFAULT_TUNING) {
  const writer = createCatalogImportWriter({ db: deps.db as unknown as Kysely<CatalogTables>, clock: deps.clock, events: deps.events });
  const service = createHarvestService({ db: deps.db, clock: deps.clock, log: deps.log, writer, catalog: deps.catalog, organizations: deps.organizations, importDcat: deps.importDcat, config: deps.config }, tuning);
  const bound: { queue?: JobQueue } = {};
  const jobs = createHarvestJobs({ service, log: deps.log, queue: () => bound.queue });
  return {
    service,
    jobs,
    /** For the catalog: the URL a harvested resource comes from (it is read-only), by its source id. */
    harvestedFrom: (importSourceId: string) => service.harvestedFrom(importSourceId),
    api: harvestApi({ service, jobs, clock: deps.clock, baseUrl: deps.config.baseUrl }),
    pages: harvestPages({ service, jobs, clock: deps.clock }),
    /** Registers the harvest's jobs (app.ts registerJobs). */
    registerJobs(registry: JobRegistry, queue: JobQueue): void {
      bound.queue = queue;
      registry.register(HARVEST_RUN_JOB, { handler: jobs.runHandler, timeoutMs: HARVEST_JOB_TIMEOUT_MS });
      registry.register(HARVEST_DUE_JOB, { handler: jobs.dueHandler });
    },
    /** The minute tick that queues due sources (app.ts registerSchedules). */
    registerSchedules: (db: Db) => upsertSchedule(db, deps.clock, { name: HARVEST_DUE_JOB, cron: HARVEST_DUE_CRON }),
  };
}

export type HarvestDomain = ReturnType<typeof createHarvestDomain>;
