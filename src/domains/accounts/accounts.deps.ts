// What the accounts domain needs from the application, and nothing more.
import type { Kysely } from 'kysely';
import type { AppEvents } from '../../app-events.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/index.js';
import type { Mailer } from '../../platform/mail/index.js';
import type { PersonalDataRegistry } from '../../platform/personal-data.js';
import type { AccountsTables } from './accounts.table.js';

export interface AccountsDeps {
  db: Kysely<AccountsTables>;
  clock: Clock;
  mailer: Mailer;
  events: EventBus<AppEvents>;
  personalData: PersonalDataRegistry;
  config: { baseUrl: string };
}

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
export const EMAIL_CONFIRM_TTL_MS = 48 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;
export const INVITATION_TTL_MS = 14 * 24 * 3600_000;
/** Failed log-ins allowed per account and per IP within the window; the next is refused (429). */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const NAME_MAX_LENGTH = 200;
