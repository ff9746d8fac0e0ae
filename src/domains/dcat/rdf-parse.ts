// Reads RDF text in any of the four syntaxes into quads, with errors a person can act on: the
// line and column where the reader stopped. JSON-LD contexts are never fetched: the DCAT-AP ones
// are served from ./contexts, any other remote context is refused.
import type { JsonLdDocument } from 'jsonld';
import { Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import dcatAp301 from './contexts/dcat-ap-3.0.1.context.json' with { type: 'json' };
import dcatApExamples from './contexts/dcat-ap-3.0.0-examples.context.json' with { type: 'json' };
import dcatApHvd from './contexts/dcat-ap-hvd-3.0.0.context.json' with { type: 'json' };
import { formatOfMediaType, type RdfFormat } from './serializers/index.js';

export class RdfParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `line ${line}${column ? `, column ${column}` : ''}: ${reason}` : reason);
    this.name = 'RdfParseError';
  }
}

/** The contexts jsonld.js may load, by every URL they are published under. */
const KNOWN_CONTEXTS: Record<string, unknown> = {
  'https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld': dcatAp301,
  'https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld': dcatAp301,
  'https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld': dcatApExamples,
  'https://semiceu.github.io/DCAT-AP/releases/3.0.0-hvd/context/hvd.jsonld': dcatApHvd,
  'https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0-hvd/context/hvd.jsonld': dcatApHvd,
};

const offlineLoader = async (url: string) => {
  const document = KNOWN_CONTEXTS[url] ?? KNOWN_CONTEXTS[url.replace(/^http:/, 'https:')];
  if (!document) throw new RdfParseError(`the JSON-LD context ${url} is not loaded from the web; put the context in the document`);
  return { contextUrl: undefined, documentUrl: url, document };
};

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseN3(text: string, format: 'ttl' | 'nt' | 'nq', baseIri?: string): RDF.Quad[] {
  const n3Format = format === 'ttl' ? 'Turtle' : format === 'nt' ? 'N-Triples' : 'N-Quads';
  try {
    return new Parser({ format: n3Format, ...(baseIri ? { baseIRI: baseIri } : {}) }).parse(text);
  } catch (error) {
    const e = error as Error & { context?: { line?: number; token?: { start?: number }; previousToken?: { end?: number } } };
    const line = e.context?.line;
    const reason = e.message.replace(/ on line \d+\.?$/, '');
    // n3 gives the offending token's offset in its line, or the end of the token before it.
    const lineText = line ? (text.split('\n')[line - 1] ?? '') : '';
    let column = e.context?.token?.start !== undefined ? e.context.token.start + 1 : undefined;
    if (column === undefined && e.context?.previousToken?.end !== undefined) {
      const after = lineText.slice(e.context.previousToken.end);
      column = e.context.previousToken.end + (after.length - after.trimStart().length) + 1;
    }
    throw new RdfParseError(reason, line, column ?? (line ? 1 : undefined));
  }
}

// The RDF/XML and JSON-LD readers load on first use: a server that never reads RDF never pays for them.
async function parseRdfXml(text: string, baseIri?: string): Promise<RDF.Quad[]> {
  const { RdfXmlParser } = await import('rdfxml-streaming-parser');
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = [];
    const parser = new RdfXmlParser(baseIri ? { baseIRI: baseIri } : {});
    let failed = false;
    parser.on('data', (quad: RDF.Quad) => quads.push(quad));
    parser.on('error', (error: Error) => {
      if (failed) return;
      failed = true;
      const match = /^(\d+):(\d+): (.*)$/s.exec(error.message);
      reject(match ? new RdfParseError(match[3]!, Number(match[1]), Number(match[2])) : new RdfParseError(error.message));
    });
    parser.on('end', () => {
      if (!failed) resolve(quads);
    });
    parser.end(text);
  });
}

async function parseJsonLd(text: string, baseIri?: string): Promise<RDF.Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const at = position ? lineAndColumn(text, Number(position)) : undefined;
    throw new RdfParseError((error as Error).message.replace(/ in JSON at position \d+.*$/s, ''), at?.line, at?.column);
  }
  const { default: jsonld } = await import('jsonld');
  try {
    const nquads = (await jsonld.toRDF(document as JsonLdDocument, {
      format: 'application/n-quads',
      documentLoader: offlineLoader as never,
      ...(baseIri ? { base: baseIri } : {}),
    })) as unknown as string;
    return parseN3(nquads, 'nq');
  } catch (error) {
    if (error instanceof RdfParseError) throw error;
    const e = error as Error & { details?: { cause?: Error } };
    throw new RdfParseError(e.details?.cause instanceof RdfParseError ? e.details.cause.reason : e.message);
  }
}

/** Parses `text` in `format`; relative IRIs resolve against `baseIri` when given (else stay relative). */
export async function parseRdf(text: string, format: RdfFormat, baseIri?: string): Promise<RDF.Quad[]> {
  switch (format) {
    case 'ttl':
    case 'nt':
      return parseN3(text, format, baseIri);
    case 'rdf':
      return parseRdfXml(text, baseIri);
    case 'jsonld':
      return parseJsonLd(text, baseIri);
  }
}

/** The syntax of a document: from its media type or file name, else from how it starts. */
export function detectFormat(text: string, hints: { contentType?: string | undefined; fileName?: string | undefined } = {}): RdfFormat {
  const byType = formatOfMediaType(hints.contentType);
  if (byType) return byType;
  const extension = hints.fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const byExtension: Record<string, RdfFormat> = { rdf: 'rdf', xml: 'rdf', owl: 'rdf', ttl: 'ttl', turtle: 'ttl', n3: 'ttl', jsonld: 'jsonld', json: 'jsonld', nt: 'nt' };
  if (extension && byExtension[extension]) return byExtension[extension]!;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<?xml') || /^<rdf:RDF|^<[\w-]+:RDF/.test(start)) return 'rdf';
  if (start.startsWith('{') || start.startsWith('[')) return 'jsonld';
  return 'ttl';
}

