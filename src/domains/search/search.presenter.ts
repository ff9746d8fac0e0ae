// Search answers as the API and the page show them: facet values with labels in the reader's
// language (organisation names, vocabulary labels, licence names), items with their organisation.
import { byCode, resolveLicence, type Locale } from '../catalog/index.js';
import { facetNames, type FacetName, type SearchHit, type SearchLocale, type SearchOrganization, type SearchResult } from './search.model.js';
import { snippetHtml } from './text.js';

const ORGANIZATION_TYPES: Record<string, { sv: string; en: string }> = {
  state_agency: { sv: 'Statlig myndighet', en: 'Government agency' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  state_company: { sv: 'Statligt bolag', en: 'State-owned company' },
  other: { sv: 'Annan', en: 'Other' },
};
const OPEN: Record<string, { sv: string; en: string }> = { open: { sv: 'Öppen licens', en: 'Open licence' }, notOpen: { sv: 'Inte öppen licens', en: 'Not an open licence' } };

export function facetLabel(facet: FacetName, value: string, locale: SearchLocale, organizations: ReadonlyMap<string, SearchOrganization>): string {
  const l = locale as Locale;
  switch (facet) {
    case 'organization': {
      const org = organizations.get(value);
      return (org && (org.name[locale] ?? org.name.sv ?? org.name.en)) ?? value;
    }
    case 'organizationType':
      return ORGANIZATION_TYPES[value]?.[locale] ?? value;
    case 'theme':
      return byCode('dataTheme', value)?.label[l] ?? value;
    case 'format':
      return byCode('fileType', value)?.code ?? value;
    case 'license': {
      const licence = resolveLicence(value);
      return licence?.short ?? value;
    }
    case 'open':
      return OPEN[value]?.[locale] ?? value;
    case 'hvd':
      return byCode('hvdCategory', value)?.label[l] ?? value;
    case 'accessRights':
      return byCode('accessRight', value)?.label[l] ?? value;
    case 'keyword':
      return value;
  }
}

export interface PresentedFacet {
  value: string;
  label: string;
  count: number;
}

export function presentFacets(result: SearchResult, locale: SearchLocale): Record<FacetName, PresentedFacet[]> {
  const bySlug = new Map(result.organizations.map((o) => [o.slug, o]));
  return Object.fromEntries(facetNames.map((facet) => [facet, result.facets[facet].map((f) => ({ ...f, label: facetLabel(facet, f.value, locale, bySlug) }))])) as Record<FacetName, PresentedFacet[]>;
}

export function presentHit(hit: SearchHit, result: SearchResult, baseUrl: string) {
  const org = result.organizations.find((o) => o.id === hit.organizationId);
  return {
    id: hit.id,
    slug: hit.slug,
    url: `${baseUrl.replace(/\/+$/, '')}/datasets/${hit.slug}`,
    title: hit.title,
    snippet: snippetHtml(hit.snippet),
    snippetLanguage: hit.snippetLang,
    organization: { slug: org?.slug ?? '', name: org?.name ?? {} },
    status: hit.status,
    visibility: hit.visibility,
    hvd: hit.hvd,
    isOpen: hit.isOpen,
    formats: hit.formats,
    modified: hit.updatedAt,
    score: Math.round(hit.score * 1000) / 1000,
  };
}
