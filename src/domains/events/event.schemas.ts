// TypeBox schemas of the events API: they validate input (unknown fields are a 400 naming the
// field), filter output and describe the API in OpenAPI.
import { Type, type TSchema } from 'typebox';
import { LIMITS } from './event.input.js';
import { registrationStatuses } from './events.table.js';

const nullable = (maxLength: number, description?: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, ...(description ? { description } : {}) } as TSchema);
const nullableOut = () => Type.Union([Type.String(), Type.Null()]);
const lang = (max: number, description?: string) =>
  Type.Object({ sv: Type.Optional(nullable(max, description)), en: Type.Optional(nullable(max, description)) }, { additionalProperties: false });
const langOut = () => Type.Object({ sv: nullableOut(), en: nullableOut() });
const time = (description: string) => Type.String({ maxLength: 40, description });
const nullableTime = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 40, description } as TSchema);
const strings = (description: string) => Type.Array(Type.String({ maxLength: LIMITS.url }), { maxItems: LIMITS.list, description });

const eventFields = {
  slug: Type.String({ maxLength: LIMITS.slug, description: 'a–z, 0–9 and hyphens; made from the title and date when left out' }),
  description: lang(LIMITS.text, 'Markdown'),
  agenda: lang(LIMITS.text, 'Markdown'),
  startsAt: time('ISO 8601 with offset (2026-12-01T12:00:00Z) or local Stockholm time (2026-12-01T13:00)'),
  endsAt: time('As startsAt; after it'),
  place: nullable(LIMITS.place, 'Address or room'),
  onlineUrl: nullable(LIMITS.url, 'Meeting link; shown only to confirmed participants and organisers'),
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  organizationQuota: Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()], { description: 'At most this many seats per organisation' }),
  registrationOpensAt: nullableTime('When sign-up opens (default: now)'),
  registrationClosesAt: nullableTime('When sign-up closes (default: the start)'),
  topics: strings('Topics (keywords)'),
  datasets: strings('Related datasets: slugs or URLs'),
  organizations: strings('Related organisations: slugs'),
  organisers: Type.Array(Type.String({ maxLength: LIMITS.email }), { maxItems: LIMITS.list, description: 'E-mail addresses of the accounts that organise the event (default: the creator)' }),
  recordingUrl: nullable(LIMITS.url, 'Recording after the meeting (say whether it is captioned in the notes)'),
  notes: lang(LIMITS.text, 'Notes after the meeting (Markdown)'),
};

export const CreateEventBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, Type.Optional(v)])),
    title: Type.Object({ sv: Type.String({ maxLength: LIMITS.title }), en: Type.Optional(nullable(LIMITS.title)) }, { additionalProperties: false }),
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    capacity: eventFields.capacity,
  },
  { additionalProperties: false },
);

export const UpdateEventBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, Type.Optional(v)])),
    title: Type.Optional(Type.Object({ sv: Type.Optional(Type.String({ maxLength: LIMITS.title })), en: Type.Optional(nullable(LIMITS.title)) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const CreateSeriesBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(eventFields).filter(([k]) => k !== 'startsAt' && k !== 'endsAt').map(([k, v]) => [k, Type.Optional(v)])),
    title: Type.Object({ sv: Type.String({ maxLength: LIMITS.title }), en: Type.Optional(nullable(LIMITS.title)) }, { additionalProperties: false }),
    capacity: eventFields.capacity,
    rrule: Type.Optional(Type.String({ maxLength: 500, description: 'RFC 5545 RRULE in Europe/Stockholm wall time; default FREQ=MONTHLY;BYDAY=1TU (first Tuesday each month)' })),
    startsOn: Type.String({ maxLength: 10, description: 'First local date, YYYY-MM-DD' }),
    startTime: Type.Optional(Type.String({ maxLength: 5, description: 'Local start time, HH:MM (default 13:00)' })),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440, description: 'Default 120' })),
    occurrences: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'How many occurrences to create (default 12)' })),
  },
  { additionalProperties: false },
);

const Seats = Type.Union([Type.Object({ confirmed: Type.Integer(), waitlisted: Type.Integer(), free: Type.Integer() }), Type.Null()]);

export const EventSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  seriesId: nullableOut(),
  status: Type.Enum(['scheduled', 'cancelled']),
  title: langOut(),
  description: langOut(),
  agenda: langOut(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  timezone: Type.String(),
  place: nullableOut(),
  onlineUrl: Type.Union([Type.String(), Type.Null()], { description: 'Only for organisers; participants get it by e-mail' }),
  hasOnlineMeeting: Type.Boolean(),
  capacity: Type.Integer(),
  organizationQuota: Type.Union([Type.Integer(), Type.Null()]),
  registrationOpensAt: nullableOut(),
  registrationClosesAt: nullableOut(),
  registration: Type.Enum(['open', 'not_yet_open', 'closed', 'cancelled']),
  topics: Type.Array(Type.String()),
  datasets: Type.Array(Type.String()),
  organizations: Type.Array(Type.String()),
  organiserIds: Type.Array(Type.String()),
  sequence: Type.Integer(),
  seats: Seats,
  material: Type.Object({ slidesUrl: nullableOut(), recordingUrl: nullableOut(), notes: langOut() }),
  url: Type.String(),
  calendarUrl: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EventListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(EventSchema) });

export const SeriesSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: langOut(),
  description: langOut(),
  rrule: Type.String(),
  timezone: Type.String(),
  startsOn: Type.String(),
  startTime: Type.String(),
  durationMinutes: Type.Integer(),
  calendarUrl: Type.String(),
  occurrences: Type.Array(Type.Object({ id: Type.String(), slug: Type.String(), status: Type.String(), startsAt: Type.String(), endsAt: Type.String(), occurrence: nullableOut() })),
});

export const RegistrationBody = Type.Object(
  {
    name: Type.String({ maxLength: LIMITS.name }),
    email: Type.String({ maxLength: LIMITS.email }),
    organization: Type.Optional(Type.String({ maxLength: LIMITS.organization, description: "An organisation's id or slug from /api/v1/organizations, or its name as free text" })),
    accessibilityNeeds: Type.Optional(Type.String({ maxLength: LIMITS.needs })),
    locale: Type.Optional(Type.Enum(['sv', 'en'], { description: 'Language of the e-mails (default sv)' })),
  },
  { additionalProperties: false },
);

export const RegistrationSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum([...registrationStatuses]),
  waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
});

export const OrganiserRegistrationSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum([...registrationStatuses]),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  name: nullableOut(),
  email: nullableOut(),
  organization: nullableOut(),
  organizationId: nullableOut(),
  organizationType: nullableOut(),
  accessibilityNeeds: nullableOut(),
  attended: Type.Union([Type.Boolean(), Type.Null()]),
  createdAt: Type.String(),
});

export const RegistrationListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(OrganiserRegistrationSchema) });

export const AttendanceBody = Type.Object({ attended: Type.Boolean() }, { additionalProperties: false });

export const StatsSchema = Type.Object({
  registered: Type.Integer(),
  waitlisted: Type.Integer(),
  attended: Type.Integer(),
  noShows: Type.Integer(),
  cancelled: Type.Integer(),
  organizations: Type.Integer(),
  organizationTypes: Type.Record(Type.String(), Type.Integer()),
  organizationNames: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
});

export const EventParams = Type.Object({ idOrSlug: Type.String({ maxLength: 100 }) });
export const RegistrationParams = Type.Object({ idOrSlug: Type.String({ maxLength: 100 }), registrationId: Type.String({ maxLength: 100 }) });

export const EventListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  when: Type.Enum(['upcoming', 'past', 'all'], { default: 'upcoming' }),
  series: Type.Optional(Type.String({ maxLength: 100, description: 'Only the occurrences of this series (id or slug)' })),
});

export const UpdateSeriesBody = Type.Object(
  {
    rrule: Type.Optional(Type.String({ maxLength: 500, description: 'New RFC 5545 RRULE in Europe/Stockholm wall time (e.g. FREQ=MONTHLY;BYDAY=2WE); applies from today' })),
    startTime: Type.Optional(Type.String({ maxLength: 5, description: 'New local start time, HH:MM' })),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440 })),
    title: Type.Optional(Type.Object({ sv: Type.Optional(Type.String({ maxLength: LIMITS.title })), en: Type.Optional(nullable(LIMITS.title)) }, { additionalProperties: false })),
    description: Type.Optional(eventFields.description),
    place: Type.Optional(eventFields.place),
    onlineUrl: Type.Optional(eventFields.onlineUrl),
    capacity: Type.Optional(eventFields.capacity),
    organizationQuota: Type.Optional(eventFields.organizationQuota),
    registrationOpensDaysBefore: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 365 }), Type.Null()], { description: 'Registration opens this many days before each occurrence (null: at once)' })),
    registrationClosesHoursBefore: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1440 }), Type.Null()], { description: 'Registration closes this many hours before each occurrence (null: at its start)' })),
    topics: Type.Optional(eventFields.topics),
    organisers: Type.Optional(eventFields.organisers),
  },
  { additionalProperties: false },
);

const OccurrenceRef = Type.Object({ id: Type.String(), slug: Type.String(), status: Type.String(), startsAt: Type.String(), endsAt: Type.String(), occurrence: nullableOut() });

export const SeriesEditResultSchema = Type.Object({
  series: SeriesSchema,
  updated: Type.Array(OccurrenceRef, { description: 'Future occurrences not changed on their own, brought in line (participants got the change mail where time, place or link changed)' }),
  created: Type.Array(OccurrenceRef, { description: 'New dates the rule gives' }),
  cancelled: Type.Array(OccurrenceRef, { description: 'Dates the rule no longer gives, without registrations' }),
  keptWithRegistrations: Type.Array(Type.Intersect([OccurrenceRef, Type.Object({ registrations: Type.Integer() })]), { description: 'Dates the rule no longer gives that have registrations: move or cancel them yourself' }),
  changedIndividually: Type.Array(OccurrenceRef, { description: 'Future occurrences changed on their own: left as they are' }),
});
