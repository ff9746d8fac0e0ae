// Several processes, one catalog: `allmanning demo` (one process) fills the database a running
// `allmanning serve` (another) answers from, and an edit made by a third (this test process)
// reaches the server's answers to anonymous visitors (API and page, cached or not) within one second, as the
// contract says. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import pino from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { createDeps } from '../../src/deps.js';
import { domainsOf } from '../../src/domains.js';
import { cliDatabase, cliEnv, freePort } from '../support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('an edit by another process shows in the server’s anonymous answers within one second', { timeout: 120_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-processes-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database = await cliDatabase(t, dir);
  const env = { ...cliEnv(), ...database.env, ALLMANNING_LOG_LEVEL: 'warn' };

  const demo = spawn(process.execPath, [bin, 'demo'], { cwd: root, env, stdio: 'ignore' });
  assert.equal((await once(demo, 'close'))[0], 0);

  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  t.after(() => server.kill('SIGTERM'));
  const url = `http://127.0.0.1:${port}/api/v1/datasets/belagenhetsadresser`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (ready?.status === 200) break;
    assert.ok(i < 300, 'the server did not become ready');
    await sleep(100);
  }
  const titleNow = async () => ((await (await fetch(url)).json()) as { title: { sv: string } }).title.sv;
  const pageUrl = `http://127.0.0.1:${port}/datasets/belagenhetsadresser`;
  const pageNow = async () => (await fetch(pageUrl)).text();
  const before = await titleNow();
  assert.equal(await titleNow(), before, 'answered again (from the cache)');
  assert.match(await pageNow(), new RegExp(before));

  // This process is the "other" writer: it opens the same database and edits through the services.
  const deps = createDeps(loadConfig({ ALLMANNING_DATA_DIR: dir, ALLMANNING_LOG_LEVEL: 'silent', ...database.env }), { database: database.open(), log: pino({ level: 'silent' }) });
  t.after(() => deps.database.close());
  const { accounts, catalog } = domainsOf(deps);
  const admin = await accounts.admin.createUserAsOperator({ email: 'admin@example.se', name: 'Admin', password: 'Granskog-och-myrmark-2026', siteAdmin: true });
  const actor = { kind: 'user' as const, userId: admin.id, email: 'admin@example.se', name: 'Admin', isSiteAdmin: true, roles: {}, via: 'cli' as const };
  await catalog.catalog.datasets.update(actor, 'belagenhetsadresser', { title: { sv: 'Belägenhetsadresser (ändrad)' } });
  const written = performance.now();

  let seenAfter = Infinity;
  while (performance.now() - written < 3000) {
    if ((await titleNow()) === 'Belägenhetsadresser (ändrad)' && (await pageNow()).includes('Belägenhetsadresser (ändrad)')) {
      seenAfter = performance.now() - written;
      break;
    }
    await sleep(20);
  }
  assert.ok(seenAfter <= 1000, `the edit showed after ${Math.round(seenAfter)} ms`);

  await catalog.catalog.datasets.unpublish(actor, 'belagenhetsadresser');
  const unpublished = performance.now();
  let goneAfter = Infinity;
  while (performance.now() - unpublished < 3000) {
    if ((await fetch(url)).status === 404) {
      goneAfter = performance.now() - unpublished;
      break;
    }
    await sleep(20);
  }
  assert.ok(goneAfter <= 1000, `the unpublished dataset was still answered after ${Math.round(goneAfter)} ms`);
});
