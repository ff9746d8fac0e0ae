// Kysely types of the events domain's tables (migration 2026-11-29-0008). JSON columns hold text.
import type { OrganizationsTables } from '../organizations/index.js';

export const registrationStatuses = ['pending_confirmation', 'confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export type EventStatus = 'scheduled' | 'cancelled';

export interface EventSeriesTable {
  id: string;
  slug: string;
  title_sv: string;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  rrule: string;
  timezone: string;
  /** First local date (YYYY-MM-DD) and local start time (HH:MM). */
  starts_on: string;
  start_time: string;
  duration_minutes: number;
  /** JSON: what each new occurrence starts with (capacity, place, organisers, …). */
  defaults: string;
  created_at: string;
  updated_at: string;
}

export interface EventTable {
  id: string;
  slug: string;
  series_id: string | null;
  occurrence_key: string | null;
  status: EventStatus;
  title_sv: string;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  agenda_sv: string | null;
  agenda_en: string | null;
  starts_at: string;
  ends_at: string;
  timezone: string;
  place: string | null;
  online_url: string | null;
  capacity: number;
  organization_quota: number | null;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  /** JSON arrays of strings. */
  topics: string;
  dataset_links: string;
  organization_links: string;
  organiser_ids: string;
  sequence: number;
  arrivals: number;
  slides_key: string | null;
  slides_name: string | null;
  recording_url: string | null;
  notes_sv: string | null;
  notes_en: string | null;
  reminder_sent_at: string | null;
  anonymised_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventRegistrationTable {
  id: string;
  event_id: string;
  status: RegistrationStatus;
  /** Arrival order on the event (1, 2, …): the waitlist's order. */
  arrival: number;
  name: string | null;
  email: string | null;
  user_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  organization_type: string | null;
  accessibility_needs: string | null;
  locale: string;
  token_hash: string;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  attended: number | null;
  registered_by: string | null;
  confirmed_at: string | null;
  cancelled_at: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventPrivacyRunTable {
  id: string;
  ran_at: string;
  cutoff: string;
  events: number;
  registrations: number;
}

export interface EventsTables extends OrganizationsTables {
  event_series: EventSeriesTable;
  event: EventTable;
  event_registration: EventRegistrationTable;
  event_privacy_run: EventPrivacyRunTable;
}

export type EventRow = EventTable;
export type SeriesRow = EventSeriesTable;
export type RegistrationRow = EventRegistrationTable;
