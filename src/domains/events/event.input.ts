// Event and series input (API JSON and forms alike) → validated column values. Every problem is
// collected (FieldProblems) so the caller sees all of them at once.
import { FieldProblems, clean, isHttpUrl } from '../../platform/validation.js';
import { checkRrule, DEFAULT_RRULE, EVENT_TIMEZONE, isLocalDateTime, wallTimeToUtc } from './time.js';

export const LIMITS = { title: 200, text: 20_000, place: 500, url: 2000, slug: 80, topic: 60, list: 30, name: 200, email: 254, organization: 200, needs: 1000, message: 10_000, subject: 200 };

export type Lang = { sv?: string | null | undefined; en?: string | null | undefined };

export interface EventInput {
  slug?: string | undefined;
  title?: Lang | undefined;
  description?: Lang | undefined;
  agenda?: Lang | undefined;
  /** ISO 8601 with an offset (2026-12-01T13:00:00Z), or local Stockholm time (2026-12-01T14:00). */
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  capacity?: number | undefined;
  organizationQuota?: number | null | undefined;
  registrationOpensAt?: string | null | undefined;
  registrationClosesAt?: string | null | undefined;
  topics?: string[] | undefined;
  datasets?: string[] | undefined;
  organizations?: string[] | undefined;
  /** E-mail addresses of the accounts that organise the event. */
  organisers?: string[] | undefined;
  recordingUrl?: string | null | undefined;
  notes?: Lang | undefined;
}

export interface SeriesInput extends EventInput {
  rrule?: string | undefined;
  /** First local date (YYYY-MM-DD). */
  startsOn?: string | undefined;
  /** Local start time (HH:MM), Europe/Stockholm. */
  startTime?: string | undefined;
  durationMinutes?: number | undefined;
  /** How many occurrences to create now (default 12). */
  occurrences?: number | undefined;
}

/** Event columns an input sets (undefined: not given, null: cleared). */
export interface EventChanges {
  slug?: string;
  title_sv?: string;
  title_en?: string | null;
  description_sv?: string | null;
  description_en?: string | null;
  agenda_sv?: string | null;
  agenda_en?: string | null;
  starts_at?: string;
  ends_at?: string;
  place?: string | null;
  online_url?: string | null;
  capacity?: number;
  organization_quota?: number | null;
  registration_opens_at?: string | null;
  registration_closes_at?: string | null;
  topics?: string;
  dataset_links?: string;
  organization_links?: string;
  organiserEmails?: string[];
  recording_url?: string | null;
  notes_sv?: string | null;
  notes_en?: string | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Paths under /events that a slug may not take. */
export const RESERVED_EVENT_SLUGS = new Set(['new', 'series', 'registration', 'confirm', 'privacy', 'my', 'registrations', 'en']);
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug - 12)
    .replace(/-+$/, '');
}

export function isValidEventSlug(slug: string): boolean {
  return slug.length >= 2 && slug.length <= LIMITS.slug && SLUG.test(slug) && !RESERVED_EVENT_SLUGS.has(slug);
}

/** A time as the API or a form gives it → ISO UTC; undefined when it is not one. */
export function parseTime(value: string): string | undefined {
  const v = value.trim();
  if (isLocalDateTime(v)) return wallTimeToUtc(v, EVENT_TIMEZONE).toISOString();
  if (OFFSET_TIME.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return undefined;
}

function text(problems: FieldProblems, field: string, value: unknown, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') {
    problems.add(field, 'validation.required');
    return undefined;
  }
  const v = clean(value) ?? null;
  if (v && v.length > max) problems.add(field, 'validation.tooLong');
  return v;
}

function list(problems: FieldProblems, field: string, value: unknown, check?: (item: string) => boolean): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.add(field, 'validation.invalidChoice');
    return undefined;
  }
  const items = [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== ''))];
  if (items.length > LIMITS.list) problems.add(field, 'validation.tooLong');
  if (items.some((i) => i.length > LIMITS.url || (check && !check(i)))) problems.add(field, 'validation.invalidChoice');
  return items;
}

function time(problems: FieldProblems, field: string, value: unknown, nullable: boolean): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    if (!nullable) problems.add(field, 'validation.required');
    return null;
  }
  const parsed = typeof value === 'string' ? parseTime(value) : undefined;
  if (!parsed) problems.add(field, 'events.validation.time');
  return parsed;
}

function integer(problems: FieldProblems, field: string, value: unknown, min: number, max: number, nullable: boolean): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') {
    if (!nullable) problems.add(field, 'validation.required');
    return null;
  }
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    problems.add(field, 'events.validation.number');
    return undefined;
  }
  return n;
}

/**
 * Validates an event input. `create`: title.sv, startsAt, endsAt and capacity are required.
 * `current` (for updates) supplies the times the new ones are checked against.
 */
export function validateEventInput(input: EventInput, mode: 'create' | 'update', current?: { starts_at: string; ends_at: string }, problems = new FieldProblems()): EventChanges {
  const out: EventChanges = {};
  const set = <K extends keyof EventChanges>(key: K, value: EventChanges[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  if (input.slug !== undefined) {
    const slug = typeof input.slug === 'string' ? input.slug.trim().toLowerCase() : '';
    if (!isValidEventSlug(slug)) problems.add('slug', 'validation.slug');
    else out.slug = slug;
  }
  const titleSv = text(problems, 'title.sv', input.title?.sv, LIMITS.title);
  if (mode === 'create' && !titleSv) problems.add('title.sv', 'validation.required');
  else if (input.title?.sv !== undefined && !titleSv) problems.add('title.sv', 'validation.required');
  if (titleSv) out.title_sv = titleSv;
  set('title_en', text(problems, 'title.en', input.title?.en, LIMITS.title));
  set('description_sv', text(problems, 'description.sv', input.description?.sv, LIMITS.text));
  set('description_en', text(problems, 'description.en', input.description?.en, LIMITS.text));
  set('agenda_sv', text(problems, 'agenda.sv', input.agenda?.sv, LIMITS.text));
  set('agenda_en', text(problems, 'agenda.en', input.agenda?.en, LIMITS.text));
  set('notes_sv', text(problems, 'notes.sv', input.notes?.sv, LIMITS.text));
  set('notes_en', text(problems, 'notes.en', input.notes?.en, LIMITS.text));
  set('place', text(problems, 'place', input.place, LIMITS.place));
  const onlineUrl = text(problems, 'onlineUrl', input.onlineUrl, LIMITS.url);
  if (onlineUrl && !isHttpUrl(onlineUrl)) problems.add('onlineUrl', 'validation.url');
  set('online_url', onlineUrl);
  const recordingUrl = text(problems, 'recordingUrl', input.recordingUrl, LIMITS.url);
  if (recordingUrl && !isHttpUrl(recordingUrl)) problems.add('recordingUrl', 'validation.url');
  set('recording_url', recordingUrl);

  const startsAt = time(problems, 'startsAt', input.startsAt, false);
  const endsAt = time(problems, 'endsAt', input.endsAt, false);
  if (mode === 'create' && input.startsAt === undefined) problems.add('startsAt', 'validation.required');
  if (mode === 'create' && input.endsAt === undefined) problems.add('endsAt', 'validation.required');
  if (startsAt) out.starts_at = startsAt;
  if (endsAt) out.ends_at = endsAt;
  const start = out.starts_at ?? current?.starts_at;
  const end = out.ends_at ?? current?.ends_at;
  if (start && end && new Date(end) <= new Date(start)) problems.add('endsAt', 'events.validation.endsBeforeStart');

  const capacity = integer(problems, 'capacity', input.capacity, 1, 100_000, false);
  if (mode === 'create' && input.capacity === undefined) problems.add('capacity', 'validation.required');
  if (typeof capacity === 'number') out.capacity = capacity;
  set('organization_quota', integer(problems, 'organizationQuota', input.organizationQuota, 1, 100_000, true));
  set('registration_opens_at', time(problems, 'registrationOpensAt', input.registrationOpensAt, true));
  set('registration_closes_at', time(problems, 'registrationClosesAt', input.registrationClosesAt, true));
  const opens = out.registration_opens_at;
  const closes = out.registration_closes_at;
  if (opens && closes && new Date(closes) <= new Date(opens)) problems.add('registrationClosesAt', 'events.validation.closesBeforeOpens');

  const topics = list(problems, 'topics', input.topics, (t) => t.length <= LIMITS.topic);
  if (topics) out.topics = JSON.stringify(topics);
  const datasets = list(problems, 'datasets', input.datasets, (d) => SLUG.test(d) || isHttpUrl(d));
  if (datasets) out.dataset_links = JSON.stringify(datasets);
  const organizations = list(problems, 'organizations', input.organizations, (o) => SLUG.test(o));
  if (organizations) out.organization_links = JSON.stringify(organizations);
  const organisers = list(problems, 'organisers', input.organisers);
  if (organisers) out.organiserEmails = organisers.map((e) => e.toLowerCase());
  problems.throwIfAny();
  return out;
}

export interface SeriesChanges {
  rrule: string;
  startsOn: string;
  startTime: string;
  durationMinutes: number;
  occurrences: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The series' own fields; the event fields are its occurrences' defaults (validated as an event). */
export function validateSeriesInput(input: SeriesInput): { series: SeriesChanges; defaults: EventChanges } {
  const problems = new FieldProblems();
  let rrule = DEFAULT_RRULE;
  if (input.rrule !== undefined) {
    try {
      rrule = checkRrule(String(input.rrule));
    } catch {
      problems.add('rrule', 'events.validation.rrule');
    }
  }
  const startsOn = typeof input.startsOn === 'string' ? input.startsOn.trim() : '';
  if (!DATE.test(startsOn) || !isLocalDateTime(`${startsOn}T00:00`)) problems.add('startsOn', 'events.validation.date');
  const startTime = typeof input.startTime === 'string' ? input.startTime.trim() : '13:00';
  if (!HHMM.test(startTime)) problems.add('startTime', 'events.validation.time');
  const durationMinutes = integer(problems, 'durationMinutes', input.durationMinutes ?? 120, 5, 24 * 60, false) ?? 120;
  const occurrences = integer(problems, 'occurrences', input.occurrences ?? 12, 1, 60, false) ?? 12;
  // The occurrences' times come from the rule; the rest is validated as an event would be.
  if (input.title?.sv === undefined) problems.add('title.sv', 'validation.required');
  if (input.capacity === undefined) problems.add('capacity', 'validation.required');
  const defaults = validateEventInput({ ...input, startsAt: undefined, endsAt: undefined }, 'update', undefined, problems);
  return { series: { rrule, startsOn, startTime, durationMinutes: Number(durationMinutes), occurrences: Number(occurrences) }, defaults };
}

/** A change to a whole series: its rule and the defaults its occurrences follow (PATCH semantics). */
export interface SeriesEditInput {
  rrule?: string | undefined;
  /** Local start time (HH:MM), Europe/Stockholm. */
  startTime?: string | undefined;
  durationMinutes?: number | undefined;
  title?: Lang | undefined;
  description?: Lang | undefined;
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  capacity?: number | undefined;
  organizationQuota?: number | null | undefined;
  /** Registration opens this many days before each occurrence (null: at once). */
  registrationOpensDaysBefore?: number | null | undefined;
  /** Registration closes this many hours before each occurrence (null: at its start). */
  registrationClosesHoursBefore?: number | null | undefined;
  topics?: string[] | undefined;
  organisers?: string[] | undefined;
}

export interface SeriesEdit {
  rrule?: string;
  startTime?: string;
  durationMinutes?: number;
  /** Occurrence columns the edit sets (title, description, place, link, capacity, quota, topics, organisers). */
  defaults: EventChanges;
  opensDaysBefore?: number | null;
  closesHoursBefore?: number | null;
}

/** Validates a series edit; every problem at once (a ValidationError naming each field). */
export function validateSeriesEdit(input: SeriesEditInput): SeriesEdit {
  const problems = new FieldProblems();
  const out: SeriesEdit = { defaults: {} };
  if (input.rrule !== undefined) {
    try {
      out.rrule = checkRrule(String(input.rrule));
    } catch {
      problems.add('rrule', 'events.validation.rrule');
    }
  }
  if (input.startTime !== undefined) {
    const startTime = typeof input.startTime === 'string' ? input.startTime.trim() : '';
    if (!HHMM.test(startTime)) problems.add('startTime', 'events.validation.time');
    else out.startTime = startTime;
  }
  const duration = integer(problems, 'durationMinutes', input.durationMinutes, 5, 24 * 60, false);
  if (typeof duration === 'number') out.durationMinutes = duration;
  const opens = integer(problems, 'registrationOpensDaysBefore', input.registrationOpensDaysBefore, 0, 365, true);
  if (opens !== undefined) out.opensDaysBefore = opens;
  const closes = integer(problems, 'registrationClosesHoursBefore', input.registrationClosesHoursBefore, 0, 24 * 60, true);
  if (closes !== undefined) out.closesHoursBefore = closes;
  if (typeof opens === 'number' && typeof closes === 'number' && closes >= opens * 24) problems.add('registrationClosesHoursBefore', 'events.validation.closesBeforeOpens');
  const { title, description, place, onlineUrl, capacity, organizationQuota, topics, organisers } = input;
  out.defaults = validateEventInput({ title, description, place, onlineUrl, capacity, organizationQuota, topics, organisers }, 'update', undefined, problems);
  return out;
}
