#!/usr/bin/env node
// Runs the built CLI (dist/allmanning.js, made by `npm run build`), or the TypeScript sources
// through tsx when there is no build or ALLMANNING_FROM_SOURCE=1 (development and tests).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'allmanning.js');
let entry;
if (existsSync(built) && process.env.ALLMANNING_FROM_SOURCE !== '1') {
  entry = built;
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('allmanning: not built yet; run `npm run build` first\n');
    process.exit(1);
  }
  entry = join(root, 'src', 'main.ts');
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv);
