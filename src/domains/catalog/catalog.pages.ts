// The catalog's pages (Swedish at /…, English at /en/…): datasets with their distributions, data
// services and series — pages, editors, publishing, history — all server-rendered and usable
// without JavaScript. Thin: they call the same services as the API; the services decide who may
// see or change what (a private or draft resource is 404 for outsiders, a deleted one 410).
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { Actor } from '../../platform/auth/actor.js';
import type { PageContext } from '../../platform/views/index.js';
import type { CatalogPagesOptions } from './catalog.page-support.js';
import { catalogPolicy } from './catalog.policy.js';
import type { ListItem } from './catalog.service.js';
import { registerDataServicePages } from './data-service.pages.js';
import { registerDatasetPages } from './dataset.pages.js';
import { readFieldsBeforeFile, registerDistributionPages } from './distribution.pages.js';
import { registerResourcePages } from './resource.pages.js';
import { registerSeriesPages } from './series.pages.js';
import { OrganizationCatalogSection, type SectionItem } from './views/organization-section.js';

export type { CatalogPagesOptions } from './catalog.page-support.js';

export function catalogPages(options: CatalogPagesOptions) {
  return async function pages(app: FastifyInstance): Promise<void> {
    // Uploads in this plugin only, streamed: one file, after at most 60 text fields. The parser's
    // limit is one byte above the storage's, so the storage sees the overflow and answers 413.
    await app.register(multipart, { limits: { fileSize: options.uploadMaxBytes + 1, files: 1, fields: 60, parts: 61, fieldSize: 256 * 1024 } });
    app.addHook('preValidation', readFieldsBeforeFile);

    registerDatasetPages(app, options);
    registerDistributionPages(app, options);
    registerDataServicePages(app, options);
    registerSeriesPages(app, options);
    registerResourcePages(app, options);
  };
}

const SECTION_SIZE = 10;

/**
 * The organisation page's catalog section: its datasets, APIs and series (what the viewer may see),
 * given to the organisations domain as a generic section provider (see src/domains.ts).
 */
export function organizationCatalogSection(options: Pick<CatalogPagesOptions, 'catalog' | 'organizations'>) {
  const { catalog } = options;
  const itemOf = (item: ListItem<{ title: SectionItem['title'] }>): SectionItem => ({
    slug: item.row.slug,
    title: item.metadata.title,
    status: item.row.status,
    visibility: item.row.visibility,
    hvd: item.row.hvd === 1,
  });
  return async (organizationId: string, actor: Actor, ctx: PageContext): Promise<VNode | null> => {
    const query = { organization: organizationId, sort: 'title' as const, limit: SECTION_SIZE, offset: 0 };
    const [organization, datasets, services, series] = await Promise.all([
      options.organizations.get(organizationId),
      catalog.datasets.list(actor, query),
      catalog.dataServices.list(actor, query),
      catalog.series.list(actor, query),
    ]);
    return OrganizationCatalogSection({
      ctx,
      organizationSlug: organization.slug,
      datasets: { items: datasets.items.map(itemOf), total: datasets.total },
      services: { items: services.items.map(itemOf), total: services.total },
      series: { items: series.items.map(itemOf), total: series.total },
      canCreate: catalogPolicy.canCreate(actor, organizationId),
    });
  };
}
