// Distributions: /api/v1/datasets/{idOrSlug}/distributions (JSON for links; multipart/form-data
// with a `metadata` JSON part followed by the `file` part for uploads, streamed to storage), the
// preview, and the public download URL /datasets/{slug}/distributions/{id}/download/{name}.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ValidationError } from '../../platform/errors.js';
import { sendStoredFile } from '../../platform/http/send-file.js';
import type { FileStorage } from '../../platform/storage/index.js';
import { ifMatchOf } from './catalog.api.js';
import type { DistributionInput } from './catalog.input.js';
import { presentDistribution } from './catalog.presenter.js';
import { DistributionBody, DistributionParams, DistributionSchema, PreviewSchema } from './catalog.schemas.js';
import type { CatalogService } from './catalog.service.js';
import { etagOf } from './resource.engine.js';
import type { Upload } from './distribution.service.js';

const tags = ['distributions'];
const security = [{ bearerAuth: [] }];

/** API name → service name for the data services giving access. */
export function distributionInputOf(body: Record<string, unknown>): DistributionInput {
  const { accessServices, ...rest } = body;
  return { ...rest, ...(accessServices !== undefined ? { accessServiceIds: accessServices as string[] | null } : {}) } as DistributionInput;
}

/**
 * Reads a multipart request: text parts before the file are collected, and `withFile` gets the
 * file part as a stream (it must consume it). Without a file part, `withFile` gets undefined.
 */
export async function readMultipart<T>(request: FastifyRequest, withFile: (fields: Record<string, string>, upload: Upload | undefined) => Promise<T>): Promise<T> {
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new ValidationError({ [part.fieldname]: ['catalog.validation.unexpectedFile'] });
      return withFile(fields, { stream: part.file, fileName: part.filename, declaredMediaType: part.mimetype });
    }
    fields[part.fieldname] = String(part.value);
  }
  return withFile(fields, undefined);
}

/** The `metadata` part of an upload: a JSON object with the distribution's fields. */
export function metadataPart(fields: Record<string, string>): DistributionInput {
  if (!fields.metadata) return {};
  try {
    const parsed = JSON.parse(fields.metadata) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return distributionInputOf(parsed as Record<string, unknown>);
  } catch {
    throw new ValidationError({ metadata: ['catalog.validation.metadataJson'] });
  }
}

export function distributionRoutes(options: { catalog: CatalogService; baseUrl: string; uploadMaxBytes: number; files: FileStorage }) {
  const { catalog, baseUrl, files } = options;
  const distributions = catalog.distributions;
  const base = '/api/v1/datasets/:idOrSlug/distributions';

  return async function routes(app: FastifyInstance): Promise<void> {
    // One file per request; the storage enforces the size limit (its 413 leaves nothing behind),
    // the parser's own limit is one byte above so the storage sees the overflow first.
    await app.register(multipart, { limits: { fileSize: options.uploadMaxBytes + 1, files: 1, fields: 20, fieldSize: 256 * 1024, parts: 22 } });

    const present = async (request: FastifyRequest, datasetId: string, distributionId: string) => {
      const view = await catalog.datasets.get(request.actor, datasetId);
      const distribution = view.state.distributions?.find((d) => d.id === distributionId);
      return { view, json: distribution ? presentDistribution(distribution, baseUrl, view.state.row.slug) : undefined };
    };

    app.post(
      base,
      {
        schema: {
          summary: 'Add a distribution: JSON for a link, or multipart/form-data with a "metadata" JSON part and then the "file" part (streamed; size limit ALLMANNING_UPLOAD_MAX_BYTES → 413)',
          tags,
          security,
          params: Type.Object({ idOrSlug: Type.String({ maxLength: 200 }) }),
          // Only JSON bodies are validated here; a multipart body is read part by part (readMultipart).
          body: { content: { 'application/json': { schema: DistributionBody } } },
          consumes: ['application/json', 'multipart/form-data'],
          response: { 201: DistributionSchema },
        } as never,
      },
      async (request, reply) => {
        const { idOrSlug } = request.params as { idOrSlug: string };
        const { dataset, distributionId } = request.isMultipart()
          ? await readMultipart(request, (fields, upload) => distributions.add(request.actor, idOrSlug, metadataPart(fields), upload, ifMatchOf(request)))
          : await distributions.add(request.actor, idOrSlug, distributionInputOf((request.body ?? {}) as Record<string, unknown>), undefined, ifMatchOf(request));
        const { view, json } = await present(request, dataset.row.id, distributionId);
        reply.header('etag', etagOf(view.state.row)).header('location', `${baseUrl.replace(/\/+$/, '')}/api/v1/datasets/${view.state.row.slug}/distributions/${distributionId}`);
        return reply.code(201).send(json);
      },
    );

    app.get(
      `${base}/:distributionId`,
      { schema: { summary: 'One distribution', tags, params: DistributionParams, response: { 200: DistributionSchema } } },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        const { view, json } = await present(request, idOrSlug, distributionId);
        if (!json) return reply.callNotFound();
        return reply.header('etag', etagOf(view.state.row)).send(json);
      },
    );

    app.patch(
      `${base}/:distributionId`,
      { schema: { summary: "Change a distribution's metadata (If-Match: the dataset's ETag)", tags, security, params: DistributionParams, body: DistributionBody, response: { 200: DistributionSchema } } },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        const dataset = await distributions.update(request.actor, idOrSlug, distributionId, distributionInputOf(request.body as Record<string, unknown>), undefined, ifMatchOf(request));
        const { view, json } = await present(request, dataset.row.id, distributionId);
        return reply.header('etag', etagOf(view.state.row)).send(json);
      },
    );

    app.put(
      `${base}/:distributionId/file`,
      {
        schema: {
          summary: 'Replace the file: multipart/form-data with an optional "metadata" JSON part and the "file" part',
          tags,
          security,
          params: DistributionParams,
          consumes: ['multipart/form-data'],
          response: { 200: DistributionSchema },
        },
      },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        if (!request.isMultipart()) throw new ValidationError({ file: ['validation.required'] });
        const dataset = await readMultipart(request, (fields, upload) => {
          if (!upload) throw new ValidationError({ file: ['validation.required'] });
          return distributions.update(request.actor, idOrSlug, distributionId, metadataPart(fields), upload, ifMatchOf(request));
        });
        const { view, json } = await present(request, dataset.row.id, distributionId);
        return reply.header('etag', etagOf(view.state.row)).send(json);
      },
    );

    app.delete(
      `${base}/:distributionId`,
      { schema: { summary: 'Remove a distribution (a new revision of the dataset)', tags, security, params: DistributionParams } },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        await distributions.remove(request.actor, idOrSlug, distributionId, ifMatchOf(request));
        return reply.code(204).send();
      },
    );

    app.get(
      `${base}/:distributionId/preview`,
      { schema: { summary: 'The first 100 rows of a CSV, TSV or JSON file as a table', tags, params: DistributionParams, response: { 200: PreviewSchema } } },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        reply.header('cache-control', 'private, max-age=60');
        return distributions.preview(request.actor, idOrSlug, distributionId);
      },
    );

    // The file itself, on the public page URL space (no /api: browsers and harvesters follow it).
    app.get(
      '/datasets/:idOrSlug/distributions/:distributionId/download/:fileName',
      { schema: { hide: true } },
      async (request, reply) => {
        const { idOrSlug, distributionId } = request.params as { idOrSlug: string; distributionId: string };
        const file = await distributions.openFile(request.actor, idOrSlug, distributionId, { countDownload: request.method === 'GET' });
        return sendStoredFile(request, reply, files, { sha256: file.sha256, byteSize: file.byteSize, mediaType: file.mediaType, fileName: file.fileName });
      },
    );
  };
}
