// Catalog resources → DCAT-AP-SE 3.0.1 as RDF/JS quads. The catalog's metadata documents map 1:1
// on DCAT properties (see catalog.model.ts); this adds what RDF needs besides: absolute IRIs on the
// base URL, no blank nodes for the classes dataportal.se harvests by identity, publisher agents,
// typed dates, IANA media type IRIs next to the EU file type, checksums, and the DCAT-AP HVD
// properties on high-value datasets and their distributions. Pure: no I/O, so the export, the
// per-dataset documents, the validator and the importer's round trips all use the same mapping.
import type * as RDF from '@rdfjs/types';
import { findConcept, fileTypeByMediaType, type DistributionMetadata, type ExportDataset, type ExportDistribution } from '../catalog/index.js';
import { anyIri, checksumIri, dataServiceIri, datasetIri, distributionIri, mediaTypeIri, rightsIri, seriesIri, webIri } from './dcat.iris.js';
import { addContactPoint, addLegislation, addLicence, addPublisher, addTemporal, isHvdLegislation, legislationOf } from './dcat.mapping-agents.js';
import { dateLiteral, GraphBuilder, iriTerm, rdfType, term, typed, type Quad } from './rdf-builder.js';

export interface MappingContext {
  baseUrl: string;
  /** Shared nodes already described in this document (publishers, licences): one per export. */
  remembered?: Set<string>;
}

const webIris = (values: readonly string[]) => values.map(webIri);
const anyIris = (values: readonly string[]) => values.map(anyIri);

const formats = new Map<string, { format?: string; mediaType?: string }>();

/** dct:format (EU file type) and dcat:mediaType (IANA) — each derived from the other when one is missing. */
export function formatAndMediaType(d: Pick<DistributionMetadata, 'format' | 'mediaType'>): { format?: string; mediaType?: string } {
  // A catalog uses few formats; the lookups normalise IRIs, so remember the answers.
  const key = `${d.format ?? ''} ${d.mediaType ?? ''}`;
  let found = formats.get(key);
  if (!found) {
    found = lookUpFormat(d);
    if (formats.size < 10_000) formats.set(key, found);
  }
  return found;
}

function lookUpFormat(d: Pick<DistributionMetadata, 'format' | 'mediaType'>): { format?: string; mediaType?: string } {
  const concept = d.format ? findConcept('fileType', d.format) : d.mediaType ? fileTypeByMediaType(d.mediaType) : undefined;
  const format = concept?.iri ?? anyIri(d.format);
  const mediaType = mediaTypeIri(d.mediaType) ?? mediaTypeIri(concept?.mediaType);
  return { ...(format ? { format } : {}), ...(mediaType ? { mediaType } : {}) };
}

function addDistribution(g: GraphBuilder, ctx: MappingContext, dataset: ExportDataset, d: ExportDistribution, legislation: string[]): RDF.NamedNode {
  const node = iriTerm(distributionIri(ctx.baseUrl, dataset.row.slug, d.id));
  const m = d.metadata;
  g.add(node, rdfType, term('dcat', 'Distribution'));
  g.text(node, term('dct', 'title'), m.title);
  g.text(node, term('dct', 'description'), m.description);
  const download = webIri(m.downloadUrl);
  // DCAT-AP: accessURL is mandatory; a direct download is also a way to access the data.
  const access = webIri(m.accessUrl) ?? download;
  if (access) g.add(node, term('dcat', 'accessURL'), iriTerm(access));
  if (download) g.add(node, term('dcat', 'downloadURL'), iriTerm(download));
  const { format, mediaType } = formatAndMediaType(m);
  if (format) g.add(node, term('dct', 'format'), iriTerm(format));
  if (mediaType) g.add(node, term('dcat', 'mediaType'), iriTerm(mediaType));
  addLicence(g, node, m.license);
  if (m.byteSize !== undefined && Number.isSafeInteger(m.byteSize) && m.byteSize >= 0) g.add(node, term('dcat', 'byteSize'), typed(String(m.byteSize), 'nonNegativeInteger'));
  if (m.checksum && /^[0-9a-f]{64}$/i.test(m.checksum.value)) {
    const checksum = iriTerm(checksumIri(node.value));
    g.add(node, term('spdx', 'checksum'), checksum);
    g.add(checksum, rdfType, term('spdx', 'Checksum'));
    g.add(checksum, term('spdx', 'algorithm'), term('spdx', 'checksumAlgorithm_sha256'));
    g.add(checksum, term('spdx', 'checksumValue'), typed(m.checksum.value.toLowerCase(), 'hexBinary'));
  }
  g.iris(node, term('adms', 'status'), [anyIri(m.status)]);
  g.iris(node, term('dcatap', 'availability'), [anyIri(m.availability)]);
  g.iris(node, term('dct', 'conformsTo'), anyIris(m.conformsTo));
  g.iris(node, term('dct', 'language'), anyIris(m.languages));
  g.iris(node, term('foaf', 'page'), webIris(m.documentation));
  if (m.rights && (m.rights.sv?.trim() || m.rights.en?.trim())) {
    const rights = iriTerm(rightsIri(node.value));
    g.add(node, term('dct', 'rights'), rights);
    g.add(rights, rdfType, term('dct', 'RightsStatement'));
    g.text(rights, term('rdfs', 'label'), m.rights);
  }
  g.iris(node, term('dcat', 'accessService'), d.accessServices.map((s) => dataServiceIri(ctx.baseUrl, s.slug)));
  // DCAT-AP HVD: the distributions of a high-value dataset name the legislation too.
  if (isHvdLegislation(legislation)) addLegislation(g, node, legislation);
  return node;
}

/** One dataset with its distributions, contact point, periods and publisher. */
export function datasetQuads(dataset: ExportDataset, ctx: MappingContext): Quad[] {
  const g = new GraphBuilder(ctx.remembered);
  const { row, metadata: m } = dataset;
  const node = iriTerm(datasetIri(ctx.baseUrl, row.slug));
  const legislation = legislationOf(m, row.hvd === 1);
  g.add(node, rdfType, term('dcat', 'Dataset'));
  g.text(node, term('dct', 'title'), m.title);
  g.text(node, term('dct', 'description'), m.description);
  g.add(node, term('dct', 'publisher'), addPublisher(g, ctx.baseUrl, dataset.organization));
  addContactPoint(g, node, m.contactPoint);
  g.keywords(node, term('dcat', 'keyword'), m.keywords);
  g.iris(node, term('dcat', 'theme'), anyIris(m.themes));
  g.add(node, term('dct', 'issued'), dateLiteral(m.issued));
  g.add(node, term('dct', 'modified'), dateLiteral(m.modified));
  addTemporal(g, node, m.temporal);
  g.iris(node, term('dct', 'spatial'), anyIris(m.spatial));
  g.iris(node, term('dct', 'accrualPeriodicity'), [anyIri(m.accrualPeriodicity)]);
  g.iris(node, term('dct', 'accessRights'), [anyIri(m.accessRights)]);
  g.iris(node, term('dct', 'conformsTo'), anyIris(m.conformsTo));
  g.iris(node, term('dcat', 'landingPage'), [webIri(m.landingPage)]);
  g.iris(node, term('foaf', 'page'), webIris(m.documentation));
  g.iris(node, term('dct', 'language'), anyIris(m.languages));
  g.plain(node, term('dcat', 'version'), m.version);
  g.text(node, term('adms', 'versionNotes'), m.versionNotes);
  // dataportal.se recognises a dataset across catalogs by a UUID dct:identifier: our id is one.
  g.plain(node, term('dct', 'identifier'), m.identifier?.trim() || row.id);
  if (dataset.series) g.add(node, term('dcat', 'inSeries'), iriTerm(seriesIri(ctx.baseUrl, dataset.series.slug)));
  addLegislation(g, node, legislation);
  if (isHvdLegislation(legislation)) g.iris(node, term('dcatap', 'hvdCategory'), anyIris(m.hvdCategories));
  for (const distribution of dataset.distributions) {
    g.add(node, term('dcat', 'distribution'), iriTerm(distributionIri(ctx.baseUrl, row.slug, distribution.id)));
  }
  for (const distribution of dataset.distributions) addDistribution(g, ctx, dataset, distribution, legislation);
  return g.grouped();
}
