// `npx tsx bench/dcat-export.ts`: the streamed DCAT-AP-SE export of a large catalog. Seeds N
// datasets (bench/seed-catalog.ts, default 100,000) into a fresh SQLite data dir, bundles the CLI
// as `npm run build` does, and runs `allmanning export --format rdf` (what dataportal.se harvests)
// in a child process whose stdout this process counts and discards. Memory is the child's resident
// set, sampled every 50 ms, with samples at each tenth of the output to show it stays flat.
// Prints JSON on stdout (progress on stderr). Target (the issue): ≤ 30 s with flat memory.
//
//   BENCH_DATASETS (default 100000)   BENCH_DCAT_FORMATS (default rdf; comma list of rdf,ttl,jsonld,nt)
//   BENCH_DATA_DIR=dir reuses a seeded data dir   BENCH_KEEP=1 keeps the temp dirs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, log, machine, memoryOf, root, round } from './harness.js';
import { seedCatalog, SQLITE_FILE } from './seed-catalog.js';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const FORMATS = (process.env.BENCH_DCAT_FORMATS ?? 'rdf').split(',').map((f) => f.trim()).filter(Boolean);
const TARGET_SECONDS = 30;

interface ExportRun {
  format: string;
  seconds: number;
  firstByteSeconds: number;
  bytes: number;
  datasets: number;
  datasetsPerSecond: number;
  peakRssMb: number;
  /** Resident memory when 10 %, 20 %, … of the output was written (MB). */
  rssByProgressMb: number[];
}

/** The production bundle (one file, no tsx), built where its external packages resolve. */
async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, 'allmanning.js');
  const result = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { env: { ...process.env, ALLMANNING_BUILD_OUT: outfile }, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((resolve) => result.on('close', resolve));
  if (code !== 0) throw new Error('the build failed');
  return outfile;
}

async function runExport(bundlePath: string, dataDir: string, format: string, expectedDatasets: number | undefined, totalBytes = 0): Promise<ExportRun> {
  const runner = `const { main } = await import(${JSON.stringify(pathToFileURL(bundlePath).href)}); process.exitCode = await main(process.argv);`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', runner, 'allmanning', 'export', '--format', format], {
    env: cleanEnv({ ALLMANNING_DATA_DIR: dataDir, ALLMANNING_LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let bytes = 0;
  let firstByte = 0;
  let datasets = 0;
  let tail = '';
  const marker = format === 'rdf' ? '<rdf:type rdf:resource="http://www.w3.org/ns/dcat#Dataset"/>' : format === 'jsonld' ? '"dcat:Dataset"' : format === 'ttl' ? ' a dcat:Dataset' : '<http://www.w3.org/ns/dcat#Dataset> .';
  let peakRss = 0;
  const rssByProgress: number[] = [];
  const sampler = setInterval(() => {
    const memory = memoryOf(child.pid);
    // An exiting process has no Vm* lines any more (NaN): keep the last real figures.
    for (const mb of [memory?.peakRssMb, memory?.rssMb]) if (mb !== undefined && Number.isFinite(mb)) peakRss = Math.max(peakRss, mb);
  }, 50);
  child.stdout.on('data', (chunk: Buffer) => {
    if (!firstByte) firstByte = performance.now();
    bytes += chunk.length;
    // Count dataset descriptions across chunk boundaries.
    const text = tail + chunk.toString('utf8');
    datasets += text.split(marker).length - 1;
    tail = text.slice(-(marker.length - 1));
    while (totalBytes && rssByProgress.length < 10 && bytes >= ((rssByProgress.length + 1) / 10) * totalBytes) rssByProgress.push(memoryOf(child.pid)?.rssMb ?? NaN);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`export --format ${format} exited with ${String(code)}`);
  const seconds = (performance.now() - started) / 1000;
  if (expectedDatasets !== undefined && datasets !== expectedDatasets) log(`warning: counted ${datasets} datasets in the ${format} output, expected ${expectedDatasets}`);
  return { format, seconds: round(seconds), firstByteSeconds: round((firstByte - started) / 1000), bytes, datasets, datasetsPerSecond: Math.round(datasets / seconds), peakRssMb: round(peakRss, 1), rssByProgressMb: rssByProgress };
}

async function main(): Promise<void> {
  fs.mkdirSync(path.join(root, 'dist-test'), { recursive: true });
  const work = fs.mkdtempSync(path.join(root, 'dist-test', 'bench-dcat-'));
  let dataDir = process.env.BENCH_DATA_DIR;
  let publishedPublic: number | undefined;
  let seedSeconds: number | undefined;
  try {
    if (!dataDir || !fs.existsSync(path.join(dataDir, SQLITE_FILE))) {
      dataDir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-dcat-export-'));
      log(`seeding ${DATASETS} datasets into ${dataDir}`);
      const seeded = await seedCatalog({ datasets: DATASETS, dataDir });
      publishedPublic = seeded.publishedPublic;
      seedSeconds = seeded.seconds.total;
    }
    log('bundling the CLI (as npm run build)');
    const bundlePath = await bundle(work);
    const runs: ExportRun[] = [];
    for (const format of FORMATS) {
      // A first pass warms the file cache (as a running server has it) and tells the output's size,
      // so the measured pass can sample memory at each tenth of it.
      log(`export --format ${format}: warm-up`);
      const probe = await runExport(bundlePath, dataDir, format, publishedPublic);
      log(`export --format ${format}: measured`);
      const run = await runExport(bundlePath, dataDir, format, publishedPublic ?? probe.datasets, probe.bytes);
      runs.push(run);
      log(`${format}: ${run.datasets} datasets, ${(run.bytes / 1024 / 1024).toFixed(1)} MB in ${run.seconds} s (${run.datasetsPerSecond}/s), peak RSS ${run.peakRssMb} MB`);
    }
    const rdf = runs.find((r) => r.format === 'rdf');
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'dcat-export',
          machine: machine(),
          catalog: { datasetsSeeded: DATASETS, publishedPublic: publishedPublic ?? rdf?.datasets, seedSeconds },
          runs,
          target: { seconds: TARGET_SECONDS, format: 'rdf' },
          meetsTarget: rdf ? rdf.seconds <= TARGET_SECONDS : undefined,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    if (!process.env.BENCH_KEEP) {
      fs.rmSync(work, { recursive: true, force: true });
      if (!process.env.BENCH_DATA_DIR && dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

await main();
