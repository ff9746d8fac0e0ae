// Organiser page for a whole series: change its recurrence rule and the defaults its occurrences
// follow, then see what happened — occurrences updated, created, cancelled, kept because people are
// registered, and those left alone because they were changed on their own.
import { ErrorSummary, Form, Notice, SubmitButton, TextArea, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';

export interface OccurrenceLink {
  slug: string;
  when: string;
  startsAt: string;
  registrations?: number;
}

export interface SeriesEditOutcome {
  updated: OccurrenceLink[];
  created: OccurrenceLink[];
  cancelled: OccurrenceLink[];
  kept: OccurrenceLink[];
  individual: OccurrenceLink[];
}

export interface SeriesEditPageProps {
  ctx: PageContext;
  series: { slug: string; title: string };
  form: FormState;
  /** Future occurrences the rule no longer gives that still have registrations. */
  attention: OccurrenceLink[];
  outcome?: SeriesEditOutcome | undefined;
}

function seriesLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    rrule: t('events.field.rrule'),
    startTime: t('events.field.startTime'),
    durationMinutes: t('events.field.durationMinutes'),
    'title.sv': t('events.field.titleSv'),
    'title.en': t('events.field.titleEn'),
    'description.sv': t('events.field.descriptionSv'),
    'description.en': t('events.field.descriptionEn'),
    place: t('events.field.place'),
    onlineUrl: t('events.field.onlineUrl'),
    capacity: t('events.field.capacity'),
    organizationQuota: t('events.field.organizationQuota'),
    registrationOpensDaysBefore: t('events.series.opensDaysBefore'),
    registrationClosesHoursBefore: t('events.series.closesHoursBefore'),
    topics: t('events.field.topics'),
    organisers: t('events.field.organisers'),
  };
}

function OccurrenceList({ ctx, id, heading, items, text, withRegistrations = false }: { ctx: PageContext; id: string; heading: string; items: OccurrenceLink[]; text?: string; withRegistrations?: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading} ({items.length})
      </h2>
      {text ? <p>{text}</p> : null}
      {items.length === 0 ? <p>{t('events.series.none')}</p> : null}
      {items.length > 0 ? (
        <ul class="link-list">
          {items.map((o) => (
            <li>
              <a href={ctx.href(`/events/${o.slug}`)}>
                <time dateTime={o.startsAt}>{o.when}</time>
              </a>
              {withRegistrations ? (
                <>
                  {' – '}
                  {t('events.series.registrations', { count: o.registrations ?? 0 })}{' '}
                  <a href={ctx.href(`/events/${o.slug}/edit`)}>{t('events.series.moveOrCancel', { when: o.when })}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function SeriesEditPage({ ctx, series, form, attention, outcome }: SeriesEditPageProps) {
  const { t } = ctx;
  const labels = seriesLabels(ctx);
  const title = t('events.series.editTitle', { title: series.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {outcome ? (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{t('events.series.outcome')}</h2>
          <Notice text={t('events.series.saved', { updated: outcome.updated.length, created: outcome.created.length, cancelled: outcome.cancelled.length, kept: outcome.kept.length })} />
          <OccurrenceList ctx={ctx} id="kept-heading" heading={t('events.series.kept')} text={t('events.series.kept.text')} items={outcome.kept} withRegistrations />
          <OccurrenceList ctx={ctx} id="updated-heading" heading={t('events.series.updated')} items={outcome.updated} />
          <OccurrenceList ctx={ctx} id="created-heading" heading={t('events.series.created')} items={outcome.created} />
          <OccurrenceList ctx={ctx} id="cancelled-heading" heading={t('events.series.cancelled')} items={outcome.cancelled} />
          <OccurrenceList ctx={ctx} id="individual-heading" heading={t('events.series.individual')} text={t('events.series.individual.text')} items={outcome.individual} />
        </section>
      ) : attention.length > 0 ? (
        <OccurrenceList ctx={ctx} id="attention-heading" heading={t('events.series.kept')} text={t('events.series.kept.text')} items={attention} withRegistrations />
      ) : null}
      <p>{t('events.series.lead')}</p>
      <Form ctx={ctx} action={`/events/series/${series.slug}/edit`}>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <fieldset>
          <legend>{t('events.series.rule')}</legend>
          <TextField ctx={ctx} form={form} name="rrule" label={labels.rrule!} hint={t('events.series.rrule.hint')} required maxLength={500} />
          <TextField ctx={ctx} form={form} name="startTime" label={labels.startTime!} hint={t('events.series.startTime.hint')} required maxLength={5} />
          <TextField ctx={ctx} form={form} name="durationMinutes" label={labels.durationMinutes!} type="number" inputMode="numeric" required />
        </fieldset>
        <fieldset>
          <legend>{t('events.series.defaults')}</legend>
          <TextField ctx={ctx} form={form} name="title.sv" label={labels['title.sv']!} required maxLength={200} />
          <TextField ctx={ctx} form={form} name="title.en" label={labels['title.en']!} maxLength={200} />
          <TextArea ctx={ctx} form={form} name="description.sv" label={labels['description.sv']!} hint={t('events.field.markdown.hint')} />
          <TextArea ctx={ctx} form={form} name="description.en" label={labels['description.en']!} />
          <TextField ctx={ctx} form={form} name="place" label={labels.place!} maxLength={500} />
          <TextField ctx={ctx} form={form} name="onlineUrl" label={labels.onlineUrl!} type="url" hint={t('events.field.onlineUrl.hint')} maxLength={2000} />
          <TextField ctx={ctx} form={form} name="capacity" label={labels.capacity!} type="number" inputMode="numeric" required />
          <TextField ctx={ctx} form={form} name="organizationQuota" label={labels.organizationQuota!} type="number" inputMode="numeric" hint={t('events.field.organizationQuota.hint')} />
          <TextField ctx={ctx} form={form} name="registrationOpensDaysBefore" label={labels.registrationOpensDaysBefore!} type="number" inputMode="numeric" hint={t('events.series.opensDaysBefore.hint')} />
          <TextField ctx={ctx} form={form} name="registrationClosesHoursBefore" label={labels.registrationClosesHoursBefore!} type="number" inputMode="numeric" hint={t('events.series.closesHoursBefore.hint')} />
          <TextField ctx={ctx} form={form} name="topics" label={labels.topics!} hint={t('events.field.list.hint')} />
          <TextField ctx={ctx} form={form} name="organisers" label={labels.organisers!} hint={t('events.field.organisers.hint')} />
        </fieldset>
        <SubmitButton>{t('events.series.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
