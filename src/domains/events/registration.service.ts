// Sign-ups: register (oneself, or anyone as an organiser), confirm an anonymous sign-up's address,
// view, cancel or leave the waitlist through the private link, erase. Every seat is decided in a
// transaction holding the event's row lock (PostgreSQL: SELECT … FOR UPDATE; SQLite serialises
// transactions), so seats are never oversold and the waitlist keeps arrival order.
import type { Actor } from '../../platform/auth/actor.js';
import { recordActivity } from '../../platform/activity.js';
import { ConflictError, GoneError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { FieldProblems, clean, isEmail } from '../../platform/validation.js';
import { hashSecretToken, newSecretToken } from '../../platform/secret-token.js';
import { eventMails, type MailContext } from './event.mails.js';
import { eventPolicy, registrationWindow } from './event.policy.js';
import { eventRepository, registrationRepository, uniqueViolationOf } from './event.repository.js';
import { LIMITS } from './event.input.js';
import type { EventRow, RegistrationRow, RegistrationStatus } from './events.table.js';
import { decideSeat, linkFor, lockEvent, mailContext, mailPlacement, newRegistrationId, promoteWaitlist, type SeatContext, type Trx } from './seats.js';
import { absoluteLink, manageToken, manageTokenHash } from './links.js';

/** How long the e-mail confirmation link of an anonymous sign-up works. */
export const CONFIRM_TTL_MS = 48 * 3600_000;

export interface RegistrationInput {
  name?: unknown;
  email?: unknown;
  /** An organisation's id or slug from the list, or free text. */
  organization?: unknown;
  accessibilityNeeds?: unknown;
  acceptPrivacy?: unknown;
  acceptRecording?: unknown;
  locale?: unknown;
}

export interface RegistrationOutcome {
  registration: RegistrationRow;
  event: EventRow;
  waitlistPosition: number | null;
}

function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 'on' || v === '1';

export function createRegistrationService(ctx: SeatContext) {
  const { deps } = ctx;
  const { db, clock } = deps;

  async function loadEvent(idOrSlug: string): Promise<EventRow> {
    const row = await eventRepository.findByIdOrSlug(db, idOrSlug);
    if (!row) throw new NotFoundError();
    return row;
  }

  async function position(registration: RegistrationRow): Promise<number | null> {
    return registration.status === 'waitlisted' ? registrationRepository.waitlistPosition(db, registration.event_id, registration.arrival) : null;
  }

  /** The organisation of a sign-up: one from the list (by id or slug) or free text. */
  async function organizationOf(value: string | undefined): Promise<{ id: string | null; name: string | null; type: string | null }> {
    if (!value) return { id: null, name: null, type: null };
    try {
      const org = await deps.organizations.organizations.get(value);
      return { id: org.id, name: org.name_sv, type: org.type };
    } catch (error) {
      if (error instanceof NotFoundError) return { id: null, name: value, type: null };
      throw error;
    }
  }

  function validate(input: RegistrationInput, options: { requireAcknowledgements: boolean }) {
    const problems = new FieldProblems();
    const name = clean(input.name);
    const email = clean(input.email)?.toLowerCase();
    problems.check(!name, 'name', 'validation.required').check(Boolean(name && name.length > LIMITS.name), 'name', 'validation.tooLong');
    if (!email) problems.add('email', 'validation.required');
    else if (!isEmail(email)) problems.add('email', 'validation.email');
    const organization = clean(input.organization);
    problems.check(Boolean(organization && organization.length > LIMITS.organization), 'organization', 'validation.tooLong');
    const needs = clean(input.accessibilityNeeds);
    problems.check(Boolean(needs && needs.length > LIMITS.needs), 'accessibilityNeeds', 'validation.tooLong');
    if (options.requireAcknowledgements) {
      problems.check(!truthy(input.acceptPrivacy), 'acceptPrivacy', 'events.validation.acceptPrivacy');
      problems.check(!truthy(input.acceptRecording), 'acceptRecording', 'events.validation.acceptRecording');
    }
    problems.throwIfAny();
    return { name: name!, email: email!, organization, needs: needs ?? null, locale: input.locale === 'en' ? 'en' : 'sv' };
  }

  async function inTx<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (uniqueViolationOf(error) === 'email') throw alreadyRegistered();
      throw error;
    }
  }

  function alreadyRegistered(): ConflictError {
    return new ConflictError('This e-mail address already has a place or a pending sign-up for this event.', 'already_registered', { email: ['events.validation.alreadyRegistered'] });
  }

  function closedError(state: string): ConflictError {
    const key = state === 'cancelled' ? 'events.validation.eventCancelled' : state === 'not_yet_open' ? 'events.validation.notYetOpen' : 'events.validation.registrationClosed';
    return new ConflictError('Registration for this event is not open.', state === 'cancelled' ? 'event_cancelled' : 'registration_closed', { event: [key] });
  }

  /**
   * Registers someone. Organisers may register anyone (even after registration closes) and a
   * signed-in person themselves: both take a seat (or a waitlist place) at once. Anyone else
   * confirms the address first: 'pending_confirmation' and a mail with the link.
   */
  async function register(actor: Actor, idOrSlug: string, input: RegistrationInput, options: { requireAcknowledgements?: boolean } = {}): Promise<RegistrationOutcome> {
    const event = await loadEvent(idOrSlug);
    const access = accessOf(event);
    const organiser = eventPolicy.canRegisterOthers(actor, access);
    const fields = validate(input, { requireAcknowledgements: options.requireAcknowledgements ?? false });
    const state = registrationWindow(event, clock.now());
    if (state !== 'open' && !(organiser && state === 'closed' && new Date(event.starts_at) > clock.now())) throw closedError(state);
    const self = actor.kind === 'user' && actor.email.toLowerCase() === fields.email;
    const immediate = organiser || self;
    const org = await organizationOf(fields.organization);

    const result = await inTx(async (trx) => {
      const locked = await lockEvent(trx, ctx, event.id);
      // Cancelled while this request was on its way: checked again under the lock.
      if (locked.status === 'cancelled') throw closedError('cancelled');
      const nowIso = clock.now().toISOString();
      const existing = await registrationRepository.findLive(trx, event.id, fields.email);
      // A sign-up whose confirmation link expired holds nothing: it makes way for a new one.
      const expired = existing?.status === 'pending_confirmation' && existing.confirm_expires_at !== null && new Date(existing.confirm_expires_at) < clock.now();
      if (existing && !expired) throw alreadyRegistered();
      if (existing) await registrationRepository.update(trx, existing.id, { status: 'cancelled', cancelled_at: nowIso, confirm_token_hash: null, updated_at: nowIso });
      const arrival = await eventRepository.nextArrival(trx, event.id);
      const id = newRegistrationId();
      let status: RegistrationStatus = 'pending_confirmation';
      let confirmToken: string | undefined;
      if (immediate) status = await decideSeat(trx, locked, org.id);
      else confirmToken = newSecretToken();
      const row: RegistrationRow = {
        id,
        event_id: event.id,
        status,
        arrival,
        name: fields.name,
        email: fields.email,
        user_id: self ? actorId(actor) : null,
        organization_id: org.id,
        organization_name: org.name,
        organization_type: org.type,
        accessibility_needs: fields.needs,
        locale: fields.locale,
        token_hash: manageTokenHash(ctx.linkKey, id),
        confirm_token_hash: confirmToken ? hashSecretToken(confirmToken) : null,
        confirm_expires_at: confirmToken ? new Date(clock.now().getTime() + CONFIRM_TTL_MS).toISOString() : null,
        attended: null,
        registered_by: organiser && !self ? actorId(actor) : null,
        confirmed_at: status === 'confirmed' ? nowIso : null,
        cancelled_at: null,
        anonymised_at: null,
        created_at: nowIso,
        updated_at: nowIso,
      };
      await registrationRepository.insert(trx, row);
      if (confirmToken) {
        const link = absoluteLink(deps.config.baseUrl, fields.locale, `/events/confirm?token=${encodeURIComponent(confirmToken)}`);
        await deps.mailer.send(eventMails.confirmAddress(locked, row, link), trx);
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.registration.created', subjectType: 'event_registration', subjectId: id, diff: { event: event.id, status } });
        return { registration: row, event: locked };
      }
      await mailPlacement(trx, ctx, locked, row);
      await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.registration.created', subjectType: 'event_registration', subjectId: id, diff: { event: event.id, status } });
      return { registration: row, event: locked };
    });
    const registration = (await registrationRepository.findById(db, result.registration.id))!;
    return { ...result, registration, waitlistPosition: await position(registration) };
  }

  /** Confirms an anonymous sign-up's address: it takes a seat, or the next waitlist place, now. */
  async function confirm(token: string): Promise<RegistrationOutcome> {
    const found = token ? await registrationRepository.findByConfirmHash(db, hashSecretToken(token)) : undefined;
    if (!found) throw new NotFoundError('This confirmation link is not valid.', 'link_invalid');
    if (found.status !== 'pending_confirmation') {
      return { registration: found, event: (await eventRepository.findById(db, found.event_id))!, waitlistPosition: await position(found) };
    }
    if (found.confirm_expires_at && new Date(found.confirm_expires_at) < clock.now()) throw new GoneError('This confirmation link has expired. Sign up again.', 'link_expired');
    const event = (await eventRepository.findById(db, found.event_id))!;
    const state = registrationWindow(event, clock.now());
    if (state !== 'open') throw closedError(state);
    await inTx(async (trx) => {
      const locked = await lockEvent(trx, ctx, event.id);
      if (locked.status === 'cancelled') throw closedError('cancelled');
      const current = (await registrationRepository.findById(trx, found.id))!;
      if (current.status !== 'pending_confirmation') return;
      const nowIso = clock.now().toISOString();
      // Its place in the queue counts from now, when the address is proven. The link keeps working
      // (it shows the registration) until the registration is cancelled or anonymised.
      const arrival = await eventRepository.nextArrival(trx, event.id);
      const status = await decideSeat(trx, locked, current.organization_id);
      const updated: RegistrationRow = { ...current, status, arrival, confirm_expires_at: null, confirmed_at: status === 'confirmed' ? nowIso : null, updated_at: nowIso };
      await registrationRepository.update(trx, current.id, { status, arrival, confirm_expires_at: null, confirmed_at: updated.confirmed_at, updated_at: nowIso });
      await mailPlacement(trx, ctx, locked, updated);
      await recordActivity(trx, clock, { actorId: null, action: 'event.registration.confirmed', subjectType: 'event_registration', subjectId: current.id, diff: { status } });
    });
    const registration = (await registrationRepository.findById(db, found.id))!;
    return { registration, event, waitlistPosition: await position(registration) };
  }

  /** The registration behind a private link; 404 for a forged or outdated one. */
  async function byToken(token: string): Promise<RegistrationOutcome> {
    const found = token ? await registrationRepository.findByTokenHash(db, hashSecretToken(token)) : undefined;
    if (!found || found.anonymised_at) throw new NotFoundError('This link is not valid.', 'link_invalid');
    const event = (await eventRepository.findById(db, found.event_id))!;
    return { registration: found, event, waitlistPosition: await position(found) };
  }

  /** Cancels a place (or leaves the waitlist); a freed seat goes to the first waitlisted person. */
  async function cancelRegistration(registrationId: string, by: string | null): Promise<RegistrationRow> {
    const before = (await registrationRepository.findById(db, registrationId))!;
    const event = (await eventRepository.findById(db, before.event_id))!;
    if (before.status === 'cancelled') return before;
    if (new Date(event.starts_at) <= clock.now()) throw new GoneError('The event has started; the registration can no longer be cancelled.', 'too_late');
    await inTx(async (trx) => {
      const locked = await lockEvent(trx, ctx, event.id);
      const current = (await registrationRepository.findById(trx, registrationId))!;
      if (current.status === 'cancelled') return;
      const nowIso = clock.now().toISOString();
      await registrationRepository.update(trx, current.id, { status: 'cancelled', cancelled_at: nowIso, confirm_token_hash: null, updated_at: nowIso });
      if (current.status !== 'pending_confirmation') {
        await deps.mailer.send(eventMails.registrationCancelled(locked, current, current.status === 'confirmed', mailContext(ctx)), trx);
      }
      await recordActivity(trx, clock, { actorId: by, action: 'event.registration.cancelled', subjectType: 'event_registration', subjectId: current.id, diff: { status: [current.status, 'cancelled'] } });
      if (current.status === 'confirmed') await promoteWaitlist(trx, ctx, locked);
    });
    return (await registrationRepository.findById(db, registrationId))!;
  }

  async function forOrganiser(actor: Actor, idOrSlug: string): Promise<EventRow> {
    const event = await loadEvent(idOrSlug);
    if (!eventPolicy.canViewRegistrations(actor, accessOf(event))) throw new NotFoundError();
    return event;
  }

  async function registrationOf(event: EventRow, registrationId: string): Promise<RegistrationRow> {
    const row = await registrationRepository.findById(db, registrationId);
    if (!row || row.event_id !== event.id) throw new NotFoundError();
    return row;
  }

  return {
    register,
    confirm,
    byToken,

    async cancelByToken(token: string): Promise<RegistrationOutcome> {
      const { registration } = await byToken(token);
      const after = await cancelRegistration(registration.id, null);
      return { registration: after, event: (await eventRepository.findById(db, after.event_id))!, waitlistPosition: null };
    },

    /** Removes a registration for good (the participant's right to erasure); a freed seat is passed on. */
    async eraseByToken(token: string): Promise<void> {
      const { registration, event } = await byToken(token);
      await inTx(async (trx) => {
        const locked = await lockEvent(trx, ctx, event.id);
        await registrationRepository.deleteById(trx, registration.id);
        await recordActivity(trx, clock, { actorId: null, action: 'event.registration.erased', subjectType: 'event_registration', subjectId: registration.id });
        if (registration.status === 'confirmed') await promoteWaitlist(trx, ctx, locked);
      });
    },

    /** Organisers: every registration of the event in arrival order. */
    async list(actor: Actor, idOrSlug: string): Promise<{ event: EventRow; items: (RegistrationRow & { waitlistPosition: number | null })[] }> {
      const event = await forOrganiser(actor, idOrSlug);
      const rows = await registrationRepository.listByEvent(db, event.id);
      let waiting = 0;
      return { event, items: rows.map((r) => ({ ...r, waitlistPosition: r.status === 'waitlisted' ? ++waiting : null })) };
    },

    async cancelAsOrganiser(actor: Actor, idOrSlug: string, registrationId: string): Promise<RegistrationRow> {
      const event = await forOrganiser(actor, idOrSlug);
      const row = await registrationOf(event, registrationId);
      return cancelRegistration(row.id, actorId(actor));
    },

    /** Attendance marked at the door (organisers). */
    async setAttendance(actor: Actor, idOrSlug: string, registrationId: string, attended: boolean): Promise<RegistrationRow> {
      const event = await forOrganiser(actor, idOrSlug);
      const row = await registrationOf(event, registrationId);
      if (row.status !== 'confirmed') throw new ValidationError({ attended: ['events.validation.notConfirmed'] });
      const nowIso = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await registrationRepository.update(trx, row.id, { attended: attended ? 1 : 0, updated_at: nowIso });
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.registration.attendance', subjectType: 'event_registration', subjectId: row.id, diff: { attended } });
      });
      return (await registrationRepository.findById(db, row.id))!;
    },

    /** A message from the organisers to every confirmed participant; returns how many were sent. */
    async messageParticipants(actor: Actor, idOrSlug: string, input: { subject?: unknown; body?: unknown; includeWaitlist?: unknown }): Promise<number> {
      const event = await forOrganiser(actor, idOrSlug);
      const subject = clean(input.subject);
      const body = clean(input.body);
      const problems = new FieldProblems();
      problems.check(!subject, 'subject', 'validation.required').check(Boolean(subject && subject.length > LIMITS.subject), 'subject', 'validation.tooLong');
      problems.check(!body, 'body', 'validation.required').check(Boolean(body && body.length > LIMITS.message), 'body', 'validation.tooLong');
      problems.throwIfAny();
      const statuses: RegistrationStatus[] = truthy(input.includeWaitlist) ? ['confirmed', 'waitlisted'] : ['confirmed'];
      return db.transaction().execute(async (trx) => {
        let sent = 0;
        for (const status of statuses) {
          for (const r of await registrationRepository.listByStatus(trx, event.id, status)) {
            if (!r.email) continue;
            await deps.mailer.send(eventMails.message(event, r, subject!, body!, await linkFor(trx, ctx, r)), trx);
            sent += 1;
          }
        }
        await recordActivity(trx, clock, { actorId: actorId(actor), action: 'event.message.sent', subjectType: 'event', subjectId: event.id, diff: { subject, recipients: sent } });
        return sent;
      });
    },

    /** Reminders to confirmed participants of events starting within `days` days (a scheduled job). */
    async sendReminders(): Promise<{ events: number; mails: number }> {
      const now = clock.now();
      const due = await eventRepository.dueForReminder(db, now, new Date(now.getTime() + deps.config.reminderDays * 86_400_000));
      let mails = 0;
      for (const event of due) {
        await db.transaction().execute(async (trx) => {
          const locked = await lockEvent(trx, ctx, event.id);
          if (locked.reminder_sent_at) return;
          const mc: MailContext = mailContext(ctx);
          for (const r of await registrationRepository.listByStatus(trx, event.id, 'confirmed')) {
            if (!r.email) continue;
            await deps.mailer.send(eventMails.reminder(locked, r, await linkFor(trx, ctx, r), mc), trx);
            mails += 1;
          }
          await eventRepository.update(trx, event.id, { reminder_sent_at: now.toISOString() });
        });
      }
      return { events: due.length, mails };
    },

    /** A person's registrations (signed-in: by account or address), for the page and the GDPR export. */
    async forPerson(userId: string, email: string): Promise<{ registration: RegistrationRow; event: EventRow; waitlistPosition: number | null }[]> {
      const rows = await registrationRepository.listForPerson(db, userId, email.toLowerCase());
      const out = [];
      for (const registration of rows) {
        const event = await eventRepository.findById(db, registration.event_id);
        if (event) out.push({ registration, event, waitlistPosition: await position(registration) });
      }
      return out;
    },

    /** A person's registrations by account id (their export; their address counts too). */
    async forUser(userId: string) {
      const email = await registrationRepository.emailOfUser(db, userId);
      return email ? this.forPerson(userId, email) : [];
    },

    /** The signed-in person's own registration, by id (404 when it is not theirs). */
    async ownedBy(actor: Actor, registrationId: string): Promise<RegistrationRow> {
      const row = await registrationRepository.findById(db, registrationId);
      if (!row || actor.kind !== 'user' || !(row.user_id === actor.userId || row.email === actor.email.toLowerCase())) throw new NotFoundError();
      return row;
    },

    async cancelOwn(actor: Actor, registrationId: string): Promise<RegistrationRow> {
      const row = await this.ownedBy(actor, registrationId);
      return cancelRegistration(row.id, actorId(actor));
    },

    position,

    /** The private link's token of a registration (shown after the address is confirmed). */
    tokenOf(registrationId: string): string {
      return manageToken(ctx.linkKey, registrationId);
    },
  };
}

export function accessOf(event: Pick<EventRow, 'organiser_ids'>): { organiserIds: string[] } {
  return { organiserIds: JSON.parse(event.organiser_ids) as string[] };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
