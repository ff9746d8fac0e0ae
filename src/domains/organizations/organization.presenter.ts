// Rows → API JSON and page view models. URLs are absolute on the configured base URL.
import { organizationRoles, type Actor } from '../../platform/auth/actor.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { InvitationView } from '../accounts/index.js';
import type { MemberRow } from './membership.repository.js';
import { formatOrgNumber } from './org-number.js';
import { abilitiesOf, organizationPolicy, type OrganizationAction } from './organization.policy.js';
import type { OrganizationRow } from './organization.repository.js';
import type { OrganizationType, PublisherType } from './organizations.table.js';
import { publisherTypeMissing, publisherTypeOf } from './publisher-type.js';

export interface OrganizationJson {
  id: string;
  slug: string;
  name: { sv: string; en: string | null };
  orgNumber: string | null;
  type: OrganizationType;
  /** The ADMS publisher type chosen (null follows `type`). */
  publisherType: PublisherType | null;
  /** What the DCAT export gives: the chosen one, else the one `type` implies, else null. */
  effectivePublisherType: PublisherType | null;
  website: string | null;
  description: { sv: string | null; en: string | null };
  contactEmail: string | null;
  logoUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The logo's public path; the version parameter changes with the image, so it may be cached for ever. */
export function logoPath(row: Pick<OrganizationRow, 'slug' | 'logo_key'>): string | null {
  return row.logo_key ? `/organizations/${row.slug}/logo?v=${row.logo_key.slice(0, 16)}` : null;
}

export function presentOrganization(row: OrganizationRow, baseUrl: string): OrganizationJson {
  const logo = logoPath(row);
  return {
    id: row.id,
    slug: row.slug,
    name: { sv: row.name_sv, en: row.name_en },
    orgNumber: row.org_number,
    type: row.type,
    publisherType: row.publisher_type,
    effectivePublisherType: publisherTypeOf(row) ?? null,
    website: row.website,
    description: { sv: row.description_sv, en: row.description_en },
    contactEmail: row.contact_email,
    logoUrl: logo ? `${trimSlash(baseUrl)}${logo}` : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface MemberJson {
  userId: string;
  name: string;
  /** Only for those who manage the organisation's members. */
  email?: string;
  role: MemberRow['role'];
  createdAt: string;
}

export function presentMember(row: MemberRow, showEmail: boolean): MemberJson {
  return { userId: row.user_id, name: row.name, ...(showEmail ? { email: row.email } : {}), role: row.role, createdAt: row.created_at };
}

export function presentInvitation(view: InvitationView) {
  const role = organizationRoles.find((r) => r === view.role) ?? null;
  return { id: view.id, email: view.email, role, createdAt: view.createdAt, expiresAt: view.expiresAt };
}

/** What a page shows of an organisation, in the page's language (falling back to Swedish). */
export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  /** The language of `name` when it differs from the page's (lang attribute). */
  nameLang: Locale | undefined;
  nameSv: string;
  nameEn: string | null;
  orgNumber: string | null;
  type: OrganizationType;
  /** The publisher type in effect (chosen or implied by the type), if any. */
  publisherType: PublisherType | undefined;
  /** Neither chosen nor implied: the edit form asks for one (DCAT-AP-SE wants it). */
  publisherTypeMissing: boolean;
  website: string | null;
  description: string | null;
  descriptionLang: Locale | undefined;
  contactEmail: string | null;
  logoPath: string | null;
  abilities: Record<OrganizationAction, boolean>;
}

export function organizationView(row: OrganizationRow, locale: Locale, actor: Actor): OrganizationView {
  const useEn = locale === 'en';
  const name = useEn && row.name_en ? row.name_en : row.name_sv;
  // The description in the page's language, else the other one (marked with its language).
  const [own, other, otherLang]: [string | null, string | null, Locale] = useEn ? [row.description_en, row.description_sv, 'sv'] : [row.description_sv, row.description_en, 'en'];
  const description = own ?? other;
  const descriptionLang = own === null && other !== null ? otherLang : undefined;
  return {
    id: row.id,
    slug: row.slug,
    name,
    nameLang: useEn && !row.name_en ? 'sv' : undefined,
    nameSv: row.name_sv,
    nameEn: row.name_en,
    orgNumber: row.org_number ? formatOrgNumber(row.org_number) : null,
    type: row.type,
    publisherType: publisherTypeOf(row),
    publisherTypeMissing: publisherTypeMissing(row),
    website: row.website,
    description,
    descriptionLang,
    contactEmail: row.contact_email,
    logoPath: logoPath(row),
    abilities: abilitiesOf(actor, row.id),
  };
}

export interface MemberView {
  userId: string;
  name: string;
  email: string | undefined;
  role: MemberRow['role'];
  isSelf: boolean;
  canRemove: boolean;
}

export function memberView(row: MemberRow, actor: Actor, organizationId: string): MemberView {
  return {
    userId: row.user_id,
    name: row.name,
    email: organizationPolicy.canManageMembers(actor, organizationId) ? row.email : undefined,
    role: row.role,
    isSelf: actor.kind === 'user' && actor.userId === row.user_id,
    canRemove: organizationPolicy.canRemoveMember(actor, organizationId, row.user_id),
  };
}

/** The organisation's form values (field names as the API's), for the edit page. */
export function organizationFormValues(row: OrganizationRow): Record<string, string> {
  return {
    slug: row.slug,
    'name.sv': row.name_sv,
    'name.en': row.name_en ?? '',
    orgNumber: row.org_number ? formatOrgNumber(row.org_number) : '',
    type: row.type,
    publisherType: row.publisher_type ?? '',
    website: row.website ?? '',
    'description.sv': row.description_sv ?? '',
    'description.en': row.description_en ?? '',
    contactEmail: row.contact_email ?? '',
  };
}
