// Rows → what the event pages show, in the page's language; abilities from the same policy the
// services use, so templates never repeat rules.
import type { Actor } from '../../platform/auth/actor.js';
import type { Locale } from '../../platform/i18n/index.js';
import { formatWhen, titleOf } from './event.mails.js';
import { abilitiesFor, registrationWindow, type EventAbilities } from './event.policy.js';
import type { EventRow } from './events.table.js';
import { accessOf } from './registration.service.js';

export type RenderMarkdown = (source: string) => string;

export interface EventView {
  id: string;
  slug: string;
  seriesId: string | null;
  title: string;
  /** 'sv' when the page is English but the event has no English title. */
  titleLang: string | undefined;
  when: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  registration: ReturnType<typeof registrationWindow>;
  past: boolean;
  place: string | null;
  hasOnlineMeeting: boolean;
  capacity: number;
  organizationQuota: number | null;
  descriptionHtml: string | null;
  agendaHtml: string | null;
  topics: string[];
  datasets: { label: string; href: string }[];
  organizations: { label: string; href: string }[];
  material: { slidesHref: string | null; slidesName: string | null; recordingUrl: string | null; notesHtml: string | null } | null;
  abilities: EventAbilities;
}

function localized(locale: Locale, sv: string | null, en: string | null): { text: string | null; lang: string | undefined } {
  if (locale === 'en' && en) return { text: en, lang: undefined };
  return { text: sv, lang: locale === 'en' && sv ? 'sv' : undefined };
}

export function eventView(row: EventRow, locale: Locale, actor: Actor, now: Date, render: RenderMarkdown): EventView {
  const md = (sv: string | null, en: string | null) => {
    const { text } = localized(locale, sv, en);
    return text ? render(text) || null : null;
  };
  const datasets = (JSON.parse(row.dataset_links) as string[]).map((d) => (/^https?:/.test(d) ? { label: d, href: d } : { label: d, href: `/datasets/${d}` }));
  const organizations = (JSON.parse(row.organization_links) as string[]).map((o) => ({ label: o, href: `/organizations/${o}` }));
  const hasMaterial = Boolean(row.slides_key || row.recording_url || row.notes_sv || row.notes_en);
  return {
    id: row.id,
    slug: row.slug,
    seriesId: row.series_id,
    title: titleOf(row, locale),
    titleLang: locale === 'en' && !row.title_en ? 'sv' : undefined,
    when: formatWhen(locale, row.starts_at, row.ends_at, row.timezone),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    registration: registrationWindow(row, now),
    past: new Date(row.ends_at) <= now,
    place: row.place,
    hasOnlineMeeting: Boolean(row.online_url),
    capacity: row.capacity,
    organizationQuota: row.organization_quota,
    descriptionHtml: md(row.description_sv, row.description_en),
    agendaHtml: md(row.agenda_sv, row.agenda_en),
    topics: JSON.parse(row.topics) as string[],
    datasets,
    organizations,
    material: hasMaterial
      ? { slidesHref: row.slides_key ? `/events/${row.slug}/slides` : null, slidesName: row.slides_name, recordingUrl: row.recording_url, notesHtml: md(row.notes_sv, row.notes_en) }
      : null,
    abilities: abilitiesFor(actor, accessOf(row)),
  };
}

/** The edit form's values from a row (times as local Stockholm wall time). */
export function eventFormValues(row: EventRow, organiserEmails: string[], toLocal: (iso: string) => string): Record<string, string> {
  return {
    slug: row.slug,
    'title.sv': row.title_sv,
    'title.en': row.title_en ?? '',
    'description.sv': row.description_sv ?? '',
    'description.en': row.description_en ?? '',
    'agenda.sv': row.agenda_sv ?? '',
    'agenda.en': row.agenda_en ?? '',
    startsAt: toLocal(row.starts_at),
    endsAt: toLocal(row.ends_at),
    place: row.place ?? '',
    onlineUrl: row.online_url ?? '',
    capacity: String(row.capacity),
    organizationQuota: row.organization_quota === null ? '' : String(row.organization_quota),
    registrationOpensAt: row.registration_opens_at ? toLocal(row.registration_opens_at) : '',
    registrationClosesAt: row.registration_closes_at ? toLocal(row.registration_closes_at) : '',
    topics: (JSON.parse(row.topics) as string[]).join(', '),
    datasets: (JSON.parse(row.dataset_links) as string[]).join(', '),
    organizations: (JSON.parse(row.organization_links) as string[]).join(', '),
    organisers: organiserEmails.join(', '),
    recordingUrl: row.recording_url ?? '',
    'notes.sv': row.notes_sv ?? '',
    'notes.en': row.notes_en ?? '',
  };
}
