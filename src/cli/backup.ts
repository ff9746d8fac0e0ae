import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { SQLITE_FILE_NAME } from '../db/index.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';

/**
 * `allmanning backup FILE`: a consistent copy of the SQLite database taken online through SQLite's
 * backup API, while other processes keep reading and writing. PostgreSQL: use pg_dump (see docs).
 */
export async function backupCommand(file: string, options: { force?: boolean }): Promise<void> {
  // Opening a missing database would create an empty one and "back it up" with exit 0, hiding a
  // wrong ALLMANNING_DATA_DIR; refuse instead.
  const config = loadConfig();
  if (!config.databaseUrl) {
    const source = path.resolve(config.dataDir, SQLITE_FILE_NAME);
    if (!fs.existsSync(source)) throw new CliError(`no database at ${source}; check ALLMANNING_DATA_DIR`);
  }
  const deps = await openRuntime({ migrate: false });
  try {
    if (!deps.database.sqlite) {
      throw new CliError('backup copies the embedded SQLite database; on PostgreSQL use pg_dump (see docs/deployment.md)');
    }
    const target = path.resolve(file);
    if (fs.existsSync(target) && !options.force) throw new CliError(`${target} exists; pass --force to overwrite it`);
    if (!fs.existsSync(path.dirname(target))) throw new CliError(`directory ${path.dirname(target)} does not exist`);
    const started = Date.now();
    // Write next to the target and rename at the end, so a failed or interrupted backup never
    // leaves a half-written FILE behind, nor destroys the old one that --force replaces.
    const partial = `${target}.partial-${process.pid}`;
    try {
      // Copy every remaining page in ONE step. With the default (100 pages a step) any commit by
      // another process between steps restarts the copy, so a database larger than 100 pages that
      // is being written to never finished (and the WAL grew without bound). One step is one read
      // transaction: a consistent snapshot that in WAL mode does not block the writers.
      const result = await deps.database.sqlite.backup(partial, { progress: () => 0x7fffffff });
      fs.renameSync(partial, target);
      process.stdout.write(`${JSON.stringify({ file: target, pages: result.totalPages, bytes: fs.statSync(target).size, ms: Date.now() - started })}\n`);
    } finally {
      fs.rmSync(partial, { force: true });
      fs.rmSync(`${partial}-journal`, { force: true });
    }
  } finally {
    await closeRuntime(deps);
  }
}
