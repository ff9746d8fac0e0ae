// `allmanning import FILE|URL [--org SLUG] [--json]`: imports a DCAT, DCAT-AP or DCAT-AP-SE catalog
// (RDF/XML, Turtle, JSON-LD, N-Triples; all Hydra pages of a URL) as the operator. stdout: the
// report — a readable summary, or the whole report as JSON with --json; progress on stderr. Exit 0
// when the source was read (warnings or not), 1 with one line (file:line:column: message) when it
// could not be, 2 for usage errors.
//
// The import runs in a child process with a bounded heap (HEAP_LIMIT_MB): V8 otherwise lets the heap
// of a long import grow far past what it holds alive, and a 100,000-dataset catalog must stay
// within 400 MB of memory (docs/dcat-import.md).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import v8 from 'node:v8';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { domainsOf } from '../domains.js';
import { summaryText, type ReportItem } from '../domains/dcat/import/index.js';
import { AppError, NotFoundError } from '../platform/errors.js';
import { translator } from '../platform/i18n/index.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';
import { describeError } from './users.js';

export interface ImportOptions {
  org?: string;
  json?: boolean;
}

export const HEAP_LIMIT_MB = 256;
const CHILD = 'ALLMANNING_IMPORT_CHILD';

/** Runs this same command in a child with a bounded heap; resolves with its exit code. */
async function inBoundedChild(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_LIMIT_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD]: '1' },
  });
  // Ctrl-C reaches the child from the terminal; a SIGTERM sent to this process is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', forward);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  process.off('SIGTERM', forward);
  return code ?? (signal ? 1 : 0);
}

export async function importCommand(source: string, options: ImportOptions): Promise<void> {
  if (!process.env[CHILD] && v8.getHeapStatistics().heap_size_limit > (HEAP_LIMIT_MB + 128) * 1024 * 1024) {
    const code = await inBoundedChild();
    // The child printed everything (its result, or its one line); pass its exit code on.
    if (code !== 0) process.exit(code);
    return;
  }
  const deps = await openRuntime();
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'Importing {value} datasets, {created} new, {updated} updated, {unchanged} unchanged, {failed} failed', stream: process.stderr, hideCursor: true }) : undefined;
  try {
    bar?.start(0, 0, { created: 0, updated: 0, unchanged: 0, failed: 0 });
    let first = true;
    let wantItems = options.json === true;
    const report = await domainsOf(deps).dcatImport.service.run({
      source,
      organization: options.org,
      onProgress: (totals) => {
        bar?.setTotal(totals.datasets);
        bar?.update(totals.datasets, totals);
      },
      // --json: the items stream out as they are read back, the rest of the report follows them.
      eachItem: options.json
        ? (item: ReportItem) => {
            if (!wantItems) return;
            process.stdout.write(`${first ? '{"items":[' : ','}${JSON.stringify(item)}`);
            first = false;
          }
        : undefined,
      onFinished: (finished) => {
        wantItems = options.json === true && finished.status === 'succeeded';
      },
    });
    bar?.stop();
    if (report.status === 'failed') throw new CliError(report.error ?? 'the import failed');
    if (options.json) {
      const { items: _items, ...rest } = report;
      process.stdout.write(`${first ? '{"items":[' : ''}],${JSON.stringify(rest).slice(1)}\n`);
    } else process.stdout.write(summaryText(report, translator('en')));
    deps.log.info({ run: report.runId, totals: report.totals }, 'import finished');
  } catch (error) {
    bar?.stop();
    if (error instanceof NotFoundError && options.org) throw new CliError(`no organisation ${options.org}`);
    if (error instanceof AppError) throw new CliError(describeError(error));
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import a DCAT / DCAT-AP / DCAT-AP-SE catalog (RDF/XML, Turtle, JSON-LD, N-Triples; Hydra pages followed) from a file or URL, published as the source has it. Importing again changes only what changed.')
    .argument('<source>', 'a file, or an http(s) URL')
    .option('--org <slug>', 'put everything under this organisation (else each publisher becomes or finds one)')
    .option('--json', 'print the whole report as JSON')
    .action(importCommand);
}
