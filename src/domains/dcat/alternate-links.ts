// The RDF alternatives of a dataset page, for <link rel="alternate"> in its HTML head (the shape
// Layout's headLinks takes) and the Link header of the page.
import { datasetIri } from './dcat.iris.js';
import { RDF_FORMATS, rdfFormats } from './serializers/index.js';

export interface AlternateLink {
  rel: 'alternate';
  type: string;
  href: string;
  title: string;
}

/** `<base>/datasets/<slug>.rdf|.ttl|.jsonld|.nt`, RDF/XML first. */
export function alternateLinks(slug: string, baseUrl: string): AlternateLink[] {
  return rdfFormats.map((format) => ({
    rel: 'alternate',
    type: RDF_FORMATS[format].contentType,
    href: `${datasetIri(baseUrl, slug)}.${RDF_FORMATS[format].extension}`,
    title: `DCAT-AP-SE (${RDF_FORMATS[format].name})`,
  }));
}
