// Dataset series pages: the page (with the series' datasets) and the editor (new and edit).
// Publish, history and delete are in resource.pages.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import { bodyOf, formAfterError, metadataFormValues, seriesInputOfForm, type CatalogFormState } from './catalog.forms.js';
import { chosenOrganization, editableOrganizations, slugParam, type CatalogPagesOptions } from './catalog.page-support.js';
import { presentSeries } from './catalog.presenter.js';
import type { SeriesView } from './catalog.service.js';
import { etagOf } from './resource.engine.js';
import { SeriesFormPage } from './views/series-form.js';
import { SeriesPage } from './views/series-page.js';

export function registerSeriesPages(app: FastifyInstance, options: CatalogPagesOptions): void {
  const { catalog, baseUrl } = options;

  async function editable(request: FastifyRequest): Promise<SeriesView> {
    const view = await catalog.series.get(request.actor, slugParam(request));
    if (!view.abilities.edit) throw new NotFoundError();
    return view;
  }

  async function newForm(request: FastifyRequest, ctx: PageContext, form: CatalogFormState) {
    const organizations = await editableOrganizations(request.actor, options.organizations);
    if (organizations.length === 0) throw new NotFoundError();
    const chosen = chosenOrganization(request, organizations, form.values);
    return SeriesFormPage({ ctx, form: { ...form, values: { ...form.values, organization: form.values.organization || chosen?.slug } }, organizations });
  }

  registerPage(app, '/series/new', (request, _reply, ctx) => newForm(request, ctx, { values: {}, errors: {} }), { withCsrf: true });

  registerPageAction(app, '/series/new', async (request, reply, ctx) => {
    const body = bodyOf(request);
    try {
      const state = await catalog.series.create(request.actor, seriesInputOfForm(body));
      return redirectTo(request, reply, `/series/${state.row.slug}`, 'catalogUi.flash.created');
    } catch (error) {
      return newForm(request, ctx, formAfterError(error, request, reply, body));
    }
  });

  registerPage(app, '/series/:slug', async (request, _reply, ctx) => {
    const view = await catalog.series.get(request.actor, slugParam(request));
    return SeriesPage({ ctx, series: presentSeries(view, baseUrl), readiness: view.readiness, etag: etagOf(view.state.row) });
  });

  registerPage(
    app,
    '/series/:slug/edit',
    async (request, _reply, ctx) => {
      const view = await editable(request);
      const values = { ...metadataFormValues(view.state.metadata), slug: view.state.row.slug, revision: etagOf(view.state.row) };
      return SeriesFormPage({ ctx, form: { values, errors: {} }, series: { slug: view.state.row.slug, title: view.state.metadata.title } });
    },
    { withCsrf: true },
  );

  registerPageAction(app, '/series/:slug/edit', async (request, reply, ctx) => {
    const view = await editable(request);
    const body = bodyOf(request);
    try {
      const revision = typeof body.revision === 'string' && body.revision ? body.revision : undefined;
      const state = await catalog.series.update(request.actor, view.state.row.id, seriesInputOfForm(body), revision);
      return redirectTo(request, reply, `/series/${state.row.slug}`, 'catalogUi.flash.saved');
    } catch (error) {
      return SeriesFormPage({ ctx, form: formAfterError(error, request, reply, body), series: { slug: view.state.row.slug, title: view.state.metadata.title } });
    }
  });
}
