// The import page for organisation admins (and site admins): /organizations/{slug}/import (and
// /en/…). A URL, or a file streamed to a temporary file (size-limited), is imported at once into
// the organisation; the page then shows the report. Earlier runs are listed with their reports.
// Others get 404, as for the organisation's other admin pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../platform/errors.js';
import { registerPage, registerPageAction } from '../../../platform/http/pages.js';
import { isHttpUrl } from '../../../platform/validation.js';
import type { PageContext } from '../../../platform/views/index.js';
import type { OrganizationService } from '../../organizations/index.js';
import { importPolicy } from './import.policy.js';
import type { ImportService } from './import.service.js';
import { ImportPage, ReportPage, type OrganizationHeading } from './views/import-views.js';

export interface ImportPagesOptions {
  service: ImportService;
  organizations: OrganizationService;
  /** ALLMANNING_UPLOAD_MAX_BYTES; the page takes at most IMPORT_PAGE_MAX_BYTES of it. */
  uploadMaxBytes: number;
}

/** Files larger than this are for `allmanning import` (the page imports while the browser waits). */
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
  const { service, organizations } = options;
  const maxBytes = Math.min(options.uploadMaxBytes, IMPORT_PAGE_MAX_BYTES);

  async function organizationFor(request: FastifyRequest): Promise<OrganizationHeading & { id: string }> {
    const org = await organizations.get((request.params as { slug: string }).slug);
    if (!importPolicy.canImport(request.actor, org.id)) throw new NotFoundError();
    return { id: org.id, slug: org.slug, name: org.name_sv };
  }

  async function formPage(ctx: PageContext, org: OrganizationHeading & { id: string }, values: Record<string, string>, errors: Record<string, string[]>, failure?: string) {
    return ImportPage({ ctx, org, form: { values, errors }, maxBytes, runs: await service.runsOf(org.id), failure });
  }

  /** Streams the waiting file part to a temporary file; undefined when no file was chosen. */
  async function savedUpload(request: FastifyRequest, dir: string): Promise<{ file: string; name: string; type: string; tooLarge: boolean } | undefined> {
    const part = pendingFiles.get(request);
    if (!part) return undefined;
    if (!part.filename) {
      part.file.resume();
      return undefined;
    }
    const name = path.basename(part.filename).replace(/[\u0000-\u001f]/g, '').slice(-200) || 'catalog';
    const file = path.join(dir, 'upload');
    await pipeline(part.file, fs.createWriteStream(file));
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
        const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'allmanning-upload-'));
        try {
          const upload = await savedUpload(request, dir);
          const errors: Record<string, string[]> = {};
          if (upload?.tooLarge) errors.file = ['dcatImport.validation.fileTooLarge'];
          else if (upload && url) errors.url = ['dcatImport.validation.bothGiven'];
          else if (!upload && !url) errors.url = ['dcatImport.validation.sourceRequired'];
          else if (!upload && !isHttpUrl(url)) errors.url = ['dcatImport.validation.url'];
          if (Object.keys(errors).length) {
            reply.code(upload?.tooLarge ? 413 : 400);
            return formPage(ctx, org, { url }, errors);
          }
          const actorId = request.actor.kind === 'user' ? request.actor.userId : null;
          const report = await service.run(
            upload ? { source: upload.file, displayName: upload.name, contentType: upload.type, organization: org.id, actorId } : { source: url, organization: org.id, actorId },
          );
          if (report.status === 'failed' && report.items.length === 0) {
            reply.code(422);
            return formPage(ctx, org, { url }, {}, report.error);
          }
          return ReportPage({ ctx, org, report });
        } finally {
          await fs.promises.rm(dir, { recursive: true, force: true });
        }
      },
      UPLOAD,
    );

    registerPage(app, '/organizations/:slug/import/:runId', async (request, _reply, ctx) => {
      const org = await organizationFor(request);
      const run = await service.runOf((request.params as { runId: string }).runId);
      if (!run || run.row.organization_id !== org.id || !run.report) throw new NotFoundError();
      return ReportPage({ ctx, org, report: run.report });
    });
  };
}
