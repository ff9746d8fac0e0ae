// Organisations: list, read, create, edit (with the logo), delete. Every write checks the policy,
// validates, runs in one transaction and leaves an activity record.
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { diffFields, recordActivity } from '../../platform/activity.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, type FieldDetails } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { FileTooLargeError, LOGO_MAX_BYTES, normalizeLogo, sniffImage, type LogoStore, type LogoUpload } from './logo.js';
import { organizationPolicy } from './organization.policy.js';
import { validateOrganizationInput, type OrganizationChanges, type OrganizationInput } from './organization.input.js';
import { organizationRepository, uniqueViolationOf, type OrganizationListQuery, type OrganizationRow, type OrganizationWrite } from './organization.repository.js';
import { membershipRepository } from './membership.repository.js';
import type { OrganizationsDeps } from './organizations.deps.js';
import type { OrganizationsTables } from './organizations.table.js';

type Trx = Transaction<OrganizationsTables>;

export const MAX_PAGE_SIZE = 1000;

/** 401 for the anonymous, 403 for a signed-in actor who may see the object but not do this. */
export function deny(actor: Actor): never {
  throw actor.kind === 'user' ? new ForbiddenError() : new UnauthorizedError();
}

function actorIdOf(actor: Actor | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

function conflict(taken: { slug: boolean; orgNumber: boolean }): ConflictError {
  const details: FieldDetails = {};
  if (taken.slug) details.slug = ['validation.slugTaken'];
  if (taken.orgNumber) details.orgNumber = ['organizations.validation.orgNumberTaken'];
  return taken.slug
    ? new ConflictError('The slug is already used by another organisation.', 'slug_taken', details)
    : new ConflictError('The organisation number is already registered for another organisation.', 'org_number_taken', details);
}

/** Row fields that the activity diff leaves out (derived or bookkeeping). */
function auditable(row: OrganizationRow | OrganizationWrite): Record<string, unknown> {
  const { search_text: _s, sort_name: _n, updated_at: _u, created_at: _c, ...rest } = row as OrganizationRow;
  return rest;
}

export interface UpdateOptions {
  /** A new logo; an empty file (a form sent without choosing one) changes nothing. */
  logo?: LogoUpload | undefined;
  removeLogo?: boolean | undefined;
}

export function createOrganizationService(deps: OrganizationsDeps, logos: LogoStore) {
  const { db, clock } = deps;

  async function load(idOrSlug: string): Promise<OrganizationRow> {
    const row = await organizationRepository.findByIdOrSlug(db, idOrSlug);
    if (!row) throw new NotFoundError();
    return row;
  }

  /** Runs `work` in a transaction after checking that slug and organisation number are free. */
  async function writeUnique<T>(changes: OrganizationChanges, exceptId: string | undefined, work: (trx: Trx) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(async (trx) => {
        const taken = {
          slug: changes.slug ? await organizationRepository.slugTaken(trx, changes.slug, exceptId) : false,
          orgNumber: changes.org_number ? await organizationRepository.orgNumberTaken(trx, changes.org_number, exceptId) : false,
        };
        if (taken.slug || taken.orgNumber) throw conflict(taken);
        return await work(trx);
      });
    } catch (error) {
      // Two writers that both passed the check: the unique index decides, with the same answer.
      const column = uniqueViolationOf(error);
      if (column) throw conflict({ slug: column === 'slug', orgNumber: column === 'org_number' });
      throw error;
    }
  }

  /** Checks a logo upload: the PNG to store, or the problem for the `logo` field. */
  async function checkLogo(upload: LogoUpload): Promise<{ png?: Buffer; problem?: string; tooLarge?: boolean }> {
    if (upload.truncated || upload.data.length > LOGO_MAX_BYTES) return { problem: 'validation.fileTooLarge', tooLarge: true };
    if (!sniffImage(upload.data)) return { problem: 'validation.fileType' };
    const png = await normalizeLogo(upload.data);
    return png ? { png } : { problem: 'organizations.validation.logoUnreadable' };
  }

  async function create(actor: Actor | null, input: OrganizationInput): Promise<OrganizationRow> {
    const changes = validateOrganizationInput(input, 'create');
    const nowIso = clock.now().toISOString();
    const row: OrganizationWrite = {
      id: newId(),
      slug: changes.slug!,
      name_sv: changes.name_sv!,
      name_en: changes.name_en ?? null,
      org_number: changes.org_number ?? null,
      type: changes.type ?? 'other',
      publisher_type: changes.publisher_type ?? null,
      website: changes.website ?? null,
      description_sv: changes.description_sv ?? null,
      description_en: changes.description_en ?? null,
      contact_email: changes.contact_email ?? null,
      logo_key: null,
      created_at: nowIso,
      updated_at: nowIso,
    };
    return writeUnique(changes, undefined, async (trx) => {
      const saved = await organizationRepository.insert(trx, row);
      await recordActivity(trx, clock, { actorId: actorIdOf(actor), action: 'organization.created', subjectType: 'organization', subjectId: row.id, organizationId: row.id, diff: auditable(row) });
      // Whoever starts an organisation administers it (site admins already may, and stay out of it).
      if (actor?.kind === 'user' && !actor.isSiteAdmin) {
        await membershipRepository.upsert(trx, { organization_id: row.id, user_id: actor.userId, role: 'admin', created_at: nowIso, updated_at: nowIso });
      }
      return saved;
    });
  }

  /**
   * Edits an organisation (its admins and site admins): the fields given change, `null` or blank
   * clears an optional one; optionally a new logo or its removal, validated with the fields.
   */
  async function update(actor: Actor, idOrSlug: string, input: OrganizationInput, options: UpdateOptions = {}): Promise<OrganizationRow> {
    const before = await load(idOrSlug);
    if (!organizationPolicy.canEdit(actor, before.id)) deny(actor);
    const details: FieldDetails = {};
    let changes: OrganizationChanges = {};
    try {
      changes = validateOrganizationInput(input, 'update');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(details, error.details);
    }
    let logoKey: string | null | undefined = options.removeLogo ? null : undefined;
    let png: Buffer | undefined;
    if (options.logo && options.logo.data.length > 0) {
      const checked = await checkLogo(options.logo);
      if (checked.problem) details.logo = [checked.problem];
      if (checked.tooLarge) throw new FileTooLargeError(details);
      png = checked.png;
    }
    if (Object.keys(details).length > 0) throw new ValidationError(details);
    if (png) logoKey = await logos.save(png);

    const candidate: OrganizationWrite = { ...before, ...changes, ...(logoKey !== undefined ? { logo_key: logoKey } : {}) };
    const diff = diffFields(auditable(before), auditable(candidate));
    if (Object.keys(diff).length === 0) return before;
    const after: OrganizationWrite = { ...candidate, updated_at: clock.now().toISOString() };
    return writeUnique(changes, before.id, async (trx) => {
      const saved = await organizationRepository.update(trx, after);
      await recordActivity(trx, clock, { actorId: actorIdOf(actor), action: 'organization.updated', subjectType: 'organization', subjectId: before.id, organizationId: before.id, diff });
      return saved;
    });
  }

  return {
    /** Public: every organisation, searched (`q`: all words, in names, slug, number) and filtered by type. */
    list(query: OrganizationListQuery): Promise<{ items: OrganizationRow[]; total: number }> {
      return organizationRepository.list(db, { ...query, limit: Math.min(Math.max(query.limit, 1), MAX_PAGE_SIZE), offset: Math.max(query.offset, 0) });
    },

    /** Public: one organisation by id or slug, or 404. */
    get(idOrSlug: string): Promise<OrganizationRow> {
      return load(idOrSlug);
    },

    memberCount(organizationId: string): Promise<number> {
      return membershipRepository.count(db, organizationId);
    },

    /** Any signed-in person creates an organisation and becomes its admin (site admins do not). */
    async create(actor: Actor, input: OrganizationInput): Promise<OrganizationRow> {
      if (!organizationPolicy.canCreate(actor)) deny(actor);
      return create(actor, input);
    },

    /** For the operator's CLI and the demo (trusted, no actor; recorded as done by no one). */
    createAsOperator(input: OrganizationInput): Promise<OrganizationRow> {
      return create(null, input);
    },

    update,

    /** Replaces the logo (API: PUT …/logo with the image as the body). */
    async setLogo(actor: Actor, idOrSlug: string, upload: LogoUpload): Promise<OrganizationRow> {
      const org = await load(idOrSlug);
      if (!organizationPolicy.canUploadLogo(actor, org.id)) deny(actor);
      if (upload.data.length === 0) throw new ValidationError({ logo: ['validation.required'] });
      return update(actor, org.id, {}, { logo: upload });
    },

    async removeLogo(actor: Actor, idOrSlug: string): Promise<OrganizationRow> {
      const org = await load(idOrSlug);
      if (!organizationPolicy.canUploadLogo(actor, org.id)) deny(actor);
      return update(actor, org.id, {}, { removeLogo: true });
    },

    /** The stored logo of an organisation (public), or undefined. */
    async readLogo(idOrSlug: string): Promise<{ data: Buffer; key: string } | undefined> {
      const org = await organizationRepository.findByIdOrSlug(db, idOrSlug);
      if (!org?.logo_key) return undefined;
      const data = await logos.read(org.logo_key);
      return data ? { data, key: org.logo_key } : undefined;
    },

    /** Site admins delete organisations; memberships and open invitations go with them. */
    async delete(actor: Actor, idOrSlug: string): Promise<void> {
      const org = await load(idOrSlug);
      if (!organizationPolicy.canDelete(actor)) deny(actor);
      await db.transaction().execute(async (trx) => {
        await organizationRepository.delete(trx, org.id);
        await recordActivity(trx, clock, { actorId: actorIdOf(actor), action: 'organization.deleted', subjectType: 'organization', subjectId: org.id, organizationId: org.id, diff: auditable(org) });
      });
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
