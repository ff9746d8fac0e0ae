// Who may do what with catalog resources (datasets, data services, series). Pure functions of the
// actor and the resource's organisation, status and visibility: no database, no HTTP.
//
// Decisions (see docs/architecture.md → Catalog):
// - A published, public resource is for everyone. Drafts and private resources exist only for the
//   organisation's members (any role) and site admins; for anyone else they are 404.
// - Editors and admins of the organisation (and site admins) create, edit, publish, unpublish,
//   delete and restore its resources — editors publish data, as the organisation policy says.
// - History is shown to whoever may edit; a public page shows only the current version.
import type { Actor, OrganizationRole } from '../../platform/auth/actor.js';
import type { DatasetStatus, Visibility } from './catalog.model.js';

export interface PolicyTarget {
  organizationId: string;
  status: DatasetStatus;
  visibility: Visibility;
}

export const catalogActions = ['view', 'edit', 'publish', 'delete', 'viewHistory', 'restore'] as const;
export type CatalogAction = (typeof catalogActions)[number];

function roleIn(actor: Actor, organizationId: string): OrganizationRole | undefined {
  return actor.kind === 'user' ? actor.roles[organizationId] : undefined;
}

const isSiteAdmin = (actor: Actor) => actor.kind === 'user' && actor.isSiteAdmin;

function isEditorOf(actor: Actor, organizationId: string): boolean {
  const role = roleIn(actor, organizationId);
  return isSiteAdmin(actor) || role === 'admin' || role === 'editor';
}

function isInsider(actor: Actor, organizationId: string): boolean {
  return isSiteAdmin(actor) || roleIn(actor, organizationId) !== undefined;
}

export const catalogPolicy = {
  /** Public and published: anyone; otherwise the organisation's members and site admins. */
  canView(actor: Actor, target: PolicyTarget): boolean {
    if (target.status === 'published' && target.visibility === 'public') return true;
    return isInsider(actor, target.organizationId);
  },
  canCreate(actor: Actor, organizationId: string): boolean {
    return isEditorOf(actor, organizationId);
  },
  canEdit(actor: Actor, target: PolicyTarget): boolean {
    return isEditorOf(actor, target.organizationId);
  },
  canPublish(actor: Actor, target: PolicyTarget): boolean {
    return isEditorOf(actor, target.organizationId);
  },
  canDelete(actor: Actor, target: PolicyTarget): boolean {
    return isEditorOf(actor, target.organizationId);
  },
  canViewHistory(actor: Actor, target: PolicyTarget): boolean {
    return isEditorOf(actor, target.organizationId);
  },
  canRestore(actor: Actor, target: PolicyTarget): boolean {
    return isEditorOf(actor, target.organizationId);
  },
  /** Lists: may the actor see the organisation's drafts and private resources? */
  seesUnpublishedOf(actor: Actor, organizationId: string): boolean {
    return isInsider(actor, organizationId);
  },
};

export function can(actor: Actor, action: CatalogAction, target: PolicyTarget): boolean {
  switch (action) {
    case 'view':
      return catalogPolicy.canView(actor, target);
    case 'edit':
      return catalogPolicy.canEdit(actor, target);
    case 'publish':
      return catalogPolicy.canPublish(actor, target);
    case 'delete':
      return catalogPolicy.canDelete(actor, target);
    case 'viewHistory':
      return catalogPolicy.canViewHistory(actor, target);
    case 'restore':
      return catalogPolicy.canRestore(actor, target);
  }
}

/** What a viewer may do with one resource (API answers and pages). */
export function abilitiesOf(actor: Actor, target: PolicyTarget): Record<CatalogAction, boolean> {
  return Object.fromEntries(catalogActions.map((action) => [action, can(actor, action, target)])) as Record<CatalogAction, boolean>;
}
