// Who may import into an organisation: its admins and the site admins (pure; no database, no HTTP).
// Editors publish datasets one by one but an import can create and change many at once, and its
// history shows the source — a decision for whoever answers for the organisation.
import type { Actor } from '../../../platform/auth/actor.js';

export const importPolicy = {
  canImport(actor: Actor, organizationId: string): boolean {
    return actor.kind === 'user' && (actor.isSiteAdmin || actor.roles[organizationId] === 'admin');
  },
};
