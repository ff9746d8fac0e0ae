// The search page: /datasets?q=… (Swedish) and /en/datasets?q=… (English), replacing the plain
// dataset list. Lenient with its query string (a shared link with a stale filter still opens):
// unknown sorts fall back to relevance, pages to 1.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { registerPage } from '../../platform/http/pages.js';
import { catalogPolicy } from '../catalog/index.js';
import { facetNames, searchSorts, type FacetName, type SearchSort } from './search.model.js';
import { presentFacets } from './search.presenter.js';
import type { SearchService } from './search.service.js';
import { SearchPage, type SearchPageQuery } from './views/search-page.js';

const PAGE_SIZE = 20;
const MAX_OFFSET = 10_000;

function valuesOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.filter((v): v is string => typeof v === 'string').map((v) => v.trim().slice(0, 300)).filter(Boolean))].slice(0, 50);
}

export function pageQueryOf(request: FastifyRequest): { query: SearchPageQuery; page: number } {
  const raw = request.query as Record<string, unknown>;
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 500) : '';
  const sort: SearchSort = (searchSorts as readonly string[]).includes(String(raw.sort)) ? (raw.sort as SearchSort) : 'relevance';
  const filters: Partial<Record<FacetName, string[]>> = {};
  for (const facet of facetNames) {
    const values = valuesOf(raw[facet]);
    if (values.length) filters[facet] = values;
  }
  const page = Math.min(Math.max(Number.parseInt(String(raw.page ?? '1'), 10) || 1, 1), MAX_OFFSET / PAGE_SIZE);
  return { query: { q, filters, sort }, page };
}

/** May the actor add a dataset to any organisation (the "add a dataset" button)? */
function mayCreateAny(actor: Actor): boolean {
  if (actor.kind !== 'user') return false;
  return catalogPolicy.canCreate(actor, '\u0000') || Object.keys(actor.roles).some((organizationId) => catalogPolicy.canCreate(actor, organizationId));
}

export function searchPages(options: { search: SearchService; baseUrl: string }) {
  const { search } = options;
  return async function pages(app: FastifyInstance): Promise<void> {
    registerPage(app, '/datasets', async (request, _reply, ctx) => {
      const { query, page } = pageQueryOf(request);
      const result = await search.search(request.actor, { q: query.q, filters: query.filters, sort: query.sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, locale: ctx.locale });
      const organizations = new Map(result.organizations.map((o) => [o.id, o]));
      const other = ctx.locale === 'sv' ? 'en' : 'sv';
      return SearchPage({
        ctx,
        query,
        total: result.total,
        items: result.hits.map((hit) => {
          const name = organizations.get(hit.organizationId)?.name ?? {};
          const lang = name[ctx.locale] ? ctx.locale : other;
          return { hit, organizationName: { text: name[lang] ?? '', lang } };
        }),
        facets: presentFacets(result, ctx.locale),
        page,
        pageSize: PAGE_SIZE,
        didYouMean: result.didYouMean ?? null,
        createHref: mayCreateAny(request.actor) ? '/datasets/new' : null,
      });
    });
  };
}
