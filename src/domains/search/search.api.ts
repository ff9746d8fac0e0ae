// GET /api/v1/search and GET /api/v1/search/suggest. Thin: the service searches (what the caller
// may see), the presenter shapes the answer.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { facetNames, type FacetName, type SearchLocale, type SearchResult, type SearchSort } from './search.model.js';
import { presentFacets, presentHit } from './search.presenter.js';
import { SearchAnswer, SearchQuery, SuggestAnswer, SuggestQuery } from './search.schemas.js';
import type { SearchService } from './search.service.js';

const tags = ['search'];

/** JSON already written for a result object (the embedded index reuses result objects while nothing changes). */
const serialized = new WeakMap<SearchResult, string>();

export function searchApi(options: { search: SearchService; baseUrl: string }) {
  const { search, baseUrl } = options;
  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/api/v1/search',
      {
        schema: {
          summary: 'Search the datasets the caller may see: full text in Swedish and English, facet counts, filters, sorting, paging',
          tags,
          querystring: SearchQuery,
          response: { 200: SearchAnswer },
        },
      },
      async (request, reply) => {
        const query = request.query as Record<string, unknown> & { q?: string; sort?: SearchSort; lang?: SearchLocale; limit: number; offset: number };
        const filters: Partial<Record<FacetName, string[]>> = {};
        for (const facet of facetNames) if (Array.isArray(query[facet])) filters[facet] = query[facet] as string[];
        const locale = query.lang ?? 'sv';
        const result = await search.search(request.actor, { q: query.q ?? '', filters, sort: query.sort ?? 'relevance', limit: query.limit, offset: query.offset, locale });
        reply.header('cache-control', 'private, no-cache').type('application/json; charset=utf-8');
        // The embedded index hands out the same result object for the same search until the catalog
        // changes: its JSON is written once. (The answer depends only on the result and the request.)
        let body = serialized.get(result);
        if (body === undefined) {
          body = JSON.stringify({ total: result.total, limit: query.limit, offset: query.offset, items: result.hits.map((hit) => presentHit(hit, result, baseUrl)), facets: presentFacets(result, locale) });
          serialized.set(result, body);
        }
        return reply.send(body as never);
      },
    );
    app.get(
      '/api/v1/search/suggest',
      { schema: { summary: 'Titles that match what has been typed so far (type-ahead)', tags, querystring: SuggestQuery, response: { 200: SuggestAnswer } } },
      async (request, reply) => {
        const query = request.query as { q: string; lang?: SearchLocale; limit: number };
        reply.header('cache-control', 'private, no-cache');
        return { items: await search.suggest(request.actor, query.q, query.lang ?? 'sv', query.limit) };
      },
    );
  };
}
