import fs from 'node:fs';
import path from 'node:path';
import { CliError, closeRuntime, openRuntime } from './runtime.js';

/**
 * `allmanning backup FILE`: a consistent copy of the SQLite database taken online through SQLite's
 * backup API, while other processes keep reading and writing. PostgreSQL: use pg_dump (see docs).
 */
export async function backupCommand(file: string, options: { force?: boolean }): Promise<void> {
  const deps = await openRuntime({ migrate: false });
  try {
    if (!deps.database.sqlite) {
      throw new CliError('backup copies the embedded SQLite database; on PostgreSQL use pg_dump (see docs/deployment.md)');
    }
    const target = path.resolve(file);
    if (fs.existsSync(target) && !options.force) throw new CliError(`${target} exists; pass --force to overwrite it`);
    if (!fs.existsSync(path.dirname(target))) throw new CliError(`directory ${path.dirname(target)} does not exist`);
    if (options.force) fs.rmSync(target, { force: true });
    const started = Date.now();
    const result = await deps.database.sqlite.backup(target);
    process.stdout.write(`${JSON.stringify({ file: target, pages: result.totalPages, bytes: fs.statSync(target).size, ms: Date.now() - started })}\n`);
  } finally {
    await closeRuntime(deps);
  }
}
