// One description per metadata field — its kind of value and vocabulary — and one normaliser that
// applies an input (API body, parsed form, import) onto a stored document. Controlled values are
// accepted as IRIs in any spelling or as their codes ('CSV', 'EDUC') and stored in the vocabulary's
// spelling; licences are stored canonical. Every problem is collected with the field's path
// ('title.sv', 'themes', 'contactPoint.email'), so a form or API call gets all of them at once.
import { isEmail, isHttpUrl } from '../../platform/validation.js';
import { CONTACT_ADDRESS_PART_MAX, contactAddressParts, type ContactAddress, type DataServiceMetadata, type DatasetMetadata, type DatasetSeriesMetadata, type DistributionMetadata } from './catalog.model.js';
import { resolveLicence } from './licences.js';
import { byCode, canonicalIri, fileTypeByMediaType, type SchemeName } from './vocabularies/index.js';

export type FieldKind =
  | { type: 'langText'; max: number }
  | { type: 'langList' }
  | { type: 'text'; max: number }
  | { type: 'vocab'; scheme: SchemeName }
  | { type: 'vocabList'; scheme: SchemeName }
  | { type: 'url' }
  | { type: 'urlList' }
  | { type: 'date' }
  | { type: 'periods' }
  | { type: 'contact' }
  | { type: 'licence' }
  | { type: 'mediaType' }
  | { type: 'byteSize' }
  | { type: 'checksum' }
  | { type: 'idList' }
  | { type: 'id' };

export type FieldSpec<T> = { readonly [K in keyof T]?: FieldKind };

const TITLE = { type: 'langText', max: 500 } as const;
const DESCRIPTION = { type: 'langText', max: 20_000 } as const;
const MAX_LIST = 100;
const MAX_KEYWORD = 100;

export const datasetFields: FieldSpec<DatasetMetadata> = {
  title: TITLE,
  description: DESCRIPTION,
  keywords: { type: 'langList' },
  themes: { type: 'vocabList', scheme: 'dataTheme' },
  contactPoint: { type: 'contact' },
  issued: { type: 'date' },
  modified: { type: 'date' },
  temporal: { type: 'periods' },
  spatial: { type: 'urlList' },
  accrualPeriodicity: { type: 'vocab', scheme: 'frequency' },
  accessRights: { type: 'vocab', scheme: 'accessRight' },
  conformsTo: { type: 'urlList' },
  landingPage: { type: 'url' },
  documentation: { type: 'urlList' },
  languages: { type: 'vocabList', scheme: 'language' },
  version: { type: 'text', max: 100 },
  versionNotes: DESCRIPTION,
  identifier: { type: 'text', max: 500 },
  seriesId: { type: 'id' },
  hvdCategories: { type: 'vocabList', scheme: 'hvdCategory' },
  applicableLegislation: { type: 'urlList' },
};

export const distributionFields: FieldSpec<DistributionMetadata> = {
  title: TITLE,
  description: DESCRIPTION,
  accessUrl: { type: 'url' },
  downloadUrl: { type: 'url' },
  format: { type: 'vocab', scheme: 'fileType' },
  mediaType: { type: 'mediaType' },
  license: { type: 'licence' },
  byteSize: { type: 'byteSize' },
  checksum: { type: 'checksum' },
  status: { type: 'vocab', scheme: 'distributionStatus' },
  availability: { type: 'vocab', scheme: 'plannedAvailability' },
  conformsTo: { type: 'urlList' },
  rights: DESCRIPTION,
  languages: { type: 'vocabList', scheme: 'language' },
  documentation: { type: 'urlList' },
  accessServiceIds: { type: 'idList' },
};

export const dataServiceFields: FieldSpec<DataServiceMetadata> = {
  title: TITLE,
  description: DESCRIPTION,
  endpointUrls: { type: 'urlList' },
  endpointDescriptions: { type: 'urlList' },
  servesDatasetIds: { type: 'idList' },
  formats: { type: 'vocabList', scheme: 'fileType' },
  license: { type: 'licence' },
  accessRights: { type: 'vocab', scheme: 'accessRight' },
  contactPoint: { type: 'contact' },
  keywords: { type: 'langList' },
  themes: { type: 'vocabList', scheme: 'dataTheme' },
  documentation: { type: 'urlList' },
  landingPage: { type: 'url' },
  conformsTo: { type: 'urlList' },
  hvdCategories: { type: 'vocabList', scheme: 'hvdCategory' },
  applicableLegislation: { type: 'urlList' },
};

export const seriesFields: FieldSpec<DatasetSeriesMetadata> = {
  title: TITLE,
  description: DESCRIPTION,
  contactPoint: { type: 'contact' },
  keywords: { type: 'langList' },
  themes: { type: 'vocabList', scheme: 'dataTheme' },
  accrualPeriodicity: { type: 'vocab', scheme: 'frequency' },
  temporal: { type: 'periods' },
  spatial: { type: 'urlList' },
  issued: { type: 'date' },
  modified: { type: 'date' },
  landingPage: { type: 'url' },
  documentation: { type: 'urlList' },
  conformsTo: { type: 'urlList' },
  hvdCategories: { type: 'vocabList', scheme: 'hvdCategory' },
  applicableLegislation: { type: 'urlList' },
};

/** Problems found while normalising: field path → message keys. */
export type Problems = Record<string, string[]>;

const LIST_KINDS = new Set(['vocabList', 'urlList', 'idList', 'periods']);
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;
const HEX64 = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function isValidDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** The empty value of a field kind: what `null` (clear) stores. */
function emptyOf(kind: FieldKind): unknown {
  if (LIST_KINDS.has(kind.type)) return [];
  if (kind.type === 'langText' || kind.type === 'langList') return {};
  return undefined;
}

function vocabValue(scheme: SchemeName, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  // File types may also be named by their media type ('text/csv').
  return canonicalIri(scheme, value) ?? byCode(scheme, value)?.iri ?? (scheme === 'fileType' && value.includes('/') ? fileTypeByMediaType(value)?.iri : undefined);
}

/**
 * A contact point's postal address: an object of street, postalCode, locality and country, each
 * text of at most CONTACT_ADDRESS_PART_MAX characters (trimmed; empty parts left out). Undefined
 * when absent, null or every part empty.
 */
function contactAddress(value: unknown, path: string, add: (field: string, key: string) => void): ContactAddress | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    add(path, 'catalog.validation.address');
    return undefined;
  }
  const parts = value as Record<string, unknown>;
  const out: ContactAddress = {};
  for (const key of Object.keys(parts)) {
    if (!(contactAddressParts as readonly string[]).includes(key) && parts[key] !== undefined) add(`${path}.${key}`, 'catalog.validation.address');
  }
  for (const key of contactAddressParts) {
    const part = parts[key];
    if (part === undefined || part === null) continue;
    if (typeof part !== 'string') {
      add(`${path}.${key}`, 'catalog.validation.text');
      continue;
    }
    const trimmed = part.trim().replace(/\s+/g, ' ');
    if (trimmed.length > CONTACT_ADDRESS_PART_MAX) add(`${path}.${key}`, 'catalog.validation.addressPartTooLong');
    else if (trimmed) out[key] = trimmed;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Normalises one value of a kind; adds problems under `path`. Returns undefined to leave the field empty. */
function normalizeValue(kind: FieldKind, value: unknown, path: string, problems: Problems): unknown {
  const add = (field: string, key: string) => (problems[field] ??= []).push(key);
  const asList = (): unknown[] | undefined => {
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) add(path, 'catalog.validation.tooMany');
      return value.slice(0, MAX_LIST);
    }
    add(path, 'catalog.validation.list');
    return undefined;
  };
  switch (kind.type) {
    case 'langText': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return add(path, 'catalog.validation.langText');
      const out: Record<string, string> = {};
      for (const [lang, text] of Object.entries(value as Record<string, unknown>)) {
        if (lang !== 'sv' && lang !== 'en') { add(`${path}.${lang}`, 'catalog.validation.language'); continue; }
        if (text === null || text === undefined) continue;
        if (typeof text !== 'string') { add(`${path}.${lang}`, 'catalog.validation.text'); continue; }
        const trimmed = text.trim();
        if (trimmed.length > kind.max) add(`${path}.${lang}`, 'catalog.validation.tooLong');
        else if (trimmed) out[lang] = trimmed;
      }
      return out;
    }
    case 'langList': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return add(path, 'catalog.validation.langText');
      const out: Record<string, string[]> = {};
      for (const [lang, words] of Object.entries(value as Record<string, unknown>)) {
        if (lang !== 'sv' && lang !== 'en') { add(`${path}.${lang}`, 'catalog.validation.language'); continue; }
        if (words === null || words === undefined) continue;
        if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) { add(`${path}.${lang}`, 'catalog.validation.list'); continue; }
        const cleaned = [...new Set((words as string[]).map((w) => w.trim()).filter(Boolean))];
        if (cleaned.some((w) => w.length > MAX_KEYWORD)) add(`${path}.${lang}`, 'catalog.validation.tooLong');
        if (cleaned.length > MAX_LIST) add(`${path}.${lang}`, 'catalog.validation.tooMany');
        if (cleaned.length) out[lang] = cleaned;
      }
      return out;
    }
    case 'text': {
      if (typeof value !== 'string') return add(path, 'catalog.validation.text');
      const trimmed = value.trim();
      if (trimmed.length > kind.max) return add(path, 'catalog.validation.tooLong');
      return trimmed || undefined;
    }
    case 'vocab': {
      const iri = vocabValue(kind.scheme, value);
      if (!iri) add(path, 'catalog.validation.unknownConcept');
      return iri;
    }
    case 'vocabList': {
      const list = asList();
      if (!list) return undefined;
      const out: string[] = [];
      for (const item of list) {
        const iri = vocabValue(kind.scheme, item);
        if (!iri) add(path, 'catalog.validation.unknownConcept');
        else if (!out.includes(iri)) out.push(iri);
      }
      return out;
    }
    case 'url':
      if (typeof value !== 'string' || !isHttpUrl(value.trim()) || value.length > 2000) return add(path, 'validation.url');
      return value.trim();
    case 'urlList': {
      const list = asList();
      if (!list) return undefined;
      const out: string[] = [];
      for (const item of list) {
        if (typeof item !== 'string' || !isHttpUrl(item.trim()) || item.length > 2000) add(path, 'validation.url');
        else if (!out.includes(item.trim())) out.push(item.trim());
      }
      return out;
    }
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value.trim())) return add(path, 'catalog.validation.date');
      return value.trim();
    case 'periods': {
      const list = asList();
      if (!list) return undefined;
      const out: { start?: string; end?: string }[] = [];
      list.forEach((item, index) => {
        const at = `${path}.${index}`;
        if (typeof item !== 'object' || item === null) return add(at, 'catalog.validation.period');
        const { start, end } = item as { start?: unknown; end?: unknown };
        const period: { start?: string; end?: string } = {};
        for (const [key, date] of [['start', start], ['end', end]] as const) {
          if (date === undefined || date === null || date === '') continue;
          if (typeof date !== 'string' || !isValidDate(date.trim())) add(`${at}.${key}`, 'catalog.validation.date');
          else period[key] = date.trim();
        }
        if (period.start && period.end && period.start > period.end) add(`${at}.end`, 'catalog.validation.periodOrder');
        if (!period.start && !period.end) return add(at, 'catalog.validation.period');
        out.push(period);
      });
      return out;
    }
    case 'contact': {
      if (typeof value !== 'object' || value === null) return add(path, 'catalog.validation.contact');
      const { kind: who, name, email, phone, url, address } = value as Record<string, unknown>;
      const contact: Record<string, unknown> = { kind: who === 'individual' ? 'individual' : 'organization' };
      if (typeof name !== 'string' || !name.trim()) add(`${path}.name`, 'validation.required');
      else if (name.trim().length > 200) add(`${path}.name`, 'catalog.validation.tooLong');
      else contact.name = name.trim();
      const mail = typeof email === 'string' ? email.trim().replace(/^mailto:/i, '') : '';
      if (!mail) add(`${path}.email`, 'validation.required');
      else if (!isEmail(mail)) add(`${path}.email`, 'validation.email');
      else contact.email = mail;
      if (typeof phone === 'string' && phone.trim()) {
        if (!/^[+\d][\d\s()-]{3,30}$/.test(phone.trim())) add(`${path}.phone`, 'catalog.validation.phone');
        else contact.phone = phone.trim();
      }
      if (typeof url === 'string' && url.trim()) {
        if (!isHttpUrl(url.trim())) add(`${path}.url`, 'validation.url');
        else contact.url = url.trim();
      }
      const postal = contactAddress(address, `${path}.address`, add);
      if (postal) contact.address = postal;
      return contact;
    }
    case 'licence': {
      if (typeof value !== 'string' || !value.trim()) return add(path, 'catalog.validation.licence');
      const known = resolveLicence(value);
      if (known) return known.iri;
      // A licence we do not know must at least be a web address someone can read.
      if (!isHttpUrl(value.trim())) return add(path, 'catalog.validation.licence');
      return value.trim();
    }
    case 'mediaType':
      if (typeof value !== 'string' || !MEDIA_TYPE.test(value.trim()) || value.length > 200) return add(path, 'catalog.validation.mediaType');
      return value.trim().toLowerCase();
    case 'byteSize':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return add(path, 'catalog.validation.byteSize');
      return value;
    case 'checksum': {
      const { algorithm, value: hex } = (value ?? {}) as Record<string, unknown>;
      if (algorithm !== 'sha256' || typeof hex !== 'string' || !HEX64.test(hex.toLowerCase())) return add(path, 'catalog.validation.checksum');
      return { algorithm: 'sha256', value: hex.toLowerCase() };
    }
    case 'id':
      if (typeof value !== 'string' || !ID.test(value)) return add(path, 'catalog.validation.reference');
      return value;
    case 'idList': {
      const list = asList();
      if (!list) return undefined;
      const out: string[] = [];
      for (const item of list) {
        if (typeof item !== 'string' || !ID.test(item)) add(path, 'catalog.validation.reference');
        else if (!out.includes(item)) out.push(item);
      }
      return out;
    }
  }
}

/**
 * Applies `input` onto `current` by `spec`: present fields replace, `null` clears, absent keep;
 * unknown input keys are ignored (the API schema already refuses them). Returns the new document.
 */
export function applyFields<T extends object>(spec: FieldSpec<T>, current: T, input: Record<string, unknown>, problems: Problems): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, kind] of Object.entries(spec) as [string, FieldKind][]) {
    if (!(key in input) || input[key] === undefined) continue;
    const value = input[key];
    if (value === null || value === '') {
      const empty = emptyOf(kind);
      if (empty === undefined) delete next[key];
      else next[key] = empty;
      continue;
    }
    const normalized = normalizeValue(kind, value, key, problems);
    if (normalized === undefined) {
      const empty = emptyOf(kind);
      if (empty === undefined) delete next[key];
      else next[key] = empty;
    } else next[key] = normalized;
  }
  return next as T;
}
