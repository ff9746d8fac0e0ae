// The search domain's public surface: one SearchIndex (embedded in memory by default; PostgreSQL's
// full-text search when the database is PostgreSQL), the service, the API and the search page.
import { createEmbeddedIndex, type SearchSource } from './embedded-index.js';
import { createPostgresIndex } from './postgres-index.js';
import { searchApi } from './search.api.js';
import type { SearchDeps } from './search.deps.js';
import { searchPages } from './search.pages.js';
import { searchRepository } from './search.repository.js';
import { createSearchService } from './search.service.js';

export type { SearchDeps } from './search.deps.js';
export type { SearchTables } from './search.table.js';
export type { SearchIndex, SearchRequest, SearchResult, SearchDocument, FacetName, SearchSort } from './search.model.js';
export { facetNames, searchSorts } from './search.model.js';
export { searchScopeOf, type SearchService } from './search.service.js';

export function createSearchDomain(deps: SearchDeps) {
  const db = deps.db;
  const source: SearchSource = {
    version: () => searchRepository.version(db),
    organizations: () => searchRepository.organizations(db),
    count: () => searchRepository.countDatasets(db),
    datasetsAfter: (afterId, limit) => searchRepository.datasetsAfter(db, afterId, limit),
    datasetsByIds: (ids) => searchRepository.datasetsByIds(db, ids),
    changedSince: (since) => searchRepository.changedSince(db, since),
    stamps: () => searchRepository.stamps(db),
  };
  const backend = deps.backend ?? (deps.dialect === 'postgres' ? 'postgres' : 'embedded');
  const index = backend === 'postgres' ? createPostgresIndex(db) : createEmbeddedIndex(source);
  const search = createSearchService({ db, clock: deps.clock, index });
  return {
    search,
    index,
    /** A catalog change in this process: searched at once (app.ts subscribes to catalog.resourceChanged). */
    resourceChanged(event: { kind: string; id: string }): void {
      if (event.kind === 'dataset') index.changed(event.id);
    },
    api: searchApi({ search, baseUrl: deps.config.baseUrl }),
    pages: searchPages({ search, baseUrl: deps.config.baseUrl }),
  };
}

export type SearchDomain = ReturnType<typeof createSearchDomain>;
