// /api/v1/datasets, /api/v1/data-services, /api/v1/series, /api/v1/vocabularies, /api/v1/licences.
// Thin: routes call services and presenters. Reads send an ETag ("<id>.<revision>") and answer 304
// to If-None-Match; writes honour If-Match (a stale edit gets 412 and changes nothing).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { pageLinks } from '../../platform/http/page-links.js';
import type { DataServiceInput, DatasetInput, PublishConfirmation, SeriesInput } from './catalog.input.js';
import { presentDataService, presentDataServiceListItem, presentDataset, presentDatasetListItem, presentSeries, presentSeriesListItem } from './catalog.presenter.js';
import type { ResourceRow } from './catalog.table.js';
import {
  CreateDataServiceBody,
  CreateDatasetBody,
  CreateSeriesBody,
  DataServiceListSchema,
  DataServiceSchema,
  DatasetListSchema,
  DatasetSchema,
  HistorySchema,
  IdOrSlugParams,
  ListQuery,
  PublishBody,
  RevisionParams,
  SeriesListSchema,
  SeriesSchema,
  UpdateDataServiceBody,
  UpdateDatasetBody,
  UpdateSeriesBody,
} from './catalog.schemas.js';
import type { CatalogService, ListQuery as ServiceListQuery } from './catalog.service.js';
import { distributionRoutes } from './distribution.api.js';
import type { HistoryPresenter } from './history.js';
import { etagOf } from './resource.engine.js';
import { vocabularyRoutes } from './vocabulary.api.js';
import type { TSchema } from 'typebox';
import type { FileStorage } from '../../platform/storage/index.js';
import type { DistributionSnapshot } from './revision-diff.js';
import type { PublicCache } from './public-cache.js';

const security = [{ bearerAuth: [] }];

export const ifMatchOf = (request: FastifyRequest) => (typeof request.headers['if-match'] === 'string' ? request.headers['if-match'] : undefined);

/** API names → service names for the relations given by id or slug. */
export function datasetInputOf(body: Record<string, unknown>): DatasetInput {
  const { series, ...rest } = body;
  return { ...rest, ...(series !== undefined ? { seriesId: series as string | null } : {}) } as DatasetInput;
}

export function dataServiceInputOf(body: Record<string, unknown>): DataServiceInput {
  const { servesDatasets, ...rest } = body;
  return { ...rest, ...(servesDatasets !== undefined ? { servesDatasetIds: servesDatasets as string[] | null } : {}) } as DataServiceInput;
}

interface KindRoutes<V, I> {
  path: string;
  tag: string;
  noun: string;
  schemas: { create: TSchema; update: TSchema; one: TSchema; list: TSchema };
  ops: {
    list(actor: Actor, query: ServiceListQuery): Promise<{ items: unknown[]; total: number }>;
    get(actor: Actor, idOrSlug: string): Promise<V>;
    create(actor: Actor, input: I): Promise<{ row: ResourceRow }>;
    update(actor: Actor, idOrSlug: string, input: I, ifMatch?: string): Promise<{ row: ResourceRow }>;
    publish(actor: Actor, idOrSlug: string, confirmation: Partial<PublishConfirmation>, ifMatch?: string): Promise<{ row: ResourceRow }>;
    unpublish(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<{ row: ResourceRow }>;
    delete(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<void>;
    history(actor: Actor, idOrSlug: string): Promise<{ row: ResourceRow; revisions: Parameters<HistoryPresenter>[0] }>;
    restore(actor: Actor, idOrSlug: string, revision: number, ifMatch?: string): Promise<{ row: ResourceRow }>;
  };
  input(body: Record<string, unknown>): I;
  present(view: V): unknown;
  presentList(items: unknown[]): Promise<unknown[]>;
  rowOf(view: V): ResourceRow;
  /** Answers for anonymous visitors, validated by a fingerprint (public-cache.ts). */
  publicCache?: PublicCache;
}

/** Sends a JSON text with its ETag, or 304 when the client has it. */
function sendJsonText(request: FastifyRequest, reply: FastifyReply, body: string | Buffer, etag: string) {
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Authorization, Cookie');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

function registerKind<V, I>(app: FastifyInstance, baseUrl: string, history: HistoryPresenter, kind: KindRoutes<V, I>): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = [kind.tag];
  const one = `${kind.path}/:idOrSlug`;
  const respond = async (request: FastifyRequest, reply: FastifyReply, idOrSlug: string, code = 200) => {
    const view = await kind.ops.get(request.actor, idOrSlug);
    const row = kind.rowOf(view);
    return reply.code(code).header('etag', etagOf(row)).send(kind.present(view));
  };

  api.get(kind.path, { schema: { summary: `List ${kind.noun}s the caller may see`, tags, querystring: ListQuery, response: { 200: kind.schemas.list } } }, async (request, reply) => {
    const query = request.query as ServiceListQuery;
    const render = async () => {
      const { items, total } = await kind.ops.list(request.actor, query);
      return { body: JSON.stringify({ total, items: await kind.presentList(items) }), etag: '', link: pageLinks(baseUrl, request, { limit: query.limit, offset: query.offset, total }) };
    };
    const cache = request.actor.kind === 'anonymous' ? kind.publicCache : undefined;
    const answer = cache ? await cache.answer(`list:${request.url}`, render) : await render();
    return reply.header('link', answer.link).type('application/json; charset=utf-8').send(answer.body);
  });

  api.post(kind.path, { schema: { summary: `Create a ${kind.noun} (a draft; needs organization and title.sv)`, tags, security, body: kind.schemas.create, response: { 201: kind.schemas.one } } }, async (request, reply) => {
    const state = await kind.ops.create(request.actor, kind.input(request.body as Record<string, unknown>));
    reply.header('location', `${baseUrl.replace(/\/+$/, '')}${kind.path}/${state.row.slug}`);
    return respond(request, reply, state.row.id, 201);
  });

  api.get(one, { schema: { summary: `One ${kind.noun}, by id or slug (ETag; 410 once deleted)`, tags, params: IdOrSlugParams, response: { 200: kind.schemas.one } } }, async (request, reply) => {
    const { idOrSlug } = request.params as { idOrSlug: string };
    const render = async () => {
      const view = await kind.ops.get(request.actor, idOrSlug);
      return { body: JSON.stringify(kind.present(view)), etag: etagOf(kind.rowOf(view)) };
    };
    const cache = request.actor.kind === 'anonymous' ? kind.publicCache : undefined;
    if (!cache) {
      const { body, etag } = await render();
      return sendJsonText(request, reply, body, etag);
    }
    const { bytes, etag } = await cache.answer(`api:${request.url}`, render);
    return sendJsonText(request, reply, bytes, etag);
  });

  api.patch(one, { schema: { summary: `Change a ${kind.noun} (If-Match: its ETag → 412 when stale); null clears a field`, tags, security, params: IdOrSlugParams, body: kind.schemas.update, response: { 200: kind.schemas.one } } }, async (request, reply) => {
    const state = await kind.ops.update(request.actor, (request.params as { idOrSlug: string }).idOrSlug, kind.input(request.body as Record<string, unknown>), ifMatchOf(request));
    return respond(request, reply, state.row.id);
  });

  api.delete(one, { schema: { summary: `Delete a ${kind.noun} (soft: it answers 410 afterwards)`, tags, security, params: IdOrSlugParams } }, async (request, reply) => {
    await kind.ops.delete(request.actor, (request.params as { idOrSlug: string }).idOrSlug, ifMatchOf(request));
    return reply.code(204).send();
  });

  api.post(`${one}/publish`, { schema: { summary: `Publish a ${kind.noun}: mandatory DCAT-AP-SE fields, the HVD checklist and the publisher's confirmation`, tags, security, params: IdOrSlugParams, body: PublishBody, response: { 200: kind.schemas.one } } }, async (request, reply) => {
    const state = await kind.ops.publish(request.actor, (request.params as { idOrSlug: string }).idOrSlug, request.body as Partial<PublishConfirmation>, ifMatchOf(request));
    return respond(request, reply, state.row.id);
  });

  api.post(`${one}/unpublish`, { schema: { summary: `Back to draft`, tags, security, params: IdOrSlugParams, response: { 200: kind.schemas.one } } }, async (request, reply) => {
    const state = await kind.ops.unpublish(request.actor, (request.params as { idOrSlug: string }).idOrSlug, ifMatchOf(request));
    return respond(request, reply, state.row.id);
  });

  api.get(`${one}/history`, { schema: { summary: `Every change: who, when, field by field (editors of the organisation)`, tags, security, params: IdOrSlugParams, response: { 200: HistorySchema } } }, async (request) => {
    const { revisions } = await kind.ops.history(request.actor, (request.params as { idOrSlug: string }).idOrSlug);
    return { items: await history(revisions) };
  });

  api.post(`${one}/history/:revision/restore`, { schema: { summary: `Restore the metadata of an earlier revision (as a new revision)`, tags, security, params: RevisionParams, response: { 200: kind.schemas.one } } }, async (request, reply) => {
    const { idOrSlug, revision } = request.params as { idOrSlug: string; revision: number };
    const state = await kind.ops.restore(request.actor, idOrSlug, revision, ifMatchOf(request));
    return respond(request, reply, state.row.id);
  });
}

export function catalogApi(services: {
  catalog: CatalogService;
  baseUrl: string;
  uploadMaxBytes: number;
  files: FileStorage;
  history: HistoryPresenter;
  distributionsOf: (ids: string[]) => Promise<Map<string, DistributionSnapshot[]>>;
  publicCache: PublicCache;
}) {
  const { catalog, baseUrl, history } = services;

  return async function routes(instance: FastifyInstance): Promise<void> {
    registerKind(instance, baseUrl, history, {
      path: '/api/v1/datasets',
      tag: 'datasets',
      noun: 'dataset',
      schemas: { create: CreateDatasetBody, update: UpdateDatasetBody, one: DatasetSchema, list: DatasetListSchema },
      ops: catalog.datasets,
      input: datasetInputOf,
      present: (view) => presentDataset(view, baseUrl),
      async presentList(items) {
        const typed = items as Parameters<typeof presentDatasetListItem>[0][];
        const distributions = await services.distributionsOf(typed.map((i) => i.row.id));
        return typed.map((item) => presentDatasetListItem(item, distributions.get(item.row.id) ?? [], baseUrl));
      },
      rowOf: (view) => view.state.row,
      publicCache: services.publicCache,
    });
    registerKind(instance, baseUrl, history, {
      path: '/api/v1/data-services',
      tag: 'data services',
      noun: 'data service',
      schemas: { create: CreateDataServiceBody, update: UpdateDataServiceBody, one: DataServiceSchema, list: DataServiceListSchema },
      ops: catalog.dataServices,
      input: dataServiceInputOf,
      present: (view) => presentDataService(view, baseUrl),
      presentList: async (items) => (items as Parameters<typeof presentDataServiceListItem>[0][]).map((item) => presentDataServiceListItem(item, baseUrl)),
      rowOf: (view) => view.state.row,
    });
    registerKind<Awaited<ReturnType<CatalogService['series']['get']>>, SeriesInput>(instance, baseUrl, history, {
      path: '/api/v1/series',
      tag: 'dataset series',
      noun: 'dataset series',
      schemas: { create: CreateSeriesBody, update: UpdateSeriesBody, one: SeriesSchema, list: SeriesListSchema },
      ops: catalog.series,
      input: (body) => body as SeriesInput,
      present: (view) => presentSeries(view, baseUrl),
      presentList: async (items) => (items as Parameters<typeof presentSeriesListItem>[0][]).map((item) => presentSeriesListItem(item, baseUrl)),
      rowOf: (view) => view.state.row,
    });
    await instance.register(distributionRoutes({ catalog, baseUrl, uploadMaxBytes: services.uploadMaxBytes, files: services.files }));
    await instance.register(vocabularyRoutes());
  };
}
