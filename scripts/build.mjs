// Builds the production server: src/main.ts and everything it imports, bundled by esbuild into
// one ES module, dist/allmanning.js (with a source map). One file loads about twice as fast as
// hundreds of modules, which halves the cold start. Native and optional packages stay outside:
// better-sqlite3 and sharp (native), pg, markdown-it and sanitize-html (loaded on first use
// through require), nodemailer's optional transports. Type checking is separate: `npm run
// typecheck`, which `npm test` runs. ALLMANNING_BUILD_OUT writes elsewhere (tests use it).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.env.ALLMANNING_BUILD_OUT || join(root, 'dist', 'allmanning.js');

rmSync(dirname(outfile), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  external: ['better-sqlite3', 'sharp', 'pg-native'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __allmanningRequire } from 'node:module'; const require = __allmanningRequire(import.meta.url);" },
  logLevel: 'warning',
});
