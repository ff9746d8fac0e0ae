// The catalog at 100,000 datasets (part of `npm run bench`; alone: BENCH_ONLY=catalog npm run bench).
//
// Seeds a fresh data dir (seed-catalog.ts), checks through the API that the app reads the seeded
// rows (anonymous and as a site admin: published, draft, private and HVD datasets, history, the
// list), then measures — with autocannon in this process, each server a child process — the
// hello-world baseline (before and after the app, the ratio is against their mean) and the built
// `allmanning serve` with default settings on the seeded data:
//
//   GET /api/v1/datasets/{slug}   the dataset API, anonymous, cycling over 1,000 random published public slugs
//   GET /datasets/{slug}          the dataset page, the same slugs (skipped while it answers 404)
//   GET /api/v1/datasets?limit=20 the first page of the list
//
// and the server's resident memory (VmRSS after each route, peak VmHWM) from /proc.
// Targets (the issue): the API ≥ 0.40 and the page ≥ 0.20 of the baseline's requests/s.
//
//   BENCH_DATASETS (default 100000)  BENCH_CONNECTIONS (default 32)  BENCH_DURATION_S (10)  BENCH_WARMUP_S (2)
//   BENCH_CATALOG_ROUTES  comma list of api, page, list (default all)
//   BENCH_CPU_PROF_DIR    run the server with --cpu-prof into this dir and list the top self-time
//                         functions (profiling slows the server: not for the reported figures)
//   BENCH_KEEP_DATA=1     keep the seeded data dir (its path is in the report)
//   BENCH_CATALOG_DATA_DIR  measure this data dir, seeded earlier (seed-catalog.ts or BENCH_KEEP_DATA=1),
//                         instead of seeding a new one (it is kept)
import fs from 'node:fs';
import path from 'node:path';
import type autocannon from 'autocannon';
import { selfTimeTable, topSelfTime, type SelfTime } from './cpuprofile.js';
import { freePort, log, measure, memoryOf, round, runCli, startApp, startBaseline, stop, textTable, waitFor200, type HttpResult } from './harness.js';
import { readSeed, seedCatalog, type SeedResult } from './seed-catalog.js';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const ROUTES = (process.env.BENCH_CATALOG_ROUTES ?? 'api,page,list').split(',').map((s) => s.trim());
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR ? path.resolve(process.env.BENCH_CPU_PROF_DIR) : undefined;
const REUSE_DIR = process.env.BENCH_CATALOG_DATA_DIR ? path.resolve(process.env.BENCH_CATALOG_DATA_DIR) : undefined;
const KEEP_DATA = process.env.BENCH_KEEP_DATA === '1' || REUSE_DIR !== undefined;
const TARGETS: Record<string, number> = { api: 0.4, page: 0.2 };
// A new address each run, so a reused data dir takes another one.
const ADMIN = { email: `bench-admin-${Date.now()}@example.se`, name: 'Bench Admin', password: 'bench-password-not-secret-1' };

type RouteKey = 'api' | 'page' | 'list';

export interface CatalogResult extends HttpResult {
  key: RouteKey;
  /** The server's resident memory right after this route's load. */
  rssMbAfter: number | undefined;
}

export interface CatalogReport {
  datasets: number;
  seed: Omit<SeedResult, 'sample' | 'dataDir' | 'dbFile'> & { dbMb: number; dataDir: string | null };
  settings: { connections: number; pipelining: 1; warmupSeconds: number; durationSeconds: number; slugSample: number; loadGenerator: string; host: string; cpuProfile: boolean };
  baseline: { before: HttpResult; after: HttpResult; requestsPerSec: number };
  http: CatalogResult[];
  skipped: { key: RouteKey; name: string; reason: string }[];
  memory: { idleRssMb: number | undefined; finalRssMb: number | undefined; peakRssMb: number | undefined };
  targets: { key: RouteKey; name: string; target: number; ratio: number | null; met: boolean | null }[];
  smoke: string[];
  profile?: { file: string; totalMs: number; busyMs: number; top: SelfTime[] };
}

const NAMES: Record<RouteKey, string> = {
  api: 'GET /api/v1/datasets/{slug}',
  page: 'GET /datasets/{slug} (dataset page)',
  list: 'GET /api/v1/datasets?limit=20',
};

/** Each connection cycles through the sample from its own offset, so they do not move in step. */
function cycling(paths: string[]): (connection: number) => autocannon.Request[] {
  return (connection) => {
    const start = (connection * 31) % paths.length;
    return [...paths.slice(start), ...paths.slice(0, start)].map((p) => ({ method: 'GET', path: p }));
  };
}

async function getJson(url: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (an HTML error page)
  }
  return { status: response.status, body };
}

/** Checks that the app reads the seeded rows: what anonymous visitors and a site admin get. Returns what it checked. */
async function smoke(base: string, seed: SeedResult, token: string): Promise<{ checks: string[]; pageStatus: number }> {
  const checks: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`smoke: ${what}`);
    checks.push(what);
  };
  const { sample } = seed;
  for (const slug of sample.published.slice(0, 5)) {
    const { status, body } = await getJson(`${base}/api/v1/datasets/${slug}`);
    const distributions = body.distributions as { license?: string; format?: string; accessUrl?: string }[] | undefined;
    expect(
      status === 200 && body.slug === slug && body.status === 'published' && typeof (body.title as { sv?: string }).sv === 'string' && (distributions?.length ?? 0) >= 1 && distributions!.every((d) => d.license && d.format && d.accessUrl),
      `anonymous GET /api/v1/datasets/${slug}: 200, published, a Swedish title, distributions with licence, format and access URL`,
    );
  }
  for (const [kind, slug] of [['draft', sample.draft[0]], ['private', sample.private[0]]] as const) {
    if (!slug) continue;
    const anonymous = await getJson(`${base}/api/v1/datasets/${slug}`);
    expect(anonymous.status === 404, `anonymous GET of a ${kind} dataset (${slug}): 404`);
    const admin = await getJson(`${base}/api/v1/datasets/${slug}`, token);
    expect(admin.status === 200 && admin.body.slug === slug, `site admin GET of the ${kind} dataset: 200`);
  }
  if (sample.hvd[0]) {
    const { status, body } = await getJson(`${base}/api/v1/datasets/${sample.hvd[0]}`);
    expect(status === 200 && body.hvd === true && (body.hvdCategories as string[]).length === 1, `anonymous GET of an HVD dataset (${sample.hvd[0]}): 200, hvd, one HVD category`);
  }
  const history = await getJson(`${base}/api/v1/datasets/${sample.published[0]}/history`, token);
  const items = history.body.items as { revision: number; action: string; changes: unknown[] }[] | undefined;
  expect(history.status === 200 && items?.length === 1 && items[0]!.revision === 1 && items[0]!.action === 'created' && items[0]!.changes.length > 10, `site admin GET …/history: revision 1 'created' with its field changes`);
  const list = await getJson(`${base}/api/v1/datasets?limit=20`);
  expect(list.status === 200 && list.body.total === seed.publishedPublic && (list.body.items as unknown[]).length === Math.min(20, seed.publishedPublic), `anonymous GET /api/v1/datasets?limit=20: total ${seed.publishedPublic} (published public), 20 items`);
  const all = await getJson(`${base}/api/v1/datasets?limit=20`, token);
  expect(all.status === 200 && all.body.total === seed.datasets, `site admin list: total ${seed.datasets} (every dataset)`);
  const page = await fetch(`${base}/datasets/${sample.published[0]}`);
  const html = await page.text();
  if (page.status === 200) expect(/<html lang="sv"/.test(html) && html.includes(sample.published[0]!), `GET /datasets/${sample.published[0]}: 200, a Swedish page`);
  else checks.push(`GET /datasets/${sample.published[0]}: ${page.status} — the dataset page is not there (yet)`);
  return { checks, pageStatus: page.status };
}

async function baselineRun(label: string): Promise<HttpResult> {
  const baseline = await startBaseline();
  try {
    return await measure(`baseline: Fastify hello world (${label})`, `${baseline.url}/`, undefined, { connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S });
  } finally {
    await stop(baseline.child);
  }
}

export async function catalogBenchmark(): Promise<CatalogReport> {
  if (REUSE_DIR) log(`catalog: measuring ${REUSE_DIR} (seeded earlier)`);
  else log(`catalog: seeding ${DATASETS} datasets`);
  const seed = REUSE_DIR ? readSeed(REUSE_DIR) : await seedCatalog({ datasets: DATASETS });
  const { dataDir } = seed;
  try {
    // A site admin with an API token, only for the smoke checks (the load is anonymous).
    runCli(['user', 'create', '--email', ADMIN.email, '--name', ADMIN.name, '--site-admin'], { ALLMANNING_DATA_DIR: dataDir }, `${ADMIN.password}\n`);
    const token = runCli(['token', 'create', '--email', ADMIN.email, '--name', 'bench'], { ALLMANNING_DATA_DIR: dataDir }).trim();

    const before = await baselineRun('before');

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const profilesBefore = PROFILE_DIR ? new Set(fs.readdirSync(PROFILE_DIR)) : new Set<string>();
    const app = startApp(dataDir, port, {}, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
    const http: CatalogResult[] = [];
    const skipped: CatalogReport['skipped'] = [];
    let memory: CatalogReport['memory'];
    let checks: string[];
    try {
      await waitFor200(`${base}/readyz`, app, performance.now(), 50, 60_000);
      const idle = memoryOf(app.pid);
      const result = await smoke(base, seed, token);
      checks = result.checks;
      for (const check of checks) log(`smoke: ${check}`);
      const paths = {
        api: seed.sample.published.map((slug) => `/api/v1/datasets/${encodeURIComponent(slug)}`),
        page: seed.sample.published.map((slug) => `/datasets/${encodeURIComponent(slug)}`),
      };
      for (const key of ['api', 'page', 'list'] as const) {
        if (!ROUTES.includes(key)) continue;
        if (key === 'page' && result.pageStatus !== 200) {
          const reason = `GET /datasets/{slug} answered ${result.pageStatus}: the dataset page does not exist yet`;
          log(`catalog: skipping ${NAMES[key]} — ${reason}`);
          skipped.push({ key, name: NAMES[key], reason });
          continue;
        }
        const options = { connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S, ...(key === 'list' ? {} : { requestsFor: cycling(paths[key]) }) };
        const url = key === 'list' ? `${base}/api/v1/datasets?limit=20` : base;
        const measured = await measure(NAMES[key], url, before.requestsPerSec, options);
        http.push({ ...measured, url: key === 'list' ? url : `${base}${key === 'api' ? '/api/v1/datasets/{slug}' : '/datasets/{slug}'}`, key, rssMbAfter: memoryOf(app.pid)?.rssMb });
      }
      const final = memoryOf(app.pid);
      memory = { idleRssMb: idle?.rssMb, finalRssMb: final?.rssMb, peakRssMb: final?.peakRssMb };
    } finally {
      await stop(app);
    }

    const after = await baselineRun('after');
    const baselineRps = (before.requestsPerSec + after.requestsPerSec) / 2;
    for (const r of [before, after, ...http]) r.ratioToBaseline = round(r.requestsPerSec / baselineRps, 3);
    const targets = (['api', 'page'] as const).map((key) => {
      const r = http.find((h) => h.key === key);
      return { key, name: NAMES[key], target: TARGETS[key]!, ratio: r ? r.ratioToBaseline : null, met: r ? r.ratioToBaseline >= TARGETS[key]! : null };
    });

    let profile: CatalogReport['profile'];
    if (PROFILE_DIR) {
      const file = fs.readdirSync(PROFILE_DIR).find((f) => f.endsWith('.cpuprofile') && !profilesBefore.has(f));
      if (file) profile = { file: path.join(PROFILE_DIR, file), ...topSelfTime(path.join(PROFILE_DIR, file), 25, { excludeIdle: true }) };
    }

    const { sample: _sample, dataDir: _dir, dbFile: _file, ...seedSummary } = seed;
    return {
      datasets: seed.datasets,
      seed: { ...seedSummary, dbMb: round(seed.dbBytes / 2 ** 20, 1), dataDir: KEEP_DATA ? dataDir : null },
      settings: { connections: CONNECTIONS, pipelining: 1, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S, slugSample: seed.sample.published.length, loadGenerator: 'autocannon (in this process)', host: '127.0.0.1', cpuProfile: Boolean(PROFILE_DIR) },
      baseline: { before, after, requestsPerSec: round(baselineRps, 0) },
      http,
      skipped,
      memory,
      targets,
      smoke: checks,
      ...(profile ? { profile } : {}),
    };
  } finally {
    if (!KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The readable summary for stderr. */
export function catalogTable(report: CatalogReport): string {
  const row = (r: HttpResult, rss: string) => [r.name, String(r.requestsPerSec), String(r.p50Ms), String(r.p99Ms), `${r.ratioToBaseline.toFixed(3)}×`, String(r.errors + r.non2xx), rss];
  const { before, after, requestsPerSec } = report.baseline;
  const lines = [
    `catalog at ${report.datasets} datasets — ${report.settings.connections} connections, ${report.settings.durationSeconds} s per route, ${report.settings.slugSample} slugs; baseline ${requestsPerSec} req/s (mean of before/after)`,
    textTable(
      ['route', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'errors', 'RSS MB after'],
      [
        row(before, ''),
        row(after, ''),
        ...report.http.map((r) => row(r, r.rssMbAfter === undefined ? '?' : String(r.rssMbAfter))),
      ],
    ),
    ...report.skipped.map((s) => `skipped ${s.name}: ${s.reason}`),
    `server memory: ${report.memory.idleRssMb ?? '?'} MB RSS idle after start, ${report.memory.finalRssMb ?? '?'} MB after the runs, peak ${report.memory.peakRssMb ?? '?'} MB (VmHWM)`,
    `seed: ${report.seed.datasets} datasets, ${report.seed.distributions} distributions, ${report.seed.organizations} organisations in ${report.seed.seconds.total} s (migrate ${report.seed.seconds.migrate} s); database ${report.seed.dbMb} MB`,
    ...report.targets.map((t) => `target ${t.name} ≥ ${t.target.toFixed(2)}× baseline: ${t.ratio === null ? 'not measured' : `${t.ratio.toFixed(3)}× — ${t.met ? 'met' : 'MISSED'}`}`),
  ];
  if (report.profile) lines.push(`\nCPU profile of the server (${report.profile.file}; ${report.profile.busyMs} ms busy of ${report.profile.totalMs} ms):`, selfTimeTable(report.profile.top));
  return lines.join('\n');
}
