// Distributions of a dataset: add, change, remove (each a new revision of the dataset), uploads
// streamed into content-addressed storage, downloads, and the table preview.
//
// An upload is checked before anything is written: the actor's rights first (so nobody can fill
// the disk without them), then the metadata, then the bytes — size (413) and type (the sniffed
// media type must fit the declared format). A failed or refused upload leaves no file behind.
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError, ValidationError, type FieldDetails } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { StoredFile } from '../../platform/storage/index.js';
import type { CatalogDeps } from './catalog.deps.js';
import { applyFields, distributionFields, type Problems } from './catalog.fields.js';
import type { DistributionInput } from './catalog.input.js';
import { emptyDistributionMetadata, type DatasetMetadata, type DistributionMetadata, type StoredFileRef } from './catalog.model.js';
import { catalogPolicy } from './catalog.policy.js';
import { catalogRepository } from './catalog.repository.js';
import { previewTable, type Preview } from './files/preview.js';
import { checkDeclaredMediaType, sniffMediaType } from './files/sniff.js';
import type { ResourceEngine, ResourceState } from './resource.engine.js';
import type { DistributionSnapshot } from './revision-diff.js';
import { fileTypeByExtension, fileTypeByMediaType, findConcept } from './vocabularies/index.js';

export interface Upload {
  stream: Readable | AsyncIterable<Buffer>;
  fileName: string;
  /** The Content-Type the client sent for the part (a hint only; the bytes decide). */
  declaredMediaType?: string | undefined;
}

const PREVIEWABLE = new Set(['text/csv', 'text/tab-separated-values', 'application/json', 'application/geo+json', 'text/plain']);
const PREVIEW_CACHE_SIZE = 200;

/** A file name safe to show and to put in a header: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned || 'file';
}

/** A new file brings its own type unless the caller named one with it. */
function withoutTypeUnlessGiven(metadata: DistributionMetadata, input: DistributionInput): DistributionMetadata {
  const next = { ...metadata };
  if (input.mediaType === undefined) delete next.mediaType;
  if (input.format === undefined) delete next.format;
  return next;
}

const extensionOf = (fileName: string) => /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase();

export function createDistributionService(deps: CatalogDeps, datasets: ResourceEngine<DatasetMetadata>) {
  const { files, config, db, events, clock } = deps;
  const previews = new Map<string, Preview>();

  async function discard(stored: StoredFile): Promise<void> {
    if (!(await catalogRepository.fileInUse(db, stored.sha256))) await files.delete(stored.sha256);
  }

  /** Stores the upload and describes it; refuses bytes that do not fit the declared type. */
  async function storeUpload(upload: Upload, metadata: DistributionMetadata): Promise<{ stored: StoredFile; metadata: DistributionMetadata }> {
    const stored = await files.put(upload.stream, { maxBytes: config.uploadMaxBytes });
    const fileName = safeFileName(upload.fileName);
    const sniffed = sniffMediaType(stored.head, fileName);
    const formatType = metadata.format ? findConcept('fileType', metadata.format)?.mediaType : undefined;
    const declared = metadata.mediaType ?? formatType ?? (upload.declaredMediaType && upload.declaredMediaType !== 'application/octet-stream' ? upload.declaredMediaType : undefined);
    if (declared) {
      const check = checkDeclaredMediaType(declared, sniffed);
      if (!check.ok) {
        await discard(stored);
        throw new ValidationError({ file: ['catalog.validation.fileTypeMismatch'] });
      }
    }
    const mediaType = (declared ?? sniffed ?? 'application/octet-stream').toLowerCase();
    const file: StoredFileRef = { sha256: stored.sha256, byteSize: stored.byteSize, mediaType, fileName };
    const format = metadata.format ?? fileTypeByMediaType(mediaType)?.iri ?? (extensionOf(fileName) ? fileTypeByExtension(extensionOf(fileName)!)?.iri : undefined);
    return { stored, metadata: { ...metadata, file, mediaType: metadata.mediaType ?? mediaType, ...(format ? { format } : {}) } };
  }

  /** Applies a new distribution list as one revision; a published dataset must stay publishable. */
  async function writeDistributions(actor: Actor | null, before: ResourceState<DatasetMetadata>, distributions: DistributionSnapshot[], action: string, stored?: StoredFile): Promise<ResourceState<DatasetMetadata>> {
    try {
      const next = { ...before, distributions };
      const problems: Problems = {};
      await datasets.applyInput(next, {}, before.row.organization_id, before.row.id, problems);
      datasets.throwProblems(problems);
      return await datasets.write(actor, before, next, action);
    } catch (error) {
      if (stored) await discard(stored);
      throw error;
    }
  }

  function validate(input: DistributionInput, current: DistributionMetadata): DistributionMetadata {
    const problems: Problems = {};
    const metadata = applyFields(distributionFields, current, input as Record<string, unknown>, problems);
    if (Object.keys(problems).length) throw new ValidationError(problems as FieldDetails);
    // DCAT-AP: accessURL is mandatory; when only a download URL is known it is the access URL too.
    if (!metadata.accessUrl && metadata.downloadUrl && !metadata.file) metadata.accessUrl = metadata.downloadUrl;
    return metadata;
  }

  function findDistribution(state: ResourceState<DatasetMetadata>, distributionId: string): DistributionSnapshot {
    const found = state.distributions?.find((d) => d.id === distributionId);
    if (!found) throw new NotFoundError();
    return found;
  }

  return {
    async add(actor: Actor | null, datasetIdOrSlug: string, input: DistributionInput, upload?: Upload, ifMatch?: string): Promise<{ dataset: ResourceState<DatasetMetadata>; distributionId: string }> {
      const before = await datasets.loadForChange(actor, datasetIdOrSlug, (t) => actor !== null && catalogPolicy.canEdit(actor, t), ifMatch);
      let metadata = validate(input, emptyDistributionMetadata());
      let stored: StoredFile | undefined;
      if (upload) ({ stored, metadata } = await storeUpload(upload, metadata));
      else if (!metadata.accessUrl && !metadata.downloadUrl) throw new ValidationError({ accessUrl: ['catalog.validation.accessUrlOrFile'] });
      const id = newId();
      const list = [...(before.distributions ?? []), { id, position: before.distributions?.length ?? 0, metadata }];
      const dataset = await writeDistributions(actor, before, list, 'distributionAdded', stored);
      return { dataset, distributionId: id };
    },

    async update(actor: Actor, datasetIdOrSlug: string, distributionId: string, input: DistributionInput, upload?: Upload, ifMatch?: string): Promise<ResourceState<DatasetMetadata>> {
      const before = await datasets.loadForChange(actor, datasetIdOrSlug, (t) => actor !== null && catalogPolicy.canEdit(actor, t), ifMatch);
      const current = findDistribution(before, distributionId);
      let metadata = validate(input, current.metadata);
      let stored: StoredFile | undefined;
      if (upload) ({ stored, metadata } = await storeUpload(upload, withoutTypeUnlessGiven(metadata, input)));
      const list = (before.distributions ?? []).map((d) => (d.id === distributionId ? { ...d, metadata } : d));
      return writeDistributions(actor, before, list, 'distributionChanged', stored);
    },

    async remove(actor: Actor, datasetIdOrSlug: string, distributionId: string, ifMatch?: string): Promise<ResourceState<DatasetMetadata>> {
      const before = await datasets.loadForChange(actor, datasetIdOrSlug, (t) => actor !== null && catalogPolicy.canEdit(actor, t), ifMatch);
      findDistribution(before, distributionId);
      const list = (before.distributions ?? []).filter((d) => d.id !== distributionId).map((d, position) => ({ ...d, position }));
      // The file stays: earlier revisions may point at it, and restore brings them back.
      return writeDistributions(actor, before, list, 'distributionRemoved');
    },

    /** The stored file of a distribution the actor may see; records the download. */
    async openFile(actor: Actor, datasetIdOrSlug: string, distributionId: string, options: { countDownload: boolean }): Promise<StoredFileRef> {
      const row = await datasets.loadVisible(actor, datasetIdOrSlug);
      const state = await datasets.stateOf(row);
      const file = findDistribution(state, distributionId).metadata.file;
      if (!file || !(await files.exists(file.sha256))) throw new NotFoundError();
      if (options.countDownload) {
        await events.publish('catalog.distributionDownloaded', { datasetId: row.id, distributionId, organizationId: row.organization_id, byteSize: file.byteSize, at: clock.now().toISOString() });
      }
      return file;
    },

    /** The first rows of a CSV, TSV or JSON file as a table (cached: files never change). */
    async preview(actor: Actor, datasetIdOrSlug: string, distributionId: string): Promise<Preview> {
      const row = await datasets.loadVisible(actor, datasetIdOrSlug);
      const state = await datasets.stateOf(row);
      const file = findDistribution(state, distributionId).metadata.file;
      if (!file) return { kind: 'unsupported', reason: 'catalog.preview.noFile' };
      const mediaType = file.mediaType.split(';')[0]!.trim();
      if (!PREVIEWABLE.has(mediaType)) return { kind: 'unsupported', reason: 'catalog.preview.format' };
      const cached = previews.get(file.sha256);
      if (cached) return cached;
      const raw = await previewTable(files.createReadStream(file.sha256), { mediaType });
      // The preview's own reasons become message keys (catalog.preview.notText, …).
      const preview: Preview = raw.kind === 'unsupported' && !raw.reason.startsWith('catalog.') ? { ...raw, reason: `catalog.preview.${raw.reason}` } : raw;
      if (previews.size >= PREVIEW_CACHE_SIZE) previews.delete(previews.keys().next().value!);
      previews.set(file.sha256, preview);
      return preview;
    },
  };
}

export type DistributionService = ReturnType<typeof createDistributionService>;
