// The activity log: every write that matters records who did what to which object, and how it
// changed. Written in the same transaction as the change itself.
import { asPlatformDb, type AnyExecutor } from '../db/database.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';


export interface ActivityRecord {
  actorId: string | null;
  /** e.g. 'organization.updated' */
  action: string;
  subjectType: string;
  subjectId: string;
  organizationId?: string | null;
  /** Changed fields: { field: [before, after] }, or any JSON that explains the change. */
  diff?: unknown;
}

export async function recordActivity(executor: AnyExecutor, clock: Clock, record: ActivityRecord): Promise<void> {
  await asPlatformDb(executor)
    .insertInto('activity')
    .values({
      id: newId(),
      actor_id: record.actorId,
      action: record.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      organization_id: record.organizationId ?? null,
      diff: record.diff === undefined ? null : JSON.stringify(record.diff),
      created_at: clock.now().toISOString(),
    })
    .execute();
}

/** { field: [before, after] } for the fields whose values differ. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) diff[key] = [before[key], value];
  }
  return diff;
}
