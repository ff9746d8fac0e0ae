// /organizations/{slug}/harvest: the organisation's harvest sources (schedule, next run, latest run
// with its counts, "Run now") and the form to add one; /organizations/{slug}/harvest/{id}: a source's
// runs with start, end, counts and errors, its schedule to change, and "Stop harvesting". Tables
// have captions and column headers.
import { ActionButton, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FormState } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { HarvestRunJson, HarvestSourceJson } from '../harvest.presenter.js';

export interface OrganizationHeading {
  slug: string;
  name: string;
}

const dateTime = (ctx: PageContext, iso: string) =>
  new Intl.DateTimeFormat(ctx.locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

function When({ ctx, iso }: { ctx: PageContext; iso: string | null }) {
  return iso ? <time datetime={iso}>{dateTime(ctx, iso)}</time> : <>–</>;
}

function RunSummary({ ctx, run }: { ctx: PageContext; run: HarvestRunJson }) {
  const { t } = ctx;
  return (
    <>
      {t(`harvest.status.${run.status as 'running' | 'succeeded' | 'failed'}`)}, <When ctx={ctx} iso={run.startedAt} />: {t('harvest.runs.countsText', run.counts)}
    </>
  );
}

export function HarvestPage({ ctx, org, form, sources }: { ctx: PageContext; org: OrganizationHeading; form: FormState; sources: HarvestSourceJson[] }) {
  const { t } = ctx;
  const labels = { type: t('harvest.field.type'), url: t('harvest.field.url'), schedule: t('harvest.field.schedule') };
  return (
    <Layout ctx={ctx} title={t('harvest.title')}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}`)}>{t('harvest.backToOrganization')}</a>
      </p>
      <h1>{t('harvest.title')}</h1>
      <p>{t('harvest.intro', { organization: org.name })}</p>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('harvest.sources.title')}</h2>
        {sources.length === 0 ? (
          <p>{t('harvest.sources.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('harvest.sources.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('harvest.sources.source')}</th>
                  <th scope="col">{t('harvest.sources.schedule')}</th>
                  <th scope="col">{t('harvest.sources.nextRun')}</th>
                  <th scope="col">{t('harvest.sources.lastRun')}</th>
                  <th scope="col">{t('harvest.sources.runNow')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((source) => (
                  <tr>
                    <th scope="row">
                      {t(`harvest.type.${source.type}`)}: <a href={ctx.href(`/organizations/${org.slug}/harvest/${source.id}`)}>{source.url}</a>
                    </th>
                    <td>
                      <code>{source.schedule}</code>
                    </td>
                    <td>
                      <When ctx={ctx} iso={source.nextRunAt} />
                    </td>
                    <td>{source.running ? t('harvest.sources.running') : source.lastRun ? <RunSummary ctx={ctx} run={source.lastRun} /> : t('harvest.runs.none')}</td>
                    <td>
                      <ActionButton ctx={ctx} action={`/organizations/${org.slug}/harvest/${source.id}/run`} label={t('harvest.sources.runNow')} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('harvest.add.title')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <Form ctx={ctx} action={`/organizations/${org.slug}/harvest`}>
          <SelectField ctx={ctx} form={form} name="type" label={labels.type} required options={[{ value: 'dcat', label: t('harvest.type.dcat') }, { value: 'ckan', label: t('harvest.type.ckan') }]} />
          <TextField ctx={ctx} form={form} name="url" type="url" label={labels.url} hint={t('harvest.field.urlHint')} maxLength={2000} required />
          <TextField ctx={ctx} form={form} name="schedule" label={labels.schedule} hint={t('harvest.field.scheduleHint')} maxLength={100} />
          <SubmitButton>{t('harvest.submit')}</SubmitButton>
        </Form>
      </section>
    </Layout>
  );
}

export function HarvestRunsPage({ ctx, org, source, runs, form }: { ctx: PageContext; org: OrganizationHeading; source: HarvestSourceJson; runs: HarvestRunJson[]; form: FormState }) {
  const { t } = ctx;
  const title = t('harvest.runs.title', { url: source.url });
  const labels = { schedule: t('harvest.field.schedule') };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}/harvest`)}>{t('harvest.title')}</a>
      </p>
      <h1>{title}</h1>
      <ActionButton ctx={ctx} action={`/organizations/${org.slug}/harvest/${source.id}/run`} label={t('harvest.sources.runNow')} variant="primary" />
      {runs.length === 0 ? (
        <p>{t('harvest.runs.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('harvest.runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('harvest.runs.started')}</th>
                <th scope="col">{t('harvest.runs.finished')}</th>
                <th scope="col">{t('harvest.runs.status')}</th>
                <th scope="col">{t('harvest.runs.counts')}</th>
                <th scope="col">{t('harvest.runs.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr>
                  <th scope="row">
                    <When ctx={ctx} iso={run.startedAt} /> ({t(`harvest.trigger.${run.trigger as 'schedule' | 'manual' | 'cli'}`)})
                  </th>
                  <td>
                    <When ctx={ctx} iso={run.finishedAt} />
                  </td>
                  <td>{t(`harvest.status.${run.status as 'running' | 'succeeded' | 'failed'}`)}</td>
                  <td>{t('harvest.runs.countsText', run.counts)}</td>
                  <td>
                    {run.errors.length ? (
                      <ul>
                        {run.errors.map((error) => (
                          <li>{error}</li>
                        ))}
                      </ul>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">{t('harvest.manage.title')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <Form ctx={ctx} action={`/organizations/${org.slug}/harvest/${source.id}/schedule`}>
          <TextField ctx={ctx} form={form} name="schedule" label={labels.schedule} hint={t('harvest.field.scheduleHint')} maxLength={100} />
          <SubmitButton>{t('harvest.manage.scheduleSubmit')}</SubmitButton>
        </Form>
        <p>{t('harvest.manage.removeIntro')}</p>
        <ActionButton ctx={ctx} action={`/organizations/${org.slug}/harvest/${source.id}/remove`} label={t('harvest.manage.remove')} />
      </section>
    </Layout>
  );
}
