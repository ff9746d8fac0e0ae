// A resource's revisions as people read them: who (by name), when, what, and each changed field
// with its value before and after.
import type { FieldDiff } from './revision-diff.js';

export interface RevisionEntry {
  revision: number;
  action: string;
  actorId: string | null;
  at: string;
  diff: FieldDiff & { note?: unknown };
}

export interface HistoryItem {
  revision: number;
  action: string;
  actor: { id: string; name: string } | null;
  at: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

export type HistoryPresenter = (revisions: RevisionEntry[]) => Promise<HistoryItem[]>;

export function historyPresenter(namesOf: (ids: string[]) => Promise<Map<string, string>>): HistoryPresenter {
  return async (revisions) => {
    const names = await namesOf(revisions.map((r) => r.actorId).filter((id): id is string => Boolean(id)));
    return revisions.map((r) => {
      const { note: _note, ...fields } = r.diff;
      return {
        revision: r.revision,
        action: r.action,
        actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? '—' } : null,
        at: r.at,
        changes: Object.entries(fields as FieldDiff).map(([field, [before, after]]) => ({ field, before, after })),
      };
    });
  };
}
