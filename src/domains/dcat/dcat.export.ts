// The DCAT-AP-SE catalog as a document: the site's catalog or one organisation's, one page of it
// (Hydra PartialCollectionView links between pages) or all of it as one streamed dump. Items are
// datasets, then data services, then series, in id order. Reading is batched and pulled by the
// serialiser, so memory stays flat however large the catalog is.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { NotFoundError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n/index.js';
import type { CatalogExportSource, ExportItems, ExportOrganization, ExportScope } from '../catalog/index.js';
import { catalogIri, dataServiceIri, datasetIri, organizationCatalogIri, origin, seriesIri, siteAgentIri } from './dcat.iris.js';
import { addCatalog, addPublisher, SITE_PUBLISHER_TYPE } from './dcat.mapping-agents.js';
import { datasetQuads, type MappingContext } from './dcat.mapping.js';
import { dataServiceQuads, seriesQuads } from './dcat.mapping-services.js';
import { GraphBuilder, iriTerm, rdfType, term, typed, type Quad } from './rdf-builder.js';
import { serialize, type RdfFormat } from './serializers/index.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
const KINDS = ['dataset', 'dataService', 'series'] as const;
type Kind = (typeof KINDS)[number];

export interface ExportOptions {
  format: RdfFormat;
  /** One organisation's catalog (slug or id); the whole site's when absent. */
  organization?: string | undefined;
  /** A page (1-based) or the whole catalog. */
  page: number | 'all';
  pageSize?: number | undefined;
  /** This document's URL for page N (Hydra links); needed for pages. */
  pageUrl?: ((page: number) => string) | undefined;
}

export interface ExportDocument {
  /** Strong validator of this representation. */
  etag: string;
  modified: string | null;
  totalItems: number;
  lastPage: number;
  /** The document as text, produced while it is read. */
  stream(): Readable;
}

const sv = translator('sv');
const en = translator('en');
const both = (key: MessageKey, params?: Record<string, string>) => ({ sv: sv(key, params), en: en(key, params) });

const mappers: { [K in Kind]: (item: ExportItems[K], ctx: MappingContext) => Quad[] } = {
  dataset: datasetQuads,
  dataService: dataServiceQuads,
  series: seriesQuads,
};

const iriOf = (baseUrl: string, kind: Kind, slug: string) => (kind === 'dataset' ? datasetIri(baseUrl, slug) : kind === 'dataService' ? dataServiceIri(baseUrl, slug) : seriesIri(baseUrl, slug));

export function createDcatExporter(deps: { source: CatalogExportSource; baseUrl: string; /** ALLMANNING_CATALOG_PUBLISHER */ sitePublisher?: string | undefined }) {
  const { source, baseUrl } = deps;

  /** The organisation that publishes the site-wide catalog, if one is configured and exists. */
  async function sitePublisherOrganization(): Promise<ExportOrganization | undefined> {
    if (!deps.sitePublisher) return undefined;
    try {
      return await source.organization(deps.sitePublisher);
    } catch (error) {
      // A slug that names no organisation (yet): the site's own agent publishes, as when unset.
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** The catalog node, its publisher and (for a page) the Hydra view. */
  function header(organization: ExportOrganization | undefined, modified: string | null, remembered: Set<string>, sitePublisher: ExportOrganization | undefined): Quad[] {
    const g = new GraphBuilder(remembered);
    let publisher;
    if (organization ?? sitePublisher) {
      publisher = addPublisher(g, baseUrl, (organization ?? sitePublisher)!);
    } else {
      publisher = iriTerm(siteAgentIri(baseUrl));
      g.add(publisher, rdfType, term('foaf', 'Agent'));
      g.add(publisher, rdfType, term('foaf', 'Organization'));
      g.text(publisher, term('foaf', 'name'), both('site.name'));
      g.add(publisher, term('dct', 'type'), iriTerm(SITE_PUBLISHER_TYPE));
      g.add(publisher, term('foaf', 'homepage'), iriTerm(`${origin(baseUrl)}/`));
    }
    const names = organization ? { sv: organization.name.sv ?? organization.slug, en: organization.name.en ?? organization.name.sv ?? organization.slug } : undefined;
    addCatalog(g, {
      iri: organization ? organizationCatalogIri(baseUrl, organization.slug) : catalogIri(baseUrl),
      title: names ? { sv: sv('dcat.catalog.orgTitle', { name: names.sv }), en: en('dcat.catalog.orgTitle', { name: names.en }) } : both('dcat.catalog.title'),
      description: names ? { sv: sv('dcat.catalog.orgDescription', { name: names.sv }), en: en('dcat.catalog.orgDescription', { name: names.en }) } : both('dcat.catalog.description'),
      publisher,
      homepage: organization ? `${origin(baseUrl)}/organizations/${encodeURIComponent(organization.slug)}` : `${origin(baseUrl)}/`,
      modified: modified ?? undefined,
    });
    return g.grouped();
  }

  function hydraView(catalog: string, page: number, lastPage: number, totalItems: number, pageSize: number, pageUrl: (n: number) => string): Quad[] {
    const g = new GraphBuilder();
    const view = iriTerm(pageUrl(page));
    g.add(iriTerm(catalog), term('hydra', 'view'), view);
    g.add(view, rdfType, term('hydra', 'PartialCollectionView'));
    g.add(view, term('hydra', 'first'), iriTerm(pageUrl(1)));
    g.add(view, term('hydra', 'last'), iriTerm(pageUrl(lastPage)));
    if (page > 1) g.add(view, term('hydra', 'previous'), iriTerm(pageUrl(page - 1)));
    if (page < lastPage) g.add(view, term('hydra', 'next'), iriTerm(pageUrl(page + 1)));
    g.add(view, term('hydra', 'totalItems'), typed(String(totalItems), 'integer'));
    g.add(view, term('hydra', 'itemsPerPage'), typed(String(pageSize), 'integer'));
    return g.grouped();
  }

  /** The catalog's links to a batch of items, then each item's description. */
  function* block<K extends Kind>(catalog: string, kind: K, items: ExportItems[K][], ctx: MappingContext): Generator<Quad[]> {
    if (items.length === 0) return;
    const g = new GraphBuilder();
    const predicate = term('dcat', kind === 'dataService' ? 'service' : 'dataset');
    for (const item of items) g.add(iriTerm(catalog), predicate, iriTerm(iriOf(baseUrl, kind, item.row.slug)));
    yield g.quads;
    for (const item of items) yield mappers[kind](item, ctx);
  }

  async function prepare(options: ExportOptions): Promise<ExportDocument> {
    const organization = options.organization ? await source.organization(options.organization) : undefined;
    const sitePublisher = organization ? undefined : await sitePublisherOrganization();
    const scope: ExportScope = organization ? { organizationId: organization.id } : {};
    const pageSize = Math.min(Math.max(options.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const [fingerprint, ...counts] = await Promise.all([source.fingerprint(scope), ...KINDS.map((kind) => source.count(kind, scope))]);
    const totalItems = counts.reduce((a, b) => a + b, 0);
    const lastPage = Math.max(1, Math.ceil(totalItems / pageSize));
    const { page } = options;
    if (page !== 'all' && (!Number.isInteger(page) || page < 1 || page > lastPage)) throw new NotFoundError('No such page of the catalog.');
    const catalog = organization ? organizationCatalogIri(baseUrl, organization.slug) : catalogIri(baseUrl);
    const etag = `"${createHash('sha256').update([fingerprint.key, counts.join(','), baseUrl, options.format, organization?.id ?? '', sitePublisher?.id ?? '', page, pageSize].join('\n')).digest('base64url').slice(0, 27)}"`;

    async function* batches(): AsyncGenerator<Quad[]> {
      const ctx: MappingContext = { baseUrl, remembered: new Set() };
      yield header(organization, fingerprint.modified, ctx.remembered!, sitePublisher);
      if (page === 'all') {
        for (const kind of KINDS) {
          for await (const items of source.batches(kind, scope)) yield* block(catalog, kind, items, ctx);
        }
        return;
      }
      if (!options.pageUrl) throw new Error('a paged export needs pageUrl');
      yield hydraView(catalog, page, lastPage, totalItems, pageSize, options.pageUrl);
      // The page is positions [start, end) of datasets, then data services, then series.
      const start = (page - 1) * pageSize;
      const end = start + pageSize;
      let before = 0;
      for (const [index, kind] of KINDS.entries()) {
        const count = counts[index]!;
        const from = Math.max(0, start - before);
        const to = Math.min(count, end - before);
        before += count;
        if (to > from) yield* block(catalog, kind, await source.page(kind, scope, from, to - from), ctx);
      }
    }

    return { etag, modified: fingerprint.modified, totalItems, lastPage, stream: () => serialize(options.format, batches()) };
  }

  return { prepare };
}

export type DcatExporter = ReturnType<typeof createDcatExporter>;
