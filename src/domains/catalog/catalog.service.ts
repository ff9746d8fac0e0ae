// The catalog's use cases: datasets (with distributions), data services and series — list, read,
// create, edit, publish, unpublish, delete, history, restore. Reads come back as views that carry
// what the API and the pages show: the organisation, related resources, readiness and abilities.
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import type { CatalogDeps } from './catalog.deps.js';
import type { Problems } from './catalog.fields.js';
import type { DataServiceInput, DatasetInput, PublishConfirmation, SeriesInput } from './catalog.input.js';
import { dataServiceRules, datasetRules, seriesRules } from './catalog.kinds.js';
import type { DataServiceMetadata, DatasetMetadata, DatasetSeriesMetadata, LangText, ResourceKind } from './catalog.model.js';
import { abilitiesOf, catalogPolicy, type CatalogAction } from './catalog.policy.js';
import { catalogRepository, type ResourceListQuery, type ResourceRow } from './catalog.repository.js';
import { createDistributionService } from './distribution.service.js';
import type { Readiness } from './readiness.js';
import { createResourceEngine, targetOf, type ResourceEngine, type ResourceState } from './resource.engine.js';

export const MAX_PAGE_SIZE = 1000;

export interface OrganizationRef {
  id: string;
  slug: string;
  name: LangText;
  orgNumber: string | null;
  type: string;
  /** The ADMS publisher type code chosen for the organisation (null: its type decides). */
  publisherType?: string | null;
}

export interface ResourceRef {
  id: string;
  slug: string;
  title: LangText;
}

export interface ResourceView<M> {
  state: ResourceState<M>;
  organization: OrganizationRef;
  readiness: Readiness;
  abilities: Record<CatalogAction, boolean>;
}

export interface DatasetView extends ResourceView<DatasetMetadata> {
  series: ResourceRef | null;
  dataServices: ResourceRef[];
}

export interface DataServiceView extends ResourceView<DataServiceMetadata> {
  servesDatasets: ResourceRef[];
}

export interface SeriesView extends ResourceView<DatasetSeriesMetadata> {
  datasets: ResourceRef[];
}

export interface ListQuery {
  organization?: string | undefined;
  status?: 'draft' | 'published' | undefined;
  hvd?: boolean | undefined;
  sort?: 'title' | 'modified' | 'newest' | undefined;
  limit: number;
  offset: number;
}

export interface ListItem<M> {
  row: ResourceRow;
  metadata: M;
  organization: OrganizationRef;
}

/** Whose drafts and private resources the actor sees: their organisations' (site admins: all). */
const insiderOf = (actor: Actor): ResourceListQuery['insiderOf'] => (actor.kind === 'user' ? (actor.isSiteAdmin ? 'all' : Object.keys(actor.roles)) : []);

function refOf(row: ResourceRow): ResourceRef {
  return { id: row.id, slug: row.slug, title: (JSON.parse(row.metadata) as { title: LangText }).title };
}

export function createCatalogService(deps: CatalogDeps) {
  const { db, organizations } = deps;
  const datasets = createResourceEngine(deps, datasetRules(db, { baseUrl: deps.config.baseUrl }));
  const dataServices = createResourceEngine(deps, dataServiceRules(db));
  const series = createResourceEngine(deps, seriesRules());
  const distributions = createDistributionService(deps, datasets);
  const rulesReadiness = {
    dataset: datasetRules(db, { baseUrl: deps.config.baseUrl }).readiness,
    dataService: dataServiceRules(db).readiness,
    series: seriesRules().readiness,
  } as Record<ResourceKind, (state: never, row: ResourceRow) => Promise<Readiness>>;

  async function organizationRef(id: string): Promise<OrganizationRef> {
    const org = await organizations.organizations.get(id);
    return { id: org.id, slug: org.slug, name: { sv: org.name_sv, ...(org.name_en ? { en: org.name_en } : {}) }, orgNumber: org.org_number, type: org.type, publisherType: org.publisher_type };
  }

  /** The organisation a new resource belongs to, or a 400 naming the field. */
  async function organizationFor(ref: string | undefined, problems: Problems): Promise<string | undefined> {
    if (!ref?.trim()) {
      (problems.organization ??= []).push('validation.required');
      return undefined;
    }
    try {
      return (await organizations.organizations.get(ref.trim())).id;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      (problems.organization ??= []).push('catalog.validation.organization');
      return undefined;
    }
  }

  async function create<M extends { title: LangText }>(engine: ResourceEngine<M>, actor: Actor | null, input: { organization?: string | undefined } & Record<string, unknown>, id?: string): Promise<ResourceState<M>> {
    const problems: Problems = {};
    const organizationId = await organizationFor(input.organization, problems);
    if (!organizationId) {
      if (!(input.title as LangText | undefined)?.sv) (problems['title.sv'] ??= []).push('validation.required');
      throw new ValidationError(problems);
    }
    return engine.create(actor, organizationId, input, problems, id);
  }

  async function view<M extends { title: LangText }>(kind: ResourceKind, actor: Actor, state: ResourceState<M>): Promise<ResourceView<M>> {
    return {
      state,
      organization: await organizationRef(state.row.organization_id),
      readiness: await rulesReadiness[kind](state as never, state.row),
      abilities: abilitiesOf(actor, targetOf(state.row)),
    };
  }

  /** Visible related rows only: a private or draft neighbour stays hidden from outsiders. */
  async function visibleRefs(actor: Actor, kind: ResourceKind, ids: string[]): Promise<ResourceRef[]> {
    const refs: ResourceRef[] = [];
    for (const id of ids) {
      const row = await catalogRepository.findByIdOrSlug(db, kind, id);
      if (row && !row.deleted_at && catalogPolicy.canView(actor, targetOf(row))) refs.push(refOf(row));
    }
    return refs;
  }

  async function datasetView(actor: Actor, state: ResourceState<DatasetMetadata>): Promise<DatasetView> {
    const base = await view('dataset', actor, state);
    const services = (await catalogRepository.servicesServing(db, state.row.id)).filter((s) => catalogPolicy.canView(actor, targetOf(s)));
    const [seriesRef] = state.metadata.seriesId ? await visibleRefs(actor, 'series', [state.metadata.seriesId]) : [];
    return { ...base, series: seriesRef ?? null, dataServices: services.map(refOf) };
  }

  async function list<M>(kind: ResourceKind, actor: Actor, query: ListQuery): Promise<{ items: ListItem<M>[]; total: number }> {
    let organizationId: string | undefined;
    if (query.organization) {
      try {
        organizationId = (await organizations.organizations.get(query.organization)).id;
      } catch (error) {
        if (error instanceof NotFoundError) return { items: [], total: 0 };
        throw error;
      }
    }
    const { items, total } = await catalogRepository.list(db, kind, {
      organizationId,
      insiderOf: insiderOf(actor),
      status: query.status,
      hvd: query.hvd,
      sort: query.sort ?? 'title',
      limit: Math.min(Math.max(query.limit, 1), MAX_PAGE_SIZE),
      offset: Math.max(query.offset, 0),
    });
    const orgs = new Map<string, OrganizationRef>();
    for (const id of new Set(items.map((row) => row.organization_id))) orgs.set(id, await organizationRef(id));
    return { items: items.map((row) => ({ row, metadata: JSON.parse(row.metadata) as M, organization: orgs.get(row.organization_id)! })), total };
  }

  /** The operations every kind shares, bound to its engine. */
  function operations<M extends { title: LangText }, I extends { organization?: string | undefined }>(kind: ResourceKind, engine: ResourceEngine<M>) {
    return {
      list: (actor: Actor, query: ListQuery) => list<M>(kind, actor, query),
      create: (actor: Actor | null, input: I, id?: string) => create(engine, actor, input as I & Record<string, unknown>, id),
      update: (actor: Actor, idOrSlug: string, input: Omit<I, 'organization'>, ifMatch?: string) => engine.update(actor, idOrSlug, input as Record<string, unknown>, ifMatch),
      publish: (actor: Actor, idOrSlug: string, confirmation: Partial<PublishConfirmation>, ifMatch?: string) => engine.publish(actor, idOrSlug, confirmation, ifMatch),
      publishAsOperator: (idOrSlug: string, options?: { enforceRules?: boolean }) => engine.publishAsOperator(idOrSlug, options),
      unpublish: (actor: Actor, idOrSlug: string, ifMatch?: string) => engine.unpublish(actor, idOrSlug, ifMatch),
      unpublishAsOperator: (idOrSlug: string, note: unknown) => engine.unpublishAsOperator(idOrSlug, note),
      delete: (actor: Actor, idOrSlug: string, ifMatch?: string) => engine.delete(actor, idOrSlug, ifMatch),
      history: (actor: Actor, idOrSlug: string) => engine.history(actor, idOrSlug),
      restore: async (actor: Actor, idOrSlug: string, revision: number, ifMatch?: string) => engine.stateOf((await engine.restore(actor, idOrSlug, revision, ifMatch)).row),
      /** The state (row, metadata, relations) a changed resource has now, for presenting. */
      stateOf: (row: ResourceRow) => engine.stateOf(row),
    };
  }

  return {
    distributions,

    datasets: {
      ...operations<DatasetMetadata, DatasetInput>('dataset', datasets),
      async get(actor: Actor, idOrSlug: string): Promise<DatasetView> {
        return datasetView(actor, await datasets.stateOf(await datasets.loadVisible(actor, idOrSlug)));
      },
      view: (actor: Actor, state: ResourceState<DatasetMetadata>) => datasetView(actor, state),
    },

    dataServices: {
      ...operations<DataServiceMetadata, DataServiceInput>('dataService', dataServices),
      async get(actor: Actor, idOrSlug: string): Promise<DataServiceView> {
        const state = await dataServices.stateOf(await dataServices.loadVisible(actor, idOrSlug));
        return { ...(await view('dataService', actor, state)), servesDatasets: await visibleRefs(actor, 'dataset', state.metadata.servesDatasetIds) };
      },
    },

    series: {
      ...operations<DatasetSeriesMetadata, SeriesInput>('series', series),
      async get(actor: Actor, idOrSlug: string): Promise<SeriesView> {
        const state = await series.stateOf(await series.loadVisible(actor, idOrSlug));
        const members = await catalogRepository.list(db, 'dataset', { seriesId: state.row.id, insiderOf: insiderOf(actor), sort: 'title', limit: MAX_PAGE_SIZE, offset: 0 });
        return { ...(await view('series', actor, state)), datasets: members.items.map(refOf) };
      },
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
