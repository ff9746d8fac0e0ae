// `allmanning org create` and `allmanning member add` as an operator meets them: the real binary
// in a child process with a temporary SQLite data directory. stdout carries only the result; exit
// 0 on success, 1 with one line on failure, 2 on a usage error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import { cliEnv } from '../../test/support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');

async function cli(args: string[], dataDir: string, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...cliEnv(), ALLMANNING_DATA_DIR: dataDir, ALLMANNING_LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.end(stdin);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code] = await once(child, 'close');
  clearTimeout(timer);
  return { code: code as number | null, stdout, stderr };
}

function tempDir(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-org-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('CLI: org create, member add', () => {
  test('create an organisation, add a member, change the role; results alone on stdout', async (t) => {
    const dir = tempDir(t);
    const org = await cli(['org', 'create', '--slug', 'digg', '--name', 'Myndigheten för digital förvaltning', '--org-number', '202100-6883', '--type', 'state_agency', '--json'], dir);
    assert.equal(org.code, 0, org.stderr);
    const created = JSON.parse(org.stdout);
    assert.equal(created.slug, 'digg');
    assert.equal(created.orgNumber, '2021006883');
    assert.equal(created.type, 'state_agency');

    const user = await cli(['user', 'create', '--email', 'anna@digg.example.se', '--name', 'Anna Andersson'], dir, 'Granskog-och-myrmark-2026\n');
    assert.equal(user.code, 0, user.stderr);
    const added = await cli(['member', 'add', '--org', 'digg', '--email', 'anna@digg.example.se', '--role', 'admin', '--json'], dir);
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual({ ...JSON.parse(added.stdout), userId: undefined }, { organization: { id: created.id, slug: 'digg' }, userId: undefined, email: 'anna@digg.example.se', role: 'admin', created: true });
    const changed = await cli(['member', 'add', '--org', created.id, '--email', 'anna@digg.example.se', '--role', 'editor'], dir);
    assert.equal(changed.code, 1, 'the only admin cannot be demoted');
    assert.match(changed.stderr, /^allmanning: role: The organisation must have at least one administrator/);
    const association = await cli(['org', 'create', '--slug', 'natverket', '--name', 'Nätverket för öppna data', '--type', 'other', '--publisher-type', 'NonProfitOrganisation', '--json'], dir);
    assert.equal(association.code, 0, association.stderr);
    assert.equal(JSON.parse(association.stdout).publisherType, 'NonProfitOrganisation');
    const unknownType = await cli(['org', 'create', '--slug', 'x', '--name', 'X', '--publisher-type', 'Kommun'], dir);
    assert.equal(unknownType.code, 2, 'not an ADMS code: a usage error');
    assert.match(unknownType.stderr, /--publisher-type/);
    const plain = await cli(['org', 'create', '--slug', 'scb', '--name', 'Statistiska centralbyrån'], dir);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^Created organisation scb \([0-9a-f-]{36}\)\n$/);
  });

  test('failures: one line and exit 1; usage errors exit 2', async (t) => {
    const dir = tempDir(t);
    const bad = await cli(['org', 'create', '--slug', 'x', '--name', 'X', '--org-number', '202100-5488'], dir);
    assert.equal(bad.code, 1);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    assert.match(bad.stderr, /slug: Use only lower-case letters.*; orgNumber: Enter a valid ten-digit organisation number/);
    assert.equal((await cli(['org', 'create', '--slug', 'lm', '--name', 'Lantmäteriet'], dir)).code, 0);
    const dup = await cli(['org', 'create', '--slug', 'lm', '--name', 'Annat'], dir);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /slug: The address is already used by another organisation./);
    const noUser = await cli(['member', 'add', '--org', 'lm', '--email', 'ingen@example.se', '--role', 'member'], dir);
    assert.equal(noUser.code, 1);
    assert.match(noUser.stderr, /no user with e-mail ingen@example.se/);
    const noOrg = await cli(['member', 'add', '--org', 'finns-inte', '--email', 'ingen@example.se', '--role', 'member'], dir);
    assert.equal(noOrg.code, 1);
    assert.match(noOrg.stderr, /no organisation finns-inte/);
    assert.equal((await cli(['member', 'add', '--org', 'lm', '--email', 'a@b.se', '--role', 'owner'], dir)).code, 2);
    assert.equal((await cli(['member', 'add', '--org', 'lm', '--email', 'a@b.se'], dir)).code, 2);
    assert.equal((await cli(['org', 'create', '--name', 'Utan kortnamn'], dir)).code, 2);
    assert.equal((await cli(['org', 'create', '--slug', 'a1', '--name', 'X', '--type', 'church'], dir)).code, 2);
  });
});
