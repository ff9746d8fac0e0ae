// What the generic pages (publish, history, delete) need to know about each kind of resource.
import type { MessageKey } from '../../../platform/i18n/index.js';
import type { ResourceKind } from '../catalog.model.js';

export interface KindText {
  /** The locale-free base path: /datasets, /data-services, /series. */
  base: string;
  publishTitle: MessageKey;
  historyTitle: MessageKey;
  deleteTitle: MessageKey;
  deleteText: MessageKey;
  backTo: MessageKey;
}

export const kindTexts: Record<ResourceKind, KindText> = {
  dataset: {
    base: '/datasets',
    publishTitle: 'catalogUi.publish.titleDataset',
    historyTitle: 'catalogUi.history.titleDataset',
    deleteTitle: 'catalogUi.delete.titleDataset',
    deleteText: 'catalogUi.delete.textDataset',
    backTo: 'catalogUi.backToDataset',
  },
  dataService: {
    base: '/data-services',
    publishTitle: 'catalogUi.publish.titleDataService',
    historyTitle: 'catalogUi.history.titleDataService',
    deleteTitle: 'catalogUi.delete.titleDataService',
    deleteText: 'catalogUi.delete.textDataService',
    backTo: 'catalogUi.backToDataService',
  },
  series: {
    base: '/series',
    publishTitle: 'catalogUi.publish.titleSeries',
    historyTitle: 'catalogUi.history.titleSeries',
    deleteTitle: 'catalogUi.delete.titleSeries',
    deleteText: 'catalogUi.delete.textSeries',
    backTo: 'catalogUi.backToSeries',
  },
};

/** The page of a resource (locale-free). */
export const resourcePath = (kind: ResourceKind, slug: string) => `${kindTexts[kind].base}/${encodeURIComponent(slug)}`;
