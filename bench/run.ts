// `npm run bench`: HTTP throughput and latency of the app against a hello-world Fastify baseline,
// and cold-start time of the built server. Results: JSON on stdout, a readable table on stderr.
//
// Everything runs in this process tree on loopback: this process is the load generator
// (autocannon), each server is a child process, so on a 2-core machine generator and server get a
// core each. Load is bounded (WARMUP_S + DURATION_S per route); the whole run takes ~1.5 minutes.
//
//   BENCH_DURATION_S (default 10)  BENCH_WARMUP_S (default 2)  BENCH_CONNECTIONS (default 10)
//   BENCH_COLD_RUNS (default 5)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'allmanning.js');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const COLD_START_TARGET_MS = 1000;
const COLD_POLL_MS = 10;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface HttpResult {
  name: string;
  url: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToBaseline: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** The environment without our settings from the caller's shell, so the defaults are measured. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(ALLMANNING_|DATABASE_URL$|PORT$|HOST$|NODE_OPTIONS$)/.test(name)) delete env[name];
  return { ...env, ...extra };
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls GET url every pollMs until it answers 200; returns the ms since `since`. */
async function waitFor200(url: string, child: ChildProcess, since: number, pollMs: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const child = track(spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'baseline-server.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }));
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  const { port } = JSON.parse(line) as { port: number };
  return { child, url: `http://127.0.0.1:${port}` };
}

/** `allmanning serve` with the default settings. Its logs (default level info: two lines per request)
 * go to /dev/null, as cheap as logging gets. */
async function startApp(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  return track(spawn(process.execPath, [bin, 'serve'], { cwd: root, env: cleanEnv({ ALLMANNING_DATA_DIR: dataDir, PORT: String(port), ...env }), stdio: 'ignore' }));
}

interface Load {
  result: autocannon.Result;
  /** Every 2xx response time in ms, at full (sub-millisecond) resolution; autocannon's own
   * histogram rounds to whole milliseconds, which reads as "0 ms" on loopback. */
  latencies: Float64Array;
}

function load(url: string, seconds: number): Promise<Load> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds }, (error, result) => {
      if (error) reject(error);
      else resolve({ result, latencies: latencies.subarray(0, count) });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) return;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = responseTime;
    });
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, url: string, baselineRps: number | undefined): Promise<HttpResult> {
  log(`${name}: ${WARMUP_S}s warm-up, ${DURATION_S}s measured (${CONNECTIONS} connections) — ${url}`);
  if (WARMUP_S > 0) await load(url, WARMUP_S);
  const { result, latencies } = await load(url, DURATION_S);
  const sorted = latencies.slice().sort();
  const requestsPerSec = result.requests.total / result.duration;
  return {
    name,
    url,
    requestsPerSec: round(requestsPerSec, 0),
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    ratioToBaseline: round(requestsPerSec / (baselineRps ?? requestsPerSec), 3),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Starts `serve` on an empty data dir and measures the given routes one after the other. */
async function againstApp(env: Record<string, string>, routes: readonly (readonly [string, string])[], baselineRps: number): Promise<HttpResult[]> {
  const results: HttpResult[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-bench-'));
  const port = await freePort();
  const app = await startApp(dataDir, port, env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${base}/readyz`, app, performance.now(), 50);
    const home = await fetch(`${base}/`);
    const html = await home.text();
    if (home.status !== 200 || !/<html lang="sv"/.test(html)) throw new Error(`GET / did not return the Swedish home page (${home.status})`);
    for (const [name, route] of routes) results.push(await measure(name, `${base}${route}`, baselineRps));
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
    results.push(await measure('baseline: Fastify hello world', `${baseline.url}/`, undefined));
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
  const runs: number[] = [];
  for (let i = 1; i <= COLD_RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-cold-'));
    const port = await freePort();
    const started = performance.now();
    const app = await startApp(dataDir, port);
    try {
      const ms = await waitFor200(`http://127.0.0.1:${port}/readyz`, app, started, COLD_POLL_MS);
      runs.push(round(ms, 0));
      log(`cold start ${i}/${COLD_RUNS}: ${round(ms, 0)} ms`);
    } finally {
      await stop(app);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function table(rows: HttpResult[]): string {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'errors'];
  const body = rows.map((r) => [r.name, String(r.requestsPerSec), String(r.p50Ms), String(r.p99Ms), `${r.ratioToBaseline.toFixed(3)}×`, String(r.errors + r.non2xx)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const builtBefore = fs.existsSync(path.join(root, 'dist'));
  log('building (npm run build) — the server runs from dist/ as in production');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
  try {
    const http = await httpBenchmarks();
    const cold = await coldStarts();
    const coldMedian = median(cold);
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
      settings: { connections: CONNECTIONS, pipelining: 1, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S, loadGenerator: 'autocannon (in this process)', host: '127.0.0.1' },
      http,
      coldStart: { runsMs: cold, medianMs: coldMedian, targetMs: COLD_START_TARGET_MS, withinTarget: coldMedian <= COLD_START_TARGET_MS, pollMs: COLD_POLL_MS },
    };
    process.stderr.write(`\n${table(http)}\n\ncold start to first /readyz 200 (empty data dir): ${cold.join(', ')} ms; median ${coldMedian} ms (target ≤ ${COLD_START_TARGET_MS} ms: ${report.coldStart.withinTarget ? 'met' : 'MISSED'})\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const failed = http.filter((r) => r.errors > 0 || r.non2xx > 0);
    if (failed.length > 0) throw new Error(`requests failed on: ${failed.map((r) => r.name).join(', ')}`);
  } finally {
    // Leave the tree as we found it: tests and `npm run dev` use the TypeScript sources.
    if (!builtBefore) fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  await Promise.all([...children].map(stop));
  process.exitCode = 1;
});
