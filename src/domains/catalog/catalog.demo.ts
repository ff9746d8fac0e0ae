// `allmanning demo` for the catalog: the demo series, datasets (with their generated files), the API
// and the publishing, fed through the same services as every user, in the order the rules need
// (series → datasets and files → the API that serves the HVD datasets → publish). Deterministic:
// fixed ids, a fixed clock; idempotent: anything whose id exists is left as it is.
import { Readable } from 'node:stream';
import { FixedClock } from '../../platform/clock.js';
import type { CatalogDeps } from './catalog.deps.js';
import { catalogRepository } from './catalog.repository.js';
import { createCatalogService } from './catalog.service.js';
import { demoDataServices, demoDatasets, demoSeries } from './demo/demo-catalog.js';

const DEMO_TIME = new Date('2026-11-28T00:00:00.000Z');

export async function seedDemoCatalog(deps: CatalogDeps): Promise<{ created: number; existing: number }> {
  const service = createCatalogService({ ...deps, clock: new FixedClock(DEMO_TIME) });
  const exists = async (kind: 'dataset' | 'dataService' | 'series', id: string) => Boolean(await catalogRepository.findByIdOrSlug(deps.db, kind, id));
  let created = 0;
  let existing = 0;
  const toPublish: { kind: 'dataset' | 'dataService' | 'series'; id: string }[] = [];

  for (const series of demoSeries) {
    if (await exists('series', series.id)) { existing++; continue; }
    await service.series.create(null, { ...series.input, organization: series.organization, slug: series.slug }, series.id);
    toPublish.push({ kind: 'series', id: series.id });
    created++;
  }
  for (const dataset of demoDatasets) {
    if (await exists('dataset', dataset.id)) { existing++; continue; }
    await service.datasets.create(null, { ...dataset.input, organization: dataset.organization, slug: dataset.slug, visibility: dataset.visibility ?? 'public' }, dataset.id);
    for (const distribution of dataset.distributions) {
      const upload = distribution.file ? { stream: Readable.from([distribution.file.bytes()]), fileName: distribution.file.name, declaredMediaType: distribution.file.mediaType } : undefined;
      await service.distributions.add(null, dataset.id, distribution.input, upload);
    }
    if (dataset.publish) toPublish.push({ kind: 'dataset', id: dataset.id });
    created++;
  }
  for (const api of demoDataServices) {
    if (await exists('dataService', api.id)) { existing++; continue; }
    await service.dataServices.create(null, { ...api.input, organization: api.organization, slug: api.slug }, api.id);
    toPublish.push({ kind: 'dataService', id: api.id });
    created++;
  }
  const operations = { dataset: service.datasets, dataService: service.dataServices, series: service.series };
  for (const { kind, id } of toPublish) await operations[kind].publishAsOperator(id);
  return { created, existing };
}
