// Compares the *shape* of two JSON values: the same keys and value types at each level (arrays by
// their first element). Used by the CKAN contract tests against the recorded envidat.ch answers.
import fs from 'node:fs';
import path from 'node:path';

export const ENVIDAT_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/ckan/envidat.ch');

/** A recorded envidat.ch answer ({ success, result }). */
export function envidat(name: string): { success: boolean; result: unknown } {
  return JSON.parse(fs.readFileSync(path.join(ENVIDAT_DIR, `${name}.json`), 'utf8')) as { success: boolean; result: unknown };
}

export const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

export interface ShapeRules {
  /** Keys of the recorded answer we leave out on purpose (by path, e.g. 'result.doi', '*.doi' for any level). */
  omitted: ReadonlySet<string>;
  /** Keys we answer that the recorded answer lacks, on purpose. */
  added: ReadonlySet<string>;
  /** Keys whose value CKAN leaves null when empty: null on either side matches any type. */
  nullable: ReadonlySet<string>;
}

const listed = (set: ReadonlySet<string>, pathName: string, key: string) => set.has(pathName) || set.has(`*.${key}`);

/** Every difference in shape between `ours` and `theirs`, as readable lines (empty: same shape). */
export function shapeDifferences(ours: unknown, theirs: unknown, rules: ShapeRules, at = '$'): string[] {
  const problems: string[] = [];
  const a = typeOf(ours);
  const b = typeOf(theirs);
  if (a !== b) {
    const key = at.split('.').pop()!;
    if ((a === 'null' || b === 'null') && listed(rules.nullable, at, key)) return [];
    return [`${at}: ours is ${a}, CKAN's is ${b}`];
  }
  if (a === 'array') {
    const [x] = ours as unknown[];
    const [y] = theirs as unknown[];
    if (x !== undefined && y !== undefined) problems.push(...shapeDifferences(x, y, rules, `${at}[]`));
    return problems;
  }
  if (a === 'object') {
    const o = ours as Record<string, unknown>;
    const t = theirs as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      const p = `${at}.${key}`;
      if (!(key in o)) {
        if (!listed(rules.omitted, p, key)) problems.push(`${p}: missing in ours`);
        continue;
      }
      problems.push(...shapeDifferences(o[key], t[key], rules, p));
    }
    for (const key of Object.keys(o)) if (!(key in t) && !listed(rules.added, `${at}.${key}`, key)) problems.push(`${at}.${key}: not in CKAN's answer`);
  }
  return problems;
}
