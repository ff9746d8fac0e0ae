// The DCAT import's public surface: `allmanning import` and the import page for organisation
// admins (see docs/dcat-import.md). Wired in src/domains.ts; the page plugin in src/app.ts.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppEvents } from '../../../app-events.js';
import type { Clock } from '../../../platform/clock.js';
import type { EventBus } from '../../../platform/events/index.js';
import type { JobQueue, JobRegistry } from '../../../platform/jobs/index.js';
import { createCatalogImportWriter, type CatalogTables } from '../../catalog/index.js';
import type { OrganizationService } from '../../organizations/index.js';
import { createImportJobs, IMPORT_JOB, IMPORT_JOB_TIMEOUT_MS } from './import.job.js';
import { importPages } from './import.pages.js';
import { createImportService, DEFAULT_TUNING, type ImportTuning } from './import.service.js';
import type { ImportTables } from './import.table.js';

export type { ImportReport, ImportTotals, ReportItem, ImportAction } from './import.report.js';
export { summaryText, REASON_KEYS } from './import.report.js';
export type { ImportRequest, ImportService, ImportTuning } from './import.service.js';
export type { ImportTables } from './import.table.js';
export { SourceError } from './import-source.js';
export { importPolicy } from './import.policy.js';
export { IMPORT_JOB } from './import.job.js';
export type { ImportJobs, ImportJobPayload } from './import.job.js';

export interface DcatImportDomainDeps {
  db: Kysely<ImportTables>;
  clock: Clock;
  events: EventBus<AppEvents>;
  log?: Logger | undefined;
  organizations: OrganizationService;
  /** Uploads from the import page wait for their run under `<dataDir>/imports`. */
  config: { fetchAllowPrivate: readonly string[]; uploadMaxBytes: number; dataDir?: string | undefined };
}

export function createDcatImportDomain(deps: DcatImportDomainDeps, tuning: ImportTuning = DEFAULT_TUNING) {
  const writer = createCatalogImportWriter({ db: deps.db as unknown as Kysely<CatalogTables>, clock: deps.clock, events: deps.events });
  const service = createImportService({ db: deps.db, clock: deps.clock, log: deps.log, writer, organizations: deps.organizations, config: deps.config }, tuning);
  // The page queues runs for the `dcat.import` job; the queue is handed over when the job is registered.
  const bound: { queue?: JobQueue } = {};
  const jobs = createImportJobs({ db: deps.db, clock: deps.clock, log: deps.log, service, uploadsDir: path.join(deps.config.dataDir ?? './data', 'imports'), queue: () => bound.queue });
  return {
    service,
    jobs,
    /** The import page (a Fastify plugin with streamed uploads in its own scope). */
    pages: importPages({ service, jobs, organizations: deps.organizations, uploadMaxBytes: deps.config.uploadMaxBytes }),
    /** Registers the page's background job (app.ts registerJobs). */
    registerJobs(registry: JobRegistry, queue: JobQueue): void {
      bound.queue = queue;
      registry.register(IMPORT_JOB, { handler: jobs.handler, timeoutMs: IMPORT_JOB_TIMEOUT_MS });
    },
  };
}

export type DcatImportDomain = ReturnType<typeof createDcatImportDomain>;
