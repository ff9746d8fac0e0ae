// The kind-specific rules the resource engine applies: fields, readiness, references and the
// relations stored beside each row (a dataset's distributions and series; the datasets a data
// service serves).
import type { Kysely } from 'kysely';
import { datasetFields, dataServiceFields, seriesFields, type Problems } from './catalog.fields.js';
import {
  emptyDataServiceMetadata,
  emptyDatasetMetadata,
  emptySeriesMetadata,
  emptyDistributionMetadata,
  type DataServiceMetadata,
  type DatasetMetadata,
  type DatasetSeriesMetadata,
  type ResourceKind,
} from './catalog.model.js';
import { catalogRepository, type DistributionRow } from './catalog.repository.js';
import type { CatalogTables } from './catalog.table.js';
import { withFileUrls, type UrlContext } from './distribution-urls.js';
import { dataServiceReadiness, datasetReadiness, seriesReadiness } from './readiness.js';
import type { KindRules, Trx } from './resource.engine.js';
import type { DistributionSnapshot } from './revision-diff.js';

const addProblem = (problems: Problems, field: string, key: string) => (problems[field] ??= []).push(key);

/** Resolves ids or slugs of live resources of a kind to ids; unknown ones become problems. */
async function resolveRefs(db: Kysely<CatalogTables>, kind: ResourceKind, refs: string[], field: string, problems: Problems, organizationId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const row = await catalogRepository.findByIdOrSlug(db, kind, ref);
    if (!row || row.deleted_at || (organizationId && row.organization_id !== organizationId)) addProblem(problems, field, 'catalog.validation.reference');
    else if (!ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

export function datasetRules(db: Kysely<CatalogTables>, urls: Pick<UrlContext, 'baseUrl'>): KindRules<DatasetMetadata> {
  return {
    kind: 'dataset',
    fields: datasetFields,
    empty: emptyDatasetMetadata,
    async readiness(state, row) {
      const services = await catalogRepository.servicesServing(db, row.id);
      return datasetReadiness({
        metadata: state.metadata,
        hvd: state.hvd,
        distributions: (state.distributions ?? []).map((d) => withFileUrls(d.metadata, { ...urls, datasetSlug: state.slug || row.slug, distributionId: d.id })),
        dataServices: services.map((s) => ({ ...emptyDataServiceMetadata(), ...(JSON.parse(s.metadata) as DataServiceMetadata) })),
      });
    },
    async checkReferences(state, organizationId, problems) {
      if (state.metadata.seriesId) {
        const [id] = await resolveRefs(db, 'series', [state.metadata.seriesId], 'series', problems, organizationId);
        if (id) state.metadata.seriesId = id;
      }
      for (const [index, d] of (state.distributions ?? []).entries()) {
        if (d.metadata.accessServiceIds.length) {
          d.metadata = { ...d.metadata, accessServiceIds: await resolveRefs(db, 'dataService', d.metadata.accessServiceIds, `distributions.${index}.accessServices`, problems) };
        }
      }
    },
    async readRelations(row) {
      const rows = await catalogRepository.distributionsOf(db, row.id);
      return { distributions: rows.map(distributionSnapshotOf) };
    },
    async writeRelations(trx: Trx, state, row) {
      await trx.updateTable('dataset').set({ series_id: state.metadata.seriesId ?? null }).where('id', '=', row.id).execute();
      if (!state.distributions) return;
      const existing = new Map((await catalogRepository.distributionsOf(trx, row.id)).map((d) => [d.id, d]));
      const rows: DistributionRow[] = state.distributions.map((d, position) => {
        const old = existing.get(d.id);
        const metadata = JSON.stringify(d.metadata);
        const changed = !old || old.metadata !== metadata || old.position !== position;
        return {
          id: d.id,
          dataset_id: row.id,
          position,
          metadata,
          file_sha256: d.metadata.file?.sha256 ?? null,
          created_at: old?.created_at ?? row.updated_at,
          updated_at: changed ? row.updated_at : old.updated_at,
        };
      });
      await catalogRepository.replaceDistributions(trx, row.id, rows);
    },
  };
}

export function distributionSnapshotOf(row: DistributionRow): DistributionSnapshot {
  const metadata = JSON.parse(row.metadata) as DistributionSnapshot['metadata'];
  return { id: row.id, position: row.position, metadata: { ...emptyDistributionMetadata(), ...metadata } };
}

export function dataServiceRules(db: Kysely<CatalogTables>): KindRules<DataServiceMetadata> {
  return {
    kind: 'dataService',
    fields: dataServiceFields,
    empty: emptyDataServiceMetadata,
    readiness: async (state) => dataServiceReadiness(state.metadata, state.hvd),
    async checkReferences(state, _organizationId, problems) {
      state.metadata.servesDatasetIds = await resolveRefs(db, 'dataset', state.metadata.servesDatasetIds, 'servesDatasets', problems);
    },
    async writeRelations(trx, state, row) {
      await catalogRepository.setServedDatasets(trx, row.id, state.deleted ? [] : state.metadata.servesDatasetIds);
    },
  };
}

export function seriesRules(): KindRules<DatasetSeriesMetadata> {
  return {
    kind: 'series',
    fields: seriesFields,
    empty: emptySeriesMetadata,
    readiness: async (state) => seriesReadiness(state.metadata),
  };
}
