// A data graph indexed by subject, for the DCAT-AP-SE checker and for naming resources in
// messages (a resource's title in the reader's language; a distribution by its dataset's title).
import type * as RDF from '@rdfjs/types';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const TITLES = ['http://purl.org/dc/terms/title', 'http://xmlns.com/foaf/0.1/name', 'http://www.w3.org/2006/vcard/ns#fn', 'http://www.w3.org/2000/01/rdf-schema#label'];
/** Properties that make their object part of the subject (so the object is named by the subject). */
const PARTS = ['http://www.w3.org/ns/dcat#distribution', 'http://www.w3.org/ns/dcat#contactPoint', 'http://purl.org/dc/terms/temporal', 'http://spdx.org/rdf/terms#checksum', 'http://purl.org/dc/terms/rights'];

export const termKey = (term: RDF.Term): string => `${term.termType}:${term.value}`;

export class GraphIndex {
  private readonly bySubject = new Map<string, { subject: RDF.Quad_Subject; properties: Map<string, RDF.Term[]> }>();
  private readonly parents = new Map<string, RDF.Term>();

  constructor(readonly quads: readonly RDF.Quad[]) {
    for (const q of quads) {
      const key = termKey(q.subject);
      let entry = this.bySubject.get(key);
      if (!entry) this.bySubject.set(key, (entry = { subject: q.subject, properties: new Map() }));
      const values = entry.properties.get(q.predicate.value) ?? [];
      if (values.length === 0) entry.properties.set(q.predicate.value, values);
      if (!values.some((v) => v.equals(q.object))) values.push(q.object);
      if (PARTS.includes(q.predicate.value) && !this.parents.has(termKey(q.object))) this.parents.set(termKey(q.object), q.subject);
    }
  }

  subjects(): RDF.Quad_Subject[] {
    return [...this.bySubject.values()].map((e) => e.subject);
  }

  properties(subject: RDF.Term): Map<string, RDF.Term[]> {
    return this.bySubject.get(termKey(subject))?.properties ?? new Map();
  }

  values(subject: RDF.Term, predicate: string): RDF.Term[] {
    return this.properties(subject).get(predicate) ?? [];
  }

  types(subject: RDF.Term): string[] {
    return this.values(subject, RDF_TYPE).map((t) => t.value);
  }

  /** The resource's own title (or name) in the locale, else in any language. */
  ownTitle(subject: RDF.Term, locale: 'sv' | 'en'): string | undefined {
    for (const predicate of TITLES) {
      const literals = this.values(subject, predicate).filter((v) => v.termType === 'Literal') as RDF.Literal[];
      const chosen = literals.find((l) => l.language === locale) ?? literals.find((l) => !l.language) ?? literals[0];
      if (chosen) return chosen.value;
    }
    return undefined;
  }

  /** The resource this one is part of (a distribution's dataset, a contact point's owner). */
  parent(subject: RDF.Term): RDF.Term | undefined {
    return this.parents.get(termKey(subject));
  }

  /** A title for messages: the resource's own, or "parent › own" for parts without a good one. */
  title(subject: RDF.Term, locale: 'sv' | 'en'): string | undefined {
    const own = this.ownTitle(subject, locale);
    const parent = this.parent(subject);
    const parentTitle = parent ? this.ownTitle(parent, locale) : undefined;
    if (parentTitle && own) return `${parentTitle} › ${own}`;
    return own ?? parentTitle;
  }
}
