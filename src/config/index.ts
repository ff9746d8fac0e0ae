import { settings, type ConfigValues, type SettingDefinition } from './schema.js';

export { settings } from './schema.js';
export type { SettingDefinition } from './schema.js';

export interface Config extends ConfigValues {
  /** The public origin, never with a trailing slash. */
  baseUrl: string;
}

/** Thrown when the environment holds bad values; lists every one of them, not only the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parseValue(def: SettingDefinition, raw: string): { value?: unknown; problem?: string } {
  const show = def.secret ? '(hidden)' : JSON.stringify(raw);
  switch (def.type) {
    case 'string':
      return { value: raw };
    case 'integer': {
      if (!/^-?\d+$/.test(raw.trim())) return { problem: `${def.env} must be a whole number, got ${show}` };
      const n = Number(raw);
      if (def.min !== undefined && n < def.min) return { problem: `${def.env} must be at least ${def.min}, got ${n}` };
      if (def.max !== undefined && n > def.max) return { problem: `${def.env} must be at most ${def.max}, got ${n}` };
      return { value: n };
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(v)) return { value: true };
      if (['false', '0', 'no', 'off'].includes(v)) return { value: false };
      return { problem: `${def.env} must be true or false, got ${show}` };
    }
    case 'url': {
      try {
        new URL(raw);
        return { value: raw };
      } catch {
        return { problem: `${def.env} must be an absolute URL, got ${show}` };
      }
    }
    case 'list':
      return { value: raw.split(',').map((s) => s.trim()).filter(Boolean) };
    case 'enum':
      if (def.values?.includes(raw)) return { value: raw };
      return { problem: `${def.env} must be one of ${def.values?.join(', ')}, got ${show}` };
  }
}

/** Reads every setting from `env`, validates all of them, and returns a frozen Config. */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const def of settings) {
    const given = env[def.env];
    const raw = given !== undefined && given !== '' ? given : def.default;
    if (raw === undefined) {
      values[def.key] = undefined;
      continue;
    }
    const { value, problem } = parseValue(def, raw);
    if (problem) problems.push(problem);
    else values[def.key] = value;
  }
  const databaseUrl = values.databaseUrl as string | undefined;
  if (databaseUrl && !/^postgres(ql)?:/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use the embedded SQLite database)');
  }
  const smtpUrl = values.smtpUrl as string | undefined;
  if (smtpUrl && !/^smtps?:/.test(smtpUrl)) problems.push('ALLMANNING_SMTP_URL must be an smtp:// or smtps:// URL');
  const baseUrl = values.baseUrl as string | undefined;
  if (baseUrl && !/^https?:/.test(baseUrl)) problems.push('ALLMANNING_BASE_URL must be an http:// or https:// URL');
  const secretKey = values.secretKey as string | undefined;
  if (values.searchIndex === 'postgres' && !databaseUrl) problems.push('ALLMANNING_SEARCH_INDEX=postgres needs DATABASE_URL (PostgreSQL); unset it to use the embedded index');
  if (secretKey !== undefined && secretKey.length < 32) problems.push('ALLMANNING_SECRET_KEY must be at least 32 characters long');
  if (problems.length > 0) throw new ConfigError(problems);

  const port = values.port as number;
  const config = {
    ...(values as unknown as ConfigValues),
    baseUrl: (baseUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  } satisfies Config;
  return Object.freeze(config);
}

/** The config with every secret replaced, safe to log or print. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const def of settings) {
    if (def.secret && out[def.key] !== undefined) out[def.key] = '[redacted]';
  }
  return out;
}
