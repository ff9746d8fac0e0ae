// The catalog as a read-only source for the DCAT export (domains/dcat): only what the public may
// see — published, public, not deleted — in batches by id (keyset pagination, so a full dump of any
// size holds one batch at a time) or as one page (offset, for paged catalogs), in list order. Items have the
// service's list shape (row, metadata, organisation) plus the relations the RDF needs, with
// download URLs computed as the API presents them. No authorisation beyond that filter: there is
// no viewer, the export is for everyone.
import type { Kysely } from 'kysely';
import type { CatalogDeps } from './catalog.deps.js';
import { distributionSnapshotOf } from './catalog.kinds.js';
import type { DataServiceMetadata, DatasetMetadata, DatasetSeriesMetadata, LangText, ResourceKind } from './catalog.model.js';
import { catalogRepository } from './catalog.repository.js';
import type { DatasetView, ListItem, OrganizationRef, ResourceRef } from './catalog.service.js';
import { tableOfKind, type CatalogTables, type ResourceRow } from './catalog.table.js';
import { withFileUrls } from './distribution-urls.js';
import type { DistributionSnapshot } from './revision-diff.js';

export interface ExportOrganization extends OrganizationRef {
  website: string | null;
}

/** A distribution with its public URLs filled in and the published data services giving access. */
export interface ExportDistribution extends DistributionSnapshot {
  accessServices: ResourceRef[];
}

export interface ExportDataset extends ListItem<DatasetMetadata> {
  organization: ExportOrganization;
  distributions: ExportDistribution[];
  series: ResourceRef | null;
}

export interface ExportDataService extends ListItem<DataServiceMetadata> {
  organization: ExportOrganization;
  servesDatasets: ResourceRef[];
}

export interface ExportSeries extends ListItem<DatasetSeriesMetadata> {
  organization: ExportOrganization;
}

export interface ExportItems {
  dataset: ExportDataset;
  dataService: ExportDataService;
  series: ExportSeries;
}

/** Everything, or one organisation's resources (its id). */
export interface ExportScope {
  organizationId?: string | undefined;
}

type Db = Kysely<CatalogTables>;
type Loader = (id: string) => Promise<ExportOrganization>;

const refOf = (row: Pick<ResourceRow, 'id' | 'slug' | 'metadata'>): ResourceRef => ({ id: row.id, slug: row.slug, title: (JSON.parse(row.metadata) as { title: LangText }).title });

/** Published, public and not deleted, optionally one organisation's, of any resource table. */
function visible(db: Db, kind: ResourceKind, scope: ExportScope) {
  let query = db
    .selectFrom(tableOfKind[kind] as 'dataset')
    .where('status', '=', 'published')
    .where('visibility', '=', 'public')
    .where('deleted_at', 'is', null);
  if (scope.organizationId) query = query.where('organization_id', '=', scope.organizationId);
  return query;
}

async function publicRefs(db: Db, kind: ResourceKind, ids: Iterable<string>): Promise<Map<string, ResourceRef>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await visible(db, kind, {}).select(['id', 'slug', 'metadata']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, refOf(row)]));
}

export function createCatalogExportSource(deps: CatalogDeps) {
  const { db } = deps;
  const baseUrl = deps.config.baseUrl;

  /** Organisations change rarely and are few: one lookup each per export run. */
  function organizationLoader(): Loader {
    const cache = new Map<string, Promise<ExportOrganization>>();
    return (id) => {
      let org = cache.get(id);
      if (!org) {
        org = deps.organizations.organizations.get(id).then((row) => ({
          id: row.id,
          slug: row.slug,
          name: { sv: row.name_sv, ...(row.name_en ? { en: row.name_en } : {}) },
          orgNumber: row.org_number,
          type: row.type,
          publisherType: row.publisher_type,
          website: row.website,
        }));
        cache.set(id, org);
      }
      return org;
    };
  }

  async function datasets(rows: ResourceRow[], organization: Loader): Promise<ExportDataset[]> {
    const distributionRows = await catalogRepository.distributionsOfMany(db, rows.map((r) => r.id));
    const snapshots = distributionRows.map((d) => ({ datasetId: d.dataset_id, snapshot: distributionSnapshotOf(d) }));
    const services = await publicRefs(db, 'dataService', snapshots.flatMap((s) => s.snapshot.metadata.accessServiceIds));
    const series = await publicRefs(db, 'series', rows.flatMap((r) => (r.series_id ? [r.series_id] : [])));
    const byDataset = new Map<string, ExportDistribution[]>();
    const slugOf = new Map(rows.map((r) => [r.id, r.slug]));
    for (const { datasetId, snapshot } of snapshots) {
      const metadata = withFileUrls(snapshot.metadata, { baseUrl, datasetSlug: slugOf.get(datasetId)!, distributionId: snapshot.id });
      const accessServices = snapshot.metadata.accessServiceIds.flatMap((id) => services.get(id) ?? []);
      (byDataset.get(datasetId) ?? byDataset.set(datasetId, []).get(datasetId)!).push({ ...snapshot, metadata, accessServices });
    }
    return Promise.all(
      rows.map(async (row) => ({
        row,
        metadata: JSON.parse(row.metadata) as DatasetMetadata,
        organization: await organization(row.organization_id),
        distributions: byDataset.get(row.id) ?? [],
        series: (row.series_id && series.get(row.series_id)) || null,
      })),
    );
  }

  async function dataServices(rows: ResourceRow[], organization: Loader): Promise<ExportDataService[]> {
    const served = rows.length
      ? await db
          .selectFrom('served_dataset')
          .innerJoin('dataset', 'dataset.id', 'served_dataset.dataset_id')
          .select(['served_dataset.data_service_id as serviceId', 'dataset.id', 'dataset.slug', 'dataset.metadata'])
          .where('served_dataset.data_service_id', 'in', rows.map((r) => r.id))
          .where('dataset.status', '=', 'published')
          .where('dataset.visibility', '=', 'public')
          .where('dataset.deleted_at', 'is', null)
          .orderBy('dataset.id')
          .execute()
      : [];
    return Promise.all(
      rows.map(async (row) => ({
        row,
        metadata: JSON.parse(row.metadata) as DataServiceMetadata,
        organization: await organization(row.organization_id),
        servesDatasets: served.filter((s) => s.serviceId === row.id).map(refOf),
      })),
    );
  }

  async function hydrate<K extends ResourceKind>(kind: K, rows: ResourceRow[], organization: Loader): Promise<ExportItems[K][]> {
    if (kind === 'dataset') return (await datasets(rows, organization)) as ExportItems[K][];
    if (kind === 'dataService') return (await dataServices(rows, organization)) as ExportItems[K][];
    const items = await Promise.all(rows.map(async (row) => ({ row, metadata: JSON.parse(row.metadata) as DatasetSeriesMetadata, organization: await organization(row.organization_id) })));
    return items as ExportItems[K][];
  }

  return {
    /** The organisation a per-organisation catalog is about, by slug or id (404 when unknown). */
    async organization(idOrSlug: string): Promise<ExportOrganization> {
      const row = await deps.organizations.organizations.get(idOrSlug);
      return organizationLoader()(row.id);
    },

    async count(kind: ResourceKind, scope: ExportScope = {}): Promise<number> {
      const row = await visible(db, kind, scope).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Changes whenever anything the export shows may have changed: every catalog write adds a
     * revision (UUIDv7 ids grow with time, so the newest is the index's last), publishing changes
     * the counts, and organisations (names, numbers) have their updated_at. All index lookups: no
     * scan of the resource tables, so a paged request stays cheap at any size. `modified` is when
     * the scope last changed.
     */
    async fingerprint(scope: ExportScope = {}): Promise<{ key: string; modified: string | null }> {
      const newest = await db.selectFrom('catalog_revision').select(['id', 'created_at']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      let orgs = db.selectFrom('organization').select((eb) => eb.fn.max('updated_at').as('m'));
      if (scope.organizationId) orgs = orgs.where('id', '=', scope.organizationId);
      const organizations = (await orgs.executeTakeFirstOrThrow()).m;
      let modified = newest?.created_at ?? null;
      if (scope.organizationId) {
        modified = null;
        for (const kind of ['dataset', 'dataService', 'series'] as const) {
          const row = await visible(db, kind, scope).select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirstOrThrow();
          const m = row.m === null || row.m === undefined ? null : String(row.m);
          if (m && (!modified || m > modified)) modified = m;
        }
      }
      return { key: [newest?.id ?? '', String(organizations ?? ''), modified ?? ''].join('|'), modified };
    },

    /** One page in list order (for paged catalogs). */
    async page<K extends ResourceKind>(kind: K, scope: ExportScope, offset: number, limit: number): Promise<ExportItems[K][]> {
      if (limit <= 0) return [];
      const rows = (await visible(db, kind, scope).selectAll().orderBy('sort_title').orderBy('id').limit(limit).offset(offset).execute()) as ResourceRow[];
      return hydrate(kind, rows, organizationLoader());
    },

    /**
     * Every item, `batchSize` rows per query, by keyset: WHERE (sort_title, id) > (last ones). The
     * order is the list index's (status, visibility, deleted_at, sort_title), so each batch is an
     * index range; ordering by id alone made both databases sort every published row per batch.
     */
    async *batches<K extends ResourceKind>(kind: K, scope: ExportScope = {}, batchSize = 500): AsyncGenerator<ExportItems[K][]> {
      const organization = organizationLoader();
      let after: { sortTitle: string; id: string } | undefined;
      for (;;) {
        let query = visible(db, kind, scope).selectAll();
        if (after) {
          const { sortTitle, id } = after;
          query = query.where((eb) => eb(eb.refTuple('sort_title', 'id'), '>', eb.tuple(sortTitle, id)));
        }
        const rows = (await query.orderBy('sort_title').orderBy('id').limit(batchSize).execute()) as ResourceRow[];
        if (rows.length === 0) return;
        yield await hydrate(kind, rows, organization);
        if (rows.length < batchSize) return;
        const last = rows[rows.length - 1]!;
        after = { sortTitle: last.sort_title, id: last.id };
      }
    },
  };
}

export type CatalogExportSource = ReturnType<typeof createCatalogExportSource>;

/** A dataset view (the editor's) in the export's shape, for checking it before it is published. */
export function exportDatasetOf(view: DatasetView, baseUrl: string): ExportDataset {
  const { state } = view;
  const distributions = (state.distributions ?? []).map((d) => ({
    ...d,
    metadata: withFileUrls(d.metadata, { baseUrl, datasetSlug: state.row.slug, distributionId: d.id }),
    accessServices: view.dataServices.filter((s) => d.metadata.accessServiceIds.includes(s.id)),
  }));
  return { row: state.row, metadata: state.metadata, organization: { ...view.organization, website: null }, distributions, series: view.series };
}
