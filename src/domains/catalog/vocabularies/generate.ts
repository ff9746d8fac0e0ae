// Builds the compact vocabulary JSON files in ./data from the SKOS sources in ../shared/standards
// (npm run vocabularies). Parses with real RDF parsers (n3 for Turtle, rdfxml-streaming-parser for
// RDF/XML) and keeps only what the catalog needs: IRI, code, sv/en labels, deprecation and, per
// scheme, a few extras (file types: IANA media type and extensions; licences: short name and the
// licence's own URLs). A test checks that the committed JSON equals what this produces.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Concept, SchemeName, VocabularyFile } from './types.js';

interface Term {
  termType: string;
  value: string;
  language?: string;
}
interface Triple {
  subject: Term;
  predicate: Term;
  object: Term;
}

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const AUTH = 'http://publications.europa.eu/ontology/authority/';
const EUVOC = 'http://publications.europa.eu/ontology/euvoc#';
const DC = 'http://purl.org/dc/elements/1.1/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const ADMS_PUBLISHER_TYPE = 'http://purl.org/adms/publishertype/';

/** Subject → predicate → objects. */
type Graph = Map<string, Map<string, Term[]>>;

function toGraph(triples: Iterable<Triple>): Graph {
  const graph: Graph = new Map();
  for (const { subject, predicate, object } of triples) {
    let bySubject = graph.get(subject.value);
    if (!bySubject) graph.set(subject.value, (bySubject = new Map()));
    const objects = bySubject.get(predicate.value);
    if (objects) objects.push(object);
    else bySubject.set(predicate.value, [object]);
  }
  return graph;
}

function parseTurtle(text: string, baseIRI: string): Triple[] {
  return new Parser({ baseIRI }).parse(text);
}

function parseRdfXml(text: string, baseIRI: string): Promise<Triple[]> {
  return new Promise((resolve, reject) => {
    const triples: Triple[] = [];
    const parser = new RdfXmlParser({ baseIRI });
    parser.on('data', (quad: Triple) => triples.push(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(triples));
    parser.write(text);
    parser.end();
  });
}

async function loadGraph(sharedDir: string, relPath: string): Promise<Graph> {
  const file = path.join(sharedDir, 'standards', relPath);
  const text = fs.readFileSync(file, 'utf8');
  const base = `file:///${relPath}`;
  return toGraph(relPath.endsWith('.ttl') ? parseTurtle(text, base) : await parseRdfXml(text, base));
}

const values = (graph: Graph, subject: string, predicate: string): Term[] => graph.get(subject)?.get(predicate) ?? [];
const first = (graph: Graph, subject: string, predicate: string): string | undefined => values(graph, subject, predicate)[0]?.value;

function literal(graph: Graph, subject: string, predicate: string, lang: string): string | undefined {
  return values(graph, subject, predicate).find((t) => t.termType === 'Literal' && t.language === lang)?.value.trim();
}

/** The concepts of one scheme: subjects with skos:inScheme <scheme>. */
function conceptsIn(graph: Graph, scheme: string): string[] {
  const out: string[] = [];
  for (const [subject, predicates] of graph) {
    if (predicates.get(`${SKOS}inScheme`)?.some((t) => t.value === scheme)) out.push(subject);
  }
  return out;
}

const lastSegment = (iri: string) => iri.slice(iri.lastIndexOf('/') + 1);

/**
 * The Publications Office puts an "OP_DATPRO" (provisional data) placeholder into every authority
 * table; it is not a value anyone should pick, so it is left out.
 */
const isPlaceholder = (code: string) => code.startsWith('OP_');

function isDeprecated(graph: Graph, subject: string): boolean {
  return (
    first(graph, subject, `${AUTH}deprecated`) === 'true' ||
    first(graph, subject, `${EUVOC}status`) === 'http://publications.europa.eu/resource/authority/concept-status/DEPRECATED'
  );
}

/** A concept's labels: Swedish falls back to English and the fallback is recorded. */
function labelled(iri: string, code: string, sv: string | undefined, en: string | undefined, deprecated: boolean): Concept {
  const english = en ?? sv ?? code;
  const concept: Concept = { iri, code, label: { sv: sv ?? english, en: english } };
  if (!sv) concept.svFallback = true;
  if (deprecated) concept.deprecated = true;
  return concept;
}

function skosScheme(graph: Graph, scheme: string, options: { codeFromIri?: boolean } = {}): Concept[] {
  return conceptsIn(graph, scheme)
    .map((iri) => {
      const code = options.codeFromIri ? lastSegment(iri) : (first(graph, iri, `${DC}identifier`) ?? lastSegment(iri));
      return labelled(iri, code, literal(graph, iri, `${SKOS}prefLabel`, 'sv'), literal(graph, iri, `${SKOS}prefLabel`, 'en'), isDeprecated(graph, iri));
    })
    .filter((c) => !isPlaceholder(c.code));
}

/** Media types and extensions as the 2019 file-type table maps them (op-mapped-code blank nodes). */
function fileTypeMappings(graph: Graph, iri: string): { mediaTypes: string[]; extensions: string[] } {
  const mediaTypes: string[] = [];
  const extensions: string[] = [];
  for (const node of values(graph, iri, `${AUTH}op-mapped-code`)) {
    const source = first(graph, node.value, `${DC}source`);
    const code = first(graph, node.value, `${AUTH}legacy-code`);
    if (!code) continue;
    if (source === 'mime-type-cellar' && !mediaTypes.includes(code)) mediaTypes.push(code);
    if (source === 'file-extension' && !extensions.includes(code)) extensions.push(code.replace(/^\./, '').toLowerCase());
  }
  return { mediaTypes, extensions: [...new Set(extensions)] };
}

/** 'APACHE_2_0' → 'APACHE 2.0' for the licences that no table labels. */
const labelFromCode = (code: string) => code.replace(/_(\d+)_(\d+)$/, ' $1.$2').replace(/_/g, ' ');

function uniqueSorted(list: string[]): string[] {
  return [...new Set(list)].sort();
}

export const SOURCE_FILES = {
  dataTheme: ['vocabularies/eu-op/data-theme.2020.ttl'],
  fileType: ['vocabularies/eu-op/file-type.2020.ttl', 'vocabularies/eu-op/filetypes-skos.2019.rdf'],
  frequency: ['vocabularies/eu-op/frequency.2020.ttl'],
  language: ['vocabularies/derived/language.ttl'],
  accessRight: ['vocabularies/derived/access-right.ttl'],
  distributionStatus: ['vocabularies/derived/distribution-status.ttl'],
  plannedAvailability: ['vocabularies/derived/planned-availability.ttl'],
  hvdCategory: ['vocabularies/derived/hvd-category.ttl'],
  licence: [
    'vocabularies/eu-op/licence.20201216-0.rdf',
    'vocabularies/eu-op/licences-skos.20190619.rdf',
    'mqa/edp-vocabularies/edp-licences-skos.rdf',
    'mqa/mjanez-vocab/licenses.jsonl',
  ],
  publisherType: ['vocabularies/adms/ADMS_SKOS_v1.00.rdf', 'dcat-ap-se/processor-sv-labels/type.json'],
} as const satisfies Record<SchemeName, readonly string[]>;

const AUTHORITY = 'http://publications.europa.eu/resource/authority/';

export const SCHEME_IRIS: Record<SchemeName, string> = {
  dataTheme: `${AUTHORITY}data-theme`,
  fileType: `${AUTHORITY}file-type`,
  frequency: `${AUTHORITY}frequency`,
  language: `${AUTHORITY}language`,
  accessRight: `${AUTHORITY}access-right`,
  distributionStatus: `${AUTHORITY}distribution-status`,
  plannedAvailability: `${AUTHORITY}planned-availability`,
  hvdCategory: 'http://data.europa.eu/bna/asd487ae75',
  licence: `${AUTHORITY}licence`,
  publisherType: `${ADMS_PUBLISHER_TYPE}1.0`,
};

async function simple(sharedDir: string, name: SchemeName, options: { codeFromIri?: boolean } = {}): Promise<Concept[]> {
  const graph = await loadGraph(sharedDir, SOURCE_FILES[name][0]);
  return skosScheme(graph, SCHEME_IRIS[name], options);
}

async function fileTypes(sharedDir: string): Promise<Concept[]> {
  const [current, older] = await Promise.all(SOURCE_FILES.fileType.map((f) => loadGraph(sharedDir, f)));
  return skosScheme(current!, SCHEME_IRIS.fileType).map((concept) => {
    const { mediaTypes, extensions } = fileTypeMappings(older!, concept.iri);
    if (mediaTypes[0]) concept.mediaType = mediaTypes[0];
    if (extensions.length) concept.extensions = extensions;
    return concept;
  });
}

async function licences(sharedDir: string): Promise<Concept[]> {
  const [listFile, labelledFile, edpFile, urlFile] = SOURCE_FILES.licence;
  const [list, labelledTable, edp] = await Promise.all([listFile, labelledFile, edpFile].map((f) => loadGraph(sharedDir, f)));
  // mjanez's table (JSON lines) gives each EU licence code the licence's own URL.
  const urlByIri = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(sharedDir, 'standards', urlFile), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { uri?: string; url?: string };
    if (row.uri?.startsWith(SCHEME_IRIS.licence) && row.url && /^https?:\/\//.test(row.url)) urlByIri.set(row.uri, row.url);
  }
  // The EDP table names its concepts in its own namespace; dc:identifier carries the EU code.
  const edpByCode = new Map<string, string>();
  for (const [subject] of edp!) {
    const code = first(edp!, subject, `${DC}identifier`);
    if (code && values(edp!, subject, RDF_TYPE).some((t) => t.value === `${SKOS}Concept`)) edpByCode.set(code, subject);
  }
  return conceptsIn(list!, SCHEME_IRIS.licence)
    .map((iri) => {
      const code = lastSegment(iri);
      const edpIri = edpByCode.get(code);
      const sv = literal(labelledTable!, iri, `${SKOS}prefLabel`, 'sv');
      const en = literal(labelledTable!, iri, `${SKOS}prefLabel`, 'en') ?? (edpIri ? literal(edp!, edpIri, `${SKOS}prefLabel`, 'en') : undefined);
      const concept = labelled(iri, code, sv, en ?? labelFromCode(code), isDeprecated(labelledTable!, iri));
      const short =
        literal(labelledTable!, iri, `${SKOS}altLabel`, 'en') ?? (edpIri ? literal(edp!, edpIri, `${SKOS}altLabel`, 'en') : undefined);
      if (short && short !== concept.label.en) concept.short = short;
      const urls = [
        ...values(labelledTable!, iri, `${SKOS}exactMatch`),
        ...(edpIri ? values(edp!, edpIri, `${SKOS}exactMatch`) : []),
        ...(urlByIri.has(iri) ? [{ termType: 'NamedNode', value: urlByIri.get(iri)! }] : []),
      ]
        .filter((t) => t.termType === 'NamedNode')
        .map((t) => t.value);
      if (urls.length) concept.sameAs = uniqueSorted(urls);
      return concept;
    })
    .filter((c) => !isPlaceholder(c.code));
}

/**
 * ADMS publisher types (dct:type of a publisher): codes (skos:notation) and English labels from the
 * ADMS SKOS file, Swedish labels from the DCAT-AP-SE processor's table (matched by IRI).
 */
async function publisherTypes(sharedDir: string): Promise<Concept[]> {
  const [skosFile, svFile] = SOURCE_FILES.publisherType;
  const graph = await loadGraph(sharedDir, skosFile);
  const svByIri = new Map<string, string>();
  const table = JSON.parse(fs.readFileSync(path.join(sharedDir, 'standards', svFile), 'utf8')) as Record<string, { title?: string; url?: string }>;
  for (const entry of Object.values(table)) if (entry.url && entry.title) svByIri.set(entry.url, entry.title.trim());
  return conceptsIn(graph, SCHEME_IRIS.publisherType).map((iri) => {
    const code = first(graph, iri, `${SKOS}notation`) ?? lastSegment(iri);
    return labelled(iri, code, svByIri.get(iri), literal(graph, iri, `${SKOS}prefLabel`, 'en'), isDeprecated(graph, iri));
  });
}

/** Builds every scheme from the shared sources (sharedDir is the folder holding standards/). */
export async function buildVocabularies(sharedDir: string): Promise<Record<SchemeName, VocabularyFile>> {
  const built: Record<SchemeName, Concept[]> = {
    dataTheme: await simple(sharedDir, 'dataTheme'),
    fileType: await fileTypes(sharedDir),
    frequency: await simple(sharedDir, 'frequency'),
    language: await simple(sharedDir, 'language', { codeFromIri: true }),
    accessRight: await simple(sharedDir, 'accessRight', { codeFromIri: true }),
    distributionStatus: await simple(sharedDir, 'distributionStatus', { codeFromIri: true }),
    plannedAvailability: await simple(sharedDir, 'plannedAvailability', { codeFromIri: true }),
    hvdCategory: await simple(sharedDir, 'hvdCategory', { codeFromIri: true }),
    licence: await licences(sharedDir),
    publisherType: await publisherTypes(sharedDir),
  };
  const out = {} as Record<SchemeName, VocabularyFile>;
  for (const name of Object.keys(built) as SchemeName[]) {
    const concepts = built[name].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    out[name] = { scheme: SCHEME_IRIS[name], sources: [...SOURCE_FILES[name]], concepts };
  }
  return out;
}

/** Compact but diff-friendly: one concept per line. */
export function serializeVocabulary(file: VocabularyFile): string {
  const head = JSON.stringify({ scheme: file.scheme, sources: file.sources });
  return `${head.slice(0, -1)},"concepts":[\n${file.concepts.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
}

export { dataFileName } from './index.js';
