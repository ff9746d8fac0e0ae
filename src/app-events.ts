// Every event that crosses a domain boundary, by name → payload. Domains add their events here; the
// subscribers are registered in one visible list in app.ts (registerSubscribers).
export type AppEvents = {
  /** Emitted by `migrate` and `serve` once the schema is current (lets caches warm up). */
  'platform.migrated': { applied: string[] };
};
