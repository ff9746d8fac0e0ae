// The import page for organisation admins (and site admins): /organizations/{slug}/import (and
// /en/…). Submitting a URL, or a file (streamed, size-limited, into the data directory), queues a
// run for the background job (import.job.ts) and redirects at once (303) to the run's page,
// /organizations/{slug}/import/{runId}, which shows it queued, running, succeeded or failed, with
// its counts and, once it is over, its report. Earlier runs are listed. Others get 404, as for the
// organisation's other admin pages.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../platform/errors.js';
import { redirectTo, registerPage, registerPageAction } from '../../../platform/http/pages.js';
import { localeFromPath, translator } from '../../../platform/i18n/index.js';
import { isHttpUrl } from '../../../platform/validation.js';
import type { PageContext } from '../../../platform/views/index.js';
import type { OrganizationService } from '../../organizations/index.js';
import { importPolicy } from './import.policy.js';
import type { ImportJobs } from './import.job.js';
import type { ImportService } from './import.service.js';
import { ImportPage, RunPage, type OrganizationHeading } from './views/import-views.js';

export interface ImportPagesOptions {
  service: ImportService;
  jobs: ImportJobs;
  organizations: OrganizationService;
  /** ALLMANNING_UPLOAD_MAX_BYTES; the page takes at most IMPORT_PAGE_MAX_BYTES of it. */
  uploadMaxBytes: number;
}

/** Files larger than this are for `allmanning import` (see IMPORT_JOB_TIMEOUT_MS). */
export const IMPORT_PAGE_MAX_BYTES = 50 * 1024 * 1024;

const UPLOAD = { config: { importUpload: true } as unknown as FastifyContextConfig };
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/** preValidation: the text fields (CSRF token, URL) become the body; the file part waits. */
async function readFieldsBeforeFile(request: FastifyRequest): Promise<void> {
  if (!(request.routeOptions.config as { importUpload?: boolean }).importUpload || !request.isMultipart()) return;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      pendingFiles.set(request, part);
      break;
    }
    fields[part.fieldname] = String(part.value);
  }
  request.body = fields;
}

export function importPages(options: ImportPagesOptions) {
  const { service, jobs, organizations } = options;
  const maxBytes = Math.min(options.uploadMaxBytes, IMPORT_PAGE_MAX_BYTES);

  async function organizationFor(request: FastifyRequest): Promise<OrganizationHeading & { id: string }> {
    const org = await organizations.get((request.params as { slug: string }).slug);
    if (!importPolicy.canImport(request.actor, org.id)) throw new NotFoundError();
    return { id: org.id, slug: org.slug, name: org.name_sv };
  }

  async function formPage(ctx: PageContext, org: OrganizationHeading & { id: string }, values: Record<string, string>, errors: Record<string, string[]>) {
    await jobs.settle(org.id);
    const runs = (await service.runsOf(org.id)).map((run) => ({ ...run, shown: jobs.shownStatus(run) }));
    return ImportPage({ ctx, org, form: { values, errors }, maxBytes, runs });
  }

  /** Streams the waiting file part into the data directory; undefined when no file was chosen. */
  async function savedUpload(request: FastifyRequest): Promise<{ file: string; name: string; type: string; tooLarge: boolean } | undefined> {
    const part = pendingFiles.get(request);
    if (!part) return undefined;
    if (!part.filename) {
      part.file.resume();
      return undefined;
    }
    const name = path.basename(part.filename).replace(/[\u0000-\u001f]/g, '').slice(-200) || 'catalog';
    const file = await jobs.incomingFile();
    try {
      await pipeline(part.file, fs.createWriteStream(file));
    } catch (error) {
      await jobs.discard(file);
      throw error;
    }
    return { file, name, type: part.mimetype, tooLarge: part.file.truncated };
  }

  return async function pages(app: FastifyInstance): Promise<void> {
    await app.register(multipart, { throwFileSizeLimit: false, limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 16 * 1024 } });
    app.addHook('preValidation', readFieldsBeforeFile);

    registerPage(app, '/organizations/:slug/import', async (request, _reply, ctx) => formPage(ctx, await organizationFor(request), {}, {}), { withCsrf: true });

    registerPageAction(
      app,
      '/organizations/:slug/import',
      async (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => {
        const org = await organizationFor(request);
        const body = (request.body as Record<string, string> | undefined) ?? {};
        const url = (body.url ?? '').trim();
        const upload = await savedUpload(request);
        const errors: Record<string, string[]> = {};
        if (upload?.tooLarge) errors.file = ['dcatImport.validation.fileTooLarge'];
        else if (upload && url) errors.url = ['dcatImport.validation.bothGiven'];
        else if (!upload && !url) errors.url = ['dcatImport.validation.sourceRequired'];
        else if (!upload && !isHttpUrl(url)) errors.url = ['dcatImport.validation.url'];
        if (Object.keys(errors).length) {
          if (upload) await jobs.discard(upload.file);
          reply.code(upload?.tooLarge ? 413 : 400);
          return formPage(ctx, org, { url }, errors);
        }
        const actorId = request.actor.kind === 'user' ? request.actor.userId : null;
        let runId: string;
        try {
          runId = await jobs.submit(upload ? { organizationId: org.id, actorId, upload } : { organizationId: org.id, actorId, url });
        } catch (error) {
          if (upload) await jobs.discard(upload.file);
          throw error;
        }
        return redirectTo(request, reply, `/organizations/${org.slug}/import/${runId}`);
      },
      UPLOAD,
    );

    registerPage(app, '/organizations/:slug/import/:runId', async (request, _reply, ctx) => {
      const org = await organizationFor(request);
      await jobs.settle(org.id);
      const run = await service.runOf((request.params as { runId: string }).runId);
      if (!run || run.row.organization_id !== org.id) throw new NotFoundError();
      const { report: _stored, ...summary } = run.row;
      return RunPage({ ctx, org, run: { ...summary, shown: jobs.shownStatus(run.row) }, report: run.report });
    });

    // The run's status for public/import-status.js (progressive enhancement of the run page): the
    // status and one sentence to announce, in the page's language.
    const status = async (request: FastifyRequest, reply: FastifyReply) => {
      const org = await organizationFor(request);
      await jobs.settle(org.id);
      const run = await service.runOf((request.params as { runId: string }).runId);
      if (!run || run.row.organization_id !== org.id) throw new NotFoundError();
      const shown = jobs.shownStatus(run.row);
      const finished = shown === 'succeeded' || shown === 'failed';
      const t = translator(localeFromPath(request.url).locale);
      const message = finished ? `${t(`dcatImport.run.${shown}`)} ${t('dcatImport.run.finishedHint')}` : t(`dcatImport.run.${shown}`);
      return reply.header('cache-control', 'no-store').send({ status: shown, finished, message });
    };
    app.get('/organizations/:slug/import/:runId/status', { schema: { hide: true } }, status);
    app.get('/en/organizations/:slug/import/:runId/status', { schema: { hide: true } }, status);
  };
}
