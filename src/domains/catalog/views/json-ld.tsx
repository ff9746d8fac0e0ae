// schema.org `Dataset` as JSON-LD, so search engines (Google Dataset Search) understand the page.
// A data block is not executed, so the CSP allows it; `<` is escaped so the text can never close
// the script element.
import type { DatasetJson } from '../catalog.presenter.js';
import { resolveLicence } from '../licences.js';
import { findConcept } from '../vocabularies/index.js';
import { pick } from './components/localized.js';
import type { Locale } from '../../../platform/i18n/index.js';

export function datasetJsonLd(dataset: DatasetJson, locale: Locale, baseUrl: string): Record<string, unknown> {
  const origin = baseUrl.replace(/\/+$/, '');
  const licences = [...new Set(dataset.distributions.map((d) => d.license).filter((l): l is string => Boolean(l)))];
  const keywords = [...(dataset.keywords.sv ?? []), ...(dataset.keywords.en ?? [])];
  const temporal = dataset.temporal[0];
  const organization = { '@type': 'Organization', name: pick(dataset.organization.name, locale).text, url: `${origin}/organizations/${dataset.organization.slug}` };
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': dataset.url,
    url: dataset.url,
    name: pick(dataset.title, locale).text,
    ...(pick(dataset.description, locale).text ? { description: pick(dataset.description, locale).text } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(dataset.identifier ? { identifier: dataset.identifier } : {}),
    ...(licences.length === 1 ? { license: licences[0] } : licences.length > 1 ? { license: licences } : {}),
    ...(licences.length ? { isAccessibleForFree: true } : {}),
    creator: organization,
    publisher: organization,
    ...(dataset.issued ? { datePublished: dataset.issued } : dataset.publishedAt ? { datePublished: dataset.publishedAt } : {}),
    dateModified: dataset.modified ?? dataset.updatedAt,
    ...(dataset.languages.length ? { inLanguage: dataset.languages.map((l) => findConcept('language', l)?.code.toLowerCase() ?? l) } : {}),
    ...(temporal ? { temporalCoverage: `${temporal.start ?? '..'}/${temporal.end ?? '..'}` } : {}),
    ...(dataset.spatial.length ? { spatialCoverage: dataset.spatial.map((url) => ({ '@type': 'Place', url })) } : {}),
    ...(dataset.version ? { version: dataset.version } : {}),
    distribution: dataset.distributions
      .filter((d) => d.downloadUrl || d.accessUrl)
      .map((d) => ({
        '@type': 'DataDownload',
        contentUrl: d.downloadUrl ?? d.accessUrl,
        ...(d.mediaType ? { encodingFormat: d.mediaType } : {}),
        ...(d.byteSize !== undefined ? { contentSize: `${d.byteSize} B` } : {}),
        ...(d.license ? { license: resolveLicence(d.license)?.iri ?? d.license } : {}),
        ...(pick(d.title, locale).text ? { name: pick(d.title, locale).text } : {}),
      })),
  };
}

/** JSON for a <script> data block: `<`, `>`, `&` and the JS line separators escaped. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(data) }} />;
}
