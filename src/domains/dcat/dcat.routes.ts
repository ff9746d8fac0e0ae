// The linked-data routes: the catalog in four syntaxes (/catalog.rdf|.ttl|.jsonld|.nt, paged;
// ?page=all streams everything), each organisation's catalog (/organizations/{slug}/catalog.*,
// the whole catalog by default: it is what dataportal.se harvests, from one URL), /catalog and
// /organizations/{slug}/catalog by Accept, and content negotiation on every dataset URI.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { anonymous } from '../../platform/auth/actor.js';
import { GoneError, NotFoundError } from '../../platform/errors.js';
import { exportDatasetOf, type CatalogService } from '../catalog/index.js';
import { catalogFormat, preferredRdfFormat } from './conneg.js';
import type { DcatExporter, ExportOptions } from './dcat.export.js';
import { alternateLinks } from './alternate-links.js';
import { origin } from './dcat.iris.js';
import { datasetQuads } from './dcat.mapping.js';
import { RDF_FORMATS, rdfFormats, serialize, type RdfFormat } from './serializers/index.js';

export interface DcatRoutesDeps {
  exporter: DcatExporter;
  datasets: CatalogService['datasets'];
  baseUrl: string;
}

const PageQuery = Type.Object(
  {
    page: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,8}|all)$', description: 'A page number (1, 2, …) or "all" for the whole catalog in one streamed document.' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Items per page (default 100).' })),
  },
  { additionalProperties: false },
);

interface PageParams {
  page?: string;
  pageSize?: number;
}

const DATASET_PATH = /^(?:\/en)?\/datasets\/([^/?#]+)$/;

/** A cheap first test before the path is parsed: most requests are not for a dataset. */
function mayBeDatasetPath(url: string): boolean {
  return url.startsWith('/datasets/') || url.startsWith('/en/datasets/');
}
const SUFFIX = new RegExp(`\\.(${rdfFormats.map((f) => RDF_FORMATS[f].extension).join('|')})$`);

export function dcatRoutes(deps: DcatRoutesDeps) {
  const base = origin(deps.baseUrl);

  async function sendCatalog(request: FastifyRequest, reply: FastifyReply, format: RdfFormat, path: string, organization: string | undefined, defaultPage: 'all' | 1): Promise<FastifyReply> {
    const query = request.query as PageParams;
    const page = query.page === undefined ? defaultPage : query.page === 'all' ? 'all' : Number(query.page);
    const pageSize = query.pageSize;
    const pageUrl = (n: number) => `${base}${path}?page=${n}${pageSize ? `&pageSize=${pageSize}` : ''}`;
    const options: ExportOptions = { format, organization, page, pageSize, pageUrl };
    const document = await deps.exporter.prepare(options);
    reply.header('etag', document.etag);
    reply.header('cache-control', 'public, no-cache');
    reply.header('vary', 'Accept');
    if (document.modified) reply.header('last-modified', new Date(document.modified).toUTCString());
    if (page !== 'all') {
      const links = [`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(document.lastPage)}>; rel="last"`];
      if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
      if (page < document.lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
      reply.header('link', links.join(', '));
    }
    if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim() === document.etag)) return reply.code(304).send();
    reply.type(RDF_FORMATS[format].contentType);
    return reply.send(document.stream());
  }

  /** A dataset as RDF (anonymous view: drafts and private datasets are not found). */
  async function sendDataset(reply: FastifyReply, slug: string, format: RdfFormat): Promise<FastifyReply> {
    const view = await deps.datasets.get(anonymous, slug);
    const quads = datasetQuads(exportDatasetOf(view, deps.baseUrl), { baseUrl: deps.baseUrl });
    reply.header('etag', `"${view.state.row.id}.${view.state.row.revision}.${format}"`);
    reply.header('cache-control', 'public, no-cache');
    reply.header('vary', 'Accept');
    reply.type(RDF_FORMATS[format].contentType);
    return reply.send(serialize(format, (async function* () {
      yield quads;
    })()));
  }

  /**
   * Every dataset URI answers RDF to a client that prefers it, and names its RDF otherwise. The
   * page belongs to the catalog's pages plugin: this hook answers before it, or not at all. It must
   * be installed on the root instance (see index.ts) before that plugin is registered.
   */
  function installDatasetNegotiation(app: FastifyInstance): void {
    // A callback hook, so the many requests that are no dataset GET pass without a promise.
    app.addHook('onRequest', (request, reply, done) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !mayBeDatasetPath(request.url)) {
        done();
        return;
      }
      // Replying from a callback hook means not calling done (Fastify's hook rules).
      negotiate(request, reply).then(
        (answered) => {
          if (!answered) done();
        },
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  /** Answers RDF (true) or leaves the request to the page (false), naming the alternates. */
  async function negotiate(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const match = DATASET_PATH.exec(request.url.split('?')[0]!);
    if (!match) return false;
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]!);
    } catch {
      return false; // not a slug we could have made; the page answers (404)
    }
    const suffix = SUFFIX.exec(slug)?.[1];
    const format = suffix ? rdfFormats.find((f) => RDF_FORMATS[f].extension === suffix) : preferredRdfFormat(request.headers.accept);
    if (suffix) slug = slug.slice(0, -suffix.length - 1);
    reply.header('vary', 'Accept');
    if (!format) {
      reply.header('link', alternateLinks(slug, deps.baseUrl).map((l) => `<${l.href}>; rel="alternate"; type="${l.type}"`).join(', '));
      return false;
    }
    try {
      await sendDataset(reply, slug, format);
      return true;
    } catch (error) {
      // Without an RDF suffix, a slug that is no dataset (e.g. /datasets/new) is the page's business.
      if (!suffix && (error instanceof NotFoundError || error instanceof GoneError)) return false;
      throw error;
    }
  }

  async function catalogRoutes(app: FastifyInstance): Promise<void> {
    const schema = { querystring: PageQuery, hide: true };
    for (const format of rdfFormats) {
      const extension = RDF_FORMATS[format].extension;
      app.get(`/catalog.${extension}`, { schema }, (request, reply) => sendCatalog(request, reply, format, `/catalog.${extension}`, undefined, 1));
      app.get(`/organizations/:slug/catalog.${extension}`, { schema }, (request, reply) => {
        const { slug } = request.params as { slug: string };
        return sendCatalog(request, reply, format, `/organizations/${encodeURIComponent(slug)}/catalog.${extension}`, slug, 'all');
      });
    }

    // The catalog's IRIs themselves: RDF by Accept (RDF/XML unless another syntax is preferred);
    // a browser asking for HTML is sent to the pages that list the same things.
    app.get('/catalog', { schema }, (request, reply) => {
      const format = catalogFormat(request.headers.accept);
      if (format === 'html') return reply.header('vary', 'Accept').redirect('/datasets', 303);
      return sendCatalog(request, reply, format, `/catalog.${RDF_FORMATS[format].extension}`, undefined, 1);
    });
    app.get('/organizations/:slug/catalog', { schema }, (request, reply) => {
      const { slug } = request.params as { slug: string };
      const format = catalogFormat(request.headers.accept);
      if (format === 'html') return reply.header('vary', 'Accept').redirect(`/organizations/${encodeURIComponent(slug)}`, 303);
      return sendCatalog(request, reply, format, `/organizations/${encodeURIComponent(slug)}/catalog.${RDF_FORMATS[format].extension}`, slug, 'all');
    });
  }

  return { installDatasetNegotiation, catalogRoutes };
}
