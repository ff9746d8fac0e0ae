// Turns the catalog's rows (a dataset, its distributions) into the document the index holds, with
// facet values as stable codes: theme, file type, HVD category and access right by their EU
// vocabulary notation (ECON, CSV, …), licences by the catalog's licence code (CC_BY_4_0), keywords
// lower-cased. Values the vocabularies do not know keep their IRI.
import { findConcept, isOpenLicence, resolveLicence, type DatasetMetadata, type DistributionMetadata, type LangText } from '../catalog/index.js';
import type { SearchDocument, SearchHit } from './search.model.js';
import { snippetOf, type ParsedQuery } from './text.js';

export interface DatasetRowLike {
  id: string;
  slug: string;
  organization_id: string;
  status: 'draft' | 'published';
  visibility: 'public' | 'private';
  hvd: number;
  revision: number;
  sort_title: string;
  metadata: string;
  created_at: string;
  updated_at: string;
}

const codeOf = (scheme: 'dataTheme' | 'fileType' | 'hvdCategory' | 'accessRight', iri: string) => findConcept(scheme, iri)?.code ?? iri;

export function licenceCodeOf(iri: string): string {
  return resolveLicence(iri)?.code ?? iri;
}

const uniq = (values: Iterable<string>) => [...new Set(values)];

export function searchDocumentOf(row: DatasetRowLike, distributionMetadata: readonly string[]): SearchDocument {
  const metadata = JSON.parse(row.metadata) as DatasetMetadata;
  const distributions = distributionMetadata.map((m) => JSON.parse(m) as DistributionMetadata);
  const formats = uniq(distributions.flatMap((d) => (d.format ? [codeOf('fileType', d.format)] : [])));
  const licences = distributions.map((d) => d.license).filter((l): l is string => Boolean(l));
  const isOpen = distributions.length > 0 && distributions.every((d) => isOpenLicence(d.license));
  const keywords = uniq([...(metadata.keywords?.sv ?? []), ...(metadata.keywords?.en ?? [])].map((k) => k.trim().toLowerCase()).filter(Boolean));
  return {
    id: row.id,
    slug: row.slug,
    organizationId: row.organization_id,
    status: row.status,
    visibility: row.visibility,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sortTitle: row.sort_title,
    title: metadata.title ?? {},
    description: metadata.description ?? {},
    keywords: metadata.keywords ?? {},
    distributionTitles: distributions.map((d) => d.title ?? ({} as LangText)),
    hvd: row.hvd === 1,
    isOpen,
    formats,
    facets: {
      theme: uniq((metadata.themes ?? []).map((t) => codeOf('dataTheme', t))),
      format: formats,
      license: uniq(licences.map(licenceCodeOf)),
      open: distributions.length === 0 ? [] : [isOpen ? 'open' : 'notOpen'],
      hvd: uniq((metadata.hvdCategories ?? []).map((c) => codeOf('hvdCategory', c))),
      keyword: keywords,
      accessRights: metadata.accessRights ? [codeOf('accessRight', metadata.accessRights)] : [],
    },
  };
}

/**
 * What the embedded index keeps of a document once it is indexed (what results show), but the
 * description: the index holds that compactly on its own and passes it to hitOf.
 */
export type StoredDocument = Pick<SearchDocument, 'id' | 'slug' | 'organizationId' | 'status' | 'visibility' | 'revision' | 'createdAt' | 'updatedAt' | 'sortTitle' | 'title' | 'hvd' | 'isOpen' | 'formats'> & {
  notOpen: boolean;
};

export function storedOf(doc: SearchDocument): StoredDocument {
  const { id, slug, organizationId, status, visibility, revision, createdAt, updatedAt, sortTitle, title, hvd, isOpen, formats } = doc;
  return { id, slug, organizationId, status, visibility, revision, createdAt, updatedAt, sortTitle, title, hvd, isOpen, formats, notOpen: doc.facets.open[0] === 'notOpen' };
}

/** A document as a result: title and description in the reader's language (else the other), matches marked. */
export function hitOf(doc: Omit<StoredDocument, 'title'>, title: LangText, description: LangText, score: number, locale: 'sv' | 'en', query: ParsedQuery): SearchHit {
  const other = locale === 'sv' ? 'en' : 'sv';
  const titleLang = title[locale] ? locale : other;
  const snippetLang = description[locale] ? locale : other;
  return {
    id: doc.id,
    slug: doc.slug,
    organizationId: doc.organizationId,
    title,
    titleParts: snippetOf(title[titleLang] ?? '', titleLang, query.highlight, 400),
    titleLang,
    snippet: snippetOf(description[snippetLang] ?? '', snippetLang, query.highlight),
    snippetLang,
    status: doc.status,
    visibility: doc.visibility,
    hvd: doc.hvd,
    isOpen: doc.isOpen,
    notOpen: doc.notOpen,
    formats: doc.formats,
    updatedAt: doc.updatedAt,
    score,
  };
}

/** Type-ahead: the titles of the best hits whose title itself matches (not only their description). */
export function suggestionsOf(hits: readonly SearchHit[], limit: number): string[] {
  const titles = hits.filter((h) => h.titleParts.some((p) => p.match)).map((h) => h.title[h.titleLang] ?? '');
  return [...new Set(titles)].filter(Boolean).slice(0, limit);
}
