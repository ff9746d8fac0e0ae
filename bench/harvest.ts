// Harvest of N datasets from a CKAN API over loopback (docs/harvest.md): a child process answers
// package_search with generated packages (shaped like the recorded envidat.ch ones: tags, licence,
// a resource with url, format, media type and size), this process harvests them into an empty
// SQLite database (or DATABASE_URL) through the real harvest service — first all new, then all
// unchanged — and reports datasets/s, CPU seconds, peak RSS and the load average. JSON on stdout.
//
//   npx tsx bench/harvest.ts [N]      (default 100000; BENCH_HARVEST_N also works)
// Targets: ≥ 2,000 datasets/s new, ≥ 10,000 datasets/s unchanged.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/index.js';
import { migrateToLatest } from '../src/db/index.js';
import { createDeps } from '../src/deps.js';
import { domainsOf } from '../src/domains.js';

const N = Number(process.argv[2] ?? process.env.BENCH_HARVEST_N ?? 100_000);

// The CKAN side, plain JavaScript in its own process (so its CPU and memory are not counted here).
const SERVER = `
const http = require('node:http');
const N = Number(process.env.N);
const pkg = (i) => {
  const id = '00000000-0000-4000-8000-' + String(i).padStart(12, '0');
  return { id, name: 'paket-' + i, title: 'Paket nummer ' + i, notes: 'Beskrivning av paket ' + i + '. '.repeat(20), type: 'dataset', state: 'active', private: false,
    license_id: 'cc-by', license_url: 'https://creativecommons.org/licenses/by/4.0/', metadata_created: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString().replace('Z', ''),
    metadata_modified: '2026-08-04T07:19:14.753556', language: 'sv', version: '1.0', maintainer: 'Dataenheten', maintainer_email: 'data@example.se',
    tags: [{ name: 'miljö' }, { name: 'luft' }, { name: 'tag-' + (i % 100) }], groups: [{ name: 'envi' }], extras: [{ key: 'deprecatedResources', value: '[]' }],
    resources: [{ id: '10000000-0000-4000-8000-' + String(i).padStart(12, '0'), name: 'data-' + i + '.csv', url: 'https://data.example.se/paket-' + i + '.csv', url_type: 'upload', format: 'CSV', mimetype: 'text/csv', size: 1000 + i, state: 'active' }] };
};
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const rows = Math.min(Number(url.searchParams.get('rows') || 10), 1000);
  const start = Number(url.searchParams.get('start') || 0);
  const results = [];
  for (let i = start; i < Math.min(N, start + rows); i++) results.push(pkg(i));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, result: { count: N, results } }));
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['-e', SERVER], { env: { ...process.env, N: String(N) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = (await once(server.stdout, 'data')) as [Buffer];
  const portal = `http://127.0.0.1:${String(port).trim()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-bench-harvest-'));
  const config = loadConfig({ ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), ALLMANNING_DATA_DIR: dataDir, ALLMANNING_LOG_LEVEL: 'silent', ALLMANNING_FETCH_ALLOW_PRIVATE: '127.0.0.1' });
  const deps = createDeps(config, { log: pino({ level: 'silent' }) });
  try {
    await migrateToLatest(deps.database);
    const { organizations, harvest } = domainsOf(deps);
    await organizations.organizations.createAsOperator({ slug: 'bench', name: { sv: 'Bänk' }, type: 'other' });
    const source = await harvest.service.add(null, { organization: 'bench', type: 'ckan', url: portal });
    const measure = async (label: string) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await harvest.service.run(source.id, { trigger: 'cli' });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const result = { label, seconds: Math.round(seconds * 100) / 100, datasetsPerSecond: Math.round(N / seconds), perCpuSecond: Math.round(N / cpuSeconds), status: run?.status, created: run?.created_count, updated: run?.updated_count, unchanged: run?.unchanged_count, failed: run?.failed_count };
      process.stderr.write(`${label}: ${result.seconds} s, ${result.datasetsPerSecond} datasets/s (${result.perCpuSecond} per CPU second), ${JSON.stringify(run && JSON.parse(run.errors))}\n`);
      return result;
    };
    const created = await measure('new');
    const unchanged = await measure('unchanged');
    const report = {
      benchmark: 'harvest-ckan',
      n: N,
      dialect: deps.database.dialect,
      runs: [created, unchanged],
      targets: { newPerSecond: 2000, unchangedPerSecond: 10000 },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: os.cpus().length,
      node: process.version,
      at: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await deps.database.close();
    server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
