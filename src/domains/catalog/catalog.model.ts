// The catalog's metadata, 1:1 on DCAT-AP-SE 3.0.1 (see ../shared/standards/dcat-ap-se). Each
// resource keeps its descriptive metadata as one JSON document (the `metadata` column), validated
// by catalog.schemas.ts; the columns beside it (slug, organisation, status, visibility, hvd,
// revision, timestamps) are what lists, policies and joins need. The comment on each field names
// the DCAT property it becomes in RDF. Controlled values are IRIs from the vendored vocabularies.

/** Language-tagged text: Swedish first, English encouraged. */
export interface LangText {
  sv?: string;
  en?: string;
}

/** Keywords per language. */
export interface LangList {
  sv?: string[];
  en?: string[];
}

/** vcard:hasAddress → vcard:Address: a postal address, each part optional (at least one given). */
export interface ContactAddress {
  /** vcard:street-address */
  street?: string;
  /** vcard:locality */
  locality?: string;
  /** vcard:postal-code */
  postalCode?: string;
  /** vcard:country-name */
  country?: string;
}

/** The parts of a contact address, in the order they are written. */
export const contactAddressParts = ['street', 'postalCode', 'locality', 'country'] as const;
/** The longest a part of a contact address may be (characters). */
export const CONTACT_ADDRESS_PART_MAX = 200;

/** dcat:contactPoint → vcard:Organization (or vcard:Individual). */
export interface ContactPoint {
  kind: 'organization' | 'individual';
  /** vcard:fn */
  name: string;
  /** vcard:hasEmail (mailto:) */
  email: string;
  /** vcard:hasTelephone */
  phone?: string;
  /** vcard:hasURL */
  url?: string;
  /** vcard:hasAddress */
  address?: ContactAddress;
}

/** dct:PeriodOfTime with dcat:startDate / dcat:endDate (ISO dates, either may be open). */
export interface PeriodOfTime {
  start?: string;
  end?: string;
}

export const datasetStatuses = ['draft', 'published'] as const;
export type DatasetStatus = (typeof datasetStatuses)[number];

export const visibilities = ['public', 'private'] as const;
export type Visibility = (typeof visibilities)[number];

/** The DCAT-AP HVD legislation every HVD dataset names (Implementing Regulation (EU) 2023/138). */
export const HVD_LEGISLATION_IRI = 'http://data.europa.eu/eli/reg_impl/2023/138/oj';

export interface DatasetMetadata {
  /** dct:title */
  title: LangText;
  /** dct:description */
  description: LangText;
  /** dcat:keyword */
  keywords: LangList;
  /** dcat:theme — EU data themes */
  themes: string[];
  contactPoint?: ContactPoint;
  /** dct:issued (date) */
  issued?: string;
  /** dct:modified (date) — when the data last changed, set by the publisher */
  modified?: string;
  /** dct:temporal */
  temporal: PeriodOfTime[];
  /** dct:spatial — place IRIs (e.g. Geonames, EU countries/places) */
  spatial: string[];
  /** dct:accrualPeriodicity — EU frequency */
  accrualPeriodicity?: string;
  /** dct:accessRights — EU access right */
  accessRights?: string;
  /** dct:conformsTo — standards or schemas */
  conformsTo: string[];
  /** dcat:landingPage */
  landingPage?: string;
  /** foaf:page — documentation */
  documentation: string[];
  /** dct:language — EU language IRIs */
  languages: string[];
  /** dcat:version */
  version?: string;
  /** adms:versionNotes */
  versionNotes?: LangText;
  /** dct:identifier — an identifier the publisher uses elsewhere */
  identifier?: string;
  /** dcat:inSeries — a dataset series of the same organisation (its id) */
  seriesId?: string;
  /** r5r:hvdCategory — HVD categories (only for HVD datasets) */
  hvdCategories: string[];
  /** r5r:applicableLegislation — ELI IRIs (HVD datasets name 2023/138) */
  applicableLegislation: string[];
}

export interface Checksum {
  algorithm: 'sha256';
  value: string;
}

/** An uploaded file behind a distribution (content-addressed by its SHA-256). */
export interface StoredFileRef {
  sha256: string;
  byteSize: number;
  /** The media type the bytes were recognised as (or the declared one when they match). */
  mediaType: string;
  fileName: string;
}

export interface DistributionMetadata {
  /** dct:title */
  title: LangText;
  /** dct:description */
  description: LangText;
  /** dcat:accessURL — for an uploaded file, the dataset page (set by the service) */
  accessUrl?: string;
  /** dcat:downloadURL — for an uploaded file, our download URL (set by the service) */
  downloadUrl?: string;
  /** dct:format — EU file-type IRI */
  format?: string;
  /** dcat:mediaType — IANA media type */
  mediaType?: string;
  /** dct:license — canonical licence IRI (see licences.ts) */
  license?: string;
  /** dcat:byteSize */
  byteSize?: number;
  /** spdx:checksum */
  checksum?: Checksum;
  /** adms:status — EU distribution status */
  status?: string;
  /** r5r:availability — EU planned availability */
  availability?: string;
  /** dct:conformsTo */
  conformsTo: string[];
  /** dct:rights — a rights statement in words */
  rights?: LangText;
  /** dct:language */
  languages: string[];
  /** foaf:page */
  documentation: string[];
  /** dcat:accessService — data services (ids) that give access to this distribution */
  accessServiceIds: string[];
  /** Present when the data is an uploaded file. */
  file?: StoredFileRef;
}

export interface DataServiceMetadata {
  title: LangText;
  description: LangText;
  /** dcat:endpointURL (at least one to publish) */
  endpointUrls: string[];
  /** dcat:endpointDescription — e.g. an OpenAPI document */
  endpointDescriptions: string[];
  /** dcat:servesDataset — dataset ids */
  servesDatasetIds: string[];
  /** dct:format — what the API answers in (EU file-type IRIs; mandatory in DCAT-AP-SE) */
  formats: string[];
  license?: string;
  accessRights?: string;
  contactPoint?: ContactPoint;
  keywords: LangList;
  themes: string[];
  /** foaf:page */
  documentation: string[];
  landingPage?: string;
  conformsTo: string[];
  hvdCategories: string[];
  applicableLegislation: string[];
}

export interface DatasetSeriesMetadata {
  title: LangText;
  description: LangText;
  contactPoint?: ContactPoint;
  keywords: LangList;
  themes: string[];
  accrualPeriodicity?: string;
  temporal: PeriodOfTime[];
  spatial: string[];
  issued?: string;
  modified?: string;
  landingPage?: string;
  documentation: string[];
  conformsTo: string[];
  hvdCategories: string[];
  applicableLegislation: string[];
}

/** The kinds of catalog resource that have their own page, API resource and history. */
export const resourceKinds = ['dataset', 'dataService', 'series'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface MetadataByKind {
  dataset: DatasetMetadata;
  dataService: DataServiceMetadata;
  series: DatasetSeriesMetadata;
}

/** Empty documents: every list present, so code never checks for undefined arrays. */
export function emptyDatasetMetadata(): DatasetMetadata {
  return { title: {}, description: {}, keywords: {}, themes: [], temporal: [], spatial: [], conformsTo: [], documentation: [], languages: [], hvdCategories: [], applicableLegislation: [] };
}

export function emptyDistributionMetadata(): DistributionMetadata {
  return { title: {}, description: {}, conformsTo: [], languages: [], documentation: [], accessServiceIds: [] };
}

export function emptyDataServiceMetadata(): DataServiceMetadata {
  return { title: {}, description: {}, endpointUrls: [], endpointDescriptions: [], servesDatasetIds: [], formats: [], keywords: {}, themes: [], documentation: [], conformsTo: [], hvdCategories: [], applicableLegislation: [] };
}

export function emptySeriesMetadata(): DatasetSeriesMetadata {
  return { title: {}, description: {}, keywords: {}, themes: [], temporal: [], spatial: [], documentation: [], conformsTo: [], hvdCategories: [], applicableLegislation: [] };
}
