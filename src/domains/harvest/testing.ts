// Test helpers: a small CKAN Action API (package_search only, with rows/start paging sorted by
// metadata_created) serving packages shaped like the recorded envidat.ch answers
// (../shared/fixtures/ckan/envidat.ch/package_search.json), on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CkanPackage } from './ckan.mapping.js';

const FIXTURE = fileURLToPath(new URL('../../../../shared/fixtures/ckan/envidat.ch/package_search.json', import.meta.url));

/** The recorded packages (the real shape: extras, resources, tags, organization …). */
export function recordedPackages(): CkanPackage[] {
  return (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { result: { results: CkanPackage[] } }).result.results;
}

/** `n` packages shaped like the first recorded one, each with its own id, name, title and resource. */
export function generatedPackages(n: number, offset = 0): CkanPackage[] {
  const [template] = recordedPackages();
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return {
      ...template!,
      id,
      name: `paket-${i}`,
      title: `Paket nummer ${i}`,
      notes: `Beskrivning av paket ${i}.`,
      metadata_created: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString().replace('Z', ''),
      resources: [{ ...template!.resources![0]!, id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, package_id: id, url: `https://data.example.se/paket-${i}.csv`, format: 'CSV', mimetype: 'text/csv', size: 1000 + i } as never],
    } as CkanPackage;
  });
}

export interface CkanServer {
  url: string;
  /** package_search requests answered so far (their `start`). */
  starts: number[];
  close(): Promise<void>;
}

/**
 * Serves `packages()` (called per request, so a test may change them) through package_search.
 * `before(start)` may hold a page back (a test killing a harvest halfway).
 */
export async function startCkanServer(packages: () => CkanPackage[], options: { before?: (start: number) => Promise<void> } = {}): Promise<CkanServer> {
  const starts: number[] = [];
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== '/api/3/action/package_search') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ success: false, error: { __type: 'Not Found Error', message: 'Not found' } }));
        return;
      }
      const rows = Math.min(Number(url.searchParams.get('rows') ?? 10), 1000);
      const start = Number(url.searchParams.get('start') ?? 0);
      starts.push(start);
      await options.before?.(start);
      const all = [...packages()].sort((a, b) => String(a.metadata_created).localeCompare(String(b.metadata_created)));
      const body = JSON.stringify({ help: `${url.origin}/api/3/action/help_show?name=package_search`, success: true, result: { count: all.length, facets: {}, results: all.slice(start, start + rows), sort: 'metadata_created asc', search_facets: {} } });
      response.writeHead(200, { 'content-type': 'application/json;charset=utf-8' }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    starts,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
