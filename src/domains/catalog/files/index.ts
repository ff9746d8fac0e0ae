// Distribution files: what a file is (sniff), whether that fits what the publisher declared, and a
// streamed table preview. Pure functions over bytes and streams; storage lives in platform/storage.
export { checkDeclaredMediaType, essence, MEDIA, sniffMediaType, type DeclaredTypeCheck } from './sniff.js';
export {
  PREVIEW_DEFAULT_MAX_BYTES,
  PREVIEW_DEFAULT_MAX_ROWS,
  previewTable,
  type Preview,
  type PreviewOptions,
  type PreviewUnsupportedReason,
  type TablePreview,
  type UnsupportedPreview,
} from './preview.js';
export type { ByteSource } from './bounded-read.js';
export type { TextEncodingName } from './text-encoding.js';
