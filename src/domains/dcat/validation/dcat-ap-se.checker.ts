// The DCAT-AP-SE 3.0.1 checker, driven by the requirements file (requirements.ts): for every node
// of a class the profile describes, mandatory properties present, no more values than allowed,
// values of the right kind (language-tagged text, IRI, typed date) and from the closed lists, the
// HVD category exactly when the HVD legislation is named; recommended properties missing are
// suggestions. Plus Sveriges dataportal's harvesting rules: no blank nodes for catalogs,
// datasets, distributions, data services, agents and contact points; absolute RFC 3987 IRIs; the
// dataportal.se publisher IRI.
import type * as RDF from '@rdfjs/types';
import { HVD_LEGISLATION_IRI } from '../../catalog/index.js';
import type { Finding, FindingKind, Severity } from './findings.js';
import { shortIri } from './findings.js';
import { GraphIndex, termKey } from './graph-index.js';
import { classesOf, type ClassRules, type PropertyRule } from './requirements.js';

const LEGISLATION = 'http://data.europa.eu/r5r/applicableLegislation';
const HVD_CATEGORY = 'http://data.europa.eu/r5r/hvdCategory';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const PUBLISHER = 'http://purl.org/dc/terms/publisher';
/** Properties whose objects must have IRIs of their own (dataportal.se harvests them by identity). */
const IDENTIFIED_BY_OBJECT = ['http://purl.org/dc/terms/publisher', 'http://www.w3.org/ns/dcat#contactPoint', 'http://www.w3.org/ns/dcat#distribution', 'http://www.w3.org/ns/dcat#dataset', 'http://www.w3.org/ns/dcat#service'];
const DATAPORTAL_PUBLISHER = /^http:\/\/dataportal\.se\/organisation\/SE\d{10}(-[A-Za-z0-9-]+)?$/;
// Characters RFC 3987 does not allow anywhere in an IRI.
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|\\^`\u007F]/;

function finding(kind: FindingKind, severity: Severity, focusNode: RDF.Term, path: string | undefined, value: RDF.Term | undefined, params: Record<string, string> = {}): Finding {
  return { source: 'dcat-ap-se', severity, kind, focusNode, path, value, params };
}

/** The allowed value that shares the longest start with `value` (same vocabulary, similar code). */
function closest(choices: string[], value: string): string {
  const shared = (a: string) => {
    let n = 0;
    while (n < a.length && a[n] === value[n]) n++;
    return n;
  };
  return choices.reduce((best, c) => (shared(c) > shared(best) ? c : best), choices[0]!);
}

function checkValue(rule: PropertyRule, node: RDF.Term, value: RDF.Term): Finding | undefined {
  const types = rule.nodetypes;
  // Alternative groups mix lists of another node type than DCAT-AP's (dct:format as media type
  // text where DCAT-AP 3 wants the EU file-type IRI): only presence is checked for them.
  if (rule.group || types.size === 0) return undefined;
  const literal = value.termType === 'Literal' ? value : undefined;
  if (types.has('LANGUAGE_LITERAL') && types.size === 1) {
    if (!literal) return finding('se.expectLiteral', 'violation', node, rule.property, value);
    if (!literal.language) return finding('se.languageTag', 'warning', node, rule.property, value);
    return undefined;
  }
  if (types.has('URI') || types.has('RESOURCE')) {
    const ok = value.termType === 'NamedNode' || (types.has('RESOURCE') && value.termType === 'BlankNode');
    if (!ok && !types.has('LITERAL') && !types.has('ONLY_LITERAL')) return finding('se.expectIri', 'violation', node, rule.property, value);
    if (rule.choices && value.termType === 'NamedNode' && !rule.choices.has(value.value)) {
      // The profile's pick list; membership of the EU tables themselves is DCAT-AP's code-list check.
      return finding('se.choice', 'warning', node, rule.property, value, { example: `<${closest([...rule.choices], value.value)}>` });
    }
    return undefined;
  }
  if ((types.has('ONLY_LITERAL') || types.has('LITERAL') || types.has('DATATYPE_LITERAL')) && !literal) return finding('se.expectLiteral', 'violation', node, rule.property, value);
  if (literal && types.has('DATATYPE_LITERAL') && rule.datatypes && !rule.datatypes.includes(literal.datatype.value)) {
    return finding('se.datatype', 'violation', node, rule.property, value, { datatype: rule.datatypes.map(shortIri).join(', ') });
  }
  return undefined;
}

function checkRule(rule: PropertyRule, node: RDF.Term, values: RDF.Term[], hvd: boolean): Finding[] {
  const out: Finding[] = [];
  const { property } = rule;
  if (rule.level === 'conditional' && property === HVD_CATEGORY) {
    if (hvd && values.length === 0) out.push(finding('se.mandatory', 'violation', node, property, undefined));
    if (!hvd && values.length > 0) out.push(finding('se.hvdCategoryWithoutHvd', 'violation', node, property, values[0]));
  } else if (rule.level === 'mandatory' && values.length < Math.max(rule.min, 1)) {
    out.push(finding('se.mandatory', 'violation', node, property, undefined, { min: String(Math.max(rule.min, 1)) }));
  } else if (rule.level === 'recommended' && values.length === 0) {
    out.push(finding('se.recommended', 'info', node, property, undefined));
  }
  if (rule.max !== null && values.length > rule.max) out.push(finding('se.maxCount', 'violation', node, property, undefined, { max: String(rule.max), count: String(values.length) }));
  for (const value of values) {
    const problem = checkValue(rule, node, value);
    if (problem) out.push(problem);
  }
  return out;
}

function checkNode(graph: GraphIndex, node: RDF.Quad_Subject, classes: ClassRules[]): Finding[] {
  const out: Finding[] = [];
  const hvd = graph.values(node, LEGISLATION).some((v) => v.value === HVD_LEGISLATION_IRI);
  for (const cls of classes) {
    if (node.termType === 'BlankNode') out.push(finding('se.blankNode', 'violation', node, undefined, undefined, { classKey: cls.key }));
    for (const rule of cls.rules) {
      // rdf:type of a contact point: only the vCard kinds count (not other types it may carry).
      const values = rule.property === RDF_TYPE ? graph.values(node, RDF_TYPE).filter((t) => cls.types.includes(t.value)) : graph.values(node, rule.property);
      out.push(...checkRule(rule, node, values, hvd));
    }
  }
  return out;
}

/** Absolute, RFC 3987-clean IRIs everywhere; one finding per offending IRI. */
function checkIris(graph: GraphIndex): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const q of graph.quads) {
    for (const term of [q.subject, q.object]) {
      if (term.termType !== 'NamedNode' || seen.has(term.value)) continue;
      seen.add(term.value);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(term.value)) out.push(finding('se.relativeIri', 'violation', q.subject, q.subject === term ? undefined : q.predicate.value, term));
      else if (NOT_IN_IRI.test(term.value)) out.push(finding('se.invalidIri', 'violation', q.subject, q.subject === term ? undefined : q.predicate.value, term));
    }
  }
  return out;
}

export function checkDcatApSe(quads: readonly RDF.Quad[]): Finding[] {
  const graph = new GraphIndex(quads);
  const out: Finding[] = [];
  const blankObjects = new Set<string>();
  for (const node of graph.subjects()) {
    const classes = classesOf(graph.types(node));
    if (classes.length) out.push(...checkNode(graph, node, classes));
  }
  for (const q of quads) {
    if (!IDENTIFIED_BY_OBJECT.includes(q.predicate.value)) continue;
    if (q.object.termType === 'BlankNode' && graph.types(q.object).length === 0 && !blankObjects.has(termKey(q.object))) {
      blankObjects.add(termKey(q.object));
      out.push(finding('se.blankNode', 'violation', q.object, undefined, undefined, { classKey: 'resource' }));
    }
    if (q.predicate.value === PUBLISHER && q.object.termType === 'NamedNode' && !DATAPORTAL_PUBLISHER.test(q.object.value)) {
      out.push(finding('se.publisherIri', 'info', q.object, undefined, q.object));
    }
  }
  out.push(...checkIris(graph));
  return dedupe(out);
}

/** One finding per node, kind and property (a publisher named by many datasets is one note). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.kind, termKey(f.focusNode), f.path ?? '', f.value ? termKey(f.value) : ''].join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
