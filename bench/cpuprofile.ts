// Where a V8 CPU profile (node --cpu-prof) spent its time: the functions with the most self time.
//
//   npx tsx bench/cpuprofile.ts FILE.cpuprofile [N]     (prints the top N, default 25)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, round, textTable } from './harness.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  function: string;
  /** file:line (paths under the project relative to it; dist/ lines are of the bundle). */
  location: string;
  selfMs: number;
  percent: number;
}

/** Self time per function (summed over every node of the same function and location), most first. */
export function topSelfTime(file: string, n = 25, options: { excludeIdle?: boolean } = {}): { totalMs: number; busyMs: number; top: SelfTime[] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, { fn: string; location: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const fn = frame.functionName || '(anonymous)';
    if (fn === '(idle)') idleUs += us;
    const url = frame.url.startsWith('file://') ? path.relative(root, new URL(frame.url).pathname) : frame.url;
    const location = url ? `${url}:${frame.lineNumber + 1}` : '';
    const key = `${fn} ${location}`;
    const entry = self.get(key) ?? self.set(key, { fn, location, us: 0 }).get(key)!;
    entry.us += us;
  });
  const busyUs = totalUs - idleUs;
  const base = options.excludeIdle ? busyUs : totalUs;
  const top = [...self.values()]
    .filter((e) => !(options.excludeIdle && e.fn === '(idle)'))
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((e) => ({ function: e.fn, location: e.location, selfMs: round(e.us / 1000, 1), percent: round((100 * e.us) / base, 1) }));
  return { totalMs: round(totalUs / 1000, 0), busyMs: round(busyUs / 1000, 0), top };
}

export function selfTimeTable(top: SelfTime[]): string {
  return textTable(
    ['function', 'self ms', '% busy', 'where'],
    top.map((t) => [t.function, String(t.selfMs), String(t.percent), t.location]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx bench/cpuprofile.ts FILE.cpuprofile [N]\n');
    process.exitCode = 2;
  } else {
    const result = topSelfTime(file, Number(process.argv[3] ?? 25), { excludeIdle: true });
    process.stdout.write(`${selfTimeTable(result.top)}\n\nsampled ${result.totalMs} ms, of which busy (not idle) ${result.busyMs} ms\n`);
  }
}
