// Views → API JSON (camelCase; URLs absolute on ALLMANNING_BASE_URL; language-tagged text as
// { sv, en }). The pages use the same JSON for their view models, so both always agree.
import { translator, type MessageKey } from '../../platform/i18n/index.js';
import type { DataServiceView, DatasetView, ListItem, OrganizationRef, ResourceRef, SeriesView } from './catalog.service.js';
import type { DataServiceMetadata, DatasetMetadata, DatasetSeriesMetadata, DistributionMetadata, LangText } from './catalog.model.js';
import { datasetPageUrl, withFileUrls } from './distribution-urls.js';
import { isOpenLicence } from './licences.js';
import type { Readiness } from './readiness.js';
import type { ResourceRow } from './catalog.repository.js';
import type { DistributionSnapshot } from './revision-diff.js';

const english = translator('en');
const describe = (key: string) => english(key as MessageKey);

export interface DistributionJson extends Omit<DistributionMetadata, 'file' | 'accessServiceIds'> {
  id: string;
  isOpen: boolean;
  accessServices: string[];
  file: { name: string; mediaType: string } | null;
  previewUrl: string | null;
}

export function presentDistribution(d: DistributionSnapshot, baseUrl: string, datasetSlug: string): DistributionJson {
  const { file, accessServiceIds, ...metadata } = withFileUrls(d.metadata, { baseUrl, datasetSlug, distributionId: d.id });
  return {
    id: d.id,
    ...metadata,
    isOpen: isOpenLicence(metadata.license),
    accessServices: accessServiceIds,
    file: file ? { name: file.fileName, mediaType: file.mediaType } : null,
    previewUrl: file ? `${baseUrl.replace(/\/+$/, '')}/api/v1/datasets/${encodeURIComponent(datasetSlug)}/distributions/${d.id}/preview` : null,
  };
}

export function presentReadiness(readiness: Readiness) {
  return {
    canPublish: readiness.canPublish,
    missing: readiness.missing.map((i) => ({ field: i.field, property: i.property, message: describe(i.message) })),
    suggestions: readiness.suggestions.map((i) => ({ field: i.field, property: i.property, message: describe(i.message) })),
    ...(readiness.hvdChecklist ? { hvdChecklist: readiness.hvdChecklist.map((c) => ({ rule: c.rule, ok: c.ok, message: describe(c.message) })) } : {}),
  };
}

const organizationJson = (org: OrganizationRef) => ({ id: org.id, slug: org.slug, name: { sv: org.name.sv ?? '', en: org.name.en ?? null } });
const refJson = (ref: ResourceRef) => ({ id: ref.id, slug: ref.slug, title: ref.title as LangText });

function common(row: ResourceRow, organization: OrganizationRef, baseUrl: string, path: string) {
  return {
    id: row.id,
    slug: row.slug,
    url: `${baseUrl.replace(/\/+$/, '')}/${path}/${encodeURIComponent(row.slug)}`,
    organization: organizationJson(organization),
    status: row.status,
    visibility: row.visibility,
    hvd: row.hvd === 1,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

function datasetMetadataJson(metadata: DatasetMetadata) {
  const { seriesId: _series, ...rest } = metadata;
  return rest;
}

export function presentDataset(view: DatasetView, baseUrl: string) {
  const { state } = view;
  const distributions = (state.distributions ?? []).map((d) => presentDistribution(d, baseUrl, state.row.slug));
  return {
    ...common(state.row, view.organization, baseUrl, 'datasets'),
    url: datasetPageUrl(baseUrl, state.row.slug),
    ...datasetMetadataJson(state.metadata),
    isOpen: distributions.length > 0 && distributions.every((d) => d.isOpen),
    series: view.series ? refJson(view.series) : null,
    dataServices: view.dataServices.map(refJson),
    distributions,
    readiness: presentReadiness(view.readiness),
    abilities: view.abilities,
  };
}

export type DatasetJson = ReturnType<typeof presentDataset>;

export function presentDatasetListItem(item: ListItem<DatasetMetadata>, distributions: DistributionSnapshot[], baseUrl: string) {
  const presented = distributions.map((d) => presentDistribution(d, baseUrl, item.row.slug));
  return {
    ...common(item.row, item.organization, baseUrl, 'datasets'),
    ...datasetMetadataJson({ ...item.metadata }),
    isOpen: presented.length > 0 && presented.every((d) => d.isOpen),
    distributions: presented,
  };
}

export function presentDataService(view: DataServiceView, baseUrl: string) {
  const { servesDatasetIds: _ids, ...metadata } = view.state.metadata;
  return {
    ...common(view.state.row, view.organization, baseUrl, 'data-services'),
    ...metadata,
    isOpen: isOpenLicence(metadata.license),
    servesDatasets: view.servesDatasets.map(refJson),
    readiness: presentReadiness(view.readiness),
    abilities: view.abilities,
  };
}

export function presentDataServiceListItem(item: ListItem<DataServiceMetadata>, baseUrl: string) {
  const { servesDatasetIds, ...metadata } = item.metadata;
  return { ...common(item.row, item.organization, baseUrl, 'data-services'), ...metadata, isOpen: isOpenLicence(metadata.license), servesDatasetIds };
}

export function presentSeries(view: SeriesView, baseUrl: string) {
  return {
    ...common(view.state.row, view.organization, baseUrl, 'series'),
    ...view.state.metadata,
    datasets: view.datasets.map(refJson),
    readiness: presentReadiness(view.readiness),
    abilities: view.abilities,
  };
}

export function presentSeriesListItem(item: ListItem<DatasetSeriesMetadata>, baseUrl: string) {
  return { ...common(item.row, item.organization, baseUrl, 'series'), ...item.metadata };
}
