// A fingerprint of what the source says about one root (a dataset): the triples of every node it
// owns (its closure in RdfGraph), blank nodes folded in by their content rather than their labels
// (which a parser numbers afresh on every read), and other roots it points at by their stable keys.
// Equal fingerprints mean the mapping would give the same input, so a re-import can recognise an
// unchanged dataset without mapping it (see ImportProcessor). Cycles of blank nodes are cut, and a
// node with more than LARGE_NODE statements (a catalog listing every dataset) counts by its name
// only: inlining it in every dataset's fingerprint would cost the square of the catalog's size.
import { createHash } from 'node:crypto';
import type { RdfGraph } from './rdf-graph.js';
import type { Term } from './rdf-parse.js';

const LARGE_NODE = 200;

function literalKey(term: Extract<Term, { type: 'literal' }>): string {
  return `"${term.value}"@${term.lang}^^${term.datatype}`;
}

export function sourceHash(graph: RdfGraph, root: string, context: readonly string[]): string {
  const visiting = new Set<string>();

  /** The node as text: its IRI (if it has one) and its sorted statements, nested nodes inlined. */
  function nodeText(id: string): string {
    const node = graph.node(id);
    const name = id.startsWith('_:') ? '_' : `<${id}>`;
    if (!node || visiting.has(id)) return name;
    let statements = 0;
    for (const values of node.props.values()) statements += values.length;
    if (statements > LARGE_NODE) return name;
    visiting.add(id);
    const lines: string[] = [];
    for (const [predicate, values] of node.props) {
      for (const value of values) lines.push(`${predicate} ${objectText(value)}`);
    }
    visiting.delete(id);
    lines.sort();
    return `${name}[${lines.join(';')}]`;
  }

  function objectText(term: Term): string {
    if (term.type === 'literal') return literalKey(term);
    // Another root is its own resource: named, not described, here.
    if (term.value !== root && graph.kindOf(term.value)) return `root:${graph.stableKey(term.value)}`;
    return nodeText(term.value);
  }

  return createHash('sha256').update(context.join('\n')).update('\n').update(nodeText(root)).digest('base64url');
}
