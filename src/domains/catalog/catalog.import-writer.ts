// Batched writes for imports (src/domains/dcat/import): the operator publishes what a source
// describes, many resources per transaction, writing the same rows the resource engine writes —
// the resource row (published, with its import identity, hash and warnings), its relations
// (distributions, series column, served datasets), a catalog_revision (snapshot + field diff), an
// activity record, and `catalog.resourceChanged` after commit. The engine's per-resource path costs
// three transactions and a dozen queries per dataset; this one costs a few statements per batch.
// Values go through the same normaliser (catalog.fields.ts) and readiness rules as the engine's.
import type { Kysely } from 'kysely';
import { asPlatformDb } from '../../db/database.js';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import { inTransaction, type EventBus } from '../../platform/events/index.js';
import { newId } from '../../platform/ids.js';
import { swedishSortKey } from '../../platform/swedish-sort.js';
import { applyFields, dataServiceFields, datasetFields, distributionFields, seriesFields, type FieldSpec, type Problems } from './catalog.fields.js';
import {
  emptyDataServiceMetadata,
  emptyDatasetMetadata,
  emptyDistributionMetadata,
  emptySeriesMetadata,
  type DataServiceMetadata,
  type DatasetMetadata,
  type DatasetSeriesMetadata,
  type DistributionMetadata,
  type LangText,
  type ResourceKind,
} from './catalog.model.js';
import { catalogRepository, type DistributionRow, type ResourceRow } from './catalog.repository.js';
import { tableOfKind, type CatalogTables } from './catalog.table.js';
import { dataServiceReadiness, datasetReadiness, seriesReadiness, type Readiness } from './readiness.js';
import { slugify } from './resource.engine.js';
import { diffSnapshots, type DistributionSnapshot, type ResourceSnapshot } from './revision-diff.js';

export interface ImportWriterDeps {
  db: Kysely<CatalogTables>;
  clock: Clock;
  events: EventBus<AppEvents>;
}

/** A resource an earlier import wrote (or a local one with the same IRI). */
export interface ImportedRef {
  id: string;
  kind: ResourceKind;
  organizationId: string;
  slug: string;
  revision: number;
  importHash: string | null;
  sourceIri: string | null;
  sourceId: string | null;
  sourceKey: string | null;
  deleted: boolean;
  /** The warnings stored with it (for the report of an unchanged resource). */
  warnings: ImportWarning[];
}

/** What would block a local publish, kept on the resource and in the report. */
export interface ImportWarning {
  field: string;
  property: string;
  /** Message key (catalog.readiness.*, catalog.hvd.*). */
  message: string;
}

export interface ImportItem {
  kind: ResourceKind;
  id: string;
  existing?: ImportedRef | undefined;
  organizationId: string;
  sourceIri: string | null;
  sourceId: string;
  sourceKey: string;
  metadata: { title: LangText };
  /** Datasets: the distributions, in order. */
  distributions?: DistributionSnapshot[];
  hvd: boolean;
  importHash: string;
  warnings: ImportWarning[];
}

type Metadata = DatasetMetadata | DataServiceMetadata | DatasetSeriesMetadata;

const SPECS: Record<ResourceKind, { spec: FieldSpec<never>; empty: () => Metadata }> = {
  dataset: { spec: datasetFields as FieldSpec<never>, empty: emptyDatasetMetadata },
  dataService: { spec: dataServiceFields as FieldSpec<never>, empty: emptyDataServiceMetadata },
  series: { spec: seriesFields as FieldSpec<never>, empty: emptySeriesMetadata },
};

const CHUNK = 200;
const chunks = <T>(list: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const REF_COLUMNS = ['id', 'organization_id', 'slug', 'revision', 'import_hash', 'source_iri', 'source_id', 'source_key', 'warnings', 'deleted_at'] as const;
type RefRow = Pick<ResourceRow, (typeof REF_COLUMNS)[number]>;

function refOf(kind: ResourceKind, row: RefRow): ImportedRef {
  return {
    id: row.id,
    kind,
    organizationId: row.organization_id,
    slug: row.slug,
    revision: row.revision,
    importHash: row.import_hash ?? null,
    sourceIri: row.source_iri ?? null,
    sourceId: row.source_id ?? null,
    sourceKey: row.source_key ?? null,
    deleted: row.deleted_at !== null,
    warnings: row.warnings ? (JSON.parse(row.warnings) as ImportWarning[]) : [],
  };
}

export function createCatalogImportWriter(deps: ImportWriterDeps) {
  const { db, clock, events } = deps;

  /**
   * Free slugs for new resources of a kind: each title's slug, else its first free "-n" (as the
   * engine's slugFor, with one query for the exact slugs and one per slug already taken).
   */
  async function slugsFor(trx: Kysely<CatalogTables>, kind: ResourceKind, titles: string[]): Promise<string[]> {
    const table = tableOfKind[kind];
    const bases = titles.map((title) => slugify(title));
    const taken = new Set<string>();
    for (const part of chunks([...new Set(bases)], 500)) {
      for (const row of await trx.selectFrom(table).select('slug').where('slug', 'in', part).execute()) taken.add(row.slug);
    }
    const numbered = new Set<string>();
    const out: string[] = [];
    for (const base of bases) {
      if (!taken.has(base)) {
        taken.add(base);
        out.push(base);
        continue;
      }
      if (!numbered.has(base)) {
        numbered.add(base);
        for (const row of await trx.selectFrom(table).select('slug').where('slug', 'like', `${base}-%`).execute()) taken.add(row.slug);
      }
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      taken.add(`${base}-${n}`);
      out.push(`${base}-${n}`);
    }
    return out;
  }

  function snapshotOf(item: ImportItem, slug: string, visibility: 'public' | 'private'): ResourceSnapshot<Metadata> {
    return {
      slug,
      status: 'published',
      visibility,
      hvd: item.hvd,
      deleted: false,
      metadata: item.metadata as Metadata,
      ...(item.kind === 'dataset' ? { distributions: item.distributions ?? [] } : {}),
    };
  }

  function distributionRows(item: ImportItem, nowIso: string, before: Map<string, DistributionRow>): DistributionRow[] {
    return (item.distributions ?? []).map((d, position) => {
      const old = before.get(d.id);
      const metadata = JSON.stringify(d.metadata);
      const changed = !old || old.metadata !== metadata || old.position !== position;
      return { id: d.id, dataset_id: item.id, position, metadata, file_sha256: null, created_at: old?.created_at ?? nowIso, updated_at: changed ? nowIso : old.updated_at };
    });
  }

  return {
    /** The catalog's normaliser over one resource's input (codes → IRIs, licences canonical …). */
    normalize(kind: ResourceKind, input: Record<string, unknown>): { metadata: Metadata; problems: Problems } {
      const problems: Problems = {};
      const { spec, empty } = SPECS[kind];
      return { metadata: applyFields(spec, empty() as never, input, problems) as Metadata, problems };
    },

    normalizeDistribution(input: Record<string, unknown>): { metadata: DistributionMetadata; problems: Problems } {
      const problems: Problems = {};
      return { metadata: applyFields(distributionFields, emptyDistributionMetadata(), input, problems), problems };
    },

    /** What would block publishing this here (readiness.ts), as for a local resource. */
    readiness(kind: ResourceKind, metadata: Metadata, hvd: boolean, distributions: DistributionMetadata[] = [], dataServices: DataServiceMetadata[] = []): Readiness {
      if (kind === 'dataset') return datasetReadiness({ metadata: metadata as DatasetMetadata, hvd, distributions, dataServices });
      if (kind === 'dataService') return dataServiceReadiness(metadata as DataServiceMetadata, hvd);
      return seriesReadiness(metadata as DatasetSeriesMetadata);
    },

    /** Resources of a kind known by these source keys (in `sourceId`) or IRIs (anywhere). */
    async lookup(kind: ResourceKind, sourceId: string, keys: string[], iris: string[]): Promise<ImportedRef[]> {
      const table = tableOfKind[kind];
      const rows: RefRow[] = [];
      for (const part of chunks([...new Set(keys)], 500)) {
        rows.push(...((await db.selectFrom(table).select([...REF_COLUMNS]).where('source_id', '=', sourceId).where('source_key', 'in', part).execute()) as RefRow[]));
      }
      for (const part of chunks([...new Set(iris)], 500)) {
        rows.push(...((await db.selectFrom(table).select([...REF_COLUMNS]).where('source_iri', 'in', part).execute()) as RefRow[]));
      }
      const seen = new Set<string>();
      return rows.filter((row) => !seen.has(row.id) && seen.add(row.id)).map((row) => refOf(kind, row));
    },

    /** Every resource of a kind an import source has in the catalog (deleted ones too): identity and state only. */
    async refsOfSource(kind: ResourceKind, sourceId: string): Promise<{ id: string; organizationId: string; sourceIri: string | null; sourceKey: string | null; deleted: boolean; published: boolean }[]> {
      const rows = await db.selectFrom(tableOfKind[kind]).select(['id', 'organization_id', 'source_iri', 'source_key', 'deleted_at', 'status']).where('source_id', '=', sourceId).execute();
      return rows.map((row) => ({ id: row.id, organizationId: row.organization_id, sourceIri: row.source_iri ?? null, sourceKey: row.source_key ?? null, deleted: row.deleted_at !== null, published: row.status === 'published' }));
    },

    /** How many resources (not deleted) an import source has in the catalog. */
    async countBySource(sourceId: string): Promise<number> {
      let total = 0;
      for (const table of Object.values(tableOfKind)) {
        const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', sourceId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
        total += Number(row.n);
      }
      return total;
    },

    /** Which dataset each of these distribution ids belongs to, for those that exist. */
    async distributionOwners(ids: string[]): Promise<Map<string, string>> {
      const owners = new Map<string, string>();
      for (const part of chunks([...new Set(ids)], 500)) {
        for (const row of await db.selectFrom('distribution').select(['id', 'dataset_id']).where('id', 'in', part).execute()) owners.set(row.id, row.dataset_id);
      }
      return owners;
    },

    /**
     * Stores new import hashes of unchanged resources (the source's fingerprint was missing or
     * differed while its metadata did not): no revision, no event — nothing anyone sees changed.
     */
    async refreshImportHashes(kind: ResourceKind, hashes: ReadonlyMap<string, string>): Promise<void> {
      if (!hashes.size) return;
      const table = tableOfKind[kind];
      await db.transaction().execute(async (trx) => {
        for (const [id, hash] of hashes) await trx.updateTable(table).set({ import_hash: hash }).where('id', '=', id).execute();
      });
    },

    /**
     * Creates or updates `items` (of one kind or several) in one transaction, published, as the
     * operator. Returns the slug of each written resource by id.
     */
    async write(items: ImportItem[], note: Record<string, unknown>): Promise<Map<string, string>> {
      const slugs = new Map<string, string>();
      if (!items.length) return slugs;
      const nowIso = clock.now().toISOString();
      await inTransaction(db, events, async (trx, emit) => {
        const revisions: CatalogTables['catalog_revision'][] = [];
        const activity: { id: string; actor_id: null; action: string; subject_type: string; subject_id: string; organization_id: string; diff: string; created_at: string }[] = [];
        const record = (item: ImportItem, revision: number, action: 'created' | 'updated', snapshot: ResourceSnapshot<Metadata>, diff: object) => {
          revisions.push({ id: newId(), resource_kind: item.kind, resource_id: item.id, revision, action, actor_id: null, snapshot: JSON.stringify(snapshot), diff: JSON.stringify({ ...diff, note }), created_at: nowIso });
          activity.push({ id: newId(), actor_id: null, action: `${item.kind}.${action}`, subject_type: item.kind, subject_id: item.id, organization_id: item.organizationId, diff: JSON.stringify({ revision, import: note }), created_at: nowIso });
          emit('catalog.resourceChanged', { kind: item.kind, id: item.id, organizationId: item.organizationId, action, revision });
        };
        const importColumns = (item: ImportItem) => ({ source_iri: item.sourceIri, source_id: item.sourceId, source_key: item.sourceKey, import_hash: item.importHash, warnings: JSON.stringify(item.warnings) });

        for (const kind of ['series', 'dataService', 'dataset'] as const) {
          const creates = items.filter((i) => i.kind === kind && !i.existing);
          const updates = items.filter((i) => i.kind === kind && i.existing);
          const table = tableOfKind[kind];
          // New resources: rows, distributions, revisions in a few multi-row statements.
          const newSlugs = await slugsFor(trx, kind, creates.map((i) => i.metadata.title.sv ?? i.metadata.title.en ?? i.sourceKey));
          const rows = creates.map((item, index) => {
            const slug = newSlugs[index]!;
            slugs.set(item.id, slug);
            const snapshot = snapshotOf(item, slug, 'public');
            record(item, 1, 'created', snapshot, diffSnapshots(undefined, snapshot));
            return {
              id: item.id,
              slug,
              organization_id: item.organizationId,
              status: 'published' as const,
              visibility: 'public' as const,
              hvd: item.hvd ? 1 : 0,
              sort_title: swedishSortKey(item.metadata.title.sv ?? item.metadata.title.en ?? ''),
              metadata: JSON.stringify(item.metadata),
              revision: 1,
              created_by: null,
              updated_by: null,
              created_at: nowIso,
              updated_at: nowIso,
              published_at: nowIso,
              deleted_at: null,
              ...(kind === 'dataset' ? { series_id: (item.metadata as DatasetMetadata).seriesId ?? null } : {}),
              ...importColumns(item),
            };
          });
          for (const part of chunks(rows)) await trx.insertInto(table).values(part as never).execute();
          if (kind === 'dataset') {
            const distributions = creates.flatMap((item) => distributionRows(item, nowIso, new Map()));
            for (const part of chunks(distributions, 500)) await trx.insertInto('distribution').values(part).execute();
          }

          // Changed resources: one conditional update each, the diff against what is stored.
          const current = new Map<string, ResourceRow>();
          for (const part of chunks(updates.map((i) => i.id), 500)) {
            for (const row of (await trx.selectFrom(table).selectAll().where('id', 'in', part).execute()) as ResourceRow[]) current.set(row.id, row);
          }
          const storedDistributions = kind === 'dataset' ? await catalogRepository.distributionsOfMany(trx, updates.map((i) => i.id)) : [];
          for (const item of updates) {
            const row = current.get(item.id);
            if (!row) throw new Error(`imported ${kind} ${item.id} vanished during the import`);
            const before = new Map(storedDistributions.filter((d) => d.dataset_id === item.id).map((d) => [d.id, d]));
            const beforeSnapshot: ResourceSnapshot<Metadata> = {
              slug: row.slug,
              status: row.status,
              visibility: row.visibility,
              hvd: row.hvd === 1,
              deleted: false,
              metadata: { ...SPECS[kind].empty(), ...(JSON.parse(row.metadata) as Metadata) },
              ...(kind === 'dataset' ? { distributions: [...before.values()].map((d) => ({ id: d.id, position: d.position, metadata: { ...emptyDistributionMetadata(), ...(JSON.parse(d.metadata) as DistributionMetadata) } })) } : {}),
            };
            const next = snapshotOf(item, row.slug, row.visibility);
            const diff = diffSnapshots(beforeSnapshot, next);
            slugs.set(item.id, row.slug);
            const changed = Object.keys(diff).length > 0;
            const values = {
              ...(changed
                ? {
                    status: 'published' as const,
                    hvd: item.hvd ? 1 : 0,
                    sort_title: swedishSortKey(item.metadata.title.sv ?? item.metadata.title.en ?? ''),
                    metadata: JSON.stringify(item.metadata),
                    revision: row.revision + 1,
                    updated_by: null,
                    updated_at: nowIso,
                    published_at: row.published_at ?? nowIso,
                    ...(kind === 'dataset' ? { series_id: (item.metadata as DatasetMetadata).seriesId ?? null } : {}),
                  }
                : {}),
              ...importColumns(item),
            };
            const result = await trx.updateTable(table).set(values as never).where('id', '=', item.id).where('revision', '=', row.revision).executeTakeFirst();
            if (Number(result.numUpdatedRows) !== 1) throw new Error(`${kind} ${row.slug} changed while it was imported; run the import again`);
            if (!changed) continue;
            if (kind === 'dataset') await catalogRepository.replaceDistributions(trx, item.id, distributionRows(item, nowIso, before));
            record(item, row.revision + 1, 'updated', next, diff);
          }
          if (kind === 'dataService') {
            for (const item of [...creates, ...updates]) await catalogRepository.setServedDatasets(trx, item.id, (item.metadata as DataServiceMetadata).servesDatasetIds);
          }
        }
        for (const part of chunks(revisions, 300)) await trx.insertInto('catalog_revision').values(part).execute();
        // Cached public answers in every process follow the catalog's change counter (public-cache.ts).
        if (revisions.length) await catalogRepository.bumpVersion(trx);
        for (const part of chunks(activity, 300)) await asPlatformDb(trx).insertInto('activity').values(part).execute();
      });
      return slugs;
    },
  };
}

export type CatalogImportWriter = ReturnType<typeof createCatalogImportWriter>;
