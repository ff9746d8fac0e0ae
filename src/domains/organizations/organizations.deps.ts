// What the organisations domain needs from the application.
import type { Kysely } from 'kysely';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/index.js';
import type { AccountsDomain } from '../accounts/index.js';
import type { OrganizationsTables } from './organizations.table.js';

export interface OrganizationsDeps {
  db: Kysely<OrganizationsTables>;
  clock: Clock;
  events: EventBus<AppEvents>;
  accounts: AccountsDomain;
  config: { baseUrl: string; dataDir: string };
}
