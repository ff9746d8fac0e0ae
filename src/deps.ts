// Plain wiring: every service gets what it needs from this one object. No DI container.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createDatabase, type Database, type Db } from './db/index.js';
import type { Config } from './config/index.js';
import type { AppEvents } from './app-events.js';
import { systemClock, type Clock } from './platform/clock.js';
import { EventBus } from './platform/events/index.js';
import { createMetricsRegistry } from './platform/http/metrics.js';
import { JobQueue, JobRegistry } from './platform/jobs/index.js';
import { createLogger } from './platform/logger.js';
import { Mailer } from './platform/mail/index.js';
import { PersonalDataRegistry } from './platform/personal-data.js';

export interface AppDeps {
  config: Readonly<Config>;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  events: EventBus<AppEvents>;
  queue: JobQueue;
  jobs: JobRegistry;
  mailer: Mailer;
  metrics: Registry;
  personalData: PersonalDataRegistry;
}

export interface DepsOverrides {
  database?: Database;
  clock?: Clock;
  log?: Logger;
}

export function createDeps(config: Readonly<Config>, overrides: DepsOverrides = {}): AppDeps {
  const log = overrides.log ?? createLogger(config.logLevel);
  const database =
    overrides.database ?? createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  const clock = overrides.clock ?? systemClock;
  const db = database.db;
  const queue = new JobQueue({ db, dialect: database.dialect, clock, log });
  const mailer = new Mailer({ db, clock, queue, smtpUrl: config.smtpUrl, from: config.mailFrom });
  return {
    config,
    database,
    db,
    clock,
    log,
    events: new EventBus<AppEvents>(log),
    queue,
    jobs: new JobRegistry(),
    mailer,
    metrics: createMetricsRegistry(),
    personalData: new PersonalDataRegistry(),
  };
}
