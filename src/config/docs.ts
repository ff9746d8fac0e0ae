// Renders docs/configuration.md from the settings schema, so the docs cannot drift from the code.
import { settings } from './schema.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderConfigurationDoc(): string {
  const rows = settings.map((s) => {
    const type = s.type === 'enum' ? `one of ${s.values?.map((v) => `\`${v}\``).join(', ')}` : s.type === 'integer' && (s.min !== undefined || s.max !== undefined) ? `integer ${s.min ?? ''}–${s.max ?? ''}` : s.type;
    const dflt = s.default === undefined ? '(unset)' : s.default === '' ? '(empty)' : `\`${s.default}\``;
    return `| \`${s.env}\` | ${escapeCell(type)} | ${escapeCell(dflt)} | ${escapeCell(s.description)}${s.secret ? ' **Secret:** never logged.' : ''} |`;
  });
  return [
    '# Configuration',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs:config`; a test fails when this file is out of date. -->',
    '',
    'Allmänning reads every setting from the environment when a command starts. All values are validated',
    'together: a bad start lists every bad value in one line and exits with code 1. The parsed configuration',
    'is frozen; secrets are never logged.',
    '',
    'Booleans accept `true/false`, `1/0`, `yes/no`, `on/off`. Lists are comma-separated.',
    '',
    '| Variable | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Limits',
    '',
    '- Request bodies larger than `ALLMANNING_BODY_LIMIT_BYTES` are refused with 413 `payload_too_large`.',
    '- Uploaded distribution files larger than `ALLMANNING_UPLOAD_MAX_BYTES` are refused with 413',
    '  `payload_too_large`; reading stops at the limit and nothing is stored.',
    '- Writes (POST, PUT, PATCH, DELETE) are limited per client IP to `ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE`;',
    '  beyond that the answer is 429 `rate_limited` with a `Retry-After` header. Anonymous GETs are not limited.',
    '',
  ].join('\n');
}
