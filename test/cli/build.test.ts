// The production build (one esbuild bundle, what `npm start` runs) serves the same site as the
// sources the other tests run: built into a temporary folder, started on an empty data dir, asked
// for pages, the API, static files and a form.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cliEnv, freePort } from '../support/cli-env.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the production build', () => {
  // Built inside the project (git-ignored dist-test/), where its external packages and public/ resolve.
  fs.mkdirSync(path.join(root, 'dist-test'), { recursive: true });
  const work = fs.mkdtempSync(path.join(root, 'dist-test', 'build-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-build-data-'));
  const bundle = path.join(work, 'dist', 'allmanning.js');
  let child: ReturnType<typeof spawn> | undefined;
  let base = '';

  before(async () => {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { env: { ...process.env, ALLMANNING_BUILD_OUT: bundle }, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The bundle's main() is what bin/allmanning.js runs when dist/ exists.
    const runner = `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.exitCode = await main(process.argv);`;
    child = spawn(process.execPath, ['--input-type=module', '-e', runner, 'allmanning', 'serve'], {
      env: { ...cliEnv(), PORT: String(port), ALLMANNING_DATA_DIR: dataDir, ALLMANNING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the built server did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('is one file of modest size', () => {
    const files = fs.readdirSync(path.dirname(bundle)).sort();
    assert.deepEqual(files, ['allmanning.js', 'allmanning.js.map']);
    // About 8.4 MB since the DCAT issue (RDF parsers and writers, JSON-LD, the vendored SHACL shapes).
    assert.ok(fs.statSync(bundle).size < 10_000_000, `${fs.statSync(bundle).size} bytes`);
  });

  test('serves the pages, the API document and the stylesheet', async () => {
    for (const [url, type, text] of [
      ['/', 'text/html', 'Dela data'],
      ['/en', 'text/html', 'Share data'],
      ['/organizations', 'text/html', 'Organisationer'],
      ['/developers/api', 'text/html', '/api/v1/organizations'],
      ['/login', 'text/html', 'name="_csrf"'],
      ['/api/v1/openapi.json', 'application/json', '"openapi":"3.1.0"'],
      ['/static/styles.css', 'text/css', '--pine'],
    ] as const) {
      const response = await fetch(base + url);
      assert.equal(response.status, 200, url);
      assert.match(String(response.headers.get('content-type')), new RegExp(type), url);
      assert.ok((await response.text()).includes(text), `${url} contains ${text}`);
    }
    const missing = await fetch(`${base}/api/v1/nothing`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('a form post without its CSRF token is refused', async () => {
    const response = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.se&password=x' });
    assert.equal(response.status, 403);
  });
});
