// Kysely types of the organisations domain's tables (see migrations 2026-11-28-0002, -0003 and
// 2026-11-29-0010).
import type { AccountsTables } from '../accounts/index.js';

export const organizationTypes = ['state_agency', 'municipality', 'region', 'state_company', 'other'] as const;
export type OrganizationType = (typeof organizationTypes)[number];

/**
 * The ADMS publisher types (http://purl.org/adms/publishertype/<code>, the values DCAT-AP-SE allows
 * for a publisher's dct:type) by their codes; the catalog's vendored vocabulary has their labels.
 */
export const publisherTypes = [
  'Academia-ScientificOrganisation',
  'Company',
  'IndustryConsortium',
  'LocalAuthority',
  'NationalAuthority',
  'NonGovernmentalOrganisation',
  'NonProfitOrganisation',
  'PrivateIndividual(s)',
  'RegionalAuthority',
  'StandardisationBody',
  'SupraNationalAuthority',
] as const;
export type PublisherType = (typeof publisherTypes)[number];

export interface OrganizationTable {
  id: string;
  slug: string;
  name_sv: string;
  name_en: string | null;
  org_number: string | null;
  type: OrganizationType;
  /** The ADMS publisher type chosen for the organisation; null follows `type` (see publisherTypeOf). */
  publisher_type: PublisherType | null;
  website: string | null;
  description_sv: string | null;
  description_en: string | null;
  contact_email: string | null;
  /** '<sha256>.png' under <dataDir>/logos (content-addressed). */
  logo_key: string | null;
  /** Lower-cased slug, names and organisation number, for the list's search (written by the repository). */
  search_text: string;
  /** Swedish sort key of name_sv (written by the repository). */
  sort_name: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  organization_id: string;
  user_id: string;
  role: 'admin' | 'editor' | 'member';
  created_at: string;
  updated_at: string;
}

/** The organisations domain reads users (names, e-mails of members) through the same database. */
export interface OrganizationsTables extends AccountsTables {
  organization: OrganizationTable;
  membership: MembershipTable;
}
