// Who may do what with organisations and their members. Pure functions of the actor and the
// organisation's id: no database, no HTTP. Services decide with these; presenters compute a
// viewer's abilities with the same functions, so templates never repeat a rule.
//
// Decisions (see docs/architecture.md → Organisations):
// - Every organisation is public: anyone may view its page and API resource.
// - Any signed-in person (their e-mail address is confirmed) may create an organisation and becomes
//   its admin, as in CKAN and data.gouv.fr: people from an agency can start sharing at once. The
//   organisation number is unique, and site admins can correct or delete an organisation.
// - Only site admins delete organisations.
// - An organisation's admins and the site admins edit its profile and logo and manage its members
//   and invitations. Editors publish data (catalog) but do not change the organisation itself.
// - The member list is visible to the organisation's own members (any role) and site admins;
//   to everyone else it does not exist (404). E-mail addresses in it only to those who manage it.
// - Anyone may leave an organisation they belong to (the last admin may not: a service rule).
import type { Actor, OrganizationRole } from '../../platform/auth/actor.js';

export const organizationActions = [
  'view',
  'create',
  'edit',
  'uploadLogo',
  'delete',
  'viewMembers',
  'manageMembers',
  'invite',
  'revokeInvitation',
  'leave',
] as const;
export type OrganizationAction = (typeof organizationActions)[number];

function roleIn(actor: Actor, organizationId: string): OrganizationRole | undefined {
  return actor.kind === 'user' ? actor.roles[organizationId] : undefined;
}

function isSiteAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.isSiteAdmin;
}

function isOrgAdmin(actor: Actor, organizationId: string): boolean {
  return isSiteAdmin(actor) || roleIn(actor, organizationId) === 'admin';
}

export const organizationPolicy = {
  canView(_actor: Actor): boolean {
    return true;
  },
  canCreate(actor: Actor): boolean {
    return actor.kind === 'user';
  },
  canEdit(actor: Actor, organizationId: string): boolean {
    return isOrgAdmin(actor, organizationId);
  },
  canUploadLogo(actor: Actor, organizationId: string): boolean {
    return isOrgAdmin(actor, organizationId);
  },
  canDelete(actor: Actor): boolean {
    return isSiteAdmin(actor);
  },
  canViewMembers(actor: Actor, organizationId: string): boolean {
    return isSiteAdmin(actor) || roleIn(actor, organizationId) !== undefined;
  },
  /** Add members directly, change roles, remove others, see members' e-mail addresses. */
  canManageMembers(actor: Actor, organizationId: string): boolean {
    return isOrgAdmin(actor, organizationId);
  },
  canInvite(actor: Actor, organizationId: string): boolean {
    return isOrgAdmin(actor, organizationId);
  },
  canRevokeInvitation(actor: Actor, organizationId: string): boolean {
    return isOrgAdmin(actor, organizationId);
  },
  /** Remove oneself from the organisation. */
  canLeave(actor: Actor, organizationId: string): boolean {
    return roleIn(actor, organizationId) !== undefined;
  },
  /** Remove `userId` from the organisation: its managers may remove anyone, members themselves. */
  canRemoveMember(actor: Actor, organizationId: string, userId: string): boolean {
    if (organizationPolicy.canManageMembers(actor, organizationId)) return true;
    return actor.kind === 'user' && actor.userId === userId && organizationPolicy.canLeave(actor, organizationId);
  },
};

/** One entry point over the named functions, for the matrix test and for presenters. */
export function can(actor: Actor, action: OrganizationAction, organizationId: string): boolean {
  switch (action) {
    case 'view':
      return organizationPolicy.canView(actor);
    case 'create':
      return organizationPolicy.canCreate(actor);
    case 'edit':
      return organizationPolicy.canEdit(actor, organizationId);
    case 'uploadLogo':
      return organizationPolicy.canUploadLogo(actor, organizationId);
    case 'delete':
      return organizationPolicy.canDelete(actor);
    case 'viewMembers':
      return organizationPolicy.canViewMembers(actor, organizationId);
    case 'manageMembers':
      return organizationPolicy.canManageMembers(actor, organizationId);
    case 'invite':
      return organizationPolicy.canInvite(actor, organizationId);
    case 'revokeInvitation':
      return organizationPolicy.canRevokeInvitation(actor, organizationId);
    case 'leave':
      return organizationPolicy.canLeave(actor, organizationId);
  }
}

/** What a viewer may do with one organisation (for API answers and pages). */
export function abilitiesOf(actor: Actor, organizationId: string): Record<OrganizationAction, boolean> {
  return Object.fromEntries(organizationActions.map((action) => [action, can(actor, action, organizationId)])) as Record<OrganizationAction, boolean>;
}
