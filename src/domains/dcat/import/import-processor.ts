// Mapped resources → catalog writes, a batch at a time. For each: its identity (source IRI, else
// dct:identifier, else a hash of source, publisher and title), its organisation (--org, else its
// publisher), the catalog's normaliser, stable distribution ids, a hash of the normalised metadata
// (equal to the stored one → unchanged, nothing written), the publish rules as warnings, and its
// line in the report. Datasets are written as they stream by; series and data services (which
// datasets point at and which serve datasets) at the end, with ids reserved when first referenced.
//
// The stored import hash is `<source fingerprint>:<metadata hash>`: a dataset with an IRI whose
// fingerprint (source-hash.ts: what the source says about it, before any mapping) equals the stored
// one is unchanged without being mapped at all — what makes reading an unchanged catalog again fast.
import { createHash } from 'node:crypto';
import { HVD_LEGISLATION_IRI, type CatalogImportWriter, type DatasetMetadata, type DistributionMetadata, type ImportItem, type ImportedRef, type LangText } from '../../catalog/index.js';
import { newId } from '../../../platform/ids.js';
import type { FailureReason, ImportTotals, ReportItem, ReportWarning } from './import.report.js';
import type { ReportCollector } from './report-collector.js';
import type { PublisherInfo, PublisherResolution } from './publishers.js';
import { identifiedByIri, publisherInfo } from './publishers.js';
import type { RdfGraph, RootKind } from './rdf-graph.js';
import { ResourceMapper, type MappedResource, type Notes } from './rdf-mapping.js';
import type { Term } from './rdf-parse.js';
import { NS } from '../namespaces.js';
import { sourceHash } from './source-hash.js';

/**
 * Part of every import hash: bump it when the mapping or the catalog's normaliser changes what a
 * source becomes, so the next import writes every resource once more.
 */
export const MAPPING_VERSION = 2;
const MAX_WAITING = 5000;
/** Publishers named by dataportal.se's IRI with the organisation number need no description. */
const needless = (predicate: string, iri: string) => predicate === `${NS.dct}publisher` && identifiedByIri(iri);
const UUID = /\/distributions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export interface ProcessorContext {
  writer: CatalogImportWriter;
  sourceId: string;
  runId: string;
  source: string;
  /** Everything into this organisation (--org, the import page). */
  organizationId: string | undefined;
  resolvePublisher: (info: PublisherInfo) => Promise<PublisherResolution>;
  totals: ImportTotals;
  collector: ReportCollector;
  onProgress?: ((totals: ImportTotals) => void) | undefined;
}

interface Identity {
  key: string;
  iri: string | null;
  /** The id in the catalog once known (existing, or reserved for a new one). */
  id?: string;
  /** What the catalog holds, while it is needed (dropped once written, to keep memory flat). */
  existing?: ImportedRef | undefined;
  /** Written or unchanged in this run: a data service may serve it. */
  present?: boolean;
  /** Read again later (a second read): look it up again. */
  stale?: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The metadata part of a stored import hash (older imports stored only that). */
const metadataHashOf = (stored: string | null | undefined) => stored?.slice(stored.indexOf(':') + 1);
/** The source-fingerprint part of a stored import hash, if it has one. */
const sourceHashOf = (stored: string | null | undefined) => (stored?.includes(':') ? stored.slice(0, stored.indexOf(':')) : undefined);

/** The title a report line shows for a dataset that was not mapped (Swedish, else untagged, else any). */
function titleInSource(graph: RdfGraph, node: string): string {
  const titles = graph.values(node, `${NS.dct}title`).filter((t) => t.type === 'literal');
  const pick = titles.find((t) => t.type === 'literal' && t.lang.startsWith('sv')) ?? titles.find((t) => t.type === 'literal' && t.lang === '') ?? titles[0];
  return pick?.value.trim() ?? '';
}

/** A UUID-shaped id from a hash (version 8: custom), so the same source gives the same id. */
function stableUuid(text: string): string {
  const h = sha256(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const titleOf = (input: Record<string, unknown>) => {
  const title = input.title as LangText | undefined;
  return title?.sv ?? title?.en ?? '';
};

interface Entry {
  resource: MappedResource;
  /** The root's stable key (see RdfGraph.stableKey). */
  stable: string;
  publisher: PublisherInfo | undefined;
  /** Unchanged datasets just before this one in the source: their report lines go first. */
  precededBy?: UnchangedLine[];
}

interface UnchangedLine {
  node: string;
  report: ReportItem;
}

export class ImportProcessor {
  /** Per kind, by the root's stable key (its IRI, or '#n' for a blank node). */
  private readonly identities: Record<RootKind, Map<string, Identity>> = { dataset: new Map(), dataService: new Map(), series: new Map() };
  private readonly usedKeys = new Map<string, number>();
  private readonly deferred: Entry[] = [];
  /** Datasets handed on before everything they refer to was read: written at the end. */
  private readonly waiting: Entry[] = [];
  private readonly publishers = new Map<string, PublisherInfo | undefined>();
  private catalogPublisherTerm: Term | undefined;
  /** Source fingerprints of datasets being processed, by node (dropped once written). */
  private readonly sourceHashes = new Map<string, string>();
  private catalogSearchedAt = -1;

  constructor(private readonly ctx: ProcessorContext) {}

  /** Identity of a root, decided once per run (the first time it is mapped or referenced). */
  private identity(graph: RdfGraph, kind: RootKind, node: string, resource?: MappedResource): Identity {
    const stable = graph.stableKey(node);
    const known = this.identities[kind].get(stable);
    if (known) return known;
    const mapped = resource ?? new ResourceMapper(graph).map(kind, node);
    let key: string;
    if (mapped.iri) key = mapped.iri;
    else {
      const base = mapped.identifier ? `id:${mapped.identifier}` : `hash:${sha256([this.ctx.sourceId, mapped.publisher ? (publisherInfo(graph, mapped.publisher)?.key ?? '') : '', titleOf(mapped.input)].join('\n'))}`;
      const seen = this.usedKeys.get(`${kind} ${base}`) ?? 0;
      this.usedKeys.set(`${kind} ${base}`, seen + 1);
      key = seen ? `${base}#${seen + 1}` : base;
    }
    const identity: Identity = { key, iri: mapped.iri ?? null };
    this.identities[kind].set(stable, identity);
    return identity;
  }

  /** Existing rows for identities without an id yet (one or two queries per kind). */
  private async resolveIds(kind: RootKind, identities: Identity[]): Promise<void> {
    const open = identities.filter((i) => !i.id || i.stale);
    if (!open.length) return;
    const found = await this.ctx.writer.lookup(kind, this.ctx.sourceId, open.filter((i) => !i.iri).map((i) => i.key), open.filter((i) => i.iri).map((i) => i.iri!));
    const byIri = new Map(found.filter((r) => r.sourceIri).map((r) => [r.sourceIri!, r]));
    const byKey = new Map(found.filter((r) => r.sourceId === this.ctx.sourceId && r.sourceKey).map((r) => [r.sourceKey!, r]));
    for (const identity of open) {
      identity.existing = (identity.iri ? byIri.get(identity.iri) : undefined) ?? byKey.get(identity.key);
      identity.id = identity.existing?.id ?? identity.id ?? newId();
      identity.stale = false;
    }
  }

  /** The catalog id a reference to another root resolves to (reserved now if it is new). */
  private async referenceId(graph: RdfGraph, kind: RootKind, node: string): Promise<string> {
    const identity = this.identity(graph, kind, node);
    await this.resolveIds(kind, [identity]);
    return identity.id!;
  }

  /** Maps roots the graph handed on; datasets are processed now, the rest kept for `finish`. */
  async add(graph: RdfGraph, roots: string[], only?: Set<string>): Promise<void> {
    const mapper = new ResourceMapper(graph);
    const datasets: Entry[] = [];
    // A second read (`only`) is of roots described in parts: they take the full path.
    const unchanged = only ? new Map<string, ReportItem>() : await this.unchangedDatasets(graph, roots);
    // Report lines stay in document order: unchanged ones ride along with the next written dataset.
    let unreported: UnchangedLine[] = [];
    for (const node of roots) {
      const kind = graph.kindOf(node);
      const unchangedReport = unchanged.get(node);
      if (unchangedReport) {
        unreported.push({ node, report: unchangedReport });
        continue;
      }
      if (!kind || (only && !only.has(graph.stableKey(node)))) continue;
      const resource = mapper.map(kind, node);
      const publisherTerm = resource.publisher ?? this.catalogPublisher(graph);
      const entry: Entry = { resource, stable: graph.stableKey(node), publisher: publisherTerm ? this.publisherOf(graph, publisherTerm) : undefined };
      this.identity(graph, kind, node, resource);
      // References become ids now, while the graph still holds what they point at.
      if (kind === 'dataset') {
        if (typeof resource.input.seriesId === 'string') resource.input.seriesId = await this.referenceId(graph, 'series', resource.input.seriesId);
        for (const d of resource.distributions) {
          if (Array.isArray(d.input.accessServiceIds)) d.input.accessServiceIds = await Promise.all((d.input.accessServiceIds as string[]).map((s) => this.referenceId(graph, 'dataService', s)));
        }
        // Pointing at a distribution (contact, publisher …) not read yet: if it comes, the
        // dataset is read again; written now it would be written twice on every import.
        if (!only && graph.waitsForReferences(node, needless)) this.waiting.push(entry);
        else {
          if (unreported.length) entry.precededBy = unreported;
          unreported = [];
          datasets.push(entry);
        }
      } else {
        if (Array.isArray(resource.input.servesDatasetIds)) {
          // Kept as the datasets' stable keys until the end, when their ids are known.
          resource.input.servesDatasetIds = (resource.input.servesDatasetIds as string[]).map((d) => {
            this.identity(graph, 'dataset', d);
            return graph.stableKey(d);
          });
        }
        this.deferred.push(entry);
      }
    }
    // Waiting is bounded: past MAX_WAITING the oldest are written anyway (a second read then
    // updates them should their references turn up).
    while (this.waiting.length > MAX_WAITING) datasets.push(...this.waiting.splice(0, 500));
    if (datasets.length) await this.process('dataset', datasets);
    for (const line of unreported) this.ctx.collector.add(line.node, line.report);
    if (unchanged.size) this.ctx.onProgress?.(this.ctx.totals);
  }

  /**
   * Datasets with an IRI whose source fingerprint is the one stored at their last import (same
   * organisation, not deleted here): reported unchanged now, without mapping. The others keep the
   * fingerprint for `process`, which stores it with what it writes.
   */
  private async unchangedDatasets(graph: RdfGraph, roots: string[]): Promise<Map<string, ReportItem>> {
    const { ctx } = this;
    const candidates: { node: string; identity: Identity; hash: string; publisher: Term | undefined }[] = [];
    for (const node of roots) {
      if (graph.kindOf(node) !== 'dataset' || node.startsWith('_:') || this.identities.dataset.has(node)) continue;
      if (graph.waitsForReferences(node, needless)) continue;
      const publisher = graph.values(node, `${NS.dct}publisher`)[0] ?? this.catalogPublisher(graph);
      const hash = sourceHash(graph, node, [String(MAPPING_VERSION), ctx.organizationId ?? '', publisher ? `${publisher.type} ${publisher.value}` : '']);
      // For a root with an IRI the identity is its IRI, the same one `identity()` gives it.
      const identity: Identity = { key: node, iri: node };
      this.identities.dataset.set(node, identity);
      this.sourceHashes.set(node, hash);
      candidates.push({ node, identity, hash, publisher });
    }
    const unchanged = new Map<string, ReportItem>();
    if (!candidates.length) return unchanged;
    await this.resolveIds('dataset', candidates.map((c) => c.identity));
    for (const { node, identity, hash, publisher } of candidates) {
      const existing = identity.existing;
      if (!existing || existing.deleted || sourceHashOf(existing.importHash) !== hash) continue;
      let organizationId = ctx.organizationId;
      if (!organizationId) {
        const info = publisher ? this.publisherOf(graph, publisher) : undefined;
        if (!info) continue;
        try {
          organizationId = (await ctx.resolvePublisher(info)).organizationId;
        } catch {
          continue;
        }
      }
      if (existing.organizationId !== organizationId) continue;
      this.sourceHashes.delete(node);
      ctx.totals.distributions += graph.values(node, `${NS.dcat}distribution`).length;
      identity.present = true;
      identity.existing = undefined;
      identity.stale = true;
      unchanged.set(node, { kind: 'dataset', iri: node, key: identity.key, title: titleInSource(graph, node), action: 'unchanged', slug: existing.slug, warnings: existing.warnings, normalised: [], dropped: [] });
    }
    return unchanged;
  }

  /** What the source says about a publisher, read once per publisher node and run. */
  private publisherOf(graph: RdfGraph, term: Term): PublisherInfo | undefined {
    if (term.type === 'bnode') return publisherInfo(graph, term);
    const key = `${term.type} ${term.value}`;
    if (!this.publishers.has(key)) this.publishers.set(key, publisherInfo(graph, term));
    return this.publishers.get(key);
  }

  /** The dcat:Catalog's publisher, for resources that name none. */
  private catalogPublisher(graph: RdfGraph): Term | undefined {
    // Found once; not found is asked again only after more of the source has been read.
    if (this.catalogPublisherTerm) return this.catalogPublisherTerm;
    if (this.catalogSearchedAt === graph.tripleCount) return undefined;
    this.catalogSearchedAt = graph.tripleCount;
    for (const node of graph.nodes.values()) {
      const publisher = graph.types(node.id).includes(`${NS.dcat}Catalog`) ? graph.values(node.id, `${NS.dct}publisher`)[0] : undefined;
      if (publisher) return (this.catalogPublisherTerm = publisher);
    }
    return undefined;
  }

  /**
   * Writes what was kept for last: datasets that waited for references (unless they are read
   * again: `late`, by stable key), then series and data services.
   */
  async finish(late: ReadonlySet<string> = new Set()): Promise<void> {
    const waiting = this.waiting.filter((e) => !late.has(e.stable));
    this.waiting.length = 0;
    for (let i = 0; i < waiting.length; i += 500) await this.process('dataset', waiting.slice(i, i + 500));
    const series = this.deferred.filter((e) => e.resource.kind === 'series' && !late.has(e.stable));
    const services = this.deferred.filter((e) => e.resource.kind === 'dataService' && !late.has(e.stable));
    this.deferred.length = 0;
    if (series.length) await this.process('series', series);
    if (services.length) await this.process('dataService', services);
  }

  private async process(kind: RootKind, entries: Entry[]): Promise<void> {
    const { ctx } = this;
    const identities = entries.map((e) => this.identities[kind].get(e.stable)!);
    await this.resolveIds(kind, identities);
    const prepared: { item?: ImportItem; report: ReportItem }[] = [];
    const candidates = entries.flatMap((e) => e.resource.distributions.map((d) => (d.iri ? UUID.exec(d.iri)?.[1]?.toLowerCase() : undefined)).filter((id): id is string => Boolean(id)));
    const owners = candidates.length ? await ctx.writer.distributionOwners(candidates) : new Map<string, string>();
    const usedDistributionIds = new Set<string>();
    /** Unchanged resources whose stored import hash lacks this read's source fingerprint. */
    const refreshed = new Map<string, string>();

    for (const [index, entry] of entries.entries()) {
      const { resource } = entry;
      const identity = identities[index]!;
      const fingerprint = this.sourceHashes.get(resource.node);
      this.sourceHashes.delete(resource.node);
      const notes: Notes = resource.notes;
      const report: ReportItem = { kind, iri: resource.iri ?? null, key: identity.key, title: titleOf(resource.input), action: 'failed', warnings: [], normalised: notes.normalised, dropped: notes.dropped };
      prepared.push({ report });
      const fail = (reason: FailureReason) => void (report.error = reason);
      let organizationId = ctx.organizationId;
      if (!organizationId) {
        if (!entry.publisher) {
          fail('no_publisher');
          continue;
        }
        try {
          organizationId = (await ctx.resolvePublisher(entry.publisher)).organizationId;
        } catch {
          fail('publisher_failed');
          continue;
        }
      }
      if (identity.existing && identity.existing.organizationId !== organizationId) {
        fail('other_organization');
        continue;
      }
      if (identity.existing?.deleted) {
        fail('deleted_here');
        continue;
      }
      if (kind === 'dataService') resource.input.servesDatasetIds = this.servedIds(resource, notes);
      // The mapping is deterministic: the same source (and mapping version) gives the same input,
      // so an unchanged resource is recognised before any normalising or writing.
      const metadataHash = sha256(JSON.stringify([MAPPING_VERSION, organizationId, identity.key, identity.iri, resource.input, resource.distributions.map((d) => [d.iri ?? null, d.input])]));
      const importHash = fingerprint ? `${fingerprint}:${metadataHash}` : metadataHash;
      if (kind === 'dataset') ctx.totals.distributions += resource.distributions.length;
      if (identity.existing && metadataHashOf(identity.existing.importHash) === metadataHash) {
        if (identity.existing.importHash !== importHash) refreshed.set(identity.existing.id, importHash);
        report.action = 'unchanged';
        report.slug = identity.existing.slug;
        report.warnings = identity.existing.warnings;
        identity.present = true;
        continue;
      }
      const { metadata, problems } = ctx.writer.normalize(kind, resource.input);
      for (const [field, messages] of Object.entries(problems)) for (const message of messages) notes.dropped.push({ property: field, value: message, reason: 'invalid' });
      if (!metadata.title.sv && !metadata.title.en) {
        fail('no_title');
        continue;
      }
      const distributions = resource.distributions.map((d, position) => {
        const normalized = ctx.writer.normalizeDistribution(d.input);
        for (const [field, messages] of Object.entries(normalized.problems)) for (const message of messages) notes.dropped.push({ property: `dcat:distribution[${position + 1}]/${field}`, value: message, reason: 'invalid' });
        const fromIri = d.iri ? UUID.exec(d.iri)?.[1]?.toLowerCase() : undefined;
        let id = fromIri && (!owners.has(fromIri) || owners.get(fromIri) === identity.id) && !usedDistributionIds.has(fromIri) ? fromIri : stableUuid(`${identity.id}\n${d.iri ?? `#${position}`}`);
        if (usedDistributionIds.has(id)) id = stableUuid(`${identity.id}\n#${position}\n${d.iri ?? ''}`);
        usedDistributionIds.add(id);
        return { id, position, metadata: normalized.metadata as DistributionMetadata };
      });
      const legislation = (metadata as DatasetMetadata).applicableLegislation ?? [];
      const hvd = legislation.includes(HVD_LEGISLATION_IRI) || ((metadata as DatasetMetadata).hvdCategories ?? []).length > 0;
      const readiness = ctx.writer.readiness(kind, metadata as DatasetMetadata, hvd, distributions.map((d) => d.metadata));
      const warnings: ReportWarning[] = [...readiness.missing.map(({ field, property, message }) => ({ field, property, message })), ...(readiness.hvdChecklist ?? []).filter((c) => !c.ok).map((c) => ({ field: `hvd.${c.rule}`, property: 'r5r:applicableLegislation', message: c.message }))];
      report.warnings = warnings;
      report.action = identity.existing ? 'updated' : 'created';
      const item: ImportItem = {
        kind,
        id: identity.id!,
        existing: identity.existing,
        organizationId,
        sourceIri: identity.iri,
        sourceId: ctx.sourceId,
        sourceKey: identity.key,
        metadata,
        ...(kind === 'dataset' ? { distributions } : {}),
        hvd,
        importHash,
        warnings,
      };
      prepared[prepared.length - 1]!.item = item;
    }

    const items = prepared.flatMap((p) => (p.item ? [p.item] : []));
    const slugs = await ctx.writer.write(items, { importRun: ctx.runId, source: ctx.source });
    await ctx.writer.refreshImportHashes(kind, refreshed);
    for (const [index, { item, report }] of prepared.entries()) {
      const identity = identities[index]!;
      if (item) {
        report.slug = slugs.get(item.id);
        identity.present = true;
      }
      // What the catalog holds is looked up again should the resource be read a second time.
      identity.existing = undefined;
      identity.stale = true;
      for (const line of entries[index]!.precededBy ?? []) ctx.collector.add(line.node, line.report);
      ctx.collector.add(entries[index]!.stable, report);
    }
    ctx.onProgress?.(ctx.totals);
  }

  /** Served datasets (by stable key) → ids of datasets that are in the catalog after this run. */
  private servedIds(resource: MappedResource, notes: Notes): string[] {
    const out: string[] = [];
    for (const stable of (resource.input.servesDatasetIds as string[] | undefined) ?? []) {
      const identity = this.identities.dataset.get(stable);
      if (identity?.present && identity.id) out.push(identity.id);
      else notes.dropped.push({ property: 'dcat:servesDataset', value: identity?.iri ? `<${identity.iri}>` : '[ ]', reason: 'not_in_source' });
    }
    return out;
  }
}
