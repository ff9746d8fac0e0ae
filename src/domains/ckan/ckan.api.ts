// The CKAN Action API under /api/3/action/ (and /api/action/, CKAN's unversioned alias): GET with
// query parameters or POST with a JSON (or form) body, answered in CKAN's envelope
// { help, success, result } or { help, success: false, error: { __type, message, …fields } } with
// CKAN's status codes. Thin: each action is a method of the CKAN service. Hidden from /api/v1's
// OpenAPI document (it is CKAN's API, described in docs/ckan.md).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from '../../platform/http/error-handler.js';
import { badRequest, ckanErrorOf, CkanError } from './ckan.errors.js';
import { WRITE_ACTIONS, type CkanActionName, type CkanService } from './ckan.service.js';

export const CKAN_PREFIXES = ['/api/3/action', '/api/action'] as const;

/** One line of help per action (help_show). */
export const ACTION_HELP: Record<CkanActionName, string> = {
  package_search: 'Searches datasets: q, fq (organization:, tags:, res_format:, license_id:, groups:), facet.field, rows (≤ 1000), start, sort, include_private.',
  package_show: 'One dataset by id or name.',
  package_list: 'Names of every published public dataset (limit, offset).',
  current_package_list_with_resources: 'Published public datasets with their resources (limit, offset).',
  organization_list: 'Organisation names, or objects with all_fields=true.',
  organization_show: 'One organisation by id or name; include_datasets=true adds up to 10 datasets.',
  group_list: 'The EU data themes as groups (all_fields=true for objects).',
  tag_list: 'Keywords of published public datasets (query filters them).',
  license_list: 'Every licence the catalog knows.',
  resource_show: 'One resource (distribution) by id.',
  status_show: 'Site and API version.',
  package_create: 'Creates a dataset (a draft; state=active with the publisher confirmation publishes it). Needs a token.',
  package_update: 'Replaces a dataset; fields left out are cleared. Needs a token.',
  package_patch: 'Changes the fields given. Needs a token.',
  package_delete: 'Deletes a dataset. Needs a token.',
  resource_create: 'Adds a resource by URL to a dataset (package_id). Needs a token.',
};

const isWrite = (action: string) => (WRITE_ACTIONS as readonly string[]).includes(action);

/** JSON without prototype keys; an empty body is {}. */
function parseJson(text: string): unknown {
  if (!text.trim()) return {};
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value));
}

export function ckanApi(options: { ckan: CkanService; baseUrl: string; bodyLimit?: number }) {
  const origin = options.baseUrl.replace(/\/+$/, '');
  const helpOf = (action: string) => `${origin}/api/3/action/help_show?name=${encodeURIComponent(action)}`;

  const send = (reply: FastifyReply, action: string, status: number, body: Record<string, unknown>) =>
    reply.code(status).type('application/json;charset=utf-8').send(JSON.stringify({ help: helpOf(action), ...body }));

  const actionOf = (request: FastifyRequest) => (request.url.split('?')[0] ?? '').split('/').pop() ?? '';

  return async function ckanRoutes(app: FastifyInstance): Promise<void> {
    // CKAN reads a POST body as JSON whatever its Content-Type (forms stay forms).
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(['application/json', '*'], { parseAs: 'string', ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) }, (_request, body, done) => {
      try {
        done(null, parseJson(body as string));
      } catch (error) {
        done(badRequest(`JSON Error: ${(error as Error).message}`), undefined);
      }
    });

    app.setErrorHandler((error: FastifyError | CkanError, request, reply) => {
      const action = actionOf(request);
      let ckan: CkanError | undefined;
      if (error instanceof CkanError) ckan = error;
      else if ((error as FastifyError).statusCode === 413) ckan = new CkanError('Bad Request', 'Bad request - the request body is too large', {}, 413);
      else if ((error as FastifyError).code?.startsWith('FST_ERR_CTP')) ckan = badRequest(`JSON Error: ${error.message}`);
      else ckan = ckanErrorOf(toAppError(error));
      if (!ckan) {
        request.log.error({ err: error }, 'unhandled error');
        return send(reply, action, 500, { success: false, error: { __type: 'Internal Server Error', message: `An unexpected error happened. Request id: ${request.id}` } });
      }
      return send(reply, action, ckan.status, { success: false, error: { ...ckan.fields, __type: ckan.type, message: ckan.message } });
    });

    /** Query parameters and the body together (the body wins), as CKAN merges them. */
    function paramsOf(request: FastifyRequest): Record<string, unknown> {
      const body = request.body;
      if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) throw badRequest('JSON Error: the body must be a JSON object');
      return { ...(request.query as Record<string, unknown>), ...((body as Record<string, unknown> | undefined) ?? {}) };
    }

    for (const prefix of CKAN_PREFIXES) {
      for (const action of Object.keys(ACTION_HELP) as CkanActionName[]) {
        const write = isWrite(action);
        app.route({
          method: ['GET', 'POST'],
          url: `${prefix}/${action}`,
          schema: { hide: true },
          // Reads by POST (how ckanapi calls every action) are reads: not rate limited like writes.
          ...(write ? {} : { config: { rateLimit: false } }),
          handler: async (request, reply) => {
            if (write && request.method !== 'POST') throw badRequest(`${action} needs a POST request with a JSON body`);
            const handler = options.ckan[action] as (actor: FastifyRequest['actor'], params: Record<string, unknown>) => Promise<unknown>;
            const result = await handler(request.actor, paramsOf(request));
            return send(reply, action, 200, { success: true, result });
          },
        });
      }
      app.route({
        method: ['GET', 'POST'],
        url: `${prefix}/help_show`,
        schema: { hide: true },
        config: { rateLimit: false },
        handler: async (request, reply) => {
          const name = String(paramsOf(request).name ?? '');
          const help = (ACTION_HELP as Record<string, string | undefined>)[name];
          if (!help) throw new CkanError('Not Found Error', `Action not found: ${name}`);
          return send(reply, 'help_show', 200, { success: true, result: help });
        },
      });
      app.route({
        method: ['GET', 'POST'],
        url: `${prefix}/:action`,
        schema: { hide: true },
        config: { rateLimit: false },
        handler: async (request) => {
          throw badRequest(`Action name not known: ${String((request.params as { action: string }).action).slice(0, 100)}`);
        },
      });
    }
  };
}
