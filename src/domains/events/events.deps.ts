// What the events domain needs from the application.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/index.js';
import type { Mailer } from '../../platform/mail/index.js';
import type { FileStorage } from '../../platform/storage/index.js';
import type { OrganizationsDomain } from '../organizations/index.js';
import type { EventsTables } from './events.table.js';

export interface EventsConfig {
  baseUrl: string;
  mailFrom: string;
  /** Days before an event that participants are reminded. */
  reminderDays: number;
  /** Days after an event that its registrations are anonymised. */
  retentionDays: number;
  /** Who is responsible for the personal data (shown on the privacy notice). */
  privacyController: string;
  privacyContact: string;
  slidesMaxBytes: number;
}

export interface EventsDeps {
  db: Kysely<EventsTables>;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  events: EventBus<AppEvents>;
  mailer: Mailer;
  log: Logger;
  organizations: OrganizationsDomain;
  files: FileStorage;
  config: EventsConfig;
}
