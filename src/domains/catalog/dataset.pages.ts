// Dataset pages: the list, the page, and the editor (new and edit). Thin: the catalog service
// decides who sees and changes what; these pages turn forms into input and views into pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import { renderPage } from '../../platform/views/render.js';
import type { PageContext } from '../../platform/views/index.js';
import { bodyOf, datasetInputOfForm, formAfterError, metadataFormValues, type CatalogFormState } from './catalog.forms.js';
import { chosenOrganization, editableOrganizations, slugParam, type CatalogPagesOptions } from './catalog.page-support.js';
import { presentDataset, type DistributionJson } from './catalog.presenter.js';
import type { DatasetView } from './catalog.service.js';
import type { EditorValidation } from './dataset-validation.js';
import { etagOf } from './resource.engine.js';
import { DatasetFormPage } from './views/dataset-form.js';
import { DatasetPage } from './views/dataset-page.js';
import type { DistributionItem } from './views/distribution-list.js';
import { datasetJsonLd } from './views/json-ld.js';

/** Media types the service previews as a table (see distribution.service.ts). */
const PREVIEWABLE = new Set(['text/csv', 'text/tab-separated-values', 'application/json', 'application/geo+json', 'text/plain']);

export function isPreviewable(d: DistributionJson): boolean {
  return Boolean(d.file) && PREVIEWABLE.has(d.file!.mediaType.split(';')[0]!.trim().toLowerCase());
}

/** Our own download link as a path (absolute links follow ALLMANNING_BASE_URL; pages stay on the host they were read from). */
export function downloadHrefOf(d: DistributionJson): string | null {
  if (!d.downloadUrl) return null;
  return d.file ? new URL(d.downloadUrl).pathname : d.downloadUrl;
}

export function distributionItems(json: ReturnType<typeof presentDataset>): DistributionItem[] {
  return json.distributions.map((d) => ({
    json: d,
    downloadHref: downloadHrefOf(d),
    previewHref: isPreviewable(d) ? `/datasets/${json.slug}/distributions/${d.id}/preview` : null,
  }));
}

/** The editor's values for a stored dataset, with the revision it was read at. */
function datasetFormValues(view: DatasetView): Record<string, string> {
  const { row, metadata, hvd, visibility } = view.state;
  return { ...metadataFormValues(metadata), slug: row.slug, visibility, hvd: hvd ? 'on' : '', revision: etagOf(row) };
}

/**
 * The dataset's DCAT-AP-SE descriptions, which the dcat domain serves at the page URL plus a format
 * suffix (its routes test checks each answers): linked from the page head for harvesters and tools.
 */
const RDF_ALTERNATES = [
  { extension: 'rdf', type: 'application/rdf+xml', name: 'RDF/XML' },
  { extension: 'ttl', type: 'text/turtle', name: 'Turtle' },
  { extension: 'jsonld', type: 'application/ld+json', name: 'JSON-LD' },
  { extension: 'nt', type: 'application/n-triples', name: 'N-Triples' },
] as const;

export function rdfAlternates(pageUrl: string) {
  return RDF_ALTERNATES.map((f) => ({ rel: 'alternate', type: f.type, href: `${pageUrl}.${f.extension}`, title: `DCAT-AP-SE (${f.name})` }));
}

export function registerDatasetPages(app: FastifyInstance, options: CatalogPagesOptions): void {
  const { catalog, baseUrl } = options;

  /** The organisation's series, for the dataset's "part of a series" select. */
  async function seriesOptions(actor: Actor, organizationId: string | undefined) {
    if (!organizationId) return [];
    const { items } = await catalog.series.list(actor, { organization: organizationId, sort: 'title', limit: 1000, offset: 0 });
    return items.map((item) => ({ id: item.row.id, title: item.metadata.title }));
  }

  async function editable(request: FastifyRequest): Promise<DatasetView> {
    const view = await catalog.datasets.get(request.actor, slugParam(request));
    if (!view.abilities.edit) throw new NotFoundError();
    return view;
  }

  async function newForm(request: FastifyRequest, ctx: PageContext, form: CatalogFormState) {
    const organizations = await editableOrganizations(request.actor, options.organizations);
    if (organizations.length === 0) throw new NotFoundError();
    const chosen = chosenOrganization(request, organizations, form.values);
    const values = { visibility: 'public', ...form.values, organization: form.values.organization || chosen?.slug };
    return DatasetFormPage({ ctx, form: { ...form, values }, organizations, series: await seriesOptions(request.actor, chosen?.id) });
  }

  // The list at /datasets is the search page (domains/search registers it).

  registerPage(app, '/datasets/new', (request, _reply, ctx) => newForm(request, ctx, { values: {}, errors: {} }), { withCsrf: true });

  registerPageAction(app, '/datasets/new', async (request, reply, ctx) => {
    const body = bodyOf(request);
    try {
      const state = await catalog.datasets.create(request.actor, datasetInputOfForm(body));
      return redirectTo(request, reply, `/datasets/${state.row.slug}`, 'catalogUi.flash.created');
    } catch (error) {
      return newForm(request, ctx, formAfterError(error, request, reply, body));
    }
  });

  registerPage(app, '/datasets/:slug', async (request, _reply, ctx) => {
    const slug = slugParam(request);
    const render = async () => renderPage(await datasetPage(request, ctx, slug));
    // Anonymous visitors without a one-time message all see the same page: cached, revalidated.
    if (options.publicCache && request.actor.kind === 'anonymous' && !ctx.flash) {
      return (await options.publicCache.answer(`page:${request.url}`, async () => ({ body: await render(), etag: '' }))).body;
    }
    return render();
  });

  async function datasetPage(request: FastifyRequest, ctx: PageContext, slug: string) {
    const view = await catalog.datasets.get(request.actor, slug);
    const harvestedFrom = view.state.row.source_id && options.harvestedFrom ? await options.harvestedFrom(view.state.row.source_id) : undefined;
    const presented = presentDataset(view, baseUrl);
    // A harvested dataset is changed at its source: the page offers no edits (the services refuse them).
    const json = harvestedFrom ? { ...presented, abilities: { ...presented.abilities, edit: false, publish: false, delete: false, restore: false } } : presented;
    const items = distributionItems(json);
    const index = items.findIndex((i) => i.previewHref);
    const first = items[index];
    const preview = first
      ? { distribution: first.json, index, href: first.previewHref!, preview: await catalog.distributions.preview(request.actor, view.state.row.id, first.json.id) }
      : null;
    return DatasetPage({ ctx, dataset: json, readiness: view.readiness, etag: etagOf(view.state.row), distributions: items, preview, jsonLd: datasetJsonLd(json, ctx.locale, baseUrl), alternates: rdfAlternates(json.url), harvestedFrom });
  }

  registerPage(
    app,
    '/datasets/:slug/edit',
    async (request, _reply, ctx) => {
      const view = await editable(request);
      const [series, validation] = await Promise.all([seriesOptions(request.actor, view.state.row.organization_id), editorValidation(request, view, ctx)]);
      return DatasetFormPage({ ctx, form: { values: datasetFormValues(view), errors: {} }, series, dataset: { slug: view.state.row.slug, title: view.state.metadata.title }, validation });
    },
    { withCsrf: true },
  );

  /** The saved version's DCAT-AP-SE check; null when it failed (logged; the editor still works). */
  async function editorValidation(request: FastifyRequest, view: DatasetView, ctx: PageContext): Promise<EditorValidation | null | undefined> {
    if (!options.validateDataset) return undefined;
    try {
      return (await options.validateDataset(view, ctx.locale)) ?? null;
    } catch (error) {
      request.log.error({ err: error }, 'dataset validation failed');
      return null;
    }
  }

  registerPageAction(app, '/datasets/:slug/edit', async (request, reply, ctx) => {
    const view = await editable(request);
    const body = bodyOf(request);
    try {
      const revision = typeof body.revision === 'string' && body.revision ? body.revision : undefined;
      const state = await catalog.datasets.update(request.actor, view.state.row.id, datasetInputOfForm(body), revision);
      return redirectTo(request, reply, `/datasets/${state.row.slug}`, 'catalogUi.flash.saved');
    } catch (error) {
      const form = formAfterError(error, request, reply, body);
      const series = await seriesOptions(request.actor, view.state.row.organization_id);
      return DatasetFormPage({ ctx, form, series, dataset: { slug: view.state.row.slug, title: view.state.metadata.title } });
    }
  });
}
