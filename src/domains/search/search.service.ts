// Searching the catalog: who may see what (the catalog's policy decides), the index, and the
// searches that found nothing (recorded for the metrics issue). No HTTP here.
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { catalogPolicy } from '../catalog/index.js';
import type { SearchDeps } from './search.deps.js';
import type { SearchIndex, SearchLocale, SearchRequest, SearchResult, SearchScope } from './search.model.js';
import { searchRepository } from './search.repository.js';

/** An organisation id no one has a role in: if the policy lets an actor see its drafts, they see every organisation's. */
const NO_ORGANIZATION = '\u0000';

/**
 * Which non-public datasets an actor may find, by the catalog's policy: their organisations' drafts
 * and private datasets (members of any role), everything for those who see every organisation's.
 */
export function searchScopeOf(actor: Actor): SearchScope {
  if (actor.kind !== 'user') return { insiderOf: [] };
  if (catalogPolicy.seesUnpublishedOf(actor, NO_ORGANIZATION)) return { all: true };
  return { insiderOf: Object.keys(actor.roles).filter((organizationId) => catalogPolicy.seesUnpublishedOf(actor, organizationId)) };
}

export type SearchParams = Omit<SearchRequest, 'scope'>;

export function createSearchService(deps: Pick<SearchDeps, 'db'> & { clock: Clock; index: SearchIndex }) {
  const { index } = deps;
  return {
    index,
    async search(actor: Actor, params: SearchParams): Promise<SearchResult> {
      const result = await index.search({ ...params, scope: searchScopeOf(actor) });
      if (result.total === 0 && params.q.trim() && params.offset === 0) {
        await searchRepository.recordMiss(deps.db, {
          id: newId(),
          query: params.q.trim().slice(0, 500),
          filters: JSON.stringify(params.filters),
          locale: params.locale,
          created_at: deps.clock.now().toISOString(),
        });
      }
      return result;
    },
    suggest(actor: Actor, q: string, locale: SearchLocale, limit = 8): Promise<string[]> {
      return index.suggest(q, locale, searchScopeOf(actor), limit);
    },
    /**
     * allmanning reindex: builds this process's index from the database (every dataset read and
     * indexed, timed) and tells every other process to build theirs again.
     */
    async reindex(onProgress?: (done: number, total: number) => void) {
      await searchRepository.bumpGeneration(deps.db);
      return index.rebuild(onProgress);
    },
    /** Recent searches that found nothing (newest first). */
    misses: (limit = 100) => searchRepository.misses(deps.db, limit),
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
