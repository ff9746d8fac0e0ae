// buildApp(deps) → a Fastify instance with every plugin and route. It never listens: `serve` does,
// and tests use inject().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { isSchemaCurrent } from './db/index.js';
import type { AppDeps } from './deps.js';
import { sitePages } from './domains/site/index.js';
import { accountApi, accountPages } from './domains/accounts/index.js';
import { domainsOf } from './domains.js';
import { EVENT_ANONYMISE_CRON, EVENT_ANONYMISE_JOB, EVENT_EXTEND_SERIES_CRON, EVENT_EXTEND_SERIES_JOB, EVENT_REMINDERS_CRON, EVENT_REMINDERS_JOB } from './domains/events/index.js';
import { anonymous, type Actor } from './platform/auth/actor.js';
import { installAuth } from './platform/http/auth.js';
import { installErrorHandling } from './platform/http/error-handler.js';
import { installHealth } from './platform/http/health.js';
import { installMetrics } from './platform/http/metrics.js';
import { installRequestLog } from './platform/http/request-log.js';
import { installSecurity } from './platform/http/security.js';
import { requestIdGenerator } from './platform/ids.js';
import { PRUNE_JOBS_CRON, PRUNE_JOBS_JOB, pruneFinishedJobs, upsertSchedule } from './platform/jobs/index.js';
import { resolveSecretKey } from './platform/secret-key.js';
import { apiMeta } from './platform/http/api-meta.js';

/** The package root (works from src/ under tsx and from dist/src/ when built). */
export const packageRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

export const APP_VERSION: string = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version;

/** Every background job this codebase can run, in one visible list. */
export function registerJobs(deps: AppDeps): void {
  deps.mailer.registerJobs(deps.jobs);
  domainsOf(deps).dcatImport.registerJobs(deps.jobs, deps.queue);
  domainsOf(deps).harvest.registerJobs(deps.jobs, deps.queue);
  deps.jobs.register(PRUNE_JOBS_JOB, { handler: async (_payload, { log }) => log.info({ deleted: await pruneFinishedJobs(deps.db, deps.clock) }, 'pruned finished jobs') });
  deps.jobs.register(PRUNE_SESSIONS_JOB, { handler: async (_payload, { log }) => log.info(await domainsOf(deps).accounts.sessions.pruneExpired(), 'pruned expired sessions') });
  deps.jobs.register(EVENT_REMINDERS_JOB, { handler: async (_payload, { log }) => log.info(await domainsOf(deps).events.sendReminders(), 'workshop reminders sent') });
  deps.jobs.register(EVENT_ANONYMISE_JOB, { handler: async (_payload, { log }) => log.info(await domainsOf(deps).events.anonymiseExpired(), 'workshop registrations anonymised') });
  deps.jobs.register(EVENT_EXTEND_SERIES_JOB, { handler: async (_payload, { log }) => log.info(await domainsOf(deps).events.extendSeries(), 'workshop series extended') });
}

const PRUNE_SESSIONS_JOB = 'accounts.prune-sessions';

/** Every recurring job, in one visible list; run once the schema is migrated. */
export async function registerSchedules(deps: AppDeps): Promise<void> {
  await upsertSchedule(deps.db, deps.clock, { name: PRUNE_JOBS_JOB, cron: PRUNE_JOBS_CRON });
  await upsertSchedule(deps.db, deps.clock, { name: PRUNE_SESSIONS_JOB, cron: '45 3 * * *' });
  await upsertSchedule(deps.db, deps.clock, { name: EVENT_REMINDERS_JOB, cron: EVENT_REMINDERS_CRON });
  await upsertSchedule(deps.db, deps.clock, { name: EVENT_ANONYMISE_JOB, cron: EVENT_ANONYMISE_CRON });
  await upsertSchedule(deps.db, deps.clock, { name: EVENT_EXTEND_SERIES_JOB, cron: EVENT_EXTEND_SERIES_CRON });
  await domainsOf(deps).harvest.registerSchedules(deps.db);
}

/** Every cross-domain event subscriber, in one visible list. */
export function registerSubscribers(deps: AppDeps): void {
  // Organisations: an accepted invitation to an organisation makes a membership (never lowering a
  // higher role); a person's memberships are part of their personal-data export.
  const { organizations } = domainsOf(deps);
  deps.events.subscribe('accounts.invitationAccepted', (event) => organizations.members.joinFromInvitation(event));
  deps.personalData.register('memberships', (userId) => organizations.members.exportFor(userId));
  // Catalog: a change clears the answers cached for anonymous visitors in this process at once
  // (other processes revalidate within public-cache.ts's FRESH_MS).
  const { catalog } = domainsOf(deps);
  deps.events.subscribe('catalog.resourceChanged', () => catalog.publicCache.clear());
  // Search: a change made in this process is searched at once (others are noticed within a second).
  deps.events.subscribe('catalog.resourceChanged', (event) => domainsOf(deps).search.resourceChanged(event));
  // Workshops: a person's registrations are part of their personal-data export.
  deps.personalData.register('eventRegistrations', (userId) => domainsOf(deps).events.exportFor(userId));
  deps.events.subscribe('platform.migrated', ({ applied }) => {
    if (applied.length > 0) deps.log.info({ applied }, 'database migrated');
  });
}

export interface BuildAppOptions {
  /** Log each answered request, one line each (off in tests). */
  logRequests?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Fastify's two lines per request are replaced by installRequestLog's one.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdGenerator(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  if (options.logRequests) installRequestLog(app, deps.log);

  installErrorHandling(app);
  await installSecurity(app, {
    secretKey: resolveSecretKey(config.secretKey, deps.database.sqliteFile ? config.dataDir : undefined),
    secureCookies: config.baseUrl.startsWith('https:'),
    writeRateLimitPerMinute: config.writeRateLimitPerMinute,
  });
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Allmänning API',
        version: APP_VERSION,
        description: 'REST API of Allmänning, the open-data commons of Swedish public-sector organisations. JSON, camelCase; errors as { error: { code, message, details } }.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: config.baseUrl }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (alm_…) created on your account page or with `allmanning token create`.' } } },
    },
  });
  await app.register(fastifyStatic, { root: path.join(packageRoot, 'public'), prefix: '/static/', maxAge: '1h', index: false });

  installMetrics(app, deps.metrics, config.metricsToken);
  installHealth(app, () => isSchemaCurrent(deps.database));
  const { accounts, organizations, catalog, dcatImport } = domainsOf(deps);
  installAuth(app, async (request): Promise<Actor> => {
    const user = await accounts.authenticate(request);
    if (!user) return anonymous;
    return { kind: 'user', userId: user.id, email: user.email, name: user.name, isSiteAdmin: user.isSiteAdmin, roles: await organizations.rolesOf(user.id), via: user.via };
  });

  // Routes, one plugin per line: API first, then pages.
  await app.register(apiMeta, { version: APP_VERSION });
  await app.register(accountApi({ profile: accounts.profile, tokens: accounts.tokens }));
  await app.register(organizations.api);
  await app.register(catalog.api);
  await app.register(domainsOf(deps).dcat.plugin);
  await app.register(domainsOf(deps).events.api);
  await app.register(domainsOf(deps).search.api);
  await app.register(domainsOf(deps).harvest.api);
  await app.register(domainsOf(deps).ckan.api);
  await app.register(sitePages);
  await app.register(accountPages(accounts, { secureCookies: config.baseUrl.startsWith('https:'), baseUrl: config.baseUrl }));
  await app.register(organizations.pages);
  await app.register(catalog.pages);
  await app.register(domainsOf(deps).search.pages);
  await app.register(dcatImport.pages);
  await app.register(domainsOf(deps).harvest.pages);
  await app.register(domainsOf(deps).events.pages);
  return app;
}
