// A harvest killed with SIGKILL halfway (`allmanning harvest run ID` in a child process, stopped
// while the CKAN source holds back its second page) leaves no duplicate: the first page's datasets
// are there once. While the dead run's lease lasts, no other run starts; once it has run out, the
// next run marks the dead one failed, finds the first page unchanged and completes the rest.
// SQLite, and PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { cliDatabase, cliEnv } from '../../../test/support/cli-env.js';
import { loadConfig } from '../../config/index.js';
import { createDeps } from '../../deps.js';
import { domainsOf } from '../../domains.js';
import { FixedClock } from '../../platform/clock.js';
import { ABANDONED, RUN_LEASE_MS } from './harvest.service.js';
import type { HarvestTables } from './harvest.table.js';
import { generatedPackages, startCkanServer } from './testing.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  return { code, out, err };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { code, out, err } = await run(args, env);
  assert.equal(code, 0, `allmanning ${args.join(' ')}: ${err}`);
  return out;
}

test('a harvest killed halfway leaves no duplicate, and the next run completes it', { timeout: 180_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-harvest-crash-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database = await cliDatabase(t, dir);
  const env = { ...cliEnv(), ...database.env, ALLMANNING_LOG_LEVEL: 'warn', ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' };

  const packages = generatedPackages(2500);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const ckan = await startCkanServer(() => packages, { before: (start) => (start >= 1000 ? held : Promise.resolve()) });
  t.after(async () => {
    release();
    await ckan.close();
  });

  await cli(['org', 'create', '--slug', 'krasch', '--name', 'Krasch'], env);
  const id = (await cli(['harvest', 'add', '--org', 'krasch', '--type', 'ckan', '--url', ckan.url], env)).trim();
  assert.match(id, /^[0-9a-z-]{10,}$/i);

  const clock = new FixedClock(new Date()); // real time, moved past the dead run's lease below
  const deps = createDeps(loadConfig({ ALLMANNING_DATA_DIR: dir, ALLMANNING_LOG_LEVEL: 'silent', ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1', ...database.env }), { database: database.open(), clock, log: pino({ level: 'silent' }) });
  t.after(() => deps.database.close());
  const db = deps.db as unknown as Kysely<HarvestTables>;
  const harvested = async () => {
    const row = await db.selectFrom('dataset').select([sql<number>`count(*)`.as('n'), sql<number>`count(distinct source_key)`.as('keys')]).where('source_id', '=', `harvest:${id}`).executeTakeFirstOrThrow();
    return { n: Number(row.n), keys: Number(row.keys) };
  };

  const child = spawn(process.execPath, [bin, 'harvest', 'run', id], { cwd: root, env, stdio: 'ignore' });
  // The first page written (the second is asked for and held back by the source): kill it there.
  for (let i = 0; !ckan.starts.includes(1000) || (await harvested()).n < 1000; i++) {
    assert.ok(i < 1200, 'the harvest did not write its first page');
    await sleep(100);
  }
  child.kill('SIGKILL');
  await once(child, 'close');
  assert.deepEqual(await harvested(), { n: 1000, keys: 1000 }, 'the first page, once');
  const dead = await db.selectFrom('harvest_run').selectAll().where('source_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(dead.status, 'running');

  // The dead run still holds the source until its lease runs out: no second run overlaps it.
  const service = domainsOf(deps).harvest.service;
  assert.equal(await service.run(id, { trigger: 'manual' }), null);

  release();
  clock.set(new Date(Date.now() + RUN_LEASE_MS + 1000));
  const next = await service.run(id, { trigger: 'manual' });
  assert.equal(next?.status, 'succeeded', next?.errors);
  assert.deepEqual([next?.created_count, next?.unchanged_count, next?.updated_count, next?.failed_count], [1500, 1000, 0, 0]);
  assert.deepEqual(await harvested(), { n: 2500, keys: 2500 });
  const after = await db.selectFrom('harvest_run').selectAll().where('id', '=', dead.id).executeTakeFirstOrThrow();
  assert.equal(after.status, 'failed');
  assert.deepEqual(JSON.parse(after.errors), [ABANDONED]);

  // `harvest list --json` shows the source with its latest run; usage errors exit 2, failures 1 with one line.
  const listed = JSON.parse(await cli(['harvest', 'list', '--json'], env)) as { total: number; items: { id: string; lastRun: { counts: { created: number } } }[] };
  assert.equal(listed.total, 1);
  assert.equal(listed.items[0]!.id, id);
  assert.equal(listed.items[0]!.lastRun.counts.created, 1500);
  assert.equal((await run(['harvest', 'add', '--org', 'krasch', '--type', 'ftp', '--url', ckan.url], env)).code, 2);
  const unknown = await run(['harvest', 'run', 'no-such-source'], env);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err, 'allmanning: no harvest source no-such-source\n');

  // `harvest schedule ID CRON` changes the schedule; a bad one exits 1 naming the field; `harvest remove ID`.
  const rescheduled = JSON.parse(await cli(['harvest', 'schedule', id, '45 3 * * 1', '--json'], env)) as { schedule: string; nextRunAt: string };
  assert.equal(rescheduled.schedule, '45 3 * * 1');
  assert.match(rescheduled.nextRunAt, /T0[12]:45:00\.000Z$/, '03:45 in Stockholm');
  const badCron = await run(['harvest', 'schedule', id, 'every night'], env);
  assert.equal(badCron.code, 1);
  assert.match(badCron.err, /schedule/);
  assert.equal((JSON.parse(await cli(['harvest', 'list', '--json'], env)) as { items: { schedule: string }[] }).items[0]!.schedule, '45 3 * * 1', 'unchanged by the bad one');
  await cli(['harvest', 'remove', id], env);
  assert.equal((JSON.parse(await cli(['harvest', 'list', '--json'], env)) as { total: number }).total, 0);
  assert.equal((await run(['harvest', 'remove', id], env)).code, 1, 'already gone');
});
