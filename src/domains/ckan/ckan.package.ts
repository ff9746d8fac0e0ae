// The one mapping between a catalog dataset and a CKAN package, both ways, after ckanext-dcat:
// name = slug, title, notes = description, tags = keywords, groups = themes, organization,
// license_id/license_title/license_url and isopen from the distributions' licence, resources =
// distributions (url, format, mimetype, size, hash), url = landing page, version, maintainer =
// contact point, and the other DCAT properties as extras (issued, modified, spatial, temporal,
// frequency, contact, HVD, …). Pure: no I/O, so harvesting can import the field names and the
// reverse mapping (packageInputOf) through the domain's index.ts.
import {
  byCode,
  findConcept,
  isOpenLicence,
  resolveLicence,
  type DatasetInput,
  type DatasetMetadata,
  type DistributionInput,
  type DistributionMetadata,
  type LangText,
} from '../catalog/index.js';

/** The top-level fields of every package we answer (CKAN core's, without site-specific schema fields). */
export const CKAN_PACKAGE_FIELDS = [
  'author',
  'author_email',
  'creator_user_id',
  'extras',
  'groups',
  'id',
  'isopen',
  'license_id',
  'license_title',
  'license_url',
  'maintainer',
  'maintainer_email',
  'metadata_created',
  'metadata_modified',
  'name',
  'notes',
  'num_resources',
  'num_tags',
  'organization',
  'owner_org',
  'private',
  'relationships_as_object',
  'relationships_as_subject',
  'resources',
  'state',
  'tags',
  'title',
  'type',
  'url',
  'version',
] as const;

/** The fields of every resource. */
export const CKAN_RESOURCE_FIELDS = [
  'cache_last_updated',
  'cache_url',
  'created',
  'description',
  'format',
  'hash',
  'id',
  'last_modified',
  'metadata_modified',
  'mimetype',
  'mimetype_inner',
  'name',
  'package_id',
  'position',
  'resource_type',
  'size',
  'state',
  'url',
  'url_type',
  // ckanext-dcat's resource fields
  'access_url',
  'download_url',
  'license',
] as const;

/** The extras (DCAT properties without a CKAN core field), by ckanext-dcat's key names. */
export const CKAN_EXTRA_KEYS = {
  issued: 'issued',
  modified: 'modified',
  identifier: 'identifier',
  frequency: 'frequency',
  accessRights: 'access_rights',
  spatial: 'spatial_uri',
  temporalStart: 'temporal_start',
  temporalEnd: 'temporal_end',
  languages: 'language',
  conformsTo: 'conforms_to',
  documentation: 'documentation',
  themes: 'theme',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactUri: 'contact_uri',
  hvd: 'hvd',
  hvdCategories: 'hvd_category',
  applicableLegislation: 'applicable_legislation',
  versionNotes: 'version_notes',
} as const;

/** Package states: a published dataset is active, a draft is a draft. */
export const ckanStateOf = (status: string): 'active' | 'draft' => (status === 'published' ? 'active' : 'draft');

export interface CkanOrganizationSource {
  id: string;
  slug: string;
  name: LangText;
  description?: LangText;
  createdAt?: string;
}

/** What a package is built from: a dataset's row columns, metadata, distributions and organisation. */
export interface CkanPackageSource {
  id: string;
  slug: string;
  status: string;
  visibility: 'public' | 'private';
  hvd: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  metadata: DatasetMetadata;
  distributions: { id: string; position: number; metadata: DistributionMetadata }[];
  organization: CkanOrganizationSource;
}

export interface CkanTag {
  display_name: string;
  id: string;
  name: string;
  state: 'active';
  vocabulary_id: null;
}

export interface CkanGroup {
  description: string;
  display_name: string;
  id: string;
  image_display_url: string;
  name: string;
  title: string;
}

export interface CkanResource {
  cache_last_updated: null;
  cache_url: null;
  created: string;
  description: string;
  format: string;
  hash: string;
  id: string;
  last_modified: string | null;
  metadata_modified: string;
  mimetype: string | null;
  mimetype_inner: null;
  name: string;
  package_id: string;
  position: number;
  resource_type: null;
  size: number | null;
  state: 'active';
  url: string;
  url_type: 'upload' | null;
  access_url: string | null;
  download_url: string | null;
  license: string | null;
}

export interface CkanOrganization {
  id: string;
  name: string;
  title: string;
  type: 'organization';
  description: string;
  image_url: string;
  created: string;
  is_organization: true;
  approval_status: 'approved';
  state: 'active';
}

export interface CkanPackage {
  author: null;
  author_email: null;
  creator_user_id: string | null;
  extras: { key: string; value: string }[];
  groups: CkanGroup[];
  id: string;
  isopen: boolean;
  license_id: string;
  license_title: string;
  /** Absent when the licence has no URL (as in CKAN). */
  license_url?: string;
  maintainer: string | null;
  maintainer_email: string | null;
  metadata_created: string;
  metadata_modified: string;
  name: string;
  notes: string;
  num_resources: number;
  num_tags: number;
  organization: CkanOrganization;
  owner_org: string;
  private: boolean;
  relationships_as_object: [];
  relationships_as_subject: [];
  resources: CkanResource[];
  state: 'active' | 'draft';
  tags: CkanTag[];
  title: string;
  type: 'dataset';
  url: string | null;
  version: string | null;
}

/** CKAN writes naive UTC timestamps ('2025-12-15T13:58:11.026778'); ours are ISO with Z. */
export function ckanTimestamp(iso: string): string {
  return iso.endsWith('Z') ? iso.slice(0, -1) : iso;
}

/** Text in Swedish, else English, else ''. */
export const textOf = (text: LangText | undefined): string => text?.sv ?? text?.en ?? '';

/** The code at the end of a vocabulary IRI ('…/data-theme/ECON' → 'ECON'). */
export const codeOfIri = (iri: string): string => iri.replace(/\/+$/, '').split('/').pop() ?? iri;

/** A theme as a CKAN group: its name is the lower-cased EU data-theme code ('econ'). */
export function groupOfTheme(iri: string): CkanGroup {
  const concept = findConcept('dataTheme', iri);
  const code = concept?.code ?? codeOfIri(iri);
  const title = concept?.label.sv ?? code;
  return { description: '', display_name: title, id: code.toLowerCase(), image_display_url: '', name: code.toLowerCase(), title };
}

/** The dataset's licence: the one its distributions share (the first distribution's when they differ). */
export function packageLicenceOf(distributions: readonly { metadata: DistributionMetadata }[]): { license_id: string; license_title: string; license_url?: string; isopen: boolean } {
  const iri = distributions.map((d) => d.metadata.license).find((l): l is string => Boolean(l));
  // CKAN leaves license_url out when the licence has none.
  if (!iri) return { license_id: 'notspecified', license_title: 'License not specified', isopen: false };
  const licence = resolveLicence(iri);
  if (!licence) return { license_id: iri, license_title: iri, license_url: iri, isopen: false };
  return { license_id: licence.code, license_title: licence.label.sv, license_url: licence.iri, isopen: isOpenLicence(licence.iri) };
}

export function ckanOrganizationOf(org: CkanOrganizationSource): CkanOrganization {
  return {
    id: org.id,
    name: org.slug,
    title: textOf(org.name),
    type: 'organization',
    description: textOf(org.description),
    image_url: '',
    created: ckanTimestamp(org.createdAt ?? ''),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
  };
}

export function ckanResourceOf(d: { id: string; position: number; metadata: DistributionMetadata }, pkg: Pick<CkanPackageSource, 'id' | 'createdAt' | 'updatedAt'>): CkanResource {
  const m = d.metadata;
  return {
    cache_last_updated: null,
    cache_url: null,
    created: ckanTimestamp(pkg.createdAt),
    description: textOf(m.description),
    format: m.format ? codeOfIri(m.format) : '',
    hash: m.checksum?.value ?? '',
    id: d.id,
    last_modified: null,
    metadata_modified: ckanTimestamp(pkg.updatedAt),
    mimetype: m.mediaType ?? null,
    mimetype_inner: null,
    name: textOf(m.title),
    package_id: pkg.id,
    position: d.position,
    resource_type: null,
    size: m.byteSize ?? null,
    state: 'active',
    url: m.downloadUrl ?? m.accessUrl ?? '',
    url_type: m.file ? 'upload' : null,
    access_url: m.accessUrl ?? null,
    download_url: m.downloadUrl ?? null,
    license: m.license ?? null,
  };
}

function extrasOf(source: CkanPackageSource): { key: string; value: string }[] {
  const m = source.metadata;
  const K = CKAN_EXTRA_KEYS;
  const extras: [string, string | undefined][] = [
    [K.issued, m.issued],
    [K.modified, m.modified],
    [K.identifier, m.identifier],
    [K.frequency, m.accrualPeriodicity],
    [K.accessRights, m.accessRights],
    [K.spatial, m.spatial.length ? m.spatial.join(',') : undefined],
    [K.temporalStart, m.temporal[0]?.start],
    [K.temporalEnd, m.temporal[0]?.end],
    [K.languages, m.languages.length ? JSON.stringify(m.languages) : undefined],
    [K.conformsTo, m.conformsTo.length ? JSON.stringify(m.conformsTo) : undefined],
    [K.documentation, m.documentation.length ? JSON.stringify(m.documentation) : undefined],
    [K.contactName, m.contactPoint?.name],
    [K.contactEmail, m.contactPoint?.email],
    [K.contactUri, m.contactPoint?.url],
    [K.hvd, source.hvd ? 'true' : undefined],
    [K.hvdCategories, m.hvdCategories.length ? JSON.stringify(m.hvdCategories) : undefined],
    [K.applicableLegislation, m.applicableLegislation.length ? JSON.stringify(m.applicableLegislation) : undefined],
    [K.versionNotes, m.versionNotes ? textOf(m.versionNotes) || undefined : undefined],
  ];
  return extras.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '').map(([key, value]) => ({ key, value }));
}

/** Keywords in both languages, once each (as written), as CKAN tags. */
export function tagsOf(metadata: Pick<DatasetMetadata, 'keywords'>): CkanTag[] {
  const names = [...new Set([...(metadata.keywords.sv ?? []), ...(metadata.keywords.en ?? [])].map((k) => k.trim()).filter(Boolean))];
  return names.map((name) => ({ display_name: name, id: name, name, state: 'active', vocabulary_id: null }));
}

/** A catalog dataset as CKAN's package_show answers it. */
export function toCkanPackage(source: CkanPackageSource): CkanPackage {
  const m = source.metadata;
  const distributions = [...source.distributions].sort((a, b) => a.position - b.position);
  const tags = tagsOf(m);
  return {
    author: null,
    author_email: null,
    creator_user_id: source.createdBy,
    extras: extrasOf(source),
    groups: m.themes.map(groupOfTheme),
    id: source.id,
    ...packageLicenceOf(distributions),
    maintainer: m.contactPoint?.name ?? null,
    maintainer_email: m.contactPoint?.email ?? null,
    metadata_created: ckanTimestamp(source.createdAt),
    metadata_modified: ckanTimestamp(source.updatedAt),
    name: source.slug,
    notes: textOf(m.description),
    num_resources: distributions.length,
    num_tags: tags.length,
    organization: ckanOrganizationOf(source.organization),
    owner_org: source.organization.id,
    private: source.visibility === 'private',
    relationships_as_object: [],
    relationships_as_subject: [],
    resources: distributions.map((d) => ckanResourceOf(d, source)),
    state: ckanStateOf(source.status),
    tags,
    title: textOf(m.title),
    type: 'dataset',
    url: m.landingPage ?? null,
    version: m.version ?? null,
  };
}

// ---- CKAN → catalog (package_create / _update / _patch, resource_create; harvesting) ----

export type CkanBody = Record<string, unknown>;

/** Field problems in CKAN's shape: { field: [messages] }. */
export type CkanFieldErrors = Record<string, string[]>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

function listOf(value: unknown, field: string, errors: CkanFieldErrors): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // a form field with one value: a list of one
    }
    return [value];
  }
  if (Array.isArray(value)) return value;
  (errors[field] ??= []).push('Must be a list');
  return undefined;
}

/** A name from a tag/group given as { name } or as a plain string. */
const nameOf = (item: unknown): string | undefined => (typeof item === 'string' ? item : item && typeof item === 'object' ? str((item as { name?: unknown }).name) : undefined);

/** A JSON list stored in an extra, or a comma-separated one. */
function extraList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
  } catch {
    // not JSON
  }
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

export const booleanOf = (value: unknown): boolean | undefined =>
  value === true || value === 'true' || value === 'True' || value === '1' ? true : value === false || value === 'false' || value === 'False' || value === '0' ? false : undefined;

/** The publisher's confirmation (Allmänning's publish rule) as a package may carry it. */
export const CKAN_CONFIRMATION_FIELDS = { noSecrecy: 'no_secrecy', personalDataAssessed: 'personal_data_assessed', noThirdPartyRights: 'no_third_party_rights', authorized: 'authorized' } as const;

export interface PackageInput {
  dataset: DatasetInput;
  /** Present when the body names resources (undefined: keep them). */
  resources?: (DistributionInput & { id?: string })[];
  /** 'active' asks to publish, 'draft' to keep (or make) a draft. */
  state?: 'active' | 'draft';
  /** The package-level licence, given to resources that name none. */
  licence?: string;
  confirmation: Partial<Record<keyof typeof CKAN_CONFIRMATION_FIELDS, boolean>>;
}

/** A CKAN resource as a distribution input. */
export function resourceInputOf(body: CkanBody, licence?: string): DistributionInput & { id?: string } {
  const url = str(body.url);
  const size = body.size === undefined || body.size === null || body.size === '' ? undefined : Number(body.size);
  const hash = str(body.hash);
  const format = str(body.format);
  const input: DistributionInput & { id?: string } = {
    ...(str(body.id) ? { id: str(body.id)! } : {}),
    title: { sv: str(body.name) ?? url ?? '' },
    ...(body.description !== undefined ? { description: { sv: str(body.description) ?? '' } } : {}),
    ...(url ? { accessUrl: str(body.access_url) ?? url, downloadUrl: str(body.download_url) ?? url } : {}),
    ...(format ? { format: format.toUpperCase() } : {}),
    ...(str(body.mimetype) ? { mediaType: str(body.mimetype)! } : {}),
    ...(size !== undefined && Number.isFinite(size) ? { byteSize: size } : {}),
    ...(hash && /^[0-9a-f]{64}$/i.test(hash.replace(/^sha256:/i, '')) ? { checksum: { algorithm: 'sha256', value: hash.replace(/^sha256:/i, '').toLowerCase() } } : {}),
    ...((str(body.license) ?? licence) ? { license: str(body.license) ?? licence! } : {}),
  };
  return input;
}

/**
 * A CKAN package body as catalog input. `mode` 'replace' (package_create/_update) sets every field,
 * clearing those the body leaves out; 'patch' changes only the fields it names.
 */
export function packageInputOf(body: CkanBody, mode: 'replace' | 'patch'): { input: PackageInput; errors: CkanFieldErrors } {
  const errors: CkanFieldErrors = {};
  const has = (key: string) => mode === 'replace' || key in body;
  const dataset: DatasetInput = {};
  const text = (value: unknown) => (str(value) ? { sv: str(value)! } : null);

  if (has('name') && str(body.name)) dataset.slug = str(body.name)!;
  if (has('title')) dataset.title = text(body.title) as LangText;
  if (has('notes')) dataset.description = text(body.notes);
  if (has('url')) dataset.landingPage = str(body.url) || null;
  if (has('version')) dataset.version = str(body.version) || null;
  if (has('private')) {
    const isPrivate = booleanOf(body.private ?? false);
    if (isPrivate === undefined) (errors.private ??= []).push('Must be a boolean');
    else dataset.visibility = isPrivate ? 'private' : 'public';
  }
  if (has('tags')) {
    const tags = (listOf(body.tags, 'tags', errors) ?? []).map(nameOf).filter((t): t is string => Boolean(t?.trim()));
    dataset.keywords = { sv: tags };
  }
  if (has('groups')) {
    const groups = (listOf(body.groups, 'groups', errors) ?? []).map(nameOf).filter((g): g is string => Boolean(g));
    const themes: string[] = [];
    for (const group of groups) {
      const concept = byCode('dataTheme', group.toUpperCase());
      if (concept) themes.push(concept.iri);
      else (errors.groups ??= []).push(`Group not found: ${group}`);
    }
    dataset.themes = themes;
  }
  if (has('maintainer') || has('maintainer_email')) {
    const name = str(body.maintainer);
    const email = str(body.maintainer_email);
    if (name || email) dataset.contactPoint = { kind: 'organization', name: name ?? email ?? '', email: email ?? '' };
    else if (mode === 'replace') dataset.contactPoint = null;
  }

  // Extras: only the keys we map; others are refused by name (they would be lost silently).
  const extras = new Map<string, string>();
  if (has('extras')) {
    for (const item of listOf(body.extras, 'extras', errors) ?? []) {
      const key = item && typeof item === 'object' ? str((item as { key?: unknown }).key) : undefined;
      const value = item && typeof item === 'object' ? str((item as { value?: unknown }).value) : undefined;
      if (!key || value === undefined) (errors.extras ??= []).push('Each extra needs a key and a value');
      else extras.set(key, value);
    }
    const known = new Set<string>(Object.values(CKAN_EXTRA_KEYS));
    for (const key of extras.keys()) if (!known.has(key)) (errors.extras ??= []).push(`Unknown extra: ${key}`);
    const K = CKAN_EXTRA_KEYS;
    const one = (key: string) => extras.get(key) || null;
    const many = (key: string) => (extras.has(key) ? extraList(extras.get(key)!) : []);
    dataset.issued = one(K.issued);
    dataset.modified = one(K.modified);
    dataset.identifier = one(K.identifier);
    dataset.accrualPeriodicity = one(K.frequency);
    dataset.accessRights = one(K.accessRights);
    dataset.spatial = many(K.spatial);
    const start = extras.get(K.temporalStart);
    const end = extras.get(K.temporalEnd);
    dataset.temporal = start || end ? [{ ...(start ? { start } : {}), ...(end ? { end } : {}) }] : [];
    dataset.languages = many(K.languages);
    dataset.conformsTo = many(K.conformsTo);
    dataset.documentation = many(K.documentation);
    if (extras.has(K.themes)) dataset.themes = [...(dataset.themes ?? []), ...many(K.themes)];
    if (extras.has(K.contactName) || extras.has(K.contactEmail)) {
      dataset.contactPoint = { kind: 'organization', name: extras.get(K.contactName) ?? '', email: extras.get(K.contactEmail) ?? '', ...(extras.get(K.contactUri) ? { url: extras.get(K.contactUri)! } : {}) };
    }
    dataset.hvd = booleanOf(extras.get(K.hvd) ?? false) ?? false;
    dataset.hvdCategories = many(K.hvdCategories);
    dataset.applicableLegislation = many(K.applicableLegislation);
    dataset.versionNotes = extras.get(K.versionNotes) ? { sv: extras.get(K.versionNotes)! } : null;
  }

  const licence = str(body.license_id) || undefined;
  const input: PackageInput = { dataset, confirmation: {}, ...(licence && licence !== 'notspecified' ? { licence } : {}) };
  if ('resources' in body) {
    input.resources = (listOf(body.resources, 'resources', errors) ?? []).map((r, i) => {
      if (!r || typeof r !== 'object') {
        (errors[`resources.${i}`] ??= []).push('Must be an object');
        return { title: {} };
      }
      return resourceInputOf(r as CkanBody, input.licence);
    });
  }
  const state = str(body.state);
  if (state === 'active' || state === 'draft') input.state = state;
  else if (state !== undefined) (errors.state ??= []).push('Must be active or draft');
  for (const [key, field] of Object.entries(CKAN_CONFIRMATION_FIELDS) as [keyof typeof CKAN_CONFIRMATION_FIELDS, string][]) {
    const value = booleanOf(body[field]);
    if (value !== undefined) input.confirmation[key] = value;
  }
  return { input, errors };
}

/** Publishing (state active) needs every confirmation: checked before anything is written. */
export function confirmationErrors(input: PackageInput): CkanFieldErrors {
  const errors: CkanFieldErrors = {};
  for (const [key, field] of Object.entries(CKAN_CONFIRMATION_FIELDS) as [keyof typeof CKAN_CONFIRMATION_FIELDS, string][]) {
    if (input.confirmation[key] !== true) errors[field] = ['Must be true to publish (the publisher confirms it)'];
  }
  return errors;
}

/** Resources a distribution cannot be made of (no URL): checked before anything is written. */
export function resourceErrors(input: PackageInput): CkanFieldErrors {
  const errors: CkanFieldErrors = {};
  (input.resources ?? []).forEach((r, i) => {
    if (!r.accessUrl && !r.downloadUrl && !r.id) (errors[`resources.${i}.url`] ??= []).push('Missing value');
  });
  return errors;
}
