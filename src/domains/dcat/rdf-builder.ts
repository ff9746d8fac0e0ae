// A small helper for writing RDF: collects quads for one resource, turns our values into RDF/JS
// terms (language-tagged text, typed dates, IRIs) and remembers which shared nodes — publishers,
// licences, legislation — an export has described already, so each is written once per document.
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { NS, type Prefix } from './namespaces.js';

const { namedNode, literal, quad, blankNode } = DataFactory;

export type Quad = RDF.Quad;
export type Term = RDF.Quad_Object;

/** How many shared nodes an export remembers; past that it repeats them (still valid RDF). */
const MAX_REMEMBERED = 10_000;

export const rdfType = namedNode(`${NS.rdf}type`) as RDF.NamedNode;

const terms = new Map<string, RDF.NamedNode>();

/** The vocabulary term prefix:local (one shared object per term: exports make millions of them). */
export function term(prefix: Prefix, local: string): RDF.NamedNode {
  const key = `${prefix}:${local}`;
  let found = terms.get(key);
  if (!found) terms.set(key, (found = namedNode(`${NS[prefix]}${local}`)));
  return found;
}

export const iriTerm = (iri: string): RDF.NamedNode => namedNode(iri);
export const blank = (label?: string): RDF.BlankNode => blankNode(label);

export function typed(value: string, datatype: string): RDF.Literal {
  return literal(value, namedNode(`${NS.xsd}${datatype}`));
}

/**
 * A date or time as DCAT-AP wants it: xsd:date, xsd:dateTime, xsd:gYear or xsd:gYearMonth by its
 * form; undefined for anything else (never an untyped literal DCAT-AP's shapes would refuse).
 */
export function dateLiteral(value: string | undefined | null): RDF.Literal | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return typed(text, 'date');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text)) return typed(text, 'dateTime');
  if (/^\d{4}$/.test(text)) return typed(text, 'gYear');
  if (/^\d{4}-\d{2}$/.test(text)) return typed(text, 'gYearMonth');
  return undefined;
}

interface Group {
  subject: RDF.Quad_Subject;
  quads: Quad[];
}

/**
 * Collects the quads of one document part, kept per subject in order of first appearance, so
 * writers can describe each node in one block (one rdf:Description, one Turtle subject). `firstTime`
 * keeps shared nodes (publishers, licences) to one description per document.
 */
export class GraphBuilder {
  private readonly groups: Group[] = [];
  private current: Group | undefined;

  constructor(private readonly remembered: Set<string> = new Set()) {}

  add(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, object: Term | undefined): void {
    if (!object) return;
    // Most statements follow one about the same subject: check that group first.
    let group = this.current;
    if (!group || !group.subject.equals(subject)) {
      group = this.groups.find((g) => g.subject.equals(subject));
      if (!group) this.groups.push((group = { subject, quads: [] }));
      this.current = group;
    }
    group.quads.push(quad(subject, predicate, object));
  }

  /** Every quad, in the order added. */
  get quads(): Quad[] {
    return this.grouped();
  }

  /** Adds one IRI object per value that is an IRI (others are skipped). */
  iris(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, values: readonly (string | undefined)[]): void {
    for (const value of values) if (value) this.add(subject, predicate, namedNode(value));
  }

  /** Language-tagged literals, one per language that has text. */
  text(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, text: { sv?: string | undefined; en?: string | undefined } | undefined): void {
    for (const language of ['sv', 'en'] as const) {
      const value = text?.[language]?.trim();
      if (value) this.add(subject, predicate, literal(value, language));
    }
  }

  /** Language-tagged keywords per language. */
  keywords(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, lists: { sv?: string[] | undefined; en?: string[] | undefined } | undefined): void {
    for (const language of ['sv', 'en'] as const) {
      for (const word of lists?.[language] ?? []) if (word.trim()) this.add(subject, predicate, literal(word.trim(), language));
    }
  }

  plain(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, value: string | undefined | null): void {
    if (value?.trim()) this.add(subject, predicate, literal(value.trim()));
  }

  /** The quads grouped by subject, subjects in order of first appearance. */
  grouped(): Quad[] {
    return this.groups.length === 1 ? this.groups[0]!.quads : this.groups.flatMap((g) => g.quads);
  }

  /** True the first time `key` is seen in this export: describe the shared node only then. */
  firstTime(key: string): boolean {
    if (this.remembered.has(key)) return false;
    if (this.remembered.size < MAX_REMEMBERED) this.remembered.add(key);
    return true;
  }
}
