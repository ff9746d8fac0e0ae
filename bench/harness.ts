// Shared by the benchmarks (run.ts, catalog.ts, seed-catalog.ts): child processes for the servers,
// the autocannon load with full-resolution latencies, memory of a child from /proc, the build, and
// the readable table. Everything runs on loopback in this process tree.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = path.join(root, 'bin', 'allmanning.js');

export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface HttpResult {
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
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(ALLMANNING_|DATABASE_URL$|PORT$|HOST$|NODE_OPTIONS$)/.test(name)) delete env[name];
  return { ...env, ...extra };
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls GET url every pollMs until it answers 200; returns the ms since `since`. */
export async function waitFor200(url: string, child: ChildProcess, since: number, pollMs: number, timeoutMs = 30_000): Promise<number> {
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

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The servers this process started, so a failed run can stop them. */
export const children = new Set<ChildProcess>();
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const child = track(spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'baseline-server.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }));
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  const { port } = JSON.parse(line) as { port: number };
  return { child, url: `http://127.0.0.1:${port}` };
}

/** `allmanning serve` with the default settings. Its logs (default level info: two lines per request)
 * go to /dev/null, as cheap as logging gets. `nodeArgs` go to node (e.g. --cpu-prof). */
export function startApp(dataDir: string, port: number, env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  return track(spawn(process.execPath, [...nodeArgs, bin, 'serve'], { cwd: root, env: cleanEnv({ ALLMANNING_DATA_DIR: dataDir, PORT: String(port), ...env }), stdio: 'ignore' }));
}

/** Runs `allmanning <args>` (built when dist/ exists) to completion; returns stdout. */
export function runCli(args: string[], env: Record<string, string>, input?: string): string {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: cleanEnv(env), input: input ?? '', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`allmanning ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.trim()}`);
  return result.stdout;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Per connection: the requests it cycles through (autocannon's setupClient → setRequests). */
  requestsFor?: (connection: number) => autocannon.Request[];
}

export interface Load {
  result: autocannon.Result;
  /** Every 2xx response time in ms, at full (sub-millisecond) resolution; autocannon's own
   * histogram rounds to whole milliseconds, which reads as "0 ms" on loopback. */
  latencies: Float64Array;
}

export function load(url: string, options: LoadOptions): Promise<Load> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let connection = 0;
  const { requestsFor } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        ...(requestsFor ? { setupClient: (client: autocannon.Client) => client.setRequests(requestsFor(connection++)) } : {}),
      },
      (error, result) => {
        if (error) reject(error);
        else resolve({ result, latencies: latencies.subarray(0, count) });
      },
    );
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

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** p50, p99 and the slowest of a list of times in ms, rounded to `digits`. */
export function latencySummary(times: readonly number[], digits: number): { p50Ms: number; p99Ms: number; maxMs: number } {
  const sorted = Float64Array.from(times).sort();
  return { p50Ms: round(percentile(sorted, 50), digits), p99Ms: round(percentile(sorted, 99), digits), maxMs: round(sorted[sorted.length - 1] ?? 0, digits) };
}

/** Per connection, every path once in a loop, each connection starting at a different one (a mix for autocannon). */
export function cyclingRequests(paths: readonly string[]): (connection: number) => autocannon.Request[] {
  return (connection) => {
    const start = (connection * 7) % paths.length;
    return [...paths.slice(start), ...paths.slice(0, start)].map((path) => ({ method: 'GET', path }));
  };
}

export interface MeasureOptions extends Omit<LoadOptions, 'seconds'> {
  warmupSeconds: number;
  seconds: number;
}

/** A warm-up load (not counted), then the measured one. */
export async function measure(name: string, url: string, baselineRps: number | undefined, options: MeasureOptions): Promise<HttpResult> {
  log(`${name}: ${options.warmupSeconds}s warm-up, ${options.seconds}s measured (${options.connections} connections) — ${url}`);
  if (options.warmupSeconds > 0) await load(url, { ...options, seconds: options.warmupSeconds });
  const { result, latencies } = await load(url, options);
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

/** Resident memory of a (Linux) process now and at its peak, in MB; undefined elsewhere. */
export function memoryOf(pid: number | undefined): { rssMb: number; peakRssMb: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024, 1), peakRssMb: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return undefined;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function textTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function table(rows: HttpResult[]): string {
  return textTable(
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'errors'],
    rows.map((r) => [r.name, String(r.requestsPerSec), String(r.p50Ms), String(r.p99Ms), `${r.ratioToBaseline.toFixed(3)}×`, String(r.errors + r.non2xx)]),
  );
}

export function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Builds dist/ (the server runs from it, as in production); returns whether it was there before. */
export function build(): boolean {
  const builtBefore = fs.existsSync(path.join(root, 'dist'));
  log('building (npm run build) — the server runs from dist/ as in production');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
  return builtBefore;
}

/** Leave the tree as we found it: tests and `npm run dev` use the TypeScript sources. */
export function unbuild(builtBefore: boolean): void {
  if (!builtBefore) fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
}
