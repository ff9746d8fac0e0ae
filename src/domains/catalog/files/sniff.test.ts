import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { checkDeclaredMediaType, sniffMediaType } from './sniff.js';

/** A ZIP as far as sniffing reads it: local file headers with their (stored) data. */
function zip(entries: { name: string; data?: string; descriptor?: boolean }[]): Buffer {
  const parts = entries.map(({ name, data = 'x', descriptor = false }) => {
    const header = Buffer.alloc(30);
    header.write('PK\x03\x04', 0, 'latin1');
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(descriptor ? 0x08 : 0, 6);
    header.writeUInt16LE(0, 8); // stored
    const body = Buffer.from(data);
    header.writeUInt32LE(descriptor ? 0 : body.length, 18);
    header.writeUInt32LE(descriptor ? 0 : body.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name), body, descriptor ? Buffer.alloc(16) : Buffer.alloc(0)]);
  });
  return Buffer.concat(parts);
}

/** A TIFF whose first directory holds the given tags. */
function tiff(tags: number[], bigEndian = false): Buffer {
  const out = Buffer.alloc(8 + 2 + tags.length * 12 + 4);
  const u16 = (value: number, at: number) => (bigEndian ? out.writeUInt16BE(value, at) : out.writeUInt16LE(value, at));
  const u32 = (value: number, at: number) => (bigEndian ? out.writeUInt32BE(value, at) : out.writeUInt32LE(value, at));
  out.write(bigEndian ? 'MM' : 'II', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(tags.length, 8);
  tags.forEach((tag, i) => u16(tag, 10 + i * 12));
  return out;
}

const bytes = (...values: number[]) => Buffer.from(values);
const text = (value: string) => Buffer.from(value, 'utf8');

describe('sniffMediaType: binary formats by magic bytes', () => {
  const cases: [string, Buffer, string, string?][] = [
    ['PDF', text('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'), 'application/pdf'],
    ['PDF after junk', Buffer.concat([Buffer.alloc(20, 0x20), text('%PDF-1.4\n')]), 'application/pdf'],
    ['gzip', gzipSync('kommun;antal\n'), 'application/gzip'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0), 'image/jpeg'],
    ['GIF', Buffer.concat([text('GIF89a'), bytes(1, 0, 1, 0, 0x80, 0, 0)]), 'image/gif'],
    ['WebP', Buffer.concat([text('RIFF'), bytes(36, 0, 0, 0), text('WEBPVP8 '), Buffer.alloc(8)]), 'image/webp'],
    ['TIFF', tiff([256, 257]), 'image/tiff'],
    ['GeoTIFF (little-endian)', tiff([256, 257, 33550, 33922, 34735]), 'image/tiff; application=geotiff'],
    ['GeoTIFF (big-endian)', tiff([256, 34735], true), 'image/tiff; application=geotiff'],
    ['Parquet', Buffer.concat([text('PAR1'), Buffer.alloc(16)]), 'application/vnd.apache.parquet'],
    ['SQLite', Buffer.concat([text('SQLite format 3\0'), Buffer.alloc(84)]), 'application/vnd.sqlite3'],
    ['GeoPackage', (() => {
      const db = Buffer.concat([text('SQLite format 3\0'), Buffer.alloc(84)]);
      db.write('GPKG', 68, 'latin1');
      return db;
    })(), 'application/geopackage+sqlite3'],
    ['legacy Excel', Buffer.concat([bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), Buffer.alloc(504)]), 'application/vnd.ms-excel', 'budget.xls'],
    ['legacy Office, no name', Buffer.concat([bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), Buffer.alloc(504)]), 'application/x-ole-storage'],
    ['unknown binary', bytes(0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x00, 0x10), 'application/octet-stream'],
  ];
  for (const [name, head, expected, fileName] of cases) {
    test(name, () => assert.equal(sniffMediaType(head, fileName), expected));
  }

  test('an empty file has no type', () => {
    assert.equal(sniffMediaType(Buffer.alloc(0), 'data.csv'), undefined);
  });
});

describe('sniffMediaType: ZIP and the formats built on it', () => {
  test('plain ZIP (a zipped shapefile)', () => {
    assert.equal(sniffMediaType(zip([{ name: 'vagar.shp' }, { name: 'vagar.dbf' }])), 'application/zip');
    const empty = Buffer.alloc(22);
    empty.write('PK\x05\x06', 0, 'latin1');
    assert.equal(sniffMediaType(empty), 'application/zip');
  });

  test('xlsx, docx and pptx by their part folders, whatever the name says', () => {
    const xlsx = zip([{ name: '[Content_Types].xml' }, { name: '_rels/.rels' }, { name: 'xl/workbook.xml' }]);
    assert.equal(sniffMediaType(xlsx, 'report.zip'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(sniffMediaType(zip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }])), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(sniffMediaType(zip([{ name: '[Content_Types].xml' }, { name: 'ppt/presentation.xml' }])), 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
  });

  test('entries written with data descriptors (streamed ZIPs) are found too', () => {
    const xlsx = zip([{ name: '[Content_Types].xml', descriptor: true }, { name: 'xl/workbook.xml', descriptor: true }]);
    assert.equal(sniffMediaType(xlsx), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('OOXML whose part folders lie beyond the head: the extension picks among the three, else ZIP', () => {
    const head = zip([{ name: '[Content_Types].xml' }, { name: 'docProps/app.xml' }]);
    assert.equal(sniffMediaType(head, 'Budget 2024.XLSX'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(sniffMediaType(head, 'budget.pdf'), 'application/zip');
  });

  test('OpenDocument by its mimetype entry; KMZ by a root .kml', () => {
    const ods = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml' }]);
    assert.equal(sniffMediaType(ods), 'application/vnd.oasis.opendocument.spreadsheet');
    assert.equal(sniffMediaType(zip([{ name: 'doc.kml' }, { name: 'files/icon.png' }])), 'application/vnd.google-earth.kmz');
  });
});

describe('sniffMediaType: text formats', () => {
  const cases: [string, string | Buffer, string, string?][] = [
    ['XML', '<?xml version="1.0" encoding="UTF-8"?>\n<dataset><row/></dataset>', 'application/xml'],
    ['GML', '<?xml version="1.0"?>\n<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"></gml:FeatureCollection>', 'application/gml+xml'],
    ['WFS response (GML)', '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">', 'application/gml+xml'],
    ['KML', '<?xml version="1.0"?>\n<!-- export -->\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>', 'application/vnd.google-earth.kml+xml'],
    ['RSS', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'application/rss+xml'],
    ['Atom', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'application/atom+xml'],
    ['RDF/XML', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'application/rdf+xml'],
    ['XML with a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE note [<!ELEMENT note (#PCDATA)>]>\n<note>hej</note>', 'application/xml'],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'],
    ['HTML', '<!DOCTYPE html>\n<html lang="sv"><body>hej</body></html>', 'text/html'],
    ['JSON array', '[{"kommun":"Stockholm","antal":12}]', 'application/json'],
    ['JSON object, pretty', '{\n  "data": [\n    {"a": 1}\n  ]\n}\n', 'application/json'],
    ['JSON with BOM', '\ufeff{"a": 1}', 'application/json'],
    ['JSON Lines', '{"a":1}\n{"a":2}\n', 'application/json'],
    ['GeoJSON', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}', 'application/geo+json'],
    ['GeoJSON, spaced', '{ "type" : "FeatureCollection", "features": [] }', 'application/geo+json'],
    ['CSV', 'kommun,antal\nStockholm,12\nGöteborg,7\n', 'text/csv'],
    ['semicolon CSV with decimal commas', 'Kommun;Andel\nStockholm;12,5\nUppsala;7,25\n', 'text/csv'],
    ['quoted CSV with a line break in a field', 'namn,beskrivning\n"Park","Stor, grön\nmed damm"\n"Torg","Litet"\n', 'text/csv'],
    ['TSV', 'kommun\tantal\nStockholm\t12\nGöteborg\t7\n', 'text/tab-separated-values'],
    ['pipe-separated', 'a|b|c\n1|2|3\n4|5|6\n', 'text/csv'],
    ['a CSV whose first cell looks like a list', '[1],b\n[2],c\n', 'text/csv'],
    ['Windows-1252 CSV', Buffer.from('kommun;län\nMalmö;Skåne\nGävle;Gävleborg\n', 'latin1'), 'text/csv'],
    ['one line with commas is prose', 'Hej, världen', 'text/plain'],
    ['one line named .csv is a CSV', 'kommun,antal', 'text/csv', 'x.csv'],
    ['one column named .csv is a CSV', 'kommun\nStockholm\nMalmö\n', 'text/csv', 'kommuner.csv'],
    ['plain text', 'Det här är en vanlig text.\nMed flera rader.\nOch ett slut.\n', 'text/plain'],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n3,4\n', 'utf16le')]), 'text/csv'],
  ];
  for (const [name, sample, expected, fileName] of cases) {
    test(name, () => assert.equal(sniffMediaType(typeof sample === 'string' ? text(sample) : sample, fileName), expected));
  }

  test('the file name never overrides the bytes', () => {
    assert.equal(sniffMediaType(text('%PDF-1.7\n'), 'data.csv'), 'application/pdf');
    assert.equal(sniffMediaType(text('[{"a":1}]'), 'data.csv'), 'application/json');
  });
});

describe('checkDeclaredMediaType', () => {
  const fits: [string, string | undefined][] = [
    ['text/csv', 'text/csv'],
    ['text/csv; charset=utf-8', 'text/csv'],
    ['text/plain', 'text/csv'],
    ['text/csv', 'text/plain'],
    ['text/csv', 'text/tab-separated-values'],
    ['application/csv', 'text/csv'],
    ['application/json', 'application/geo+json'],
    ['application/geo+json', 'application/json'],
    ['application/x-ndjson', 'application/json'],
    ['application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
    ['application/x-zip-compressed', 'application/zip'],
    ['application/xml', 'application/gml+xml'],
    ['text/xml', 'application/vnd.google-earth.kml+xml'],
    ['application/gml+xml', 'application/xml'],
    ['text/xml', 'application/xml'],
    ['image/tiff', 'image/tiff; application=geotiff'],
    ['image/geotiff', 'image/tiff'],
    ['image/jpg', 'image/jpeg'],
    ['application/vnd.sqlite3', 'application/geopackage+sqlite3'],
    ['application/octet-stream', 'application/pdf'],
    ['application/x-shapefile', 'application/zip'], // a format we cannot recognise cannot be contradicted
    ['application/x-netcdf', 'application/octet-stream'],
    ['text/turtle', 'text/plain'],
    ['text/csv', undefined], // empty file
  ];
  for (const [declared, sniffed] of fits) {
    test(`${declared} fits ${sniffed}`, () => assert.deepEqual(checkDeclaredMediaType(declared, sniffed), { ok: true }));
  }

  const misfits: [string, string, string][] = [
    ['text/csv', 'application/pdf', 'differentFormat'],
    ['text/csv', 'application/octet-stream', 'notText'],
    ['text/csv', 'application/json', 'differentFormat'],
    ['application/json', 'text/csv', 'differentFormat'],
    ['application/json', 'text/plain', 'differentFormat'],
    ['application/xml', 'text/plain', 'differentFormat'],
    ['application/pdf', 'text/csv', 'differentFormat'],
    ['application/pdf', 'application/octet-stream', 'differentFormat'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'differentFormat'],
    ['application/vnd.google-earth.kml+xml', 'application/gml+xml', 'differentFormat'],
    ['application/vnd.ms-excel', 'text/csv', 'differentFormat'],
    ['image/png', 'image/jpeg', 'differentFormat'],
  ];
  for (const [declared, sniffed, reason] of misfits) {
    test(`${declared} does not fit ${sniffed}`, () => assert.deepEqual(checkDeclaredMediaType(declared, sniffed), { ok: false, reason }));
  }
});
