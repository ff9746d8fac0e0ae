// Kysely types of the organisations domain's tables (see migrations 2026-11-28-0002 and -0003).
import type { AccountsTables } from '../accounts/index.js';

export const organizationTypes = ['state_agency', 'municipality', 'region', 'state_company', 'other'] as const;
export type OrganizationType = (typeof organizationTypes)[number];

export interface OrganizationTable {
  id: string;
  slug: string;
  name_sv: string;
  name_en: string | null;
  org_number: string | null;
  type: OrganizationType;
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
