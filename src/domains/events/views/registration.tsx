// The participant's pages: "check your e-mail" after an anonymous sign-up, the registration behind
// the private link (status, waitlist position, the online link once confirmed; cancel, leave the
// waitlist, export, erase), a page for an invalid or expired link, and "my registrations".
import { ActionButton } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { EventView } from '../event.view.js';
import { EventSummary, Lang, statusLabels } from './shared.js';

export interface RegistrationPageProps {
  ctx: PageContext;
  event: EventView;
  registration: { id: string; status: string; name: string; email: string; organization: string | null; accessibilityNeeds: string | null };
  waitlistPosition: number | null;
  token: string;
  onlineUrl: string | null;
  canCancel: boolean;
}

export function RegistrationPage({ ctx, event, registration, waitlistPosition, token, onlineUrl, canCancel }: RegistrationPageProps) {
  const { t } = ctx;
  const q = ctx.locale === 'en' ? '&lang=en' : '';
  return (
    <Layout ctx={ctx} title={t('events.registration.title')}>
      <h1>{t('events.registration.title')}</h1>
      <p>
        <a href={ctx.href(`/events/${event.slug}`)}>
          <Lang lang={event.titleLang}>{event.title}</Lang>
        </a>
      </p>
      <EventSummary ctx={ctx} event={event} />
      <dl class="meta-list">
        <dt>{t('events.registration.status')}</dt>
        <dd>
          <strong>{t(statusLabels[registration.status] ?? 'events.status.cancelled')}</strong>
          {waitlistPosition ? ` – ${t('events.registration.position', { position: waitlistPosition })}` : ''}
        </dd>
        <dt>{t('events.field.name')}</dt>
        <dd>{registration.name}</dd>
        <dt>{t('events.field.email')}</dt>
        <dd>{registration.email}</dd>
        {registration.organization ? (
          <>
            <dt>{t('events.field.organization')}</dt>
            <dd>{registration.organization}</dd>
          </>
        ) : null}
        {registration.accessibilityNeeds ? (
          <>
            <dt>{t('events.field.accessibilityNeeds')}</dt>
            <dd>{registration.accessibilityNeeds}</dd>
          </>
        ) : null}
        {onlineUrl ? (
          <>
            <dt>{t('events.field.online')}</dt>
            <dd>
              <a href={onlineUrl} rel="nofollow">
                {onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {registration.status === 'pending_confirmation' ? <p>{t('events.registration.pendingText')}</p> : null}
      {registration.status === 'waitlisted' ? <p>{t('events.registration.waitlistText')}</p> : null}
      {registration.status === 'confirmed' ? (
        <p>
          <a href={`/events/${event.slug}/calendar.ics${q.replace('&', '?')}`} type="text/calendar">
            {t('events.addToCalendar')}
          </a>
        </p>
      ) : null}
      {canCancel && registration.status !== 'cancelled' ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t(registration.status === 'waitlisted' ? 'events.registration.leaveHeading' : 'events.registration.cancelHeading')}</h2>
          <ActionButton ctx={ctx} action="/events/registration/cancel" hidden={{ token }} variant="danger" label={t(registration.status === 'waitlisted' ? 'events.registration.leave' : 'events.registration.cancel')} />
        </section>
      ) : null}
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('events.registration.dataHeading')}</h2>
        <p>{t('events.registration.dataText')}</p>
        <p>
          <a href={`/events/registration/export.json?token=${encodeURIComponent(token)}`} type="application/json" download="registration.json">
            {t('events.registration.export')}
          </a>
        </p>
        <ActionButton ctx={ctx} action="/events/registration/erase" hidden={{ token }} variant="danger" label={t('events.registration.erase')} />
        <p>
          <a href={ctx.href('/events/privacy')}>{t('events.privacy.link')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function CheckEmailPage({ ctx, event, email }: { ctx: PageContext; event: EventView; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.checkEmail.title')}>
      <h1>{t('events.checkEmail.title')}</h1>
      <p>{t('events.checkEmail.text', { email })}</p>
      <p>
        <a href={ctx.href(`/events/${event.slug}`)}>
          <Lang lang={event.titleLang}>{event.title}</Lang>
        </a>
      </p>
    </Layout>
  );
}

export function LinkProblemPage({ ctx, kind }: { ctx: PageContext; kind: 'invalid' | 'expired' | 'tooLate' | 'erased' | 'closed' }) {
  const { t } = ctx;
  const texts = {
    invalid: ['events.link.invalid.title', 'events.link.invalid.text'],
    expired: ['events.link.expired.title', 'events.link.expired.text'],
    tooLate: ['events.link.tooLate.title', 'events.link.tooLate.text'],
    erased: ['events.link.erased.title', 'events.link.erased.text'],
    closed: ['events.link.closed.title', 'events.link.closed.text'],
  } as const;
  const [title, text] = texts[kind];
  return (
    <Layout ctx={ctx} title={t(title)}>
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <a href={ctx.href('/events')}>{t('events.backToList')}</a>
      </p>
    </Layout>
  );
}

export interface MyRegistrationsProps {
  ctx: PageContext;
  items: { id: string; event: EventView; status: string; waitlistPosition: number | null; canCancel: boolean }[];
}

export function MyRegistrationsPage({ ctx, items }: MyRegistrationsProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.my.title')}>
      <h1>{t('events.my.title')}</h1>
      <p>{t('events.my.text')}</p>
      {items.length === 0 ? <p>{t('events.my.none')}</p> : null}
      <ul class="link-list">
        {items.map((item) => (
          <li>
            <a href={ctx.href(`/events/${item.event.slug}`)}>
              <Lang lang={item.event.titleLang}>{item.event.title}</Lang>
            </a>
            <EventSummary ctx={ctx} event={item.event} />
            <p class="small">
              {t(statusLabels[item.status] ?? 'events.status.cancelled')}
              {item.waitlistPosition ? ` – ${t('events.registration.position', { position: item.waitlistPosition })}` : ''}
            </p>
            {item.canCancel ? <ActionButton ctx={ctx} action={`/events/my/${item.id}/cancel`} variant="secondary" label={t(item.status === 'waitlisted' ? 'events.registration.leave' : 'events.registration.cancel')} /> : null}
          </li>
        ))}
      </ul>
      <p>
        <a href="/account/export.json">{t('events.my.export')}</a>
      </p>
    </Layout>
  );
}

export interface PrivacyPageProps {
  ctx: PageContext;
  controller: string;
  contact: string;
  retentionDays: number;
  reminderDays: number;
}

export function PrivacyPage({ ctx, controller, contact, retentionDays, reminderDays }: PrivacyPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.privacy.title')}>
      <h1>{t('events.privacy.title')}</h1>
      <p class="lead">{t('events.privacy.intro')}</p>
      <h2>{t('events.privacy.controller')}</h2>
      <p>{t('events.privacy.controllerText', { controller, contact })}</p>
      <h2>{t('events.privacy.data')}</h2>
      <p>{t('events.privacy.dataText')}</p>
      <h2>{t('events.privacy.purpose')}</h2>
      <p>{t('events.privacy.purposeText', { reminderDays })}</p>
      <h2>{t('events.privacy.basis')}</h2>
      <p>{t('events.privacy.basisText')}</p>
      <h2>{t('events.privacy.retention')}</h2>
      <p>{t('events.privacy.retentionText', { days: retentionDays })}</p>
      <h2>{t('events.privacy.recording')}</h2>
      <p>{t('events.privacy.recordingText')}</p>
      <h2>{t('events.privacy.rights')}</h2>
      <p>{t('events.privacy.rightsText')}</p>
    </Layout>
  );
}
