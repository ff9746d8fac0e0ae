// Organiser pages: create and edit an event (with its material after the meeting and the slides
// upload), cancel it, and the registrations page — the list with waitlist, attendance at the door,
// CSV export, registering someone, a message to all participants, and statistics.
import { ActionButton, ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField, Checkbox, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { EventView } from '../event.view.js';
import type { EventStats } from '../event.service.js';
import { EventSummary, Lang, statusLabels, typeLabels } from './shared.js';

function eventLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    slug: t('events.field.slug'),
    'title.sv': t('events.field.titleSv'),
    'title.en': t('events.field.titleEn'),
    'description.sv': t('events.field.descriptionSv'),
    'description.en': t('events.field.descriptionEn'),
    'agenda.sv': t('events.field.agendaSv'),
    'agenda.en': t('events.field.agendaEn'),
    startsAt: t('events.field.startsAt'),
    endsAt: t('events.field.endsAt'),
    place: t('events.field.place'),
    onlineUrl: t('events.field.onlineUrl'),
    capacity: t('events.field.capacity'),
    organizationQuota: t('events.field.organizationQuota'),
    registrationOpensAt: t('events.field.registrationOpensAt'),
    registrationClosesAt: t('events.field.registrationClosesAt'),
    topics: t('events.field.topics'),
    datasets: t('events.field.datasets'),
    organizations: t('events.field.organizations'),
    organisers: t('events.field.organisers'),
    recordingUrl: t('events.field.recordingUrl'),
    'notes.sv': t('events.field.notesSv'),
    'notes.en': t('events.field.notesEn'),
    rrule: t('events.field.rrule'),
    startsOn: t('events.field.startsOn'),
    startTime: t('events.field.startTime'),
    durationMinutes: t('events.field.durationMinutes'),
    occurrences: t('events.field.occurrences'),
    repeat: t('events.field.repeat'),
  };
}

export function EventFormPage({ ctx, form, event }: { ctx: PageContext; form: FormState; event?: EventView | undefined }) {
  const { t } = ctx;
  const labels = eventLabels(ctx);
  const title = event ? t('events.edit.title', { title: event.title }) : t('events.new.title');
  const action = event ? `/events/${event.slug}/edit` : '/events/new';
  const timeHint = t('events.field.time.hint');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Form ctx={ctx} action={action}>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <TextField ctx={ctx} form={form} name="title.sv" label={labels['title.sv']!} required maxLength={200} />
        <TextField ctx={ctx} form={form} name="title.en" label={labels['title.en']!} maxLength={200} />
        <TextField ctx={ctx} form={form} name="slug" label={labels.slug!} hint={t('events.field.slug.hint')} maxLength={80} />
        <TextArea ctx={ctx} form={form} name="description.sv" label={labels['description.sv']!} hint={t('events.field.markdown.hint')} />
        <TextArea ctx={ctx} form={form} name="description.en" label={labels['description.en']!} />
        <TextArea ctx={ctx} form={form} name="agenda.sv" label={labels['agenda.sv']!} rows={4} />
        <TextArea ctx={ctx} form={form} name="agenda.en" label={labels['agenda.en']!} rows={4} />
        {event ? null : <Checkbox ctx={ctx} form={form} name="repeat" label={labels.repeat!} hint={t('events.field.repeat.hint')} />}
        <TextField ctx={ctx} form={form} name="startsAt" label={labels.startsAt!} hint={event ? timeHint : t('events.field.startsAt.hint')} maxLength={40} />
        <TextField ctx={ctx} form={form} name="endsAt" label={labels.endsAt!} hint={event ? timeHint : t('events.field.endsAt.hint')} maxLength={40} />
        {event ? null : (
          <>
            <TextField ctx={ctx} form={form} name="rrule" label={labels.rrule!} hint={t('events.field.rrule.hint')} maxLength={500} />
            <TextField ctx={ctx} form={form} name="occurrences" label={labels.occurrences!} type="number" inputMode="numeric" />
          </>
        )}
        <TextField ctx={ctx} form={form} name="place" label={labels.place!} maxLength={500} />
        <TextField ctx={ctx} form={form} name="onlineUrl" label={labels.onlineUrl!} type="url" hint={t('events.field.onlineUrl.hint')} maxLength={2000} />
        <TextField ctx={ctx} form={form} name="capacity" label={labels.capacity!} type="number" inputMode="numeric" required />
        <TextField ctx={ctx} form={form} name="organizationQuota" label={labels.organizationQuota!} type="number" inputMode="numeric" hint={t('events.field.organizationQuota.hint')} />
        <TextField ctx={ctx} form={form} name="registrationOpensAt" label={labels.registrationOpensAt!} hint={timeHint} maxLength={40} />
        <TextField ctx={ctx} form={form} name="registrationClosesAt" label={labels.registrationClosesAt!} hint={timeHint} maxLength={40} />
        <TextField ctx={ctx} form={form} name="topics" label={labels.topics!} hint={t('events.field.list.hint')} />
        <TextField ctx={ctx} form={form} name="datasets" label={labels.datasets!} hint={t('events.field.datasets.hint')} />
        <TextField ctx={ctx} form={form} name="organizations" label={labels.organizations!} hint={t('events.field.organizations.hint')} />
        <TextField ctx={ctx} form={form} name="organisers" label={labels.organisers!} hint={t('events.field.organisers.hint')} />
        {event ? (
          <fieldset>
            <legend>{t('events.material')}</legend>
            <TextField ctx={ctx} form={form} name="recordingUrl" label={labels.recordingUrl!} type="url" hint={t('events.material.captionsNote')} maxLength={2000} />
            <TextArea ctx={ctx} form={form} name="notes.sv" label={labels['notes.sv']!} hint={t('events.field.markdown.hint')} rows={5} />
            <TextArea ctx={ctx} form={form} name="notes.en" label={labels['notes.en']!} rows={5} />
          </fieldset>
        ) : null}
        <SubmitButton>{t(event ? 'events.edit.submit' : 'events.new.submit')}</SubmitButton>
      </Form>
      {event ? (
        <>
          <section aria-labelledby="slides-heading">
            <h2 id="slides-heading">{t('events.slides.heading')}</h2>
            <form action={ctx.href(`/events/${event.slug}/slides`)} method="post" enctype="multipart/form-data" class="stack-form" novalidate>
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <FileField ctx={ctx} form={form} name="slides" label={t('events.slides.file')} hint={t('events.slides.hint')} accept=".pdf,.ppt,.pptx,.odp,.key" required />
              <SubmitButton variant="secondary">{t('events.slides.submit')}</SubmitButton>
            </form>
          </section>
          {event.status === 'scheduled' ? (
            <section aria-labelledby="cancel-event-heading">
              <h2 id="cancel-event-heading">{t('events.cancelEvent.heading')}</h2>
              <p>{t('events.cancelEvent.text')}</p>
              <ActionButton ctx={ctx} action={`/events/${event.slug}/cancel`} variant="danger" label={t('events.cancelEvent.submit')} />
            </section>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

export interface RegistrationRowView {
  id: string;
  status: string;
  waitlistPosition: number | null;
  name: string;
  email: string;
  organization: string;
  accessibilityNeeds: string;
  attended: boolean | null;
}

export interface RegistrationsPageProps {
  ctx: PageContext;
  event: EventView;
  items: RegistrationRowView[];
  stats: EventStats;
  registerForm: FormState;
  messageForm: FormState;
}

export function RegistrationsPage({ ctx, event, items, stats, registerForm, messageForm }: RegistrationsPageProps) {
  const { t } = ctx;
  const live = items.filter((i) => i.status !== 'cancelled');
  return (
    <Layout ctx={ctx} title={t('events.registrations.title', { title: event.title })}>
      <p>
        <a href={ctx.href(`/events/${event.slug}`)}>
          <Lang lang={event.titleLang}>{event.title}</Lang>
        </a>
      </p>
      <h1>{t('events.registrations.title', { title: event.title })}</h1>
      <EventSummary ctx={ctx} event={event} />
      <p class="actions">
        <a class="button button-secondary" href={`/events/${event.slug}/registrations.csv`} download={`${event.slug}.csv`}>
          {t('events.registrations.csv')}
        </a>
      </p>

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t('events.stats.heading')}</h2>
        <dl class="meta-list">
          <dt>{t('events.stats.registered')}</dt>
          <dd>{stats.registered}</dd>
          <dt>{t('events.stats.waitlisted')}</dt>
          <dd>{stats.waitlisted}</dd>
          <dt>{t('events.stats.attended')}</dt>
          <dd>{stats.attended}</dd>
          <dt>{t('events.stats.noShows')}</dt>
          <dd>{stats.noShows}</dd>
          <dt>{t('events.stats.cancelled')}</dt>
          <dd>{stats.cancelled}</dd>
          <dt>{t('events.stats.organizations')}</dt>
          <dd>{stats.organizations}</dd>
          {Object.entries(stats.organizationTypes).map(([type, count]) => (
            <>
              <dt>{t(typeLabels[type] ?? 'events.stats.unknownType')}</dt>
              <dd>{count}</dd>
            </>
          ))}
        </dl>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('events.registrations.list')}</h2>
        {live.length === 0 ? <p>{t('events.registrations.none')}</p> : null}
        {live.length > 0 ? (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('events.registrations.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.field.name')}</th>
                  <th scope="col">{t('events.field.email')}</th>
                  <th scope="col">{t('events.field.organization')}</th>
                  <th scope="col">{t('events.registration.status')}</th>
                  <th scope="col">{t('events.field.accessibilityNeeds')}</th>
                  <th scope="col">{t('events.registrations.attendance')}</th>
                  <th scope="col">{t('events.registrations.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {live.map((r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>{r.email}</td>
                    <td>{r.organization}</td>
                    <td>
                      {t(statusLabels[r.status] ?? 'events.status.cancelled')}
                      {r.waitlistPosition ? ` (${r.waitlistPosition})` : ''}
                    </td>
                    <td>{r.accessibilityNeeds}</td>
                    <td>
                      {r.status === 'confirmed' ? (
                        <>
                          {r.attended === null ? t('events.attendance.unknown') : r.attended ? t('events.attendance.present') : t('events.attendance.absent')}{' '}
                          <ActionButton
                            ctx={ctx}
                            action={`/events/${event.slug}/registrations/${r.id}/attendance`}
                            hidden={{ attended: r.attended ? 'false' : 'true' }}
                            variant="secondary"
                            label={r.attended ? t('events.attendance.markAbsent', { name: r.name }) : t('events.attendance.markPresent', { name: r.name })}
                          />
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ActionButton ctx={ctx} action={`/events/${event.slug}/registrations/${r.id}/cancel`} variant="danger" label={t('events.registrations.cancelFor', { name: r.name })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t('events.registrations.registerSomeone')}</h2>
        <Form ctx={ctx} action={`/events/${event.slug}/registrations/new`}>
          <ErrorSummary ctx={ctx} form={registerForm} labels={{ name: t('events.field.name'), email: t('events.field.email'), organization: t('events.field.organizationName') }} />
          <TextField ctx={ctx} form={registerForm} name="name" label={t('events.field.name')} required maxLength={200} />
          <TextField ctx={ctx} form={registerForm} name="email" type="email" label={t('events.field.email')} required maxLength={254} />
          <TextField ctx={ctx} form={registerForm} name="organization" label={t('events.field.organizationName')} hint={t('events.field.organizationFree.hint')} maxLength={200} />
          <SubmitButton variant="secondary">{t('events.registrations.registerSubmit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="message-heading">
        <h2 id="message-heading">{t('events.message.heading')}</h2>
        <Form ctx={ctx} action={`/events/${event.slug}/message`}>
          <ErrorSummary ctx={ctx} form={messageForm} labels={{ subject: t('events.message.subject'), body: t('events.message.body') }} />
          <TextField ctx={ctx} form={messageForm} name="subject" label={t('events.message.subject')} required maxLength={200} />
          <TextArea ctx={ctx} form={messageForm} name="body" label={t('events.message.body')} required rows={6} />
          <Checkbox ctx={ctx} form={messageForm} name="includeWaitlist" label={t('events.message.includeWaitlist')} />
          <SubmitButton variant="secondary">{t('events.message.submit')}</SubmitButton>
        </Form>
      </section>
    </Layout>
  );
}
