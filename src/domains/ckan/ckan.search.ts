// package_search's parameters → a search of the search domain: CKAN's `fq` (Solr filter queries on
// organization, tags, res_format, license_id, groups), `facet.field`, `sort`, `rows` and `start`.
// Pure: unsupported Solr syntax is a 409 Validation Error naming the parameter, never a 500.
import { resolveLicence } from '../catalog/index.js';
import type { FacetName, SearchSort } from '../search/index.js';
import { validation } from './ckan.errors.js';

/** CKAN's default `ckan.search.rows_max`: more rows are cut to this, as CKAN does. */
export const ROWS_MAX = 1000;
export const ROWS_DEFAULT = 10;
const FACET_LIMIT_ALL = 100_000;

/** The CKAN facet fields we answer, and the search facet each one is. */
export const CKAN_FACETS = {
  organization: 'organization',
  tags: 'keyword',
  res_format: 'format',
  license_id: 'license',
  groups: 'theme',
} as const satisfies Record<string, FacetName>;
export type CkanFacet = keyof typeof CKAN_FACETS;

/** CKAN's sort strings we answer, and the search's sort each one is (reverse: read backwards). */
export const CKAN_SORTS: Record<string, { sort: SearchSort; reverse?: true }> = {
  'score desc, metadata_modified desc': { sort: 'relevance' },
  'score desc': { sort: 'relevance' },
  'title_string asc': { sort: 'title' },
  'title_string desc': { sort: 'title', reverse: true },
  'name asc': { sort: 'title' },
  'name desc': { sort: 'title', reverse: true },
  'metadata_modified desc': { sort: 'modified' },
  'metadata_modified asc': { sort: 'modified', reverse: true },
  'metadata_created desc': { sort: 'newest' },
  'metadata_created asc': { sort: 'newest', reverse: true },
};
export const DEFAULT_SORT = 'score desc, metadata_modified desc';

export interface CkanSearchParams {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  /** A filter no dataset can match (e.g. dataset_type:harvest): the answer is empty. */
  matchesNothing: boolean;
  sort: SearchSort;
  /** Ascending where the search sorts descending (and the other way round). */
  reverse: boolean;
  sortText: string;
  rows: number;
  start: number;
  facetFields: CkanFacet[];
  facetLimit: number;
  facetMinCount: number;
  includePrivate: boolean;
}

const one = (value: unknown): string | undefined => (Array.isArray(value) ? (value.length ? String(value[value.length - 1]) : undefined) : value === undefined || value === null ? undefined : typeof value === 'object' ? undefined : String(value as string | number | boolean));

/** A natural number parameter, or the field error CKAN gives. */
export function naturalOf(value: unknown, field: string, fallback: number, errors: Record<string, string[]>): number {
  const text = one(value);
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text.trim())) {
    (errors[field] ??= []).push('Invalid integer');
    return fallback;
  }
  return Number(text.trim());
}

export const boolOf = (value: unknown): boolean => ['true', 'True', '1', 'yes', 'on'].includes(one(value) ?? '') || value === true;

/** Splits `fq` into field:value clauses ('+organization:x tags:"a b" res_format:CSV'). */
export function parseFq(fq: string): { field: string; value: string }[] | undefined {
  const clauses: { field: string; value: string }[] = [];
  const re = /\s*(?:AND\s+)?\+?([A-Za-z_]+):(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))\s*/y;
  let rest = fq.trim();
  while (rest) {
    re.lastIndex = 0;
    const match = re.exec(rest);
    if (!match) return undefined;
    clauses.push({ field: match[1]!, value: (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1') });
    rest = rest.slice(re.lastIndex).trim();
  }
  return clauses;
}

/** CKAN's package_search parameters (GET query or POST body) → a search, or a 409 naming each bad one. */
export function searchParamsOf(params: Record<string, unknown>): CkanSearchParams {
  const errors: Record<string, string[]> = {};
  const rows = Math.min(naturalOf(params.rows, 'rows', ROWS_DEFAULT, errors), ROWS_MAX);
  const start = naturalOf(params.start, 'start', 0, errors);
  // facet.limit=-1 is CKAN's (Solr's) "all values".
  const facetLimit = one(params['facet.limit']) === '-1' ? FACET_LIMIT_ALL : naturalOf(params['facet.limit'], 'facet.limit', 50, errors);
  const facetMinCount = naturalOf(params['facet.mincount'], 'facet.mincount', 1, errors);

  let q = (one(params.q) ?? '').trim();
  if (q === '*:*' || q === '*') q = '';
  if (q.length > 1000) (errors.q ??= []).push('Must be at most 1000 characters');

  const filters: Partial<Record<FacetName, string[]>> = {};
  let matchesNothing = false;
  const fq = (Array.isArray(params.fq) ? params.fq.map(String).join(' ') : (one(params.fq) ?? '')).trim();
  const clauses = fq ? parseFq(fq) : [];
  if (!clauses) (errors.fq ??= []).push('Only field:value clauses are supported');
  for (const { field, value } of clauses ?? []) {
    if (field === 'dataset_type' || field === 'type') {
      if (value !== 'dataset') matchesNothing = true;
      continue;
    }
    if (field === 'capacity' || field === 'state') {
      if (value !== (field === 'capacity' ? 'public' : 'active')) matchesNothing = true;
      continue;
    }
    const facet = (CKAN_FACETS as Record<string, FacetName | undefined>)[field];
    if (!facet) {
      (errors.fq ??= []).push(`Unsupported field: ${field}`);
      continue;
    }
    let term = value;
    if (facet === 'keyword') term = value.toLowerCase();
    if (facet === 'format' || facet === 'theme') term = value.toUpperCase();
    if (facet === 'license') term = resolveLicence(value)?.code ?? value;
    (filters[facet] ??= []).push(term);
  }

  const sortText = (one(params.sort) ?? DEFAULT_SORT).trim().replace(/\s+/g, ' ');
  const sort = CKAN_SORTS[sortText];
  if (!sort) (errors.sort ??= []).push(`Unsupported sort: ${sortText}. Supported: ${Object.keys(CKAN_SORTS).join('; ')}`);

  let facetFields: CkanFacet[] = [];
  const rawFacets = params['facet.field'];
  if (rawFacets !== undefined) {
    let list: unknown = rawFacets;
    if (typeof rawFacets === 'string') {
      try {
        list = JSON.parse(rawFacets);
      } catch {
        list = undefined;
      }
    }
    if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) (errors['facet.field'] ??= []).push('Must be a JSON list of field names');
    else {
      for (const f of list as string[]) {
        if (f in CKAN_FACETS) facetFields.push(f as CkanFacet);
        else (errors['facet.field'] ??= []).push(`Unsupported facet field: ${f}`);
      }
      facetFields = [...new Set(facetFields)];
    }
  }

  if (Object.keys(errors).length) throw validation(errors);
  return { q, filters, matchesNothing, sort: sort!.sort, reverse: sort!.reverse === true, sortText, rows, start, facetFields, facetLimit, facetMinCount, includePrivate: boolOf(params.include_private) };
}
