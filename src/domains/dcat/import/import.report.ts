// The import report: per resource what was imported, what was normalised on the way in and what
// was dropped (and why), with totals — JSON for scripts (`--json`, stored with the run), a short
// readable summary for people (the CLI), and the import page's table.
import type { MessageKey, Translate } from '../../../platform/i18n/index.js';
import type { Dropped, Normalised } from './rdf-mapping.js';
import type { DropReason } from './normalize-values.js';

export type ImportAction = 'created' | 'updated' | 'unchanged' | 'failed';

/** Why a resource could not be imported at all. */
export type FailureReason = 'no_publisher' | 'other_organization' | 'deleted_here' | 'no_title' | 'publisher_failed';

export interface ReportWarning {
  field: string;
  property: string;
  /** Message key (catalog.readiness.*, catalog.hvd.*). */
  message: string;
}

export interface ReportItem {
  kind: 'dataset' | 'dataService' | 'series';
  /** Its IRI in the source (null for a blank node). */
  iri: string | null;
  /** The identity it is matched by on the next import. */
  key: string;
  title: string;
  action: ImportAction;
  /** Where it is now (not for failures). */
  slug?: string;
  error?: FailureReason;
  warnings: ReportWarning[];
  normalised: Normalised[];
  dropped: Dropped[];
}

export interface ImportTotals {
  datasets: number;
  dataServices: number;
  series: number;
  distributions: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Resources with at least one warning. */
  withWarnings: number;
  normalised: number;
  dropped: number;
}

export interface ImportReport {
  runId: string;
  source: string;
  sourceId: string;
  /** Documents read (Hydra pages). */
  pages: number;
  formats: string[];
  organization: { id: string; slug: string } | null;
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  /** One line (file:line:column: message) when the source could not be read. */
  error?: string;
  totals: ImportTotals;
  items: ReportItem[];
  /** The file was the same as in this earlier run, whose resources are all still here: not read again. */
  sameAsRun?: string;
  /** Items left out of a stored report (see MAX_STORED_ITEMS). */
  omittedItems?: number;
}

export function emptyTotals(): ImportTotals {
  return { datasets: 0, dataServices: 0, series: 0, distributions: 0, created: 0, updated: 0, unchanged: 0, failed: 0, withWarnings: 0, normalised: 0, dropped: 0 };
}

export const REASON_KEYS: Record<DropReason | FailureReason, MessageKey> = {
  not_in_model: 'dcatImport.reason.not_in_model',
  unknown_concept: 'dcatImport.reason.unknown_concept',
  not_a_url: 'dcatImport.reason.not_a_url',
  not_a_date: 'dcatImport.reason.not_a_date',
  not_a_number: 'dcatImport.reason.not_a_number',
  only_one: 'dcatImport.reason.only_one',
  other_language: 'dcatImport.reason.other_language',
  no_value: 'dcatImport.reason.no_value',
  contact_incomplete: 'dcatImport.reason.contact_incomplete',
  checksum_algorithm: 'dcatImport.reason.checksum_algorithm',
  not_in_source: 'dcatImport.reason.not_in_source',
  unknown_licence: 'dcatImport.reason.unknown_licence',
  not_a_media_type: 'dcatImport.reason.not_a_media_type',
  too_many: 'dcatImport.reason.too_many',
  invalid: 'dcatImport.reason.invalid',
  no_publisher: 'dcatImport.reason.no_publisher',
  other_organization: 'dcatImport.reason.other_organization',
  deleted_here: 'dcatImport.reason.deleted_here',
  no_title: 'dcatImport.reason.no_title',
  publisher_failed: 'dcatImport.reason.publisher_failed',
};

/** A stored report keeps every resource that was not simply unchanged, and up to this many in all. */
export const MAX_STORED_ITEMS = 5000;

/** The report to store with the run: changed, failed and warned-about resources first. */
export function storedReport(report: ImportReport): ImportReport {
  if (report.items.length <= MAX_STORED_ITEMS) return report;
  const interesting = report.items.filter((i) => i.action !== 'unchanged' || i.warnings.length || i.dropped.length);
  const rest = report.items.filter((i) => !(i.action !== 'unchanged' || i.warnings.length || i.dropped.length));
  const items = [...interesting, ...rest].slice(0, MAX_STORED_ITEMS);
  return { ...report, items, omittedItems: report.items.length - items.length };
}

/** The readable summary the CLI prints: totals, then each resource that needs a look. */
export function summaryText(report: ImportReport, t: Translate, options: { details?: number } = {}): string {
  const { totals } = report;
  const lines = [
    `Imported ${report.source} (${report.pages} ${report.pages === 1 ? 'document' : 'pages'}, ${report.formats.join(', ')})`,
    `  datasets: ${totals.datasets}, distributions: ${totals.distributions}, data services: ${totals.dataServices}, series: ${totals.series}`,
    `  created: ${totals.created}, updated: ${totals.updated}, unchanged: ${totals.unchanged}, failed: ${totals.failed}`,
    `  with warnings: ${totals.withWarnings}, values normalised: ${totals.normalised}, values dropped: ${totals.dropped}`,
  ];
  const limit = options.details ?? 20;
  const notable = report.items.filter((i) => i.action === 'failed' || i.warnings.length || i.dropped.length);
  for (const item of notable.slice(0, limit)) {
    lines.push(`${item.action.padEnd(9)} ${item.kind} ${JSON.stringify(item.title)} ${item.iri ?? item.key}`);
    if (item.error) lines.push(`    failed: ${t(REASON_KEYS[item.error])}`);
    for (const w of item.warnings) lines.push(`    warning: ${t(w.message as MessageKey)} (${w.property})`);
    for (const d of item.dropped.slice(0, 5)) lines.push(`    dropped ${d.property} ${d.value}: ${t(REASON_KEYS[d.reason])}`);
    if (item.dropped.length > 5) lines.push(`    … and ${item.dropped.length - 5} more dropped values`);
  }
  if (notable.length > limit) lines.push(`… and ${notable.length - limit} more resources with warnings or dropped values (see --json)`);
  return `${lines.join('\n')}\n`;
}
