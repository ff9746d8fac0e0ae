// A streaming RDF/XML writer (no well-kept npm package writes RDF/XML as a stream): quads in,
// text out, one rdf:Description per run of quads with the same subject, so a writer never holds
// more than the chunk it is given. Known namespaces are declared once on rdf:RDF; a predicate in
// another namespace declares its own on the element. Text is escaped for XML 1.0; characters XML
// 1.0 cannot carry at all (most C0 controls) become U+FFFD.
import { Transform, type TransformCallback } from 'node:stream';
import type * as RDF from '@rdfjs/types';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF_NS}langString`;

// NCName, simplified to what predicates use: a letter or "_" first, then letters, digits, . - _.
const NCNAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const TEXT_SPECIALS = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ATTRIBUTE_SPECIALS = /[&<>"\r\n\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeText(text: string): string {
  // Most values need nothing: test once instead of five replaces.
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIALS.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

interface QName {
  name: string;
  /** A namespace to declare on the element itself (not among the document's prefixes). */
  declare?: string;
}

export class RdfXmlWriter extends Transform {
  private subject: string | undefined;
  private started = false;
  private readonly qnames = new Map<string, QName>();
  private readonly blankIds = new Map<string, string>();
  private readonly namespaces: [prefix: string, iri: string][];

  constructor(prefixes: Record<string, string>) {
    super({ writableObjectMode: true, readableObjectMode: false });
    // Longest namespace first, so dct: never shadows a longer namespace that starts the same.
    this.namespaces = Object.entries({ rdf: RDF_NS, ...prefixes }).sort((a, b) => b[1].length - a[1].length);
  }

  private head(): string {
    const declarations = this.namespaces
      .slice()
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([prefix, iri]) => `\n    xmlns:${prefix}="${escapeAttribute(iri)}"`)
      .join('');
    return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n`;
  }

  private qname(predicate: string): QName {
    let found = this.qnames.get(predicate);
    if (found) return found;
    for (const [prefix, iri] of this.namespaces) {
      const local = predicate.slice(iri.length);
      if (predicate.startsWith(iri) && NCNAME.test(local)) {
        found = { name: `${prefix}:${local}` };
        break;
      }
    }
    if (!found) {
      const match = /^(.*?)([\p{L}_][\p{L}\p{N}._-]*)$/u.exec(predicate);
      if (!match || !match[1]) throw new Error(`RDF/XML cannot express the predicate <${predicate}>`);
      found = { name: 'ns0:' + match[2], declare: match[1] };
    }
    this.qnames.set(predicate, found);
    return found;
  }

  private node(term: RDF.Term): string {
    if (term.termType === 'BlankNode') {
      let id = this.blankIds.get(term.value);
      if (!id) this.blankIds.set(term.value, (id = `b${this.blankIds.size + 1}`));
      return `rdf:nodeID="${id}"`;
    }
    return `rdf:about="${escapeAttribute(term.value)}"`;
  }

  private property(quad: RDF.Quad): string {
    const { name, declare } = this.qname(quad.predicate.value);
    const open = declare ? `${name} xmlns:ns0="${escapeAttribute(declare)}"` : name;
    const o = quad.object;
    if (o.termType === 'NamedNode') return `    <${open} rdf:resource="${escapeAttribute(o.value)}"/>\n`;
    if (o.termType === 'BlankNode') return `    <${open} ${this.node(o).replace('rdf:about', 'rdf:resource')}/>\n`;
    if (o.termType !== 'Literal') throw new Error(`RDF/XML cannot express a ${o.termType} object`);
    // n3's literals compute language, datatype and value from their id on each read: read once.
    const language = o.language;
    let attributes = '';
    if (language) attributes = ` xml:lang="${escapeAttribute(language)}"`;
    else {
      const datatype = o.datatype?.value;
      if (datatype && datatype !== XSD_STRING && datatype !== LANG_STRING) attributes = ` rdf:datatype="${escapeAttribute(datatype)}"`;
    }
    return `    <${open}${attributes}>${escapeText(o.value)}</${name}>\n`;
  }

  /** The text for a run of quads (any graph is written into the one RDF/XML graph). */
  render(quads: readonly RDF.Quad[]): string {
    let out = '';
    if (!this.started) {
      this.started = true;
      out += this.head();
    }
    for (const quad of quads) {
      const key = `${quad.subject.termType}:${quad.subject.value}`;
      if (key !== this.subject) {
        if (this.subject !== undefined) out += '  </rdf:Description>\n';
        out += `  <rdf:Description ${this.node(quad.subject)}>\n`;
        this.subject = key;
      }
      out += this.property(quad);
    }
    return out;
  }

  /** What closes the document. */
  finish(): string {
    let out = this.started ? '' : this.head();
    this.started = true;
    if (this.subject !== undefined) out += '  </rdf:Description>\n';
    this.subject = undefined;
    return `${out}</rdf:RDF>\n`;
  }

  override _transform(chunk: RDF.Quad | RDF.Quad[], _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.render(Array.isArray(chunk) ? chunk : [chunk]);
      callback(null, text || undefined);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.finish());
  }
}
