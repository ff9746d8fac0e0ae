// What the search domain speaks: documents (one per dataset, built from the catalog's tables), the
// request a search makes, and the answer. The SearchIndex interface has two implementations:
// embedded-index.ts (in memory, fed from the database; the default) and postgres-index.ts.
import type { LangText, LangList } from '../catalog/index.js';
import type { ParsedQuery, SnippetPart } from './text.js';

/** Facets, in the order pages show them. Values are stable codes (see search.documents.ts). */
export const facetNames = ['organization', 'organizationType', 'theme', 'format', 'license', 'open', 'hvd', 'keyword', 'accessRights'] as const;
export type FacetName = (typeof facetNames)[number];

export const searchSorts = ['relevance', 'title', 'modified', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];

export type SearchLocale = 'sv' | 'en';

/** One dataset as the index sees it. */
export interface SearchDocument {
  id: string;
  slug: string;
  organizationId: string;
  status: 'draft' | 'published';
  visibility: 'public' | 'private';
  revision: number;
  createdAt: string;
  updatedAt: string;
  sortTitle: string;
  title: LangText;
  description: LangText;
  keywords: LangList;
  distributionTitles: LangText[];
  hvd: boolean;
  /** Facet values other than organisation and organisation type (which come from the organisation). */
  facets: { theme: string[]; format: string[]; license: string[]; open: string[]; hvd: string[]; keyword: string[]; accessRights: string[] };
  /** File-type codes of the distributions (shown in results). */
  formats: string[];
  isOpen: boolean;
}

export interface SearchOrganization {
  id: string;
  slug: string;
  name: LangText;
  type: string;
  updatedAt: string;
}

/** Which non-public datasets the searcher may see (decided by the catalog's policy). */
export type SearchScope = { insiderOf: readonly string[] } | { all: true };

export interface SearchRequest {
  q: string;
  filters: Partial<Record<FacetName, readonly string[]>>;
  sort: SearchSort;
  limit: number;
  offset: number;
  locale: SearchLocale;
  scope: SearchScope;
  /** Values per facet (selected values are always included). */
  facetSize?: number;
  /**
   * 'any' (the default, the search page's): a facet's values are OR-ed and each facet counts the
   * matches without its own filter. 'all' (CKAN's fq, Solr's semantics): every value must match and
   * every facet counts within the matches.
   */
  filterMode?: 'any' | 'all';
  /** The sort order read backwards (title Z–Å, oldest first); relevance is never reversed. */
  reverse?: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  organizationId: string;
  title: LangText;
  /** The title with matches marked, in the chosen language (falling back to the other). */
  titleParts: SnippetPart[];
  titleLang: SearchLocale;
  snippet: SnippetPart[];
  snippetLang: SearchLocale;
  status: 'draft' | 'published';
  visibility: 'public' | 'private';
  hvd: boolean;
  isOpen: boolean;
  /** Has distributions, and not all under open licences (the "not open data" marker). */
  notOpen: boolean;
  formats: string[];
  updatedAt: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** The organisations the hits and the organisation facet name. */
  organizations: SearchOrganization[];
  query: ParsedQuery;
  /** When nothing was found: the query with unknown words replaced by close known ones. */
  didYouMean?: string | null;
}

export interface IndexStats {
  documents: number;
  ms: number;
}

export interface SearchIndex {
  readonly kind: 'embedded' | 'postgres';
  search(request: SearchRequest): Promise<SearchResult>;
  /** Titles of visible datasets matching what has been typed so far (the last word as a prefix). */
  suggest(q: string, locale: SearchLocale, scope: SearchScope, limit: number): Promise<string[]>;
  /** A dataset changed in this process: the next search reads it again. */
  changed(id: string): void;
  /** Gets ready to answer (the embedded index reads the catalog; `serve` calls it at start so the first visitor does not wait). */
  warm(): Promise<void>;
  /** Reads everything again (allmanning reindex, tests). */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<IndexStats>;
}
