// An organisation's ADMS publisher type (dct:type of its agent in DCAT): the one chosen for it, else
// the one its organisation type implies. "other" implies none — DCAT-AP-SE still wants one, so the
// form asks for it. Pure functions.
import { publisherTypes, type OrganizationType, type PublisherType } from './organizations.table.js';

/** The ADMS namespace: a publisher type's IRI is this followed by its code. */
export const PUBLISHER_TYPE_NAMESPACE = 'http://purl.org/adms/publishertype/';

/** The publisher type each organisation type implies ("other" has no honest equivalent). */
export const impliedPublisherTypes: Readonly<Record<OrganizationType, PublisherType | undefined>> = {
  state_agency: 'NationalAuthority',
  municipality: 'LocalAuthority',
  region: 'RegionalAuthority',
  state_company: 'Company',
  other: undefined,
};

export const isPublisherType = (value: unknown): value is PublisherType => typeof value === 'string' && (publisherTypes as readonly string[]).includes(value);

/** The publisher type in effect: the chosen one, else the implied one, else undefined. */
export function publisherTypeOf(org: { type: OrganizationType; publisher_type: PublisherType | null }): PublisherType | undefined {
  return org.publisher_type ?? impliedPublisherTypes[org.type];
}

/** Whether the form should ask for a publisher type: none chosen and none implied. */
export const publisherTypeMissing = (org: { type: OrganizationType; publisher_type: PublisherType | null }): boolean => publisherTypeOf(org) === undefined;
