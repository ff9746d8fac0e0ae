// Validation as users meet it (the API, the CLI, the dataset editor): RDF in, a readable result
// out. Runs the DCAT-AP 3.0.1 shapes (base and code lists), the DCAT-AP HVD shapes on high-value
// resources and the DCAT-AP-SE checker, and words every finding for a publisher.
import type * as RDF from '@rdfjs/types';
import type { Locale } from '../../../platform/i18n/index.js';
import { parseRdf, RdfParseError, detectFormat } from '../rdf-parse.js';
import type { RdfFormat } from '../serializers/index.js';
import { checkDcatApSe } from './dcat-ap-se.checker.js';
import { GraphIndex } from './graph-index.js';
import { describeFindings, type ValidationResult } from './messages.js';
import { runShacl } from './shacl.js';

export type { ValidationIssue, ValidationResult, ValidationCounts } from './messages.js';
export type { Finding } from './findings.js';

/** Every check on a graph, as findings (tests use these; people get validateQuads' words). */
export async function findingsOf(quads: readonly RDF.Quad[]) {
  return [...(await runShacl(quads)), ...checkDcatApSe(quads)];
}

export async function validateQuads(quads: readonly RDF.Quad[], locale: Locale): Promise<ValidationResult> {
  return describeFindings(await findingsOf(quads), new GraphIndex(quads), locale);
}

export interface TextInput {
  text: string;
  format?: RdfFormat | undefined;
  contentType?: string | undefined;
  fileName?: string | undefined;
  /** Where relative IRIs would resolve; left unset, they stay relative and are reported. */
  baseIri?: string | undefined;
}

/** Parses and validates a document; an unreadable one throws RdfParseError (line, column). */
export async function validateText(input: TextInput, locale: Locale): Promise<ValidationResult> {
  const format = input.format ?? detectFormat(input.text, input);
  const quads = await parseRdf(input.text, format, input.baseIri);
  if (quads.length === 0) throw new RdfParseError('the document contains no RDF statements');
  return validateQuads(quads, locale);
}
