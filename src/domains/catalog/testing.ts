// Helpers for the catalog page tests (it has no tests of its own): the real app on a fresh database
// with its own data directory (uploaded files), and settings a test may change (a lower upload
// limit). Users, organisations, sessions and forms come from ../organizations/testing.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

export interface CatalogTestApp extends TestApp {
  dataDir: string;
  /** How many files the storage holds (uploads in progress included). */
  storedFileCount(): number;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0);
}

export async function startApp(env: Record<string, string> = {}): Promise<CatalogTestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-catalog-'));
  const t = await buildTestApp({ env: { ALLMANNING_DATA_DIR: dataDir, ALLMANNING_WRITE_RATE_LIMIT_PER_MINUTE: '100000', ...env } });
  return {
    ...t,
    dataDir,
    storedFileCount: () => countFiles(path.join(dataDir, 'files')),
    async close() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
