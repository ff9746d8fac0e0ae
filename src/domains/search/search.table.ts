// Kysely types of the search domain's tables (migration 2026-11-29-0007) and the catalog tables it reads.
import type { CatalogTables } from '../catalog/index.js';

/** Searches that found nothing, kept for the metrics issue (most-wanted data). */
export interface SearchMissTable {
  id: string;
  query: string;
  /** JSON of the filters in force. */
  filters: string;
  locale: string;
  created_at: string;
}

/** One row (id 1): raised by `allmanning reindex`; every process's index rebuilds when it changes. */
export interface SearchStateTable {
  id: number;
  generation: number;
}

export interface SearchTables extends CatalogTables {
  search_miss: SearchMissTable;
  search_state: SearchStateTable;
}
