// The triples of a catalog grouped by subject, held only as long as needed. Datasets, data services
// and series ("roots") are handed on once the parser has moved well past everything they refer to
// (`lagTriples` triples later), together with the nodes they own (distributions, contact points,
// periods, checksums — blank or not); nodes only they referred to are then forgotten, so a catalog
// of any size streams through in bounded memory. A triple that arrives later about something
// already handed on (a catalog that describes a dataset in two places far apart) marks that root
// "late": the importer reads the source a second time for those.
import { NS } from '../namespaces.js';
import type { Term, Triple } from './rdf-parse.js';

export type RootKind = 'dataset' | 'dataService' | 'series';

export interface RdfNode {
  id: string;
  props: Map<string, Term[]>;
  /** Index of the last triple about this node. */
  last: number;
  /** How many triples name this node as their object. */
  refs: number;
}

const RDF_TYPE = `${NS.rdf}type`;
const KINDS: RootKind[] = ['dataset', 'dataService', 'series'];
const ROOT_TYPES: Record<string, RootKind> = {
  [`${NS.dcat}Dataset`]: 'dataset',
  [`${NS.dcat}DataService`]: 'dataService',
  [`${NS.dcat}DatasetSeries`]: 'series',
};
/** Objects of these are roots even when the source does not type them. */
const ROOT_LINKS: Record<string, RootKind> = {
  [`${NS.dcat}dataset`]: 'dataset',
  [`${NS.dcat}service`]: 'dataService',
  [`${NS.dcat}inSeries`]: 'series',
};
/** References whose description the mapping reads: arriving after their root was handed on makes it late. */
const DESCRIBED = new Set([
  `${NS.dcat}distribution`, `${NS.dcat}contactPoint`, `${NS.dct}publisher`, `${NS.dct}temporal`, `${NS.spdx}checksum`, `${NS.dct}rights`, `${NS.vcard}hasTelephone`,
]);
/** Contact addresses given as IRIs (mailto:, tel:) are values, not nodes anyone describes. */
const NEVER_DESCRIBED = /^(mailto|tel):/i;
/** Agents are shared by many roots and read by each: they stay until the end. */
const KEPT_TYPES = new Set([`${NS.foaf}Agent`, `${NS.foaf}Organization`, `${NS.foaf}Person`]);

function contains(values: Term[], o: Term): boolean {
  for (const v of values) {
    if (v.value !== o.value || v.type !== o.type) continue;
    if (v.type !== 'literal' || (o.type === 'literal' && v.lang === o.lang && v.datatype === o.datatype)) return true;
  }
  return false;
}

export interface GraphOptions {
  /** Hand on roots this many triples after their last triple (Infinity: only at the end). */
  lagTriples: number;
  /** Look for roots to hand on once this many are waiting. */
  minPending: number;
}

export class RdfGraph {
  readonly nodes = new Map<string, RdfNode>();
  /** Every root seen so far: its place in the document × 4 + its kind (one small number each). */
  private readonly roots = new Map<string, number>();
  /** Roots not handed on yet, in the order they appeared. */
  private pending: string[] = [];
  private pendingSet = new Set<string>();
  /** Nodes handed on and forgotten (root ids, and owned nodes → their root). */
  private gone = new Map<string, string>();
  /** Referenced but undescribed when their root was handed on: id → roots. */
  private unresolved = new Map<string, string[]>();
  readonly late = new Set<string>();
  /** The closures `ready` computed, for `release`. */
  private readonly closures = new Map<string, RdfNode[]>();
  private count = 0;

  constructor(private readonly options: GraphOptions = { lagTriples: Infinity, minPending: Infinity }) {}

  /**
   * Whether a root handed on refers (by a property whose target the mapping reads) to something
   * not described yet: the description may still come, so its writing waits for the end.
   */
  waitsForReferences(root: string, needless?: (predicate: string, iri: string) => boolean): boolean {
    for (const node of this.closures.get(root) ?? this.closure(root)) {
      for (const [predicate, values] of node.props) {
        if (!DESCRIBED.has(predicate)) continue;
        for (const value of values) if (value.type !== 'literal' && !this.node(value.value) && !NEVER_DESCRIBED.test(value.value) && !needless?.(predicate, value.value)) return true;
      }
    }
    return false;
  }

  /** Roots seen and not handed on yet. */
  get pendingCount(): number {
    return this.pending.length;
  }

  get tripleCount(): number {
    return this.count;
  }

  add(triple: Triple): void {
    const index = ++this.count;
    const { s, p, o } = triple;
    const goneRoot = this.gone.get(s);
    if (goneRoot !== undefined) this.late.add(goneRoot);
    const waiting = this.unresolved.get(s);
    if (waiting) {
      for (const root of waiting) this.late.add(root);
      this.unresolved.delete(s);
    }
    let node = this.nodes.get(s);
    if (!node) {
      node = { id: s, props: new Map(), last: index, refs: 0 };
      this.nodes.set(s, node);
    }
    node.last = index;
    const values = node.props.get(p);
    if (values) {
      if (!contains(values, o)) values.push(o);
    } else node.props.set(p, [o]);
    if (o.type !== 'literal') {
      const target = this.nodes.get(o.value);
      if (target) target.refs++;
      else this.nodes.set(o.value, { id: o.value, props: new Map(), last: 0, refs: 1 });
    }
    const kind = p === RDF_TYPE && o.type === 'iri' ? ROOT_TYPES[o.value] : undefined;
    if (kind) this.markRoot(s, kind, true);
    const linked = o.type !== 'literal' ? ROOT_LINKS[p] : undefined;
    if (linked) this.markRoot(o.value, linked, false);
  }

  private markRoot(id: string, kind: RootKind, typed: boolean): void {
    const known = this.roots.get(id);
    if (known !== undefined) {
      // A typed kind wins over one guessed from a link (dcat:dataset to a dcat:DatasetSeries).
      if (typed && KINDS[known % 4] !== kind && this.pendingSet.has(id)) this.roots.set(id, known - (known % 4) + KINDS.indexOf(kind));
      return;
    }
    this.roots.set(id, (this.roots.size + 1) * 4 + KINDS.indexOf(kind));
    this.pending.push(id);
    this.pendingSet.add(id);
  }

  kindOf(id: string): RootKind | undefined {
    const packed = this.roots.get(id);
    return packed === undefined ? undefined : KINDS[packed % 4];
  }

  /**
   * A name for a root that is the same when the source is read again: its IRI, or for a blank node
   * its place among the roots ('#12'; parsers number blank nodes differently on every read).
   */
  stableKey(id: string): string {
    return id.startsWith('_:') ? `#${Math.floor((this.roots.get(id) ?? 0) / 4)}` : id;
  }

  /** The late roots by their stable keys. */
  lateKeys(): Set<string> {
    return new Set([...this.late].map((id) => this.stableKey(id)));
  }

  node(id: string): RdfNode | undefined {
    const node = this.nodes.get(id);
    return node && node.props.size > 0 ? node : undefined;
  }

  values(id: string, predicate: string): Term[] {
    return this.nodes.get(id)?.props.get(predicate) ?? [];
  }

  types(id: string): string[] {
    return this.values(id, RDF_TYPE).filter((t) => t.type === 'iri').map((t) => t.value);
  }

  /** The nodes a root owns: what it reaches without passing through another root. */
  private closure(root: string): RdfNode[] {
    const out: RdfNode[] = [];
    const seen = new Set<string>([root]);
    const stack = [root];
    while (stack.length) {
      const node = this.nodes.get(stack.pop()!);
      if (!node) continue;
      out.push(node);
      for (const [predicate, values] of node.props) {
        if (predicate === RDF_TYPE) continue;
        for (const value of values) {
          if (value.type === 'literal' || seen.has(value.value) || (this.roots.has(value.value) && value.value !== root)) continue;
          seen.add(value.value);
          if (this.nodes.get(value.value)?.props.size) stack.push(value.value);
        }
      }
    }
    return out;
  }

  /**
   * Roots ready to hand on: the oldest waiting ones whose nodes the parser left `lagTriples` ago
   * (all of them when `final`), in document order.
   */
  ready(final: boolean): string[] {
    if (!final && (this.pending.length < this.options.minPending || !Number.isFinite(this.options.lagTriples))) return [];
    const horizon = final ? Infinity : this.count - this.options.lagTriples;
    const out: string[] = [];
    let taken = 0;
    for (const id of this.pending) {
      const closure = this.closure(id);
      if (!final && closure.some((n) => n.last > horizon)) break;
      this.closures.set(id, closure);
      out.push(id);
      taken++;
    }
    if (taken) {
      this.pending = this.pending.slice(taken);
      for (const id of out) this.pendingSet.delete(id);
    }
    return out;
  }

  /**
   * Forgets a handed-on root and the nodes only it referred to, remembering enough to notice a
   * late triple about them. Shared nodes (publishers, licences, themes) stay. A root that refers to
   * something already forgotten (a distribution two datasets far apart share) is late itself.
   */
  release(root: string): void {
    const closure = this.closures.get(root) ?? this.closure(root);
    this.closures.delete(root);
    for (const node of closure) {
      for (const [predicate, values] of node.props) {
        if (predicate === RDF_TYPE) continue;
        for (const value of values) {
          if (value.type === 'literal') continue;
          const target = this.nodes.get(value.value);
          const described = Boolean(target && target.props.size > 0);
          if (target) {
            target.refs--;
            if (!described && target.refs <= 0) this.nodes.delete(value.value);
          }
          if (!DESCRIBED.has(predicate) || described || NEVER_DESCRIBED.test(value.value)) continue;
          if (this.gone.has(value.value)) this.late.add(root);
          else {
            const list = this.unresolved.get(value.value);
            if (!list) this.unresolved.set(value.value, [root]);
            else if (list[list.length - 1] !== root && list.length < 10_000) list.push(root);
          }
        }
      }
      const owned = node.id === root || (node.refs <= 1 && !this.types(node.id).some((t) => KEPT_TYPES.has(t)));
      if (!owned) continue;
      this.nodes.delete(node.id);
      this.gone.set(node.id, root);
    }
  }
}
