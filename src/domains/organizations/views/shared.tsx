// Pieces the organisation pages share: labels for types and roles, text in another language.
import type { ComponentChildren } from 'preact';
import type { OrganizationRole } from '../../../platform/auth/actor.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import type { OrganizationType, PublisherType } from '../organizations.table.js';

export const typeLabels: Record<OrganizationType, MessageKey> = {
  state_agency: 'organizations.type.state_agency',
  municipality: 'organizations.type.municipality',
  region: 'organizations.type.region',
  state_company: 'organizations.type.state_company',
  other: 'organizations.type.other',
};

export const publisherTypeLabels: Record<PublisherType, MessageKey> = {
  'Academia-ScientificOrganisation': 'organizations.publisherType.Academia-ScientificOrganisation',
  Company: 'organizations.publisherType.Company',
  IndustryConsortium: 'organizations.publisherType.IndustryConsortium',
  LocalAuthority: 'organizations.publisherType.LocalAuthority',
  NationalAuthority: 'organizations.publisherType.NationalAuthority',
  NonGovernmentalOrganisation: 'organizations.publisherType.NonGovernmentalOrganisation',
  NonProfitOrganisation: 'organizations.publisherType.NonProfitOrganisation',
  'PrivateIndividual(s)': 'organizations.publisherType.PrivateIndividual(s)',
  RegionalAuthority: 'organizations.publisherType.RegionalAuthority',
  StandardisationBody: 'organizations.publisherType.StandardisationBody',
  SupraNationalAuthority: 'organizations.publisherType.SupraNationalAuthority',
};

export const roleLabels: Record<OrganizationRole, MessageKey> = {
  admin: 'organizations.role.admin',
  editor: 'organizations.role.editor',
  member: 'organizations.role.member',
};

/** Text in another language than the page's, marked so screen readers pronounce it right. */
export function Lang({ lang, children }: { lang: string | undefined; children: ComponentChildren }) {
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
