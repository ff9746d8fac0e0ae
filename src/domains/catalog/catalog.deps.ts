// What the catalog domain needs from the application.
import type { Kysely } from 'kysely';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/index.js';
import type { FileStorage } from '../../platform/storage/index.js';
import type { AccountsDomain } from '../accounts/index.js';
import type { OrganizationsDomain } from '../organizations/index.js';
import type { CatalogTables } from './catalog.table.js';
import type { DatasetValidator } from './dataset-validation.js';

export interface CatalogDeps {
  db: Kysely<CatalogTables>;
  clock: Clock;
  events: EventBus<AppEvents>;
  accounts: AccountsDomain;
  organizations: OrganizationsDomain;
  files: FileStorage;
  config: { baseUrl: string; uploadMaxBytes: number };
  /** Checks a dataset as it would be exported (the DCAT domain's validator, bound in src/domains.ts). */
  validateDataset?: DatasetValidator;
  /**
   * The harvest source an import source belongs to (its URL), for resources that are harvested and so
   * read-only here (the harvest domain, bound in src/domains.ts); undefined when it is not harvested.
   */
  harvestedFrom?: (sourceId: string) => Promise<string | undefined>;
}
