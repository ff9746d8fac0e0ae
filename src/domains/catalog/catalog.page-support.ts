// What the catalog's page modules share: their options, the organisations a viewer creates for,
// paging, and how a one-button action (unpublish, delete, restore, remove) answers a stale page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { PreconditionFailedError } from '../../platform/errors.js';
import { redirectTo } from '../../platform/http/pages.js';
import type { FileStorage } from '../../platform/storage/index.js';
import type { OrganizationService } from '../organizations/index.js';
import { catalogPolicy } from './catalog.policy.js';
import type { CatalogService } from './catalog.service.js';
import type { HistoryPresenter } from './history.js';
import type { DistributionSnapshot } from './revision-diff.js';
import type { AnyLangText } from './views/components/localized.js';

import type { PublicCache } from './public-cache.js';
import type { DatasetValidator } from './dataset-validation.js';

export interface CatalogPagesOptions {
  catalog: CatalogService;
  history: HistoryPresenter;
  files: FileStorage;
  baseUrl: string;
  uploadMaxBytes: number;
  /** Distributions of many datasets at once (the list shows their formats and licences). */
  distributionsOf: (ids: string[]) => Promise<Map<string, DistributionSnapshot[]>>;
  organizations: OrganizationService;
  /** Rendered pages for anonymous visitors (see public-cache.ts). */
  publicCache?: PublicCache;
  /** The editor's DCAT-AP-SE check (see dataset-validation.ts). */
  validateDataset?: DatasetValidator | undefined;
  /** The harvest source (its URL) a harvested resource comes from; such resources are read-only here. */
  harvestedFrom?: ((sourceId: string) => Promise<string | undefined>) | undefined;
}

export interface OrganizationOption {
  id: string;
  slug: string;
  name: AnyLangText;
}

const ALL = 1000;

/** The organisations the viewer may create catalog resources for (site admins: every one). */
export async function editableOrganizations(actor: Actor, organizations: OrganizationService): Promise<OrganizationOption[]> {
  if (actor.kind !== 'user') return [];
  const { items } = await organizations.list({ limit: ALL, offset: 0 });
  return items.filter((org) => catalogPolicy.canCreate(actor, org.id)).map((org) => ({ id: org.id, slug: org.slug, name: { sv: org.name_sv, en: org.name_en } }));
}

/** May the viewer create catalog resources for any organisation (the "new" links)? */
export function mayCreateAny(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.isSiteAdmin || Object.keys(actor.roles).some((id) => catalogPolicy.canCreate(actor, id)));
}

/** The organisation a new-resource form starts with: ?organization= (slug or id), else the first. */
export function chosenOrganization(request: FastifyRequest, options: OrganizationOption[], body?: Record<string, unknown>): OrganizationOption | undefined {
  const wanted = String(body?.organization ?? (request.query as Record<string, unknown>).organization ?? '');
  return options.find((o) => o.slug === wanted || o.id === wanted) ?? options[0];
}

export function pageNumberOf(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown>).page;
  return Math.min(Math.max(Number.parseInt(String(raw ?? '1'), 10) || 1, 1), 100_000);
}

/**
 * Runs a one-button action (its form carries the revision it was shown at). When the resource has
 * changed since, the page is shown again with a notice instead of acting on a version nobody saw.
 */
export async function staleSafe(request: FastifyRequest, reply: FastifyReply, backTo: string, action: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof PreconditionFailedError) return redirectTo(request, reply, backTo, 'catalogUi.flash.stale');
    throw error;
  }
}

/** The locale-free path of a request's resource, from its route parameters. */
export const slugParam = (request: FastifyRequest) => (request.params as { slug: string }).slug;
