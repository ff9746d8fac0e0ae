// Kysely types of the import's own tables (see migration 2026-11-28-0005).
import type { CatalogTables } from '../../catalog/index.js';

export type ImportRunStatus = 'running' | 'succeeded' | 'failed';

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
