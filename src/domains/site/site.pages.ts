// The site's own pages: home, accessibility statement and the API reference.
import type { FastifyInstance } from 'fastify';
import { registerPage } from '../../platform/http/pages.js';
import { AccessibilityPage } from './views/accessibility.js';
import { ApiDocsPage, type ApiOperation } from './views/api-docs.js';
import { HomePage } from './views/home.js';

/** When the accessibility statement was last reviewed; update it with the statement. */
export const ACCESSIBILITY_STATEMENT_UPDATED = new Date('2026-11-28T00:00:00Z');

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(spec: { paths?: Record<string, Record<string, { summary?: string }>> }): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op) out.push({ method: method.toUpperCase(), path, summary: op.summary ?? '' });
    }
  }
  return out;
}

export async function sitePages(app: FastifyInstance): Promise<void> {
  registerPage(app, '/', (_req, _reply, ctx) => HomePage({ ctx }));
  registerPage(app, '/accessibility', (_req, _reply, ctx) => AccessibilityPage({ ctx, updatedAt: ACCESSIBILITY_STATEMENT_UPDATED }));
  registerPage(app, '/developers/api', (_req, _reply, ctx) => ApiDocsPage({ ctx, operations: operationsOf(app.swagger() as never) }));
}
