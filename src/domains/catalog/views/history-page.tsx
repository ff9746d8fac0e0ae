// /{datasets|data-services|series}/{slug}/history: every revision — who, when, what — with a table
// of the changed fields (before, after) and, for each earlier revision, "restore this version".
import type { MessageKey } from '../../../platform/i18n/index.js';
import { ActionButton } from '../../../platform/views/forms.js';
import { Layout, type PageContext } from '../../../platform/views/index.js';
import type { CatalogFormState } from '../catalog.forms.js';
import type { ResourceKind } from '../catalog.model.js';
import { CatalogErrorSummary } from './components/error-summary.js';
import type { HistoryItem } from '../history.js';
import { resolveLicence } from '../licences.js';
import { findConcept, type SchemeName } from '../vocabularies/index.js';
import { formatDateTime, pick, type AnyLangText } from './components/localized.js';
import { kindTexts, resourcePath } from './kinds.js';

const actionLabels: Record<string, MessageKey> = {
  created: 'catalogUi.history.action.created',
  updated: 'catalogUi.history.action.updated',
  published: 'catalogUi.history.action.published',
  unpublished: 'catalogUi.history.action.unpublished',
  deleted: 'catalogUi.history.action.deleted',
  restored: 'catalogUi.history.action.restored',
  distributionAdded: 'catalogUi.history.action.distributionAdded',
  distributionChanged: 'catalogUi.history.action.distributionChanged',
  distributionRemoved: 'catalogUi.history.action.distributionRemoved',
};

/** The vocabulary behind a field (by its last name), to show labels instead of IRIs. */
const schemeOfField: Record<string, SchemeName> = {
  themes: 'dataTheme',
  hvdCategories: 'hvdCategory',
  languages: 'language',
  accrualPeriodicity: 'frequency',
  accessRights: 'accessRight',
  format: 'fileType',
  status: 'distributionStatus',
  availability: 'plannedAvailability',
};

export interface HistoryPageProps {
  ctx: PageContext;
  kind: ResourceKind;
  resource: { slug: string; title: AnyLangText; revision: number };
  items: HistoryItem[];
  labels: Record<string, string>;
  etag: string;
  canRestore: boolean;
  /** Problems of a refused restore. */
  form?: CatalogFormState | undefined;
}

function fieldLabel(ctx: PageContext, labels: Record<string, string>, field: string): string {
  const distribution = /^distributions\.[^.]+\.(.+)$/.exec(field);
  if (distribution) return `${ctx.t('catalogUi.history.distribution')}: ${labels[`distribution.${distribution[1]}`] ?? distribution[1]}`;
  return labels[field] ?? field;
}

function valueText(ctx: PageContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? ctx.t('catalogUi.yes') : ctx.t('catalogUi.no');
  if (field === 'status') return value === 'published' ? ctx.t('catalogUi.status.published') : ctx.t('catalogUi.status.draft');
  if (field === 'visibility') return value === 'private' ? ctx.t('catalogUi.visibility.private') : ctx.t('catalogUi.visibility.public');
  const last = field.split('.').pop() ?? field;
  const one = (item: unknown): string => {
    if (typeof item !== 'string') return JSON.stringify(item);
    if (last === 'license') return resolveLicence(item)?.label[ctx.locale] ?? item;
    const scheme = schemeOfField[last];
    const concept = scheme ? findConcept(scheme, item) : undefined;
    return concept ? concept.label[ctx.locale] : item;
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

export function HistoryPage({ ctx, kind, resource, items, labels, etag, canRestore, form }: HistoryPageProps) {
  const { t } = ctx;
  const texts = kindTexts[kind];
  const title = pick(resource.title, ctx.locale);
  const heading = t(texts.historyTitle, { title: title.text });
  const path = resourcePath(kind, resource.slug);
  const newestFirst = [...items].sort((a, b) => b.revision - a.revision);
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={ctx.href(path)}>
          {t(texts.backTo)} <span lang={title.lang}>{title.text}</span>
        </a>
      </p>
      <h1>{heading}</h1>
      {form ? <CatalogErrorSummary ctx={ctx} form={form} labels={labels} hrefOf={() => ctx.href(`${path}/edit`)} /> : null}
      <p>{t('catalogUi.history.intro')}</p>
      {newestFirst.map((item) => {
        const action = actionLabels[item.action] ? t(actionLabels[item.action]!) : item.action;
        const id = `revision-${item.revision}`;
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>
              {t('catalogUi.history.revision', { revision: item.revision })}: {action}
            </h2>
            <p>
              {item.actor ? item.actor.name : t('catalogUi.history.system')} · <time datetime={item.at}>{formatDateTime(ctx.locale, item.at)}</time>
              {item.revision === resource.revision ? <> · <strong>{t('catalogUi.history.current')}</strong></> : null}
            </p>
            {item.changes.length ? (
              <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
                <table>
                  <caption id={`${id}-caption`}>{t('catalogUi.history.caption', { revision: item.revision })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('catalogUi.history.field')}</th>
                      <th scope="col">{t('catalogUi.history.before')}</th>
                      <th scope="col">{t('catalogUi.history.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.changes.map((change) => (
                      <tr>
                        <th scope="row">{fieldLabel(ctx, labels, change.field)}</th>
                        <td>{valueText(ctx, change.field, change.before)}</td>
                        <td>{valueText(ctx, change.field, change.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>{t('catalogUi.history.noChanges')}</p>
            )}
            {canRestore && item.revision < resource.revision ? (
              <ActionButton ctx={ctx} action={`${path}/history/${item.revision}/restore`} label={t('catalogUi.history.restore', { revision: item.revision })} hidden={{ revision: etag }} />
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
