// The RDF vocabularies DCAT-AP-SE uses, as IRI prefixes (one place for export, import and validation).
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'http://schema.org/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  locn: 'http://www.w3.org/ns/locn#',
  prov: 'http://www.w3.org/ns/prov#',
  odrs: 'http://schema.theodi.org/odrs#',
  eli: 'http://data.europa.eu/eli/ontology#',
} as const;

export type Prefix = keyof typeof NS;

/** The full IRI of a prefixed name: iri('dcat', 'Dataset'). */
export function iri(prefix: Prefix, local: string): string {
  return `${NS[prefix]}${local}`;
}
