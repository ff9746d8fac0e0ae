// `allmanning import` and the import page: reads a catalog (file or URL, all Hydra pages), streams
// its triples through the graph window, and hands datasets on in batches to the processor, which
// writes them through the catalog's import writer as the operator. Each run is recorded with its
// report. An unreadable or unparsable source ends the run as failed with one line
// (name:line:column: message); anything already written stays (it was valid).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.js';
import { guardedFetch } from '../../../platform/fetch/index.js';
import { newId } from '../../../platform/ids.js';
import type { CatalogImportWriter } from '../../catalog/index.js';
import type { OrganizationService } from '../../organizations/index.js';
import { ImportProcessor, MAPPING_VERSION } from './import-processor.js';
import { isUrl, readSource, sourceIdOf, SourceError, NextLinks, type SourceDocument } from './import-source.js';
import { emptyTotals, storedReport, type ImportReport, type ImportTotals, type ReportItem } from './import.report.js';
import { ReportCollector } from './report-collector.js';
import { importRepository, type ImportRunRow, type ImportRunSummary } from './import.repository.js';
import type { ImportTables } from './import.table.js';
import { publisherResolver } from './publishers.js';
import { RdfGraph } from './rdf-graph.js';
import { parseRdfFile, RdfSyntaxError, type TripleSink } from './rdf-parse.js';

export interface DcatImportDeps {
  db: Kysely<ImportTables>;
  clock: Clock;
  log?: Logger | undefined;
  writer: CatalogImportWriter;
  organizations: OrganizationService;
  config: { fetchAllowPrivate: readonly string[] };
}

export interface ImportRequest {
  /** A file path or an http(s) URL. */
  source: string;
  /** The name people know a file by (an upload's file name). */
  displayName?: string | undefined;
  contentType?: string | undefined;
  /** Everything into this organisation (id or slug); else each publisher's. */
  organization?: string | undefined;
  actorId?: string | null | undefined;
  onProgress?: ((totals: ImportTotals) => void) | undefined;
  /**
   * Every line of the report, in order, once the run is over (the returned report keeps at most
   * MAX_STORED_ITEMS of them, those that need a look first).
   */
  eachItem?: ((item: ReportItem) => void | Promise<void>) | undefined;
  /** Called with the finished report (its status known), before `eachItem` is. */
  onFinished?: ((report: ImportReport) => void) | undefined;
  /**
   * Run into this existing run row (queued by the import page, claimed by the job: import.job.ts)
   * instead of recording a new one; its counts and report are written there.
   */
  runId?: string | undefined;
  /** Stops the run between batches (the job's time limit); it then ends as failed and rethrows. */
  signal?: AbortSignal | undefined;
}

export interface ImportTuning {
  /** Hand a dataset on this many triples after its last one (see rdf-graph.ts). */
  lagTriples: number;
  /** Datasets written per transaction. */
  batchSize: number;
  /** Largest page fetched from a URL. */
  maxBytes: number;
}

export const DEFAULT_TUNING: ImportTuning = { lagTriples: 25_000, batchSize: 500, maxBytes: 512 * 1024 * 1024 };

const CONTEXT_MAX_BYTES = 1024 * 1024;
const contexts = new Map<string, Promise<unknown>>();

/** SHA-256 of a file's bytes and what else decides what importing it gives; undefined if unreadable. */
async function fileHash(file: string, context: readonly (string | number)[]): Promise<string | null> {
  const hash = createHash('sha256').update(JSON.stringify(context));
  try {
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

export function createImportService(deps: DcatImportDeps, tuning: ImportTuning = DEFAULT_TUNING) {
  const { db, clock, writer, organizations } = deps;
  const fetchOptions = { allowPrivate: deps.config.fetchAllowPrivate, maxBytes: tuning.maxBytes };

  /** Remote JSON-LD contexts, fetched under the same rules as the catalog (cached per process). */
  function loadContext(url: string): Promise<unknown> {
    let pending = contexts.get(url);
    if (!pending) {
      pending = (async () => {
        const { body } = await guardedFetch(url, { ...fetchOptions, maxBytes: CONTEXT_MAX_BYTES, headers: { accept: 'application/ld+json, application/json' } });
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(chunk as Buffer);
        return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      })();
      if (contexts.size > 50) contexts.clear();
      contexts.set(url, pending);
      pending.catch(() => contexts.delete(url));
    }
    return pending;
  }

  async function parse(document: SourceDocument, sink: TripleSink): Promise<void> {
    try {
      await parseRdfFile(document.file, { format: document.format, baseIri: document.baseIri, documentKey: document.documentKey, loadContext }, sink);
    } catch (error) {
      if (error instanceof RdfSyntaxError) throw new SourceError(error.lineFor(document.name));
      throw error;
    }
  }

  async function run(request: ImportRequest): Promise<ImportReport> {
    const organization = request.organization ? await organizations.get(request.organization) : undefined;
    const source = request.displayName ?? request.source;
    const sourceId = sourceIdOf(request.source, request.displayName, organization?.id);
    const runId = request.runId ?? newId();
    const startedAt = clock.now().toISOString();
    const contentHash = isUrl(request.source) ? null : await fileHash(request.source, [MAPPING_VERSION, organization?.id ?? '', request.contentType ?? '', request.displayName ?? '']);
    if (request.runId) {
      // A queued run taken by a worker (it is 'running' now): from the start, whatever an earlier attempt left.
      await importRepository.finishRun(db, runId, {
        source_id: sourceId, status: 'running', content_hash: contentHash, error: null, created_count: 0, updated_count: 0, unchanged_count: 0, failed_count: 0, warning_count: 0, report: null, finished_at: null,
      });
    } else {
      await importRepository.insertRun(db, {
        id: runId, organization_id: organization?.id ?? null, source, source_id: sourceId, status: 'running', content_hash: contentHash, error: null,
        created_count: 0, updated_count: 0, unchanged_count: 0, failed_count: 0, warning_count: 0, report: null, created_by: request.actorId ?? null, started_at: startedAt, finished_at: null,
        lease_until: null, attempts: 1,
      });
    }
    const totals = emptyTotals();
    const items: ReportItem[] = [];
    const collector = new ReportCollector(totals, Boolean(request.eachItem));
    const processor = new ImportProcessor({
      writer,
      sourceId,
      runId,
      source,
      organizationId: organization?.id,
      resolvePublisher: publisherResolver({ db, clock, organizations }),
      totals,
      collector,
      onProgress: request.onProgress,
    });
    const report: ImportReport = {
      runId, source, sourceId, pages: 0, formats: [], organization: organization ? { id: organization.id, slug: organization.slug } : null,
      startedAt, finishedAt: startedAt, status: 'succeeded', totals, items,
    };

    // The same file as a successful run before, and every resource it made still here: nothing
    // can differ, so the earlier report is this one's (all unchanged) without reading the file.
    if (contentHash) {
      const previous = await importRepository.latestRunWithContent(db, sourceId, organization?.id ?? null, contentHash);
      const earlier = previous?.report ? (JSON.parse(previous.report) as ImportReport) : undefined;
      if (previous && earlier && previous.created_count + previous.updated_count + previous.unchanged_count === (await writer.countBySource(sourceId))) {
        Object.assign(report, { pages: earlier.pages, formats: earlier.formats, sameAsRun: previous.id, omittedItems: earlier.omittedItems });
        Object.assign(totals, earlier.totals, { created: 0, updated: 0, unchanged: earlier.totals.created + earlier.totals.updated + earlier.totals.unchanged });
        for (const item of earlier.items) items.push(item.action === 'failed' ? item : { ...item, action: 'unchanged' });
        request.onProgress?.(totals);
        await finish(report, 'succeeded');
        request.onFinished?.(report);
        for (const item of items) await request.eachItem?.(item);
        return report;
      }
    }

    /** Hands ready roots to the processor a batch at a time, then forgets them. */
    async function handOn(graph: RdfGraph, final: boolean, only?: Set<string>): Promise<void> {
      request.signal?.throwIfAborted();
      const roots = graph.ready(final);
      for (let i = 0; i < roots.length; i += tuning.batchSize) {
        const batch = roots.slice(i, i + tuning.batchSize);
        await processor.add(graph, batch, only);
        for (const root of batch) graph.release(root);
      }
    }

    let cleanup: () => Promise<void> = async () => undefined;
    let failure: unknown;
    try {
      let graph = new RdfGraph({ lagTriples: tuning.lagTriples, minPending: tuning.batchSize });
      let sinceCheck = 0;
      const read = await readSource(request.source, { fetch: fetchOptions, displayName: request.displayName, contentType: request.contentType }, async (document) => {
        report.pages += 1;
        if (!report.formats.includes(document.format)) report.formats.push(document.format);
        const next = new NextLinks();
        await parse(document, (triple) => {
          next.see(triple);
          graph.add(triple);
          if (++sinceCheck >= 5000 && graph.pendingCount >= tuning.batchSize * 2) {
            sinceCheck = 0;
            return handOn(graph, false);
          }
          return undefined;
        });
        return next.pick([document.baseIri, request.source]);
      });
      cleanup = read.cleanup;
      await handOn(graph, true);
      // Roots described again after they were handed on: read everything once more, keep those.
      const late = graph.lateKeys();
      await processor.finish(late);
      if (late.size) {
        deps.log?.info({ late: late.size }, 'import: resources described in parts far apart; reading the source again for them');
        graph = new RdfGraph();
        for (const document of read.documents) await parse(document, (triple) => graph.add(triple));
        await handOn(graph, true, late);
        await processor.finish();
      }
    } catch (error) {
      // An unreadable source is the run's result; anything else is a fault to report upwards.
      report.status = 'failed';
      report.error = error instanceof SourceError ? error.message : error instanceof Error ? error.message.split('\n')[0]! : String(error);
      if (!(error instanceof SourceError)) failure = error;
    } finally {
      await cleanup();
      collector.finish();
      items.push(...collector.items());
      const omitted = collector.total - items.length;
      if (omitted > 0) report.omittedItems = omitted;
    }
    try {
      await finish(report, report.status, report.error);
      if (failure) throw failure;
      request.onFinished?.(report);
      if (request.eachItem) for await (const item of collector.all()) await request.eachItem(item);
    } finally {
      await collector.close();
    }
    return report;
  }

  async function finish(report: ImportReport, status: 'succeeded' | 'failed', error?: string): Promise<void> {
    report.finishedAt = clock.now().toISOString();
    report.status = status;
    if (error) report.error = error;
    const { totals } = report;
    await importRepository.finishRun(db, report.runId, {
      status,
      error: error ?? null,
      created_count: totals.created,
      updated_count: totals.updated,
      unchanged_count: totals.unchanged,
      failed_count: totals.failed,
      warning_count: totals.withWarnings,
      report: JSON.stringify(storedReport(report)),
      finished_at: report.finishedAt,
    });
  }

  return {
    run,
    /** The newest runs into an organisation. */
    runsOf: (organizationId: string, limit = 20): Promise<ImportRunSummary[]> => importRepository.runsOf(db, organizationId, limit),
    /** One run with its stored report. */
    async runOf(runId: string): Promise<{ row: ImportRunRow; report: ImportReport | null } | undefined> {
      const row = await importRepository.findRun(db, runId);
      return row ? { row, report: row.report ? (JSON.parse(row.report) as ImportReport) : null } : undefined;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
