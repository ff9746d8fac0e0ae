// Snapshots and field-level diffs for the history of catalog resources. A snapshot is the whole
// state of a resource (its columns that matter and its metadata, for datasets also their
// distributions); a diff maps each changed field path ('title.sv', 'distributions.<id>.license')
// to [before, after]. Arrays are compared and shown whole: a keyword list changed, not item 3.
import type { DistributionMetadata, Visibility } from './catalog.model.js';

export interface DistributionSnapshot {
  id: string;
  position: number;
  metadata: DistributionMetadata;
}

export interface ResourceSnapshot<M = object> {
  slug: string;
  status: string;
  visibility: Visibility;
  hvd: boolean;
  deleted: boolean;
  metadata: M;
  distributions?: DistributionSnapshot[];
}

export type FieldDiff = Record<string, [unknown, unknown]>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens nested objects to path → leaf value (arrays and scalars are leaves). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (Array.isArray(value) && value.length === 0) return; // an empty list is the same as no value
  if (value === undefined || value === null) return;
  out.set(prefix, value);
}

function flattenSnapshot(snapshot: ResourceSnapshot | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!snapshot) return out;
  const { distributions, metadata, ...columns } = snapshot;
  flatten(columns, '', out);
  flatten(metadata, '', out);
  for (const d of distributions ?? []) {
    flatten({ position: d.position, ...d.metadata }, `distributions.${d.id}`, out);
  }
  return out;
}

/** The fields that differ between two snapshots (undefined before = created). */
export function diffSnapshots(before: ResourceSnapshot | undefined, after: ResourceSnapshot): FieldDiff {
  const a = flattenSnapshot(before);
  const b = flattenSnapshot(after);
  const diff: FieldDiff = {};
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (JSON.stringify(x) !== JSON.stringify(y)) diff[key] = [x ?? null, y ?? null];
  }
  return diff;
}
