// The parts every DCAT resource shares: its publisher (a foaf:Agent with an ADMS publisher type),
// its contact point (a vCard with a hash IRI under the resource, its postal address another),
// periods of time, licences and legislation (typed once per document) and the catalog node itself.
import type * as RDF from '@rdfjs/types';
import { HVD_LEGISLATION_IRI, type ContactPoint, type LangText, type PeriodOfTime } from '../catalog/index.js';
import { impliedPublisherTypes, organizationTypes, PUBLISHER_TYPE_NAMESPACE } from '../organizations/index.js';
import { anyIri, contactAddressIri, contactIri, mailtoIri, organizationPageIri, periodIri, publisherIri, telIri, webIri } from './dcat.iris.js';
import { dateLiteral, iriTerm, rdfType, term, type GraphBuilder } from './rdf-builder.js';

/** An organisation as the export knows it (the catalog's ExportOrganization fits). */
export interface AgentSource {
  slug: string;
  name: LangText;
  orgNumber: string | null;
  type: string;
  /** The ADMS publisher type code chosen for the organisation (null or absent: follow `type`). */
  publisherType?: string | null;
  website?: string | null;
}

/**
 * ADMS publisher types (the values DCAT-AP-SE allows for dct:type of an agent) by organisation
 * type, as the organisations domain implies them. "other" has no honest equivalent, so it gets
 * none unless the organisation chose a publisher type; without one the validator asks for it.
 */
export const PUBLISHER_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  organizationTypes.flatMap((type) => {
    const code = impliedPublisherTypes[type];
    return code ? [[type, `${PUBLISHER_TYPE_NAMESPACE}${code}`]] : [];
  }),
);

/** The dct:type of an organisation's agent: its chosen publisher type, else the one its type implies. */
export function publisherTypeIri(org: Pick<AgentSource, 'type' | 'publisherType'>): string | undefined {
  return org.publisherType ? `${PUBLISHER_TYPE_NAMESPACE}${org.publisherType}` : PUBLISHER_TYPES[org.type];
}

/** The site's own agent when it publishes the site-wide catalog: a commons run for many bodies. */
export const SITE_PUBLISHER_TYPE = 'http://purl.org/adms/publishertype/NonProfitOrganisation';

/** Adds the organisation as a publisher agent (once per document); returns its IRI. */
export function addPublisher(g: GraphBuilder, baseUrl: string, org: AgentSource): RDF.NamedNode {
  const iri = publisherIri(baseUrl, org);
  const node = iriTerm(iri);
  if (!g.firstTime(`agent ${iri}`)) return node;
  g.add(node, rdfType, term('foaf', 'Agent'));
  g.add(node, rdfType, term('foaf', 'Organization'));
  g.text(node, term('foaf', 'name'), org.name);
  const type = publisherTypeIri(org);
  if (type) g.add(node, term('dct', 'type'), iriTerm(type));
  const digits = org.orgNumber?.replace(/\D/g, '');
  if (digits?.length === 10) {
    g.plain(node, term('dct', 'identifier'), digits);
    g.add(node, term('owl', 'sameAs'), iriTerm(organizationPageIri(baseUrl, org.slug)));
  }
  const homepage = webIri(org.website);
  if (homepage) g.add(node, term('foaf', 'homepage'), iriTerm(homepage));
  return node;
}

/**
 * A contact point as vcard:Organization or vcard:Individual at `<resource>#contact`; its postal
 * address a vcard:Address at `<resource>#contact-address` (no blank nodes: harvesting rules).
 */
export function addContactPoint(g: GraphBuilder, resource: RDF.NamedNode, contact: ContactPoint | undefined): void {
  if (!contact) return;
  const node = iriTerm(contactIri(resource.value));
  g.add(resource, term('dcat', 'contactPoint'), node);
  g.add(node, rdfType, term('vcard', contact.kind === 'individual' ? 'Individual' : 'Organization'));
  g.plain(node, term('vcard', 'fn'), contact.name);
  const email = mailtoIri(contact.email);
  if (email) g.add(node, term('vcard', 'hasEmail'), iriTerm(email));
  const phone = telIri(contact.phone);
  if (phone) g.add(node, term('vcard', 'hasTelephone'), iriTerm(phone));
  const url = webIri(contact.url);
  if (url) g.add(node, term('vcard', 'hasURL'), iriTerm(url));
  const address = contact.address;
  if (address && (address.street || address.locality || address.postalCode || address.country)) {
    const postal = iriTerm(contactAddressIri(resource.value));
    g.add(node, term('vcard', 'hasAddress'), postal);
    g.add(postal, rdfType, term('vcard', 'Address'));
    g.plain(postal, term('vcard', 'street-address'), address.street);
    g.plain(postal, term('vcard', 'locality'), address.locality);
    g.plain(postal, term('vcard', 'postal-code'), address.postalCode);
    g.plain(postal, term('vcard', 'country-name'), address.country);
  }
}

/** dct:temporal as dct:PeriodOfTime nodes at `<resource>#period-N`. */
export function addTemporal(g: GraphBuilder, resource: RDF.NamedNode, periods: readonly PeriodOfTime[]): void {
  periods.forEach((period, index) => {
    const start = dateLiteral(period.start);
    const end = dateLiteral(period.end);
    if (!start && !end) return;
    const node = iriTerm(periodIri(resource.value, index));
    g.add(resource, term('dct', 'temporal'), node);
    g.add(node, rdfType, term('dct', 'PeriodOfTime'));
    g.add(node, term('dcat', 'startDate'), start);
    g.add(node, term('dcat', 'endDate'), end);
  });
}

/** dct:license, with the licence typed dct:LicenseDocument (once per document). */
export function addLicence(g: GraphBuilder, resource: RDF.NamedNode, licence: string | undefined): void {
  const iri = anyIri(licence);
  if (!iri) return;
  g.add(resource, term('dct', 'license'), iriTerm(iri));
  if (g.firstTime(`licence ${iri}`)) g.add(iriTerm(iri), rdfType, term('dct', 'LicenseDocument'));
}

/** r5r:applicableLegislation as ELI legal resources (once per document). */
export function addLegislation(g: GraphBuilder, resource: RDF.NamedNode, legislation: readonly string[]): void {
  for (const value of legislation) {
    const iri = anyIri(value);
    if (!iri) continue;
    g.add(resource, term('dcatap', 'applicableLegislation'), iriTerm(iri));
    if (g.firstTime(`legislation ${iri}`)) g.add(iriTerm(iri), rdfType, term('eli', 'LegalResource'));
  }
}

/**
 * The legislation a resource names; an HVD resource always names Implementing Regulation (EU)
 * 2023/138, which is what being high-value means.
 */
export function legislationOf(metadata: { applicableLegislation: string[] }, hvd: boolean): string[] {
  const list = [...metadata.applicableLegislation];
  if (hvd && !list.includes(HVD_LEGISLATION_IRI)) list.push(HVD_LEGISLATION_IRI);
  return list;
}

export const isHvdLegislation = (legislation: readonly string[]): boolean => legislation.includes(HVD_LEGISLATION_IRI);

export interface CatalogNode {
  iri: string;
  title: LangText;
  description: LangText;
  publisher: RDF.NamedNode;
  homepage: string;
  /** When anything in the catalog last changed (ISO date-time), if known. */
  modified?: string | undefined;
}

const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';
const LANGUAGES = ['http://publications.europa.eu/resource/authority/language/SWE', 'http://publications.europa.eu/resource/authority/language/ENG'];
const THEME_TAXONOMY = 'http://publications.europa.eu/resource/authority/data-theme';

/** The dcat:Catalog itself: titles, publisher, CC0 for the metadata, languages, EU themes. */
export function addCatalog(g: GraphBuilder, catalog: CatalogNode): RDF.NamedNode {
  const node = iriTerm(catalog.iri);
  g.add(node, rdfType, term('dcat', 'Catalog'));
  g.text(node, term('dct', 'title'), catalog.title);
  g.text(node, term('dct', 'description'), catalog.description);
  g.add(node, term('dct', 'publisher'), catalog.publisher);
  addLicence(g, node, CC0);
  g.iris(node, term('dct', 'language'), LANGUAGES);
  g.add(node, term('dcat', 'themeTaxonomy'), iriTerm(THEME_TAXONOMY));
  g.add(node, term('foaf', 'homepage'), iriTerm(catalog.homepage));
  g.add(node, term('dct', 'modified'), dateLiteral(catalog.modified));
  return node;
}
