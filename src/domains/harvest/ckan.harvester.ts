// Reads a CKAN portal through `package_search` (rows/start paging, sorted by metadata_created so a
// package created meanwhile lands at the end and none is seen twice or skipped) and writes each
// package through the catalog's import writer — the same identity (IRI, else `id:<package id>` in
// this source), hashes, revisions, activity and events as a DCAT import. A package whose hash (its
// mapped input, the mapping version and the organisation) equals the stored one is unchanged and
// not written; one page is written in one transaction, so a process killed between pages leaves
// whole pages behind, and the next run finds them unchanged.
import { createHash } from 'node:crypto';
import { FetchError, guardedFetch } from '../../platform/fetch/index.js';
import { newId } from '../../platform/ids.js';
import type { CatalogImportWriter, DatasetMetadata, DistributionMetadata, ImportItem, ImportWarning } from '../catalog/index.js';
import { mapCkanPackage, stableUuid, type CkanPackage } from './ckan.mapping.js';

/** Bump when the mapping changes what a package becomes: the next run rewrites every dataset once. */
export const CKAN_MAPPING_VERSION = 1;
export const CKAN_PAGE_ROWS = 1000;
const MAX_PAGES = 10_000;

export interface HarvestTotals {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface HarvestOutcome extends HarvestTotals {
  errors: string[];
  /** Source keys of every dataset the source has now (for withdrawal); null when not read to the end. */
  seen: Set<string> | null;
}

export interface CkanHarvestRequest {
  portal: string;
  organizationId: string;
  sourceId: string;
  runId: string;
  writer: CatalogImportWriter;
  fetch: { allowPrivate: readonly string[]; maxBytes: number; timeoutMs: number };
  rows?: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((totals: HarvestTotals) => void) | undefined;
  addError: (message: string) => void;
}

/** A fault of the source (unreadable, refused, not CKAN): the run's result, not a crash. */
export class CkanSourceError extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Sorts asked for, in order: the oldest first keeps pages stable while packages are added; a portal
 * that refuses it (not every CKAN-compatible API sorts by creation ascending) is read by name.
 */
export const CKAN_SORTS = ['metadata_created asc', 'name asc'] as const;

export function packageSearchUrl(portal: string, rows: number, start: number, sort: string = CKAN_SORTS[0]): string {
  const url = new URL(`${portal.replace(/\/+$/, '')}/api/3/action/package_search`);
  url.searchParams.set('q', '*:*');
  url.searchParams.set('rows', String(rows));
  url.searchParams.set('start', String(start));
  url.searchParams.set('sort', sort);
  return url.toString();
}

async function readPage(url: string, options: CkanHarvestRequest['fetch']): Promise<{ count: number; results: CkanPackage[] }> {
  let text: string;
  try {
    const { body, status } = await guardedFetch(url, { ...options, headers: { accept: 'application/json' } });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
    if (status !== 200) throw new CkanSourceError(`${url}: HTTP ${status}`);
  } catch (error) {
    if (error instanceof FetchError) throw new CkanSourceError(error.message);
    throw error;
  }
  let parsed: { success?: boolean; result?: { count?: number; results?: CkanPackage[] }; error?: { message?: string } };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new CkanSourceError(`${url}: not a CKAN answer (not JSON)`);
  }
  if (parsed.success !== true || !parsed.result || !Array.isArray(parsed.result.results)) throw new CkanSourceError(`${url}: not a CKAN package_search answer${parsed.error?.message ? ` (${parsed.error.message})` : ''}`);
  return { count: Number(parsed.result.count ?? 0), results: parsed.result.results };
}

export async function harvestCkan(request: CkanHarvestRequest): Promise<HarvestOutcome> {
  const { writer, organizationId, sourceId } = request;
  const rows = request.rows ?? CKAN_PAGE_ROWS;
  const totals: HarvestTotals = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const seen = new Set<string>();
  const seenIds = new Set<string>();
  let start = 0;
  // The next page is fetched while this one is written (the portal's time and ours overlap).
  let sort: string = CKAN_SORTS[0];
  const fetchPage = (from: number) => {
    const pending = readPage(packageSearchUrl(request.portal, rows, from, sort), request.fetch);
    pending.catch(() => undefined);
    return pending;
  };
  let next: ReturnType<typeof fetchPage> | undefined = fetchPage(0);
  try {
    await next;
  } catch (error) {
    if (!(error instanceof CkanSourceError)) throw error;
    sort = CKAN_SORTS[1];
    next = fetchPage(0);
    // Neither sort answered: the first one's error is the run's.
    await next.catch(() => {
      throw error;
    });
  }
  for (let page = 0; next; page++) {
    request.signal?.throwIfAborted();
    if (page >= MAX_PAGES) throw new CkanSourceError(`more than ${MAX_PAGES} pages of package_search`);
    const { count, results }: { count: number; results: CkanPackage[] } = await next;
    if (!results.length) break;
    start += results.length;
    next = start < count ? fetchPage(start) : undefined;
    const packages = results.filter((pkg) => pkg && typeof pkg.id === 'string' && typeof pkg.name === 'string' && !seenIds.has(pkg.id) && seenIds.add(pkg.id) && (pkg.type ?? 'dataset') === 'dataset' && pkg.private !== true && (pkg.state ?? 'active') === 'active');
    const mapped = packages.map((pkg) => mapCkanPackage(pkg, request.portal));
    for (const m of mapped) seen.add(m.iri ?? m.key);
    const existing = await writer.lookup('dataset', sourceId, mapped.filter((m) => !m.iri).map((m) => m.key), mapped.filter((m) => m.iri).map((m) => m.iri!));
    const byIri = new Map(existing.filter((e) => e.sourceIri).map((e) => [e.sourceIri!, e]));
    const byKey = new Map(existing.filter((e) => e.sourceId === sourceId && e.sourceKey).map((e) => [e.sourceKey!, e]));
    const items: ImportItem[] = [];
    for (const m of mapped) {
      const found = (m.iri ? byIri.get(m.iri) : undefined) ?? byKey.get(m.key);
      const hash = sha256(JSON.stringify([CKAN_MAPPING_VERSION, organizationId, m.key, m.iri, m.input, m.distributions]));
      if (found && found.organizationId !== organizationId) {
        totals.failed += 1;
        request.addError(`${m.title}: already in the catalog under another organisation`);
        continue;
      }
      if (found?.deleted) {
        totals.failed += 1;
        request.addError(`${m.title}: deleted here; not brought back`);
        continue;
      }
      if (found && found.importHash === hash && found.sourceId === sourceId) {
        totals.unchanged += 1;
        continue;
      }
      const { metadata, problems } = writer.normalize('dataset', m.input);
      if (!metadata.title.sv && !metadata.title.en) {
        totals.failed += 1;
        request.addError(`${m.key}: no title`);
        continue;
      }
      const id = found?.id ?? newId();
      const distributions = m.distributions.map((d, position) => ({ id: stableUuid(`${id}\n${d.key}`), position, metadata: writer.normalizeDistribution(d.input).metadata as DistributionMetadata }));
      const readiness = writer.readiness('dataset', metadata, false, distributions.map((d) => d.metadata));
      const warnings: ImportWarning[] = [
        ...Object.entries(problems).map(([field, messages]) => ({ field, property: field, message: messages[0] ?? 'invalid' })),
        ...readiness.missing.map(({ field, property, message }) => ({ field, property, message })),
      ];
      items.push({
        kind: 'dataset',
        id,
        existing: found,
        organizationId,
        sourceIri: m.iri,
        sourceId,
        sourceKey: m.iri ?? m.key,
        metadata: metadata as DatasetMetadata,
        distributions,
        hvd: false,
        importHash: hash,
        warnings,
      });
    }
    if (items.length) await writer.write(items, { harvestRun: request.runId, source: request.portal });
    for (const item of items) totals[item.existing ? 'updated' : 'created'] += 1;
    request.onProgress?.({ ...totals });
  }
  return { ...totals, errors: [], seen };
}
