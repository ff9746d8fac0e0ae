// Distribution pages: add and edit (a multipart form whose file is streamed to storage through
// readMultipart, never buffered), remove with a confirmation, and the table preview.
//
// CSRF is checked before the handler from the body's `_csrf` field, but a streamed multipart body is
// not parsed before the handler. So a preValidation hook reads the text parts — which come first:
// the file input is the form's last field — up to the file part, and leaves the file unread until
// the handler hands it to the service.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { NotFoundError } from '../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import type { PageContext } from '../../platform/views/index.js';
import { bodyOf, distributionInputOfForm, formAfterError, metadataFormValues, type CatalogFormState, type FormBody } from './catalog.forms.js';
import { slugParam, staleSafe, type CatalogPagesOptions } from './catalog.page-support.js';
import { presentDataset } from './catalog.presenter.js';
import type { DatasetView } from './catalog.service.js';
import { distributionItems } from './dataset.pages.js';
import { readMultipart } from './distribution.api.js';
import type { Upload } from './distribution.service.js';
import { etagOf } from './resource.engine.js';
import { DistributionFormPage, RemoveDistributionPage } from './views/distribution-form.js';
import { distributionName } from './views/distribution-list.js';
import { PreviewPage } from './views/preview-page.js';

/** Route config of the forms that take a file. */
export const UPLOAD_ROUTE = { config: { upload: true } as unknown as FastifyContextConfig };

const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/** preValidation: the text fields of an upload form become the body; the file part waits. */
export async function readFieldsBeforeFile(request: FastifyRequest): Promise<void> {
  if (!(request.routeOptions.config as { upload?: boolean }).upload || !request.isMultipart()) return;
  const fields: FormBody = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      pendingFiles.set(request, part);
      break;
    }
    const value = String(part.value);
    const before = fields[part.fieldname];
    fields[part.fieldname] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  request.body = fields;
}

/**
 * Hands the waiting file to `withFile` through readMultipart (the fields are already in the body).
 * A file input left empty arrives as a file part without a name: that is no upload.
 */
function withUpload<T>(request: FastifyRequest, withFile: (upload: Upload | undefined) => Promise<T>): Promise<T> {
  const file = pendingFiles.get(request);
  const replay = { parts: async function* () { if (file) yield file; } } as unknown as FastifyRequest;
  return readMultipart(replay, (_fields, upload) => {
    if (upload && !upload.fileName) {
      (upload.stream as Readable).resume();
      return withFile(undefined);
    }
    return withFile(upload);
  });
}

const revisionOf = (body: FormBody) => (typeof body.revision === 'string' && body.revision ? body.revision : undefined);

export function registerDistributionPages(app: FastifyInstance, options: CatalogPagesOptions): void {
  const { catalog, baseUrl, uploadMaxBytes } = options;

  async function editable(request: FastifyRequest): Promise<DatasetView> {
    const view = await catalog.datasets.get(request.actor, slugParam(request));
    if (!view.abilities.edit) throw new NotFoundError();
    return view;
  }

  function distributionOf(view: DatasetView, request: FastifyRequest) {
    const id = (request.params as { id: string }).id;
    const index = view.state.distributions?.findIndex((d) => d.id === id) ?? -1;
    if (index < 0) throw new NotFoundError();
    const json = presentDataset(view, baseUrl).distributions[index]!;
    return { index, snapshot: view.state.distributions![index]!, json };
  }

  const datasetRef = (view: DatasetView) => ({ slug: view.state.row.slug, title: view.state.metadata.title });

  function formPage(ctx: PageContext, view: DatasetView, form: CatalogFormState, request?: FastifyRequest) {
    const current = request ? distributionOf(view, request) : undefined;
    const distribution = current ? { id: current.json.id, name: distributionName(ctx, current.json, current.index), fileName: current.json.file?.name ?? null } : undefined;
    return DistributionFormPage({ ctx, form, dataset: datasetRef(view), distribution, uploadMaxBytes });
  }

  registerPage(app, '/datasets/:slug/distributions/new', async (request, _reply, ctx) => {
    const view = await editable(request);
    return formPage(ctx, view, { values: { revision: etagOf(view.state.row) }, errors: {} });
  }, { withCsrf: true });

  registerPageAction(
    app,
    '/datasets/:slug/distributions/new',
    async (request, reply, ctx) => {
      const view = await editable(request);
      const body = bodyOf(request);
      try {
        const input = distributionInputOfForm(body);
        await withUpload(request, (upload) => catalog.distributions.add(request.actor, view.state.row.id, input, upload, revisionOf(body)));
        return redirectTo(request, reply, `/datasets/${view.state.row.slug}`, 'catalogUi.flash.distributionAdded');
      } catch (error) {
        return formPage(ctx, view, formAfterError(error, request, reply, body));
      }
    },
    UPLOAD_ROUTE,
  );

  registerPage(app, '/datasets/:slug/distributions/:id/edit', async (request, _reply, ctx) => {
    const view = await editable(request);
    const { snapshot } = distributionOf(view, request);
    const { file: _file, byteSize: _size, checksum: _checksum, accessServiceIds: _services, languages: _languages, documentation: _documentation, ...fields } = snapshot.metadata;
    return formPage(ctx, view, { values: { ...metadataFormValues(fields), revision: etagOf(view.state.row) }, errors: {} }, request);
  }, { withCsrf: true });

  registerPageAction(
    app,
    '/datasets/:slug/distributions/:id/edit',
    async (request, reply, ctx) => {
      const view = await editable(request);
      const { snapshot } = distributionOf(view, request);
      const body = bodyOf(request);
      try {
        const input = distributionInputOfForm(body);
        await withUpload(request, (upload) => catalog.distributions.update(request.actor, view.state.row.id, snapshot.id, input, upload, revisionOf(body)));
        return redirectTo(request, reply, `/datasets/${view.state.row.slug}`, 'catalogUi.flash.distributionSaved');
      } catch (error) {
        return formPage(ctx, view, formAfterError(error, request, reply, body), request);
      }
    },
    UPLOAD_ROUTE,
  );

  registerPage(app, '/datasets/:slug/distributions/:id/remove', async (request, _reply, ctx) => {
    const view = await editable(request);
    const { json, index } = distributionOf(view, request);
    return RemoveDistributionPage({ ctx, dataset: datasetRef(view), distribution: { id: json.id, name: distributionName(ctx, json, index) }, etag: etagOf(view.state.row) });
  }, { withCsrf: true });

  registerPageAction(app, '/datasets/:slug/distributions/:id/remove', async (request, reply) => {
    const view = await editable(request);
    const { snapshot } = distributionOf(view, request);
    const back = `/datasets/${view.state.row.slug}`;
    return staleSafe(request, reply, back, async () => {
      await catalog.distributions.remove(request.actor, view.state.row.id, snapshot.id, revisionOf(bodyOf(request)));
      return redirectTo(request, reply, back, 'catalogUi.flash.distributionRemoved');
    });
  });

  registerPage(app, '/datasets/:slug/distributions/:id/preview', async (request, _reply, ctx) => {
    const view = await catalog.datasets.get(request.actor, slugParam(request));
    const { json, index } = distributionOf(view, request);
    const item = distributionItems(presentDataset(view, baseUrl))[index]!;
    const preview = await catalog.distributions.preview(request.actor, view.state.row.id, json.id);
    return PreviewPage({ ctx, dataset: datasetRef(view), distributionName: distributionName(ctx, json, index), downloadHref: item.downloadHref, preview });
  });
}
