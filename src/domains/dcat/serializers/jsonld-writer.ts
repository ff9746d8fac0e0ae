// A streaming JSON-LD writer: flattened JSON-LD — one node object per run of quads with the same
// subject in "@graph" — with a context that only declares prefixes. Every value is an explicit
// value object ({"@id"}, {"@value","@language"}, {"@value","@type"}), so no context term can change
// what a value means and any JSON-LD 1.1 processor (data.europa.eu's, EntryScape's, jsonld.js)
// reads exactly the quads that went in. Streams: a node is written as soon as its run ends.
import { Transform, type TransformCallback } from 'node:stream';
import type * as RDF from '@rdfjs/types';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

type Value = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };
interface NodeObject {
  '@id': string;
  '@type'?: string[];
  [property: string]: unknown;
}

export class JsonLdWriter extends Transform {
  private node: NodeObject | undefined;
  private key: string | undefined;
  private count = 0;
  private started = false;
  private readonly namespaces: [prefix: string, iri: string][];

  constructor(private readonly prefixes: Record<string, string>) {
    super({ writableObjectMode: true, readableObjectMode: false });
    this.namespaces = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  }

  /** prefix:local for keys, types and datatypes in a known namespace; the full IRI otherwise. */
  private compact(iri: string): string {
    for (const [prefix, ns] of this.namespaces) {
      if (iri.startsWith(ns) && iri.length > ns.length && !iri.slice(ns.length).startsWith('//')) return `${prefix}:${iri.slice(ns.length)}`;
    }
    return iri;
  }

  private id(term: RDF.Term): string {
    return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
  }

  private value(o: RDF.Term): Value {
    if (o.termType !== 'Literal') return { '@id': this.id(o) };
    if (o.language) return { '@value': o.value, '@language': o.language };
    if (o.datatype && o.datatype.value !== XSD_STRING && o.datatype.value !== LANG_STRING) return { '@value': o.value, '@type': this.compact(o.datatype.value) };
    return { '@value': o.value };
  }

  private flushNode(): string {
    if (!this.node) return '';
    const text = `${this.count++ === 0 ? '\n' : ',\n'}${JSON.stringify(this.node)}`;
    this.node = undefined;
    this.key = undefined;
    return text;
  }

  render(quads: readonly RDF.Quad[]): string {
    let out = '';
    if (!this.started) {
      this.started = true;
      out += `{"@context":${JSON.stringify(this.prefixes)},"@graph":[`;
    }
    for (const quad of quads) {
      const key = `${quad.subject.termType}:${quad.subject.value}`;
      if (key !== this.key) {
        out += this.flushNode();
        this.node = { '@id': this.id(quad.subject) };
        this.key = key;
      }
      const node = this.node!;
      if (quad.predicate.value === RDF_TYPE && quad.object.termType === 'NamedNode') {
        (node['@type'] ??= []).push(this.compact(quad.object.value));
        continue;
      }
      const property = this.compact(quad.predicate.value);
      const values = (node[property] as Value[] | undefined) ?? [];
      if (values.length === 0) node[property] = values;
      values.push(this.value(quad.object));
    }
    return out;
  }

  finish(): string {
    const head = this.started ? '' : `{"@context":${JSON.stringify(this.prefixes)},"@graph":[`;
    this.started = true;
    return `${head}${this.flushNode()}\n]}\n`;
  }

  override _transform(chunk: RDF.Quad | RDF.Quad[], _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = this.render(Array.isArray(chunk) ? chunk : [chunk]);
    callback(null, text || undefined);
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.finish());
  }
}
