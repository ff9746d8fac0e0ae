// /api/v1/harvest-sources: an organisation's harvest sources, their runs, and "run now". For the
// organisation's admins and the site admins (bearer token; 401 without, 404 for everyone else).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import { pageLinks } from '../../platform/http/page-links.js';
import type { HarvestJobs } from './harvest.job.js';
import { presentRun, presentSource } from './harvest.presenter.js';
import type { HarvestSourceTable as HarvestSourceRow } from './harvest.table.js';
import { CreateHarvestSourceBody, HarvestRunListSchema, HarvestSourceListSchema, HarvestSourceSchema, RunListQuery, RunNowSchema, SourceListQuery, SourceParams, UpdateHarvestSourceBody } from './harvest.schemas.js';
import type { HarvestService } from './harvest.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['harvest'];

export function harvestApi(options: { service: HarvestService; jobs: HarvestJobs; clock: Clock; baseUrl: string }) {
  const { service, jobs, clock, baseUrl } = options;
  const present = async (row: HarvestSourceRow) => presentSource(row, await service.lastRun(row.last_run_id), clock.now().toISOString());

  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/api/v1/harvest-sources',
      { schema: { summary: 'Harvest sources the caller manages (of one organisation with ?organization=)', tags, security, querystring: SourceListQuery, response: { 200: HarvestSourceListSchema } } },
      async (request) => {
        const rows = request.query.organization ? (await service.sourcesOf(request.actor, request.query.organization)).sources : await service.list(request.actor);
        return { total: rows.length, items: await Promise.all(rows.map(present)) };
      },
    );

    app.post(
      '/api/v1/harvest-sources',
      { schema: { summary: 'Register a DCAT catalog URL or a CKAN portal base URL to harvest (organisation admins, site admins)', tags, security, body: CreateHarvestSourceBody, response: { 201: HarvestSourceSchema } } },
      async (request, reply) => {
        const row = await service.add(request.actor, request.body);
        return reply.code(201).header('location', `${baseUrl.replace(/\/+$/, '')}/api/v1/harvest-sources/${row.id}`).send(await present(row));
      },
    );

    app.get(
      '/api/v1/harvest-sources/:id',
      { schema: { summary: 'One harvest source with its latest run', tags, security, params: SourceParams, response: { 200: HarvestSourceSchema } } },
      async (request) => present(await service.get(request.actor, request.params.id)),
    );

    app.patch(
      '/api/v1/harvest-sources/:id',
      { schema: { summary: "Change a source's schedule (its next run is computed from now)", tags, security, params: SourceParams, body: UpdateHarvestSourceBody, response: { 200: HarvestSourceSchema } } },
      async (request) => present(await service.reschedule(request.actor, request.params.id, request.body.schedule)),
    );

    app.delete(
      '/api/v1/harvest-sources/:id',
      { schema: { summary: 'Stop harvesting a source (its datasets stay, and become editable)', tags, security, params: SourceParams } },
      async (request, reply) => {
        await service.remove(request.actor, request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/harvest-sources/:id/runs',
      { schema: { summary: "A source's runs, newest first: start, end, counts and errors", tags, security, params: SourceParams, querystring: RunListQuery, response: { 200: HarvestRunListSchema } } },
      async (request, reply) => {
        const { limit, offset } = request.query;
        const { total, items } = await service.runsOf(request.actor, request.params.id, limit, offset);
        reply.header('link', pageLinks(baseUrl, request, { limit, offset, total }));
        return { total, items: items.map(presentRun) };
      },
    );

    app.post(
      '/api/v1/harvest-sources/:id/run',
      { schema: { summary: 'Run a source now (in the background)', tags, security, params: SourceParams, response: { 202: RunNowSchema } } },
      async (request, reply) => {
        const source = await service.get(request.actor, request.params.id);
        const queued = (await jobs.enqueueRun(source.id, 'manual')) !== undefined;
        return reply.code(202).send({ queued });
      },
    );
  };
}
