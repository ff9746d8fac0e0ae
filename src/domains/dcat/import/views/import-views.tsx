// /organizations/{slug}/import: the form (a URL or a file) and the list of earlier runs; and
// /organizations/{slug}/import/{runId}: one run — queued, running, succeeded or failed — with its
// counts and, once it is over, its report. The run's state and counts are in one role="status"
// region; the page never refreshes itself (WCAG 2.2.1): an "Update" link loads it again (and
// /static/import-status.js, when it runs, announces a change of status in the region). The
// report is a table with a caption and column headers, each resource's warnings and changes as a
// list in its row.
import type { MessageKey } from '../../../../platform/i18n/index.js';
import { ErrorSummary, FileField, Form, SubmitButton, TextField, type FormState } from '../../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../../platform/views/index.js';
import { REASON_KEYS, type ImportReport, type ReportItem } from '../import.report.js';
import type { ImportRunSummary } from '../import.repository.js';
import type { ImportRunStatus } from '../import.table.js';

export interface OrganizationHeading {
  slug: string;
  name: string;
}

const dateTime = (ctx: PageContext, iso: string) =>
  new Intl.DateTimeFormat(ctx.locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`);

const text = (ctx: PageContext, key: string) => ctx.t(key as MessageKey);

/** A run as the pages show it: its status as it stands now (see import.job.ts shownStatus). */
export type RunSummaryView = ImportRunSummary & { shown: ImportRunStatus };

function RunsTable({ ctx, org, runs }: { ctx: PageContext; org: OrganizationHeading; runs: RunSummaryView[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="runs-heading">
      <h2 id="runs-heading">{t('dcatImport.runs.title')}</h2>
      {runs.length === 0 ? (
        <p>{t('dcatImport.runs.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('dcatImport.runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dcatImport.report.started')}</th>
                <th scope="col">{t('dcatImport.report.source')}</th>
                <th scope="col">{t('dcatImport.report.status')}</th>
                <th scope="col">{t('dcatImport.runs.result')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const started = dateTime(ctx, run.started_at);
                return (
                  <tr>
                    <th scope="row">
                      <a href={ctx.href(`/organizations/${org.slug}/import/${run.id}`)} aria-label={t('dcatImport.runs.viewLabel', { started })}>
                        <time datetime={run.started_at}>{started}</time>
                      </a>
                    </th>
                    <td>{run.source}</td>
                    <td>{t(`dcatImport.status.${run.shown}`)}</td>
                    <td>{t('dcatImport.runs.counts', { created: run.created_count, updated: run.updated_count, unchanged: run.unchanged_count, failed: run.failed_count })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export interface ImportPageProps {
  ctx: PageContext;
  org: OrganizationHeading;
  form: FormState;
  maxBytes: number;
  runs: RunSummaryView[];
}

export function ImportPage({ ctx, org, form, maxBytes, runs }: ImportPageProps) {
  const { t } = ctx;
  const labels = { url: t('dcatImport.field.url'), file: t('dcatImport.field.file') };
  return (
    <Layout ctx={ctx} title={t('dcatImport.title')}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}`)}>{t('dcatImport.backToOrganization')}</a>
      </p>
      <h1>{t('dcatImport.title')}</h1>
      <p>{t('dcatImport.intro', { organization: org.name })}</p>
      <p>{t('dcatImport.background')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/organizations/${org.slug}/import`} enctype="multipart/form-data">
        <TextField ctx={ctx} form={form} name="url" type="url" label={labels.url} hint={t('dcatImport.field.urlHint')} maxLength={2000} />
        <FileField ctx={ctx} form={form} name="file" label={labels.file} hint={t('dcatImport.field.fileHint', { size: sizeText(maxBytes) })} accept=".rdf,.xml,.ttl,.nt,.jsonld,.json,.n3,application/rdf+xml,text/turtle,application/ld+json,application/n-triples" />
        <SubmitButton>{t('dcatImport.submit')}</SubmitButton>
      </Form>
      <RunsTable ctx={ctx} org={org} runs={runs} />
    </Layout>
  );
}

function ItemNotes({ ctx, item }: { ctx: PageContext; item: ReportItem }) {
  const { t } = ctx;
  const lines = [
    ...(item.error ? [t('dcatImport.report.failedBecause', { reason: text(ctx, REASON_KEYS[item.error]) })] : []),
    ...item.warnings.map((w) => t('dcatImport.report.warning', { message: text(ctx, w.message) })),
    ...item.normalised.map((n) => t('dcatImport.report.normalised', { property: n.property, from: n.from, to: n.to })),
    ...item.dropped.map((d) => t('dcatImport.report.dropped', { property: d.property, value: d.reason === 'invalid' ? text(ctx, d.value) : d.value, reason: text(ctx, REASON_KEYS[d.reason]) })),
  ];
  if (!lines.length) return <>{t('dcatImport.report.none')}</>;
  return (
    <ul>
      {lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

export interface RunPageProps {
  ctx: PageContext;
  org: OrganizationHeading;
  run: RunSummaryView;
  /** The stored report, once the run is over (none when it failed outside the source). */
  report: ImportReport | null;
}

/** The state of a run and its counts: the page's one status region. */
function RunStatus({ ctx, run, report }: { ctx: PageContext; run: RunSummaryView; report: ImportReport | null }) {
  const { t } = ctx;
  const counts = { created: run.created_count, updated: run.updated_count, unchanged: run.unchanged_count, failed: run.failed_count };
  const finished = run.shown === 'succeeded' || run.shown === 'failed';
  const totals = report?.totals;
  return (
    <div id="import-status" class={`notice notice-${run.shown === 'failed' ? 'warning' : 'info'}`} role="status" data-status={run.shown}>
      <p>
        <strong>{t(`dcatImport.run.${run.shown}`)}</strong>
      </p>
      {run.shown === 'queued' && run.error ? <p>{t('dcatImport.run.retrying', { error: run.error })}</p> : null}
      {run.shown === 'running' ? <p>{t('dcatImport.run.sofar', counts)}</p> : null}
      {run.shown === 'failed' && run.error ? <p>{report?.error ? t('dcatImport.failed', { error: run.error }) : t('dcatImport.run.fault', { error: run.error })}</p> : null}
      {finished && totals && (run.shown === 'succeeded' || totals.datasets + totals.dataServices + totals.series > 0) ? (
        <>
          <p>{t('dcatImport.report.summary', { ...counts, total: totals.datasets + totals.dataServices + totals.series })}</p>
          <p>{t('dcatImport.report.counts', { datasets: totals.datasets, distributions: totals.distributions, dataServices: totals.dataServices, series: totals.series, withWarnings: totals.withWarnings, normalised: totals.normalised, dropped: totals.dropped })}</p>
        </>
      ) : null}
    </div>
  );
}

export function RunPage({ ctx, org, run, report }: RunPageProps) {
  const { t } = ctx;
  const finished = run.shown === 'succeeded' || run.shown === 'failed';
  const self = `/organizations/${org.slug}/import/${run.id}`;
  return (
    <Layout ctx={ctx} title={t('dcatImport.report.title')}>
      <p>
        <a href={ctx.href(`/organizations/${org.slug}/import`)}>{t('dcatImport.title')}</a>
      </p>
      <h1>{t('dcatImport.report.title')}</h1>
      <dl class="meta-list">
        <dt>{t('dcatImport.report.source')}</dt>
        <dd>{run.source}</dd>
        <dt>{t(run.shown === 'queued' ? 'dcatImport.report.queued' : 'dcatImport.report.started')}</dt>
        <dd>
          <time datetime={run.started_at}>{dateTime(ctx, run.started_at)}</time>
        </dd>
        {finished && run.finished_at ? (
          <>
            <dt>{t('dcatImport.report.finished')}</dt>
            <dd>
              <time datetime={run.finished_at}>{dateTime(ctx, run.finished_at)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t('dcatImport.report.status')}</dt>
        <dd>{t(`dcatImport.status.${run.shown}`)}</dd>
      </dl>
      <RunStatus ctx={ctx} run={run} report={report} />
      {finished ? null : (
        <>
          <p>{t('dcatImport.run.updateHint')}</p>
          <p>
            <a id="import-update" class="button button-secondary" href={ctx.href(self)} data-status-url={ctx.href(`${self}/status`)}>
              {t('dcatImport.run.update')}
            </a>
          </p>
          <script src="/static/import-status.js" defer></script>
        </>
      )}
      {report ? <ReportTable ctx={ctx} report={report} /> : null}
    </Layout>
  );
}

function ReportTable({ ctx, report }: { ctx: PageContext; report: ImportReport }) {
  const { t } = ctx;
  return (
    <>
      {report.omittedItems ? <p>{t('dcatImport.report.omitted', { shown: report.items.length, total: report.items.length + report.omittedItems })}</p> : null}
      {report.items.length ? (
        <div class="table-scroll">
          <table>
            <caption>{t('dcatImport.report.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dcatImport.report.resource')}</th>
                <th scope="col">{t('dcatImport.report.kind')}</th>
                <th scope="col">{t('dcatImport.report.action')}</th>
                <th scope="col">{t('dcatImport.report.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => {
                const path = item.kind === 'dataset' ? 'datasets' : item.kind === 'dataService' ? 'data-services' : 'series';
                return (
                  <tr>
                    <th scope="row">
                      {item.slug ? <a href={ctx.href(`/${path}/${item.slug}`)}>{item.title || item.key}</a> : item.title || item.key}
                      <br />
                      <small>{item.iri ?? t('dcatImport.report.blank')}</small>
                    </th>
                    <td>{t(`dcatImport.kind.${item.kind}`)}</td>
                    <td>{t(`dcatImport.action.${item.action}`)}</td>
                    <td>
                      <ItemNotes ctx={ctx} item={item} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
