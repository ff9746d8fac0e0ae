// `npx tsx bench/dcat-import.ts`: bundles the import as `npm run build` bundles the server (no tsx
// in the measured process) and runs it in a child process, which imports a generated DCAT-AP-SE catalog of 100,000 datasets (Turtle,
// one distribution and a contact point each, as blank nodes; 20 publishers) into an empty SQLite
// database three times — new; unchanged, the same file (recognised by its hash); unchanged, read
// again (a comment appended, so every dataset is compared) — and prints datasets per second and peak RSS as JSON on
// stdout (progress on stderr). Targets (docs/dcat-import.md): ≥ 2,000 datasets/s new, ≥ 10,000
// datasets/s unchanged, RSS ≤ 400 MB.
//
//   BENCH_IMPORT_DATASETS (default 100000)   BENCH_IMPORT_KEEP=1 keeps the temp dir
//   BENCH_IMPORT_NODE_OPTIONS (default --max-old-space-size=256, as `allmanning import` runs)
//   BENCH_IMPORT_PROFILE=new|same|again  writes a CPU profile of that run only (its path on stderr;
//                        `npx tsx bench/cpuprofile.ts FILE` lists where the time went)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/index.js';
import { createDatabase, migrateToLatest } from '../src/db/index.js';
import { createDeps } from '../src/deps.js';
import { domainsOf } from '../src/domains.js';
import { registerSubscribers } from '../src/app.js';

const COUNT = Number(process.env.BENCH_IMPORT_DATASETS ?? 100_000);
const PUBLISHERS = 20;
const TARGET = { newPerSecond: 2000, unchangedPerSecond: 10_000, rssMb: 400 };

const THEMES = ['ECON', 'EDUC', 'ENVI', 'GOVE', 'HEAL', 'TRAN', 'SOCI', 'REGI'];
const WORDS = ['befolkning', 'skola', 'trafik', 'luft', 'vatten', 'budget', 'bibliotek', 'cykel', 'park', 'energi', 'avfall', 'bygglov'];

/** A V8 CPU profile of this process from now until stop(file). */
async function startProfiler(): Promise<{ stop: (file: string) => Promise<string> }> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

/** Writes the catalog in chunks (never the whole text in memory). */
function generate(file: string): number {
  const fd = fs.openSync(file, 'w');
  const write = (text: string) => fs.writeSync(fd, text);
  write(`@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ds: <https://data.bench.example/dataset/> .
@prefix org: <https://data.bench.example/org/> .

<https://data.bench.example/catalog> a dcat:Catalog ; dct:title "Benchkatalogen"@sv ; dct:publisher org:1 .
`);
  for (let p = 1; p <= PUBLISHERS; p++) {
    write(`org:${p} a foaf:Agent ; foaf:name "Myndighet ${p}"@sv, "Agency ${p}"@en ; dct:type <http://purl.org/adms/publishertype/NationalAuthority> .\n`);
  }
  let chunk = '';
  for (let i = 1; i <= COUNT; i++) {
    const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    chunk += `ds:${i} a dcat:Dataset ;
  dct:title "Datamängd ${i} om ${w(0)}"@sv, "Dataset ${i} about ${w(0)}"@en ;
  dct:description "Beskrivning av datamängd ${i}: ${w(1)}, ${w(2)} och ${w(3)} i kommunen."@sv ;
  dct:identifier "bench-${i}" ;
  dct:publisher org:${(i % PUBLISHERS) + 1} ;
  dcat:keyword "${w(1)}"@sv, "${w(2)}"@sv, "${w(3)}"@sv ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/${THEMES[i % THEMES.length]}> ;
  dct:issued "2020-01-${day}"^^xsd:date ;
  dct:modified "2024-05-${day}"^^xsd:date ;
  dct:language <http://publications.europa.eu/resource/authority/language/SWE> ;
  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;
  dcat:landingPage <https://bench.example/data/${i}> ;
  dcat:contactPoint [ a vcard:Organization ; vcard:fn "Kontakt ${(i % PUBLISHERS) + 1}" ; vcard:hasEmail <mailto:data${(i % PUBLISHERS) + 1}@bench.example> ] ;
  dcat:distribution [ a dcat:Distribution ;
    dct:title "CSV-fil"@sv ;
    dcat:accessURL <https://bench.example/data/${i}> ;
    dcat:downloadURL <https://bench.example/data/${i}.csv> ;
    dct:format "text/csv" ;
    dct:license <https://creativecommons.org/licenses/by/4.0/>
  ] .
`;
    if (chunk.length > 1 << 20) {
      write(chunk);
      chunk = '';
    }
  }
  write(chunk);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-bench-import-'));
  const file = path.join(dir, 'catalog.ttl');
  const bytes = generate(file);
  global.gc?.();
  process.stderr.write(`generated ${COUNT} datasets (${Math.round(bytes / 1024 / 1024)} MB of Turtle); RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB\n`);
  const config = loadConfig({ ALLMANNING_DATA_DIR: dir, ALLMANNING_LOG_LEVEL: 'silent', ALLMANNING_BASE_URL: 'http://bench.example' });
  const database = createDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const deps = createDeps(config, { database, log: pino({ level: 'silent' }) });
  registerSubscribers(deps);
  const service = domainsOf(deps).dcatImport.service;

  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const run = async (label: string, phase: 'new' | 'same' | 'again') => {
    global.gc?.();
    const profiler = process.env.BENCH_IMPORT_PROFILE === phase ? await startProfiler() : undefined;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await service.run({
      source: file,
      onProgress: (totals) => process.stderr.write(`\r${label}: ${totals.datasets} datasets`),
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (profiler) process.stderr.write(`\nCPU profile of "${label}": ${await profiler.stop(path.join(os.tmpdir(), `allmanning-import-${phase}.cpuprofile`))}\n`);
    const memory = process.memoryUsage();
    process.stderr.write(`\r${label}: ${report.totals.datasets} datasets in ${seconds.toFixed(1)} s; RSS ${Math.round(memory.rss / 1024 / 1024)} MB, heap ${Math.round(memory.heapUsed / 1024 / 1024)}/${Math.round(memory.heapTotal / 1024 / 1024)} MB, external ${Math.round(memory.external / 1024 / 1024)} MB\n`);
    if (report.status !== 'succeeded') throw new Error(report.error);
    // CPU time too: on a shared machine the wall clock also measures the neighbours.
    return { seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(cpuSeconds.toFixed(2)), datasetsPerSecond: Math.round(report.totals.datasets / seconds), datasetsPerCpuSecond: Math.round(report.totals.datasets / cpuSeconds), totals: report.totals };
  };
  try {
    const first = await run('new', 'new');
    const second = await run('unchanged, same file', 'same');
    // A byte more (a comment) makes the file new to the fast path: every dataset is compared.
    fs.appendFileSync(file, '# read again\n');
    const third = await run('unchanged, read again', 'again');
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const result = {
      datasets: COUNT,
      turtleBytes: bytes,
      new: { seconds: first.seconds, cpuSeconds: first.cpuSeconds, datasetsPerSecond: first.datasetsPerSecond, datasetsPerCpuSecond: first.datasetsPerCpuSecond, created: first.totals.created },
      unchangedSameFile: { seconds: second.seconds, cpuSeconds: second.cpuSeconds, datasetsPerSecond: second.datasetsPerSecond, datasetsPerCpuSecond: second.datasetsPerCpuSecond, unchanged: second.totals.unchanged },
      unchangedReadAgain: { seconds: third.seconds, cpuSeconds: third.cpuSeconds, datasetsPerSecond: third.datasetsPerSecond, datasetsPerCpuSecond: third.datasetsPerCpuSecond, unchanged: third.totals.unchanged },
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      peakRssMb: Math.round(peak / 1024 / 1024),
      targets: TARGET,
      meetsTargets: first.datasetsPerSecond >= TARGET.newPerSecond && Math.min(second.datasetsPerSecond, third.datasetsPerSecond) >= TARGET.unchangedPerSecond && peak / 1024 / 1024 <= TARGET.rssMb,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    clearInterval(sample);
    await database.close();
    if (!process.env.BENCH_IMPORT_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles this file like scripts/build.mjs bundles the server and runs it as a child. */
async function parent(): Promise<void> {
  const { build } = await import('esbuild');
  const root = path.resolve(import.meta.dirname, '..');
  const outfile = path.join(root, 'node_modules', '.cache', 'allmanning-bench', 'dcat-import.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'dcat-import.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['better-sqlite3', 'sharp', 'pg-native', 'esbuild'],
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The heap bound `allmanning import` gives its child process (src/cli/import.ts).
  const options = process.env.BENCH_IMPORT_NODE_OPTIONS ?? '--max-old-space-size=256';
  const child = spawnSync(process.execPath, [...options.split(' ').filter(Boolean), outfile], { stdio: 'inherit', env: { ...process.env, BENCH_IMPORT_CHILD: '1' } });
  process.exitCode = child.status ?? 1;
}

if (process.env.BENCH_IMPORT_CHILD) await main();
else await parent();
