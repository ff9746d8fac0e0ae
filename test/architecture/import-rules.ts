// The layering rules of docs/architecture.md as code: given a file and one of its imports
// (both repository-relative), returns what the import breaks, if anything.
import path from 'node:path';

export interface Violation {
  file: string;
  imported: string;
  rule: string;
}

const domainOf = (file: string) => /^src\/domains\/([^/]+)\//.exec(file)?.[1];

export function checkImport(file: string, specifier: string): Violation | undefined {
  const isRelative = specifier.startsWith('.');
  const target = isRelative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '') : specifier;
  const v = (rule: string): Violation => ({ file, imported: specifier, rule });

  if (file.startsWith('src/db/migrations/') && !file.endsWith('/index.ts')) {
    if (isRelative || (specifier !== 'kysely' && !specifier.startsWith('node:'))) return v('migrations are frozen in time: they import only kysely and node built-ins');
  }
  if (file.startsWith('src/platform/') && isRelative) {
    if (target.startsWith('src/domains/')) return v('platform/ never imports from domains/');
    if (/^src\/(app|deps|main|app-events)$/.test(target) || target.startsWith('src/cli/')) return v('platform/ never imports the application wiring');
  }
  if (file.startsWith('src/db/') && isRelative && (target.startsWith('src/domains/') || target.startsWith('src/platform/'))) {
    return v('db/ is the bottom layer: it imports neither platform/ nor domains/');
  }
  const from = domainOf(file);
  if (from && isRelative) {
    const to = domainOf(`${target}/`) ?? domainOf(target);
    if (to && to !== from && target !== `src/domains/${to}/index` && target !== `src/domains/${to}`) {
      return v(`a domain imports another domain only through its index.ts (src/domains/${to}/index.ts)`);
    }
    if (target.startsWith('src/cli/') || /^src\/(main)$/.test(target)) return v('domains never import the CLI');
  }
  const base = path.posix.basename(file);
  if (/\.(api|pages)\.tsx?$/.test(base)) {
    if (specifier === 'kysely' || /\.repository$/.test(target)) return v('routes never touch Kysely or repositories: they call services');
  }
  if (/\.service\.tsx?$/.test(base) && (specifier === 'fastify' || specifier.startsWith('@fastify/'))) {
    return v('services never touch Fastify: they take plain input and throw AppErrors');
  }
  if (/\.policy\.tsx?$/.test(base) && (specifier === 'kysely' || specifier === 'fastify' || /\.repository$/.test(target))) {
    return v('policies are pure functions: no database, no HTTP');
  }
  if (/\.repository\.tsx?$/.test(base) && from && isRelative) {
    const to = domainOf(target);
    if (to && to !== from) return v('repositories call no other domain');
  }
  return undefined;
}
