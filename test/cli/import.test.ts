// `allmanning import` as scripts meet it: the report alone on stdout (JSON with --json), exit 0 when
// the source was read, exit 1 with one line naming line and column for a broken one, exit 2 for
// usage errors; importing the same file twice changes nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { cliDatabase, cliEnv } from '../support/cli-env.js';
import { testDialect } from '../support/test-database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures', 'catalogs');

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...cliEnv(), ALLMANNING_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

function dataDir(t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-cli-import-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe(`allmanning import (${testDialect})`, () => {
  test('imports Riksantikvarieämbetet: JSON report on stdout, nothing else; again: all unchanged, no new revisions', async (t) => {
    const { env, open } = await cliDatabase(t, dataDir(t));
    const file = path.join(fixtures, 'se', 'raa-ksamsok-soch.rdf');
    const first = await cli(['import', file, '--json'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stderr, /\n\s+at /, 'no stack trace');
    const report = JSON.parse(first.stdout) as { status: string; totals: Record<string, number>; items: { action: string; iri: string | null }[] };
    assert.equal(report.status, 'succeeded');
    assert.deepEqual({ datasets: report.totals.datasets, distributions: report.totals.distributions, created: report.totals.created }, { datasets: 173, distributions: 346, created: 173 });
    assert.equal(report.items.length, 173);
    assert.ok(report.items.every((i) => i.iri === null));

    const database = open();
    const revisions = async () => Number((await sql<{ n: number }>`select count(*) as n from catalog_revision`.execute(database.db)).rows[0]!.n);
    try {
      const before = await revisions();
      const second = await cli(['import', file], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^Imported .*raa-ksamsok-soch\.rdf \(1 document, rdfxml\)$/m);
      assert.match(second.stdout, /created: 0, updated: 0, unchanged: 173, failed: 0/);
      assert.equal(await revisions(), before);
    } finally {
      await database.close();
    }
  });

  test('--org puts everything into one organisation; an unknown one is one line and exit 1', async (t) => {
    const { env } = await cliDatabase(t, dataDir(t));
    assert.equal((await cli(['org', 'create', '--slug', 'mottagaren', '--name', 'Mottagaren'], env)).code, 0);
    const run = await cli(['import', path.join(fixtures, 'misc', 'data_gov_be.xml'), '--org', 'mottagaren', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { organization: { slug: string }; totals: Record<string, number> };
    assert.deepEqual({ org: report.organization.slug, created: report.totals.created, distributions: report.totals.distributions }, { org: 'mottagaren', created: 1, distributions: 2 });
    const unknown = await cli(['import', path.join(fixtures, 'misc', 'data_gov_be.xml'), '--org', 'finns-inte'], env);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stdout, '');
    assert.equal(unknown.stderr, 'allmanning: no organisation finns-inte\n');
  });

  test('a broken catalog exits 1 with one line naming line and column; usage errors exit 2', async (t) => {
    const { env } = await cliDatabase(t, dataDir(t));
    const file = path.join(fixtures, 'misc', 'open.nrw-govdata-148.ttl');
    const broken = await cli(['import', file], env);
    assert.equal(broken.code, 1);
    assert.equal(broken.stdout, '');
    assert.equal(broken.stderr, `allmanning: ${file}:69:20: unexpected "<http://%3C%21--"\n`);
    const missing = await cli(['import'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing required argument 'source'/);
    const refused = await cli(['import', 'http://127.0.0.1:9/catalog.ttl'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^allmanning: refusing to fetch from 127\.0\.0\.1: 127\.0\.0\.1 is a private or loopback address .*\n$/);
  });
});
