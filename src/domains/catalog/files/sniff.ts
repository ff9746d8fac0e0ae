// What is this file? Decided from its first bytes (StoredFile.head, 64 KiB), never from the name a
// browser or publisher gave it: magic numbers for binary formats, then — for text — its syntax
// (JSON, XML root element, a consistent delimiter). The file name only breaks ties the bytes
// cannot settle: a one-line CSV, or a ZIP whose entries do not show which office format it is.
import { HEAD_BYTES } from '../../../platform/storage/index.js';
import { detectDelimiter } from './delimiter.js';
import { MEDIA } from './media-types.js';
import { decodeSample, detectTextEncoding, looksBinary, utf16Bom } from './text-encoding.js';

export { checkDeclaredMediaType, essence, MEDIA, type DeclaredTypeCheck } from './media-types.js';

/**
 * The media type of a file from its first bytes: undefined for an empty file,
 * 'application/octet-stream' for binary content in no format we know.
 */
export function sniffMediaType(head: Buffer, fileName?: string): string | undefined {
  if (head.length === 0) return undefined;
  const ext = extensionOf(fileName);
  return sniffBinary(head, ext) ?? sniffText(head, ext);
}

function sniffBinary(head: Buffer, ext: string): string | undefined {
  const startsWith = (bytes: number[] | string, at = 0) =>
    typeof bytes === 'string' ? head.toString('latin1', at, at + bytes.length) === bytes : bytes.every((b, i) => head[at + i] === b);
  // PDF readers accept junk before the header within the first 1024 bytes; so do we.
  if (head.subarray(0, 1024).includes('%PDF-')) return MEDIA.pdf;
  if (startsWith('PK\x03\x04') || startsWith('PK\x05\x06')) return sniffZip(head, ext);
  if (startsWith([0x1f, 0x8b])) return MEDIA.gzip;
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA.png;
  if (startsWith([0xff, 0xd8, 0xff])) return MEDIA.jpeg;
  if (startsWith('GIF87a') || startsWith('GIF89a')) return MEDIA.gif;
  if (startsWith('RIFF') && startsWith('WEBP', 8)) return MEDIA.webp;
  if (startsWith('II*\0') || startsWith('MM\0*')) return isGeoTiff(head) ? MEDIA.geotiff : MEDIA.tiff;
  if (startsWith('II+\0') || startsWith('MM\0+')) return MEDIA.tiff; // BigTIFF; its IFDs are not read
  if (startsWith('PAR1')) return MEDIA.parquet;
  if (startsWith('SQLite format 3\0')) {
    // GeoPackage is SQLite with application_id 'GPKG' (or 'GP10'/'GP11' in early versions) at byte 68.
    return ['GPKG', 'GP10', 'GP11'].includes(head.toString('latin1', 68, 72)) ? MEDIA.geopackage : MEDIA.sqlite;
  }
  if (startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The legacy Office container; which application's file it is needs parsing its directory,
    // so the extension decides (as every desktop does).
    return ({ xls: MEDIA.xls, doc: MEDIA.doc, ppt: MEDIA.ppt } as Record<string, string>)[ext] ?? MEDIA.ole;
  }
  return undefined;
}

const LOCAL_FILE_HEADER = Buffer.from('PK\x03\x04', 'latin1');

/** ZIP-based formats by their entry names (local file headers in the head). */
function sniffZip(head: Buffer, ext: string): string {
  const entries = zipEntries(head);
  // OpenDocument and EPUB: a first, uncompressed entry "mimetype" holds the media type itself.
  const first = entries[0];
  if (first?.name === 'mimetype' && first.stored) {
    const declared = head.toString('latin1', first.dataStart, first.dataStart + Math.min(first.size, 100));
    if (/^application\/[\w.+-]+$/.test(declared)) return declared;
  }
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => name.startsWith('xl/'))) return MEDIA.xlsx;
  if (names.some((name) => name.startsWith('word/'))) return MEDIA.docx;
  if (names.some((name) => name.startsWith('ppt/'))) return MEDIA.pptx;
  if (names.includes('[Content_Types].xml')) {
    // OOXML, but its part folders lie beyond the head: trust the extension among the three.
    const byExt: Record<string, string> = { xlsx: MEDIA.xlsx, docx: MEDIA.docx, pptx: MEDIA.pptx };
    if (byExt[ext]) return byExt[ext];
  }
  if (names.some((name) => !name.includes('/') && name.toLowerCase().endsWith('.kml'))) return MEDIA.kmz;
  return MEDIA.zip;
}

interface ZipEntry {
  name: string;
  stored: boolean;
  size: number;
  dataStart: number;
}

function zipEntries(head: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let offset = head.indexOf(LOCAL_FILE_HEADER);
  while (offset >= 0 && offset + 30 <= head.length && entries.length < 100) {
    const flags = head.readUInt16LE(offset + 6);
    const method = head.readUInt16LE(offset + 8);
    const size = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const nameEnd = offset + 30 + nameLength;
    if (nameEnd > head.length) break;
    const dataStart = nameEnd + extraLength;
    entries.push({ name: head.toString('utf8', offset + 30, nameEnd), stored: method === 0, size, dataStart });
    // With a data descriptor (flag bit 3) the size is only known after the data: search onwards.
    const hasDescriptor = (flags & 0x08) !== 0;
    offset = head.indexOf(LOCAL_FILE_HEADER, hasDescriptor ? dataStart : dataStart + size);
  }
  return entries;
}

/** GeoTIFF: the first image's directory carries GeoKeyDirectory or a georeferencing tag. */
function isGeoTiff(head: Buffer): boolean {
  const little = head[0] === 0x49;
  const u16 = (at: number) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
  if (head.length < 8) return false;
  const ifd = u32(4);
  if (ifd + 2 > head.length) return false;
  const count = u16(ifd);
  // 33550 ModelPixelScale, 33922 ModelTiepoint, 34264 ModelTransformation, 34735 GeoKeyDirectory
  const geoTags = new Set([33550, 33922, 34264, 34735]);
  for (let i = 0; i < count && ifd + 2 + (i + 1) * 12 <= head.length; i++) {
    if (geoTags.has(u16(ifd + 2 + i * 12))) return true;
  }
  return false;
}

function sniffText(head: Buffer, ext: string): string {
  const utf16 = utf16Bom(head);
  if (!utf16 && looksBinary(head)) return MEDIA.binary;
  const text = decodeSample(head, utf16 ?? detectTextEncoding(head)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  // A head shorter than HEAD_BYTES is the whole file, so its end is the file's end.
  const complete = head.length < HEAD_BYTES;

  if (looksLikeJson(start, complete)) {
    // GeoJSON is JSON whose root (or any feature) says so; the head is enough to see it.
    return /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(text) ? MEDIA.geojson : MEDIA.json;
  }
  if (start.startsWith('<')) {
    const markup = sniffMarkup(start);
    if (markup) return markup;
  }
  const guess = detectDelimiter(text, { complete });
  // One line split by commas may just be a sentence: it takes two records, or a .csv/.tsv name.
  if (guess && (guess.records >= 2 || ext === 'csv' || ext === 'tsv' || ext === 'tab')) {
    return guess.delimiter === '\t' ? MEDIA.tsv : MEDIA.csv;
  }
  if (ext === 'csv') return MEDIA.csv; // a single column is still a CSV
  if (ext === 'tsv' || ext === 'tab') return MEDIA.tsv;
  return MEDIA.text;
}

/**
 * JSON: the whole file parses, or it starts like an object or a list of objects, lists or strings.
 * A list of numbers must parse whole: "[1],b" may be the first cell of a CSV. (JSON Lines files
 * do not parse whole but start like an object, so they count as JSON too.)
 */
function looksLikeJson(text: string, complete: boolean): boolean {
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  if (complete) {
    try {
      JSON.parse(text);
      return true;
    } catch {
      // not a whole JSON document: decide by how it starts
    }
  }
  return /^\{\s*["}]/.test(text) || /^\[\s*[{["\]]/.test(text);
}

/** XML by its root element; HTML apart, since browsers treat it differently. */
function sniffMarkup(text: string): string | undefined {
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return MEDIA.html;
  // Skip the XML declaration, processing instructions, comments and a DOCTYPE to reach the root.
  const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|\s+)*/i;
  const rest = text.slice(prolog.exec(text)?.[0].length ?? 0);
  const root = /^<(?:([\w.-]+):)?([A-Za-z_][\w.-]*)([^>]*)/.exec(rest);
  if (!root) return undefined;
  const local = (root[2] ?? '').toLowerCase();
  const attributes = root[3] ?? '';
  if (local === 'html') return MEDIA.html;
  if (local === 'rss') return MEDIA.rss;
  if (local === 'feed' && attributes.includes('http://www.w3.org/2005/Atom')) return MEDIA.atom;
  if (local === 'kml') return MEDIA.kml;
  if (local === 'gpx') return MEDIA.gpx;
  if (local === 'svg') return MEDIA.svg;
  if (local === 'rdf' && root[1]) return MEDIA.rdfXml;
  // GML: the root is in, or declares, the GML namespace (gml:FeatureCollection, a WFS response, CityGML).
  if (/http:\/\/www\.opengis\.net\/gml/.test(attributes) || root[1] === 'gml') return MEDIA.gml;
  return MEDIA.xml;
}

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}
