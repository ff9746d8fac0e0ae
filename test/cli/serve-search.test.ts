// `allmanning serve` builds its search index at start, in the background, so the first visitor's
// search does not wait for it; with ALLMANNING_SEARCH_INDEX=embedded it is the in-memory index even
// on PostgreSQL (DATABASE_URL). SQLite, and PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { cliDatabase, cliEnv, freePort } from '../support/cli-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');

test('serve builds the embedded search index at start, before any search', { timeout: 120_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-serve-search-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database = await cliDatabase(t, dir);
  const env = { ...cliEnv(), ...database.env, ALLMANNING_LOG_LEVEL: 'info', ALLMANNING_SEARCH_INDEX: 'embedded' };
  const demo = spawn(process.execPath, [bin, 'demo'], { cwd: root, env, stdio: 'ignore' });
  assert.equal((await once(demo, 'close'))[0], 0);

  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  t.after(() => server.kill('SIGTERM'));
  // The server's JSON log lines until the one saying the index is ready (no request made yet).
  const ready = await new Promise<{ index: string; ms: number }>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`no "search index ready" line in 60 s; stderr: ${buffered.slice(-2000)}`)), 60_000);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      for (const line of buffered.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; index?: string; ms?: number };
        if (entry.msg === 'search index ready') {
          clearTimeout(timer);
          resolve({ index: entry.index!, ms: entry.ms! });
        }
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${buffered.slice(-2000)}`)));
  });
  assert.equal(ready.index, 'embedded');
  assert.ok(ready.ms >= 0);

  const answer = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=adresser`);
  assert.equal(answer.status, 200);
  const body = (await answer.json()) as { total: number; items: { slug: string }[] };
  assert.ok(body.total >= 1 && body.items.length >= 1, 'the demo catalog is searchable');
});
