// Shared by CLI commands: load config, open deps, migrate, and close everything on the way out.
import { loadConfig } from '../config/index.js';
import { migrateToLatest } from '../db/index.js';
import { createDeps, type AppDeps } from '../deps.js';
import { createLogger, stderrDestination } from '../platform/logger.js';
import { registerJobs, registerSchedules, registerSubscribers } from '../app.js';

/** A failure the CLI reports as one line on stderr with exit code 1. */
export class CliError extends Error {}

export async function openRuntime(options: { migrate?: boolean; asyncLog?: boolean } = {}): Promise<AppDeps> {
  const config = loadConfig();
  const deps = createDeps(config, options.asyncLog ? { log: createLogger(config.logLevel, stderrDestination({ async: true })) } : {});
  registerSubscribers(deps);
  registerJobs(deps);
  if (options.migrate ?? true) {
    try {
      const applied = await migrateToLatest(deps.database);
      await registerSchedules(deps);
      await deps.events.publish('platform.migrated', { applied });
    } catch (error) {
      // Close what was opened: an idle PostgreSQL pool would otherwise keep the failing process
      // alive (up to its idle timeout) after the one-line error.
      await closeRuntime(deps).catch(() => undefined);
      throw error;
    }
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
    // Remove both listeners on the first signal: a leftover one swallowed the other signal, so
    // Ctrl-C during a slow shutdown begun by SIGTERM did nothing. Now a second signal of either
    // kind gets Node's default (terminate at once).
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
