// Where a catalog comes from: a local file, or a URL fetched (through the guarded fetch) into a
// temporary file page by page, following Hydra paging in both styles — hydra:PartialCollectionView
// with hydra:next (Hydra Core) and the older hydra:PagedCollection with hydra:nextPage (as
// EntryScape and many DCAT-AP endpoints still answer); either link is followed on either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FetchError, guardedFetchToFile, type GuardedFetchOptions } from '../../../platform/fetch/index.js';
import { NS } from '../namespaces.js';
import { detectFormat, type RdfFormat, type Triple } from './rdf-parse.js';

export interface SourceDocument {
  /** Where the bytes are (the file itself, or a temporary copy of a page). */
  file: string;
  /** How errors name it: the path as given, or the page URL. */
  name: string;
  baseIri: string;
  format: RdfFormat;
  /** Distinguishes blank nodes of different pages. */
  documentKey: string;
}

/** The source could not be read at all (missing file, refused or failed fetch): one line. */
export class SourceError extends Error {
  override name = 'SourceError';
}

export const isUrl = (input: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim());

/**
 * How imports of the same source find each other: 'url:<URL>' or 'file:<file name>', within one
 * organisation when everything goes into one ('org:<id> file:…'), so two organisations importing
 * files of the same name never share blank-node identities.
 */
export function sourceIdOf(input: string, displayName?: string, organizationId?: string): string {
  const source = isUrl(input) ? `url:${input.trim()}` : `file:${path.basename(displayName ?? input)}`;
  return organizationId ? `org:${organizationId} ${source}` : source;
}

const MAX_PAGES = 10_000;
const HEAD_BYTES = 4096;
const NEXT = new Set([`${NS.hydra}next`, `${NS.hydra}nextPage`]);

async function headOf(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Collects hydra:next / hydra:nextPage links while a page is parsed; picks the page's own. */
export class NextLinks {
  private readonly links: { from: string; to: string }[] = [];

  see(triple: Triple): void {
    if (NEXT.has(triple.p) && triple.o.type === 'iri') this.links.push({ from: triple.s, to: triple.o.value });
  }

  /** The next page of `pageUrl` (a link from the page itself wins, else the first one seen). */
  pick(pageUrls: string[]): string | undefined {
    return (this.links.find((l) => pageUrls.includes(l.from)) ?? this.links[0])?.to;
  }
}

export interface ReadOptions {
  fetch: GuardedFetchOptions;
  /** For a file: the name the user knows it by (an upload's file name). */
  displayName?: string;
  /** For a file: its Content-Type, when known (uploads). */
  contentType?: string;
}

/**
 * Reads every document of a source in order and hands each to `onDocument`, which parses it and
 * answers the next page's URL (URLs only). Returns the documents, whose files stay until `cleanup`.
 */
export async function readSource(input: string, options: ReadOptions, onDocument: (document: SourceDocument) => Promise<string | undefined>): Promise<{ documents: SourceDocument[]; cleanup: () => Promise<void> }> {
  const documents: SourceDocument[] = [];
  if (!isUrl(input)) {
    const file = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      throw new SourceError(`${options.displayName ?? input}: no such file`);
    }
    if (!stat.isFile()) throw new SourceError(`${options.displayName ?? input}: not a file`);
    const name = options.displayName ?? input;
    const document: SourceDocument = { file, name, baseIri: pathToFileURL(file).toString(), format: detectFormat({ contentType: options.contentType, name, head: await headOf(file) }), documentKey: '0' };
    documents.push(document);
    await onDocument(document);
    return { documents, cleanup: async () => undefined };
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'allmanning-import-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const visited = new Set<string>();
    let next: string | undefined = input.trim();
    while (next && !visited.has(next) && documents.length < MAX_PAGES) {
      visited.add(next);
      const file = path.join(dir, `page-${documents.length + 1}`);
      let fetched: Awaited<ReturnType<typeof guardedFetchToFile>>;
      try {
        fetched = await guardedFetchToFile(next, file, {
          ...options.fetch,
          headers: { accept: 'text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.8, */*;q=0.1', ...(options.fetch.headers ?? {}) },
        });
      } catch (error) {
        if (error instanceof FetchError) throw new SourceError(error.message);
        throw error;
      }
      const document: SourceDocument = {
        file,
        name: fetched.url,
        baseIri: fetched.url,
        format: detectFormat({ contentType: fetched.contentType, name: new URL(fetched.url).pathname, head: await headOf(file) }),
        documentKey: String(documents.length),
      };
      documents.push(document);
      const link = await onDocument(document);
      next = link ? new URL(link, fetched.url).toString() : undefined;
    }
    return { documents, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
