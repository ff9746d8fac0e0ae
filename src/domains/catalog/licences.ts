// Licence rules: one canonical IRI per licence, the picker order, which licences give open data and
// which are at least as permissive as CC BY 4.0 (the HVD requirement).
//
// Canonical IRI: Creative Commons licences and marks use the creativecommons.org URI in the form
// DCAT-AP-SE prescribes ("http://creativecommons.org/licenses/by/4.0/": http, trailing slash, no
// deed or legalcode); every other licence uses its EU licence-vocabulary IRI
// (http://publications.europa.eu/resource/authority/licence/CODE), which dataportal.se and
// data.europa.eu both understand; two open-data licences missing from the 2020 vocabulary
// (Etalab 2.0, NLOD 2.0) use their publishers' URLs.
import { concepts, normalizeIri, type Concept, type Locale } from './vocabularies/index.js';

export interface Licence {
  /** The canonical IRI to store and publish. */
  iri: string;
  /** The EU licence-vocabulary IRI, when the vocabulary has the licence. */
  euIri?: string;
  code: string;
  short: string;
  label: { sv: string; en: string };
  /** Satisfies the Open Definition: anyone may use, change and share it, for any purpose. */
  open: boolean;
  /** Public domain or attribution-only and fit for data: what HVD asks for (CC BY 4.0 or freer). */
  atLeastCcBy4: boolean;
  deprecated?: boolean;
}

const CC_HOST = 'creativecommons.org';

/** Licences with NC (non-commercial) or ND (no derivatives) terms, or restrictive own terms. */
const NOT_OPEN = (code: string) =>
  /^CC_BY(NC|ND|NCSA|NCND)(_|$)/.test(code) || ['DLDE_BYNC_1_0', 'OGL_NC', 'PSEUL'].includes(code);

/**
 * At least as permissive as CC BY 4.0: public-domain tools, and attribution-only data licences that
 * cover database rights and are declared compatible with CC BY 4.0. Older CC BY versions (no
 * sui generis database right before 4.0), share-alike, NC/ND and software licences are not.
 */
const AT_LEAST_CC_BY_4 = new Set([
  'CC0',
  'CC_PDM_1_0',
  'CC_BY_4_0',
  'ODC_PDDL',
  'ODC_BY',
  'DLDE_ZERO_2_0',
  'DLDE_BY_2_0',
  'OGL_3_0',
  'COM_REUSE',
  'ETALAB_2_0',
  'NLOD_2_0',
]);

/** Version-less EU concepts, deprecated, whose labels name the 4.0 licence. */
const VERSIONLESS: Record<string, string> = {
  CC_BY: 'CC_BY_4_0',
  CC_BYSA: 'CC_BYSA_4_0',
  CC_BYND: 'CC_BYND_4_0',
  CC_BYNC: 'CC_BYNC_4_0',
  CC_BYNCSA: 'CC_BYNCSA_4_0',
  CC_BYNCND: 'CC_BYNCND_4_0',
};

/** Open-data licences not in the 2020 EU vocabulary. */
const EXTRA: Omit<Licence, 'open' | 'atLeastCcBy4'>[] = [
  {
    iri: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    code: 'ETALAB_2_0',
    short: 'Etalab 2.0',
    label: { sv: 'Licence Ouverte / Open Licence 2.0 (Etalab)', en: 'Licence Ouverte / Open Licence 2.0 (Etalab)' },
  },
  {
    iri: 'https://data.norge.no/nlod/no/2.0',
    code: 'NLOD_2_0',
    short: 'NLOD 2.0',
    label: { sv: 'Norsk lisens for offentlige data (NLOD) 2.0', en: 'Norwegian Licence for Open Government Data (NLOD) 2.0' },
  },
];

/** More names people and other portals use (SPDX ids, CKAN licence ids), mapped to a code. */
const ALIASES: Record<string, string> = {
  'cc0': 'CC0',
  'cc-zero': 'CC0',
  'cc0-1.0': 'CC0',
  'pdm': 'CC_PDM_1_0',
  'pdm-1.0': 'CC_PDM_1_0',
  'public-domain-mark': 'CC_PDM_1_0',
  'cc-pdm-1.0': 'CC_PDM_1_0',
  'cc-by': 'CC_BY_4_0',
  'cc-by-sa': 'CC_BYSA_4_0',
  'cc-nc': 'CC_BYNC_4_0',
  'cc-by-nc': 'CC_BYNC_4_0',
  'cc-by-nd': 'CC_BYND_4_0',
  'odbl': 'ODC_BL',
  'odbl-1.0': 'ODC_BL',
  'odc-odbl': 'ODC_BL',
  'odc-by': 'ODC_BY',
  'odc-by-1.0': 'ODC_BY',
  'pddl': 'ODC_PDDL',
  'pddl-1.0': 'ODC_PDDL',
  'odc-pddl': 'ODC_PDDL',
  'etalab-2.0': 'ETALAB_2_0',
  'lo-2.0': 'ETALAB_2_0',
  'nlod-1.0': 'NLOD_1_0',
  'nlod-2.0': 'NLOD_2_0',
  'dl-de-by-2.0': 'DLDE_BY_2_0',
  'dl-de-zero-2.0': 'DLDE_ZERO_2_0',
  'ogl-uk-3.0': 'OGL_3_0',
  'uk-ogl': 'OGL_3_0',
  'gfdl': 'GNU_FDL',
  'apache-2.0': 'APACHE_2_0',
  'mit': 'MIT',
  'eupl-1.2': 'EUPL_1_2',
};

/** Extra URLs for the extras and a few common spellings the vocabularies do not list. */
const EXTRA_URLS: Record<string, string[]> = {
  ETALAB_2_0: ['https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'],
  NLOD_2_0: ['https://data.norge.no/nlod/en/2.0', 'http://data.norge.no/nlod/no/2.0'],
  ODC_BL: ['https://opendatacommons.org/licenses/odbl/1-0/', 'http://opendatacommons.org/licenses/odbl/'],
  ODC_BY: ['https://opendatacommons.org/licenses/by/1-0/', 'http://opendatacommons.org/licenses/by/'],
  ODC_PDDL: ['https://opendatacommons.org/licenses/pddl/1-0/', 'http://opendatacommons.org/licenses/pddl/'],
};

/**
 * The lookup key of a licence URL or name: no scheme, no "www.", lower-case host, no query or
 * fragment, no trailing slash; on creativecommons.org without deed.xx / legalcode(.xx) and with the
 * current version for a version-less URL; for names, lower case with spaces and underscores as "-".
 */
export function licenceKey(input: string): string {
  const text = input.trim().replace(/^<(.*)>$/, '$1');
  const url =
    /^(?:https?:)?\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(text) ?? /^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#]*)/i.exec(text);
  if (!url) return text.toLowerCase().replace(/[\s_]+/g, '-');
  const host = url[1]!.toLowerCase();
  let rest = url[2]!.replace(/\/+$/, '');
  if (host === CC_HOST) {
    rest = rest.toLowerCase().replace(/\/(deed|legalcode)(\.[a-z_-]+)?$/, '');
    rest = rest.replace(/^\/licenses\/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)$/, '/licenses/$1/4.0');
    rest = rest.replace(/^\/publicdomain\/(zero|mark)$/, '/publicdomain/$1/1.0');
  }
  if (host === 'spdx.org') {
    const id = /^\/licenses\/([^/]+?)(\.html|\.json)?$/i.exec(rest)?.[1];
    if (id) return id.toLowerCase();
  }
  if (host === 'opendefinition.org') {
    const id = /^\/licenses\/([^/]+)$/i.exec(rest)?.[1];
    if (id) return id.toLowerCase();
  }
  return `${host}${rest}`;
}

/** CC URLs in the DCAT-AP-SE form: http, trailing slash. */
const ccCanonical = (url: string) => `http://${CC_HOST}${licenceKey(url).slice(CC_HOST.length)}/`;

function fromConcept(concept: Concept): Licence {
  const ccUrl = concept.sameAs?.find((u) => licenceKey(u).startsWith(`${CC_HOST}/`));
  const licence: Licence = {
    iri: ccUrl ? ccCanonical(ccUrl) : concept.iri,
    euIri: concept.iri,
    code: concept.code,
    short: concept.short ?? concept.label.en,
    label: concept.label,
    open: !NOT_OPEN(concept.code),
    atLeastCcBy4: AT_LEAST_CC_BY_4.has(concept.code),
  };
  if (concept.deprecated) licence.deprecated = true;
  return licence;
}

interface Table {
  all: Licence[];
  byKey: Map<string, Licence>;
}

let table: Table | undefined;

function buildTable(): Table {
  const licenceConcepts = concepts('licence');
  const all = [
    ...licenceConcepts.filter((c) => !VERSIONLESS[c.code]).map(fromConcept),
    ...EXTRA.map((l) => ({ ...l, open: true, atLeastCcBy4: AT_LEAST_CC_BY_4.has(l.code) })),
  ];
  const byCode = new Map(all.map((l) => [l.code, l]));
  const byKey = new Map<string, Licence>();
  const add = (key: string, licence: Licence) => {
    if (key && !byKey.has(key)) byKey.set(key, licence);
  };
  for (const licence of all) {
    add(licenceKey(licence.iri), licence);
    if (licence.euIri) add(licenceKey(licence.euIri), licence);
    add(licenceKey(licence.code), licence);
    add(licenceKey(licence.short), licence);
  }
  for (const concept of licenceConcepts) {
    const licence = byCode.get(VERSIONLESS[concept.code] ?? concept.code);
    if (!licence) continue;
    add(licenceKey(concept.iri), licence);
    for (const url of concept.sameAs ?? []) add(licenceKey(url), licence);
  }
  for (const [code, urls] of Object.entries(EXTRA_URLS)) for (const url of urls) add(licenceKey(url), byCode.get(code)!);
  for (const [alias, code] of Object.entries(ALIASES)) add(alias, byCode.get(code)!);
  return { all, byKey };
}

function licences(): Table {
  return (table ??= buildTable());
}

/** The licence an IRI, URL or name denotes, in any of its spellings; undefined when unknown. */
export function resolveLicence(input: string | null | undefined): Licence | undefined {
  if (!input?.trim()) return undefined;
  const { byKey } = licences();
  const direct = byKey.get(licenceKey(input));
  if (direct) return direct;
  // EU vocabulary IRIs in any case or scheme (…/licence/cc_by_4_0, https://…).
  const normalized = normalizeIri(input);
  return byKey.get(licenceKey(normalized));
}

/**
 * The canonical IRI for a known licence in any spelling (http/https, deed.*, legalcode, trailing
 * slash, version-less, SPDX/CKAN ids, EU vocabulary IRIs). An unknown licence comes back trimmed, so
 * a custom licence URL is kept as its publisher wrote it.
 */
export function normalizeLicenceUri(input: string): string {
  return resolveLicence(input)?.iri ?? input.trim();
}

/** Open data by the Open Definition. Unknown, custom and missing licences are not open. */
export function isOpenLicence(iri: string | null | undefined): boolean {
  return resolveLicence(iri)?.open ?? false;
}

/** The HVD checklist's licence rule: CC BY 4.0 or an equivalent or less restrictive licence. */
export function isAtLeastAsPermissiveAsCcBy4(iri: string | null | undefined): boolean {
  return resolveLicence(iri)?.atLeastCcBy4 ?? false;
}

/** The licences offered first, in this order: CC0 1.0, CC BY 4.0, Public Domain Mark 1.0. */
export const RECOMMENDED_LICENCE_CODES = ['CC0', 'CC_BY_4_0', 'CC_PDM_1_0'] as const;

/**
 * Digg and PRV recommend PDM or CC0 for information without copyright and for databases; the
 * picker shows this message key beside the list.
 */
export const LICENCE_RECOMMENDATION_KEY = 'catalog.licence.recommendation' as const;

/** The picker: the recommended three first, then every other current licence by label. */
export function licencePickerOptions(locale: Locale): Licence[] {
  const { all } = licences();
  const first = RECOMMENDED_LICENCE_CODES.map((code) => all.find((l) => l.code === code)!);
  const collator = new Intl.Collator(locale === 'sv' ? 'sv' : 'en');
  const rest = all
    .filter((l) => !l.deprecated && !(RECOMMENDED_LICENCE_CODES as readonly string[]).includes(l.code))
    .sort((a, b) => collator.compare(a.label[locale], b.label[locale]) || a.code.localeCompare(b.code));
  return [...first, ...rest];
}

/** Every licence the catalog knows (deprecated ones included). */
export function allLicences(): readonly Licence[] {
  return licences().all;
}
