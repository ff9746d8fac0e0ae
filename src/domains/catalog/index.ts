// The catalog domain's public surface: datasets, distributions, data services, series, licences
// and the controlled vocabularies.
import { catalogApi } from './catalog.api.js';
import { catalogPages, organizationCatalogSection } from './catalog.pages.js';
import type { CatalogDeps } from './catalog.deps.js';
import { distributionSnapshotOf } from './catalog.kinds.js';
import { catalogRepository } from './catalog.repository.js';
import { seedDemoCatalog } from './catalog.demo.js';
import { createCatalogService } from './catalog.service.js';
import { createCatalogExportSource } from './catalog.export-source.js';
import { historyPresenter } from './history.js';
import { createPublicCache } from './public-cache.js';
import type { DistributionSnapshot } from './revision-diff.js';

export type { CatalogDeps } from './catalog.deps.js';
export type { CatalogEvents } from './catalog.events.js';
export type { CatalogTables } from './catalog.table.js';
export type { CatalogService, DatasetView, DataServiceView, SeriesView, ListItem, OrganizationRef, ResourceRef } from './catalog.service.js';
export type { DatasetInput, DistributionInput, DataServiceInput, SeriesInput, PublishConfirmation } from './catalog.input.js';
export * from './catalog.model.js';
export type { DatasetValidator, EditorValidation, EditorValidationIssue } from './dataset-validation.js';
export { catalogPolicy, abilitiesOf as catalogAbilitiesOf } from './catalog.policy.js';
export { presentDataset, presentDistribution, presentDataService, presentSeries, presentReadiness, type DatasetJson, type DistributionJson } from './catalog.presenter.js';
export { CONFIRMATIONS, etagOf, slugify } from './resource.engine.js';
export { datasetPageUrl } from './distribution-urls.js';
export { createCatalogExportSource, exportDatasetOf, type CatalogExportSource, type ExportDataset, type ExportDataService, type ExportDistribution, type ExportItems, type ExportOrganization, type ExportScope, type ExportSeries } from './catalog.export-source.js';
export { createCatalogImportWriter, type CatalogImportWriter, type ImportItem, type ImportedRef, type ImportWarning } from './catalog.import-writer.js';
export { readMultipart, metadataPart, distributionInputOf } from './distribution.api.js';
export { datasetInputOf, dataServiceInputOf } from './catalog.api.js';
export type { Readiness, ReadinessItem, HvdCheck } from './readiness.js';
export type { HistoryItem } from './history.js';
export type { Upload } from './distribution.service.js';
export type { Preview } from './files/preview.js';
export {
  SCHEME_NAMES,
  byCode,
  canonicalIri,
  concepts,
  fileTypeByExtension,
  fileTypeByMediaType,
  findConcept,
  iriForCode,
  isKnown,
  label,
  normalizeIri,
  schemeIri,
  selectableConcepts,
  vocabularies,
  type Concept,
  type Locale,
  type SchemeName,
} from './vocabularies/index.js';
export {
  LICENCE_RECOMMENDATION_KEY,
  RECOMMENDED_LICENCE_CODES,
  allLicences,
  isAtLeastAsPermissiveAsCcBy4,
  isOpenLicence,
  licencePickerOptions,
  normalizeLicenceUri,
  resolveLicence,
  type Licence,
} from './licences.js';

export function createCatalogDomain(deps: CatalogDeps) {
  const catalog = createCatalogService(deps);
  const history = historyPresenter((ids) => deps.accounts.namesOf(ids));

  /** Distributions of many datasets at once (lists). */
  async function distributionsOf(ids: string[]): Promise<Map<string, DistributionSnapshot[]>> {
    const rows = await catalogRepository.distributionsOfMany(deps.db, ids);
    const byDataset = new Map<string, DistributionSnapshot[]>();
    for (const row of rows) (byDataset.get(row.dataset_id) ?? byDataset.set(row.dataset_id, []).get(row.dataset_id)!).push(distributionSnapshotOf(row));
    return byDataset;
  }

  const publicCache = createPublicCache(() => catalogRepository.version(deps.db));

  return {
    catalog,
    publicCache,
    history,
    distributionsOf,
    files: deps.files,
    baseUrl: deps.config.baseUrl,
    /** `allmanning demo`: ~55 Swedish datasets with files, an API and series (deterministic, idempotent). */
    seedDemo: () => seedDemoCatalog(deps),
    /** Published public resources in batches, for the DCAT export (domains/dcat). */
    exportSource: createCatalogExportSource(deps),
    /** The API routes (a Fastify plugin with multipart uploads in its own scope). */
    api: catalogApi({ catalog, baseUrl: deps.config.baseUrl, uploadMaxBytes: deps.config.uploadMaxBytes, files: deps.files, history, distributionsOf, publicCache }),
    /** The pages (a Fastify plugin, with streamed uploads in its own scope). */
    pages: catalogPages({ catalog, history, files: deps.files, baseUrl: deps.config.baseUrl, uploadMaxBytes: deps.config.uploadMaxBytes, distributionsOf, organizations: deps.organizations.organizations, publicCache, validateDataset: deps.validateDataset, harvestedFrom: deps.harvestedFrom }),
    /** The organisation page's section listing its datasets and APIs (wired in src/domains.ts). */
    organizationSection: organizationCatalogSection({ catalog, organizations: deps.organizations.organizations }),
  };
}

export type CatalogDomain = ReturnType<typeof createCatalogDomain>;
