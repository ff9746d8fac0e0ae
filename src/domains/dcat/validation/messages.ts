// Findings → what a publisher reads: which resource (its title and kind), which property (its
// DCAT-AP-SE label), what is wrong and how to fix it, in Swedish or English. Two checks that find
// the same thing (DCAT-AP's minCount and DCAT-AP-SE's mandatory property) say it once.
import { translator, type Locale, type MessageKey } from '../../../platform/i18n/index.js';
import type { Finding, FindingSource, Severity } from './findings.js';
import { shortIri, showTerm } from './findings.js';
import { termKey, type GraphIndex } from './graph-index.js';
import { classesOf, propertyLabel } from './requirements.js';

export interface ValidationIssue {
  severity: Severity;
  source: FindingSource;
  /** The resource's IRI (or _:label for a blank node). */
  focusNode: string;
  resourceType: string | null;
  resourceTitle: string | null;
  /** The property's IRI. */
  path: string | null;
  propertyLabel: string | null;
  value: string | null;
  message: string;
  hint: string;
}

export interface ValidationCounts {
  violation: number;
  warning: number;
  info: number;
}

export interface ValidationResult {
  /** True when nothing is an error (warnings and suggestions do not count). */
  conforms: boolean;
  violations: ValidationIssue[];
  counts: ValidationCounts;
}

const CLASS_KEYS: Record<string, MessageKey> = {
  'dcat:Catalog': 'dcat.class.Catalog',
  'dcat:Dataset': 'dcat.class.Dataset',
  'dcat:Distribution': 'dcat.class.Distribution',
  'dcat:DataService': 'dcat.class.DataService',
  'dcat:DatasetSeries': 'dcat.class.DatasetSeries',
  'dcat:foaf:Agent': 'dcat.class.Agent',
  'dcat:contactPoint': 'dcat.class.ContactPoint',
};

const OTHER_TYPES: Record<string, MessageKey> = {
  'http://spdx.org/rdf/terms#Checksum': 'dcat.class.Checksum',
  'http://purl.org/dc/terms/PeriodOfTime': 'dcat.class.PeriodOfTime',
};

/** Checks that say the same thing in other words share a topic; one issue per topic is kept. */
const TOPIC: Partial<Record<Finding['kind'], string>> = {
  minCount: 'missing',
  'se.mandatory': 'missing',
  maxCount: 'many',
  'se.maxCount': 'many',
  nodeKindIri: 'iri',
  'se.expectIri': 'iri',
  nodeKindLiteral: 'literal',
  'se.expectLiteral': 'literal',
  datatype: 'datatype',
  date: 'datatype',
  'se.datatype': 'datatype',
};

const RANK: Record<Severity, number> = { violation: 0, warning: 1, info: 2 };

function keysOf(kind: Finding['kind']): [MessageKey, MessageKey] {
  if (kind.startsWith('se.')) return [`dcat.${kind}` as MessageKey, `dcat.hint.${kind}` as MessageKey];
  return [`dcat.issue.${kind}` as MessageKey, `dcat.hint.${kind}` as MessageKey];
}

export function describeFindings(findings: readonly Finding[], graph: GraphIndex, locale: Locale): ValidationResult {
  const t = translator(locale);
  const kept = new Map<string, Finding>();
  for (const f of findings) {
    const topic = TOPIC[f.kind];
    const key = topic ? `${topic} ${termKey(f.focusNode)} ${f.path ?? ''} ${f.value ? termKey(f.value) : ''}` : `${kept.size} unique`;
    const earlier = kept.get(key);
    if (!earlier || RANK[f.severity] < RANK[earlier.severity]) kept.set(key, f);
  }
  const issues = [...kept.values()]
    .map((f, order) => ({ f, order }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.order - b.order)
    .map(({ f }): ValidationIssue => {
      const types = graph.types(f.focusNode);
      const classKeys = classesOf(types).map((c) => c.key);
      const typeKey = classKeys.map((k) => CLASS_KEYS[k]).find(Boolean) ?? types.map((type) => OTHER_TYPES[type]).find(Boolean);
      const label = f.path ? (propertyLabel(f.path, locale, classKeys) ?? shortIri(f.path)) : null;
      const classLabel = f.params.classKey && CLASS_KEYS[f.params.classKey] ? t(CLASS_KEYS[f.params.classKey]!) : t(typeKey ?? 'dcat.class.Resource');
      const params = { ...f.params, property: label ?? classLabel, value: showTerm(f.value), class: f.params.class ?? classLabel, min: f.params.min ?? '1' };
      const [messageKey, hintKey] = keysOf(f.kind);
      return {
        severity: f.severity,
        source: f.source,
        focusNode: f.focusNode.termType === 'BlankNode' ? `_:${f.focusNode.value}` : f.focusNode.value,
        resourceType: typeKey ? t(typeKey) : null,
        resourceTitle: graph.title(f.focusNode, locale) ?? null,
        path: f.path ?? null,
        propertyLabel: label,
        value: f.value ? showTerm(f.value) : null,
        message: t(messageKey, params),
        hint: t(hintKey, params),
      };
    });
  const counts: ValidationCounts = { violation: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return { conforms: counts.violation === 0, violations: issues, counts };
}
