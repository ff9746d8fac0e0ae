// `npm run bench`: HTTP throughput and latency of the app against a hello-world Fastify baseline,
// cold-start time of the built server, and the catalog at 100,000 datasets (bench/catalog.ts).
// Results: JSON on stdout, a readable table on stderr.
//
// Everything runs in this process tree on loopback: this process is the load generator
// (autocannon), each server is a child process, so on a 2-core machine generator and server get a
// core each. Load is bounded (WARMUP_S + DURATION_S per route); the whole run takes ~4 minutes.
//
//   BENCH_ONLY (comma list of http, cold, catalog, search; default all)
//   BENCH_DURATION_S (default 10)  BENCH_WARMUP_S (default 2)  BENCH_CONNECTIONS (default 10; catalog 32)
//   BENCH_COLD_RUNS (default 5)    catalog: see bench/catalog.ts    search: see bench/search.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogBenchmark, catalogTable, type CatalogReport } from './catalog.js';
import { searchBenchmark, searchTable, type SearchReport } from './search.js';
import {
  build,
  children,
  freePort,
  log,
  machine,
  measure,
  median,
  round,
  startApp,
  startBaseline,
  stop,
  table,
  unbuild,
  waitFor200,
  type HttpResult,
} from './harness.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const COLD_START_TARGET_MS = 1000;
const COLD_POLL_MS = 10;

const SECTIONS = ['http', 'cold', 'catalog', 'search'] as const;
type Section = (typeof SECTIONS)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const runs = (section: Section) => only.length === 0 || only.includes(section);

const settings = { connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S };

/** Starts `serve` on an empty data dir and measures the given routes one after the other. */
async function againstApp(env: Record<string, string>, routes: readonly (readonly [string, string])[], baselineRps: number): Promise<HttpResult[]> {
  const results: HttpResult[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-bench-'));
  const port = await freePort();
  const app = startApp(dataDir, port, env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${base}/readyz`, app, performance.now(), 50);
    const home = await fetch(`${base}/`);
    const html = await home.text();
    if (home.status !== 200 || !/<html lang="sv"/.test(html)) throw new Error(`GET / did not return the Swedish home page (${home.status})`);
    for (const [name, route] of routes) results.push(await measure(name, `${base}${route}`, baselineRps, settings));
  } finally {
    await stop(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function httpBenchmarks(): Promise<HttpResult[]> {
  const results: HttpResult[] = [];
  const baseline = await startBaseline();
  try {
    results.push(await measure('baseline: Fastify hello world', `${baseline.url}/`, undefined, settings));
  } finally {
    await stop(baseline.child);
  }
  const baselineRps = results[0]!.requestsPerSec;

  const routes = [
    ['GET /healthz', '/healthz'],
    ['GET / (Swedish home page)', '/'],
    ['GET /api/v1/status', '/api/v1/status'],
  ] as const;
  results.push(...(await againstApp({}, routes, baselineRps)));
  // How much of the difference is request logging: the same route with ALLMANNING_LOG_LEVEL=warn.
  results.push(...(await againstApp({ ALLMANNING_LOG_LEVEL: 'warn' }, [['GET /healthz (request logs off)', '/healthz']], baselineRps)));
  return results;
}

/** Time from spawning `allmanning serve` on an empty data dir to the first 200 from /readyz. */
async function coldStarts(): Promise<number[]> {
  const results: number[] = [];
  for (let i = 1; i <= COLD_RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-cold-'));
    const port = await freePort();
    const started = performance.now();
    const app = startApp(dataDir, port);
    try {
      const ms = await waitFor200(`http://127.0.0.1:${port}/readyz`, app, started, COLD_POLL_MS);
      results.push(round(ms, 0));
      log(`cold start ${i}/${COLD_RUNS}: ${round(ms, 0)} ms`);
    } finally {
      await stop(app);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

async function main(): Promise<void> {
  for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
  const builtBefore = build();
  try {
    const http = runs('http') ? await httpBenchmarks() : undefined;
    const cold = runs('cold') ? await coldStarts() : undefined;
    const catalog: CatalogReport | undefined = runs('catalog') ? await catalogBenchmark() : undefined;
    const search: SearchReport | undefined = runs('search') ? await searchBenchmark() : undefined;
    const coldMedian = cold ? median(cold) : undefined;
    const report = {
      date: new Date().toISOString(),
      machine: machine(),
      ...(http ? { settings: { connections: CONNECTIONS, pipelining: 1, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S, loadGenerator: 'autocannon (in this process)', host: '127.0.0.1' }, http } : {}),
      ...(cold && coldMedian !== undefined ? { coldStart: { runsMs: cold, medianMs: coldMedian, targetMs: COLD_START_TARGET_MS, withinTarget: coldMedian <= COLD_START_TARGET_MS, pollMs: COLD_POLL_MS } } : {}),
      ...(catalog ? { catalog } : {}),
      ...(search ? { search } : {}),
    };
    if (http) process.stderr.write(`\n${table(http)}\n`);
    if (cold && report.coldStart) process.stderr.write(`\ncold start to first /readyz 200 (empty data dir): ${cold.join(', ')} ms; median ${coldMedian} ms (target ≤ ${COLD_START_TARGET_MS} ms: ${report.coldStart.withinTarget ? 'met' : 'MISSED'})\n`);
    if (catalog) process.stderr.write(`\n${catalogTable(catalog)}\n`);
    if (search) process.stderr.write(`\n${searchTable(search)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const failed = [...(http ?? []), ...(catalog?.http ?? []), ...(search ? [search.http.search] : [])].filter((r) => r.errors > 0 || r.non2xx > 0);
    if (failed.length > 0) throw new Error(`requests failed on: ${failed.map((r) => r.name).join(', ')}`);
  } finally {
    unbuild(builtBefore);
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  await Promise.all([...children].map(stop));
  process.exitCode = 1;
});
