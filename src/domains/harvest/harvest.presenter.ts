// Harvest rows → API JSON (camelCase) and page view models.
import type { HarvestRunRow, HarvestSourceRow } from './harvest.repository.js';

export interface HarvestRunJson {
  id: string;
  sourceId: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  counts: { created: number; updated: number; unchanged: number; withdrawn: number; failed: number };
  errors: string[];
}

export interface HarvestSourceJson {
  id: string;
  organizationId: string;
  type: 'dcat' | 'ckan';
  url: string;
  schedule: string;
  nextRunAt: string | null;
  running: boolean;
  lastRun: HarvestRunJson | null;
  createdAt: string;
}

export function presentRun(row: HarvestRunRow): HarvestRunJson {
  return {
    id: row.id,
    sourceId: row.source_id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: { created: row.created_count, updated: row.updated_count, unchanged: row.unchanged_count, withdrawn: row.withdrawn_count, failed: row.failed_count },
    errors: JSON.parse(row.errors) as string[],
  };
}

export function presentSource(row: HarvestSourceRow, lastRun: HarvestRunRow | undefined, nowIso: string): HarvestSourceJson {
  return {
    id: row.id,
    organizationId: row.organization_id,
    type: row.type,
    url: row.url,
    schedule: row.schedule,
    nextRunAt: row.next_run_at,
    running: row.running_run_id !== null && row.lease_until !== null && row.lease_until >= nowIso,
    lastRun: lastRun ? presentRun(lastRun) : null,
    createdAt: row.created_at,
  };
}
