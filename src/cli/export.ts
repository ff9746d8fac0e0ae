// `allmanning export --format ttl|rdf|jsonld|nt [--org SLUG]`: the whole catalog (or one
// organisation's) as DCAT-AP-SE on stdout, streamed: read in batches and written as stdout drains,
// so a catalog of any size goes through in constant memory.
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { domainsOf } from '../domains.js';
import { rdfFormats, type RdfFormat } from '../domains/dcat/index.js';
import { AppError } from '../platform/errors.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';

export interface ExportOptions {
  format: RdfFormat;
  org?: string;
}

export async function exportCommand(options: ExportOptions): Promise<void> {
  const deps = await openRuntime();
  try {
    const document = await domainsOf(deps).dcat.exportCatalog({ format: options.format, organization: options.org, page: 'all' });
    for await (const chunk of document.stream()) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new CliError(`no organisation ${options.org}`);
    // The reader went away (`| head`): nothing more to say.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function addExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write the catalog as DCAT-AP-SE to stdout (published public datasets, data services and series).')
    .addOption(new Option('--format <format>', 'rdf (RDF/XML), ttl (Turtle), jsonld (JSON-LD) or nt (N-Triples)').choices(rdfFormats).makeOptionMandatory())
    .option('--org <slug>', "only this organisation's catalog")
    .action(exportCommand);
}
