// RDF in, plain triples out: Turtle, N-Triples, N-Quads and TriG (n3), RDF/XML
// (rdfxml-streaming-parser) and JSON-LD (jsonld), chosen by Content-Type, file extension or the
// first bytes. Streamed: the sink may return a promise (a batch being written), and the parser
// waits for it. Blank nodes get a prefix per document, so pages of one catalog never share one by
// accident. A syntax error becomes an RdfSyntaxError naming line and column.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { jsonErrorOffset, lineColumnOf } from './json-position.js';

export type RdfFormat = 'turtle' | 'ntriples' | 'nquads' | 'trig' | 'rdfxml' | 'jsonld';

/** An RDF term: IRIs and blank nodes ('_:…') by their id, literals with language or datatype. */
export type Term = { type: 'iri'; value: string } | { type: 'bnode'; value: string } | { type: 'literal'; value: string; lang: string; datatype: string };

export interface Triple {
  /** IRI or '_:label'. */
  s: string;
  p: string;
  o: Term;
}

/** The source is not RDF in its format: one line, with where. */
export class RdfSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'RdfSyntaxError';
  }

  /** 'name:line:column: message', the form compilers use. */
  lineFor(name: string): string {
    return `${name}:${this.line}:${this.column}: ${this.detail}`;
  }
}

const CONTENT_TYPES: Record<string, RdfFormat> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'text/n3': 'turtle',
  'application/n-triples': 'ntriples',
  'application/n-quads': 'nquads',
  'application/trig': 'trig',
  'application/rdf+xml': 'rdfxml',
  'application/ld+json': 'jsonld',
};
const WEAK_CONTENT_TYPES: Record<string, RdfFormat> = { 'application/xml': 'rdfxml', 'text/xml': 'rdfxml', 'application/json': 'jsonld' };
const EXTENSIONS: Record<string, RdfFormat> = {
  ttl: 'turtle',
  turtle: 'turtle',
  n3: 'turtle',
  nt: 'ntriples',
  nq: 'nquads',
  trig: 'trig',
  rdf: 'rdfxml',
  owl: 'rdfxml',
  xml: 'rdfxml',
  jsonld: 'jsonld',
  json: 'jsonld',
};

/** What the first bytes look like: XML, JSON, or (anything else) Turtle. */
export function sniffFormat(head: Buffer): RdfFormat | undefined {
  const text = head.toString('utf8', 0, Math.min(head.length, 2048)).replace(/^\uFEFF/, '');
  const start = text.replace(/^(\s|#[^\n]*\n)*/, '');
  if (/^<\?xml|^<!DOCTYPE|^<!--/i.test(start)) return 'rdfxml';
  // An XML element name (rdf:RDF, Description) is not an IRI in angle brackets (<http://…>).
  if (/^<[A-Za-z_][\w.-]*(:[\w.-]+)?[\s>/]/.test(start) && !/^<[a-z][a-z0-9+.-]*:\/\//i.test(start)) return 'rdfxml';
  if (/^[{[]/.test(start)) return 'jsonld';
  if (/^(@prefix|@base|prefix\s|base\s)/i.test(start)) return 'turtle';
  return undefined;
}

/**
 * The format of a source: a specific Content-Type first, then a telling file extension, then the
 * first bytes, then a generic Content-Type (application/xml, application/json); Turtle last.
 */
export function detectFormat(options: { contentType?: string | undefined; name?: string | undefined; head: Buffer }): RdfFormat {
  const essence = options.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (CONTENT_TYPES[essence]) return CONTENT_TYPES[essence]!;
  const extension = /\.([a-z0-9]+)$/i.exec(options.name?.split(/[?#]/)[0] ?? '')?.[1]?.toLowerCase();
  const sniffed = sniffFormat(options.head);
  if (extension && EXTENSIONS[extension] && (!sniffed || sniffed === EXTENSIONS[extension])) return EXTENSIONS[extension]!;
  return sniffed ?? WEAK_CONTENT_TYPES[essence] ?? (extension ? EXTENSIONS[extension] : undefined) ?? 'turtle';
}

export type TripleSink = (triple: Triple) => void | Promise<void>;

interface RdfJsTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}
interface RdfJsQuad {
  subject: RdfJsTerm;
  predicate: RdfJsTerm;
  object: RdfJsTerm;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function converter(documentKey: string) {
  const bnode = (label: string) => `_:${documentKey}.${label}`;
  return (quad: RdfJsQuad): Triple | undefined => {
    const { subject, predicate, object } = quad;
    if (subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') return undefined;
    const s = subject.termType === 'BlankNode' ? bnode(subject.value) : subject.value;
    let o: Term;
    if (object.termType === 'NamedNode') o = { type: 'iri', value: object.value };
    else if (object.termType === 'BlankNode') o = { type: 'bnode', value: bnode(object.value) };
    else if (object.termType === 'Literal') {
      const datatype = object.datatype?.value ?? XSD_STRING;
      o = { type: 'literal', value: object.value, lang: (object.language ?? '').toLowerCase(), datatype: datatype === RDF_LANG_STRING ? XSD_STRING : datatype };
    } else return undefined;
    return { s, p: predicate.value, o };
  };
}

/** Feeds a parser stream's quads to the sink, pausing while the sink's promise is pending. */
function drain(stream: Readable, convert: (q: RdfJsQuad) => Triple | undefined, sink: TripleSink): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(error);
    };
    stream.on('data', (quad: RdfJsQuad) => {
      if (failed) return;
      const triple = convert(quad);
      if (!triple) return;
      let pending: void | Promise<void>;
      try {
        pending = sink(triple);
      } catch (error) {
        return fail(error);
      }
      if (pending) {
        stream.pause();
        pending.then(() => !failed && stream.resume(), fail);
      }
    });
    stream.on('error', fail);
    stream.on('end', () => !failed && resolve());
  });
}

/** The text of one line of a file (1-based), for placing an error. */
async function lineOf(file: string, wanted: number): Promise<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) if (++n === wanted) return line;
  } finally {
    lines.close();
  }
  return '';
}

interface N3ErrorContext {
  line?: number;
  token?: { start?: number; value?: string } | null;
  previousToken?: { end?: number } | null;
}

async function n3SyntaxError(error: Error & { context?: N3ErrorContext }, file: string): Promise<RdfSyntaxError> {
  const context = error.context ?? {};
  const line = context.line ?? Number(/on line (\d+)/.exec(error.message)?.[1] ?? 1);
  const detail = error.message.replace(/\s*on line \d+\.?$/, '').replace(/^Unexpected/, 'unexpected').replace(/^Expected/, 'expected');
  let column = 1;
  if (typeof context.token?.start === 'number') column = context.token.start + 1;
  else {
    const text = await lineOf(file, line);
    const after = context.previousToken?.end ?? 0;
    const quoted = /"(.{1,200}?)"/.exec(error.message)?.[1];
    const at = quoted ? text.indexOf(quoted, after) : -1;
    column = (at >= 0 ? at : Math.max(text.slice(after).search(/\S/), 0) + after) + 1;
  }
  return new RdfSyntaxError(line, column, detail);
}

/** The RDF/XML parser reports 'line:column: message' (sax); the first error is the one that counts. */
function xmlSyntaxError(error: Error): RdfSyntaxError {
  const match = /^(\d+):(\d+): (.*)$/s.exec(error.message);
  if (match) return new RdfSyntaxError(Number(match[1]), Number(match[2]), match[3]!.split('\n')[0]!.replace(/\.$/, ''));
  return new RdfSyntaxError(1, 1, error.message.split('\n')[0]!);
}

export interface ParseOptions {
  format: RdfFormat;
  /** Base IRI for relative IRIs (the URL, or a file: URL). */
  baseIri: string;
  /** Distinguishes blank nodes of different documents (pages). */
  documentKey: string;
  /** Loads a JSON-LD context that is not inline (remote contexts). */
  loadContext?: (url: string) => Promise<unknown>;
}

/** Parses the RDF file, handing each triple to `sink` in document order. */
export async function parseRdfFile(file: string, options: ParseOptions, sink: TripleSink): Promise<void> {
  const convert = converter(options.documentKey);
  if (options.format === 'jsonld') return parseJsonLd(file, options, convert, sink);
  if (options.format === 'rdfxml') {
    const parser = new RdfXmlParser({ baseIRI: options.baseIri });
    fs.createReadStream(file).on('error', (error) => parser.destroy(error)).pipe(parser);
    try {
      return await drain(parser, convert, sink);
    } catch (error) {
      if (error instanceof Error && /^\d+:\d+: /.test(error.message)) throw xmlSyntaxError(error);
      throw error;
    }
  }
  try {
    return await parseN3(file, options, convert, sink);
  } catch (error) {
    if (error instanceof Error && 'context' in error) throw await n3SyntaxError(error as Error & { context: N3ErrorContext }, file);
    throw error;
  }
}

/**
 * Turtle, N-Triples, N-Quads and TriG with n3's push parser fed chunk by chunk: the triples of one
 * chunk are handed to the sink (awaiting it) before the next chunk is read. n3's StreamParser would
 * pass every quad through an object-mode stream, which cost more than parsing it.
 */
async function parseN3(file: string, options: ParseOptions, convert: (q: RdfJsQuad) => Triple | undefined, sink: TripleSink): Promise<void> {
  const n3Format = ({ turtle: 'text/turtle', ntriples: 'application/n-triples', nquads: 'application/n-quads', trig: 'application/trig' } as Partial<Record<RdfFormat, string>>)[options.format];
  const parser = new Parser({ baseIRI: options.baseIri, format: n3Format });
  const ready: Triple[] = [];
  let failure: Error | undefined;
  let onData: ((chunk: string) => void) | undefined;
  let onEnd: (() => void) | undefined;
  // n3 parses a "stream" it subscribes to; this one is fed by the loop below.
  const input = {
    on(event: string, callback: (chunk?: string) => void) {
      if (event === 'data') onData = callback as (chunk: string) => void;
      else if (event === 'end') onEnd = callback as () => void;
      return input;
    },
  };
  parser.parse(input as unknown as NodeJS.ReadableStream, (error, quad) => {
    if (error) failure ??= error;
    else if (quad) {
      const triple = convert(quad as unknown as RdfJsQuad);
      if (triple) ready.push(triple);
    }
  });
  const handOn = async () => {
    if (failure) throw failure;
    for (const triple of ready) {
      const pending = sink(triple);
      if (pending) await pending;
    }
    ready.length = 0;
  };
  // utf8 decoding in the stream keeps a character split across two chunks whole.
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8' })) {
    onData!(chunk as string);
    await handOn();
  }
  onEnd!();
  await handOn();
}

async function parseJsonLd(file: string, options: ParseOptions, convert: (q: RdfJsQuad) => Triple | undefined, sink: TripleSink): Promise<void> {
  const text = (await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const found = jsonErrorOffset(text);
    const at = lineColumnOf(text, found?.offset ?? 0);
    throw new RdfSyntaxError(at.line, at.column, found?.message ?? (error as Error).message);
  }
  let quads: RdfJsQuad[];
  try {
    const documentLoader = async (url: string) => {
      if (!options.loadContext) throw new Error(`remote context ${url} is not loaded`);
      return { contextUrl: undefined, documentUrl: url, document: await options.loadContext(url) };
    };
    quads = (await jsonld.toRDF(document as object, { base: options.baseIri, documentLoader } as never)) as unknown as RdfJsQuad[];
  } catch (error) {
    // JSON-LD processing errors are about the document as a whole (a context, a keyword).
    const message = (error as { message?: string; details?: { cause?: { message?: string } } }).message ?? String(error);
    const cause = (error as { details?: { cause?: { message?: string } } }).details?.cause?.message;
    throw new RdfSyntaxError(1, 1, `JSON-LD: ${message}${cause ? ` (${cause})` : ''}`.split('\n')[0]!);
  }
  for (const quad of quads) {
    const triple = convert(quad);
    if (!triple) continue;
    const pending = sink(triple);
    if (pending) await pending;
  }
}
