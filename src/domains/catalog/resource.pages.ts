// Pages every kind of resource has (datasets, data services, series): publish with the readiness
// and the four confirmations, unpublish, the history with restore, and delete with a confirmation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import { bodyOf, formAfterError, type CatalogFormState, type FormBody } from './catalog.forms.js';
import type { PublishConfirmation } from './catalog.input.js';
import type { LangText, ResourceKind } from './catalog.model.js';
import type { CatalogAction } from './catalog.policy.js';
import { slugParam, staleSafe, type CatalogPagesOptions } from './catalog.page-support.js';
import type { ResourceView } from './catalog.service.js';
import type { RevisionEntry } from './history.js';
import { CONFIRMATIONS, etagOf } from './resource.engine.js';
import { datasetFixHref } from './views/dataset-page.js';
import { DeletePage } from './views/delete-page.js';
import { dataServiceFieldLabels, datasetFieldLabels, seriesFieldLabels } from './views/field-labels.js';
import { HistoryPage } from './views/history-page.js';
import { kindTexts, resourcePath } from './views/kinds.js';
import { PublishPage } from './views/publish-page.js';

type Row = { id: string; slug: string; revision: number; organization_id: string };

interface KindOperations {
  get(actor: Actor, idOrSlug: string): Promise<ResourceView<{ title: LangText }>>;
  publish(actor: Actor, idOrSlug: string, confirmation: Partial<PublishConfirmation>, ifMatch?: string): Promise<{ row: Row }>;
  unpublish(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<{ row: Row }>;
  delete(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<void>;
  history(actor: Actor, idOrSlug: string): Promise<{ row: Row; revisions: RevisionEntry[] }>;
  restore(actor: Actor, idOrSlug: string, revision: number, ifMatch?: string): Promise<{ row: Row }>;
}

interface KindPages {
  kind: ResourceKind;
  ops: KindOperations;
  labels(ctx: PageContext): Record<string, string>;
  /** Where an editor fixes a field the readiness names. */
  fixHref(ctx: PageContext, view: ResourceView<{ title: LangText }>, field: string): string | undefined;
}

const editorAnchor = (ctx: PageContext, path: string, field: string) => `${ctx.href(`${path}/edit`)}#field-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

const revisionOf = (body: FormBody) => (typeof body.revision === 'string' && body.revision ? body.revision : undefined);

export function registerResourcePages(app: FastifyInstance, options: CatalogPagesOptions): void {
  const { catalog } = options;
  const kinds: KindPages[] = [
    {
      kind: 'dataset',
      ops: catalog.datasets,
      labels: (ctx) => datasetFieldLabels(ctx),
      fixHref: (ctx, view, field) => datasetFixHref(ctx, { slug: view.state.row.slug, distributions: view.state.distributions ?? [] }, field),
    },
    { kind: 'dataService', ops: catalog.dataServices, labels: dataServiceFieldLabels, fixHref: (ctx, view, field) => editorAnchor(ctx, resourcePath('dataService', view.state.row.slug), field) },
    { kind: 'series', ops: catalog.series, labels: (ctx) => seriesFieldLabels(ctx), fixHref: (ctx, view, field) => editorAnchor(ctx, resourcePath('series', view.state.row.slug), field) },
  ];

  for (const k of kinds) {
    const base = kindTexts[k.kind].base;

    /** The resource, if the viewer may do `need` with it (else 404: the page does not exist for them). */
    async function allowed(request: FastifyRequest, need: CatalogAction) {
      const view = await k.ops.get(request.actor, slugParam(request));
      if (!view.abilities[need]) throw new NotFoundError();
      return view;
    }

    const resourceOf = (view: ResourceView<{ title: LangText }>) => ({ slug: view.state.row.slug, title: view.state.metadata.title, status: view.state.status, revision: view.state.row.revision });

    function publishPage(ctx: PageContext, view: ResourceView<{ title: LangText }>, form: CatalogFormState) {
      return PublishPage({ ctx, kind: k.kind, resource: resourceOf(view), readiness: view.readiness, labels: k.labels(ctx), hrefOf: (field) => k.fixHref(ctx, view, field), form });
    }

    async function historyPage(request: FastifyRequest, ctx: PageContext, form?: CatalogFormState) {
      const view = await allowed(request, 'viewHistory');
      const { revisions } = await k.ops.history(request.actor, view.state.row.id);
      const items = await options.history(revisions);
      return HistoryPage({ ctx, kind: k.kind, resource: resourceOf(view), items, labels: k.labels(ctx), etag: etagOf(view.state.row), canRestore: view.abilities.restore, form });
    }

    registerPage(app, `${base}/:slug/publish`, async (request, _reply, ctx) => {
      const view = await allowed(request, 'publish');
      return publishPage(ctx, view, { values: { revision: etagOf(view.state.row) }, errors: {} });
    }, { withCsrf: true });

    registerPageAction(app, `${base}/:slug/publish`, async (request, reply, ctx) => {
      const view = await allowed(request, 'publish');
      const body = bodyOf(request);
      const confirmation = Object.fromEntries(CONFIRMATIONS.map((key) => [key, body[`confirmation.${key}`] === 'on'])) as Partial<PublishConfirmation>;
      try {
        const state = await k.ops.publish(request.actor, view.state.row.id, confirmation, revisionOf(body));
        return redirectTo(request, reply, resourcePath(k.kind, state.row.slug), 'catalogUi.flash.published');
      } catch (error) {
        return publishPage(ctx, view, formAfterError(error, request, reply, body));
      }
    });

    registerPageAction(app, `${base}/:slug/unpublish`, async (request, reply) => {
      const view = await allowed(request, 'publish');
      const back = resourcePath(k.kind, view.state.row.slug);
      return staleSafe(request, reply, back, async () => {
        await k.ops.unpublish(request.actor, view.state.row.id, revisionOf(bodyOf(request)));
        return redirectTo(request, reply, back, 'catalogUi.flash.unpublished');
      });
    });

    registerPage(app, `${base}/:slug/history`, (request, _reply, ctx) => historyPage(request, ctx), { withCsrf: true });

    registerPageAction(app, `${base}/:slug/history/:revision/restore`, async (request, reply, ctx) => {
      const view = await allowed(request, 'restore');
      const revision = Number.parseInt((request.params as { revision: string }).revision, 10);
      if (!Number.isSafeInteger(revision) || revision < 1) throw new NotFoundError();
      const back = resourcePath(k.kind, view.state.row.slug);
      const body = bodyOf(request);
      try {
        return await staleSafe(request, reply, `${back}/history`, async () => {
          await k.ops.restore(request.actor, view.state.row.id, revision, revisionOf(body));
          return redirectTo(request, reply, back, 'catalogUi.flash.restored');
        });
      } catch (error) {
        // The earlier version would not be publishable while the resource is published: say what is missing.
        return historyPage(request, ctx, formAfterError(error, request, reply, body));
      }
    });

    registerPage(app, `${base}/:slug/delete`, async (request, _reply, ctx) => {
      const view = await allowed(request, 'delete');
      return DeletePage({ ctx, kind: k.kind, resource: resourceOf(view), etag: etagOf(view.state.row) });
    }, { withCsrf: true });

    registerPageAction(app, `${base}/:slug/delete`, async (request, reply) => {
      const view = await allowed(request, 'delete');
      const back = resourcePath(k.kind, view.state.row.slug);
      return staleSafe(request, reply, back, async () => {
        await k.ops.delete(request.actor, view.state.row.id, revisionOf(bodyOf(request)));
        return redirectTo(request, reply, k.kind === 'dataset' ? '/datasets' : `/organizations/${view.organization.slug}`, 'catalogUi.flash.deleted');
      });
    });
  }
}
