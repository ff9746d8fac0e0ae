// The `allmanning` command line. stdout carries only results; logs and progress go to stderr.
// Exit codes: 0 success, 1 failure (one clear line on stderr), 2 usage error.
import { Command, CommanderError } from 'commander';
import { ConfigError } from './config/index.js';
import { APP_VERSION } from './app.js';
import { backupCommand } from './cli/backup.js';
import { demoCommand } from './cli/demo.js';
import { addHarvestCommand } from './cli/harvest.js';
import { addImportCommand } from './cli/import.js';
import { addExportCommand } from './cli/export.js';
import { migrateCommand } from './cli/migrate.js';
import { addReindexCommand } from './cli/reindex.js';
import { addMemberCommand, addOrgCommand } from './cli/organizations.js';
import { CliError } from './cli/runtime.js';
import { serveCommand } from './cli/serve.js';
import { addValidateCommand } from './cli/validate.js';
import { addTokenCommand, addUserCommand } from './cli/users.js';
import { workerCommand } from './cli/worker.js';

export function buildProgram(): Command {
  const program = new Command('allmanning')
    .description('Allmänning — the open-data commons for Swedish public-sector organisations.\nSettings come from the environment; see docs/configuration.md.')
    .version(APP_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program.command('serve').description('Migrate the database and serve the web site and API (also runs background jobs unless ALLMANNING_JOBS_IN_SERVE=false).').action(serveCommand);
  program
    .command('worker')
    .description('Run background jobs (mail, harvests, link checks, schedules) until stopped.')
    .option('--once', 'run the jobs that are due now, print job counts as JSON and exit')
    .action(workerCommand);
  program.command('migrate').description('Apply pending database migrations.').option('--json', 'print the applied migrations as JSON').action(migrateCommand);
  program
    .command('backup')
    .description('Write a consistent copy of the SQLite database to FILE while it is in use (PostgreSQL: use pg_dump).')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite FILE if it exists')
    .action(backupCommand);
  program.command('demo').description('Load demo content (offline, deterministic, idempotent).').action(demoCommand);
  addOrgCommand(program);
  addMemberCommand(program);
  addUserCommand(program);
  addTokenCommand(program);
  addImportCommand(program);
  addExportCommand(program);
  addValidateCommand(program);
  addReindexCommand(program);
  addHarvestCommand(program);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return 2; // commander already printed the reason
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`allmanning: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CliError) {
      process.stderr.write(`allmanning: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`allmanning: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
