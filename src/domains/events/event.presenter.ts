// Rows → API JSON. The online meeting link is left out unless the reader may see it.
import type { Actor } from '../../platform/auth/actor.js';
import { abilitiesFor } from './event.policy.js';
import { registrationWindow } from './event.policy.js';
import type { EventRow, RegistrationRow, SeriesRow } from './events.table.js';
import { accessOf } from './registration.service.js';
import type { SeriesEditResult } from './event.service.js';

const base = (url: string) => url.replace(/\/+$/, '');

export function presentEvent(row: EventRow, baseUrl: string, actor: Actor, now: Date, seats?: { confirmed: number; waitlisted: number; free: number }) {
  const abilities = abilitiesFor(actor, accessOf(row));
  return {
    id: row.id,
    slug: row.slug,
    seriesId: row.series_id,
    status: row.status,
    title: { sv: row.title_sv, en: row.title_en },
    description: { sv: row.description_sv, en: row.description_en },
    agenda: { sv: row.agenda_sv, en: row.agenda_en },
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timezone: row.timezone,
    place: row.place,
    onlineUrl: abilities.seeOnlineLink ? row.online_url : null,
    hasOnlineMeeting: Boolean(row.online_url),
    capacity: row.capacity,
    organizationQuota: row.organization_quota,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    registration: registrationWindow(row, now),
    topics: JSON.parse(row.topics) as string[],
    datasets: JSON.parse(row.dataset_links) as string[],
    organizations: JSON.parse(row.organization_links) as string[],
    organiserIds: abilities.manage ? (JSON.parse(row.organiser_ids) as string[]) : [],
    sequence: row.sequence,
    seats: seats ?? null,
    material: {
      slidesUrl: row.slides_key ? `${base(baseUrl)}/events/${row.slug}/slides` : null,
      recordingUrl: row.recording_url,
      notes: { sv: row.notes_sv, en: row.notes_en },
    },
    url: `${base(baseUrl)}/events/${row.slug}`,
    calendarUrl: `${base(baseUrl)}/events/${row.slug}/calendar.ics`,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type EventJson = ReturnType<typeof presentEvent>;

export function presentSeries(row: SeriesRow, baseUrl: string, events: EventRow[]) {
  return {
    id: row.id,
    slug: row.slug,
    title: { sv: row.title_sv, en: row.title_en },
    description: { sv: row.description_sv, en: row.description_en },
    rrule: row.rrule,
    timezone: row.timezone,
    startsOn: row.starts_on,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    calendarUrl: `${base(baseUrl)}/events/series/${row.slug}/calendar.ics`,
    occurrences: events.map((e) => ({ id: e.id, slug: e.slug, status: e.status, startsAt: e.starts_at, endsAt: e.ends_at, occurrence: e.occurrence_key })),
  };
}

const occurrenceRef = (e: EventRow) => ({ id: e.id, slug: e.slug, status: e.status, startsAt: e.starts_at, endsAt: e.ends_at, occurrence: e.occurrence_key });

/** What a series edit did (PATCH /api/v1/events/series/{idOrSlug}). */
export function presentSeriesEdit(result: SeriesEditResult, baseUrl: string, events: EventRow[]) {
  return {
    series: presentSeries(result.series, baseUrl, events),
    updated: result.updated.map(occurrenceRef),
    created: result.created.map(occurrenceRef),
    cancelled: result.cancelled.map(occurrenceRef),
    keptWithRegistrations: result.kept.map(({ event, registrations }) => ({ ...occurrenceRef(event), registrations })),
    changedIndividually: result.individual.map(occurrenceRef),
  };
}

export function presentRegistration(row: RegistrationRow, waitlistPosition: number | null) {
  return { id: row.id, status: row.status, waitlistPosition };
}

export function presentRegistrationForOrganiser(row: RegistrationRow, waitlistPosition: number | null) {
  return {
    id: row.id,
    status: row.status,
    waitlistPosition,
    name: row.name,
    email: row.email,
    organization: row.organization_name,
    organizationId: row.organization_id,
    organizationType: row.organization_type,
    accessibilityNeeds: row.accessibility_needs,
    attended: row.attended === null ? null : row.attended === 1,
    createdAt: row.created_at,
  };
}
