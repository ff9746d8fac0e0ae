// Media types the file sniffer can name, and which of them count as the same kind of file.
// Publishers declare a format; the sniffer reads the bytes. They rarely agree letter for letter
// (text/plain vs text/csv, application/zip vs an .xlsx type), so the comparison is by family.

export const MEDIA = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  gzip: 'application/gzip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  kmz: 'application/vnd.google-earth.kmz',
  ole: 'application/x-ole-storage',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  ppt: 'application/vnd.ms-powerpoint',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tiff: 'image/tiff',
  /** OGC's registered way to say "a TIFF that is a GeoTIFF". */
  geotiff: 'image/tiff; application=geotiff',
  parquet: 'application/vnd.apache.parquet',
  sqlite: 'application/vnd.sqlite3',
  geopackage: 'application/geopackage+sqlite3',
  xml: 'application/xml',
  gml: 'application/gml+xml',
  kml: 'application/vnd.google-earth.kml+xml',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  rdfXml: 'application/rdf+xml',
  gpx: 'application/gpx+xml',
  svg: 'image/svg+xml',
  html: 'text/html',
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  text: 'text/plain',
  /** Binary content in none of the formats above. */
  binary: 'application/octet-stream',
} as const;

/** Other spellings seen in the wild, mapped to the names above. */
const ALIASES: Record<string, string> = {
  'application/x-zip-compressed': MEDIA.zip,
  'application/x-zip': MEDIA.zip,
  'application/x-gzip': MEDIA.gzip,
  'application/x-pdf': MEDIA.pdf,
  'image/jpg': MEDIA.jpeg,
  'image/pjpeg': MEDIA.jpeg,
  'image/geotiff': MEDIA.tiff,
  'application/x-geotiff': MEDIA.tiff,
  'application/x-parquet': MEDIA.parquet,
  'application/parquet': MEDIA.parquet,
  'application/x-sqlite3': MEDIA.sqlite,
  'application/x-geopackage': MEDIA.geopackage,
  'application/vnd.geo+json': MEDIA.geojson,
  'text/json': MEDIA.json,
  'text/xml': MEDIA.xml,
  'application/csv': MEDIA.csv,
  'text/comma-separated-values': MEDIA.csv,
  'text/x-csv': MEDIA.csv,
  'text/tsv': MEDIA.tsv,
};

/** Lower-case type/subtype without parameters, aliases resolved: 'Text/CSV; charset=x' → 'text/csv'. */
export function essence(mediaType: string): string {
  const bare = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

interface Family {
  /** Types that say only "some file of this family"; they agree with every member. */
  generic: readonly string[];
  has(type: string): boolean;
  /** Members agree with each other, not only with the generic types. */
  lenient?: boolean;
}

const OFFICE_ZIP = /^application\/vnd\.(openxmlformats-officedocument\.|oasis\.opendocument\.)/;

export const FAMILIES = {
  // A tab- or semicolon-separated file labelled text/csv is still what the reader expects: lenient.
  delimited: { generic: [MEDIA.text], has: (t) => t === MEDIA.csv || t === MEDIA.tsv || t === MEDIA.text, lenient: true },
  json: { generic: [MEDIA.json], has: (t) => t === MEDIA.json || t.endsWith('+json') || t === 'application/x-ndjson' || t === 'application/jsonl' },
  xml: { generic: [MEDIA.xml], has: (t) => t === MEDIA.xml || t.endsWith('+xml') },
  zip: { generic: [MEDIA.zip], has: (t) => t === MEDIA.zip || t.endsWith('+zip') || t === MEDIA.kmz || OFFICE_ZIP.test(t) },
  sqlite: { generic: [MEDIA.sqlite], has: (t) => t === MEDIA.sqlite || t === MEDIA.geopackage },
  ole: { generic: [MEDIA.ole], has: (t) => t === MEDIA.ole || t === MEDIA.xls || t === MEDIA.doc || t === MEDIA.ppt },
} satisfies Record<string, Family>;

function familyOf(type: string): Family | undefined {
  return Object.values(FAMILIES).find((family: Family) => family.has(type));
}

const SNIFFABLE = new Set<string>(Object.values(MEDIA).map(essence));

/** Types whose content is text, so bytes that are not text contradict them. */
function isTextual(type: string): boolean {
  return type.startsWith('text/') || FAMILIES.json.has(type) || FAMILIES.xml.has(type) || TEXT_APPLICATION_TYPES.has(type);
}
const TEXT_APPLICATION_TYPES = new Set(['application/n-triples', 'application/n-quads', 'application/trig', 'application/sql', 'application/yaml', 'application/x-yaml', 'application/javascript']);

export interface DeclaredTypeCheck {
  ok: boolean;
  /**
   * 'notText': a text format was declared but the bytes are binary in no format we know;
   * 'differentFormat': the bytes are another format than the one declared (a "CSV" that is a PDF).
   */
  reason?: 'notText' | 'differentFormat';
}

/**
 * Does the declared media type fit what the bytes look like? Lenient by design: it flags only
 * contradictions we are sure of (a "CSV" that is a PDF), never a file we simply cannot classify.
 */
export function checkDeclaredMediaType(declared: string, sniffed: string | undefined): DeclaredTypeCheck {
  const ok = { ok: true };
  if (sniffed === undefined) return ok; // empty file: nothing to contradict
  const d = essence(declared);
  const s = essence(sniffed);
  if (d === '' || d === MEDIA.binary || d === s) return ok;

  const declaredFamily = familyOf(d);
  if (declaredFamily && declaredFamily === familyOf(s)) {
    // application/zip vs .xlsx, application/xml vs KML: one side only names the family.
    // Two specific members (an .xlsx declared, a .docx found) disagree, unless the family is lenient.
    if (declaredFamily.lenient || declaredFamily.generic.includes(d) || declaredFamily.generic.includes(s)) return ok;
    return { ok: false, reason: 'differentFormat' };
  }
  // "text/plain" declared: any text fits. Text found that we could not classify further fits any
  // declared text type except JSON and XML, whose syntax we would have recognised.
  if (d === MEDIA.text && isTextual(s)) return ok;
  if (s === MEDIA.text && isTextual(d) && !FAMILIES.json.has(d) && !FAMILIES.xml.has(d)) return ok;

  if (isTextual(d) && !isTextual(s)) return { ok: false, reason: s === MEDIA.binary ? 'notText' : 'differentFormat' };
  // A declared type we cannot recognise (a shapefile archive, NetCDF, text/turtle, …) cannot be
  // contradicted: the bytes may well be it. A declared type we can recognise but did not find is.
  if (!SNIFFABLE.has(d) && !declaredFamily) return ok;
  return { ok: false, reason: 'differentFormat' };
}
