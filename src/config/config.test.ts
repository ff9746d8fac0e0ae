import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { renderConfigurationDoc } from './docs.js';
import { ConfigError, loadConfig, redactConfig, settings } from './index.js';

describe('configuration', () => {
  test('defaults: port 3000, SQLite under ./data, base URL from the port', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, './data');
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.smtpUrl, undefined);
    assert.deepEqual(config.fetchAllowPrivate, []);
    assert.equal(config.jobsInServe, true);
    assert.equal(config.uploadMaxBytes, 100 * 1024 * 1024);
    assert.ok(Object.isFrozen(config));
  });

  test('reads every contract name from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/allmanning',
      ALLMANNING_DATA_DIR: '/var/lib/allmanning',
      ALLMANNING_BASE_URL: 'https://data.example.se/',
      ALLMANNING_SMTP_URL: 'smtp://mail:25',
      ALLMANNING_FETCH_ALLOW_PRIVATE: '10.0.0.0/8, intranet.local',
      ALLMANNING_TRUST_PROXY: 'yes',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/allmanning');
    assert.equal(config.dataDir, '/var/lib/allmanning');
    assert.equal(config.baseUrl, 'https://data.example.se', 'trailing slash removed');
    assert.equal(config.smtpUrl, 'smtp://mail:25');
    assert.deepEqual(config.fetchAllowPrivate, ['10.0.0.0/8', 'intranet.local']);
    assert.equal(config.trustProxy, true);
  });

  test('an empty variable counts as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).port, 3000);
  });

  test('fails fast listing every bad value at once, without echoing secrets', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'abc',
          ALLMANNING_LOG_LEVEL: 'loud',
          ALLMANNING_TRUST_PROXY: 'maybe',
          DATABASE_URL: 'mysql://root:hunter2@db/x',
          ALLMANNING_SECRET_KEY: 'short',
          ALLMANNING_BODY_LIMIT_BYTES: '10',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 6, error.message);
        for (const name of ['PORT', 'ALLMANNING_LOG_LEVEL', 'ALLMANNING_TRUST_PROXY', 'DATABASE_URL', 'ALLMANNING_SECRET_KEY', 'ALLMANNING_BODY_LIMIT_BYTES']) {
          assert.match(error.message, new RegExp(name));
        }
        assert.doesNotMatch(error.message, /hunter2/);
        assert.doesNotMatch(error.message, /\n/, 'one line');
        return true;
      },
    );
  });

  test('ALLMANNING_SEARCH_INDEX: auto by default; embedded on PostgreSQL allowed; postgres needs DATABASE_URL', () => {
    assert.equal(loadConfig({}).searchIndex, 'auto');
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/x', ALLMANNING_SEARCH_INDEX: 'embedded' }).searchIndex, 'embedded');
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/x', ALLMANNING_SEARCH_INDEX: 'postgres' }).searchIndex, 'postgres');
    assert.throws(() => loadConfig({ ALLMANNING_SEARCH_INDEX: 'postgres' }), /ALLMANNING_SEARCH_INDEX=postgres needs DATABASE_URL/);
    assert.throws(() => loadConfig({ ALLMANNING_SEARCH_INDEX: 'solr' }), /ALLMANNING_SEARCH_INDEX must be one of auto, embedded, postgres, got "solr"/);
  });

  test('redactConfig hides every secret setting', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:hunter2@db/x', ALLMANNING_SMTP_URL: 'smtp://u:pw@m', ALLMANNING_METRICS_TOKEN: 'tok' });
    const shown = JSON.stringify(redactConfig(config));
    assert.doesNotMatch(shown, /hunter2|pw@|"tok"/);
    assert.match(shown, /\[redacted\]/);
  });

  test('every setting is documented: env name, type, description', () => {
    const names = new Set<string>();
    for (const s of settings) {
      assert.ok(s.env === 'PORT' || s.env === 'HOST' || s.env === 'DATABASE_URL' || s.env.startsWith('ALLMANNING_'), `${s.env} follows the naming contract`);
      assert.ok(s.description.length > 10, `${s.env} has a description`);
      assert.ok(!names.has(s.env), `${s.env} is defined once`);
      names.add(s.env);
    }
  });

  test('docs/configuration.md is generated from the schema and up to date', () => {
    const onDisk = fs.readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    assert.equal(onDisk, renderConfigurationDoc(), 'run `npm run docs:config` to regenerate docs/configuration.md');
    for (const s of settings) assert.match(onDisk, new RegExp(`\`${s.env}\``));
  });
});
