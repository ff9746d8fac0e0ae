import { closeRuntime, openRuntime } from './runtime.js';
import { migrateToLatest } from '../db/index.js';

/** `allmanning migrate`: applies pending migrations and prints their names (JSON with --json). */
export async function migrateCommand(options: { json?: boolean }): Promise<void> {
  const deps = await openRuntime({ migrate: false });
  try {
    const applied = await migrateToLatest(deps.database);
    if (options.json) process.stdout.write(`${JSON.stringify({ applied })}\n`);
    else process.stdout.write(applied.length ? `${applied.join('\n')}\n` : 'Database is up to date.\n');
  } finally {
    await closeRuntime(deps);
  }
}
