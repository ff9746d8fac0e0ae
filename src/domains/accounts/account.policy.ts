// Who may do what with accounts and site administration. Pure functions of the actor.
import type { Actor } from '../../platform/auth/actor.js';

export const accountPolicy = {
  /** Users, invitations to the site, the outbox and site settings. */
  canAdministerSite(actor: Actor): boolean {
    return actor.kind === 'user' && actor.isSiteAdmin;
  },
  canManageAccount(actor: Actor, userId: string): boolean {
    return actor.kind === 'user' && actor.userId === userId;
  },
};
