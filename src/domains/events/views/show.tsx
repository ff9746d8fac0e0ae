// /events/{slug}: the event, its material after the meeting, and the sign-up form.
import { ErrorSummary, Form, Notice, SelectField, SubmitButton, TextArea, TextField, Checkbox, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { EventView } from '../event.view.js';
import { EventSummary, Html, Lang } from './shared.js';

export interface EventPageProps {
  ctx: PageContext;
  event: EventView;
  seats: { confirmed: number; waitlisted: number; free: number };
  form: FormState;
  organizations: { value: string; label: string }[];
  /** A problem with the sign-up as a whole (closed, full, duplicate). */
  problem?: string | undefined;
  retentionDays: number;
}

export function SignupForm({ ctx, event, form, organizations, retentionDays }: Pick<EventPageProps, 'ctx' | 'event' | 'form' | 'organizations' | 'retentionDays'>) {
  const { t } = ctx;
  const labels = {
    name: t('events.field.name'),
    email: t('events.field.email'),
    organizationId: t('events.field.organization'),
    organizationName: t('events.field.organizationName'),
    accessibilityNeeds: t('events.field.accessibilityNeeds'),
    acceptPrivacy: t('events.field.acceptPrivacy'),
    acceptRecording: t('events.field.acceptRecording'),
  };
  return (
    <Form ctx={ctx} action={`/events/${event.slug}/register`}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <TextField ctx={ctx} form={form} name="name" label={labels.name} autocomplete="name" required maxLength={200} />
      <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="email" required maxLength={254} />
      <SelectField ctx={ctx} form={form} name="organizationId" label={labels.organizationId} hint={t('events.field.organization.hint')} options={[{ value: '', label: t('events.field.organization.other') }, ...organizations]} />
      <TextField ctx={ctx} form={form} name="organizationName" label={labels.organizationName} autocomplete="organization" maxLength={200} />
      <TextArea ctx={ctx} form={form} name="accessibilityNeeds" label={labels.accessibilityNeeds} hint={t('events.field.accessibilityNeeds.hint')} rows={3} maxLength={1000} />
      <Checkbox ctx={ctx} form={form} name="acceptPrivacy" label={labels.acceptPrivacy} hint={t('events.field.acceptPrivacy.hint', { days: retentionDays })} />
      <p class="small">
        <a href={ctx.href('/events/privacy')}>{t('events.privacy.link')}</a>
      </p>
      <Checkbox ctx={ctx} form={form} name="acceptRecording" label={labels.acceptRecording} />
      <SubmitButton>{t('events.signup.submit')}</SubmitButton>
    </Form>
  );
}

export function EventPage({ ctx, event, seats, form, organizations, problem, retentionDays }: EventPageProps) {
  const { t } = ctx;
  const q = ctx.locale === 'en' ? '?lang=en' : '';
  return (
    <Layout ctx={ctx} title={event.title}>
      <p>
        <a href={ctx.href('/events')}>{t('events.backToList')}</a>
      </p>
      <h1>
        <Lang lang={event.titleLang}>{event.title}</Lang>
      </h1>
      <EventSummary ctx={ctx} event={event} />
      {event.abilities.manage ? (
        <p class="actions">
          <a class="button button-secondary" href={ctx.href(`/events/${event.slug}/edit`)}>
            {t('events.edit.link')}
          </a>
          <a class="button button-secondary" href={ctx.href(`/events/${event.slug}/registrations`)}>
            {t('events.registrations.link')}
          </a>
          {event.seriesId ? (
            <a class="button button-secondary" href={ctx.href(`/events/series/${event.seriesId}/edit`)}>
              {t('events.series.editLink')}
            </a>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('events.about')}</h2>
        <dl class="meta-list">
          <dt>{t('events.field.when')}</dt>
          <dd>
            <time dateTime={event.startsAt}>{event.when}</time>
          </dd>
          {event.place ? (
            <>
              <dt>{t('events.field.place')}</dt>
              <dd>{event.place}</dd>
            </>
          ) : null}
          {event.hasOnlineMeeting ? (
            <>
              <dt>{t('events.field.online')}</dt>
              <dd>{t('events.onlineLinkNote')}</dd>
            </>
          ) : null}
          <dt>{t('events.field.seats')}</dt>
          <dd>{t('events.seatsOf', { free: seats.free, capacity: event.capacity, waitlisted: seats.waitlisted })}</dd>
          {event.organizationQuota ? (
            <>
              <dt>{t('events.field.organizationQuota')}</dt>
              <dd>{t('events.quota', { count: event.organizationQuota })}</dd>
            </>
          ) : null}
          {event.topics.length > 0 ? (
            <>
              <dt>{t('events.field.topics')}</dt>
              <dd>{event.topics.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        {event.descriptionHtml ? <Html html={event.descriptionHtml} /> : null}
        <p>
          <a href={`/events/${event.slug}/calendar.ics${q}`} type="text/calendar">
            {t('events.addToCalendar')}
          </a>
        </p>
      </section>

      {event.agendaHtml ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t('events.agenda')}</h2>
          <Html html={event.agendaHtml} />
        </section>
      ) : null}

      {event.datasets.length > 0 || event.organizations.length > 0 ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('events.related')}</h2>
          <ul class="link-list">
            {event.datasets.map((d) => (
              <li>
                <a href={d.href.startsWith('/') ? ctx.href(d.href) : d.href}>{d.label}</a>
              </li>
            ))}
            {event.organizations.map((o) => (
              <li>
                <a href={ctx.href(o.href)}>{o.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.material ? (
        <section aria-labelledby="material-heading">
          <h2 id="material-heading">{t('events.material')}</h2>
          <ul class="link-list">
            {event.material.slidesHref ? (
              <li>
                <a href={event.material.slidesHref}>{t('events.material.slides', { name: event.material.slidesName ?? '' })}</a>
              </li>
            ) : null}
            {event.material.recordingUrl ? (
              <li>
                <a href={event.material.recordingUrl} rel="nofollow ugc">
                  {t('events.material.recording')}
                </a>
                <p class="small">{t('events.material.captionsNote')}</p>
              </li>
            ) : null}
          </ul>
          {event.material.notesHtml ? <Html html={event.material.notesHtml} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">{t('events.signup.heading')}</h2>
        {problem ? <Notice kind="warning" text={problem} /> : null}
        {event.registration === 'open' ? (
          <>
            <p>{seats.free > 0 ? t('events.signup.intro') : t('events.signup.introFull')}</p>
            {ctx.viewer.signedIn ? <p>{t('events.signup.signedIn')}</p> : <p>{t('events.signup.anonymous')}</p>}
            <SignupForm ctx={ctx} event={event} form={form} organizations={organizations} retentionDays={retentionDays} />
          </>
        ) : (
          <p>{t(event.registration === 'cancelled' ? 'events.validation.eventCancelled' : event.registration === 'not_yet_open' ? 'events.validation.notYetOpen' : 'events.validation.registrationClosed')}</p>
        )}
      </section>
    </Layout>
  );
}
