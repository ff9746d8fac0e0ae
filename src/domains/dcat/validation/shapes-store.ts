// The vendored SHACL shapes and vocabularies (./shapes, see SOURCES.md), parsed once per process
// and cached. They are read from the source tree (also by the built bundle, which runs from the
// same checkout), not bundled: 700 KB of Turtle a server that never validates never loads.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as RDF from '@rdfjs/types';
import { parseRdf } from '../rdf-parse.js';

const SHAPES_DIR = path.join('src', 'domains', 'dcat', 'validation', 'shapes');

/** The shapes folder: beside this file in the sources, under the package root from dist/. */
function shapesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(dir, 'shapes');
  if (fs.existsSync(path.join(beside, 'SOURCES.md'))) return beside;
  for (;;) {
    const candidate = path.join(dir, SHAPES_DIR);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`the validation shapes (${SHAPES_DIR}) are missing`);
    dir = parent;
  }
}

export interface ShapeSets {
  /** DCAT-AP 3.0.1 base shapes (cardinalities, node kinds, datatypes). */
  base: RDF.Quad[];
  /** DCAT-AP 3.0.1 controlled-vocabulary shapes. */
  codeLists: RDF.Quad[];
  /** DCAT-AP HVD 3.0.0 base shapes (for high-value resources only). */
  hvd: RDF.Quad[];
  /** The vocabularies the code-list shapes look values up in. */
  vocabularies: RDF.Quad[];
}

const VOCABULARIES = [
  'vocabularies/eu-op/data-theme.2020.ttl',
  'vocabularies/eu-op/file-type.2020.ttl',
  'vocabularies/eu-op/frequency.2020.ttl',
  'vocabularies/adms/ADMS_SKOS_v1.00.rdf',
  'vocabularies/derived/access-right.ttl',
  'vocabularies/derived/distribution-status.ttl',
  'vocabularies/derived/hvd-category.ttl',
  'vocabularies/derived/language.ttl',
  'vocabularies/derived/planned-availability.ttl',
  'allmanning/background.ttl',
];

async function read(dir: string, file: string): Promise<RDF.Quad[]> {
  const text = await fs.promises.readFile(path.join(dir, file), 'utf8');
  return parseRdf(text, file.endsWith('.rdf') ? 'rdf' : 'ttl');
}

const SH = 'http://www.w3.org/ns/shacl#';
const CHECKSUM_RESTRICTION = 'http://data.europa.eu/r5r#ChecksumAlgorithmRestriction';

/** The erratum of SOURCES.md: the https-only pattern no SPDX algorithm IRI can match. */
function withoutChecksumPattern(quads: RDF.Quad[]): RDF.Quad[] {
  return quads.filter((q) => !(q.subject.value === CHECKSUM_RESTRICTION && q.predicate.value === `${SH}pattern`));
}

let loading: Promise<ShapeSets> | undefined;

export function loadShapeSets(): Promise<ShapeSets> {
  loading ??= (async () => {
    const dir = shapesDir();
    const [base, codeLists, hvd, ...vocabularies] = await Promise.all([
      read(dir, 'dcat-ap-3.0.1/shapes.ttl'),
      read(dir, 'dcat-ap-3.0.1/mdr-vocabularies.shape.ttl'),
      read(dir, 'dcat-ap-hvd-3.0.0/hvd-SHACL-base.ttl'),
      ...VOCABULARIES.map((file) => read(dir, file)),
    ]);
    return { base: base!, codeLists: withoutChecksumPattern(codeLists!), hvd: hvd!, vocabularies: vocabularies.flat() };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
