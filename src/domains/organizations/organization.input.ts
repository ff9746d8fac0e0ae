// Validation of organisation input, shared by create and update: the same rules for the API, the
// pages and the CLI. Problems are catalog keys under the API's field names ('name.sv', 'orgNumber' …).
import { FieldProblems, isEmail, isHttpUrl } from '../../platform/validation.js';
import { parseOrgNumber } from './org-number.js';
import { organizationTypes, type OrganizationType, type PublisherType } from './organizations.table.js';
import { isPublisherType } from './publisher-type.js';

export const LIMITS = {
  slug: 60,
  name: 200,
  orgNumber: 20,
  website: 500,
  description: 10_000,
  contactEmail: 254,
} as const;

/** Slugs that are page paths of their own under /organizations/. */
export const RESERVED_SLUGS = new Set(['new', 'edit', 'members', 'logo', 'api', 'admin', 'en', 'sv']);
const SLUG = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What create and update accept (API shape; the pages map their form fields onto it). */
export interface OrganizationInput {
  slug?: unknown;
  name?: { sv?: unknown; en?: unknown } | null;
  orgNumber?: unknown;
  type?: unknown;
  /** An ADMS publisher type code ('NonProfitOrganisation'); null or blank follows `type`. */
  publisherType?: unknown;
  website?: unknown;
  description?: { sv?: unknown; en?: unknown } | null;
  contactEmail?: unknown;
}

/** Validated changes: a key is present when the input set it; null clears an optional field. */
export interface OrganizationChanges {
  slug?: string;
  name_sv?: string;
  name_en?: string | null;
  org_number?: string | null;
  type?: OrganizationType;
  publisher_type?: PublisherType | null;
  website?: string | null;
  description_sv?: string | null;
  description_en?: string | null;
  contact_email?: string | null;
}

export function isValidSlug(slug: string): boolean {
  return slug.length >= 2 && slug.length <= LIMITS.slug && SLUG.test(slug) && !RESERVED_SLUGS.has(slug) && !UUID_LIKE.test(slug);
}

/** A slug made from a name: "Myndigheten för digital förvaltning" → "myndigheten-for-digital-forvaltning". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug)
    .replace(/-+$/, '');
}

type Text = { present: false } | { present: true; value: string | null; invalid?: boolean };

/** undefined → not given; null or blank → cleared; a string → trimmed; anything else → invalid. */
function text(value: unknown): Text {
  if (value === undefined) return { present: false };
  if (value === null) return { present: true, value: null };
  if (typeof value !== 'string') return { present: true, value: null, invalid: true };
  const trimmed = value.trim();
  return { present: true, value: trimmed === '' ? null : trimmed };
}

function nested(value: unknown, key: 'sv' | 'en'): unknown {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return typeof value === 'object' ? (value as Record<string, unknown>)[key] : 1; // a non-object is invalid
}

/**
 * Validates `input`. On create every required field must be there (`slug` may be left out: it is
 * made from the Swedish name); on update only the fields given change. Throws ValidationError
 * listing every problem.
 */
export function validateOrganizationInput(input: OrganizationInput, mode: 'create' | 'update'): OrganizationChanges {
  const problems = new FieldProblems();
  const out: OrganizationChanges = {};

  const optional = (field: string, raw: unknown, max: number, check?: (v: string) => string | undefined): string | null | undefined => {
    const t = text(raw);
    if (!t.present) return undefined;
    if (t.invalid) {
      problems.add(field, 'validation.invalidChoice');
      return undefined;
    }
    if (t.value !== null && t.value.length > max) {
      problems.add(field, 'validation.tooLong');
      return undefined;
    }
    if (t.value !== null && check) {
      const problem = check(t.value);
      if (problem) {
        problems.add(field, problem);
        return undefined;
      }
    }
    return t.value;
  };

  // name.sv: required on create, and may not be cleared.
  const nameSv = optional('name.sv', nested(input.name, 'sv'), LIMITS.name);
  const nameSvGiven = text(nested(input.name, 'sv')).present;
  if (nameSv) out.name_sv = nameSv;
  else if ((mode === 'create' || nameSvGiven) && !problems.has('name.sv')) problems.add('name.sv', 'validation.required');
  const nameEn = optional('name.en', nested(input.name, 'en'), LIMITS.name);
  if (nameEn !== undefined) out.name_en = nameEn;

  const slug = optional('slug', typeof input.slug === 'string' ? input.slug.toLowerCase() : input.slug, LIMITS.slug, (v) => (isValidSlug(v) ? undefined : 'validation.slug'));
  if (slug) out.slug = slug;
  else if (slug === null && mode === 'update') problems.add('slug', 'validation.required');
  if (mode === 'create' && !out.slug && !problems.has('slug') && nameSv) {
    const made = slugify(nameSv);
    if (isValidSlug(made)) out.slug = made;
    else problems.add('slug', 'validation.required');
  }

  let orgNumber: string | undefined;
  const orgNumberText = optional('orgNumber', input.orgNumber, LIMITS.orgNumber, (v) => {
    orgNumber = parseOrgNumber(v);
    return orgNumber ? undefined : 'validation.orgNumber';
  });
  if (orgNumberText !== undefined) out.org_number = orgNumberText === null ? null : orgNumber!;

  const type = text(input.type);
  if (type.present) {
    if (type.value && (organizationTypes as readonly string[]).includes(type.value)) out.type = type.value as OrganizationType;
    else problems.add('type', type.value === null && !type.invalid ? 'validation.required' : 'validation.invalidChoice');
  } else if (mode === 'create') out.type = 'other';

  const publisherType = text(input.publisherType);
  if (publisherType.present) {
    if (publisherType.invalid || (publisherType.value !== null && !isPublisherType(publisherType.value))) problems.add('publisherType', 'validation.invalidChoice');
    else out.publisher_type = publisherType.value as PublisherType | null;
  }

  const website = optional('website', input.website, LIMITS.website, (v) => (isHttpUrl(v) ? undefined : 'validation.url'));
  if (website !== undefined) out.website = website;
  const descriptionSv = optional('description.sv', nested(input.description, 'sv'), LIMITS.description);
  if (descriptionSv !== undefined) out.description_sv = descriptionSv;
  const descriptionEn = optional('description.en', nested(input.description, 'en'), LIMITS.description);
  if (descriptionEn !== undefined) out.description_en = descriptionEn;
  const contactEmail = optional('contactEmail', input.contactEmail, LIMITS.contactEmail, (v) => (isEmail(v) ? undefined : 'validation.email'));
  if (contactEmail !== undefined) out.contact_email = contactEmail;

  problems.throwIfAny();
  return out;
}
