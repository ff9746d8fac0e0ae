// `allmanning reindex [--json]`: builds the search index from the database — every dataset read
// and indexed, with a progress bar on stderr — and tells every running process (web, worker) to
// build theirs again (they notice within a second). stdout: the result (documents, seconds), or
// JSON with --json. Exit 0 on success, 1 with one line on failure, 2 for usage errors.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { domainsOf } from '../domains.js';
import { closeRuntime, openRuntime } from './runtime.js';

export async function reindexCommand(options: { json?: boolean }): Promise<void> {
  const deps = await openRuntime();
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'Indexing [{bar}] {value}/{total} datasets', stream: process.stderr, hideCursor: true }) : undefined;
  try {
    bar?.start(0, 0);
    const { search, index } = domainsOf(deps).search;
    const stats = await search.reindex((done, total) => {
      bar?.setTotal(total);
      bar?.update(done);
    });
    bar?.stop();
    const result = { backend: index.kind, documents: stats.documents, seconds: Math.round(stats.ms) / 1000 };
    deps.log.info(result, 'search index rebuilt');
    process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `Indexed ${result.documents} datasets in ${result.seconds.toFixed(1)} s (${result.backend}).\n`);
  } catch (error) {
    bar?.stop();
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function addReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description('Build the search index again from the database; running servers rebuild theirs within a second.')
    .option('--json', 'print the result as JSON')
    .action(reindexCommand);
}
