// A table preview of a distribution's file: the first rows of a CSV/TSV or of a JSON array,
// read as a stream and only as far as needed — a 1 GB file costs a few dozen kilobytes.
import { finished } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { boundedChunks, destroySource, readSample, type ByteSource, type ReadProgress } from './bounded-read.js';
import { detectDelimiter } from './delimiter.js';
import { previewJson } from './json-preview.js';
import { FAMILIES, MEDIA, essence } from './media-types.js';
import { emptyTable, type Preview } from './preview-types.js';
import { detectTextEncoding, looksBinary, utf16Bom } from './text-encoding.js';

export const PREVIEW_DEFAULT_MAX_ROWS = 100;
export const PREVIEW_DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** How much is read before deciding encoding and delimiter. */
const SAMPLE_BYTES = 64 * 1024;

export type { Preview, PreviewUnsupportedReason, TablePreview, UnsupportedPreview } from './preview-types.js';

export interface PreviewOptions {
  /** The file's media type (declared or sniffed): delimited text and JSON types are previewed. */
  mediaType: string;
  maxRows?: number;
  /** Read at most this many bytes of the stream. */
  maxBytes?: number;
}

/**
 * Previews the start of `stream` as a table. Reading stops (and a Node stream is destroyed) as soon
 * as maxRows rows and one more are parsed, or after maxBytes bytes.
 */
export async function previewTable(stream: ByteSource, options: PreviewOptions): Promise<Preview> {
  const maxRows = options.maxRows ?? PREVIEW_DEFAULT_MAX_ROWS;
  const maxBytes = options.maxBytes ?? PREVIEW_DEFAULT_MAX_BYTES;
  const type = essence(options.mediaType);
  const progress: ReadProgress = { bytesRead: 0, hitLimit: false };
  const chunks = boundedChunks(stream, maxBytes, progress);
  try {
    if (FAMILIES.delimited.has(type)) return await previewDelimited(chunks, progress, maxRows, type);
    if (FAMILIES.json.has(type)) return await previewJson(chunks, progress, maxRows);
    return { kind: 'unsupported', reason: 'unsupportedMediaType' };
  } finally {
    await chunks.return(undefined);
    destroySource(stream);
  }
}

async function previewDelimited(chunks: AsyncGenerator<Buffer>, progress: ReadProgress, maxRows: number, type: string): Promise<Preview> {
  const { sample, ended } = await readSample(chunks, SAMPLE_BYTES);
  if (sample.length === 0) return emptyTable('utf-8');
  if (utf16Bom(sample) || looksBinary(sample)) return { kind: 'unsupported', reason: 'notText' };

  // Decided once from the sample: a file that is valid UTF-8 for 64 KiB and then is not gets
  // U+FFFD for the odd bytes later on, which a preview can live with.
  const encoding = detectTextEncoding(sample);
  const decoder = new TextDecoder(encoding); // drops a UTF-8 BOM
  const sampleText = decoder.decode(sample, { stream: true });
  const guess = detectDelimiter(sampleText, { complete: ended && !progress.hitLimit });
  // No consistent delimiter: a single column (or the one the media type names).
  const delimiter = guess?.delimiter ?? (type === MEDIA.tsv ? '\t' : ',');

  const records: string[][] = [];
  const enough = () => records.length > maxRows + 1; // the header, maxRows rows and one to prove there are more
  const parser = parse({
    delimiter,
    relax_column_count: true, // ragged rows are shown as they are
    relax_quotes: true, // 5" in the middle of a field is a character, not an error
    skip_empty_lines: true,
    // Records are collected here, synchronously as each write is parsed, instead of being pushed
    // to the readable side: nothing buffers, and we know after each write whether we have enough.
    on_record: (record: string[]) => {
      if (!enough()) records.push(record);
      return null;
    },
  });
  parser.on('error', () => {}); // reported through the write/end callbacks below
  const write = (text: string) => new Promise<void>((resolve, reject) => parser.write(text, (error) => (error ? reject(error) : resolve())));

  let complete = false;
  try {
    await write(sampleText);
    for (;;) {
      if (enough()) break;
      const next = await chunks.next();
      if (next.done) break;
      await write(decoder.decode(next.value, { stream: true }));
    }
    // At the byte budget the last line may be cut off mid-record: leave it unparsed rather than
    // show half a row. Otherwise flush, which yields a last record that has no line break.
    if (!enough() && !progress.hitLimit) {
      await write(decoder.decode());
      parser.end();
      await finished(parser, { readable: false });
      complete = true;
    }
  } catch (error) {
    // Malformed CSV (an unclosed quote, a record over csv-parse's 128 000-character limit): the
    // rows before it are still a fair preview. A failing source is not the file's fault: rethrown.
    if (!(error instanceof CsvError)) throw error;
    if (records.length === 0) return { kind: 'unsupported', reason: 'invalidCsv' };
  } finally {
    parser.destroy();
  }

  const [columns = [], ...data] = records;
  return {
    kind: 'table',
    columns,
    rows: data.slice(0, maxRows),
    delimiter,
    encoding,
    truncated: !complete || data.length > maxRows,
    totalRowsRead: data.length,
  };
}
