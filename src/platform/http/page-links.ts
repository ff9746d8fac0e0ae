// Paging links for API lists.
import type { FastifyRequest } from 'fastify';

/** RFC 8288 Link header for a page of a list: first, prev, next, last (absolute URLs). */
export function pageLinks(baseUrl: string, request: FastifyRequest, page: { limit: number; offset: number; total: number }): string {
  const origin = baseUrl.replace(/\/+$/, '');
  const url = new URL(request.url, 'http://localhost');
  const at = (offset: number) => {
    const params = new URLSearchParams(url.search);
    params.set('limit', String(page.limit));
    params.set('offset', String(offset));
    return `${origin}${url.pathname}?${params.toString()}`;
  };
  const links: string[] = [`<${at(0)}>; rel="first"`];
  if (page.offset > 0) links.push(`<${at(Math.max(0, page.offset - page.limit))}>; rel="prev"`);
  if (page.offset + page.limit < page.total) links.push(`<${at(page.offset + page.limit)}>; rel="next"`);
  const lastOffset = page.total === 0 ? 0 : Math.floor((page.total - 1) / page.limit) * page.limit;
  links.push(`<${at(lastOffset)}>; rel="last"`);
  return links.join(', ');
}
