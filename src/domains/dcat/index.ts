// The DCAT domain's public surface: the catalog as DCAT-AP-SE (export endpoints, per-dataset linked
// data, the CLI's export), and validation against DCAT-AP 3.0.1, DCAT-AP HVD and DCAT-AP-SE (the
// API, the CLI, the dataset editor). The importer (./import) reads RDF into the catalog.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../platform/i18n/index.js';
import { exportDatasetOf, type CatalogDomain, type DatasetView } from '../catalog/index.js';
import { createDcatExporter, type ExportOptions } from './dcat.export.js';
import { datasetQuads } from './dcat.mapping.js';
import { dcatRoutes } from './dcat.routes.js';
import { validateApi } from './validate.api.js';
import type { TextInput, ValidationResult } from './validation/validate.js';
import type * as RDF from '@rdfjs/types';

export { alternateLinks, type AlternateLink } from './alternate-links.js';
export { datasetQuads, formatAndMediaType, type MappingContext } from './dcat.mapping.js';
export { dataServiceQuads, seriesQuads } from './dcat.mapping-services.js';
export { PUBLISHER_TYPES } from './dcat.mapping-agents.js';
export * as dcatIris from './dcat.iris.js';
export { DEFAULT_PAGE_SIZE, type ExportDocument, type ExportOptions } from './dcat.export.js';
export { RDF_FORMATS, rdfFormats, isRdfFormat, formatOfMediaType, serialize, serializeToString, type RdfFormat } from './serializers/index.js';
export { parseRdf, detectFormat, RdfParseError } from './rdf-parse.js';
export { preferredRdfFormat } from './conneg.js';
export { fetchDocument, type RemoteDocument } from './remote-document.js';
export { NS, iri } from './namespaces.js';
export type { ValidationIssue, ValidationResult, ValidationCounts } from './validation/validate.js';

/** The validation stack (SHACL, shapes, vocabularies) is loaded on first use only. */
const validation = () => import('./validation/validate.js');

export async function validateQuads(quads: readonly RDF.Quad[], locale: Locale = 'en'): Promise<ValidationResult> {
  return (await validation()).validateQuads(quads, locale);
}

export async function validateText(input: TextInput, locale: Locale = 'en'): Promise<ValidationResult> {
  return (await validation()).validateText(input, locale);
}

/**
 * A dataset as the editor holds it, checked as it would be exported: DCAT-AP 3.0.1, DCAT-AP HVD
 * (for high-value datasets) and DCAT-AP-SE. Drafts can be checked before they are published.
 */
export async function validateDataset(view: DatasetView, options: { baseUrl: string; locale?: Locale }): Promise<ValidationResult> {
  const quads = datasetQuads(exportDatasetOf(view, options.baseUrl), { baseUrl: options.baseUrl });
  const locale = options.locale ?? 'sv';
  // Keyed by what is validated: the same export (the editor opened again) is not checked twice.
  const key = `${locale} ${createHash('sha256').update(quads.map(quadKey).sort().join('\n')).digest('base64')}`;
  const known = datasetResults.get(key);
  if (known) return known;
  const result = await validateQuads(quads, locale);
  datasetResults.set(key, result);
  return result;
}

const datasetResults = new LRUCache<string, ValidationResult>({ max: 500 });
const quadKey = (q: RDF.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType} ${q.object.value} ${'language' in q.object ? q.object.language : ''} ${'datatype' in q.object ? q.object.datatype.value : ''}`;

export interface DcatDeps {
  catalog: CatalogDomain;
  config: { baseUrl: string; fetchAllowPrivate: readonly string[]; catalogPublisher?: string | undefined };
}

export function createDcatDomain(deps: DcatDeps) {
  const { baseUrl } = deps.config;
  const exporter = createDcatExporter({ source: deps.catalog.exportSource, baseUrl, sitePublisher: deps.config.catalogPublisher });
  const routes = dcatRoutes({ exporter, datasets: deps.catalog.catalog.datasets, baseUrl });
  const api = validateApi({ validateText, fetchAllowPrivate: deps.config.fetchAllowPrivate });

  /**
   * The plugin: the dataset negotiation hook on the root instance (so it runs before the catalog's
   * pages, which must be registered after this), the routes in their own scope (they add parsers
   * for RDF bodies). `skip-override` is what fastify-plugin sets: this function's hook is global.
   */
  const plugin = Object.assign(
    async (app: FastifyInstance) => {
      routes.installDatasetNegotiation(app);
      await app.register(async (scoped) => {
        await routes.catalogRoutes(scoped);
        await api(scoped);
      });
    },
    { [Symbol.for('skip-override')]: true },
  );

  return {
    plugin,
    /** The whole catalog, an organisation's or a page of it, as a streamed document. */
    exportCatalog: (options: ExportOptions) => exporter.prepare(options),
    validateText,
    validateQuads,
    validateDataset: (view: DatasetView, locale: Locale = 'sv') => validateDataset(view, { baseUrl, locale }),
  };
}

export type DcatDomain = ReturnType<typeof createDcatDomain>;
