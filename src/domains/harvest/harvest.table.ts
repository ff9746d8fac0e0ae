// Kysely types of the harvest's own tables (migration 2026-11-29-0011).
import type { CatalogTables } from '../catalog/index.js';

export type HarvestType = 'dcat' | 'ckan';
export type HarvestRunStatus = 'running' | 'succeeded' | 'failed';
export type HarvestTrigger = 'schedule' | 'manual' | 'cli';

export interface HarvestSourceTable {
  id: string;
  organization_id: string;
  type: HarvestType;
  /** A DCAT catalog's URL or a CKAN portal's base URL. */
  url: string;
  /** Cron expression (Europe/Stockholm). */
  schedule: string;
  /** The catalog's `source_id` of what this source writes (identity, fingerprints, read-only). */
  import_source_id: string;
  next_run_at: string | null;
  last_run_id: string | null;
  /** The run holding the source now, and until when (renewed while it runs). */
  running_run_id: string | null;
  lease_until: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface HarvestRunTable {
  id: string;
  source_id: string;
  trigger: HarvestTrigger;
  status: HarvestRunStatus;
  started_at: string;
  finished_at: string | null;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  withdrawn_count: number;
  failed_count: number;
  /** JSON text: string[] (at most MAX_ERRORS). */
  errors: string;
}

export interface HarvestMissingTable {
  source_id: string;
  dataset_id: string;
  missing_since: string;
  withdrawn_at: string | null;
}

export interface HarvestTables extends CatalogTables {
  harvest_source: HarvestSourceTable;
  harvest_run: HarvestRunTable;
  harvest_missing: HarvestMissingTable;
}
