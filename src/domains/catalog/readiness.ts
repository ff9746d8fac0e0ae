// What a resource needs before it may be published, as pure functions of its metadata:
// - `missing`: DCAT-AP-SE 3.0.1 mandatory properties (and the HVD rules for HVD resources) —
//   publishing is refused while any is missing;
// - `suggestions`: recommended properties that are empty, each with the reason it matters;
// - `hvdChecklist`: for high-value datasets, the rules of Implementing Regulation (EU) 2023/138 as
//   DCAT-AP HVD expresses them.
// The DCAT property behind each rule is named so a test can hold the list against the requirements
// file derived from the official DCAT-AP-SE specification.
import { HVD_LEGISLATION_IRI, type DataServiceMetadata, type DatasetMetadata, type DatasetSeriesMetadata, type DistributionMetadata } from './catalog.model.js';
import { isAtLeastAsPermissiveAsCcBy4 } from './licences.js';
import { findConcept } from './vocabularies/index.js';

export interface ReadinessItem {
  /** The field path in the API and the editor ('description.sv', 'distributions.0.accessUrl'). */
  field: string;
  /** The DCAT property the rule is about. */
  property: string;
  /** Message key: what is missing (missing) or why it helps (suggestions). */
  message: string;
}

export interface HvdCheck {
  rule: 'licence' | 'bulkDownload' | 'api' | 'contactPoint' | 'category' | 'legislation';
  ok: boolean;
  message: string;
}

export interface Readiness {
  canPublish: boolean;
  missing: ReadinessItem[];
  suggestions: ReadinessItem[];
  hvdChecklist?: HvdCheck[];
}

const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const R5R = 'http://data.europa.eu/r5r/';

/**
 * Formats a machine can read in bulk (EU file-type codes). Documents and images (PDF, DOC, HTML,
 * PNG) are not: they are for people.
 */
const MACHINE_READABLE = new Set([
  'CSV', 'TSV', 'JSON', 'JSON_LD', 'GEOJSON', 'XML', 'GML', 'KML', 'KMZ', 'XLSX', 'XLS', 'ODS', 'PARQUET', 'RDF_XML', 'RDF_TURTLE', 'TURTLE', 'N_TRIPLES', 'NETCDF', 'SHP', 'GPKG', 'GEOTIFF', 'TIFF', 'ZIP', 'GTFS', 'NETEX', 'SIRI', 'DATEX_II', 'SQL', 'JSON_LINES', 'TXT', 'ATOM', 'RSS', 'ODATA', 'SPARQLQ',
]);

const CSV_TYPES = new Set(['text/csv', 'text/tab-separated-values', 'application/json', 'application/geo+json', 'application/xml', 'text/xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip', 'application/x-parquet', 'application/vnd.apache.parquet', 'application/gml+xml', 'application/ld+json', 'text/turtle', 'application/rdf+xml']);

export function isMachineReadable(distribution: Pick<DistributionMetadata, 'format' | 'mediaType'>): boolean {
  const code = distribution.format ? findConcept('fileType', distribution.format)?.code : undefined;
  if (code) return MACHINE_READABLE.has(code);
  return distribution.mediaType ? CSV_TYPES.has(distribution.mediaType.split(';')[0]!.trim()) : false;
}

const hasText = (text: { sv?: string } | undefined) => Boolean(text?.sv?.trim());
const hasAnyKeyword = (keywords: { sv?: string[]; en?: string[] }) => Boolean(keywords.sv?.length || keywords.en?.length);

function item(field: string, property: string, message: string): ReadinessItem {
  return { field, property, message };
}

function finish(missing: ReadinessItem[], suggestions: ReadinessItem[], hvdChecklist?: HvdCheck[]): Readiness {
  const hvdOk = hvdChecklist ? hvdChecklist.every((c) => c.ok) : true;
  return { canPublish: missing.length === 0 && hvdOk, missing, suggestions, ...(hvdChecklist ? { hvdChecklist } : {}) };
}

export interface DatasetContext {
  metadata: DatasetMetadata;
  hvd: boolean;
  distributions: DistributionMetadata[];
  /** The data services that serve the dataset (any status), for the HVD API rule. */
  dataServices: DataServiceMetadata[];
}

export function datasetReadiness({ metadata, hvd, distributions, dataServices }: DatasetContext): Readiness {
  const missing: ReadinessItem[] = [];
  const suggestions: ReadinessItem[] = [];
  if (!hasText(metadata.title)) missing.push(item('title.sv', `${DCT}title`, 'catalog.readiness.titleSv'));
  if (!hasText(metadata.description)) missing.push(item('description.sv', `${DCT}description`, 'catalog.readiness.descriptionSv'));
  distributions.forEach((d, i) => {
    if (!d.accessUrl) missing.push(item(`distributions.${i}.accessUrl`, `${DCAT}accessURL`, 'catalog.readiness.accessUrl'));
  });

  if (!metadata.title.en || !metadata.description.en) suggestions.push(item('title.en', `${DCT}title`, 'catalog.suggestion.english'));
  if (!metadata.contactPoint) suggestions.push(item('contactPoint', `${DCAT}contactPoint`, 'catalog.suggestion.contactPoint'));
  if (!hasAnyKeyword(metadata.keywords)) suggestions.push(item('keywords', `${DCAT}keyword`, 'catalog.suggestion.keywords'));
  if (metadata.themes.length === 0) suggestions.push(item('themes', `${DCAT}theme`, 'catalog.suggestion.themes'));
  if (!metadata.issued) suggestions.push(item('issued', `${DCT}issued`, 'catalog.suggestion.issued'));
  if (metadata.conformsTo.length === 0) suggestions.push(item('conformsTo', `${DCT}conformsTo`, 'catalog.suggestion.conformsTo'));
  if (metadata.spatial.length === 0) suggestions.push(item('spatial', `${DCT}spatial`, 'catalog.suggestion.spatial'));
  if (metadata.temporal.length === 0) suggestions.push(item('temporal', `${DCT}temporal`, 'catalog.suggestion.temporal'));
  if (!metadata.accessRights) suggestions.push(item('accessRights', `${DCT}accessRights`, 'catalog.suggestion.accessRights'));
  if (distributions.length === 0) suggestions.push(item('distributions', `${DCAT}distribution`, 'catalog.suggestion.distribution'));
  distributions.forEach((d, i) => {
    if (!d.license) suggestions.push(item(`distributions.${i}.license`, `${DCT}license`, 'catalog.suggestion.license'));
    if (!d.format) suggestions.push(item(`distributions.${i}.format`, `${DCT}format`, 'catalog.suggestion.format'));
    if (!hasText(d.description)) suggestions.push(item(`distributions.${i}.description`, `${DCT}description`, 'catalog.suggestion.distributionDescription'));
    if (!d.availability) suggestions.push(item(`distributions.${i}.availability`, `${R5R}availability`, 'catalog.suggestion.availability'));
  });

  return finish(missing, suggestions, hvd ? hvdChecklist(metadata, distributions, dataServices) : undefined);
}

/** The HVD checklist: every rule must hold before a local HVD dataset is published. */
export function hvdChecklist(metadata: DatasetMetadata, distributions: DistributionMetadata[], dataServices: DataServiceMetadata[]): HvdCheck[] {
  const licenceOk = distributions.length > 0 && distributions.every((d) => isAtLeastAsPermissiveAsCcBy4(d.license));
  const bulkOk = distributions.some((d) => Boolean(d.downloadUrl) && isMachineReadable(d));
  const apiOk = dataServices.some((s) => s.endpointUrls.length > 0 && (s.endpointDescriptions.length > 0 || s.documentation.length > 0) && Boolean(s.contactPoint));
  return [
    { rule: 'category', ok: metadata.hvdCategories.length > 0, message: 'catalog.hvd.category' },
    { rule: 'legislation', ok: metadata.applicableLegislation.includes(HVD_LEGISLATION_IRI), message: 'catalog.hvd.legislation' },
    { rule: 'licence', ok: licenceOk, message: 'catalog.hvd.licence' },
    { rule: 'bulkDownload', ok: bulkOk, message: 'catalog.hvd.bulkDownload' },
    { rule: 'api', ok: apiOk, message: 'catalog.hvd.api' },
    { rule: 'contactPoint', ok: Boolean(metadata.contactPoint), message: 'catalog.hvd.contactPoint' },
  ];
}

export function dataServiceReadiness(metadata: DataServiceMetadata, hvd: boolean): Readiness {
  const missing: ReadinessItem[] = [];
  const suggestions: ReadinessItem[] = [];
  if (!hasText(metadata.title)) missing.push(item('title.sv', `${DCT}title`, 'catalog.readiness.titleSv'));
  if (metadata.endpointUrls.length === 0) missing.push(item('endpointUrls', `${DCAT}endpointURL`, 'catalog.readiness.endpointUrl'));
  if (metadata.formats.length === 0) missing.push(item('formats', `${DCT}format`, 'catalog.readiness.serviceFormat'));
  if (hvd) {
    if (metadata.hvdCategories.length === 0) missing.push(item('hvdCategories', `${R5R}hvdCategory`, 'catalog.hvd.category'));
    if (!metadata.applicableLegislation.includes(HVD_LEGISLATION_IRI)) missing.push(item('applicableLegislation', `${R5R}applicableLegislation`, 'catalog.hvd.legislation'));
  }
  if (!hasText(metadata.description)) suggestions.push(item('description.sv', `${DCT}description`, 'catalog.suggestion.serviceDescription'));
  if (metadata.endpointDescriptions.length === 0) suggestions.push(item('endpointDescriptions', `${DCAT}endpointDescription`, 'catalog.suggestion.endpointDescription'));
  if (!metadata.contactPoint) suggestions.push(item('contactPoint', `${DCAT}contactPoint`, 'catalog.suggestion.contactPoint'));
  if (!hasAnyKeyword(metadata.keywords)) suggestions.push(item('keywords', `${DCAT}keyword`, 'catalog.suggestion.keywords'));
  if (!metadata.license) suggestions.push(item('license', `${DCT}license`, 'catalog.suggestion.license'));
  if (!metadata.accessRights) suggestions.push(item('accessRights', `${DCT}accessRights`, 'catalog.suggestion.accessRights'));
  return finish(missing, suggestions);
}

export function seriesReadiness(metadata: DatasetSeriesMetadata): Readiness {
  const missing: ReadinessItem[] = [];
  const suggestions: ReadinessItem[] = [];
  if (!hasText(metadata.title)) missing.push(item('title.sv', `${DCT}title`, 'catalog.readiness.titleSv'));
  if (!hasText(metadata.description)) missing.push(item('description.sv', `${DCT}description`, 'catalog.readiness.descriptionSv'));
  if (!metadata.contactPoint) suggestions.push(item('contactPoint', `${DCAT}contactPoint`, 'catalog.suggestion.contactPoint'));
  if (!hasAnyKeyword(metadata.keywords)) suggestions.push(item('keywords', `${DCAT}keyword`, 'catalog.suggestion.keywords'));
  if (metadata.themes.length === 0) suggestions.push(item('themes', `${DCAT}theme`, 'catalog.suggestion.themes'));
  if (!metadata.issued) suggestions.push(item('issued', `${DCT}issued`, 'catalog.suggestion.issued'));
  if (metadata.spatial.length === 0) suggestions.push(item('spatial', `${DCT}spatial`, 'catalog.suggestion.spatial'));
  if (metadata.temporal.length === 0) suggestions.push(item('temporal', `${DCT}temporal`, 'catalog.suggestion.temporal'));
  if (metadata.conformsTo.length === 0) suggestions.push(item('conformsTo', `${DCT}conformsTo`, 'catalog.suggestion.conformsTo'));
  return finish(missing, suggestions);
}
