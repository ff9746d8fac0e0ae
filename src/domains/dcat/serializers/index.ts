// The four RDF syntaxes the catalog speaks, and one way to stream quads into any of them: batches
// of quads (one resource each) are pulled only as fast as the reader takes the text, so a
// serialisation never holds more than a batch. Turtle and N-Triples are n3's StreamWriter; RDF/XML
// and JSON-LD are this folder's streaming writers.
import { pipeline, Readable, type Transform } from 'node:stream';
import { StreamWriter } from 'n3';
import type * as RDF from '@rdfjs/types';
import { NS } from '../namespaces.js';
import { JsonLdWriter } from './jsonld-writer.js';
import { RdfXmlWriter } from './rdfxml-writer.js';

export const RDF_FORMATS = {
  rdf: { extension: 'rdf', contentType: 'application/rdf+xml', name: 'RDF/XML' },
  ttl: { extension: 'ttl', contentType: 'text/turtle', name: 'Turtle' },
  jsonld: { extension: 'jsonld', contentType: 'application/ld+json', name: 'JSON-LD' },
  nt: { extension: 'nt', contentType: 'application/n-triples', name: 'N-Triples' },
} as const;

export type RdfFormat = keyof typeof RDF_FORMATS;
export const rdfFormats = Object.keys(RDF_FORMATS) as RdfFormat[];

export const isRdfFormat = (value: string): value is RdfFormat => Object.hasOwn(RDF_FORMATS, value);

/** The format whose media type this is (parameters ignored), if any. */
export function formatOfMediaType(mediaType: string | undefined): RdfFormat | undefined {
  const essence = mediaType?.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/json') return undefined;
  const aliases: Record<string, RdfFormat> = { 'application/x-turtle': 'ttl', 'text/n3': 'ttl', 'text/plain': 'nt', 'application/xml': 'rdf', 'text/xml': 'rdf' };
  return rdfFormats.find((f) => RDF_FORMATS[f].contentType === essence) ?? (essence ? aliases[essence] : undefined);
}

/** The prefixes every document declares (the DCAT-AP-SE vocabularies). */
export const PREFIXES: Record<string, string> = { ...NS };

function writerFor(format: RdfFormat): Transform {
  switch (format) {
    case 'rdf':
      return new RdfXmlWriter(withoutRdf(PREFIXES));
    case 'jsonld':
      return new JsonLdWriter(PREFIXES);
    case 'ttl':
      return new StreamWriter({ prefixes: PREFIXES, format: 'Turtle' }) as unknown as Transform;
    case 'nt':
      return new StreamWriter({ format: 'N-Triples' }) as unknown as Transform;
  }
}

function withoutRdf(prefixes: Record<string, string>): Record<string, string> {
  const { rdf: _rdf, ...rest } = prefixes;
  return rest;
}

async function* quadsOf(batches: AsyncIterable<RDF.Quad[]>): AsyncGenerator<RDF.Quad> {
  for await (const batch of batches) yield* batch;
}

/** Streams the batches as text in `format`; errors destroy the stream (the response ends early). */
export function serialize(format: RdfFormat, batches: AsyncIterable<RDF.Quad[]>): Readable {
  const writer = writerFor(format);
  // n3's writer takes single quads; ours take whole batches (fewer, larger chunks).
  const source = format === 'ttl' || format === 'nt' ? Readable.from(quadsOf(batches)) : Readable.from(batches);
  return pipeline(source, writer, () => undefined) as unknown as Readable;
}

/** The whole text of a small document (a dataset, a validation fixture). */
export async function serializeToString(format: RdfFormat, quads: readonly RDF.Quad[]): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of serialize(format, (async function* () {
    yield [...quads];
  })())) chunks.push(String(chunk));
  return chunks.join('');
}
