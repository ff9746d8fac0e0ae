// The one schema for every setting Allmänning reads from the environment.
// docs/configuration.md is generated from this list (npm run docs:config) and a test proves they match.

export type SettingType = 'string' | 'integer' | 'boolean' | 'url' | 'list' | 'enum';

export interface SettingDefinition {
  /** Environment variable name, exactly as users set it. */
  env: string;
  /** Key on the parsed Config object. */
  key: keyof ConfigValues;
  type: SettingType;
  /** Default as the user would write it in the environment; undefined = unset unless given. */
  default?: string;
  /** Human text for the docs: what it does. */
  description: string;
  /** Never logged or echoed back. */
  secret?: boolean;
  /** For integers: inclusive bounds. */
  min?: number;
  max?: number;
  /** For enums: the allowed values. */
  values?: readonly string[];
}

export interface ConfigValues {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  baseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  fetchAllowPrivate: string[];
  catalogPublisher: string | undefined;
  metricsToken: string | undefined;
  secretKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  uploadMaxBytes: number;
  dbPoolSize: number;
  trustProxy: boolean;
  jobsInServe: boolean;
  workerConcurrency: number;
  workerPollIntervalMs: number;
  writeRateLimitPerMinute: number;
  shutdownTimeoutMs: number;
  eventReminderDays: number;
  eventRetentionDays: number;
  harvestWithdrawAfterHours: number;
  privacyController: string;
  privacyContact: string | undefined;
  searchIndex: 'auto' | 'embedded' | 'postgres';
}

export const settings: readonly SettingDefinition[] = [
  { env: 'PORT', key: 'port', type: 'integer', default: '3000', min: 0, max: 65535, description: 'TCP port the web server listens on.' },
  { env: 'HOST', key: 'host', type: 'string', default: '127.0.0.1', description: 'Interface the web server binds to; use 0.0.0.0 to listen on every interface (e.g. in a container).' },
  { env: 'DATABASE_URL', key: 'databaseUrl', type: 'url', description: 'PostgreSQL connection URL (postgres://user:pass@host:5432/db). Unset: embedded SQLite in ALLMANNING_DATA_DIR.', secret: true },
  { env: 'ALLMANNING_DATA_DIR', key: 'dataDir', type: 'string', default: './data', description: 'Directory for the SQLite database, uploaded files and the generated secret key.' },
  { env: 'ALLMANNING_BASE_URL', key: 'baseUrl', type: 'url', description: 'Public origin used in every absolute link, RDF IRI, e-mail and calendar. Default: http://localhost:$PORT.' },
  { env: 'ALLMANNING_SMTP_URL', key: 'smtpUrl', type: 'url', description: 'SMTP server for outgoing mail (smtp://user:pass@host:587 or smtps://…). Unset: mail stays in the outbox table, visible to site admins.', secret: true },
  { env: 'ALLMANNING_MAIL_FROM', key: 'mailFrom', type: 'string', default: 'Allmänning <noreply@localhost>', description: 'Sender address of outgoing mail.' },
  { env: 'ALLMANNING_FETCH_ALLOW_PRIVATE', key: 'fetchAllowPrivate', type: 'list', default: '', description: 'Comma-separated hosts or CIDRs that remote fetches (harvests, imports, link checks) may reach although they are private or loopback addresses.' },
  { env: 'ALLMANNING_CATALOG_PUBLISHER', key: 'catalogPublisher', type: 'string', description: 'Slug of the organisation that publishes the site-wide catalog (/catalog.rdf …): its agent, with the dataportal.se IRI when it has an organisation number, instead of the site\'s own agent. Unset: the site publishes it.' },
  { env: 'ALLMANNING_METRICS_TOKEN', key: 'metricsToken', type: 'string', description: 'When set, GET /metrics requires Authorization: Bearer <token>.', secret: true },
  { env: 'ALLMANNING_SECRET_KEY', key: 'secretKey', type: 'string', description: 'Key for signing cookies and CSRF tokens (at least 32 characters). Unset: generated once and kept in ALLMANNING_DATA_DIR/secret.key. Set it when several processes serve one site.', secret: true },
  { env: 'ALLMANNING_LOG_LEVEL', key: 'logLevel', type: 'enum', default: 'info', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], description: 'Minimum level of log lines written to stderr (JSON, one line each).' },
  { env: 'ALLMANNING_BODY_LIMIT_BYTES', key: 'bodyLimitBytes', type: 'integer', default: '1048576', min: 1024, max: 1073741824, description: 'Largest accepted request body for JSON and form requests, in bytes; larger bodies get 413 payload_too_large.' },
  { env: 'ALLMANNING_UPLOAD_MAX_BYTES', key: 'uploadMaxBytes', type: 'integer', default: '104857600', min: 1024, max: 10737418240, description: 'Largest file a publisher may upload as a distribution, in bytes; larger uploads get 413 payload_too_large and nothing is stored.' },
  { env: 'ALLMANNING_DB_POOL_SIZE', key: 'dbPoolSize', type: 'integer', default: '10', min: 1, max: 200, description: 'PostgreSQL connection pool size per process.' },
  { env: 'ALLMANNING_TRUST_PROXY', key: 'trustProxy', type: 'boolean', default: 'false', description: 'Trust X-Forwarded-* headers (set when running behind a reverse proxy).' },
  { env: 'ALLMANNING_JOBS_IN_SERVE', key: 'jobsInServe', type: 'boolean', default: 'true', description: 'Run background jobs inside `serve` as well, so one process is enough. Set false when dedicated `worker` processes run them.' },
  { env: 'ALLMANNING_WORKER_CONCURRENCY', key: 'workerConcurrency', type: 'integer', default: '2', min: 1, max: 64, description: 'Jobs a worker runs at the same time.' },
  { env: 'ALLMANNING_WORKER_POLL_INTERVAL_MS', key: 'workerPollIntervalMs', type: 'integer', default: '1000', min: 50, max: 60000, description: 'How often an idle worker looks for due jobs, in milliseconds.' },
  { env: 'ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE', key: 'writeRateLimitPerMinute', type: 'integer', default: '120', min: 1, max: 100000, description: 'Writes (POST, PUT, PATCH, DELETE) one client IP may make per minute before 429 rate_limited. Anonymous GETs are not limited.' },
  { env: 'ALLMANNING_SHUTDOWN_TIMEOUT_MS', key: 'shutdownTimeoutMs', type: 'integer', default: '10000', min: 0, max: 600000, description: 'How long a stopping process waits for requests and jobs in flight before it exits.' },
  { env: 'ALLMANNING_EVENT_REMINDER_DAYS', key: 'eventReminderDays', type: 'integer', default: '2', min: 0, max: 60, description: 'Workshop participants get a reminder this many days before the event (0: no reminders).' },
  { env: 'ALLMANNING_EVENT_RETENTION_DAYS', key: 'eventRetentionDays', type: 'integer', default: '30', min: 1, max: 3650, description: 'Days after a workshop that its registrations are anonymised (names, e-mail addresses and needs removed; counts kept). Shown on the privacy notice.' },
  { env: 'ALLMANNING_HARVEST_WITHDRAW_AFTER_HOURS', key: 'harvestWithdrawAfterHours', type: 'integer', default: '72', min: 0, max: 87600, description: 'Hours a harvested dataset may be missing from its harvest source (in every successful run since) before it is withdrawn (unpublished; it comes back when the source has it again). 0 withdraws at the first run that misses it.' },
  { env: 'ALLMANNING_PRIVACY_CONTROLLER', key: 'privacyController', type: 'string', default: 'Allmänning – nätverket för öppna data i offentlig sektor', description: 'The personal-data controller named on the privacy notice of workshop registrations.' },
  { env: 'ALLMANNING_PRIVACY_CONTACT', key: 'privacyContact', type: 'string', description: 'Contact address for privacy questions shown on the privacy notice. Unset: the sender address of outgoing mail.' },
  {
    env: 'ALLMANNING_SEARCH_INDEX',
    key: 'searchIndex',
    type: 'enum',
    default: 'auto',
    values: ['auto', 'embedded', 'postgres'],
    description:
      'Which search index answers searches. embedded: an in-memory index in every process, fed from the database and kept current through it (milliseconds at 100,000 datasets; about 4 MB of memory per 1,000 datasets per process). postgres: PostgreSQL full-text search, nothing held in memory (up to 1.5 s for a word in most of the catalog at 100,000 datasets; docs/performance.md); needs DATABASE_URL. auto: postgres when DATABASE_URL is set, else embedded.',
  },
];
