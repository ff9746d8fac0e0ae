// Kysely types of the catalog's tables (see migration 2026-11-28-0004).
import type { OrganizationsTables } from '../organizations/index.js';
import type { DatasetStatus, ResourceKind, Visibility } from './catalog.model.js';

/** dataset, data_service and dataset_series share this shape; `metadata` is the JSON document. */
export interface ResourceTable {
  id: string;
  slug: string;
  organization_id: string;
  status: DatasetStatus;
  visibility: Visibility;
  /** 0 or 1 */
  hvd: number;
  sort_title: string;
  /** JSON text (jsonb on PostgreSQL, read back as text). */
  metadata: string;
  revision: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  deleted_at: string | null;
  /** Import identity (migration 2026-11-28-0005; see catalog.import-writer.ts): null for local resources. */
  source_iri?: string | null;
  source_id?: string | null;
  source_key?: string | null;
  import_hash?: string | null;
  /** JSON list of publish problems an import kept as warnings. */
  warnings?: string | null;
}

export interface DatasetTable extends ResourceTable {
  series_id: string | null;
}

export interface ServedDatasetTable {
  data_service_id: string;
  dataset_id: string;
}

/** A row of any of the three resource tables (datasets also carry their series). */
export type ResourceRow = ResourceTable & { series_id?: string | null };

export interface DistributionTable {
  id: string;
  dataset_id: string;
  position: number;
  metadata: string;
  file_sha256: string | null;
  created_at: string;
  updated_at: string;
}

export interface CatalogRevisionTable {
  id: string;
  resource_kind: ResourceKind;
  resource_id: string;
  revision: number;
  action: string;
  actor_id: string | null;
  snapshot: string;
  diff: string;
  created_at: string;
}

/** One row (id 1): raised by every catalog write, read by the caches (migration 0006). */
export interface CatalogVersionTable {
  id: number;
  version: number;
}

export const tableOfKind = { dataset: 'dataset', dataService: 'data_service', series: 'dataset_series' } as const;
export type ResourceTableName = (typeof tableOfKind)[ResourceKind];

export interface CatalogTables extends OrganizationsTables {
  dataset: DatasetTable;
  data_service: ResourceTable;
  dataset_series: ResourceTable;
  served_dataset: ServedDatasetTable;
  distribution: DistributionTable;
  catalog_revision: CatalogRevisionTable;
  catalog_version: CatalogVersionTable;
}
