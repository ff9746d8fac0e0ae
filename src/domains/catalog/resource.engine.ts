// The one write path for datasets, data services and series: load with the viewer's rights, apply a
// change, validate, and write the row, its relations and a revision (snapshot + field-level diff)
// in one transaction guarded by the revision the editor read (If-Match → 412, never a lost update).
// Kind-specific rules (fields, readiness, relations) come from a KindRules object.
import type { Actor } from '../../platform/auth/actor.js';
import { recordActivity } from '../../platform/activity.js';
import { inTransaction } from '../../platform/events/index.js';
import { ConflictError, ForbiddenError, GoneError, NotFoundError, PreconditionFailedError, UnauthorizedError, ValidationError, type FieldDetails } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { swedishSortKey } from '../../platform/swedish-sort.js';
import type { CatalogDeps } from './catalog.deps.js';
import { applyFields, type FieldSpec, type Problems } from './catalog.fields.js';
import type { PublishConfirmation } from './catalog.input.js';
import type { LangText, ResourceKind, Visibility } from './catalog.model.js';
import { catalogPolicy, type PolicyTarget } from './catalog.policy.js';
import { catalogRepository, isUniqueViolation, type ResourceRow } from './catalog.repository.js';
import type { CatalogTables } from './catalog.table.js';
import type { Readiness } from './readiness.js';
import { diffSnapshots, type FieldDiff, type ResourceSnapshot } from './revision-diff.js';
import type { Transaction } from 'kysely';

export type Trx = Transaction<CatalogTables>;

/** A resource as services hand it around: its row, parsed metadata, and (datasets) distributions. */
export type ResourceState<M> = ResourceSnapshot<M> & { row: ResourceRow };

export interface KindRules<M extends { title: LangText }> {
  kind: ResourceKind;
  fields: FieldSpec<M>;
  empty(): M;
  /** The readiness of a state (may read related rows, e.g. the services serving a dataset). */
  readiness(state: ResourceSnapshot<M>, row: ResourceRow): Promise<Readiness>;
  /** Checks references (series, served datasets, access services) against the database. */
  checkReferences?(state: ResourceSnapshot<M>, organizationId: string, problems: Problems): Promise<void>;
  /** Writes what lives beside the row (distributions, served datasets, series column). */
  writeRelations?(trx: Trx, state: ResourceSnapshot<M>, row: ResourceRow): Promise<void>;
  /** Reads what lives beside the row into the snapshot. */
  readRelations?(row: ResourceRow): Promise<Partial<ResourceSnapshot<M>>>;
}

export interface CommonInput {
  slug?: string | undefined;
  visibility?: Visibility | undefined;
  hvd?: boolean | undefined;
}

export const targetOf = (row: ResourceRow): PolicyTarget => ({ organizationId: row.organization_id, status: row.status, visibility: row.visibility });

/** 401 for the anonymous, 403 for a signed-in actor who may see the object but not do this. */
export function deny(actor: Actor): never {
  throw actor.kind === 'user' ? new ForbiddenError() : new UnauthorizedError();
}

const actorIdOf = (actor: Actor | null) => (actor?.kind === 'user' ? actor.userId : null);

/** The four things a publisher confirms before publishing (see PRODUCT.md and the issue). */
export const CONFIRMATIONS = ['noSecrecy', 'personalDataAssessed', 'noThirdPartyRights', 'authorized'] as const satisfies readonly (keyof PublishConfirmation)[];

/** Slugs that are page paths of their own (/datasets/new). */
const RESERVED_SLUGS = new Set(['new']);

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

/** A URL name from a title: lower case, å/ä→a, ö→o, other marks dropped, words joined by "-". */
export function slugify(text: string): string {
  const slug = text
    .toLocaleLowerCase('sv')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'namnlos';
}

export function etagOf(row: Pick<ResourceRow, 'id' | 'revision'>): string {
  return `"${row.id}.${row.revision}"`;
}

/** The revision an If-Match header names for this resource; undefined for "*" or absent. */
export function revisionFromIfMatch(ifMatch: string | undefined, id: string): number | 'mismatch' | undefined {
  if (!ifMatch || ifMatch.trim() === '*') return undefined;
  for (const tag of ifMatch.split(',')) {
    const match = /^\s*(?:W\/)?"([^".]+)\.(\d+)"\s*$/.exec(tag);
    if (match && match[1] === id) return Number(match[2]);
  }
  return 'mismatch';
}

export function createResourceEngine<M extends { title: LangText }>(deps: CatalogDeps, rules: KindRules<M>) {
  const { db, clock, events } = deps;
  const { kind } = rules;

  function parse(row: ResourceRow): M {
    return { ...rules.empty(), ...(JSON.parse(row.metadata) as M) };
  }

  async function stateOf(row: ResourceRow): Promise<ResourceState<M>> {
    const relations = rules.readRelations ? await rules.readRelations(row) : {};
    return { row, slug: row.slug, status: row.status, visibility: row.visibility, hvd: row.hvd === 1, deleted: row.deleted_at !== null, metadata: parse(row), ...relations };
  }

  /** The resource if the actor may see it: 404 when not (or unknown), 410 when deleted. */
  async function loadVisible(actor: Actor, idOrSlug: string): Promise<ResourceRow> {
    const row = await catalogRepository.findByIdOrSlug(db, kind, idOrSlug);
    if (!row || !catalogPolicy.canView(actor, targetOf(row))) throw new NotFoundError();
    if (row.deleted_at) throw new GoneError();
    return row;
  }

  async function slugFor(requested: string | undefined, title: string | undefined, exceptId: string | undefined, problems: Problems): Promise<string | undefined> {
    if (requested !== undefined) {
      const slug = requested.trim();
      if (!SLUG.test(slug)) {
        (problems.slug ??= []).push('catalog.validation.slug');
        return undefined;
      }
      if (RESERVED_SLUGS.has(slug) || (await catalogRepository.slugTaken(db, kind, slug, exceptId))) {
        throw new ConflictError('The slug is already used.', 'slug_taken', { slug: ['catalog.validation.slugTaken'] });
      }
      return slug;
    }
    if (!title) return undefined;
    const base = slugify(title);
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!RESERVED_SLUGS.has(candidate) && !(await catalogRepository.slugTaken(db, kind, candidate, exceptId))) return candidate;
    }
    return `${base}-${newId().slice(-8)}`;
  }

  function throwProblems(problems: Problems): void {
    if (Object.keys(problems).length) throw new ValidationError(problems as FieldDetails);
  }

  /** Missing mandatory fields and failed HVD checks as 400 details, field by field. */
  function readinessProblems(readiness: Readiness): Problems {
    const problems: Problems = {};
    for (const item of readiness.missing) (problems[item.field] ??= []).push(item.message);
    for (const check of readiness.hvdChecklist ?? []) if (!check.ok) (problems[`hvd.${check.rule}`] ??= []).push(check.message);
    return problems;
  }

  /**
   * Writes `next` over the stored state in one transaction: the row at revision+1 if the stored
   * revision is still the one read, the relations, the revision record, the activity, the event.
   */
  async function write(actor: Actor | null, before: ResourceState<M>, next: ResourceSnapshot<M>, action: string, extra: { publishedAt?: string | null; deletedAt?: string | null; note?: unknown } = {}): Promise<ResourceState<M>> {
    const diff: FieldDiff = diffSnapshots(before, next);
    if (Object.keys(diff).length === 0 && extra.note === undefined) return before;
    const nowIso = clock.now().toISOString();
    const row: ResourceRow = {
      ...before.row,
      slug: next.slug,
      status: next.status as ResourceRow['status'],
      visibility: next.visibility,
      hvd: next.hvd ? 1 : 0,
      sort_title: swedishSortKey(next.metadata.title.sv ?? next.metadata.title.en ?? ''),
      metadata: JSON.stringify(next.metadata),
      revision: before.row.revision + 1,
      updated_by: actorIdOf(actor),
      updated_at: nowIso,
      ...(extra.publishedAt !== undefined ? { published_at: extra.publishedAt } : {}),
      ...(extra.deletedAt !== undefined ? { deleted_at: extra.deletedAt } : {}),
    };
    try {
      await inTransaction(db, events, async (trx, emit) => {
        if (!(await catalogRepository.updateAtRevision(trx, kind, row, before.row.revision))) throw new PreconditionFailedError();
        await rules.writeRelations?.(trx, next, row);
        await record(trx, actor, row, next, action, extra.note === undefined ? diff : { ...diff, note: extra.note });
        emit('catalog.resourceChanged', { kind, id: row.id, organizationId: row.organization_id, action, revision: row.revision });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('The slug is already used.', 'slug_taken', { slug: ['catalog.validation.slugTaken'] });
      throw error;
    }
    return { ...next, row };
  }

  async function record(trx: Trx, actor: Actor | null, row: ResourceRow, snapshot: ResourceSnapshot<M>, action: string, diff: unknown): Promise<void> {
    await catalogRepository.insertRevision(trx, {
      id: newId(),
      resource_kind: kind,
      resource_id: row.id,
      revision: row.revision,
      action,
      actor_id: actorIdOf(actor),
      snapshot: JSON.stringify(snapshot),
      diff: JSON.stringify(diff),
      created_at: row.updated_at,
    });
    await catalogRepository.bumpVersion(trx);
    await recordActivity(trx, clock, { actorId: actorIdOf(actor), action: `${kind}.${action}`, subjectType: kind, subjectId: row.id, organizationId: row.organization_id, diff: { revision: row.revision } });
  }

  /**
   * Loads for a change: visible, not deleted, allowed, at the revision the caller read. A null
   * actor is the operator (CLI, demo, import): trusted, recorded as no one.
   */
  async function loadForChange(actor: Actor | null, idOrSlug: string, allowed: (target: PolicyTarget) => boolean, ifMatch?: string): Promise<ResourceState<M>> {
    const row = actor ? await loadVisible(actor, idOrSlug) : await catalogRepository.findByIdOrSlug(db, kind, idOrSlug);
    if (!row) throw new NotFoundError();
    if (row.deleted_at) throw new GoneError();
    if (actor && !allowed(targetOf(row))) deny(actor);
    // Harvested resources follow their source: people change them there, not here.
    const harvestedFrom = actor && row.source_id && deps.harvestedFrom ? await deps.harvestedFrom(row.source_id) : undefined;
    if (harvestedFrom) throw new ConflictError(`This ${kind} is harvested from ${harvestedFrom} and is read-only here; change it at its source.`, 'harvested_read_only', { source: [harvestedFrom] });
    const expected = revisionFromIfMatch(ifMatch, row.id);
    if (expected === 'mismatch' || (expected !== undefined && expected !== row.revision)) throw new PreconditionFailedError();
    return stateOf(row);
  }

  /** Applies common and metadata input onto a state; collects problems; checks references. */
  async function applyInput(state: ResourceSnapshot<M>, input: Record<string, unknown> & CommonInput, organizationId: string, exceptId: string | undefined, problems: Problems): Promise<ResourceSnapshot<M>> {
    const metadata = applyFields(rules.fields, state.metadata, input, problems);
    const next: ResourceSnapshot<M> = { ...state, metadata };
    if (input.visibility !== undefined) next.visibility = input.visibility === 'private' ? 'private' : 'public';
    if (input.hvd !== undefined) next.hvd = Boolean(input.hvd);
    const slug = await slugFor(input.slug, exceptId ? undefined : metadata.title.sv, exceptId, problems);
    if (slug) next.slug = slug;
    await rules.checkReferences?.(next, organizationId, problems);
    return next;
  }

  return {
    kind,
    stateOf,
    loadVisible,
    loadForChange,
    write,
    applyInput,
    throwProblems,
    readinessProblems,

    /** Creates a draft: needs an organisation the actor edits for and a Swedish title. */
    async create(actor: Actor | null, organizationId: string, input: Record<string, unknown> & CommonInput, problems: Problems, id = newId()): Promise<ResourceState<M>> {
      if (actor && !catalogPolicy.canCreate(actor, organizationId)) deny(actor);
      const empty: ResourceSnapshot<M> = { slug: '', status: 'draft', visibility: 'public', hvd: false, deleted: false, metadata: rules.empty() };
      const next = await applyInput(empty, input, organizationId, undefined, problems);
      if (!next.metadata.title.sv && !problems['title.sv']) (problems['title.sv'] ??= []).push('validation.required');
      throwProblems(problems);
      const nowIso = clock.now().toISOString();
      const row: ResourceRow = {
        id,
        slug: next.slug,
        organization_id: organizationId,
        status: 'draft',
        visibility: next.visibility,
        hvd: next.hvd ? 1 : 0,
        sort_title: swedishSortKey(next.metadata.title.sv ?? ''),
        metadata: JSON.stringify(next.metadata),
        revision: 1,
        created_by: actorIdOf(actor),
        updated_by: actorIdOf(actor),
        created_at: nowIso,
        updated_at: nowIso,
        published_at: null,
        deleted_at: null,
        ...(kind === 'dataset' ? { series_id: null } : {}),
      };
      try {
        await inTransaction(db, events, async (trx, emit) => {
          await catalogRepository.insert(trx, kind, row);
          await rules.writeRelations?.(trx, next, row);
          await record(trx, actor, row, next, 'created', diffSnapshots(undefined, next));
          emit('catalog.resourceChanged', { kind, id: row.id, organizationId, action: 'created', revision: 1 });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('The slug is already used.', 'slug_taken', { slug: ['catalog.validation.slugTaken'] });
        throw error;
      }
      return { ...next, row };
    },

    /** Edits fields; a published resource must stay publishable. */
    async update(actor: Actor, idOrSlug: string, input: Record<string, unknown> & CommonInput, ifMatch?: string): Promise<ResourceState<M>> {
      const before = await loadForChange(actor, idOrSlug, (t) => catalogPolicy.canEdit(actor, t), ifMatch);
      const problems: Problems = {};
      const next = await applyInput(before, input, before.row.organization_id, before.row.id, problems);
      if (!next.metadata.title.sv && !problems['title.sv']) (problems['title.sv'] ??= []).push('validation.required');
      throwProblems(problems);
      if (next.status === 'published') throwProblems(readinessProblems(await rules.readiness(next, before.row)));
      return write(actor, before, next, 'updated');
    },

    /**
     * Publishes: every mandatory field present, the HVD checklist passing, and the publisher's
     * confirmation given (each item true). Problems come back field by field.
     */
    async publish(actor: Actor, idOrSlug: string, confirmation: Partial<PublishConfirmation>, ifMatch?: string): Promise<ResourceState<M>> {
      const before = await loadForChange(actor, idOrSlug, (t) => catalogPolicy.canPublish(actor, t), ifMatch);
      const problems = readinessProblems(await rules.readiness(before, before.row));
      for (const key of CONFIRMATIONS) if (confirmation[key] !== true) (problems[`confirmation.${key}`] ??= []).push(`catalog.confirm.${key}Required`);
      throwProblems(problems);
      if (before.status === 'published') return before;
      const by = actor.kind === 'user' ? actor.userId : null;
      return write(actor, before, { ...before, status: 'published' }, 'published', {
        publishedAt: before.row.published_at ?? clock.now().toISOString(),
        note: { confirmation: { ...confirmation, by } },
      });
    },

    /**
     * Publishing by the operator (demo, import): no confirmation asked. The rules apply unless
     * `enforceRules` is false (an import, where the source is the authority and they become warnings).
     */
    async publishAsOperator(idOrSlug: string, options: { enforceRules?: boolean } = {}): Promise<ResourceState<M>> {
      const row = await catalogRepository.findByIdOrSlug(db, kind, idOrSlug);
      if (!row) throw new NotFoundError();
      const before = await stateOf(row);
      if (before.status === 'published') return before;
      if (options.enforceRules !== false) throwProblems(readinessProblems(await rules.readiness(before, row)));
      return write(null, before, { ...before, status: 'published' }, 'published', { publishedAt: row.published_at ?? clock.now().toISOString() });
    },

    /** Unpublishing by the operator (a harvest withdrawing what vanished from its source), with a note. */
    async unpublishAsOperator(idOrSlug: string, note: unknown): Promise<ResourceState<M>> {
      const row = await catalogRepository.findByIdOrSlug(db, kind, idOrSlug);
      if (!row) throw new NotFoundError();
      if (row.deleted_at) throw new GoneError();
      const before = await stateOf(row);
      if (before.status !== 'published') return before;
      return write(null, before, { ...before, status: 'draft' }, 'unpublished', { note });
    },

    async unpublish(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<ResourceState<M>> {
      const before = await loadForChange(actor, idOrSlug, (t) => catalogPolicy.canPublish(actor, t), ifMatch);
      return write(actor, before, { ...before, status: 'draft' }, 'unpublished');
    },

    /** Soft delete: the resource answers 410 from now on; its history stays. */
    async delete(actor: Actor, idOrSlug: string, ifMatch?: string): Promise<void> {
      const before = await loadForChange(actor, idOrSlug, (t) => catalogPolicy.canDelete(actor, t), ifMatch);
      await write(actor, before, { ...before, deleted: true }, 'deleted', { deletedAt: clock.now().toISOString() });
    },

    async history(actor: Actor, idOrSlug: string) {
      const row = await loadVisible(actor, idOrSlug);
      if (!catalogPolicy.canViewHistory(actor, targetOf(row))) deny(actor);
      const revisions = await catalogRepository.revisionsOf(db, kind, row.id);
      return { row, revisions: revisions.map((r) => ({ revision: r.revision, action: r.action, actorId: r.actor_id, at: r.created_at, diff: JSON.parse(r.diff) as FieldDiff })) };
    },

    /** Brings back the metadata (and distributions) of an earlier revision as a new revision; status stays. */
    async restore(actor: Actor, idOrSlug: string, revision: number, ifMatch?: string): Promise<ResourceState<M>> {
      const before = await loadForChange(actor, idOrSlug, (t) => catalogPolicy.canRestore(actor, t), ifMatch);
      const old = await catalogRepository.revisionOf(db, kind, before.row.id, revision);
      if (!old) throw new NotFoundError('No such revision.');
      const snapshot = JSON.parse(old.snapshot) as ResourceSnapshot<M>;
      const next: ResourceSnapshot<M> = {
        ...before,
        metadata: { ...rules.empty(), ...snapshot.metadata },
        visibility: snapshot.visibility,
        hvd: snapshot.hvd,
        ...(snapshot.distributions ? { distributions: snapshot.distributions } : {}),
      };
      const problems: Problems = {};
      await rules.checkReferences?.(next, before.row.organization_id, problems);
      throwProblems(problems);
      if (next.status === 'published') throwProblems(readinessProblems(await rules.readiness(next, before.row)));
      return write(actor, before, next, 'restored', { note: { restoredRevision: revision } });
    },
  };
}

export type ResourceEngine<M extends { title: LangText }> = ReturnType<typeof createResourceEngine<M>>;
