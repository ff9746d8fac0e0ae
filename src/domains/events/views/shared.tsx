// Pieces the event pages share.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/views/index.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import type { EventView } from '../event.view.js';

/** Text in another language than the page's, marked so screen readers pronounce it right. */
export function Lang({ lang, children }: { lang: string | undefined; children: ComponentChildren }) {
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/** Sanitised HTML (rendered from Markdown by the organisations domain's renderer). */
export function Html({ html }: { html: string }) {
  return <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

export const statusLabels: Record<string, MessageKey> = {
  confirmed: 'events.status.confirmed',
  waitlisted: 'events.status.waitlisted',
  pending_confirmation: 'events.status.pending_confirmation',
  cancelled: 'events.status.cancelled',
};

export const typeLabels: Record<string, MessageKey> = {
  state_agency: 'organizations.type.state_agency',
  municipality: 'organizations.type.municipality',
  region: 'organizations.type.region',
  state_company: 'organizations.type.state_company',
  other: 'organizations.type.other',
  unknown: 'events.stats.unknownType',
};

/** One line about an event for lists: its date and time, place, and state. */
export function EventSummary({ ctx, event, seats }: { ctx: PageContext; event: EventView; seats?: { free: number; waitlisted: number } | undefined }) {
  const { t } = ctx;
  return (
    <p class="small">
      <time dateTime={event.startsAt}>{event.when}</time>
      {event.place ? ` · ${event.place}` : ''}
      {event.hasOnlineMeeting ? ` · ${t('events.onlineToo')}` : ''}
      {event.status === 'cancelled' ? (
        <>
          {' · '}
          <strong>{t('events.cancelledBadge')}</strong>
        </>
      ) : seats && !event.past ? (
        ` · ${seats.free > 0 ? t('events.seatsFree', { count: seats.free }) : t('events.full', { count: seats.waitlisted })}`
      ) : (
        ''
      )}
    </p>
  );
}
