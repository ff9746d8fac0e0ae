// Search at N datasets (part of `npm run bench`; alone: BENCH_ONLY=search npm run bench).
//
// Seeds a fresh data dir with seed-catalog.ts (N datasets, ~150 organisations, Swedish and English
// texts from a Zipf-distributed vocabulary, realistic spread over themes, formats, licences, HVD,
// drafts and private ones), then:
// 1. builds the embedded index in this process from the database (build time, heap/RSS growth);
// 2. picks a fixed query mix from the index's own vocabulary (deterministic for a given seed):
//    common words (in > 10 % of the catalog), rare words, two-word phrases from titles, prefixes,
//    OR and exclusion, facet filters (alone and with words), sorts, and the empty browse query;
// 3. runs the mix in process, each answer evaluated afresh (the answer cache bypassed): query +
//    every facet count + the first 20 results with snippets — p50 / p99 overall and per kind;
// 4. times `allmanning reindex` (a separate process: open, read, index everything);
// 5. starts the built `allmanning serve` on the data and loads GET /api/v1/search with the mix at
//    32 connections (autocannon in this process), against the hello-world baseline measured before
//    and after; the server's RSS from /proc.
//
//   BENCH_SEARCH_N (default 100000)  BENCH_CONNECTIONS (32)  BENCH_DURATION_S (10)  BENCH_WARMUP_S (2)
//   BENCH_SEARCH_ROUNDS (in-process rounds over the mix, default 30)
//   BENCH_SEARCH_DATA_DIR  measure this data dir, seeded earlier by seed-catalog.ts, instead of seeding (it is kept)
//   BENCH_SEARCH_SKIP_HTTP=1  only the in-process part and the reindex
//   BENCH_SEARCH_PG=postgres://…/postgres  also measure the PostgreSQL index on a copy of the catalog
//                          (bench/search-postgres.ts; with the HTTP part only)
import fs from 'node:fs';
import { createDatabase } from '../src/db/index.js';
import { createSearchDomain, type SearchTables } from '../src/domains/search/index.js';
import type { SearchRequest } from '../src/domains/search/search.model.js';
import { systemClock } from '../src/platform/clock.js';
import type { Kysely } from 'kysely';
import { cyclingRequests, freePort, latencySummary, log, measure, memoryOf, round, runCli, startApp, startBaseline, stop, textTable, waitFor200, type HttpResult } from './harness.js';
import { readSeed, seedCatalog } from './seed-catalog.js';
import { postgresSearchBenchmark, type PostgresSearchReport } from './search-postgres.js';

const N = Number(process.env.BENCH_SEARCH_N ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 30);
const REUSE_DIR = process.env.BENCH_SEARCH_DATA_DIR;
const SKIP_HTTP = process.env.BENCH_SEARCH_SKIP_HTTP === '1';
const TARGETS = { inProcessP50Ms: 2, inProcessP99Ms: 15, httpRatio: 0.1, httpP99Ms: 50, reindexSeconds: 30, rssMb: 500 };

interface MixQuery {
  kind: string;
  q: string;
  params: Record<string, string>;
}

export interface SearchReport {
  datasets: number;
  dbMb: number;
  mix: MixQuery[];
  build: { inProcessSeconds: number; documents: number; heapGrowthMb: number; rssGrowthMb: number; reindexCliSeconds: number };
  inProcess: { rounds: number; queries: number; p50Ms: number; p99Ms: number; maxMs: number; byKind: Record<string, { p50Ms: number; p99Ms: number; meanTotal: number }> };
  http: { baseline: { before: HttpResult; after: HttpResult; requestsPerSec: number }; search: HttpResult; firstAnswerMs: number; rssMb: number | undefined; peakRssMb: number | undefined };
  targets: { name: string; target: number; value: number; met: boolean }[];
  postgres?: PostgresSearchReport;
}

/** The fixed mix, from the index's words: deterministic for a given catalog. */
function pickMix(vocabulary: { word: string; documents: number }[], titles: string[], facets: Record<string, { value: string; count: number }[]>, total: number): MixQuery[] {
  const byDf = [...vocabulary].filter((w) => w.word.length >= 4 && !/^\d+$/.test(w.word)).sort((a, b) => b.documents - a.documents || (a.word < b.word ? -1 : 1));
  const common = byDf.filter((w) => w.documents > total * 0.1).slice(0, 5);
  const commonWords = (common.length >= 3 ? common : byDf.slice(0, 5)).map((w) => w.word);
  const middle = byDf.filter((w) => w.documents > total * 0.005 && w.documents < total * 0.05);
  // Rare: in at most 0.1 % of the catalog (at least 20 datasets' worth); else the least frequent words there are.
  const rareLimit = Math.max(20, total * 0.001);
  const rare = byDf.filter((w) => w.documents >= 1 && w.documents <= rareLimit).length ? byDf.filter((w) => w.documents >= 1 && w.documents <= rareLimit) : byDf.filter((w) => w.documents >= 1).slice(-5);
  const pick = <T>(list: T[], count: number) => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / count)]!);
  const mix: MixQuery[] = [];
  for (const word of commonWords) mix.push({ kind: 'common word (>10 %)', q: word, params: {} });
  for (const w of pick(rare, 5)) mix.push({ kind: 'rare word', q: w.word, params: {} });
  for (const title of pick(titles, 5)) {
    const words = title.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length >= 2) mix.push({ kind: 'phrase', q: `"${words[0]} ${words[1]}"`, params: {} });
  }
  for (const w of pick(middle, 4)) mix.push({ kind: 'prefix', q: `${w.word.slice(0, 4)}*`, params: {} });
  const [m1, m2, m3] = pick(middle, 3);
  if (m1 && m2) mix.push({ kind: 'OR', q: `${m1.word} OR ${m2.word}`, params: {} });
  if (m3) mix.push({ kind: 'exclusion', q: `${commonWords[0]} -${m3.word}`, params: {} });
  if (m1) mix.push({ kind: 'two words', q: `${commonWords[1] ?? commonWords[0]} ${m1.word}`, params: {} });
  const top = (facet: string, i = 0) => facets[facet]?.[i]?.value;
  const filters: [string, Record<string, string>][] = [
    ['theme', { theme: top('theme')! }],
    ['organization', { organization: top('organization')! }],
    ['format + licence', { format: top('format')!, license: top('license')! }],
    ['two themes (OR) + open', { theme: `${top('theme', 1)},${top('theme', 2)}`, open: 'open' }],
    ['HVD category', { hvd: top('hvd')! }],
  ];
  for (const [name, params] of filters) if (Object.values(params).every((v) => v && !v.includes('undefined'))) mix.push({ kind: `facet: ${name}`, q: '', params });
  mix.push({ kind: 'word + facet', q: commonWords[0]!, params: { theme: top('theme')! } });
  mix.push({ kind: 'word, sorted newest', q: commonWords[2] ?? commonWords[0]!, params: { sort: 'newest' } });
  mix.push({ kind: 'browse (empty query)', q: '', params: {} });
  mix.push({ kind: 'browse, sorted modified', q: '', params: { sort: 'modified' } });
  return mix;
}

function requestOf(query: MixQuery): SearchRequest {
  const filters: Record<string, string[]> = {};
  let sort: SearchRequest['sort'] = 'relevance';
  for (const [name, value] of Object.entries(query.params)) {
    if (name === 'sort') sort = value as SearchRequest['sort'];
    else filters[name] = value.split(',');
  }
  return { q: query.q, filters, sort, limit: 20, offset: 0, locale: 'sv', scope: { insiderOf: [] } };
}

function pathOf(query: MixQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const [name, value] of Object.entries(query.params)) for (const v of value.split(',')) params.append(name, v);
  return `/api/v1/search?${params.toString()}`;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

async function baselineRun(label: string): Promise<HttpResult> {
  const baseline = await startBaseline();
  try {
    return await measure(`baseline: Fastify hello world (${label})`, `${baseline.url}/`, undefined, { connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S });
  } finally {
    await stop(baseline.child);
  }
}

export async function searchBenchmark(): Promise<SearchReport> {
  if (!REUSE_DIR) log(`search: seeding ${N} datasets`);
  const seed = REUSE_DIR ? readSeed(REUSE_DIR) : await seedCatalog({ datasets: N });
  const { dataDir } = seed;
  try {
    // 1. The index, built in this process from the database.
    const database = createDatabase({ sqliteFile: seed.dbFile });
    const domain = createSearchDomain({ db: database.db as unknown as Kysely<SearchTables>, clock: systemClock, dialect: 'sqlite', config: { baseUrl: 'http://127.0.0.1' }, backend: 'embedded' });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const stats = await domain.index.rebuild();
    global.gc?.();
    const build = { inProcessSeconds: round(stats.ms / 1000, 2), documents: stats.documents, heapGrowthMb: mb(process.memoryUsage().heapUsed - heapBefore), rssGrowthMb: mb(process.memoryUsage().rss - rssBefore), reindexCliSeconds: 0 };
    log(`search: index of ${stats.documents} datasets built in ${build.inProcessSeconds} s (heap +${build.heapGrowthMb} MB)`);

    // 2. The mix.
    const memory = (domain.index as unknown as { memory: { vocabulary(): { word: string; documents: number }[]; search(r: SearchRequest, o?: { cache?: boolean }): { hits: { title: { sv?: string } }[]; total: number; facets: Record<string, { value: string; count: number }[]> } } }).memory;
    const browse = memory.search({ ...requestOf({ kind: '', q: '', params: {} }), limit: 100 });
    const mix = pickMix(memory.vocabulary(), browse.hits.map((h) => h.title.sv ?? '').filter(Boolean), browse.facets, browse.total);
    for (const query of mix) log(`search: mix ${query.kind}: ${pathOf(query)} → ${memory.search(requestOf(query)).total} hits`);

    // 3. In process, uncached.
    const all: number[] = [];
    const byKind = new Map<string, { times: number[]; totals: number[] }>();
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const query of mix) {
        const request = requestOf(query);
        const started = performance.now();
        const result = memory.search(request, { cache: false });
        const ms = performance.now() - started;
        if (round_ === 0) continue; // warm-up round
        all.push(ms);
        const entry = byKind.get(query.kind) ?? byKind.set(query.kind, { times: [], totals: [] }).get(query.kind)!;
        entry.times.push(ms);
        entry.totals.push(result.total);
      }
    }
    const inProcess = {
      rounds: ROUNDS - 1,
      queries: all.length,
      ...latencySummary(all, 3),
      byKind: Object.fromEntries(
        [...byKind].map(([kind, { times, totals }]) => {
          const { p50Ms, p99Ms } = latencySummary(times, 3);
          return [kind, { p50Ms, p99Ms, meanTotal: Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) }];
        }),
      ),
    };
    log(`search: in process p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms over ${inProcess.queries} queries`);
    await database.close();

    // 4. allmanning reindex, as the operator runs it.
    const reindex = JSON.parse(runCli(['reindex', '--json'], { ALLMANNING_DATA_DIR: dataDir })) as { documents: number; seconds: number };
    build.reindexCliSeconds = reindex.seconds;
    log(`search: allmanning reindex: ${reindex.documents} datasets in ${reindex.seconds} s`);

    // 5. HTTP.
    if (SKIP_HTTP) {
      const none = { name: 'skipped', url: '', requestsPerSec: 0, p50Ms: 0, p99Ms: 0, ratioToBaseline: 0, requests: 0, errors: 0, non2xx: 0 };
      return { datasets: seed.datasets, dbMb: round(seed.dbBytes / 2 ** 20, 1), mix, build, inProcess, http: { baseline: { before: none, after: none, requestsPerSec: 0 }, search: none, firstAnswerMs: 0, rssMb: undefined, peakRssMb: undefined }, targets: [] };
    }
    const before = await baselineRun('before');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = startApp(dataDir, port);
    let search: HttpResult;
    let firstAnswerMs: number;
    let rss: ReturnType<typeof memoryOf>;
    try {
      await waitFor200(`${base}/readyz`, app, performance.now(), 50, 60_000);
      const started = performance.now();
      const first = await fetch(`${base}${pathOf(mix[0]!)}`);
      if (first.status !== 200) throw new Error(`GET ${pathOf(mix[0]!)} answered ${first.status}`);
      await first.arrayBuffer();
      firstAnswerMs = round(performance.now() - started, 0);
      const paths = mix.map(pathOf);
      const requestsFor = cyclingRequests(paths);
      search = await measure('GET /api/v1/search (the mix)', base, before.requestsPerSec, { connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S, requestsFor });
      rss = memoryOf(app.pid);
    } finally {
      await stop(app);
    }
    const after = await baselineRun('after');
    const baselineRps = (before.requestsPerSec + after.requestsPerSec) / 2;
    for (const r of [before, after, search]) r.ratioToBaseline = round(r.requestsPerSec / baselineRps, 3);

    const targets = [
      { name: 'in-process p50 (ms)', target: TARGETS.inProcessP50Ms, value: inProcess.p50Ms, met: inProcess.p50Ms <= TARGETS.inProcessP50Ms },
      { name: 'in-process p99 (ms)', target: TARGETS.inProcessP99Ms, value: inProcess.p99Ms, met: inProcess.p99Ms <= TARGETS.inProcessP99Ms },
      { name: 'HTTP requests/s ÷ hello world', target: TARGETS.httpRatio, value: search.ratioToBaseline, met: search.ratioToBaseline >= TARGETS.httpRatio },
      { name: 'HTTP p99 (ms)', target: TARGETS.httpP99Ms, value: search.p99Ms, met: search.p99Ms <= TARGETS.httpP99Ms },
      { name: 'allmanning reindex (s)', target: TARGETS.reindexSeconds, value: reindex.seconds, met: reindex.seconds <= TARGETS.reindexSeconds },
      { name: 'server peak RSS (MB)', target: TARGETS.rssMb, value: rss?.peakRssMb ?? NaN, met: (rss?.peakRssMb ?? Infinity) <= TARGETS.rssMb },
    ];
    const postgres = process.env.BENCH_SEARCH_PG
      ? await postgresSearchBenchmark({ adminUrl: process.env.BENCH_SEARCH_PG, sqliteFile: seed.dbFile, dataDir, mix, requestOf, pathOf, baselineRps, connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: DURATION_S })
      : undefined;
    return {
      datasets: seed.datasets,
      dbMb: round(seed.dbBytes / 2 ** 20, 1),
      mix,
      build,
      inProcess,
      http: { baseline: { before, after, requestsPerSec: round(baselineRps, 0) }, search, firstAnswerMs, rssMb: rss?.rssMb, peakRssMb: rss?.peakRssMb },
      targets,
      ...(postgres ? { postgres } : {}),
    };
  } finally {
    if (!REUSE_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function searchTable(report: SearchReport): string {
  const kinds = Object.entries(report.inProcess.byKind).map(([kind, k]) => [kind, String(k.meanTotal), k.p50Ms.toFixed(3), k.p99Ms.toFixed(3)]);
  const head = `search at ${report.datasets} datasets (db ${report.dbMb} MB): index built in ${report.build.inProcessSeconds} s in process, allmanning reindex ${report.build.reindexCliSeconds} s\n`;
  const perKind = textTable(['query kind', 'hits', 'p50 ms', 'p99 ms'], kinds);
  const http = `\nGET /api/v1/search: ${report.http.search.requestsPerSec} req/s (${report.http.search.ratioToBaseline} of hello world ${report.http.baseline.requestsPerSec}), p50 ${report.http.search.p50Ms} ms, p99 ${report.http.search.p99Ms} ms; server RSS ${report.http.rssMb} MB (peak ${report.http.peakRssMb} MB)\n`;
  const targets = textTable(['target', 'wanted', 'measured', ''], report.targets.map((t) => [t.name, String(t.target), String(t.value), t.met ? 'met' : 'MISSED']));
  return `${head}${perKind}\nin process overall: p50 ${report.inProcess.p50Ms} ms, p99 ${report.inProcess.p99Ms} ms${http}${targets}${report.postgres ? postgresTable(report.postgres) : ''}`;
}

function postgresTable(report: PostgresSearchReport): string {
  const kinds = Object.entries(report.inProcess.byKind).map(([kind, k]) => [kind, k.p50Ms.toFixed(2), k.p99Ms.toFixed(2)]);
  const head = `\n\nsearch on PostgreSQL (database ${report.dbMb} MB, copied in ${report.copySeconds} s)\n`;
  const http = `\nGET /api/v1/search on PostgreSQL: ${report.http.search.requestsPerSec} req/s (${report.http.search.ratioToBaseline} of hello world), p50 ${report.http.search.p50Ms} ms, p99 ${report.http.search.p99Ms} ms, first answer ${report.http.firstAnswerMs} ms, every question once ${report.http.warmSeconds} s; server RSS ${report.http.rssMb} MB (peak ${report.http.peakRssMb} MB)\n`;
  const e = report.embeddedIndex;
  const embedded = `\nPostgreSQL + embedded index (ALLMANNING_SEARCH_INDEX=embedded): built from PostgreSQL in ${e.buildSeconds} s; in process p50 ${e.inProcess.p50Ms} ms, p99 ${e.inProcess.p99Ms} ms; GET /api/v1/search ${e.http.search.requestsPerSec} req/s (${e.http.search.ratioToBaseline} of hello world), p99 ${e.http.search.p99Ms} ms, first answer ${e.http.firstAnswerMs} ms; server RSS ${e.http.rssMb} MB (peak ${e.http.peakRssMb} MB)\n`;
  return `${head}${textTable(['query kind', 'p50 ms', 'p99 ms'], kinds)}\nin process overall: p50 ${report.inProcess.p50Ms} ms, p99 ${report.inProcess.p99Ms} ms${http}${embedded}`;
}
