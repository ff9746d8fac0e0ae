// What the search domain needs from the application.
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { SearchTables } from './search.table.js';

export interface SearchDeps {
  db: Kysely<SearchTables>;
  clock: Clock;
  dialect: 'sqlite' | 'postgres';
  config: { baseUrl: string };
  /** Which SearchIndex: by default the database's own on PostgreSQL, the embedded one on SQLite. */
  backend?: 'embedded' | 'postgres';
}
