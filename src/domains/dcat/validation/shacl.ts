// Runs the DCAT-AP 3.0.1 shapes with rdf-validate-shacl: the base shapes on the data, the
// code-list shapes on the data merged with the vocabularies (the shapes look values up there), and
// the DCAT-AP HVD base shapes on the high-value resources only (they target every dcat:Dataset, so
// on a whole catalog they would demand HVD properties of ordinary datasets too). Each result is
// read into a Finding with the constraint's parameters taken from the shapes graph.
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { HVD_LEGISLATION_IRI } from '../../catalog/index.js';
import type { Finding, FindingKind, FindingSource, Severity } from './findings.js';
import { shortIri } from './findings.js';
import { loadShapeSets } from './shapes-store.js';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const SKOS_IN_SCHEME = 'http://www.w3.org/2004/02/skos/core#inScheme';
const LEGISLATION = 'http://data.europa.eu/r5r/applicableLegislation';
const EU_TABLES = /^http:\/\/publications\.europa\.eu\/resource\/authority\/(country|place|continent)\/[^/]+$/;

interface Validator {
  validate(data: RDF.DatasetCore): Promise<{ results: ResultLike[] }>;
}
interface ResultLike {
  focusNode: RDF.Term;
  path: RDF.Term | null;
  value: RDF.Term | null;
  severity: RDF.Term;
  sourceConstraintComponent: RDF.Term;
  sourceShape: RDF.Term;
  message: RDF.Term[];
  detail: ResultLike[];
}

/** The shapes graph indexed by subject, to read a constraint's parameters. */
class ShapesIndex {
  private readonly bySubject = new Map<string, RDF.Quad[]>();
  constructor(quads: readonly RDF.Quad[]) {
    for (const q of quads) {
      const key = `${q.subject.termType}:${q.subject.value}`;
      (this.bySubject.get(key) ?? this.bySubject.set(key, []).get(key)!).push(q);
    }
  }
  objects(node: RDF.Term | null | undefined, predicate: string): RDF.Term[] {
    if (!node) return [];
    return (this.bySubject.get(`${node.termType}:${node.value}`) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }
  one(node: RDF.Term | null | undefined, predicate: string): RDF.Term | undefined {
    return this.objects(node, predicate)[0];
  }
}

interface Prepared {
  validator: Validator;
  index: ShapesIndex;
  source: FindingSource;
}

interface Env {
  dataset(quads?: RDF.Quad[]): RDF.DatasetCore;
}

let prepared: Promise<{ env: Env; base: Prepared; codeLists: Prepared; hvd: Prepared; vocabularies: RDF.Quad[] }> | undefined;

/** Loaded on first use: the SHACL stack is large and only validation needs it. */
function prepare() {
  prepared ??= (async () => {
    const [{ default: env }, { default: SHACLValidator }, sets] = await Promise.all([import('@zazuko/env'), import('rdf-validate-shacl'), loadShapeSets()]);
    const make = (quads: RDF.Quad[], source: FindingSource): Prepared => ({
      validator: new SHACLValidator(env.dataset(quads), { factory: env as never, importGraph: () => env.dataset() }) as unknown as Validator,
      index: new ShapesIndex(quads),
      source,
    });
    return { env: env as unknown as Env, base: make(sets.base, 'dcat-ap'), codeLists: make(sets.codeLists, 'dcat-ap-codelists'), hvd: make(sets.hvd, 'dcat-ap-hvd'), vocabularies: sets.vocabularies };
  })();
  prepared.catch(() => (prepared = undefined));
  return prepared;
}

const severityOf = (term: RDF.Term): Severity => (term.value === `${SH}Warning` ? 'warning' : term.value === `${SH}Info` ? 'info' : 'violation');
const literalValue = (term: RDF.Term | undefined) => term?.value ?? '';

/** The scheme a failed sh:node restriction names, from the nested results that say what failed. */
function schemeInDetail(index: ShapesIndex, results: readonly ResultLike[]): string | undefined {
  for (const result of results) {
    const deeper = schemeInDetail(index, result.detail);
    if (deeper) return deeper;
    const scheme = index.one(result.sourceShape, `${SH}hasValue`);
    if (scheme && index.one(result.sourceShape, `${SH}path`)?.value === SKOS_IN_SCHEME) return scheme.value;
  }
  return undefined;
}

/** What a code-list (sh:node) restriction asks for: its scheme, pattern or alternatives. */
function vocabularyOf(index: ShapesIndex, shape: RDF.Term, detail: readonly ResultLike[]): string | undefined {
  const named = schemeInDetail(index, detail);
  if (named) return named;
  for (const node of index.objects(shape, `${SH}node`)) {
    for (const property of index.objects(node, `${SH}property`)) {
      const scheme = index.one(property, `${SH}hasValue`);
      if (scheme && index.one(property, `${SH}path`)?.value === SKOS_IN_SCHEME) return scheme.value;
    }
    const pattern = index.one(node, `${SH}pattern`);
    if (pattern) return `${pattern.value.replace(/^\^/, '')}…`;
    const cls = index.one(node, `${SH}class`);
    if (cls) return shortIri(cls.value);
    if (index.one(node, `${SH}or`)) return 'EU country, place or continent tables, or GeoNames';
  }
  return undefined;
}

function read(result: ResultLike, { index, source }: Prepared): Finding {
  const component = result.sourceConstraintComponent.value.replace(SH, '').replace(/ConstraintComponent$/, '');
  const shape = result.sourceShape;
  const shapePath = index.one(shape, `${SH}path`);
  const inverse = shapePath?.termType === 'BlankNode' ? index.one(shapePath, `${SH}inversePath`) : undefined;
  const path = result.path?.termType === 'NamedNode' ? result.path.value : (inverse?.value ?? shapePath?.value);
  const params: Record<string, string> = {};
  let kind: FindingKind = 'generic';
  switch (component) {
    case 'MinCount':
      kind = inverse?.value === `${DCAT}inSeries` ? 'seriesEmpty' : 'minCount';
      params.min = literalValue(index.one(shape, `${SH}minCount`)) || '1';
      break;
    case 'MaxCount':
      kind = 'maxCount';
      params.max = literalValue(index.one(shape, `${SH}maxCount`));
      break;
    case 'NodeKind':
      kind = index.one(shape, `${SH}nodeKind`)?.value === `${SH}Literal` ? 'nodeKindLiteral' : 'nodeKindIri';
      break;
    case 'Datatype':
      kind = 'datatype';
      params.datatype = shortIri(literalValue(index.one(shape, `${SH}datatype`)));
      break;
    case 'Class':
      kind = 'class';
      params.class = shortIri(literalValue(index.one(shape, `${SH}class`)));
      break;
    case 'Pattern':
      kind = 'pattern';
      params.pattern = literalValue(index.one(shape, `${SH}pattern`));
      break;
    case 'HasValue':
      kind = 'hasValue';
      params.expected = `<${literalValue(index.one(shape, `${SH}hasValue`))}>`;
      break;
    case 'Node':
    case 'Or': {
      const nodes = index.objects(shape, `${SH}node`).map((n) => n.value);
      if (component === 'Or' || nodes.some((n) => n.endsWith('DateOrDateTimeDataType_Shape'))) kind = 'date';
      else {
        kind = 'codeList';
        params.vocabulary = vocabularyOf(index, shape, result.detail) ?? 'DCAT-AP';
      }
      break;
    }
  }
  if (kind === 'generic') params.detail = result.message.map((m) => m.value).join(' ') || component;
  return { source, severity: severityOf(result.severity), kind, focusNode: result.focusNode, path, value: result.value ?? undefined, params };
}

const CORPORATE_BODY = 'http://publications.europa.eu/resource/authority/corporate-body';

/**
 * DCAT-AP warns when a publisher is not in the EU corporate-body table; DCAT-AP-SE identifies
 * Swedish publishers by Sveriges dataportal's IRI (http://dataportal.se/organisation/SE<orgnr>)
 * instead, and the DCAT-AP-SE checker suggests that IRI. So that warning is dropped: following the
 * national rule must not look like a fault, nor should two checks give opposite advice.
 */
function nationalOverride(f: Finding): boolean {
  return f.kind === 'codeList' && f.params.vocabulary === CORPORATE_BODY;
}

/** Places from the EU tables we do not vendor count as members of their table (see SOURCES.md). */
function placeMemberships(data: readonly RDF.Quad[]): RDF.Quad[] {
  const { quad, namedNode } = DataFactory;
  const out: RDF.Quad[] = [];
  for (const q of data) {
    const match = q.object.termType === 'NamedNode' ? EU_TABLES.exec(q.object.value) : null;
    if (match) out.push(quad(namedNode(q.object.value), namedNode(SKOS_IN_SCHEME), namedNode(`http://publications.europa.eu/resource/authority/${match[1]}`)));
  }
  return out;
}

/** The quads about high-value resources and their distributions (what the HVD shapes judge). */
function hvdSubgraph(data: readonly RDF.Quad[]): RDF.Quad[] {
  const hvd = new Set(data.filter((q) => q.predicate.value === LEGISLATION && q.object.value === HVD_LEGISLATION_IRI).map((q) => q.subject.value));
  const typed = new Map<string, string[]>();
  for (const q of data) if (q.predicate.value === `${RDF_NS}type`) (typed.get(q.subject.value) ?? typed.set(q.subject.value, []).get(q.subject.value)!).push(q.object.value);
  const isResource = (s: string) => (typed.get(s) ?? []).some((t) => t === `${DCAT}Dataset` || t === `${DCAT}DataService` || t === `${DCAT}DatasetSeries` || t === `${DCAT}Distribution`);
  const subjects = new Set([...hvd].filter(isResource));
  for (const q of data) if (subjects.has(q.subject.value) && q.predicate.value === `${DCAT}distribution`) subjects.add(q.object.value);
  return data.filter((q) => q.subject.termType === 'NamedNode' && subjects.has(q.subject.value));
}

/** All three shape sets on `data`; the findings in the order the validators report them. */
export async function runShacl(data: readonly RDF.Quad[]): Promise<Finding[]> {
  const { env, base, codeLists, hvd, vocabularies } = await prepare();
  const findings: Finding[] = [];
  const run = async (set: Prepared, quads: RDF.Quad[]) => {
    if (quads.length === 0) return;
    const report = await set.validator.validate(env.dataset(quads));
    for (const result of report.results) {
      const found = read(result, set);
      if (!nationalOverride(found)) findings.push(found);
    }
  };
  await run(base, [...data]);
  await run(codeLists, [...data, ...vocabularies, ...placeMemberships(data)]);
  await run(hvd, hvdSubgraph(data));
  return findings;
}
