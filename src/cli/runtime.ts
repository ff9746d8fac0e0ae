// Shared by CLI commands: load config, open deps, migrate, and close everything on the way out.
import { loadConfig } from '../config/index.js';
import { migrateToLatest } from '../db/index.js';
import { createDeps, type AppDeps } from '../deps.js';
import { registerJobs, registerSchedules, registerSubscribers } from '../app.js';

/** A failure the CLI reports as one line on stderr with exit code 1. */
export class CliError extends Error {}

export async function openRuntime(options: { migrate?: boolean } = {}): Promise<AppDeps> {
  const config = loadConfig();
  const deps = createDeps(config);
  registerSubscribers(deps);
  registerJobs(deps);
  if (options.migrate ?? true) {
    const applied = await migrateToLatest(deps.database);
    await registerSchedules(deps);
    await deps.events.publish('platform.migrated', { applied });
  }
  return deps;
}

export async function closeRuntime(deps: AppDeps): Promise<void> {
  deps.mailer.close();
  await deps.database.close();
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}
