// `allmanning user create` and `allmanning token create` as scripts use them: `node bin/allmanning.js`
// in a child process with a temp ALLMANNING_DATA_DIR, the password on stdin, results alone on
// stdout. With TEST_DATABASE_URL the commands run against an isolated PostgreSQL schema.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { type Database } from '../../src/db/index.js';
import { createDeps } from '../../src/deps.js';
import { domainsOf } from '../../src/domains.js';
import type { AccountsTables } from '../../src/domains/accounts/index.js';
import { hashSecretToken } from '../../src/platform/secret-token.js';
import { testConfig } from '../support/test-app.js';
import { cliDatabase, cliEnv } from '../support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const PASSWORD = 'a passphrase from stdin';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `stdin` written to it (then closed); killed after 60 s. */
async function cli(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...cliEnv(), ALLMANNING_LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => undefined); // the CLI may exit before reading everything
  child.stdin.end(stdin);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    const [code] = await once(child, 'close');
    return { code: code as number | null, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** A temp data dir and the database the CLI uses in it (SQLite file, or a fresh PostgreSQL schema). */
async function workspace(t: TestContext): Promise<{ env: Record<string, string>; open: () => Database }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-users-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return cliDatabase(t, dir);
}

describe('allmanning user create', () => {
  test('creates a confirmed user from the password on stdin; --json prints the user; a second time fails with one line', async (t) => {
    const { env, open } = await workspace(t);
    const created = await cli(['user', 'create', '--email', 'Admin@Kommun.se', '--name', 'Ada Admin', '--site-admin', '--json'], env, `${PASSWORD}\nignored second line\n`);
    assert.equal(created.code, 0, created.stderr);
    const user = JSON.parse(created.stdout);
    assert.equal(created.stdout.trim().split('\n').length, 1, 'stdout holds only the JSON');
    assert.equal(user.email, 'admin@kommun.se');
    assert.equal(user.name, 'Ada Admin');
    assert.equal(user.isSiteAdmin, true);
    assert.equal(user.emailConfirmed, true);
    assert.ok(!created.stdout.includes(PASSWORD) && !created.stderr.includes(PASSWORD));

    const plain = await cli(['user', 'create', '--email', 'editor@kommun.se', '--name', 'Ed Editor'], env, `${PASSWORD}\r\n`);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^Created user editor@kommun\.se \([0-9a-f-]+\)\n$/);

    const again = await cli(['user', 'create', '--email', 'admin@kommun.se', '--name', 'Someone'], env, `${PASSWORD}\n`);
    assert.equal(again.code, 1);
    assert.equal(again.stdout, '');
    assert.equal(again.stderr.trim().split('\n').length, 1);
    assert.match(again.stderr, /^allmanning: email: The e-mail address is already used by another account\.\n$/);

    // The password works: log in through the app on the same database (with the password from stdin).
    const database = open();
    const deps = createDeps(testConfig(), { database, log: pino({ level: 'silent' }) });
    const app = await buildApp(deps);
    t.after(async () => {
      await app.close();
      deps.mailer.close();
      await database.close();
    });
    const db = database.db as unknown as Kysely<AccountsTables>;
    const row = await db.selectFrom('user').selectAll().where('email', '=', 'admin@kommun.se').executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? '', /^scrypt\$/);
    const session = await domainsOf(deps).accounts.sessions.login({ email: 'admin@kommun.se', password: PASSWORD, ip: '127.0.0.1' });
    assert.ok(session.sessionToken);
  });

  test('problems are one line on stderr with exit 1; missing options are usage errors (exit 2)', async (t) => {
    const { env } = await workspace(t);
    const short = await cli(['user', 'create', '--email', 'a@kommun.se', '--name', 'A'], env, 'short\n');
    assert.equal(short.code, 1);
    assert.equal(short.stdout, '');
    assert.match(short.stderr, /^allmanning: password: .*at least 10 characters.*\n$/);

    const none = await cli(['user', 'create', '--email', 'a@kommun.se', '--name', 'A'], env, '');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^allmanning: a password is required/);

    const badEmail = await cli(['user', 'create', '--email', 'not-an-address', '--name', 'A'], env, `${PASSWORD}\n`);
    assert.equal(badEmail.code, 1);
    assert.match(badEmail.stderr, /^allmanning: email: /);

    const usage = await cli(['user', 'create', '--name', 'No Email'], env, `${PASSWORD}\n`);
    assert.equal(usage.code, 2);
    assert.equal(usage.stdout, '');
    assert.match(usage.stderr, /--email/);
  });
});

describe('allmanning token create', () => {
  test('prints only the token, which then works on /api/v1/me; only its hash is stored', async (t) => {
    const { env, open } = await workspace(t);
    assert.equal((await cli(['user', 'create', '--email', 'robot@myndighet.se', '--name', 'Robot'], env, `${PASSWORD}\n`)).code, 0);
    const run = await cli(['token', 'create', '--email', 'robot@myndighet.se', '--name', 'harvester'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^alm_[A-Za-z0-9_-]{43}\n$/, 'stdout is the token and nothing else');
    const token = run.stdout.trim();

    const database = open();
    const deps = createDeps(testConfig(), { database, log: pino({ level: 'silent' }) });
    const app = await buildApp(deps);
    t.after(async () => {
      await app.close();
      deps.mailer.close();
      await database.close();
    });
    const db = database.db as unknown as Kysely<AccountsTables>;
    const rows = await db.selectFrom('api_token').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, hashSecretToken(token));
    assert.equal(rows[0]!.name, 'harvester');
    assert.ok(!JSON.stringify(rows).includes(token));
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, 'robot@myndighet.se');
  });

  test('an unknown user is exit 1 with one line and nothing on stdout', async (t) => {
    const { env } = await workspace(t);
    const run = await cli(['token', 'create', '--email', 'ghost@example.se'], env);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'allmanning: No user with e-mail ghost@example.se.\n');
  });
});
