// Events the catalog emits (after commit). Search indexes, exports and metrics subscribe to these.
import type { ResourceKind } from './catalog.model.js';

export type CatalogEvents = {
  /** A dataset, data service or series was created, edited, published, unpublished, restored or deleted. */
  'catalog.resourceChanged': { kind: ResourceKind; id: string; organizationId: string; action: string; revision: number };
  /** Someone downloaded an uploaded file (counted by the metrics issue). */
  'catalog.distributionDownloaded': { datasetId: string; distributionId: string; organizationId: string; byteSize: number; at: string };
};
