// Who may manage an organisation's harvest sources (register, run, see runs): its admins and the
// site admins — a harvest creates and changes many datasets at once, as an import does. Pure.
import type { Actor } from '../../platform/auth/actor.js';

export const harvestPolicy = {
  canManage(actor: Actor, organizationId: string): boolean {
    return actor.kind === 'user' && (actor.isSiteAdmin || actor.roles[organizationId] === 'admin');
  },
};
