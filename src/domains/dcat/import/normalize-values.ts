// From RDF values as publishers write them to the catalog's values: file types from media types,
// codes and extensions, IANA media type IRIs to media types, licences in any spelling to their
// canonical IRI, ISO 639-1/-2 languages to the EU language table, vocabulary codes to concepts,
// dates to ISO form. Each answer says whether the value changed (for the report) or why it cannot be
// kept. Pure functions over the catalog's vocabularies.
import { byCode, canonicalIri, fileTypeByExtension, fileTypeByMediaType, resolveLicence, type SchemeName } from '../../catalog/index.js';
import { isHttpUrl } from '../../../platform/validation.js';

/** Why a value was not kept (stable codes; the report translates them). */
export type DropReason =
  | 'not_in_model'
  | 'unknown_concept'
  | 'not_a_url'
  | 'not_a_date'
  | 'not_a_number'
  | 'only_one'
  | 'other_language'
  | 'no_value'
  | 'contact_incomplete'
  | 'checksum_algorithm'
  | 'not_in_source'
  | 'unknown_licence'
  | 'not_a_media_type'
  | 'too_many'
  | 'invalid';

export type Outcome<T> = { value: T; changed: boolean } | { drop: DropReason };

const keep = <T>(value: T, changed = false): Outcome<T> => ({ value, changed });

/** Catalogs repeat the same few values thousands of times: remember the answers (bounded). */
function memo<A extends unknown[], R>(fn: (...args: A) => R, max = 5000): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.length === 1 ? String(args[0]) : JSON.stringify(args);
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(...args);
      if (cache.size >= max) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
const drop = (reason: DropReason): Outcome<never> => ({ drop: reason });

const IANA = /^https?:\/\/(www\.)?iana\.org\/assignments\/media-types\/([^/?#]+\/[^/?#]+)\/?$/i;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
/** Media types written in ways the IANA registry does not know. */
const MEDIA_TYPE_ALIASES: Record<string, string> = {
  'application/json-ld': 'application/ld+json',
  'application/jsonld': 'application/ld+json',
  'application/x-turtle': 'text/turtle',
  'application/x-json': 'application/json',
  'application/x-csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
  'application/csv': 'text/csv',
  'application/vnd.geo+json': 'application/geo+json',
};

/** The media type in a value: 'text/csv', an IANA IRI, with parameters dropped; lower case. */
export function mediaTypeOf(value: string): string | undefined {
  const text = value.trim();
  const fromIri = IANA.exec(text)?.[2];
  const essence = (fromIri ?? text).split(';')[0]!.trim().toLowerCase();
  if (!MEDIA_TYPE.test(essence)) return undefined;
  return MEDIA_TYPE_ALIASES[essence] ?? essence;
}

function normalizeMediaTypeUncached(value: string): Outcome<string> {
  const type = mediaTypeOf(value);
  return type ? keep(type, type !== value) : drop('not_a_media_type');
}

/**
 * The EU file type of a dct:format value: the file-type IRI in any spelling, an IANA media type
 * (literal or IRI), a code ('CSV') or an extension ('gpx'); `labels` are the texts a described
 * format node carries (rdfs:label, rdf:value), tried after the value itself.
 */
function normalizeFormatUncached(value: string, labels: readonly string[] = []): Outcome<string> {
  const direct = canonicalIri('fileType', value);
  if (direct) return keep(direct, direct !== value);
  for (const candidate of [value, ...labels]) {
    const text = candidate.trim();
    if (!text) continue;
    const type = mediaTypeOf(text);
    const concept = (type ? fileTypeByMediaType(type) : undefined) ?? (/^[\w.+-]{1,30}$/.test(text) ? (byCode('fileType', text) ?? fileTypeByExtension(text)) : undefined);
    if (concept) return keep(concept.iri, true);
  }
  // Another register's IRI ending in a known code (…/format/CSV).
  const last = /\/([A-Za-z0-9_]{2,20})\/?$/.exec(value)?.[1];
  const byLast = last && /^https?:\/\//i.test(value) ? byCode('fileType', last) : undefined;
  return byLast ? keep(byLast.iri, true) : drop('unknown_concept');
}

/** DCAT-AP 2's availability IRIs (…/r5r/availability/stable) are the planned-availability concepts. */
const R5R_AVAILABILITY = /^https?:\/\/data\.europa\.eu\/r5r\/availability\/([a-z-]+)\/?$/i;

/** A concept of a scheme: its IRI in any accepted spelling, or its code (also ':public', 'Public'). */
function normalizeConceptUncached(scheme: SchemeName, value: string): Outcome<string> {
  const direct = canonicalIri(scheme, value);
  if (direct) return keep(direct, direct !== value);
  const availability = scheme === 'plannedAvailability' ? R5R_AVAILABILITY.exec(value.trim())?.[1] : undefined;
  const code = availability ?? value.trim().replace(/^[:#]+/, '').replace(/[\s-]+/g, '_');
  const concept = /^[\w]{1,40}$/.test(code) ? byCode(scheme, code) : undefined;
  if (concept) return keep(concept.iri, true);
  if (scheme === 'language') return normalizeLanguage(value);
  return drop('unknown_concept');
}

/** ISO 639-1 codes of the languages Swedish public bodies publish in, to the EU table's codes. */
const ISO_639_1: Record<string, string> = {
  sv: 'SWE', en: 'ENG', fi: 'FIN', no: 'NOR', nb: 'NOR', nn: 'NOR', da: 'DAN', de: 'DEU', fr: 'FRA', es: 'SPA', it: 'ITA',
  nl: 'NLD', pl: 'POL', pt: 'POR', et: 'EST', lv: 'LAV', lt: 'LIT', is: 'ISL', se: 'SME', ru: 'RUS', ar: 'ARA', fa: 'FAS',
  tr: 'TUR', el: 'ELL', cs: 'CES', sk: 'SLK', sl: 'SLV', hu: 'HUN', ro: 'RON', bg: 'BUL', hr: 'HRV', sr: 'SRP', uk: 'UKR',
  ga: 'GLE', mt: 'MLT', zh: 'ZHO', ja: 'JPN', yi: 'YID', ku: 'KUR', so: 'SOM', ca: 'CAT', eu: 'EUS', gl: 'GLG', cy: 'CYM',
};
/** ISO 639-2/B codes where the EU table uses 639-2/T. */
const ISO_639_2B: Record<string, string> = { ger: 'DEU', fre: 'FRA', dut: 'NLD', gre: 'ELL', cze: 'CES', slo: 'SLK', rum: 'RON', chi: 'ZHO', per: 'FAS', ice: 'ISL' };

/** Language IRIs of other registers (id.loc.gov, lexvo) and codes with region ('sv-SE'). */
function normalizeLanguageUncached(value: string): Outcome<string> {
  const text = value.trim();
  const code = (/\/(?:iso639-[12]|iso639-3|id)\/([a-z]{2,3})\/?$/i.exec(text)?.[1] ?? (/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(text) ? text.split('-')[0] : undefined))?.toLowerCase();
  if (!code) return drop('unknown_concept');
  const eu = code.length === 2 ? ISO_639_1[code] : (ISO_639_2B[code] ?? code.toUpperCase());
  const concept = eu ? byCode('language', eu) : undefined;
  return concept ? keep(concept.iri, true) : drop('unknown_concept');
}

/** A licence IRI, URL or name: canonical when known; an unknown one must be a web address. */
function normalizeLicenceUncached(value: string, alternatives: readonly string[] = []): Outcome<string> {
  for (const candidate of [value, ...alternatives]) {
    const known = resolveLicence(candidate);
    if (known) return keep(known.iri, known.iri !== value);
  }
  if (isHttpUrl(value.trim())) return keep(value.trim(), value.trim() !== value);
  return drop('unknown_licence');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO dates and date-times as the catalog stores them; a year (xsd:gYear) becomes its first day and
 * a year-month its first day, a space before the time a 'T'.
 */
function normalizeDateUncached(value: string): Outcome<string> {
  const text = value.trim();
  if (DATE.test(text)) return valid(text) ? keep(text, text !== value) : drop('not_a_date');
  const match = DATE_TIME.exec(text);
  if (match) {
    const zone = match[5] && match[5] !== 'Z' && !match[5].includes(':') ? `${match[5].slice(0, 3)}:${match[5].slice(3)}` : (match[5] ?? '');
    const out = `${match[1]}T${match[2]}${zone}`;
    return valid(match[1]!) && !Number.isNaN(Date.parse(out)) ? keep(out, out !== value) : drop('not_a_date');
  }
  if (/^\d{4}$/.test(text)) return keep(`${text}-01-01`, true);
  if (/^\d{4}-\d{2}$/.test(text) && valid(`${text}-01`)) return keep(`${text}-01`, true);
  return drop('not_a_date');
}

function valid(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

export function normalizeUrl(value: string, wasLiteral: boolean): Outcome<string> {
  const text = value.trim();
  if (!isHttpUrl(text) || text.length > 2000 || /\s/.test(text)) return drop('not_a_url');
  return keep(text, wasLiteral || text !== value);
}

export function normalizeByteSize(value: string): Outcome<number> {
  const number = Number(value.trim());
  if (!Number.isFinite(number) || number < 0 || !Number.isInteger(number) || !Number.isSafeInteger(number)) return drop('not_a_number');
  return keep(number, String(number) !== value.trim());
}

export const normalizeMediaType = memo(normalizeMediaTypeUncached);
export const normalizeFormat = memo(normalizeFormatUncached);
export const normalizeConcept = memo(normalizeConceptUncached);
export const normalizeLanguage = memo(normalizeLanguageUncached);
export const normalizeLicence = memo(normalizeLicenceUncached);
export const normalizeDate = memo(normalizeDateUncached);