// Every event that crosses a domain boundary, by name → payload. Domains declare their events in
// `<domain>.events.ts` and are listed here; subscribers are registered in one visible list in
// app.ts (registerSubscribers).
import type { AccountsEvents } from './domains/accounts/index.js';
import type { CatalogEvents } from './domains/catalog/index.js';

export type PlatformEvents = {
  /** Emitted by `migrate` and `serve` once the schema is current. */
  'platform.migrated': { applied: string[] };
};

export type AppEvents = PlatformEvents & AccountsEvents & CatalogEvents;
