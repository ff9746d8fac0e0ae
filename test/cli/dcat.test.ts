// `allmanning export` and `allmanning validate` as users and scripts meet them: a child process
// per command (through tsx), the result alone on stdout, one line on stderr when something is
// wrong, exit 0 / 1 / 2. With TEST_DATABASE_URL the export reads an isolated PostgreSQL schema.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { cliDatabase, cliEnv } from '../support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...cliEnv(), ALLMANNING_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const [code] = await once(child, 'close');
  clearTimeout(timer);
  return { code: code as number | null, stdout, stderr };
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const DATASET = 'http://www.w3.org/ns/dcat#Dataset';

function rdfXmlTypes(text: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const types: string[] = [];
    const parser = new RdfXmlParser();
    parser.on('data', (q) => q.object.value === DATASET && types.push(q.subject.value));
    parser.on('error', reject);
    parser.on('end', () => resolve(types));
    parser.end(text);
  });
}

describe('allmanning export and validate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-dcat-cli-'));
  let env: Record<string, string> = {};
  let exported = '';

  const cleanups: (() => unknown)[] = [];

  before(async () => {
    // cliDatabase wants a test context only to drop the PostgreSQL schema afterwards.
    env = (await cliDatabase({ after: (fn: () => unknown) => cleanups.push(fn) } as never, dir)).env;
    const demo = await cli(['demo'], env);
    assert.equal(demo.code, 0, demo.stderr);
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('export --format ttl writes the whole catalog, and only it, to stdout', { timeout: 120_000 }, async () => {
    const run = await cli(['export', '--format', 'ttl'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const quads = new Parser().parse(run.stdout);
    assert.equal(quads.filter((q) => q.object.value === DATASET).length, 48);
    assert.ok(!run.stdout.includes('/datasets/vardplatser-per-sjukhus>'), 'a private dataset');
    exported = path.join(dir, 'catalog.ttl');
    fs.writeFileSync(exported, run.stdout);
  });

  test('export --format rdf --org writes one organisation’s catalog as RDF/XML', { timeout: 120_000 }, async () => {
    const run = await cli(['export', '--format', 'rdf', '--org', 'lantmateriet'], env);
    assert.equal(run.code, 0, run.stderr);
    const datasets = await rdfXmlTypes(run.stdout);
    assert.ok(datasets.length >= 2 && datasets.every((iri) => iri.startsWith('http://localhost:3000/datasets/')), datasets.join(' '));
    assert.ok(datasets.includes('http://localhost:3000/datasets/belagenhetsadresser'));
  });

  test('export: a wrong format is a usage error (2), an unknown organisation a failure (1)', { timeout: 120_000 }, async () => {
    const usage = await cli(['export', '--format', 'xml'], env);
    assert.equal(usage.code, 2);
    assert.equal(usage.stdout, '');
    const unknown = await cli(['export', '--format', 'nt', '--org', 'finns-inte'], env);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stdout, '');
    assert.deepEqual(lines(unknown.stderr), ['allmanning: no organisation finns-inte']);
  });

  test('validate FILE: the exported catalog conforms (exit 0), as text or JSON', { timeout: 120_000 }, async () => {
    const text = await cli(['validate', exported], {});
    assert.equal(text.code, 0, text.stderr);
    assert.equal(lines(text.stdout)[0], 'Följer DCAT-AP 3.0.1 och DCAT-AP-SE 3.0.1.');
    const json = await cli(['validate', exported, '--format', 'json', '--lang', 'en'], {});
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout);
    assert.equal(result.conforms, true);
    assert.equal(result.counts.violation, 0);
  });

  test('validate FILE: a document that does not conform is reported, exit 1 with one line', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'broken.ttl');
    fs.writeFileSync(file, '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n<https://kommun.example.se/d/1> a dcat:Dataset ; dct:title "Träd"@sv .\n');
    const run = await cli(['validate', file, '--lang', 'sv'], {});
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^Följer inte/);
    assert.match(run.stdout, /Fel: Datamängd «Träd» <https:\/\/kommun\.example\.se\/d\/1>\n {2}Beskrivning saknas\.\n {2}Så rättar du: /);
    assert.deepEqual(lines(run.stderr), [`allmanning: ${file} does not conform: 2 errors`]);
  });

  test('validate FILE: an unreadable document is one line naming line and column', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'bad.ttl');
    fs.writeFileSync(file, '@prefix dct: <http://purl.org/dc/terms/> .\n<https://x.example/a> dct:title "öppen .\n');
    const run = await cli(['validate', file], {});
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const [line] = lines(run.stderr);
    assert.match(line!, new RegExp(`^allmanning: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 2, column \\d+: `));
    assert.equal(lines(run.stderr).length, 1);
    assert.equal((await cli(['validate', path.join(dir, 'missing.ttl')], {})).code, 1);
  });

  test('validate URL: private addresses only when ALLMANNING_FETCH_ALLOW_PRIVATE allows them', { timeout: 120_000 }, async () => {
    const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/turtle' }).end(fs.readFileSync(exported)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl`;
      const refused = await cli(['validate', url], {});
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /private or loopback/);
      const allowed = await cli(['validate', url, '--format', 'json'], { ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' });
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.equal(JSON.parse(allowed.stdout).conforms, true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
