// Data services and dataset series → DCAT-AP-SE quads (the dataset mapping is in dcat.mapping.ts).
import type { ExportDataService, ExportSeries } from '../catalog/index.js';
import { anyIri, dataServiceIri, datasetIri, seriesIri, webIri } from './dcat.iris.js';
import { addContactPoint, addLegislation, addLicence, addPublisher, addTemporal, isHvdLegislation, legislationOf } from './dcat.mapping-agents.js';
import type { MappingContext } from './dcat.mapping.js';
import { dateLiteral, GraphBuilder, iriTerm, rdfType, term, type Quad } from './rdf-builder.js';

const present = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

/** A data service (an API): endpoints, formats, the published datasets it serves, HVD properties. */
export function dataServiceQuads(service: ExportDataService, ctx: MappingContext): Quad[] {
  const g = new GraphBuilder(ctx.remembered);
  const { row, metadata: m } = service;
  const node = iriTerm(dataServiceIri(ctx.baseUrl, row.slug));
  const legislation = legislationOf(m, row.hvd === 1);
  g.add(node, rdfType, term('dcat', 'DataService'));
  g.text(node, term('dct', 'title'), m.title);
  g.text(node, term('dct', 'description'), m.description);
  g.add(node, term('dct', 'publisher'), addPublisher(g, ctx.baseUrl, service.organization));
  addContactPoint(g, node, m.contactPoint);
  g.iris(node, term('dcat', 'endpointURL'), present(m.endpointUrls.map(webIri)));
  g.iris(node, term('dcat', 'endpointDescription'), present(m.endpointDescriptions.map(webIri)));
  g.iris(node, term('dct', 'format'), present(m.formats.map(anyIri)));
  addLicence(g, node, m.license);
  g.iris(node, term('dct', 'accessRights'), [anyIri(m.accessRights)]);
  g.keywords(node, term('dcat', 'keyword'), m.keywords);
  g.iris(node, term('dcat', 'theme'), present(m.themes.map(anyIri)));
  g.iris(node, term('foaf', 'page'), present(m.documentation.map(webIri)));
  g.iris(node, term('dcat', 'landingPage'), [webIri(m.landingPage)]);
  g.iris(node, term('dct', 'conformsTo'), present(m.conformsTo.map(anyIri)));
  g.iris(node, term('dcat', 'servesDataset'), service.servesDatasets.map((d) => datasetIri(ctx.baseUrl, d.slug)));
  addLegislation(g, node, legislation);
  if (isHvdLegislation(legislation)) g.iris(node, term('dcatap', 'hvdCategory'), present(m.hvdCategories.map(anyIri)));
  return g.grouped();
}

/** A dataset series; its datasets point at it with dcat:inSeries. */
export function seriesQuads(series: ExportSeries, ctx: MappingContext): Quad[] {
  const g = new GraphBuilder(ctx.remembered);
  const { row, metadata: m } = series;
  const node = iriTerm(seriesIri(ctx.baseUrl, row.slug));
  const legislation = legislationOf(m, row.hvd === 1);
  g.add(node, rdfType, term('dcat', 'DatasetSeries'));
  g.text(node, term('dct', 'title'), m.title);
  g.text(node, term('dct', 'description'), m.description);
  g.add(node, term('dct', 'publisher'), addPublisher(g, ctx.baseUrl, series.organization));
  addContactPoint(g, node, m.contactPoint);
  g.keywords(node, term('dcat', 'keyword'), m.keywords);
  g.iris(node, term('dcat', 'theme'), present(m.themes.map(anyIri)));
  g.iris(node, term('dct', 'accrualPeriodicity'), [anyIri(m.accrualPeriodicity)]);
  addTemporal(g, node, m.temporal);
  g.iris(node, term('dct', 'spatial'), present(m.spatial.map(anyIri)));
  g.add(node, term('dct', 'issued'), dateLiteral(m.issued));
  g.add(node, term('dct', 'modified'), dateLiteral(m.modified));
  g.iris(node, term('dcat', 'landingPage'), [webIri(m.landingPage)]);
  g.iris(node, term('foaf', 'page'), present(m.documentation.map(webIri)));
  g.iris(node, term('dct', 'conformsTo'), present(m.conformsTo.map(anyIri)));
  addLegislation(g, node, legislation);
  if (isHvdLegislation(legislation)) g.iris(node, term('dcatap', 'hvdCategory'), present(m.hvdCategories.map(anyIri)));
  return g.grouped();
}
