// The CKAN domain's public surface: the CKAN Action API (/api/3/action/*) over the catalog, the
// search and the organisations, and the pure package mapping harvesting reads CKAN packages with.
import { ckanApi } from './ckan.api.js';
import { createCkanService, type CkanDeps } from './ckan.service.js';

export type { CkanDeps, CkanService, CkanActionName } from './ckan.service.js';
export { CKAN_API_VERSION, WRITE_ACTIONS } from './ckan.service.js';
export { CKAN_PREFIXES } from './ckan.api.js';
export { CkanError, type CkanErrorType } from './ckan.errors.js';
export { CKAN_FACETS, CKAN_SORTS, ROWS_MAX, parseFq, searchParamsOf } from './ckan.search.js';
export * from './ckan.package.js';

export function createCkanDomain(deps: CkanDeps & { bodyLimit?: number }) {
  const ckan = createCkanService(deps);
  return {
    ckan,
    /** The API routes (a Fastify plugin with its own error handler and body parser). */
    api: ckanApi({ ckan, baseUrl: deps.config.baseUrl, ...(deps.bodyLimit ? { bodyLimit: deps.bodyLimit } : {}) }),
  };
}

export type CkanDomain = ReturnType<typeof createCkanDomain>;
