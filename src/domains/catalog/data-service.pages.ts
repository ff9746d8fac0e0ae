// Data service (API) pages: the page and the editor (new and edit). Publish, history and delete
// are in resource.pages.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import { bodyOf, dataServiceInputOfForm, formAfterError, metadataFormValues, type CatalogFormState } from './catalog.forms.js';
import type { LangText } from './catalog.model.js';
import { chosenOrganization, editableOrganizations, slugParam, type CatalogPagesOptions } from './catalog.page-support.js';
import { presentDataService } from './catalog.presenter.js';
import type { DataServiceView } from './catalog.service.js';
import { etagOf } from './resource.engine.js';
import { DataServiceFormPage } from './views/data-service-form.js';
import { DataServicePage } from './views/data-service-page.js';

export function registerDataServicePages(app: FastifyInstance, options: CatalogPagesOptions): void {
  const { catalog, baseUrl } = options;

  /** The organisation's datasets (and any others the service already serves) to tick. */
  async function datasetOptions(actor: Actor, organizationId: string | undefined, serving: { id: string; title: LangText }[] = []) {
    const own = organizationId ? (await catalog.datasets.list(actor, { organization: organizationId, sort: 'title', limit: 1000, offset: 0 })).items.map((i) => ({ id: i.row.id, title: i.metadata.title })) : [];
    return [...own, ...serving.filter((s) => !own.some((o) => o.id === s.id))];
  }

  async function editable(request: FastifyRequest): Promise<DataServiceView> {
    const view = await catalog.dataServices.get(request.actor, slugParam(request));
    if (!view.abilities.edit) throw new NotFoundError();
    return view;
  }

  async function newForm(request: FastifyRequest, ctx: PageContext, form: CatalogFormState) {
    const organizations = await editableOrganizations(request.actor, options.organizations);
    if (organizations.length === 0) throw new NotFoundError();
    const chosen = chosenOrganization(request, organizations, form.values);
    const values = { visibility: 'public', ...form.values, organization: form.values.organization || chosen?.slug };
    return DataServiceFormPage({ ctx, form: { ...form, values }, organizations, datasets: await datasetOptions(request.actor, chosen?.id) });
  }

  async function editForm(request: FastifyRequest, ctx: PageContext, view: DataServiceView, form: CatalogFormState) {
    const datasets = await datasetOptions(request.actor, view.state.row.organization_id, view.servesDatasets);
    return DataServiceFormPage({ ctx, form, datasets, service: { slug: view.state.row.slug, title: view.state.metadata.title } });
  }

  registerPage(app, '/data-services/new', (request, _reply, ctx) => newForm(request, ctx, { values: {}, errors: {} }), { withCsrf: true });

  registerPageAction(app, '/data-services/new', async (request, reply, ctx) => {
    const body = bodyOf(request);
    try {
      const state = await catalog.dataServices.create(request.actor, dataServiceInputOfForm(body));
      return redirectTo(request, reply, `/data-services/${state.row.slug}`, 'catalogUi.flash.created');
    } catch (error) {
      return newForm(request, ctx, formAfterError(error, request, reply, body));
    }
  });

  registerPage(app, '/data-services/:slug', async (request, _reply, ctx) => {
    const view = await catalog.dataServices.get(request.actor, slugParam(request));
    return DataServicePage({ ctx, service: presentDataService(view, baseUrl), readiness: view.readiness, etag: etagOf(view.state.row) });
  });

  registerPage(
    app,
    '/data-services/:slug/edit',
    async (request, _reply, ctx) => {
      const view = await editable(request);
      const { row, metadata, hvd, visibility } = view.state;
      const values = { ...metadataFormValues(metadata), slug: row.slug, visibility, hvd: hvd ? 'on' : '', revision: etagOf(row) };
      return editForm(request, ctx, view, { values, errors: {} });
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/data-services/:slug/edit', async (request, reply, ctx) => {
    const view = await editable(request);
    const body = bodyOf(request);
    try {
      const revision = typeof body.revision === 'string' && body.revision ? body.revision : undefined;
      const state = await catalog.dataServices.update(request.actor, view.state.row.id, dataServiceInputOfForm(body), revision);
      return redirectTo(request, reply, `/data-services/${state.row.slug}`, 'catalogUi.flash.saved');
    } catch (error) {
      return editForm(request, ctx, view, formAfterError(error, request, reply, body));
    }
  });
}
