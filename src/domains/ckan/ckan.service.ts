// The CKAN Action API's use cases, on the catalog's, the search's and the organisations' services
// (which decide visibility and enforce policies, revisions and publish rules). No HTTP here, no SQL:
// everything goes through the other domains' index.ts.
import { anonymous, type Actor } from '../../platform/auth/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import {
  allLicences,
  concepts,
  type CatalogDomain,
  type DatasetView,
  type DistributionInput,
  type ExportDataset,
  exportDatasetOf,
  type OrganizationRef,
} from '../catalog/index.js';
import type { OrganizationsDomain } from '../organizations/index.js';
import type { FacetName, SearchDomain } from '../search/index.js';
import { badRequest, notFound, unauthorized, validation } from './ckan.errors.js';
import {
  ckanOrganizationOf,
  ckanResourceOf,
  groupOfTheme,
  confirmationErrors,
  packageInputOf,
  resourceErrors,
  resourceInputOf,
  toCkanPackage,
  type CkanBody,
  type CkanOrganizationSource,
  type CkanPackage,
  type PackageInput,
} from './ckan.package.js';
import { CKAN_FACETS, naturalOf, searchParamsOf, boolOf, type CkanFacet } from './ckan.search.js';

export interface CkanDeps {
  catalog: CatalogDomain;
  search: SearchDomain;
  organizations: OrganizationsDomain;
  config: { baseUrl: string; siteTitle: string };
}

/** The CKAN version whose API we follow (clients pick features by it). */
export const CKAN_API_VERSION = '2.10.0';
/** CKAN's default `ckan.group_and_organization_list_max` / package_list page. */
const LIST_MAX = 1000;
const FACET_ALL = 100_000;
const HIT_CONCURRENCY = 4;

type OrgCache = Map<string, Promise<CkanOrganizationSource>>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

export function createCkanService(deps: CkanDeps) {
  const { catalog, search, organizations } = deps;
  const datasets = catalog.catalog.datasets;

  function organizationSource(cache: OrgCache, ref: OrganizationRef): Promise<CkanOrganizationSource> {
    let found = cache.get(ref.id);
    if (!found) {
      found = organizations.organizations.get(ref.id).then((row) => ({
        id: row.id,
        slug: row.slug,
        name: { sv: row.name_sv, ...(row.name_en ? { en: row.name_en } : {}) },
        description: { ...(row.description_sv ? { sv: row.description_sv } : {}), ...(row.description_en ? { en: row.description_en } : {}) },
        createdAt: row.created_at,
      }));
      cache.set(ref.id, found);
    }
    return found;
  }

  /** A dataset view as a package (uploaded files get their download URLs, as in the export). */
  function packageOfView(view: DatasetView, cache: OrgCache = new Map()): Promise<CkanPackage> {
    return packageOfExport(exportDatasetOf(view, deps.config.baseUrl), cache);
  }

  /** One resource of a dataset the actor may see, with its file URLs. */
  async function resourceIn(actor: Actor, datasetId: string, resourceId: string) {
    const item = exportDatasetOf(await datasets.get(actor, datasetId), deps.config.baseUrl);
    const d = item.distributions.find((x) => x.id === resourceId);
    if (!d) throw notFound('Resource was not found.');
    return ckanResourceOf(d, { id: item.row.id, createdAt: item.row.created_at, updatedAt: item.row.updated_at });
  }

  async function packageOfExport(item: ExportDataset, cache: OrgCache): Promise<CkanPackage> {
    const { row } = item;
    return toCkanPackage({
      id: row.id,
      slug: row.slug,
      status: row.status,
      visibility: row.visibility,
      hvd: row.hvd === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
      metadata: item.metadata,
      distributions: item.distributions,
      organization: await organizationSource(cache, item.organization),
    });
  }

  function idOf(params: CkanBody, field = 'id'): string {
    const id = str(params[field]) ?? (field === 'id' ? str(params.name) : undefined);
    if (!id) throw validation({ [field]: ['Missing value'] });
    if (id.length > 200) throw notFound();
    return id;
  }

  function requireUser(actor: Actor): void {
    if (actor.kind !== 'user') throw unauthorized('Access denied: an API token is required (Authorization header)');
  }

  /** Runs package_search's search: anonymous unless include_private comes with a token. */
  async function runSearch(actor: Actor, params: CkanBody) {
    const p = searchParamsOf(params);
    const searcher = p.includePrivate && actor.kind === 'user' ? actor : anonymous;
    const facetSize = p.facetFields.length ? Math.max(p.facetLimit, 1) : 0;
    const result = p.matchesNothing
      ? undefined
      : await search.search.search(searcher, { q: p.q, filters: p.filters, filterMode: 'all', sort: p.sort, reverse: p.reverse, limit: p.rows, offset: p.start, locale: 'sv', facetSize });
    return { p, searcher, result };
  }

  /** Search facets in CKAN's two shapes: `facets` (value → count) and `search_facets`. */
  function facetsOf(fields: CkanFacet[], counts: Partial<Record<FacetName, { value: string; count: number }[]>> | undefined, minCount: number, limit: number, labels: Map<string, string>) {
    const facets: Record<string, Record<string, number>> = {};
    const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
    for (const field of fields) {
      const items = (counts?.[CKAN_FACETS[field]] ?? []).filter((i) => i.count >= minCount).slice(0, limit);
      const name = (value: string) => (field === 'groups' ? value.toLowerCase() : value);
      facets[field] = Object.fromEntries(items.map((i) => [name(i.value), i.count]));
      searchFacets[field] = {
        title: field,
        items: items.map((i) => ({ name: name(i.value), display_name: labels.get(`${field}:${i.value}`) ?? i.value, count: i.count })),
      };
    }
    return { facets, search_facets: searchFacets };
  }

  async function packagesOfHits(actor: Actor, ids: string[]): Promise<CkanPackage[]> {
    const cache: OrgCache = new Map();
    const out: CkanPackage[] = [];
    // A few at a time: PostgreSQL answers them in parallel from its pool (SQLite one by one anyway).
    for (let i = 0; i < ids.length; i += HIT_CONCURRENCY) {
      out.push(...(await Promise.all(ids.slice(i, i + HIT_CONCURRENCY).map(async (id) => packageOfView(await datasets.get(actor, id), cache)))));
    }
    return out;
  }

  /** Datasets anonymous visitors see, one page in title order (current_package_list_with_resources). */
  async function publicPage(offset: number, limit: number): Promise<ExportDataset[]> {
    return catalog.exportSource.page('dataset', {}, offset, limit);
  }

  /** Published public datasets per organisation id. */
  async function packageCounts(): Promise<Map<string, number>> {
    const result = await search.search.search(anonymous, { q: '', filters: {}, sort: 'title', limit: 1, offset: 0, locale: 'sv', facetSize: FACET_ALL });
    const bySlug = new Map(result.facets.organization.map((f) => [f.value, f.count]));
    return bySlug;
  }

  async function organizationJson(row: { id: string; slug: string; name_sv: string; name_en: string | null; description_sv: string | null; description_en: string | null; created_at: string }, count: number) {
    const base = ckanOrganizationOf({ id: row.id, slug: row.slug, name: { sv: row.name_sv, ...(row.name_en ? { en: row.name_en } : {}) }, description: { ...(row.description_sv ? { sv: row.description_sv } : {}) }, createdAt: row.created_at });
    return { ...base, display_name: base.title, image_display_url: '', num_followers: 0, package_count: count };
  }

  async function applyResources(actor: Actor, id: string, wanted: (DistributionInput & { id?: string })[], existing: { id: string }[]) {
    const kept = new Set<string>();
    for (const { id: resourceId, ...input } of wanted) {
      if (resourceId && existing.some((d) => d.id === resourceId)) {
        kept.add(resourceId);
        await catalog.catalog.distributions.update(actor, id, resourceId, input);
      } else {
        await catalog.catalog.distributions.add(actor, id, input);
      }
    }
    for (const d of existing) if (!kept.has(d.id)) await catalog.catalog.distributions.remove(actor, id, d.id);
  }

  async function applyState(actor: Actor, id: string, input: PackageInput, status: string) {
    if (input.state === 'active' && status !== 'published') await datasets.publish(actor, id, input.confirmation);
    if (input.state === 'draft' && status === 'published') await datasets.unpublish(actor, id);
  }

  async function change(actor: Actor, params: CkanBody, mode: 'replace' | 'patch'): Promise<CkanPackage> {
    requireUser(actor);
    const before = await datasets.get(actor, idOf(params));
    const { input, errors } = packageInputOf(params, mode);
    Object.assign(errors, resourceErrors(input), input.state === 'active' && before.state.row.status !== 'published' ? confirmationErrors(input) : {});
    if (Object.keys(errors).length) throw validation(errors);
    if (mode === 'replace' && !('name' in params)) delete input.dataset.slug;
    const id = before.state.row.id;
    let wrote = false;
    try {
      if (Object.keys(input.dataset).length) {
        await datasets.update(actor, id, input.dataset);
        wrote = true;
      }
      if (input.resources) {
        wrote = true;
        await applyResources(actor, id, input.resources, before.state.distributions ?? []);
      } else if (input.licence) {
        for (const d of before.state.distributions ?? []) {
          if (d.metadata.license) continue;
          wrote = true;
          await catalog.catalog.distributions.update(actor, id, d.id, { license: input.licence });
        }
      }
      await applyState(actor, id, input, before.state.row.status);
    } catch (error) {
      // One call, one outcome: what this call already wrote is rolled back (a "restored" revision).
      if (wrote) await datasets.restore(actor, id, before.state.row.revision);
      throw error;
    }
    return packageOfView(await datasets.get(actor, id));
  }

  return {
    package_show: async (actor: Actor, params: CkanBody) => packageOfView(await datasets.get(actor, idOf(params))),

    async package_search(actor: Actor, params: CkanBody) {
      const { p, searcher, result } = await runSearch(actor, params);
      const labels = new Map<string, string>();
      for (const org of result?.organizations ?? []) labels.set(`organization:${org.slug}`, org.name.sv ?? org.slug);
      for (const concept of concepts('dataTheme')) labels.set(`groups:${concept.code}`, concept.label.sv);
      const { facets, search_facets } = facetsOf(p.facetFields, result?.facets, p.facetMinCount, p.facetLimit, labels);
      return {
        count: result?.total ?? 0,
        facets,
        results: result ? await packagesOfHits(searcher, result.hits.map((h) => h.id)) : [],
        sort: p.sortText,
        search_facets,
      };
    },

    async package_list(_actor: Actor, params: CkanBody) {
      const errors: Record<string, string[]> = {};
      const limit = Math.min(naturalOf(params.limit, 'limit', LIST_MAX, errors), LIST_MAX);
      const offset = naturalOf(params.offset, 'offset', 0, errors);
      if (Object.keys(errors).length) throw validation(errors);
      // CKAN answers names in name order; every name when no limit is given.
      const names: string[] = [];
      for await (const batch of catalog.exportSource.batches('dataset', {}, LIST_MAX)) names.push(...batch.map((d) => d.row.slug));
      names.sort();
      return params.limit === undefined ? names.slice(offset) : names.slice(offset, offset + limit);
    },

    async current_package_list_with_resources(_actor: Actor, params: CkanBody) {
      const errors: Record<string, string[]> = {};
      const limit = Math.min(naturalOf(params.limit, 'limit', 10, errors), LIST_MAX);
      const offset = naturalOf(params.offset ?? (params.page !== undefined ? String((Number(params.page) - 1) * limit) : undefined), 'offset', 0, errors);
      if (Object.keys(errors).length) throw validation(errors);
      const cache: OrgCache = new Map();
      const page = await publicPage(offset, limit);
      const out: CkanPackage[] = [];
      for (const item of page) out.push(await packageOfExport(item, cache));
      return out;
    },

    async organization_list(_actor: Actor, params: CkanBody) {
      const errors: Record<string, string[]> = {};
      const limit = Math.min(naturalOf(params.limit, 'limit', LIST_MAX, errors), LIST_MAX);
      const offset = naturalOf(params.offset, 'offset', 0, errors);
      if (Object.keys(errors).length) throw validation(errors);
      const all = [];
      for (let from = 0; ; from += LIST_MAX) {
        const { items, total } = await organizations.organizations.list({ limit: LIST_MAX, offset: from });
        all.push(...items);
        if (items.length === 0 || all.length >= total) break;
      }
      const sorted = all.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)).slice(offset, offset + limit);
      if (!boolOf(params.all_fields)) return sorted.map((o) => o.slug);
      const counts = await packageCounts();
      return Promise.all(sorted.map((o) => organizationJson(o, counts.get(o.slug) ?? 0)));
    },

    async organization_show(_actor: Actor, params: CkanBody) {
      const id = idOf(params);
      let row;
      try {
        row = await organizations.organizations.get(id);
      } catch (error) {
        if (error instanceof NotFoundError) throw notFound();
        throw error;
      }
      const includeDatasets = boolOf(params.include_datasets);
      const found = await search.search.search(anonymous, { q: '', filters: { organization: [row.slug] }, sort: 'modified', limit: includeDatasets ? 10 : 1, offset: 0, locale: 'sv', facetSize: 0 });
      const base = await organizationJson(row, found.total);
      return {
        ...base,
        groups: [],
        tags: [],
        // Members are personal data: not published (docs/ckan.md).
        users: [],
        // As CKAN answers them here: without resources, tags and extras.
        packages: includeDatasets ? (await packagesOfHits(anonymous, found.hits.map((h) => h.id))).map(({ resources: _r, tags: _t, extras: _e, ...rest }) => rest) : [],
      };
    },

    async group_list(_actor: Actor, params: CkanBody) {
      const themes = concepts('dataTheme').filter((c) => !c.deprecated);
      const groups = themes.map((c) => groupOfTheme(c.iri)).sort((a, b) => a.name.localeCompare(b.name));
      if (!boolOf(params.all_fields)) return groups.map((g) => g.name);
      const result = await search.search.search(anonymous, { q: '', filters: {}, sort: 'title', limit: 1, offset: 0, locale: 'sv', facetSize: FACET_ALL });
      const counts = new Map(result.facets.theme.map((f) => [f.value.toLowerCase(), f.count]));
      return groups.map((g) => ({ ...g, type: 'group', is_organization: false, state: 'active', approval_status: 'approved', image_url: '', created: '', num_followers: 0, package_count: counts.get(g.name) ?? 0 }));
    },

    async tag_list(_actor: Actor, params: CkanBody) {
      const query = (str(params.query) ?? str(params.q) ?? '').toLowerCase();
      const result = await search.search.search(anonymous, { q: '', filters: {}, sort: 'title', limit: 1, offset: 0, locale: 'sv', facetSize: FACET_ALL });
      const tags = result.facets.keyword.map((f) => f.value).filter((t) => !query || t.includes(query)).sort();
      if (!boolOf(params.all_fields)) return tags;
      return tags.map((name) => ({ display_name: name, id: name, name, state: 'active', vocabulary_id: null }));
    },

    license_list: async () =>
      allLicences().map((l) => ({
        domain_content: false,
        domain_data: true,
        domain_software: false,
        family: '',
        id: l.code,
        is_generic: false,
        maintainer: '',
        od_conformance: l.open ? 'approved' : 'not reviewed',
        osd_conformance: 'not reviewed',
        status: l.deprecated ? 'deleted' : 'active',
        title: l.label.sv,
        url: l.iri,
      })),

    async resource_show(actor: Actor, params: CkanBody) {
      const id = idOf(params);
      // A package id narrows the look-up (our extension); otherwise every visible dataset is scanned.
      const packageId = str(params.package_id);
      if (packageId) {
        return resourceIn(actor, packageId, id);
      }
      for await (const batch of catalog.exportSource.batches('dataset', {}, LIST_MAX)) {
        for (const item of batch) {
          const d = item.distributions.find((x) => x.id === id);
          if (d) return ckanResourceOf(d, { id: item.row.id, createdAt: item.row.created_at, updatedAt: item.row.updated_at });
        }
      }
      if (actor.kind === 'user') {
        for (let offset = 0; ; offset += LIST_MAX) {
          const { items } = await datasets.list(actor, { limit: LIST_MAX, offset });
          const mine = items.filter((i) => i.row.status !== 'published' || i.row.visibility !== 'public');
          if (mine.length) {
            const byDataset = await catalog.distributionsOf(mine.map((i) => i.row.id));
            for (const item of mine) if (byDataset.get(item.row.id)?.some((x) => x.id === id)) return resourceIn(actor, item.row.id, id);
          }
          if (items.length < LIST_MAX) break;
        }
      }
      throw notFound('Resource was not found.');
    },

    status_show: async () => ({
      ckan_version: CKAN_API_VERSION,
      site_url: deps.config.baseUrl.replace(/\/+$/, ''),
      site_description: '',
      site_title: deps.config.siteTitle,
      error_emails_to: null,
      locale_default: 'sv',
      extensions: ['dcat'],
    }),

    async package_create(actor: Actor, params: CkanBody) {
      requireUser(actor);
      const { input, errors } = packageInputOf(params, 'replace');
      const owner = str(params.owner_org);
      if (!owner) (errors.owner_org ??= []).push('Missing value');
      Object.assign(errors, resourceErrors(input), input.state === 'active' ? confirmationErrors(input) : {});
      if (Object.keys(errors).length) throw validation(errors);
      const created = await datasets.create(actor, { ...input.dataset, organization: owner! });
      for (const { id: _ignored, ...resource } of input.resources ?? []) await catalog.catalog.distributions.add(actor, created.row.id, resource);
      await applyState(actor, created.row.id, input, created.row.status);
      return packageOfView(await datasets.get(actor, created.row.id));
    },

    package_update: (actor: Actor, params: CkanBody) => change(actor, params, 'replace'),
    package_patch: (actor: Actor, params: CkanBody) => change(actor, params, 'patch'),

    async package_delete(actor: Actor, params: CkanBody) {
      requireUser(actor);
      await datasets.delete(actor, idOf(params));
      return null;
    },

    async resource_create(actor: Actor, params: CkanBody) {
      requireUser(actor);
      const packageId = idOf(params, 'package_id');
      const before = await datasets.get(actor, packageId);
      if (params.upload !== undefined) throw badRequest('file uploads are not supported here; use /api/v1/datasets/{id}/distributions');
      const { id: _ignored, ...input } = resourceInputOf(params);
      const { distributionId } = await catalog.catalog.distributions.add(actor, before.state.row.id, input);
      return resourceIn(actor, before.state.row.id, distributionId);
    },
  };
}

export type CkanService = ReturnType<typeof createCkanService>;
export type CkanActionName = keyof CkanService;
/** Actions that change the catalog: POST only, with a token. */
export const WRITE_ACTIONS: readonly CkanActionName[] = ['package_create', 'package_update', 'package_patch', 'package_delete', 'resource_create'];
