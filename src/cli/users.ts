// `allmanning user create` and `allmanning token create`: accounts made by the operator. The
// password comes from the first line of stdin when stdin is not a terminal (scripts), else from a
// prompt that does not echo — never from an argument, where it would land in shell history and ps.
import type { Command } from 'commander';
import { domainsOf } from '../domains.js';
import { AppError } from '../platform/errors.js';
import { isMessageKey, translator } from '../platform/i18n/index.js';
import { CliError, closeRuntime, openRuntime } from './runtime.js';

const english = translator('en');

/** An AppError as one line: "password: The password must be at least 10 characters long." */
export function describeError(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.details ?? {}).map(([field, messages]) => `${field}: ${messages.map((m) => (isMessageKey(m) ? english(m) : m)).join(' ')}`);
  return fields.length > 0 ? fields.join('; ') : error.message;
}

/** The first line of a stream (without its line ending); '' when the stream ends first. */
export function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const finish = (line: string) => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', reject);
      stream.pause();
      resolve(line.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf('\n');
      if (newline >= 0) finish(buffer.slice(0, newline));
    };
    const onEnd = () => finish(buffer);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', reject);
    stream.resume();
  });
}

/** Asks on stderr and reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    const done = (result: string | Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done(value);
        if (char === '\u0003') return done(new CliError('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** A secret from stdin (first line) or, on a terminal, from a prompt. */
export async function readSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine(process.stdin);
  return promptHidden(question);
}

export interface UserCreateOptions {
  email: string;
  name: string;
  siteAdmin?: boolean;
  json?: boolean;
}

/** `allmanning user create --email E --name N [--site-admin] [--json]` (password on stdin). */
export async function userCreateCommand(options: UserCreateOptions): Promise<void> {
  const password = await readSecret(`Password for ${options.email}: `);
  if (!password) throw new CliError('a password is required: give it on the first line of stdin');
  const deps = await openRuntime();
  try {
    const user = await domainsOf(deps).accounts.admin.createUserAsOperator({ email: options.email, name: options.name, password, siteAdmin: options.siteAdmin ?? false });
    if (options.json) process.stdout.write(`${JSON.stringify(user)}\n`);
    else process.stdout.write(`Created ${user.isSiteAdmin ? 'site admin' : 'user'} ${user.email} (${user.id})\n`);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeError(error));
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

/** `allmanning token create --email E [--name N]`: prints only the new token. */
export async function tokenCreateCommand(options: { email: string; name?: string }): Promise<void> {
  const deps = await openRuntime();
  try {
    const { token } = await domainsOf(deps).accounts.tokens.createForEmail(options.email, options.name);
    process.stdout.write(`${token}\n`);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeError(error));
    throw error;
  } finally {
    await closeRuntime(deps);
  }
}

export function addUserCommand(program: Command): void {
  const user = program.command('user').description('Manage user accounts.');
  user
    .command('create')
    .description('Create a confirmed user. The password is read from the first line of stdin (or asked for on a terminal).')
    .requiredOption('--email <email>', 'e-mail address (the log-in name)')
    .requiredOption('--name <name>', 'full name')
    .option('--site-admin', 'make the user a site admin')
    .option('--json', 'print the created user as JSON')
    .action(userCreateCommand);
}

export function addTokenCommand(program: Command): void {
  const token = program.command('token').description('Manage API tokens.');
  token
    .command('create')
    .description("Create an API token for a user and print only the token (it is shown once; only its hash is kept).")
    .requiredOption('--email <email>', "the user's e-mail address")
    .option('--name <name>', 'a name to recognise the token by')
    .action(tokenCreateCommand);
}
