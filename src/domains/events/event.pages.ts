// The workshop pages (Swedish at /…, English at /en/…) and calendar files. Thin: they call the same
// services as the API; organiser pages do not exist (404) for those who may not use them.
import multipart, { type MultipartFile } from '@fastify/multipart';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ConflictError, GoneError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { localeFromPath, translator, type Locale } from '../../platform/i18n/index.js';
import { sendStoredFile } from '../../platform/http/send-file.js';
import { formBody, formFromError, redirectTo, registerPage, registerPageAction } from '../../platform/http/pages.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import type { PageContext } from '../../platform/views/index.js';
import { renderMarkdown, type OrganizationsDomain } from '../organizations/index.js';
import type { CalendarFeeds } from './calendar.feeds.js';
import type { EventsConfig } from './events.deps.js';
import type { EventInput, SeriesEditInput, SeriesInput } from './event.input.js';
import { eventPolicy } from './event.policy.js';
import type { EventService } from './event.service.js';
import { eventFormValues, eventView } from './event.view.js';
import type { EventRow } from './events.table.js';
import type { RegistrationService } from './registration.service.js';
import { EVENT_TIMEZONE, utcToWallTime } from './time.js';
import { EventListPage } from './views/list.js';
import { EventFormPage, RegistrationsPage } from './views/organiser.js';
import { CheckEmailPage, LinkProblemPage, MyRegistrationsPage, PrivacyPage, RegistrationPage } from './views/registration.js';
import { EventPage } from './views/show.js';
import { SeriesEditPage, type OccurrenceLink } from './views/series.js';
import { formatWhen } from './event.mails.js';
import type { SeriesEditResult } from './event.service.js';
import { statusLabels } from './views/shared.js';

interface UploadedFile {
  kind: 'upload';
  data: Buffer;
  filename: string;
  truncated: boolean;
}

async function onFile(part: MultipartFile): Promise<void> {
  const data = await part.toBuffer();
  (part as unknown as { value: UploadedFile }).value = { kind: 'upload', data, filename: part.filename, truncated: part.file.truncated };
}

const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;
const list = (value: string | undefined) => (value === undefined ? undefined : value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean));
const blankToNull = (value: string | undefined) => (value === undefined ? undefined : value.trim() === '' ? null : value);
const toLocal = (iso: string) => utcToWallTime(new Date(iso), EVENT_TIMEZONE);
/** A spreadsheet must not take a participant's text for a formula (CSV injection). */
const cell = (value: string | number) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const calendarLocale = (request: FastifyRequest): Locale => ((request.query as Record<string, unknown>).lang === 'en' ? 'en' : 'sv');

/** Form fields (named as the API's) → event input. Empty optional fields clear them. */
function eventInputOf(form: Record<string, string>): EventInput {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
  return {
    ...(form.slug ? { slug: form.slug } : {}),
    title: { sv: form['title.sv'] ?? '', en: blankToNull(form['title.en']) },
    description: { sv: blankToNull(form['description.sv']), en: blankToNull(form['description.en']) },
    agenda: { sv: blankToNull(form['agenda.sv']), en: blankToNull(form['agenda.en']) },
    startsAt: form.startsAt ?? '',
    endsAt: form.endsAt ?? '',
    place: blankToNull(form.place),
    onlineUrl: blankToNull(form.onlineUrl),
    capacity: num(form.capacity) ?? (form.capacity === undefined ? undefined : (null as unknown as number)),
    organizationQuota: form.organizationQuota === undefined ? undefined : form.organizationQuota.trim() === '' ? null : Number(form.organizationQuota),
    registrationOpensAt: blankToNull(form.registrationOpensAt),
    registrationClosesAt: blankToNull(form.registrationClosesAt),
    topics: list(form.topics),
    datasets: list(form.datasets),
    organizations: list(form.organizations),
    organisers: list(form.organisers),
    ...(form.recordingUrl !== undefined ? { recordingUrl: blankToNull(form.recordingUrl) } : {}),
    ...(form['notes.sv'] !== undefined ? { notes: { sv: blankToNull(form['notes.sv']), en: blankToNull(form['notes.en']) } } : {}),
  };
}

/** A new event with "repeat" ticked becomes a series: its start's date and time, its length. */
function seriesInputOf(form: Record<string, string>, input: EventInput): SeriesInput {
  const start = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec((form.startsAt ?? '').trim());
  const end = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec((form.endsAt ?? '').trim());
  const minutes = start && end ? (Date.parse(`${end[1]}T${end[2]}:00Z`) - Date.parse(`${start[1]}T${start[2]}:00Z`)) / 60_000 : undefined;
  const problems: Record<string, string[]> = {};
  if (!start) problems.startsAt = ['events.validation.time'];
  if (!end || (minutes !== undefined && minutes <= 0)) problems.endsAt = ['events.validation.endsBeforeStart'];
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const { startsAt: _s, endsAt: _e, ...rest } = input;
  return {
    ...rest,
    ...(form.rrule?.trim() ? { rrule: form.rrule } : {}),
    startsOn: start![1],
    startTime: start![2],
    durationMinutes: minutes,
    ...(form.occurrences?.trim() ? { occurrences: Number(form.occurrences) } : {}),
  };
}

/** The series edit form → a series edit (every field given; empty optional fields clear them). */
function seriesEditInputOf(form: Record<string, string>): SeriesEditInput {
  const num = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : Number(v));
  return {
    rrule: form.rrule ?? '',
    startTime: form.startTime ?? '',
    durationMinutes: num(form.durationMinutes) as number | undefined,
    title: { sv: form['title.sv'] ?? '', en: blankToNull(form['title.en']) },
    description: { sv: blankToNull(form['description.sv']), en: blankToNull(form['description.en']) },
    place: blankToNull(form.place),
    onlineUrl: blankToNull(form.onlineUrl),
    capacity: num(form.capacity) as number | undefined,
    organizationQuota: num(form.organizationQuota),
    registrationOpensDaysBefore: num(form.registrationOpensDaysBefore),
    registrationClosesHoursBefore: num(form.registrationClosesHoursBefore),
    topics: list(form.topics),
    organisers: list(form.organisers),
  };
}

export interface EventPagesServices {
  events: EventService;
  registrations: RegistrationService;
  feeds: CalendarFeeds;
  organizations: OrganizationsDomain;
  config: EventsConfig;
}

export function eventPages(services: EventPagesServices) {
  const { events, registrations, feeds, config } = services;
  const view = (row: EventRow, ctx: PageContext, request: FastifyRequest) => eventView(row, ctx.locale, request.actor, new Date(), renderMarkdown);

  async function organizationOptions() {
    const { items } = await services.organizations.organizations.list({ limit: 1000, offset: 0 });
    return items.map((o) => ({ id: o.id, value: o.slug, label: o.name_sv }));
  }

  async function eventPage(request: FastifyRequest, ctx: PageContext, slug: string, form: FormState = emptyForm, problem?: string) {
    const row = await events.get(slug);
    const seats = await events.seatsOf(row);
    let values = form.values;
    const options = await organizationOptions();
    if (form === emptyForm && request.actor.kind === 'user') {
      // A signed-in person's own organisation is chosen for them (the first they belong to).
      const roles = request.actor.roles;
      const own = options.find((o) => o.id in roles);
      values = { name: request.actor.name, email: request.actor.email, ...(own ? { organizationId: own.value } : {}) };
    }
    return EventPage({ ctx, event: view(row, ctx, request), seats, form: { ...form, values }, organizations: options.map(({ value, label }) => ({ value, label })), problem, retentionDays: config.retentionDays });
  }

  async function manageable(request: FastifyRequest): Promise<EventRow> {
    const row = await events.get(slugOf(request));
    if (!eventPolicy.canManage(request.actor, { organiserIds: JSON.parse(row.organiser_ids) as string[] })) throw new NotFoundError();
    return row;
  }

  async function registrationsPage(request: FastifyRequest, ctx: PageContext, forms: { registerForm?: FormState; messageForm?: FormState } = {}) {
    const { event, items } = await registrations.list(request.actor, slugOf(request));
    const stats = await events.stats(request.actor, event.id);
    return RegistrationsPage({
      ctx,
      event: view(event, ctx, request),
      items: items.map((r) => ({ id: r.id, status: r.status, waitlistPosition: r.waitlistPosition, name: r.name ?? '–', email: r.email ?? '–', organization: r.organization_name ?? '', accessibilityNeeds: r.accessibility_needs ?? '', attended: r.attended === null ? null : r.attended === 1 })),
      stats,
      registerForm: forms.registerForm ?? emptyForm,
      messageForm: forms.messageForm ?? emptyForm,
    });
  }

  /** The participant's page behind the private link; a clear page for a bad link. */
  async function registrationPage(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, token: string) {
    try {
      const { registration, event, waitlistPosition } = await registrations.byToken(token);
      const started = new Date(event.starts_at) <= new Date();
      return RegistrationPage({
        ctx,
        event: view(event, ctx, request),
        registration: { id: registration.id, status: registration.status, name: registration.name ?? '', email: registration.email ?? '', organization: registration.organization_name, accessibilityNeeds: registration.accessibility_needs },
        waitlistPosition,
        token,
        onlineUrl: registration.status === 'confirmed' && event.status === 'scheduled' ? event.online_url : null,
        canCancel: !started && event.status === 'scheduled',
      });
    } catch (error) {
      if (error instanceof NotFoundError) {
        reply.code(404);
        return LinkProblemPage({ ctx, kind: 'invalid' });
      }
      throw error;
    }
  }

  function linkProblem(error: unknown, reply: FastifyReply, ctx: PageContext) {
    if (error instanceof NotFoundError) {
      reply.code(404);
      return LinkProblemPage({ ctx, kind: 'invalid' });
    }
    if (error instanceof GoneError) {
      reply.code(410);
      return LinkProblemPage({ ctx, kind: error.code === 'too_late' ? 'tooLate' : 'expired' });
    }
    if (error instanceof ConflictError) {
      reply.code(409);
      return LinkProblemPage({ ctx, kind: 'closed' });
    }
    throw error;
  }

  return async function pages(app: FastifyInstance): Promise<void> {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile,
      throwFileSizeLimit: false,
      limits: { fileSize: config.slidesMaxBytes, files: 1, fields: 10, parts: 12, fieldSize: 10_000 },
    });

    // Calendars: every event, one series (as recurrence), one event ("add to calendar").
    app.get('/events.ics', { schema: { hide: true } }, async (request, reply) => reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="events.ics"').send(await feeds.all(calendarLocale(request))));
    app.get('/events/series/:slug/calendar.ics', { schema: { hide: true } }, async (request, reply) =>
      reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${slugOf(request)}.ics"`).send(await feeds.series(slugOf(request), calendarLocale(request))),
    );
    app.get('/events/:slug/calendar.ics', { schema: { hide: true } }, async (request, reply) => {
      const { slug, ics } = await feeds.event(slugOf(request), calendarLocale(request));
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${slug}.ics"`).send(ics);
    });

    registerPage(app, '/events', async (request, _reply, ctx) => {
      const upcoming = await events.list({ when: 'upcoming', includeCancelled: true, limit: 50, offset: 0 });
      const past = await events.list({ when: 'past', limit: 50, offset: 0 });
      const series = await events.listSeries();
      return EventListPage({
        ctx,
        upcoming: await events.seatsOfAll(upcoming.items).then((seats) => upcoming.items.map((row) => ({ event: view(row, ctx, request), seats: seats.get(row.id)! }))),
        past: past.items.map((row) => view(row, ctx, request)),
        series: series.map((s) => ({ slug: s.slug, title: ctx.locale === 'en' ? (s.title_en ?? s.title_sv) : s.title_sv })),
        canCreate: eventPolicy.canCreate(request.actor),
        signedIn: request.actor.kind === 'user',
      });
    });

    registerPage(app, '/events/privacy', (_request, _reply, ctx) =>
      PrivacyPage({ ctx, controller: config.privacyController, contact: config.privacyContact, retentionDays: config.retentionDays, reminderDays: config.reminderDays }),
    );

    // An anonymous sign-up's confirmation link: a seat (or waitlist place) now, then its page.
    registerPage(app, '/events/confirm', async (request, reply, ctx) => {
      const token = String((request.query as Record<string, unknown>).token ?? '');
      try {
        const { registration } = await registrations.confirm(token);
        return redirectTo(request, reply, `/events/registration?token=${encodeURIComponent(registrations.tokenOf(registration.id))}`, registration.status === 'confirmed' ? 'events.flash.confirmed' : 'events.flash.waitlisted');
      } catch (error) {
        return linkProblem(error, reply, ctx);
      }
    });

    registerPage(
      app,
      '/events/registration',
      (request, reply, ctx) => registrationPage(request, reply, ctx, String((request.query as Record<string, unknown>).token ?? '')),
      { withCsrf: true },
    );

    registerPageAction(app, '/events/registration/cancel', async (request, reply, ctx) => {
      const token = formBody(request).token ?? '';
      try {
        const { registration } = await registrations.cancelByToken(token);
        return redirectTo(request, reply, `/events/registration?token=${encodeURIComponent(token)}`, registration.status === 'cancelled' ? 'events.flash.cancelled' : undefined);
      } catch (error) {
        return linkProblem(error, reply, ctx);
      }
    });

    registerPageAction(app, '/events/registration/erase', async (request, reply, ctx) => {
      const token = formBody(request).token ?? '';
      try {
        await registrations.eraseByToken(token);
        return LinkProblemPage({ ctx, kind: 'erased' });
      } catch (error) {
        return linkProblem(error, reply, ctx);
      }
    });

    app.get('/events/registration/export.json', { schema: { hide: true } }, async (request, reply) => {
      const token = String((request.query as Record<string, unknown>).token ?? '');
      const { registration: r, event } = await registrations.byToken(token);
      const data = { event: { slug: event.slug, title: event.title_sv, startsAt: event.starts_at, endsAt: event.ends_at }, status: r.status, name: r.name, email: r.email, organization: r.organization_name, accessibilityNeeds: r.accessibility_needs, attended: r.attended === null ? null : r.attended === 1, createdAt: r.created_at, confirmedAt: r.confirmed_at, cancelledAt: r.cancelled_at };
      return reply.header('content-disposition', 'attachment; filename="registration.json"').header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    });

    registerPage(app, '/events/my', async (request, _reply, ctx) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new NotFoundError();
      const mine = await registrations.forPerson(actor.userId, actor.email);
      const now = new Date();
      return MyRegistrationsPage({
        ctx,
        items: mine.map(({ registration, event, waitlistPosition }) => ({
          id: registration.id,
          event: view(event, ctx, request),
          status: registration.status,
          waitlistPosition,
          canCancel: registration.status !== 'cancelled' && event.status === 'scheduled' && new Date(event.starts_at) > now,
        })),
      });
    });

    registerPageAction(app, '/events/my/:id/cancel', async (request, reply, ctx) => {
      try {
        await registrations.cancelOwn(request.actor, (request.params as { id: string }).id);
        return redirectTo(request, reply, '/events/my', 'events.flash.cancelled');
      } catch (error) {
        return linkProblem(error, reply, ctx);
      }
    });

    registerPage(
      app,
      '/events/new',
      (request, _reply, ctx) => {
        if (!eventPolicy.canCreate(request.actor)) throw new NotFoundError();
        return EventFormPage({ ctx, form: { values: { capacity: '30', rrule: 'FREQ=MONTHLY;BYDAY=1TU', occurrences: '12' }, errors: {} } });
      },
      { withCsrf: true },
    );

    registerPageAction(app, '/events/new', async (request, reply, ctx) => {
      if (!eventPolicy.canCreate(request.actor)) throw new NotFoundError();
      const form = formBody(request);
      try {
        const input = eventInputOf(form);
        if (form.repeat === 'on') {
          const { events: created } = await events.createSeries(request.actor, seriesInputOf(form, input));
          return redirectTo(request, reply, created[0] ? `/events/${created[0].slug}` : '/events', 'events.flash.created');
        }
        const row = await events.create(request.actor, input);
        return redirectTo(request, reply, `/events/${row.slug}`, 'events.flash.created');
      } catch (error) {
        return EventFormPage({ ctx, form: formFromError(error, request, reply) });
      }
    });

    // A whole series: its rule and defaults (site admins and the series' organisers; 404 for others).
    const occurrenceLink = (ctx: PageContext) => (row: EventRow, registrations?: number): OccurrenceLink => ({
      slug: row.slug,
      when: formatWhen(ctx.locale, row.starts_at, row.ends_at, row.timezone),
      startsAt: row.starts_at,
      ...(registrations !== undefined ? { registrations } : {}),
    });
    async function seriesEditPage(request: FastifyRequest, ctx: PageContext, form?: FormState, result?: SeriesEditResult) {
      const { series, defaults, organiserEmails, attention } = await events.seriesForEditing(request.actor, slugOf(request));
      const link = occurrenceLink(ctx);
      const f = defaults.fields;
      const values: Record<string, string> = {
        rrule: series.rrule,
        startTime: series.start_time,
        durationMinutes: String(series.duration_minutes),
        'title.sv': series.title_sv,
        'title.en': series.title_en ?? '',
        'description.sv': series.description_sv ?? '',
        'description.en': series.description_en ?? '',
        place: f.place ?? '',
        onlineUrl: f.online_url ?? '',
        capacity: f.capacity === undefined ? '' : String(f.capacity),
        organizationQuota: f.organization_quota === undefined || f.organization_quota === null ? '' : String(f.organization_quota),
        registrationOpensDaysBefore: typeof defaults.opensDaysBefore === 'number' ? String(defaults.opensDaysBefore) : '',
        registrationClosesHoursBefore: typeof defaults.closesHoursBefore === 'number' ? String(defaults.closesHoursBefore) : '',
        topics: f.topics ? (JSON.parse(f.topics) as string[]).join(', ') : '',
        organisers: organiserEmails.join(', '),
      };
      return SeriesEditPage({
        ctx,
        series: { slug: series.slug, title: ctx.locale === 'en' ? (series.title_en ?? series.title_sv) : series.title_sv },
        form: form ?? { values, errors: {} },
        attention: attention.map((a) => link(a.event, a.registrations)),
        outcome: result
          ? {
              updated: result.updated.map((e) => link(e)),
              created: result.created.map((e) => link(e)),
              cancelled: result.cancelled.map((e) => link(e)),
              kept: result.kept.map((k) => link(k.event, k.registrations)),
              individual: result.individual.map((e) => link(e)),
            }
          : undefined,
      });
    }

    registerPage(app, '/events/series/:slug/edit', (request, _reply, ctx) => seriesEditPage(request, ctx), { withCsrf: true });

    registerPageAction(app, '/events/series/:slug/edit', async (request, reply, ctx) => {
      const { series } = await events.seriesForEditing(request.actor, slugOf(request));
      try {
        const result = await events.editSeries(request.actor, series.id, seriesEditInputOf(formBody(request)));
        return seriesEditPage(request, ctx, undefined, result);
      } catch (error) {
        return seriesEditPage(request, ctx, formFromError(error, request, reply));
      }
    });

    registerPage(app, '/events/:slug', (request, _reply, ctx) => eventPage(request, ctx, slugOf(request)), { withCsrf: true });

    registerPageAction(app, '/events/:slug/register', async (request, reply, ctx) => {
      const form = formBody(request);
      const locale = localeFromPath(request.url).locale;
      try {
        const outcome = await registrations.register(
          request.actor,
          slugOf(request),
          { name: form.name, email: form.email, organization: form.organizationId || form.organizationName, accessibilityNeeds: form.accessibilityNeeds, acceptPrivacy: form.acceptPrivacy, acceptRecording: form.acceptRecording, locale },
          { requireAcknowledgements: true },
        );
        if (outcome.registration.status === 'pending_confirmation') return CheckEmailPage({ ctx, event: view(outcome.event, ctx, request), email: outcome.registration.email ?? '' });
        return redirectTo(request, reply, `/events/registration?token=${encodeURIComponent(registrations.tokenOf(outcome.registration.id))}`, outcome.registration.status === 'confirmed' ? 'events.flash.confirmed' : 'events.flash.waitlisted');
      } catch (error) {
        if (error instanceof ConflictError && error.details?.event) {
          reply.code(409);
          return eventPage(request, ctx, slugOf(request), { values: form, errors: {} }, translator(locale)(error.details.event[0] as 'events.validation.registrationClosed'));
        }
        const state = formFromError(error, request, reply);
        if (state.errors.organization) state.errors.organizationName = state.errors.organization;
        return eventPage(request, ctx, slugOf(request), state);
      }
    });

    registerPage(
      app,
      '/events/:slug/edit',
      async (request, _reply, ctx) => {
        const row = await manageable(request);
        return EventFormPage({ ctx, event: view(row, ctx, request), form: { values: eventFormValues(row, await events.organiserEmailsOf(row), toLocal), errors: {} } });
      },
      { withCsrf: true },
    );

    registerPageAction(app, '/events/:slug/edit', async (request, reply, ctx) => {
      const row = await manageable(request);
      try {
        const updated = await events.update(request.actor, row.id, eventInputOf(formBody(request)));
        return redirectTo(request, reply, `/events/${updated.slug}`, 'events.flash.saved');
      } catch (error) {
        return EventFormPage({ ctx, event: view(row, ctx, request), form: formFromError(error, request, reply) });
      }
    });

    registerPageAction(app, '/events/:slug/cancel', async (request, reply) => {
      const row = await manageable(request);
      await events.cancel(request.actor, row.id);
      return redirectTo(request, reply, `/events/${row.slug}`, 'events.flash.eventCancelled');
    });

    registerPageAction(app, '/events/:slug/slides', async (request, reply, ctx) => {
      const row = await manageable(request);
      const upload = (request.body as Record<string, unknown> | undefined)?.slides as UploadedFile | undefined;
      try {
        if (!upload || upload.kind !== 'upload' || upload.data.length === 0) throw new ValidationError({ slides: ['validation.required'] });
        if (upload.truncated) throw new ValidationError({ slides: ['validation.fileTooLarge'] }, 'The file is too large.', 'payload_too_large');
        await events.uploadSlides(request.actor, row.id, { source: Readable.from([upload.data]), fileName: upload.filename });
        return redirectTo(request, reply, `/events/${row.slug}`, 'events.flash.slidesUploaded');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        reply.code(error.code === 'payload_too_large' ? 413 : 400);
        return EventFormPage({ ctx, event: view(row, ctx, request), form: { values: eventFormValues(row, await events.organiserEmailsOf(row), toLocal), errors: error.details ?? {} } });
      }
    });

    app.get('/events/:slug/slides', { schema: { hide: true } }, async (request, reply) => {
      const slides = await events.slidesOf(slugOf(request));
      if (!slides) throw new NotFoundError();
      const pdf = slides.name.toLowerCase().endsWith('.pdf');
      return sendStoredFile(request, reply, events.files, { sha256: slides.key, byteSize: slides.byteSize, fileName: slides.name, mediaType: pdf ? 'application/pdf' : 'application/octet-stream', disposition: pdf ? 'inline' : 'attachment' });
    });

    registerPage(app, '/events/:slug/registrations', (request, _reply, ctx) => registrationsPage(request, ctx), { withCsrf: true });

    app.get('/events/:slug/registrations.csv', { schema: { hide: true } }, async (request, reply) => {
      const { event, items } = await registrations.list(request.actor, slugOf(request));
      const t = translator(localeFromPath(request.url).locale);
      const rows = items.map((r) => [r.name ?? '', r.email ?? '', r.organization_name ?? '', r.organization_type ?? '', t(statusLabels[r.status] ?? 'events.status.cancelled'), r.waitlistPosition ?? '', r.attended === null ? '' : r.attended === 1 ? t('events.csv.yes') : t('events.csv.no'), r.accessibility_needs ?? '', r.created_at]);
      const header = [t('events.field.name'), t('events.field.email'), t('events.field.organization'), t('events.csv.organizationType'), t('events.registration.status'), t('events.csv.waitlistPosition'), t('events.registrations.attendance'), t('events.field.accessibilityNeeds'), t('events.csv.registeredAt')];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${event.slug}.csv"`)
        .header('cache-control', 'no-store')
        .send(stringify([header, ...rows.map((r) => r.map(cell))], { bom: true }));
    });

    registerPageAction(app, '/events/:slug/registrations/new', async (request, reply, ctx) => {
      await manageable(request);
      const form = formBody(request);
      try {
        await registrations.register(request.actor, slugOf(request), { name: form.name, email: form.email, organization: form.organization, locale: 'sv' });
        return redirectTo(request, reply, `/events/${slugOf(request)}/registrations`, 'events.flash.registeredSomeone');
      } catch (error) {
        return registrationsPage(request, ctx, { registerForm: formFromError(error, request, reply) });
      }
    });

    registerPageAction(app, '/events/:slug/registrations/:id/attendance', async (request, reply) => {
      const row = await manageable(request);
      await registrations.setAttendance(request.actor, row.id, (request.params as { id: string }).id, formBody(request).attended === 'true');
      return redirectTo(request, reply, `/events/${row.slug}/registrations`, 'events.flash.attendance');
    });

    registerPageAction(app, '/events/:slug/registrations/:id/cancel', async (request, reply) => {
      const row = await manageable(request);
      await registrations.cancelAsOrganiser(request.actor, row.id, (request.params as { id: string }).id);
      return redirectTo(request, reply, `/events/${row.slug}/registrations`, 'events.flash.cancelled');
    });

    registerPageAction(app, '/events/:slug/message', async (request, reply, ctx) => {
      await manageable(request);
      try {
        const form = formBody(request);
        await registrations.messageParticipants(request.actor, slugOf(request), form);
        return redirectTo(request, reply, `/events/${slugOf(request)}/registrations`, 'events.flash.messageSent');
      } catch (error) {
        return registrationsPage(request, ctx, { messageForm: formFromError(error, request, reply) });
      }
    });

  };
}
