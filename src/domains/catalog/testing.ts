// Helpers for the catalog tests (named like the other domains' testing.ts; it has no tests of its
// own). Each test builds its own data through the services or the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

export interface CatalogTestApp extends TestApp {
  dataDir: string;
}

/** The real app on a fresh database with its own data directory (uploaded files), env overridable. */
export async function startCatalogApp(env: Record<string, string> = {}): Promise<CatalogTestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-catalog-'));
  const t = await buildTestApp({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '100000', ...env } });
  return {
    ...t,
    dataDir,
    async close() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
