// Kysely types of the import's own tables (see migrations 2026-11-28-0005 and 2026-11-29-0009).
import type { CatalogTables } from '../../catalog/index.js';

/** 'queued': submitted on the import page, waiting for the background job (import.job.ts). */
export type ImportRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportRunTable {
  id: string;
  organization_id: string | null;
  source: string;
  source_id: string;
  status: ImportRunStatus;
  content_hash: string | null;
  error: string | null;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  failed_count: number;
  warning_count: number;
  /** JSON text: the ImportReport. */
  report: string | null;
  created_by: string | null;
  started_at: string;
  finished_at: string | null;
  /** While a worker runs it: until when it holds the run (renewed as it goes; null for the CLI). */
  lease_until: string | null;
  /** How many times a worker started it (import.job.ts). */
  attempts: number;
}

export interface ImportPublisherTable {
  publisher_key: string;
  organization_id: string;
  created_at: string;
}

/** The import reads organisations and the catalog (through their services) and writes these. */
export interface ImportTables extends CatalogTables {
  import_run: ImportRunTable;
  import_publisher: ImportPublisherTable;
}
