// `allmanning harvest add --org SLUG --type dcat|ckan --url URL [--schedule CRON]`, `harvest run ID`,
// `harvest list`, `harvest schedule ID CRON` and `harvest remove ID`: harvest sources managed by the
// operator (trusted, no actor). `run` harvests in
// this process (holding the source like a worker does: a run already in progress elsewhere is not
// overlapped) and prints the run; exit 1 with its first error when the run failed.
import { Option, type Command } from 'commander';
import { domainsOf } from '../domains.js';
import { presentRun, presentSource } from '../domains/harvest/index.js';
import { AppError, NotFoundError } from '../platform/errors.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';
import { describeError } from './users.js';

export interface HarvestAddOptions {
  org: string;
  type: 'dcat' | 'ckan';
  url: string;
  schedule?: string;
  json?: boolean;
}

async function withRuntime(work: (deps: Awaited<ReturnType<typeof openRuntime>>) => Promise<void>): Promise<void> {
  const deps = await openRuntime();
  try {
    await work(deps);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeError(error));
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function harvestAddCommand(options: HarvestAddOptions): Promise<void> {
  return withRuntime(async (deps) => {
    const service = domainsOf(deps).harvest.service;
    let row;
    try {
      row = await service.add(null, { organization: options.org, type: options.type, url: options.url, schedule: options.schedule });
    } catch (error) {
      if (error instanceof NotFoundError) throw new CliError(`no organisation ${options.org}`);
      throw error;
    }
    if (options.json) process.stdout.write(`${JSON.stringify(presentSource(row, undefined, deps.clock.now().toISOString()))}\n`);
    else process.stdout.write(`${row.id}\n`);
  });
}

export function harvestRunCommand(id: string, options: { json?: boolean }): Promise<void> {
  return withRuntime(async (deps) => {
    const service = domainsOf(deps).harvest.service;
    const run = await onSource(id, () =>
      service.run(id, {
        trigger: 'cli',
        onProgress: (t) => process.stderr.isTTY && process.stderr.write(`\r${t.created} new, ${t.updated} updated, ${t.unchanged} unchanged, ${t.failed} failed`),
      }),
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!run) throw new CliError(`another run of harvest source ${id} is in progress`);
    const json = presentRun(run);
    if (options.json) process.stdout.write(`${JSON.stringify(json)}\n`);
    else {
      const c = json.counts;
      process.stdout.write(`${json.status} ${json.id}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.withdrawn} withdrawn, ${c.failed} failed\n`);
      for (const error of json.errors) process.stdout.write(`  ${error}\n`);
    }
    if (run.status === 'failed') throw new CliError(json.errors[0] ?? 'the harvest failed');
  });
}

/** Runs `work` on source `id`, with "no harvest source ID" for an id that does not exist. */
async function onSource<T>(id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw new CliError(`no harvest source ${id}`);
    throw error;
  }
}

export function harvestScheduleCommand(id: string, cron: string, options: { json?: boolean }): Promise<void> {
  return withRuntime(async (deps) => {
    const service = domainsOf(deps).harvest.service;
    const row = await onSource(id, () => service.reschedule(null, id, cron));
    const json = presentSource(row, await service.lastRun(row.last_run_id), deps.clock.now().toISOString());
    process.stdout.write(options.json ? `${JSON.stringify(json)}\n` : `${json.id}\t${json.schedule}\tnext run ${json.nextRunAt ?? '-'}\n`);
  });
}

export function harvestRemoveCommand(id: string): Promise<void> {
  return withRuntime(async (deps) => {
    await onSource(id, () => domainsOf(deps).harvest.service.remove(null, id));
  });
}

export function harvestListCommand(options: { json?: boolean }): Promise<void> {
  return withRuntime(async (deps) => {
    const service = domainsOf(deps).harvest.service;
    const nowIso = deps.clock.now().toISOString();
    const items = await Promise.all((await service.list(null)).map(async (row) => presentSource(row, await service.lastRun(row.last_run_id), nowIso)));
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ total: items.length, items })}\n`);
      return;
    }
    for (const s of items) {
      const last = s.lastRun ? `${s.lastRun.status} ${s.lastRun.startedAt}` : 'never run';
      process.stdout.write(`${s.id}\t${s.type}\t${s.url}\t${s.schedule}\t${last}\n`);
    }
  });
}

export function addHarvestCommand(program: Command): void {
  const harvest = program.command('harvest').description('Harvest sources: DCAT catalogs and CKAN portals harvested on a schedule (see docs/harvest.md).');
  harvest
    .command('add')
    .description('Register a source for an organisation; prints its id.')
    .requiredOption('--org <slug>', 'the organisation the datasets belong to')
    .addOption(new Option('--type <type>', 'dcat (a DCAT catalog URL) or ckan (a CKAN portal base URL)').choices(['dcat', 'ckan']).makeOptionMandatory())
    .requiredOption('--url <url>', 'the source')
    .option('--schedule <cron>', 'cron expression, Europe/Stockholm (default nightly: 0 2 * * *)')
    .option('--json', 'print the source as JSON')
    .action(harvestAddCommand);
  harvest.command('run').description('Harvest a source now, in this process; prints the run.').argument('<id>', 'the source id').option('--json', 'print the run as JSON').action(harvestRunCommand);
  harvest.command('list').description('List the harvest sources with their latest run.').option('--json', 'print as JSON').action(harvestListCommand);
  harvest
    .command('schedule')
    .description("Change a source's schedule; its next run is computed from now.")
    .argument('<id>', 'the source id')
    .argument('<cron>', 'cron expression, Europe/Stockholm (e.g. "0 2 * * *")')
    .option('--json', 'print the source as JSON')
    .action(harvestScheduleCommand);
  harvest.command('remove').description('Stop harvesting a source; its datasets stay and become editable.').argument('<id>', 'the source id').action(harvestRemoveCommand);
  for (const command of harvest.commands) command.exitOverride().showHelpAfterError('(run with --help for usage)');
}
