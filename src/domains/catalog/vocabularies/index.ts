// The controlled vocabularies the catalog uses (EU Publications Office tables and the DCAT-AP-SE
// choices), read from the vendored JSON in ./data (see SOURCES.md; rebuild with npm run vocabularies).
// Every lookup normalises the IRI first, so http/https and trailing-slash spellings match.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import accessRight from './data/access-right.json' with { type: 'json' };
import dataTheme from './data/data-theme.json' with { type: 'json' };
import distributionStatus from './data/distribution-status.json' with { type: 'json' };
import fileType from './data/file-type.json' with { type: 'json' };
import frequency from './data/frequency.json' with { type: 'json' };
import hvdCategory from './data/hvd-category.json' with { type: 'json' };
import language from './data/language.json' with { type: 'json' };
import licence from './data/licence.json' with { type: 'json' };
import plannedAvailability from './data/planned-availability.json' with { type: 'json' };
import publisherType from './data/publisher-type.json' with { type: 'json' };
import type { Concept, Locale, SchemeName, VocabularyFile } from './types.js';

export type { Concept, Locale, SchemeName, VocabularyFile } from './types.js';

export const SCHEME_NAMES: readonly SchemeName[] = [
  'dataTheme',
  'fileType',
  'frequency',
  'language',
  'accessRight',
  'distributionStatus',
  'plannedAvailability',
  'hvdCategory',
  'licence',
  'publisherType',
];

/** The vocabulary folder in src/ (where npm run vocabularies writes; tests compare against it). */
export const vocabularyDataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export const dataFileName = (name: SchemeName) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;

// Static JSON imports: tsx reads them from src/, and the esbuild bundle inlines them.
const files: Record<SchemeName, VocabularyFile> = {
  dataTheme: dataTheme as VocabularyFile,
  fileType: fileType as VocabularyFile,
  frequency: frequency as VocabularyFile,
  language: language as VocabularyFile,
  accessRight: accessRight as VocabularyFile,
  distributionStatus: distributionStatus as VocabularyFile,
  plannedAvailability: plannedAvailability as VocabularyFile,
  hvdCategory: hvdCategory as VocabularyFile,
  licence: licence as VocabularyFile,
  publisherType: publisherType as VocabularyFile,
};

interface Loaded {
  file: VocabularyFile;
  byIri: Map<string, Concept>;
  byCode: Map<string, Concept>;
}

const cache = new Map<SchemeName, Loaded>();

/**
 * IANA media types for file types the EU table leaves without one (JSON among them), so a format
 * and a media type can always be derived from each other.
 */
const MEDIA_TYPE_FALLBACK: Record<string, string> = {
  JSON: 'application/json',
  JSON_LD: 'application/ld+json',
  RDF_TURTLE: 'text/turtle',
  TSV: 'text/tab-separated-values',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  ODT: 'application/vnd.oasis.opendocument.text',
  GML: 'application/gml+xml',
  KML: 'application/vnd.google-earth.kml+xml',
  SHP: 'application/x-shapefile',
  SQL: 'application/sql',
};

/** Media types written in other ways than the table's. */
const MEDIA_TYPE_ALIASES: Record<string, string> = {
  'text/xml': 'application/xml',
  'application/x-zip-compressed': 'application/zip',
  'application/gzip': 'application/x-gzip',
  'text/json': 'application/json',
};

function withMediaTypes(concepts: Concept[]): Concept[] {
  return concepts.map((c) => (c.mediaType || !MEDIA_TYPE_FALLBACK[c.code] ? c : { ...c, mediaType: MEDIA_TYPE_FALLBACK[c.code] }));
}

function load(scheme: SchemeName): Loaded {
  let loaded = cache.get(scheme);
  if (!loaded) {
    const file = scheme === 'fileType' ? { ...files[scheme], concepts: withMediaTypes(files[scheme].concepts) } : files[scheme];
    for (const concept of file.concepts) Object.freeze(concept);
    Object.freeze(file.concepts);
    const byIri = new Map(file.concepts.map((c) => [normalizeIri(c.iri), c]));
    const byCode = new Map(file.concepts.map((c) => [c.code.toUpperCase(), c]));
    loaded = { file, byIri, byCode };
    cache.set(scheme, loaded);
  }
  return loaded;
}

const EU_HOSTS = new Set(['publications.europa.eu', 'data.europa.eu']);

/**
 * One spelling per IRI: trimmed, without angle brackets, lower-case scheme and host, `http:` for the
 * EU vocabulary hosts (their IRIs are http but are often written https), no trailing slash, and the
 * authority code upper-cased for publications.europa.eu/resource/authority/<table>/<code>.
 * Anything that is not an absolute http(s) IRI comes back trimmed and otherwise unchanged.
 */
export function normalizeIri(input: string): string {
  const raw = input.trim().replace(/^<(.*)>$/, '$1');
  const match = /^(https?):\/\/([^/?#]+)(.*)$/i.exec(raw);
  if (!match) return raw;
  const host = match[2]!.toLowerCase();
  const protocol = EU_HOSTS.has(host) ? 'http' : match[1]!.toLowerCase();
  let rest = match[3]!.replace(/\/+$/, '');
  if (host === 'publications.europa.eu') {
    rest = rest.replace(/^(\/resource\/authority\/[^/]+\/)([^/?#]+)$/, (_, table: string, code: string) => table + code.toUpperCase());
  }
  return `${protocol}://${host}${rest}`;
}

/** All concepts of a scheme (deprecated ones included: stored values must keep resolving). */
export function concepts(scheme: SchemeName): readonly Concept[] {
  return load(scheme).file.concepts;
}

/** The concepts to offer in a picker: not deprecated, sorted by the label in the locale. */
export function selectableConcepts(scheme: SchemeName, locale: Locale): Concept[] {
  const collator = new Intl.Collator(locale === 'sv' ? 'sv' : 'en');
  return concepts(scheme)
    .filter((c) => !c.deprecated)
    .sort((a, b) => collator.compare(a.label[locale], b.label[locale]));
}

/** The scheme's own IRI (e.g. http://publications.europa.eu/resource/authority/data-theme). */
export function schemeIri(scheme: SchemeName): string {
  return load(scheme).file.scheme;
}

export function findConcept(scheme: SchemeName, iri: string): Concept | undefined {
  return load(scheme).byIri.get(normalizeIri(iri));
}

export function isKnown(scheme: SchemeName, iri: string): boolean {
  return findConcept(scheme, iri) !== undefined;
}

/** The label in the locale (Swedish falls back to English), or undefined for an unknown IRI. */
export function label(scheme: SchemeName, iri: string, locale: Locale): string | undefined {
  return findConcept(scheme, iri)?.label[locale];
}

/** The vocabulary's spelling of an IRI given in any accepted form, or undefined if unknown. */
export function canonicalIri(scheme: SchemeName, iri: string): string | undefined {
  return findConcept(scheme, iri)?.iri;
}

/** Lookup by notation, case-insensitive: byCode('fileType', 'csv'), byCode('language', 'SWE'). */
export function byCode(scheme: SchemeName, code: string): Concept | undefined {
  return load(scheme).byCode.get(code.trim().toUpperCase());
}

export function iriForCode(scheme: SchemeName, code: string): string | undefined {
  return byCode(scheme, code)?.iri;
}

/** The file type whose IANA media type (parameters ignored) the EU table maps to it. */
export function fileTypeByMediaType(mediaType: string): Concept | undefined {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  const wanted = MEDIA_TYPE_ALIASES[essence] ?? essence;
  if (!wanted) return undefined;
  const candidates = concepts('fileType').filter((c) => c.mediaType?.split(';')[0]!.trim().toLowerCase() === wanted);
  // Several types share a media type (application/xml: XML, FMX4, …): the one named like the subtype wins.
  const subtype = wanted.split('/')[1]?.toUpperCase();
  return candidates.find((c) => !c.deprecated && c.code === subtype) ?? candidates.find((c) => !c.deprecated) ?? candidates[0];
}

/**
 * The file type for a file extension ('csv', '.CSV'). Several types share some extensions (.xml,
 * .json): a type whose code equals the extension wins, then the first current one.
 */
export function fileTypeByExtension(extension: string): Concept | undefined {
  const ext = extension.trim().replace(/^\./, '').toLowerCase();
  if (!ext) return undefined;
  const exact = byCode('fileType', ext);
  if (exact && !exact.deprecated) return exact;
  return concepts('fileType').find((c) => !c.deprecated && c.extensions?.includes(ext));
}

/** Concepts per scheme, read on first use. */
export const vocabularies: { readonly [K in SchemeName]: readonly Concept[] } = Object.defineProperties(
  {} as { [K in SchemeName]: readonly Concept[] },
  Object.fromEntries(SCHEME_NAMES.map((name) => [name, { enumerable: true, get: () => concepts(name) }])),
);
