// What a check found, in one shape for every source (the DCAT-AP SHACL shapes, the DCAT-AP HVD
// shapes, the DCAT-AP-SE checker): the resource, the property, the kind of problem and the
// parameters a message needs. messages.ts turns findings into words.
import type * as RDF from '@rdfjs/types';

export type Severity = 'violation' | 'warning' | 'info';

export type FindingSource = 'dcat-ap' | 'dcat-ap-codelists' | 'dcat-ap-hvd' | 'dcat-ap-se';

export type FindingKind =
  | 'minCount'
  | 'maxCount'
  | 'nodeKindIri'
  | 'nodeKindLiteral'
  | 'datatype'
  | 'date'
  | 'codeList'
  | 'pattern'
  | 'class'
  | 'hasValue'
  | 'seriesEmpty'
  | 'generic'
  | 'se.mandatory'
  | 'se.maxCount'
  | 'se.choice'
  | 'se.hvdCategoryWithoutHvd'
  | 'se.languageTag'
  | 'se.expectIri'
  | 'se.expectLiteral'
  | 'se.datatype'
  | 'se.recommended'
  | 'se.blankNode'
  | 'se.relativeIri'
  | 'se.invalidIri'
  | 'se.publisherIri';

export interface Finding {
  source: FindingSource;
  severity: Severity;
  kind: FindingKind;
  focusNode: RDF.Term;
  /** The property's IRI, if the finding is about one. */
  path?: string | undefined;
  value?: RDF.Term | undefined;
  /** Message parameters (min, max, count, datatype, vocabulary, pattern, class, expected, example, detail). */
  params: Record<string, string>;
}

/** A term as a person reads it: <iri>, "text"@sv, "1"^^xsd:integer, or a blank node. */
export function showTerm(term: RDF.Term | undefined): string {
  if (!term) return '';
  if (term.termType === 'Literal') {
    const text = term.value.length > 80 ? `${term.value.slice(0, 77)}…` : term.value;
    if (term.language) return `"${text}"@${term.language}`;
    const datatype = term.datatype?.value;
    if (!datatype || datatype.endsWith('#string')) return `"${text}"`;
    return `"${text}"^^${shortIri(datatype)}`;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  return `<${term.value}>`;
}

const SHORT: [string, string][] = [
  ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
  ['http://www.w3.org/ns/dcat#', 'dcat:'],
  ['http://purl.org/dc/terms/', 'dct:'],
  ['http://xmlns.com/foaf/0.1/', 'foaf:'],
  ['http://www.w3.org/2006/vcard/ns#', 'vcard:'],
  ['http://spdx.org/rdf/terms#', 'spdx:'],
  ['http://data.europa.eu/r5r/', 'dcatap:'],
  ['http://www.w3.org/ns/adms#', 'adms:'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:'],
  ['http://www.w3.org/2004/02/skos/core#', 'skos:'],
  ['http://data.europa.eu/eli/ontology#', 'eli:'],
];

/** prefix:local for the vocabularies DCAT-AP uses, the full IRI otherwise. */
export function shortIri(iri: string): string {
  for (const [ns, prefix] of SHORT) if (iri.startsWith(ns)) return prefix + iri.slice(ns.length);
  return iri;
}
