// The public URLs of an uploaded file: DCAT's accessURL is the dataset's page (where the data can be
// reached), downloadURL the file itself. Computed when presented, never stored, so they follow
// ALLMANNING_BASE_URL and the dataset's current slug. Links a publisher gave are kept as given.
import type { DistributionMetadata } from './catalog.model.js';

export interface UrlContext {
  baseUrl: string;
  datasetSlug: string;
  distributionId: string;
}

const origin = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

export function datasetPageUrl(baseUrl: string, slug: string): string {
  return `${origin(baseUrl)}/datasets/${encodeURIComponent(slug)}`;
}

export function downloadUrlOf(context: UrlContext, fileName: string): string {
  return `${datasetPageUrl(context.baseUrl, context.datasetSlug)}/distributions/${context.distributionId}/download/${encodeURIComponent(fileName)}`;
}

export function withFileUrls(metadata: DistributionMetadata, context: UrlContext): DistributionMetadata {
  if (!metadata.file) return metadata;
  return {
    ...metadata,
    accessUrl: metadata.accessUrl ?? datasetPageUrl(context.baseUrl, context.datasetSlug),
    downloadUrl: downloadUrlOf(context, metadata.file.fileName),
    byteSize: metadata.file.byteSize,
    checksum: { algorithm: 'sha256', value: metadata.file.sha256 },
    mediaType: metadata.mediaType ?? metadata.file.mediaType,
  };
}
