// Building blocks for the demo catalog's definitions: fixed ids, vocabulary lookups that fail loudly,
// the licences, places and contact points, and compact builders for datasets and distributions so
// each organisation's file reads as a list of datasets rather than of boilerplate.
import { HVD_LEGISLATION_IRI, type ContactPoint, type PeriodOfTime } from '../catalog.model.js';
import { normalizeLicenceUri } from '../licences.js';
import { concepts, iriForCode, type SchemeName } from '../vocabularies/index.js';
import type { DemoDataset, DemoDistribution, DemoFile } from './demo-catalog.js';

export const ORGANIZATION_SLUGS = ['digg', 'lantmateriet', 'scb', 'stockholms-stad', 'goteborgs-stad', 'region-stockholm', 'systembolaget'] as const;
export type OrgSlug = (typeof ORGANIZATION_SLUGS)[number];

const ID_KIND = { dataset: '2', dataService: '3', series: '4' } as const;

/** The fixed id of the n:th demo resource of a kind: 01900000-0000-7000-8000-0000000002NN and so on. */
export function demoId(kind: keyof typeof ID_KIND, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`demo ids run from 1 to 99, got ${n}`);
  return `01900000-0000-7000-8000-000000000${ID_KIND[kind]}${String(n).padStart(2, '0')}`;
}

/** The IRI of a code in a vocabulary; throws for an unknown code so a typo never reaches the seeder. */
export function vocab(scheme: SchemeName, code: string): string {
  const iri = iriForCode(scheme, code);
  if (!iri) throw new Error(`no ${code} in ${scheme}`);
  return iri;
}

/** An HVD category by its English label ('Geospatial', 'Mobility', 'Statistics' …). */
export function hvdCategory(labelEn: string): string {
  const concept = concepts('hvdCategory').find((c) => c.label.en === labelEn);
  if (!concept) throw new Error(`no HVD category "${labelEn}"`);
  return concept.iri;
}

export const SYSTEMBOLAGET_TERMS = 'https://www.systembolaget.se/villkor-data';

export const LICENCES = {
  CC0: normalizeLicenceUri('https://creativecommons.org/publicdomain/zero/1.0/'),
  CC_BY: normalizeLicenceUri('https://creativecommons.org/licenses/by/4.0/'),
  PDM: normalizeLicenceUri('https://creativecommons.org/publicdomain/mark/1.0/'),
  CC_BY_NC: normalizeLicenceUri('https://creativecommons.org/licenses/by-nc/4.0/'),
  SYSTEMBOLAGET: SYSTEMBOLAGET_TERMS,
} as const;
export type LicenceKey = keyof typeof LICENCES;

export const PLACES = {
  sweden: 'http://publications.europa.eu/resource/authority/country/SWE',
  stockholm: 'https://sws.geonames.org/2673730/',
  stockholmsLan: 'https://sws.geonames.org/2673722/',
  goteborg: 'https://sws.geonames.org/2711537/',
} as const;

export { HVD_LEGISLATION_IRI };

const CONTACTS: Record<OrgSlug, ContactPoint> = {
  digg: { kind: 'organization', name: 'Digg, enheten för data och digital infrastruktur', email: 'oppnadata@digg.se', url: 'https://www.digg.se/kontakt' },
  lantmateriet: { kind: 'organization', name: 'Lantmäteriet, geodatasupport', email: 'geodatasupport@lantmateriet.se', phone: '0771-63 63 63', url: 'https://www.lantmateriet.se/kontakt' },
  scb: { kind: 'organization', name: 'SCB, öppna data', email: 'oppnadata@scb.se', phone: '010-479 40 00', url: 'https://www.scb.se/kontakt' },
  'stockholms-stad': { kind: 'organization', name: 'Stockholms stad, öppna data', email: 'oppnadata@stockholm.se', url: 'https://start.stockholm/kontakt' },
  'goteborgs-stad': { kind: 'organization', name: 'Göteborgs Stad, öppna data', email: 'oppnadata@goteborg.se', url: 'https://goteborg.se/kontakt' },
  'region-stockholm': { kind: 'organization', name: 'Region Stockholm, öppna data', email: 'oppnadata@regionstockholm.se', url: 'https://www.regionstockholm.se/kontakt' },
  systembolaget: { kind: 'organization', name: 'Systembolaget, data och analys', email: 'oppnadata@systembolaget.se', url: 'https://www.systembolaget.se/kundservice' },
};

export function contact(org: OrgSlug, override: Partial<ContactPoint> = {}): ContactPoint {
  return { ...CONTACTS[org], ...override };
}

type Lang = [sv: string, en?: string];
const lang = ([sv, en]: Lang) => (en ? { sv, en } : { sv });

const SWEDISH = () => [vocab('language', 'SWE')];

/** The note every generated file carries, so nobody mistakes demo values for official ones. */
const DEMO_NOTE: Lang = ['Genererade demovärden – inte verkliga uppgifter.', 'Generated demo values – not real figures.'];

export interface FileOptions {
  title: Lang;
  description?: Lang;
  licence: LicenceKey;
  conformsTo?: string[];
  documentation?: string[];
  rights?: Lang;
  availability?: 'STABLE' | 'AVAILABLE' | 'EXPERIMENTAL' | 'TEMPORARY';
  status?: 'COMPLETED' | 'DEVELOP';
}

/** A distribution whose data is an uploaded file (the service sets accessUrl, downloadUrl, size and checksum). */
export function fileDist(file: DemoFile, o: FileOptions): DemoDistribution {
  const description: Lang = o.description ? [`${o.description[0]} ${DEMO_NOTE[0]}`, o.description[1] && `${o.description[1]} ${DEMO_NOTE[1]}`] : DEMO_NOTE;
  return {
    file,
    input: {
      title: lang(o.title),
      description: lang(description),
      format: vocab('fileType', file.mediaType === 'application/json' ? 'JSON' : 'CSV'),
      mediaType: file.mediaType,
      license: LICENCES[o.licence],
      status: vocab('distributionStatus', o.status ?? 'COMPLETED'),
      availability: vocab('plannedAvailability', o.availability ?? 'STABLE'),
      languages: SWEDISH(),
      conformsTo: o.conformsTo ?? [],
      documentation: o.documentation ?? [],
      ...(o.rights ? { rights: lang(o.rights) } : {}),
    },
  };
}

export interface LinkOptions {
  title: Lang;
  description?: Lang;
  accessUrl: string;
  downloadUrl?: string;
  /** EU file-type code ('ZIP', 'GEOJSON', 'HTML' …). */
  format: string;
  mediaType: string;
  licence: LicenceKey;
  availability?: FileOptions['availability'];
  documentation?: string[];
  conformsTo?: string[];
}

/** A distribution that points at the organisation's own site (no file). */
export function linkDist(o: LinkOptions): DemoDistribution {
  return {
    input: {
      title: lang(o.title),
      description: o.description ? lang(o.description) : {},
      accessUrl: o.accessUrl,
      ...(o.downloadUrl ? { downloadUrl: o.downloadUrl } : {}),
      format: vocab('fileType', o.format),
      mediaType: o.mediaType,
      license: LICENCES[o.licence],
      status: vocab('distributionStatus', 'COMPLETED'),
      availability: vocab('plannedAvailability', o.availability ?? 'STABLE'),
      languages: SWEDISH(),
      conformsTo: o.conformsTo ?? [],
      documentation: o.documentation ?? [],
    },
  };
}

export interface DatasetDef {
  n: number;
  slug: string;
  org: OrgSlug;
  title: Lang;
  description: Lang;
  keywords: [sv: string[], en?: string[]];
  /** EU data-theme codes. */
  themes: string[];
  /** EU frequency code. */
  frequency: string;
  issued: string;
  modified?: string;
  temporal: PeriodOfTime[];
  spatial: string[];
  landingPage?: string;
  documentation?: string[];
  conformsTo?: string[];
  identifier?: string;
  version?: string;
  contact?: Partial<ContactPoint>;
  /** Present for high-value datasets: the HVD categories' English labels. */
  hvd?: string[];
  seriesId?: string;
  distributions: DemoDistribution[];
  publish?: boolean;
  visibility?: 'public' | 'private';
}

export function dataset(d: DatasetDef): DemoDataset {
  return {
    id: demoId('dataset', d.n),
    slug: d.slug,
    organization: d.org,
    publish: d.publish ?? true,
    ...(d.visibility ? { visibility: d.visibility } : {}),
    distributions: d.distributions,
    input: {
      title: lang(d.title),
      description: lang(d.description),
      keywords: d.keywords[1] ? { sv: d.keywords[0], en: d.keywords[1] } : { sv: d.keywords[0] },
      themes: d.themes.map((code) => vocab('dataTheme', code)),
      contactPoint: contact(d.org, d.contact),
      issued: d.issued,
      ...(d.modified ? { modified: d.modified } : {}),
      temporal: d.temporal,
      spatial: d.spatial,
      accrualPeriodicity: vocab('frequency', d.frequency),
      accessRights: vocab('accessRight', 'PUBLIC'),
      conformsTo: d.conformsTo ?? [],
      ...(d.landingPage ? { landingPage: d.landingPage } : {}),
      documentation: d.documentation ?? [],
      languages: SWEDISH(),
      ...(d.identifier ? { identifier: d.identifier } : {}),
      ...(d.version ? { version: d.version } : {}),
      ...(d.seriesId ? { seriesId: d.seriesId } : {}),
      hvd: Boolean(d.hvd),
      hvdCategories: (d.hvd ?? []).map(hvdCategory),
      applicableLegislation: d.hvd ? [HVD_LEGISLATION_IRI] : [],
    },
  };
}
