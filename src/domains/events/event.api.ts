// /api/v1/events: workshops, their series and registrations. Thin: routes call services and
// presenters. Writes need a bearer token except a sign-up, which anyone may send (anonymous
// sign-ups confirm their address by e-mail before they take a seat).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pageLinks } from '../../platform/http/page-links.js';
import type { EventInput, SeriesEditInput, SeriesInput } from './event.input.js';
import { presentEvent, presentRegistration, presentRegistrationForOrganiser, presentSeries, presentSeriesEdit } from './event.presenter.js';
import {
  AttendanceBody,
  CreateEventBody,
  CreateSeriesBody,
  EventListQuery,
  EventListSchema,
  EventParams,
  EventSchema,
  OrganiserRegistrationSchema,
  RegistrationBody,
  RegistrationListSchema,
  RegistrationParams,
  RegistrationSchema,
  SeriesEditResultSchema,
  SeriesSchema,
  StatsSchema,
  UpdateEventBody,
  UpdateSeriesBody,
} from './event.schemas.js';
import type { EventService } from './event.service.js';
import type { CalendarFeeds } from './calendar.feeds.js';
import type { RegistrationService } from './registration.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['events'];

export function eventApi(services: { events: EventService; registrations: RegistrationService; feeds: CalendarFeeds; baseUrl: string }) {
  const { events, registrations, baseUrl } = services;
  const root = baseUrl.replace(/\/+$/, '');

  return async function routes(instance: FastifyInstance): Promise<void> {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    const present = async (row: Awaited<ReturnType<EventService['get']>>, actor: Parameters<typeof presentEvent>[2]) => presentEvent(row, baseUrl, actor, new Date(), await events.seatsOf(row));

    app.get(
      '/api/v1/events',
      { schema: { summary: 'List events: upcoming (default), past or all; optionally one series', tags, querystring: EventListQuery, response: { 200: EventListSchema } } },
      async (request, reply) => {
        const { limit, offset, when, series } = request.query;
        const seriesId = series ? (await events.getSeries(series)).series.id : undefined;
        const { items, total } = await events.list({ when: when as 'upcoming' | 'past' | 'all', seriesId, limit, offset });
        reply.header('link', pageLinks(baseUrl, request, { limit, offset, total }));
        const seats = await events.seatsOfAll(items);
        return { total, items: items.map((row) => presentEvent(row, baseUrl, request.actor, new Date(), seats.get(row.id))) };
      },
    );

    app.get(
      '/api/v1/events/:idOrSlug',
      { schema: { summary: 'One event, by id or slug, with its free seats', tags, params: EventParams, response: { 200: EventSchema } } },
      async (request) => present(await events.get(request.params.idOrSlug), request.actor),
    );

    app.post(
      '/api/v1/events',
      { schema: { summary: 'Create an event (site admins)', tags, security, body: CreateEventBody, response: { 201: EventSchema } } },
      async (request, reply) => {
        const row = await events.create(request.actor, request.body as EventInput);
        return reply.code(201).header('location', `${root}/api/v1/events/${row.slug}`).send(await present(row, request.actor));
      },
    );

    app.patch(
      '/api/v1/events/:idOrSlug',
      {
        schema: {
          summary: 'Change, move or re-size an event (organisers); participants get an updated invitation when time or place changes, and a capacity raise promotes the waitlist',
          tags,
          security,
          params: EventParams,
          body: UpdateEventBody,
          response: { 200: EventSchema },
        },
      },
      async (request) => present(await events.update(request.actor, request.params.idOrSlug, request.body as EventInput), request.actor),
    );

    app.post(
      '/api/v1/events/:idOrSlug/cancel',
      { schema: { summary: 'Cancel an event (organisers); participants are told with a cancelling invitation', tags, security, params: EventParams, response: { 200: EventSchema } } },
      async (request) => present(await events.cancel(request.actor, request.params.idOrSlug), request.actor),
    );

    app.post(
      '/api/v1/event-series',
      { schema: { summary: 'Create a series of events from a recurrence rule (site admins); its occurrences are created as events', tags, security, body: CreateSeriesBody, response: { 201: SeriesSchema } } },
      async (request, reply) => {
        const { series, events: created } = await events.createSeries(request.actor, request.body as SeriesInput);
        return reply.code(201).header('location', `${root}/api/v1/event-series/${series.slug}`).send(presentSeries(series, baseUrl, created));
      },
    );

    app.get(
      '/api/v1/event-series/:idOrSlug',
      { schema: { summary: 'One series with its occurrences', tags, params: EventParams, response: { 200: SeriesSchema } } },
      async (request) => {
        const { series, events: occurrences } = await events.getSeries(request.params.idOrSlug);
        return presentSeries(series, baseUrl, occurrences);
      },
    );

    app.patch(
      '/api/v1/events/series/:idOrSlug',
      {
        schema: {
          summary:
            'Change a whole series (site admins and its organisers): its rule and its defaults. Future occurrences not changed on their own follow, participants get the change mail; dates the rule no longer gives are cancelled when nobody is registered, otherwise kept and listed; new dates are created; past ones never change',
          tags,
          security,
          params: EventParams,
          body: UpdateSeriesBody,
          response: { 200: SeriesEditResultSchema },
        },
      },
      async (request) => {
        const result = await events.editSeries(request.actor, request.params.idOrSlug, request.body as SeriesEditInput);
        const { events: occurrences } = await events.getSeries(result.series.id);
        return presentSeriesEdit(result, baseUrl, occurrences);
      },
    );

    app.post(
      '/api/v1/events/:idOrSlug/registrations',
      {
        schema: {
          summary:
            'Register for an event. An organiser (for anyone) or a signed-in user (for themselves) takes a seat at once: status confirmed, or waitlisted with its position; anyone else gets pending_confirmation and an e-mail to confirm the address first',
          tags,
          params: EventParams,
          body: RegistrationBody,
          response: { 201: RegistrationSchema },
        },
      },
      async (request, reply) => {
        const outcome = await registrations.register(request.actor, request.params.idOrSlug, request.body);
        return reply.code(201).send(presentRegistration(outcome.registration, outcome.waitlistPosition));
      },
    );

    app.get(
      '/api/v1/events/:idOrSlug/registrations',
      { schema: { summary: 'Registrations and waitlist in arrival order (organisers)', tags, security, params: EventParams, response: { 200: RegistrationListSchema } } },
      async (request) => {
        const { items } = await registrations.list(request.actor, request.params.idOrSlug);
        return { total: items.length, items: items.map((r) => presentRegistrationForOrganiser(r, r.waitlistPosition)) };
      },
    );

    app.delete(
      '/api/v1/events/:idOrSlug/registrations/:registrationId',
      { schema: { summary: 'Cancel a registration (organisers); the first waitlisted person is promoted', tags, security, params: RegistrationParams } },
      async (request, reply) => {
        await registrations.cancelAsOrganiser(request.actor, request.params.idOrSlug, request.params.registrationId);
        return reply.code(204).send();
      },
    );

    app.put(
      '/api/v1/events/:idOrSlug/registrations/:registrationId/attendance',
      { schema: { summary: 'Mark attendance (organisers)', tags, security, params: RegistrationParams, body: AttendanceBody, response: { 200: OrganiserRegistrationSchema } } },
      async (request) => {
        const row = await registrations.setAttendance(request.actor, request.params.idOrSlug, request.params.registrationId, request.body.attended);
        return presentRegistrationForOrganiser(row, null);
      },
    );

    app.get(
      '/api/v1/events/:idOrSlug/stats',
      { schema: { summary: 'Statistics: registered, attended, no-shows, organisations and their types (organisers)', tags, security, params: EventParams, response: { 200: StatsSchema } } },
      async (request) => events.stats(request.actor, request.params.idOrSlug),
    );
  };
}
