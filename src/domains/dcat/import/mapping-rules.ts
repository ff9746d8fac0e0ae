// Which DCAT property becomes which catalog field, per class (DCAT-AP-SE 3.0.1 and the older
// spellings catalogs still use). A property missing here is not kept, and the report says so.
import type { SchemeName } from '../../catalog/index.js';
import { NS } from '../namespaces.js';
import type { RootKind } from './rdf-graph.js';

export type Rule =
  | { field: string; kind: 'text'; max: number }
  | { field: string; kind: 'keywords' }
  | { field: string; kind: 'concept'; scheme: SchemeName; many?: true }
  | { field: string; kind: 'url'; many?: true }
  | { field: string; kind: 'date' }
  | { field: string; kind: 'plain'; max: number }
  | { field: string; kind: 'periods' }
  | { field: string; kind: 'contact' }
  | { field: string; kind: 'licence' }
  | { field: string; kind: 'format'; many?: true }
  | { field: string; kind: 'mediaType' }
  | { field: string; kind: 'byteSize' }
  | { field: string; kind: 'checksum' }
  | { field: string; kind: 'rights' }
  | { field: string; kind: 'ref'; target: RootKind; many?: true }
  /** Read elsewhere (publisher, distributions) or derived on export: no report line. */
  | { kind: 'skip' };

/** Where another spelling of a property counts as the DCAT-AP-SE one (reported as normalised). */
export const ALIASES: Record<string, string> = {
  [`${NS.owl}versionInfo`]: `${NS.dcat}version`,
  [`${NS.schema}startDate`]: `${NS.dcat}startDate`,
  [`${NS.schema}endDate`]: `${NS.dcat}endDate`,
  'http://purl.org/dc/elements/1.1/title': `${NS.dct}title`,
  'http://purl.org/dc/elements/1.1/description': `${NS.dct}description`,
};

const d = (local: string) => `${NS.dct}${local}`;
const c = (local: string) => `${NS.dcat}${local}`;
const TITLE = { field: 'title', kind: 'text', max: 500 } as const;
const DESCRIPTION = { field: 'description', kind: 'text', max: 20_000 } as const;
const SKIP = { kind: 'skip' } as const;

const COMMON: Record<string, Rule> = {
  [`${NS.rdf}type`]: SKIP,
  [d('title')]: TITLE,
  [d('description')]: DESCRIPTION,
  [d('publisher')]: SKIP,
  [c('keyword')]: { field: 'keywords', kind: 'keywords' },
  [c('theme')]: { field: 'themes', kind: 'concept', scheme: 'dataTheme', many: true },
  [c('contactPoint')]: { field: 'contactPoint', kind: 'contact' },
  [c('landingPage')]: { field: 'landingPage', kind: 'url' },
  [`${NS.foaf}page`]: { field: 'documentation', kind: 'url', many: true },
  [d('conformsTo')]: { field: 'conformsTo', kind: 'url', many: true },
  [`${NS.dcatap}hvdCategory`]: { field: 'hvdCategories', kind: 'concept', scheme: 'hvdCategory', many: true },
  [`${NS.dcatap}applicableLegislation`]: { field: 'applicableLegislation', kind: 'url', many: true },
};

export const RULES: Record<RootKind | 'distribution', Record<string, Rule>> = {
  dataset: {
    ...COMMON,
    [c('distribution')]: SKIP,
    [d('issued')]: { field: 'issued', kind: 'date' },
    [d('modified')]: { field: 'modified', kind: 'date' },
    [d('temporal')]: { field: 'temporal', kind: 'periods' },
    [d('spatial')]: { field: 'spatial', kind: 'url', many: true },
    [d('accrualPeriodicity')]: { field: 'accrualPeriodicity', kind: 'concept', scheme: 'frequency' },
    [d('accessRights')]: { field: 'accessRights', kind: 'concept', scheme: 'accessRight' },
    [d('language')]: { field: 'languages', kind: 'concept', scheme: 'language', many: true },
    [c('version')]: { field: 'version', kind: 'plain', max: 100 },
    [`${NS.adms}versionNotes`]: { ...DESCRIPTION, field: 'versionNotes' },
    [d('identifier')]: { field: 'identifier', kind: 'plain', max: 500 },
    [c('inSeries')]: { field: 'seriesId', kind: 'ref', target: 'series' },
  },
  distribution: {
    [`${NS.rdf}type`]: SKIP,
    [d('title')]: TITLE,
    [d('description')]: DESCRIPTION,
    [c('accessURL')]: { field: 'accessUrl', kind: 'url' },
    [c('downloadURL')]: { field: 'downloadUrl', kind: 'url' },
    [d('format')]: { field: 'format', kind: 'format' },
    [c('mediaType')]: { field: 'mediaType', kind: 'mediaType' },
    [d('license')]: { field: 'license', kind: 'licence' },
    [c('byteSize')]: { field: 'byteSize', kind: 'byteSize' },
    [`${NS.spdx}checksum`]: { field: 'checksum', kind: 'checksum' },
    [`${NS.adms}status`]: { field: 'status', kind: 'concept', scheme: 'distributionStatus' },
    [`${NS.dcatap}availability`]: { field: 'availability', kind: 'concept', scheme: 'plannedAvailability' },
    [d('conformsTo')]: { field: 'conformsTo', kind: 'url', many: true },
    [d('rights')]: { field: 'rights', kind: 'rights' },
    [d('language')]: { field: 'languages', kind: 'concept', scheme: 'language', many: true },
    [`${NS.foaf}page`]: { field: 'documentation', kind: 'url', many: true },
    [c('accessService')]: { field: 'accessServiceIds', kind: 'ref', target: 'dataService', many: true },
    // The export names the HVD legislation on the distributions of HVD datasets too; the dataset keeps it.
    [`${NS.dcatap}applicableLegislation`]: SKIP,
  },
  dataService: {
    ...COMMON,
    [c('endpointURL')]: { field: 'endpointUrls', kind: 'url', many: true },
    [c('endpointDescription')]: { field: 'endpointDescriptions', kind: 'url', many: true },
    [c('servesDataset')]: { field: 'servesDatasetIds', kind: 'ref', target: 'dataset', many: true },
    [d('format')]: { field: 'formats', kind: 'format', many: true },
    [d('license')]: { field: 'license', kind: 'licence' },
    [d('accessRights')]: { field: 'accessRights', kind: 'concept', scheme: 'accessRight' },
    [d('identifier')]: SKIP,
  },
  series: {
    ...COMMON,
    [d('issued')]: { field: 'issued', kind: 'date' },
    [d('modified')]: { field: 'modified', kind: 'date' },
    [d('temporal')]: { field: 'temporal', kind: 'periods' },
    [d('spatial')]: { field: 'spatial', kind: 'url', many: true },
    [d('accrualPeriodicity')]: { field: 'accrualPeriodicity', kind: 'concept', scheme: 'frequency' },
    [d('identifier')]: SKIP,
  },
};

/** Properties of a contact point the catalog keeps (vCard). */
export const CONTACT_PROPERTIES = new Set([
  `${NS.rdf}type`, `${NS.vcard}fn`, `${NS.vcard}organization-name`, `${NS.vcard}hasEmail`, `${NS.vcard}hasTelephone`, `${NS.vcard}hasURL`, `${NS.vcard}hasAddress`,
]);

/** The parts of a contact's vcard:Address the catalog keeps (ContactAddress), by property. */
export const ADDRESS_PROPERTIES: Readonly<Record<string, 'street' | 'locality' | 'postalCode' | 'country'>> = {
  [`${NS.vcard}street-address`]: 'street',
  [`${NS.vcard}locality`]: 'locality',
  [`${NS.vcard}postal-code`]: 'postalCode',
  [`${NS.vcard}country-name`]: 'country',
};

const PREFIXES = Object.entries(NS).sort((a, b) => b[1].length - a[1].length);
const EXTRA_PREFIXES: [string, string][] = [
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['time', 'http://www.w3.org/2006/time#'],
  ['dcatde', 'http://dcat-ap.de/def/dcatde/'],
];

/** 'dct:title' for http://purl.org/dc/terms/title; the IRI itself when no prefix fits. */
export function shortName(iri: string): string {
  for (const [prefix, ns] of [...PREFIXES, ...EXTRA_PREFIXES]) if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
}
