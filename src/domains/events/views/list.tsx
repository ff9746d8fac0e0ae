// /events: upcoming and past workshops, with the calendar feeds (linked as rel="alternate").
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { EventView } from '../event.view.js';
import { EventSummary, Lang } from './shared.js';

export interface EventListProps {
  ctx: PageContext;
  upcoming: { event: EventView; seats: { free: number; waitlisted: number } }[];
  past: EventView[];
  series: { slug: string; title: string }[];
  canCreate: boolean;
  signedIn: boolean;
}

export function EventListPage({ ctx, upcoming, past, series, canCreate, signedIn }: EventListProps) {
  const { t } = ctx;
  const q = ctx.locale === 'en' ? '?lang=en' : '';
  const feeds = [
    { rel: 'alternate', type: 'text/calendar', href: `/events.ics${q}`, title: t('events.feed.all') },
    ...series.map((s) => ({ rel: 'alternate', type: 'text/calendar', href: `/events/series/${s.slug}/calendar.ics${q}`, title: t('events.feed.series', { title: s.title }) })),
  ];
  return (
    <Layout ctx={ctx} title={t('events.title')} headLinks={feeds}>
      <h1>{t('events.title')}</h1>
      <p class="lead">{t('events.lead')}</p>
      <p class="actions">
        {canCreate ? (
          <a class="button button-primary" href={ctx.href('/events/new')}>
            {t('events.new.link')}
          </a>
        ) : null}
        {signedIn ? (
          <a class="button button-secondary" href={ctx.href('/events/my')}>
            {t('events.my.link')}
          </a>
        ) : null}
      </p>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('events.upcoming')}</h2>
        {upcoming.length === 0 ? <p>{t('events.noUpcoming')}</p> : null}
        <ul class="link-list">
          {upcoming.map(({ event, seats }) => (
            <li>
              <a href={ctx.href(`/events/${event.slug}`)}>
                <Lang lang={event.titleLang}>{event.title}</Lang>
              </a>
              <EventSummary ctx={ctx} event={event} seats={seats} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('events.past')}</h2>
        {past.length === 0 ? <p>{t('events.noPast')}</p> : null}
        <ul class="link-list">
          {past.map((event) => (
            <li>
              <a href={ctx.href(`/events/${event.slug}`)}>
                <Lang lang={event.titleLang}>{event.title}</Lang>
              </a>
              <EventSummary ctx={ctx} event={event} />
              {event.material ? <p class="small">{t('events.hasMaterial')}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="calendars-heading">
        <h2 id="calendars-heading">{t('events.calendars')}</h2>
        <p>{t('events.calendars.text')}</p>
        <ul class="link-list">
          {feeds.map((f) => (
            <li>
              <a href={f.href} type="text/calendar">
                {f.title}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={ctx.href('/events/privacy')}>{t('events.privacy.link')}</a>
        </p>
      </section>
    </Layout>
  );
}
