// Seat bookkeeping shared by the registration and event services, always inside a transaction that
// holds the event's lock: placing an arrival, promoting the waitlist, mailing the outcome.
import type { Transaction } from 'kysely';
import { newId } from '../../platform/ids.js';
import { eventMails, type MailContext } from './event.mails.js';
import { seatDecision } from './event.policy.js';
import { eventRepository, registrationRepository } from './event.repository.js';
import type { EventsDeps } from './events.deps.js';
import type { EventRow, EventsTables, RegistrationRow } from './events.table.js';
import { manageLink, manageTokenHash } from './links.js';

export type Trx = Transaction<EventsTables>;

export interface SeatContext {
  deps: EventsDeps;
  linkKey: string;
}

export function mailContext(ctx: SeatContext): MailContext {
  const from = ctx.deps.config.mailFrom;
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const name = /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1] ?? 'Allmänning';
  return { baseUrl: ctx.deps.config.baseUrl, organiser: { name, email }, now: ctx.deps.clock.now() };
}

/** The private link for a registration (rotating the stored hash if the site key has changed). */
export async function linkFor(trx: Trx, ctx: SeatContext, registration: RegistrationRow): Promise<string> {
  const hash = manageTokenHash(ctx.linkKey, registration.id);
  if (hash !== registration.token_hash) await registrationRepository.update(trx, registration.id, { token_hash: hash });
  return manageLink(ctx.deps.config.baseUrl, ctx.linkKey, registration.locale, registration.id);
}

/** Confirmed or waitlisted for a registration arriving now (under the lock). */
export async function decideSeat(trx: Trx, event: EventRow, organizationId: string | null): Promise<'confirmed' | 'waitlisted'> {
  const counts = await registrationRepository.counts(trx, event.id);
  const fromOrg = organizationId && event.organization_quota !== null ? await registrationRepository.confirmedFrom(trx, event.id, organizationId) : 0;
  return seatDecision({ capacity: event.capacity, confirmed: counts.confirmed, quota: organizationId ? event.organization_quota : null, confirmedFromOrganization: fromOrg });
}

/** Mails the outcome of a placement (confirmation with invitation, or waitlist position). */
export async function mailPlacement(trx: Trx, ctx: SeatContext, event: EventRow, registration: RegistrationRow, promoted = false): Promise<void> {
  const link = await linkFor(trx, ctx, registration);
  if (registration.status === 'confirmed') {
    await ctx.deps.mailer.send(eventMails.confirmed(event, registration, link, mailContext(ctx), promoted), trx);
  } else if (registration.status === 'waitlisted') {
    const position = await registrationRepository.waitlistPosition(trx, event.id, registration.arrival);
    await ctx.deps.mailer.send(eventMails.waitlisted(event, registration, position, link), trx);
  }
}

/**
 * Promotes waitlisted registrations, first come first served, while seats are free (skipping those
 * whose organisation has used its quota); each promoted person is mailed. Returns their ids.
 */
export async function promoteWaitlist(trx: Trx, ctx: SeatContext, event: EventRow): Promise<string[]> {
  if (event.status === 'cancelled' || new Date(event.starts_at) <= ctx.deps.clock.now()) return [];
  const promoted: string[] = [];
  const waiting = await registrationRepository.listByStatus(trx, event.id, 'waitlisted');
  for (const registration of waiting) {
    const counts = await registrationRepository.counts(trx, event.id);
    if (counts.confirmed >= event.capacity) break;
    if (await decideSeat(trx, event, registration.organization_id) !== 'confirmed') continue;
    const nowIso = ctx.deps.clock.now().toISOString();
    await registrationRepository.update(trx, registration.id, { status: 'confirmed', confirmed_at: nowIso, updated_at: nowIso });
    await mailPlacement(trx, ctx, event, { ...registration, status: 'confirmed' }, true);
    promoted.push(registration.id);
  }
  return promoted;
}

export async function lockEvent(trx: Trx, ctx: SeatContext, id: string): Promise<EventRow> {
  const row = await eventRepository.lock(trx, id, ctx.deps.dialect);
  if (!row) throw new Error(`event ${id} vanished`);
  return row;
}

export function newRegistrationId(): string {
  return newId();
}
