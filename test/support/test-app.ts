// Builds the real app on a fresh test database, with a silent logger and a controllable clock.
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, registerJobs, registerSubscribers } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createDeps, type AppDeps } from '../../src/deps.js';
import { FixedClock } from '../../src/platform/clock.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: FixedClock;
  close(): Promise<void>;
}

/** Config for tests: environment-independent, with any overrides given as env names. */
export function testConfig(env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({
    ALLMANNING_BASE_URL: 'http://allmanning.test',
    ALLMANNING_SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ALLMANNING_LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: Date;
  /** Extra routes a test needs (registered before the app is ready). */
  routes?: (app: FastifyInstance) => void;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new FixedClock(options.now ?? new Date('2026-11-28T10:00:00.000Z'));
  const deps = createDeps(testConfig(options.env), { database, clock, log: pino({ level: 'silent' }) });
  registerSubscribers(deps);
  registerJobs(deps);
  const app = await buildApp(deps);
  options.routes?.(app);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    async close() {
      await app.close();
      deps.mailer.close();
      await database.close();
    },
  };
}
