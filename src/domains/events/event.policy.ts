// Who may do what with workshops: pure functions of the actor and the event. Site admins (the
// network's coordinators) create events and series; an event's named organisers manage it.

import type { Actor } from '../../platform/auth/actor.js';

export interface EventAccess {
  organiserIds: readonly string[];
}

function isOrganiser(actor: Actor, event: EventAccess): boolean {
  return actor.kind === 'user' && (actor.isSiteAdmin || event.organiserIds.includes(actor.userId));
}

export const eventPolicy = {
  /** New events and series: site admins. */
  canCreate: (actor: Actor): boolean => actor.kind === 'user' && actor.isSiteAdmin,
  /** Edit, move, cancel, material, capacity: site admins and the event's organisers. */
  canManage: isOrganiser,
  /** See registrations, waitlist, attendance, export and statistics; message participants. */
  canViewRegistrations: isOrganiser,
  /** Register someone else (their seat is taken at once). */
  canRegisterOthers: isOrganiser,
  /** Register oneself: anyone (anonymous sign-ups confirm their address first). */
  canRegister: (_actor: Actor): boolean => true,
  /** The online meeting link: organisers (participants see it through their private link). */
  canSeeOnlineLink: isOrganiser,
  /** Change a whole series (its rule and defaults): site admins and the series' organisers. */
  canManageSeries: isOrganiser,
};

export type EventAbilities = { [K in 'manage' | 'viewRegistrations' | 'registerOthers' | 'seeOnlineLink']: boolean };

export function abilitiesFor(actor: Actor, event: EventAccess): EventAbilities {
  return {
    manage: eventPolicy.canManage(actor, event),
    viewRegistrations: eventPolicy.canViewRegistrations(actor, event),
    registerOthers: eventPolicy.canRegisterOthers(actor, event),
    seeOnlineLink: eventPolicy.canSeeOnlineLink(actor, event),
  };
}

/** Where a registration lands, decided under the event's lock: pure, so it is tested alone. */
export function seatDecision(input: { capacity: number; confirmed: number; quota: number | null; confirmedFromOrganization: number }): 'confirmed' | 'waitlisted' {
  // Nobody waiting could take a free seat (each change promotes at once), so a free seat within the
  // organisation's quota is this registration's.
  if (input.confirmed >= input.capacity) return 'waitlisted';
  if (input.quota !== null && input.confirmedFromOrganization >= input.quota) return 'waitlisted';
  return 'confirmed';
}

/** Whether registration is open at `now`. */
export function registrationWindow(event: { status: string; starts_at: string; registration_opens_at: string | null; registration_closes_at: string | null }, now: Date): 'open' | 'not_yet_open' | 'closed' | 'cancelled' {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.registration_opens_at && now < new Date(event.registration_opens_at)) return 'not_yet_open';
  const closes = event.registration_closes_at ? new Date(event.registration_closes_at) : new Date(event.starts_at);
  if (now >= closes) return 'closed';
  return 'open';
}
