// `allmanning validate FILE|URL [--format text|json] [--lang sv|en]`: checks a DCAT-AP-SE document
// against DCAT-AP 3.0.1, DCAT-AP HVD and DCAT-AP-SE 3.0.1. stdout: the report (or JSON); exit 0 when
// it conforms, 1 when it does not (one line on stderr says so) or cannot be read (the line names
// the line and column). URLs are fetched as the server would: public addresses only unless
// ALLMANNING_FETCH_ALLOW_PRIVATE allows more.
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/index.js';
import { fetchDocument, RdfParseError, validateText, type ValidationResult } from '../domains/dcat/index.js';
import { FetchError } from '../platform/fetch/index.js';
import { translator, type Locale } from '../platform/i18n/index.js';
import { CliError } from './runtime.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  lang: Locale;
}

const MAX_BYTES = 50 * 1024 * 1024;

async function read(target: string): Promise<{ text: string; contentType?: string | undefined; fileName?: string | undefined }> {
  if (/^https?:\/\//i.test(target)) {
    try {
      return await fetchDocument(target, { allowPrivate: loadConfig().fetchAllowPrivate, maxBytes: MAX_BYTES, timeoutMs: 60_000 });
    } catch (error) {
      if (error instanceof FetchError) throw new CliError(error.message);
      throw error;
    }
  }
  try {
    return { text: await fs.promises.readFile(target, 'utf8'), fileName: target };
  } catch (error) {
    throw new CliError(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The report a person reads: the verdict, the counts, then each finding with how to fix it. */
export function formatReport(result: ValidationResult, locale: Locale): string {
  const t = translator(locale);
  const lines = [t(result.conforms ? 'dcat.report.conforms' : 'dcat.report.fails'), t('dcat.report.summary', { violations: result.counts.violation, warnings: result.counts.warning, infos: result.counts.info })];
  for (const issue of result.violations.filter((i) => i.severity !== 'info')) {
    const what = [issue.resourceType, issue.resourceTitle ? `«${issue.resourceTitle}»` : undefined, `<${issue.focusNode}>`].filter(Boolean).join(' ');
    lines.push('', `${t(`dcat.severity.${issue.severity}`)}: ${what}`, `  ${issue.message}`, `  ${t('dcat.report.hint')}: ${issue.hint}`);
  }
  // Suggestions repeat across resources (every contact point without a phone number): one line each.
  const suggestions = new Map<string, { hint: string; resources: string[] }>();
  for (const issue of result.violations.filter((i) => i.severity === 'info')) {
    const entry = suggestions.get(issue.message) ?? { hint: issue.hint, resources: [] };
    entry.resources.push(issue.resourceTitle ? `«${issue.resourceTitle}»` : `<${issue.focusNode}>`);
    suggestions.set(issue.message, entry);
  }
  for (const [message, { hint, resources }] of suggestions) {
    const examples = resources.slice(0, 3).join(', ') + (resources.length > 3 ? ', …' : '');
    lines.push('', `${t('dcat.severity.info')} (${resources.length}): ${message}`, `  ${examples}`, `  ${t('dcat.report.hint')}: ${hint}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function validateCommand(target: string, options: ValidateOptions): Promise<void> {
  const input = await read(target);
  let result: ValidationResult;
  try {
    result = await validateText(input, options.lang);
  } catch (error) {
    if (error instanceof RdfParseError) throw new CliError(`${target}: ${error.message}`);
    throw error;
  }
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result, options.lang));
  if (!result.conforms) throw new CliError(`${target} does not conform: ${result.counts.violation} ${result.counts.violation === 1 ? 'error' : 'errors'}`);
}

export function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Check a DCAT-AP-SE document (a file or an http(s) URL) against DCAT-AP 3.0.1, DCAT-AP HVD and DCAT-AP-SE 3.0.1.')
    .argument('<file-or-url>', 'RDF/XML, Turtle, JSON-LD or N-Triples')
    .addOption(new Option('--format <format>', 'the report as text or JSON').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['sv', 'en']).default('sv'))
    .action(validateCommand);
}
