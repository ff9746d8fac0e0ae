// The harvest page for organisation admins (and site admins): /organizations/{slug}/harvest (and
// /en/…) lists the sources with their latest run and adds one; "Run now" queues a run (303 back);
// /organizations/{slug}/harvest/{id} lists a source's runs, changes its schedule and stops
// harvesting it (the datasets stay). Everyone else gets 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import { AppError, NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import type { HarvestJobs } from './harvest.job.js';
import { presentRun, presentSource } from './harvest.presenter.js';
import type { HarvestService } from './harvest.service.js';
import { HarvestPage, HarvestRunsPage } from './views/harvest-views.js';

export function harvestPages(options: { service: HarvestService; jobs: HarvestJobs; clock: Clock }) {
  const { service, jobs, clock } = options;

  async function listPage(request: FastifyRequest, ctx: PageContext, values: Record<string, string>, errors: Record<string, string[]>) {
    const { organization, sources } = await service.sourcesOf(request.actor, (request.params as { slug: string }).slug);
    const nowIso = clock.now().toISOString();
    const shown = await Promise.all(sources.map(async (row) => presentSource(row, await service.lastRun(row.last_run_id), nowIso)));
    return HarvestPage({ ctx, org: organization, form: { values, errors }, sources: shown });
  }

  /** The source if it is this organisation's and the actor manages it. */
  async function sourceOf(request: FastifyRequest) {
    const { slug, id } = request.params as { slug: string; id: string };
    const { organization } = await service.sourcesOf(request.actor, slug);
    const source = await service.get(request.actor, id);
    if (source.organization_id !== organization.id) throw new NotFoundError();
    return { organization, source };
  }

  /** A source's page: its runs and the form to change its schedule (`schedule` as typed after an error). */
  async function sourcePage(request: FastifyRequest, ctx: PageContext, schedule: string | undefined, errors: Record<string, string[]>) {
    const { organization, source } = await sourceOf(request);
    const runs = await service.runsOf(request.actor, source.id, 50, 0);
    const form = { values: { schedule: schedule ?? source.schedule }, errors };
    return HarvestRunsPage({ ctx, org: organization, source: presentSource(source, await service.lastRun(source.last_run_id), clock.now().toISOString()), runs: runs.items.map(presentRun), form });
  }

  return async function pages(app: FastifyInstance): Promise<void> {
    registerPage(app, '/organizations/:slug/harvest', async (request, _reply, ctx) => listPage(request, ctx, { type: 'dcat' }, {}), { withCsrf: true });

    registerPageAction(app, '/organizations/:slug/harvest', async (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => {
      const body = (request.body as Record<string, string> | undefined) ?? {};
      const values = { type: body.type ?? '', url: (body.url ?? '').trim(), schedule: (body.schedule ?? '').trim() };
      const slug = (request.params as { slug: string }).slug;
      try {
        await service.add(request.actor, { organization: slug, type: values.type as 'dcat' | 'ckan', url: values.url, schedule: values.schedule || undefined });
      } catch (error) {
        if (error instanceof AppError && (error.status === 400 || error.status === 409) && error.details) {
          reply.code(error.status);
          return listPage(request, ctx, values, error.details as Record<string, string[]>);
        }
        throw error;
      }
      return redirectTo(request, reply, `/organizations/${slug}/harvest`, 'harvest.added');
    });

    registerPageAction(app, '/organizations/:slug/harvest/:id/run', async (request: FastifyRequest, reply: FastifyReply) => {
      const { organization, source } = await sourceOf(request);
      await jobs.enqueueRun(source.id, 'manual');
      return redirectTo(request, reply, `/organizations/${organization.slug}/harvest`, 'harvest.queued');
    });

    registerPage(app, '/organizations/:slug/harvest/:id', async (request, _reply, ctx) => sourcePage(request, ctx, undefined, {}), { withCsrf: true });

    registerPageAction(app, '/organizations/:slug/harvest/:id/schedule', async (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => {
      const { organization, source } = await sourceOf(request);
      const schedule = (((request.body as Record<string, string> | undefined) ?? {}).schedule ?? '').trim();
      try {
        await service.reschedule(request.actor, source.id, schedule);
      } catch (error) {
        if (error instanceof AppError && error.status === 400 && error.details) {
          reply.code(400);
          return sourcePage(request, ctx, schedule, error.details as Record<string, string[]>);
        }
        throw error;
      }
      return redirectTo(request, reply, `/organizations/${organization.slug}/harvest/${source.id}`, 'harvest.manage.scheduleSaved');
    });

    registerPageAction(app, '/organizations/:slug/harvest/:id/remove', async (request: FastifyRequest, reply: FastifyReply) => {
      const { organization, source } = await sourceOf(request);
      await service.remove(request.actor, source.id);
      return redirectTo(request, reply, `/organizations/${organization.slug}/harvest`, 'harvest.manage.removed');
    });
  };
}
