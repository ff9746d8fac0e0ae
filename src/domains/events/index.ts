// The events domain's public surface: workshops — series, occurrences, registrations, waitlist,
// e-mails and calendars.
import { eventApi } from './event.api.js';
import { eventPages } from './event.pages.js';
import { createEventService } from './event.service.js';
import type { EventsDeps } from './events.deps.js';
import { createRegistrationService } from './registration.service.js';
import { seedDemoEvents } from './event.demo.js';
import { createCalendarFeeds } from './calendar.feeds.js';

export type { EventsDeps, EventsConfig } from './events.deps.js';
export type { EventsTables } from './events.table.js';
export type { EventService } from './event.service.js';
export type { RegistrationService } from './registration.service.js';
export { eventPolicy } from './event.policy.js';

export const EVENT_REMINDERS_JOB = 'events.send-reminders';
export const EVENT_ANONYMISE_JOB = 'events.anonymise';
export const EVENT_REMINDERS_CRON = '15 * * * *';
export const EVENT_ANONYMISE_CRON = '30 4 * * *';
export const EVENT_EXTEND_SERIES_JOB = 'events.extend-series';
export const EVENT_EXTEND_SERIES_CRON = '10 4 * * *';

export function createEventsDomain(deps: EventsDeps & { linkKey: string }) {
  const ctx = { deps, linkKey: deps.linkKey };
  const events = createEventService(ctx);
  const registrations = createRegistrationService(ctx);
  const feeds = createCalendarFeeds(deps, events);
  return {
    events,
    registrations,
    /** The API routes (a Fastify plugin). */
    api: eventApi({ events, registrations, feeds, baseUrl: deps.config.baseUrl }),
    /** The pages and calendar files (a Fastify plugin). */
    pages: eventPages({ events, registrations, feeds, organizations: deps.organizations, config: deps.config }),
    /** Scheduled: reminders N days before (hourly), anonymisation after the retention period (nightly). */
    async sendReminders() {
      return deps.config.reminderDays > 0 ? registrations.sendReminders() : { events: 0, mails: 0 };
    },
    anonymiseExpired: () => events.anonymiseExpired(),
    /** Scheduled (nightly): every series planned a year ahead. */
    extendSeries: async () => ({ created: await events.extendSeries() }),
    /** A person's registrations, for their personal-data export. */
    async exportFor(userId: string) {
      return (await registrations.forUser(userId)).map(({ registration: r, event, waitlistPosition }) => ({
        event: { id: event.id, slug: event.slug, title: event.title_sv, startsAt: event.starts_at },
        status: r.status,
        waitlistPosition,
        name: r.name,
        email: r.email,
        organization: r.organization_name,
        accessibilityNeeds: r.accessibility_needs,
        attended: r.attended === null ? null : r.attended === 1,
        createdAt: r.created_at,
        cancelledAt: r.cancelled_at,
      }));
    },
    seedDemo: () => seedDemoEvents(events, deps.clock),
  };
}

export type EventsDomain = ReturnType<typeof createEventsDomain>;
