// The shapes previewTable answers with (preview.ts), shared with the JSON reader.
import type { TextEncodingName } from './text-encoding.js';

export interface TablePreview {
  kind: 'table';
  /** The header row (CSV) or the union of the first objects' keys, in order of appearance (JSON). */
  columns: string[];
  /** At most maxRows rows of strings. CSV rows keep their own length when it differs from the header's. */
  rows: string[][];
  /** CSV/TSV only: the detected field delimiter. */
  delimiter?: string;
  encoding: TextEncodingName;
  /** More rows exist (or may exist: the byte budget ran out) than `rows` shows. */
  truncated: boolean;
  /**
   * Data rows parsed before reading stopped (the header not counted). Equals the file's row count
   * when not truncated; when truncated it is a lower bound (reading one row past maxRows proves there are more).
   */
  totalRowsRead: number;
}

/**
 * Why previewTable found no table; stable codes for the UI to translate:
 * unsupportedMediaType (not CSV/TSV/JSON), notText (binary or UTF-16 bytes), invalidCsv,
 * invalidJson, notTabular (JSON that is not a list of objects), tooLargeForPreview (the list was
 * not reached within maxBytes).
 */
export type PreviewUnsupportedReason = 'unsupportedMediaType' | 'notText' | 'invalidCsv' | 'invalidJson' | 'notTabular' | 'tooLargeForPreview';

export interface UnsupportedPreview {
  kind: 'unsupported';
  /** A PreviewUnsupportedReason from previewTable; callers may add their own reasons. */
  reason: string;
}

export type Preview = TablePreview | UnsupportedPreview;

export function emptyTable(encoding: TextEncodingName = 'utf-8'): TablePreview {
  return { kind: 'table', columns: [], rows: [], encoding, truncated: false, totalRowsRead: 0 };
}
