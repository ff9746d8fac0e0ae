// A CKAN package (package_show / package_search result) → the catalog's dataset input, following
// ckanext-dcat's field mapping (the reverse of what a CKAN portal exports as DCAT): name → the CKAN
// page (landing page when the package has no `url`), title → dct:title, notes → dct:description,
// tags → dcat:keyword, groups → dcat:theme (where a group is an EU data theme), license_id /
// license_url → each distribution's dct:license, resources → dcat:distribution (url → accessURL,
// and downloadURL for uploads; format, mimetype, size, hash when SHA-256), extras (uri → the
// dataset's IRI, identifier, version_notes, frequency, language, access_rights, conforms_to,
// contact_name/contact_email). Text without a language is Swedish, as for a DCAT import; ckanext-
// fluent's *_translated objects give sv and en. Pure: no database, no HTTP.
import { createHash } from 'node:crypto';
import { byCode, findConcept } from '../catalog/index.js';

export interface CkanResource {
  id?: string;
  name?: string | null;
  description?: string | null;
  url?: string | null;
  url_type?: string | null;
  format?: string | null;
  mimetype?: string | null;
  size?: number | string | null;
  hash?: string | null;
  state?: string;
}

export interface CkanPackage {
  id: string;
  name: string;
  title?: string | null;
  title_translated?: Record<string, string> | null;
  notes?: string | null;
  notes_translated?: Record<string, string> | null;
  url?: string | null;
  version?: string | null;
  state?: string;
  private?: boolean;
  type?: string;
  license_id?: string | null;
  license_url?: string | null;
  maintainer?: string | null;
  maintainer_email?: string | null;
  author?: string | null;
  author_email?: string | null;
  metadata_created?: string | null;
  metadata_modified?: string | null;
  language?: string | null;
  tags?: { name: string; display_name?: string }[];
  groups?: { name: string; title?: string }[];
  resources?: CkanResource[];
  extras?: { key: string; value: string }[];
}

export interface MappedPackage {
  /** The dataset's identity within its source (`id:<package id>`). */
  key: string;
  /** ckanext-dcat's `uri` extra, when the portal gives one. */
  iri: string | null;
  title: string;
  input: Record<string, unknown>;
  distributions: { key: string; input: Record<string, unknown> }[];
}

const LANGUAGES: Record<string, string> = { sv: 'SWE', en: 'ENG', de: 'DEU', fr: 'FRA', it: 'ITA', fi: 'FIN', no: 'NOR', nb: 'NOB', nn: 'NNO', da: 'DAN', es: 'SPA', rm: 'ROH' };
const isHttp = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim());
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function langText(plain: unknown, translated: Record<string, string> | null | undefined): { sv?: string; en?: string } | undefined {
  const sv = text(translated?.sv) ?? text(plain);
  const en = text(translated?.en);
  if (!sv && !en) return undefined;
  return { ...(sv ? { sv } : {}), ...(en && en !== sv ? { en } : {}) };
}

function languageCode(value: string): string | undefined {
  const code = value.trim().toLowerCase().split(/[-_]/)[0]!;
  return LANGUAGES[code] ?? (byCode('language', value.trim().toUpperCase()) ? value.trim().toUpperCase() : undefined);
}

function fileType(format: string | null | undefined, mediaType: string | null | undefined): string | undefined {
  const code = text(format)?.replace(/^\./, '').toUpperCase();
  if (code && byCode('fileType', code)) return code;
  if (isHttp(format) && findConcept('fileType', format)) return format;
  return mediaType && /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : undefined;
}

const frequencyOf = (value: string): string | undefined => (/^https?:\/\//i.test(value) ? value : byCode('frequency', value) ? value.toUpperCase() : undefined);

/** A package's stable key and its input; the same package always maps to the same value. */
export function mapCkanPackage(pkg: CkanPackage, portal: string): MappedPackage {
  const extras = new Map((pkg.extras ?? []).map((e) => [e.key, e.value]));
  const base = portal.replace(/\/+$/, '');
  const page = `${base}/dataset/${encodeURIComponent(pkg.name)}`;
  const title = langText(pkg.title ?? pkg.name, pkg.title_translated) ?? { sv: pkg.name };
  const keywords = [...new Set((pkg.tags ?? []).map((t) => t.name.trim()).filter((t) => t && t.length <= 100))];
  const themes = (pkg.groups ?? []).map((g) => g.name.trim().toUpperCase()).filter((code) => byCode('dataTheme', code));
  const languages = [...new Set((extras.get('language') ?? pkg.language ?? '').split(/[,\s]+/).filter(Boolean).map(languageCode).filter((c): c is string => Boolean(c)))];
  const contactEmail = text(extras.get('contact_email')) ?? text(pkg.maintainer_email) ?? text(pkg.author_email);
  const contactName = text(extras.get('contact_name')) ?? (pkg.maintainer_email ? text(pkg.maintainer) : undefined) ?? (pkg.author_email ? text(pkg.author) : undefined) ?? contactEmail;
  const licence = text(pkg.license_url) ?? text(pkg.license_id);
  const frequency = text(extras.get('frequency'));
  const input: Record<string, unknown> = {
    title,
    ...(langText(pkg.notes, pkg.notes_translated) ? { description: langText(pkg.notes, pkg.notes_translated) } : {}),
    ...(keywords.length ? { keywords: { sv: keywords } } : {}),
    ...(themes.length ? { themes } : {}),
    landingPage: isHttp(pkg.url) ? pkg.url.trim() : page,
    identifier: text(extras.get('identifier')) ?? text(extras.get('guid')) ?? pkg.id,
    ...(text(pkg.version) ? { version: text(pkg.version) } : {}),
    ...(text(extras.get('version_notes')) ? { versionNotes: { sv: text(extras.get('version_notes')) } } : {}),
    ...(text(pkg.metadata_created)?.match(/^\d{4}-\d{2}-\d{2}/) ? { issued: pkg.metadata_created!.slice(0, 10) } : {}),
    ...(text(pkg.metadata_modified)?.match(/^\d{4}-\d{2}-\d{2}/) ? { modified: pkg.metadata_modified!.slice(0, 10) } : {}),
    ...(languages.length ? { languages } : {}),
    ...(frequency && frequencyOf(frequency) ? { accrualPeriodicity: frequencyOf(frequency) } : {}),
    ...(contactEmail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail) ? { contactPoint: { kind: 'organization', name: contactName ?? contactEmail, email: contactEmail } } : {}),
    ...(isHttp(extras.get('conforms_to')) ? { conformsTo: [extras.get('conforms_to')!.trim()] } : {}),
  };
  const distributions = (pkg.resources ?? [])
    .filter((r) => r.state === undefined || r.state === 'active')
    .map((r, position) => {
      const url = isHttp(r.url) ? r.url.trim() : undefined;
      const size = typeof r.size === 'number' ? r.size : typeof r.size === 'string' && /^\d+$/.test(r.size) ? Number(r.size) : undefined;
      const hash = text(r.hash)?.replace(/^sha256:/i, '').toLowerCase();
      const mediaType = text(r.mimetype) && /^[\w.+-]+\/[\w.+-]+$/.test(r.mimetype!.trim()) ? r.mimetype!.trim() : undefined;
      const format = fileType(r.format, mediaType);
      const distribution: Record<string, unknown> = {
        ...(text(r.name) ? { title: { sv: text(r.name) } } : {}),
        ...(text(r.description) ? { description: { sv: text(r.description) } } : {}),
        ...(url ? { accessUrl: url, ...(r.url_type === 'upload' ? { downloadUrl: url } : {}) } : {}),
        ...(format ? { format } : {}),
        ...(mediaType ? { mediaType } : {}),
        ...(licence ? { license: licence } : {}),
        ...(size !== undefined && size > 0 ? { byteSize: size } : {}),
        ...(hash && /^[0-9a-f]{64}$/.test(hash) ? { checksum: { algorithm: 'sha256', value: hash } } : {}),
      };
      return { key: r.id ?? `#${position}`, input: distribution };
    });
  const iri = isHttp(extras.get('uri')) ? extras.get('uri')!.trim() : null;
  return { key: `id:${pkg.id}`, iri, title: title.sv ?? title.en ?? pkg.name, input, distributions };
}

/** A UUID derived from text (the same text, the same UUID): ids of harvested distributions. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
