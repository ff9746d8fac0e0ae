// The shape of the vendored vocabulary files in ./data (written by generate.ts).

export type SchemeName =
  | 'dataTheme'
  | 'fileType'
  | 'frequency'
  | 'language'
  | 'accessRight'
  | 'distributionStatus'
  | 'plannedAvailability'
  | 'hvdCategory'
  | 'licence'
  | 'publisherType';

export type Locale = 'sv' | 'en';

export interface Concept {
  /** The concept's IRI exactly as the vocabulary spells it (http://…, no trailing slash). */
  iri: string;
  /** The vocabulary's notation (authority code), e.g. 'CSV', 'ECON', 'SWE', 'c_ac64a52d'. */
  code: string;
  /** sv falls back to en when the vocabulary has no Swedish label (then svFallback is true). */
  label: { sv: string; en: string };
  svFallback?: true;
  /** The vocabulary marks the concept deprecated: keep accepting it, never offer it. */
  deprecated?: true;
  /** File types: the IANA media type the EU table maps the type to, and file extensions. */
  mediaType?: string;
  extensions?: string[];
  /** Licences: the short name (e.g. 'CC BY 4.0') and the licence's own URLs (skos:exactMatch). */
  short?: string;
  sameAs?: string[];
}

export interface VocabularyFile {
  scheme: string;
  /** Paths under ../shared/standards the file was built from (see SOURCES.md for attribution). */
  sources: string[];
  concepts: Concept[];
}
