// The IRIs of the catalog's resources in RDF, all absolute on ALLMANNING_BASE_URL, and the one
// place that turns values publishers typed (landing pages, e-mail addresses) into IRIs that follow
// RFC 3987, as dataportal.se's harvesting rules demand (no spaces, no relative addresses).

/** Which organisation publishes: enough to name its agent. */
export interface PublisherRef {
  slug: string;
  /** Ten digits, or null when unknown. */
  orgNumber: string | null;
}

export const origin = (baseUrl: string): string => baseUrl.replace(/\/+$/, '');

const segment = (value: string) => encodeURIComponent(value);

export const catalogIri = (base: string): string => `${origin(base)}/catalog`;
export const organizationCatalogIri = (base: string, slug: string): string => `${origin(base)}/organizations/${segment(slug)}/catalog`;
export const datasetIri = (base: string, slug: string): string => `${origin(base)}/datasets/${segment(slug)}`;
export const distributionIri = (base: string, datasetSlug: string, id: string): string => `${datasetIri(base, datasetSlug)}/distributions/${segment(id)}`;
export const dataServiceIri = (base: string, slug: string): string => `${origin(base)}/data-services/${segment(slug)}`;
export const seriesIri = (base: string, slug: string): string => `${origin(base)}/series/${segment(slug)}`;
export const organizationPageIri = (base: string, slug: string): string => `${origin(base)}/organizations/${segment(slug)}`;
/** The agent that publishes the site-wide catalog (the commons itself, not one organisation). */
export const siteAgentIri = (base: string): string => `${origin(base)}/#publisher`;

/**
 * dataportal.se's well-known publisher IRI when the organisation number is known (so harvests
 * from several catalogs merge one publisher), else the organisation's page on this site.
 */
export function publisherIri(base: string, org: PublisherRef): string {
  const digits = org.orgNumber?.replace(/\D/g, '');
  return digits && digits.length === 10 ? `http://dataportal.se/organisation/SE${digits}` : organizationPageIri(base, org.slug);
}

/** Hash IRIs of the nodes that belong to one resource (stable across exports and round trips). */
export const contactIri = (resourceIri: string): string => `${resourceIri}#contact`;
export const contactAddressIri = (resourceIri: string): string => `${resourceIri}#contact-address`;
export const periodIri = (resourceIri: string, index: number): string => `${resourceIri}#period-${index + 1}`;
export const checksumIri = (distribution: string): string => `${distribution}#checksum`;
export const rightsIri = (distribution: string): string => `${distribution}#rights`;

/**
 * An absolute http(s) IRI for a URL a person typed, or undefined when it is none: whitespace
 * trimmed, characters RFC 3987 forbids (spaces, quotes, <>, {}, |, \, ^, `) percent-encoded by the
 * WHATWG URL parser, host lower-cased. Relative or non-http values cannot be harvested and are
 * left out (the validator then names the missing property).
 */
export function webIri(value: string | undefined | null): string | undefined {
  const text = value?.trim();
  if (!text || !/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    if (!url.hostname) return undefined;
    // URL keeps a few characters that RDF/XML and N-Triples readers reject inside IRIs.
    return url.href.replace(/[{}|\\^`"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

/** Any absolute IRI (vocabulary concepts, ELI, urn:) kept as is when it is one, else undefined. */
export function anyIri(value: string | undefined | null): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^https?:\/\//i.test(text)) return webIri(text);
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(text) ? text : undefined;
}

export function mailtoIri(email: string | undefined | null): string | undefined {
  const text = email?.trim().replace(/^mailto:/i, '');
  if (!text || !/^[^\s@]+@[^\s@]+$/.test(text)) return undefined;
  return `mailto:${encodeURI(text)}`;
}

/** RFC 3966 tel: IRI; spaces (not allowed there) dropped, visual separators kept. */
export function telIri(phone: string | undefined | null): string | undefined {
  const text = phone?.trim().replace(/^tel:/i, '').replace(/\s+/g, '');
  if (!text || !/^\+?[0-9().-]+$/.test(text)) return undefined;
  return `tel:${text}`;
}

/** IANA's IRI of a media type (parameters dropped), as DCAT-AP's code-list shape expects. */
export function mediaTypeIri(mediaType: string | undefined | null): string | undefined {
  const essence = mediaType?.split(';')[0]?.trim().toLowerCase();
  if (!essence || !/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(essence)) return undefined;
  return `http://www.iana.org/assignments/media-types/${essence}`;
}
