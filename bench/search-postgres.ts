// Search on PostgreSQL at N datasets (part of bench/search.ts when BENCH_SEARCH_PG is set).
//
// The seeded SQLite catalog is copied into a fresh PostgreSQL database (migrated by `allmanning
// migrate`; organisations, datasets and distributions — what search reads — in batches through
// json_populate_recordset, so each column is cast by PostgreSQL's own input rules), then:
// 1. the same query mix runs in process against the PostgreSQL SearchIndex, every query evaluated
//    by the database (the answer cache bypassed): the page, and the facet counts and total in one
//    statement (plus one per filtered facet), in parallel — p50 / p99 overall and per kind;
// 2. the built `allmanning serve` on that database answers every question of the mix once (timed),
//    then GET /api/v1/search over the mix at 32 connections — answers kept per catalog version, as
//    in the embedded run — against the embedded run's hello-world baseline; the server's RSS.
//
//   BENCH_SEARCH_PG            an admin URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): the
//                              bench creates the database allmanning_bench_search next to it and
//                              drops it afterwards (BENCH_SEARCH_PG_KEEP=1 keeps it, and a later run
//                              with BENCH_SEARCH_PG_REUSE=1 measures it again without copying)
//   BENCH_SEARCH_PG_ROUNDS     in-process rounds over the mix (default 10, the first is warm-up)
//
// 3. ALLMANNING_SEARCH_INDEX=embedded on the same database: the embedded index built in this
//    process from PostgreSQL (timed), the mix in process (BENCH_SEARCH_ROUNDS rounds, as the
//    embedded run), then the built server with that setting under the same HTTP load — the first
//    answer after /readyz includes waiting for the build `serve` starts at once.
import type { ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../src/db/index.js';
import { createSearchDomain, type SearchTables } from '../src/domains/search/index.js';
import type { IndexStats, SearchRequest } from '../src/domains/search/search.model.js';
import { systemClock } from '../src/platform/clock.js';
import { cyclingRequests, freePort, latencySummary, log, measure, memoryOf, round, runCli, startApp, stop, waitFor200, type HttpResult } from './harness.js';

const DATABASE = 'allmanning_bench_search';
const ROUNDS = Number(process.env.BENCH_SEARCH_PG_ROUNDS ?? 10);
const BATCH = 2000;
/** What search reads, in the order foreign keys need. */
const TABLES = ['organization', 'dataset', 'distribution'] as const;
/** Columns stored as JSON text in SQLite and jsonb in PostgreSQL: parsed, so jsonb gets the object, not a string. */
const JSON_COLUMNS = new Set(['metadata']);

type LatencyByKind = { rounds: number; queries: number; p50Ms: number; p99Ms: number; maxMs: number; byKind: Record<string, { p50Ms: number; p99Ms: number; maxMs: number }> };

export interface EmbeddedOnPostgresReport {
  buildSeconds: number;
  documents: number;
  inProcess: LatencyByKind;
  http: { search: HttpResult; firstAnswerMs: number; rssMb: number | undefined; peakRssMb: number | undefined };
}

export interface PostgresSearchReport {
  copySeconds: number;
  dbMb: number;
  inProcess: LatencyByKind;
  http: { search: HttpResult; firstAnswerMs: number; warmSeconds: number; rssMb: number | undefined; peakRssMb: number | undefined };
  embeddedIndex: EmbeddedOnPostgresReport;
  targets: { name: string; target: number; value: number; met: boolean }[];
}

interface Mix {
  kind: string;
}

interface Options<Q extends Mix> {
  adminUrl: string;
  sqliteFile: string;
  dataDir: string;
  mix: Q[];
  requestOf: (query: Q) => SearchRequest;
  pathOf: (query: Q) => string;
  baselineRps: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

function databaseUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database holding the SQLite catalog's organisations, datasets and distributions. */
async function copyCatalog(adminUrl: string, sqliteFile: string): Promise<number> {
  const started = performance.now();
  await admin(adminUrl, async (client) => {
    await client.query(`drop database if exists ${DATABASE}`);
    await client.query(`create database ${DATABASE}`);
  });
  const url = databaseUrl(adminUrl);
  runCli(['migrate'], { DATABASE_URL: url });
  const source = new SQLite(sqliteFile, { readonly: true });
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    for (const table of TABLES) {
      const columns = (source.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
      const list = columns.map((c) => `"${c}"`).join(', ');
      const insert = `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`;
      let batch: Record<string, unknown>[] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await target.query(insert, [JSON.stringify(batch)]);
        copied += batch.length;
        batch = [];
      };
      for (const row of source.prepare(`select * from ${table}`).iterate() as Iterable<Record<string, unknown>>) {
        for (const column of JSON_COLUMNS) if (typeof row[column] === 'string') row[column] = JSON.parse(row[column] as string);
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      log(`search (PostgreSQL): copied ${copied} rows of ${table}`);
    }
    // As autovacuum would soon: the GIN index's pending list merged, statistics for the planner.
    await target.query('vacuum analyze');
  } finally {
    await target.end();
    source.close();
  }
  return (performance.now() - started) / 1000;
}

export async function postgresSearchBenchmark<Q extends Mix>(options: Options<Q>): Promise<PostgresSearchReport> {
  const url = databaseUrl(options.adminUrl);
  const reuse = process.env.BENCH_SEARCH_PG_REUSE === '1';
  const copySeconds = reuse ? 0 : round(await copyCatalog(options.adminUrl, options.sqliteFile), 1);
  if (!reuse) log(`search (PostgreSQL): catalog copied in ${copySeconds} s`);
  try {
    const dbMb = await admin(options.adminUrl, async (client) => round(Number((await client.query(`select pg_database_size('${DATABASE}') as size`)).rows[0].size) / 2 ** 20, 1));

    // 1. In process.
    const database = createDatabase({ databaseUrl: url, poolSize: 10 });
    const domain = createSearchDomain({ db: database.db as unknown as Kysely<SearchTables>, clock: systemClock, dialect: 'postgres', config: { baseUrl: 'http://127.0.0.1' }, backend: 'postgres' });
    // Every query evaluated by the database, the answer cache bypassed (as the embedded run does).
    const index = domain.index as unknown as { evaluate(request: SearchRequest): Promise<unknown> };
    let inProcess: LatencyByKind;
    try {
      inProcess = await timeMix(ROUNDS, options, (request) => index.evaluate(request), 2);
    } finally {
      await database.close();
    }
    log(`search (PostgreSQL): in process p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms over ${inProcess.queries} queries`);

    // 2. HTTP.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = startApp(options.dataDir, port, { DATABASE_URL: url });
    let search: HttpResult;
    let firstAnswerMs: number;
    let warmSeconds: number;
    let rss: ReturnType<typeof memoryOf>;
    try {
      firstAnswerMs = await firstAnswer(base, app, options);
      // Every question of the mix asked once, one after another, before the load: uncached answers
      // take seconds here (the in-process figures), and 32 connections asking two dozen of them at
      // once would only measure the first minute's queue. The load then measures what the embedded
      // run's load measures after its warm-up: answers kept until the catalog changes.
      const paths = options.mix.map(options.pathOf);
      const warmStarted = performance.now();
      for (const path of new Set(paths)) {
        const warm = await fetch(`${base}${path}`);
        if (warm.status !== 200) throw new Error(`GET ${path} answered ${warm.status}`);
        await warm.arrayBuffer();
      }
      warmSeconds = round((performance.now() - warmStarted) / 1000, 1);
      log(`search (PostgreSQL): every question of the mix answered once in ${warmSeconds} s`);
      const requestsFor = cyclingRequests(paths);
      search = await measure('GET /api/v1/search on PostgreSQL (the mix)', base, options.baselineRps, { connections: options.connections, warmupSeconds: options.warmupSeconds, seconds: options.seconds, requestsFor });
      search.ratioToBaseline = round(search.requestsPerSec / options.baselineRps, 3);
      rss = memoryOf(app.pid);
    } finally {
      await stop(app);
    }
    const embeddedIndex = await embeddedOnPostgres(url, options);
    const embeddedP99 = embeddedIndex.inProcess.p99Ms;
    const targets = [
      { name: 'PostgreSQL in-process p99 (ms), aim', target: 50, value: inProcess.p99Ms, met: inProcess.p99Ms <= 50 },
      { name: 'PostgreSQL + embedded index: in-process p99 (ms), aim', target: 50, value: embeddedP99, met: embeddedP99 <= 50 },
    ];
    return { copySeconds, dbMb, inProcess, http: { search, firstAnswerMs, warmSeconds, rssMb: rss?.rssMb, peakRssMb: rss?.peakRssMb }, embeddedIndex, targets };
  } finally {
    if (process.env.BENCH_SEARCH_PG_KEEP !== '1') await admin(options.adminUrl, (client) => client.query(`drop database if exists ${DATABASE}`));
  }
}

/** Measures ALLMANNING_SEARCH_INDEX=embedded on the PostgreSQL database (step 3 above). */
async function embeddedOnPostgres<Q extends Mix>(url: string, options: Options<Q>): Promise<EmbeddedOnPostgresReport> {
  const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 30);
  const database = createDatabase({ databaseUrl: url, poolSize: 10 });
  let build: IndexStats;
  let inProcess: LatencyByKind;
  try {
    const domain = createSearchDomain({ db: database.db as unknown as Kysely<SearchTables>, clock: systemClock, dialect: 'postgres', config: { baseUrl: 'http://127.0.0.1' }, backend: 'embedded' });
    build = await domain.index.rebuild();
    log(`search (PostgreSQL + embedded index): ${build.documents} datasets indexed from PostgreSQL in ${round(build.ms / 1000, 1)} s`);
    const memory = (domain.index as unknown as { memory: { search(request: SearchRequest, options: { cache: boolean }): unknown } }).memory;
    inProcess = await timeMix(rounds, options, (request) => memory.search(request, { cache: false }), 3);
  } finally {
    await database.close();
  }
  log(`search (PostgreSQL + embedded index): in process p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms over ${inProcess.queries} queries`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp(options.dataDir, port, { DATABASE_URL: url, ALLMANNING_SEARCH_INDEX: 'embedded' });
  try {
    const firstAnswerMs = await firstAnswer(base, app, options);
    const requestsFor = cyclingRequests(options.mix.map(options.pathOf));
    const search = await measure('GET /api/v1/search on PostgreSQL, embedded index (the mix)', base, options.baselineRps, { connections: options.connections, warmupSeconds: options.warmupSeconds, seconds: options.seconds, requestsFor });
    search.ratioToBaseline = round(search.requestsPerSec / options.baselineRps, 3);
    const rss = memoryOf(app.pid);
    return { buildSeconds: round(build.ms / 1000, 2), documents: build.documents, inProcess, http: { search, firstAnswerMs, rssMb: rss?.rssMb, peakRssMb: rss?.peakRssMb } };
  } finally {
    await stop(app);
  }
}

/** Every query of the mix `rounds` times (the first round a warm-up), timed one by one. */
async function timeMix<Q extends Mix>(rounds: number, options: Options<Q>, run: (request: SearchRequest) => unknown, digits: number): Promise<LatencyByKind> {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const query of options.mix) {
      const started = performance.now();
      await run(options.requestOf(query));
      const ms = performance.now() - started;
      if (r === 0) continue; // warm-up round
      all.push(ms);
      (byKind.get(query.kind) ?? byKind.set(query.kind, []).get(query.kind)!).push(ms);
    }
  }
  return { rounds: rounds - 1, queries: all.length, ...latencySummary(all, digits), byKind: Object.fromEntries([...byKind].map(([kind, times]) => [kind, latencySummary(times, digits)])) };
}

/** Waits for the started server's /readyz, then times its answer to the mix's first question. */
async function firstAnswer<Q extends Mix>(base: string, app: ChildProcess, options: Options<Q>): Promise<number> {
  await waitFor200(`${base}/readyz`, app, performance.now(), 50, 60_000);
  const started = performance.now();
  const first = await fetch(`${base}${options.pathOf(options.mix[0]!)}`);
  if (first.status !== 200) throw new Error(`GET ${options.pathOf(options.mix[0]!)} answered ${first.status}`);
  await first.arrayBuffer();
  return round(performance.now() - started, 0);
}
