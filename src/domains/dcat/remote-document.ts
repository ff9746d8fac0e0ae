// An RDF document at a URL, fetched with the platform's guarded fetch (public addresses only
// unless ALLMANNING_FETCH_ALLOW_PRIVATE allows more; size and time limits), as text.
import { guardedFetch } from '../../platform/fetch/index.js';
import { RDF_FORMATS, rdfFormats } from './serializers/index.js';

export interface RemoteDocument {
  text: string;
  contentType: string | undefined;
  fileName: string | undefined;
}

/** What we ask servers for: any of our four syntaxes, RDF/XML first (dataportal.se's). */
const ACCEPT = rdfFormats.map((f, i) => `${RDF_FORMATS[f].contentType};q=${(1 - i * 0.1).toFixed(1)}`).join(', ') + ', */*;q=0.1';

export async function fetchDocument(url: string, options: { allowPrivate: readonly string[]; maxBytes: number; timeoutMs?: number }): Promise<RemoteDocument> {
  const fetched = await guardedFetch(url, { allowPrivate: options.allowPrivate, maxBytes: options.maxBytes, timeoutMs: options.timeoutMs ?? 20_000, headers: { accept: ACCEPT } });
  const chunks: Buffer[] = [];
  for await (const chunk of fetched.body) chunks.push(chunk as Buffer);
  const fileName = new URL(fetched.url).pathname.split('/').pop() || undefined;
  return { text: Buffer.concat(chunks).toString('utf8'), contentType: fetched.contentType, fileName };
}
