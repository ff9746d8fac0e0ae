// `allmanning demo`: fills the database with demo content — offline, deterministic (fixed ids,
// dates and texts) and idempotent (running it twice changes nothing). Each domain adds a seeder
// to `demoSeeders` in the order they depend on each other.
import type { AppDeps } from '../deps.js';
import { domainsOf } from '../domains.js';
import { closeRuntime, openRuntime } from './runtime.js';

export interface DemoSeedResult {
  created: number;
  existing: number;
}

export interface DemoSeeder {
  name: string;
  seed(deps: AppDeps): Promise<DemoSeedResult>;
}

/** The demo seeders, in order. Later domains (organisations, catalog, events …) add theirs here. */
export const demoSeeders: DemoSeeder[] = [
  { name: 'organizations', seed: (deps) => domainsOf(deps).organizations.seedDemo() },
  { name: 'catalog', seed: (deps) => domainsOf(deps).catalog.seedDemo() },
  { name: 'events', seed: (deps) => domainsOf(deps).events.seedDemo() },
];

export async function runDemoSeeders(deps: AppDeps, seeders: DemoSeeder[] = demoSeeders): Promise<Record<string, DemoSeedResult>> {
  const results: Record<string, DemoSeedResult> = {};
  for (const seeder of seeders) results[seeder.name] = await seeder.seed(deps);
  return results;
}

export async function demoCommand(): Promise<void> {
  const deps = await openRuntime();
  try {
    const results = await runDemoSeeders(deps);
    // stdout is the same on every run (the contract: deterministic and idempotent, so scripts can
    // compare it): how many records each seeder's demo content holds. What this run created and
    // what was already there differs between runs, so it goes to the log on stderr.
    deps.log.info({ seeders: results }, 'demo content loaded');
    const totals = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.created + r.existing]));
    process.stdout.write(`${JSON.stringify({ seeders: totals })}\n`);
  } finally {
    await closeRuntime(deps);
  }
}
