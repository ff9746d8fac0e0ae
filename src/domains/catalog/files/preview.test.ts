import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { previewTable, type Preview, type TablePreview } from './preview.js';

/** The bytes as a stream of `chunkSize`-byte chunks (small sizes test values split across chunks). */
function streamOf(data: string | Buffer, chunkSize = 64 * 1024): Readable {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

function table(preview: Preview): TablePreview {
  assert.equal(preview.kind, 'table', JSON.stringify(preview));
  return preview as TablePreview;
}

/** A 50 MB stream generated on demand, counting what is pulled from it. */
function hugeStream(header: string, line: (i: number) => string, totalBytes = 50 * 1024 * 1024) {
  const counter = { pulled: 0, destroyed: false };
  let i = 0;
  const stream = new Readable({
    read() {
      if (counter.pulled >= totalBytes) return void this.push(null);
      let text = counter.pulled === 0 ? header : '';
      while (text.length < 16 * 1024) text += line(i++);
      const chunk = Buffer.from(text);
      counter.pulled += chunk.length;
      this.push(chunk);
    },
    destroy(error, callback) {
      counter.destroyed = true;
      callback(error);
    },
  });
  return { stream, counter };
}

describe('previewTable: CSV and TSV', () => {
  test('comma-separated', async () => {
    const preview = table(await previewTable(streamOf('kommun,antal\nStockholm,12\nGöteborg,7\n'), { mediaType: 'text/csv' }));
    assert.deepEqual(preview, {
      kind: 'table',
      columns: ['kommun', 'antal'],
      rows: [['Stockholm', '12'], ['Göteborg', '7']],
      delimiter: ',',
      encoding: 'utf-8',
      truncated: false,
      totalRowsRead: 2,
    });
  });

  test('semicolons with decimal commas stay one value', async () => {
    const preview = table(await previewTable(streamOf('Kommun;Andel;Förändring\r\nStockholm;12,5;-0,3\r\nUppsala;7,25;1,0'), { mediaType: 'text/csv' }));
    assert.equal(preview.delimiter, ';');
    assert.deepEqual(preview.columns, ['Kommun', 'Andel', 'Förändring']);
    assert.deepEqual(preview.rows, [['Stockholm', '12,5', '-0,3'], ['Uppsala', '7,25', '1,0']]);
  });

  test('tab-separated', async () => {
    const preview = table(await previewTable(streamOf('län\tkod\nSkåne\t12\nGotland\t09\n'), { mediaType: 'text/tab-separated-values' }));
    assert.equal(preview.delimiter, '\t');
    assert.deepEqual(preview.rows, [['Skåne', '12'], ['Gotland', '09']]);
  });

  test('quoted fields with delimiters, line breaks and doubled quotes', async () => {
    const csv = 'namn,beskrivning,betyg\n"Park, stor","Rad 1\nRad 2 med ""citat""",5\nTorg,"",3\n';
    const preview = table(await previewTable(streamOf(csv, 7), { mediaType: 'text/csv' }));
    assert.deepEqual(preview.rows, [['Park, stor', 'Rad 1\nRad 2 med "citat"', '5'], ['Torg', '', '3']]);
    assert.equal(preview.totalRowsRead, 2);
  });

  test('Windows-1252: å ä ö Å Ä Ö as single bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from('ort;v'),
      Buffer.from([0xe4]),
      Buffer.from('rde\nV'),
      Buffer.from([0xe4, 0x78, 0xf6]),
      Buffer.from(';'),
      Buffer.from([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6]),
      Buffer.from('\n'),
    ]);
    const preview = table(await previewTable(streamOf(bytes), { mediaType: 'text/csv' }));
    assert.equal(preview.encoding, 'windows-1252');
    assert.deepEqual(preview.columns, ['ort', 'värde']);
    assert.deepEqual(preview.rows, [['Växö', 'åäöÅÄÖ']]);
  });

  test('UTF-8 with a BOM: the BOM is not part of the first column', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kommun;antal\nMalmö;3\n')]);
    const preview = table(await previewTable(streamOf(bytes, 2), { mediaType: 'text/csv' }));
    assert.equal(preview.encoding, 'utf-8');
    assert.deepEqual(preview.columns, ['kommun', 'antal']);
    assert.deepEqual(preview.rows, [['Malmö', '3']]);
  });

  test('multi-byte characters split across chunks survive', async () => {
    const csv = 'namn,ort\nÅsa,Åre\nÖrjan,Östersund\n';
    assert.deepEqual(table(await previewTable(streamOf(csv, 1), { mediaType: 'text/csv' })).rows, [['Åsa', 'Åre'], ['Örjan', 'Östersund']]);
  });

  test('maxRows: that many rows, truncated, and exactly maxRows rows is not truncated', async () => {
    const csv = `id,namn\n${Array.from({ length: 250 }, (_, i) => `${i},rad ${i}`).join('\n')}\n`;
    const preview = table(await previewTable(streamOf(csv), { mediaType: 'text/csv', maxRows: 100 }));
    assert.equal(preview.rows.length, 100);
    assert.deepEqual(preview.rows[99], ['99', 'rad 99']);
    assert.equal(preview.truncated, true);
    assert.equal(preview.totalRowsRead, 101);
    const exact = table(await previewTable(streamOf(csv), { mediaType: 'text/csv', maxRows: 250 }));
    assert.equal(exact.rows.length, 250);
    assert.equal(exact.truncated, false);
    assert.equal(exact.totalRowsRead, 250);
  });

  test('the byte budget: whole rows before the cut, none cut in half', async () => {
    const csv = `id,text\n${Array.from({ length: 100 }, (_, i) => `${i},${'x'.repeat(50)}`).join('\n')}\n`;
    const preview = table(await previewTable(streamOf(csv, 100), { mediaType: 'text/csv', maxBytes: 1000 }));
    assert.equal(preview.truncated, true);
    assert.ok(preview.rows.length > 10 && preview.rows.length < 20, String(preview.rows.length));
    for (const row of preview.rows) assert.equal(row[1], 'x'.repeat(50));
  });

  test('an empty file is an empty table', async () => {
    assert.deepEqual(await previewTable(streamOf(''), { mediaType: 'text/csv' }), {
      kind: 'table',
      columns: [],
      rows: [],
      encoding: 'utf-8',
      truncated: false,
      totalRowsRead: 0,
    });
  });

  test('a single column and ragged rows', async () => {
    const single = table(await previewTable(streamOf('kommun\nStockholm\nMalmö\n'), { mediaType: 'text/csv' }));
    assert.deepEqual(single.rows, [['Stockholm'], ['Malmö']]);
    const ragged = table(await previewTable(streamOf('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11\n'), { mediaType: 'text/csv' }));
    assert.deepEqual(ragged.rows[1], ['4', '5']);
  });

  test('binary bytes and other media types are not previewed', async () => {
    assert.deepEqual(await previewTable(streamOf(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0])), { mediaType: 'text/csv' }), { kind: 'unsupported', reason: 'notText' });
    const { stream, counter } = hugeStream('%PDF-1.7\n', () => 'stream\n');
    assert.deepEqual(await previewTable(stream, { mediaType: 'application/pdf' }), { kind: 'unsupported', reason: 'unsupportedMediaType' });
    assert.equal(counter.destroyed, true);
  });

  test('an unclosed quote: the rows before it, truncated; nothing before it: invalidCsv', async () => {
    const preview = table(await previewTable(streamOf('a,b\n1,2\n3,"open\n'), { mediaType: 'text/csv' }));
    assert.deepEqual(preview.rows, [['1', '2']]);
    assert.equal(preview.truncated, true);
    assert.deepEqual(await previewTable(streamOf('"a,b\n1,2\n'), { mediaType: 'text/csv' }), { kind: 'unsupported', reason: 'invalidCsv' });
  });

  test('a failing source rejects instead of passing for a bad file', async () => {
    for (const mediaType of ['text/csv', 'application/json']) {
      const failing = new Readable({ read() {} });
      failing.push(mediaType === 'text/csv' ? 'a,b\n1,2\n' : '[{"a": 1},');
      setImmediate(() => failing.destroy(Object.assign(new Error('gone'), { code: 'ENOENT' })));
      await assert.rejects(previewTable(failing, { mediaType }), { code: 'ENOENT' }, mediaType);
    }
  });

  test('a 50 MB CSV: reading stops right after maxRows', async () => {
    const { stream, counter } = hugeStream('id;värde\n', (i) => `${i};${i},5\n`);
    const preview = table(await previewTable(stream, { mediaType: 'text/csv' }));
    assert.equal(preview.rows.length, 100);
    assert.equal(preview.truncated, true);
    assert.equal(preview.delimiter, ';');
    assert.deepEqual(preview.rows[0], ['0', '0,5']);
    assert.ok(counter.pulled < 512 * 1024, `pulled ${counter.pulled} bytes`);
    assert.equal(counter.destroyed, true);
  });
});

describe('previewTable: JSON', () => {
  test('an array of objects: the union of keys, values as text', async () => {
    const json = JSON.stringify([
      { kommun: 'Stockholm', antal: 12, aktiv: true },
      { kommun: 'Malmö', antal: null, plats: { lat: 55.6 }, taggar: ['a', 'b'] },
    ]);
    const preview = table(await previewTable(streamOf(json, 5), { mediaType: 'application/json' }));
    assert.deepEqual(preview, {
      kind: 'table',
      columns: ['kommun', 'antal', 'aktiv', 'plats', 'taggar'],
      rows: [
        ['Stockholm', '12', 'true', '', ''],
        ['Malmö', '', '', '{"lat":55.6}', '["a","b"]'],
      ],
      encoding: 'utf-8',
      truncated: false,
      totalRowsRead: 2,
    });
  });

  test('the list under data, items, results or features, after other keys', async () => {
    const json = '\ufeff{"meta": {"note": "tricky ] } [ \\" text", "list": [1, 2]}, "count": 2, "results": [{"id": 1}, {"id": 2}], "data": "ignored"}';
    const preview = table(await previewTable(streamOf(json, 3), { mediaType: 'application/json; charset=utf-8' }));
    assert.deepEqual(preview.columns, ['id']);
    assert.deepEqual(preview.rows, [['1'], ['2']]);
    assert.equal(preview.truncated, false);
  });

  test('GeoJSON: the features’ properties', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [18.07, 59.33] }, properties: { namn: 'Stockholm', invånare: 984748 } },
        { type: 'Feature', geometry: null, properties: null },
      ],
    });
    const preview = table(await previewTable(streamOf(geojson), { mediaType: 'application/geo+json' }));
    assert.deepEqual(preview.columns, ['namn', 'invånare']);
    assert.deepEqual(preview.rows, [['Stockholm', '984748'], ['', '']]);
  });

  test('maxRows and an empty list', async () => {
    const json = JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ i })));
    const preview = table(await previewTable(streamOf(json), { mediaType: 'application/json', maxRows: 10 }));
    assert.equal(preview.rows.length, 10);
    assert.equal(preview.truncated, true);
    assert.equal(preview.totalRowsRead, 11);
    assert.deepEqual(await previewTable(streamOf('[ ]'), { mediaType: 'application/json' }), { kind: 'table', columns: [], rows: [], encoding: 'utf-8', truncated: false, totalRowsRead: 0 });
    assert.equal(table(await previewTable(streamOf('  '), { mediaType: 'application/json' })).columns.length, 0);
  });

  test('not a table, not JSON, or the list out of reach', async () => {
    const preview = (text: string, maxBytes?: number) => previewTable(streamOf(text), { mediaType: 'application/json', maxBytes });
    assert.deepEqual(await preview('[1, 2, 3]'), { kind: 'unsupported', reason: 'notTabular' });
    assert.deepEqual(await preview('{"name": "x", "values": [{"a": 1}]}'), { kind: 'unsupported', reason: 'notTabular' });
    assert.deepEqual(await preview('"just a string"'), { kind: 'unsupported', reason: 'notTabular' });
    assert.deepEqual(await preview('kommun,antal'), { kind: 'unsupported', reason: 'invalidJson' });
    assert.deepEqual(await preview('[{"a": 1}, {"a": oops}]'), { kind: 'unsupported', reason: 'invalidJson' });
    assert.deepEqual(await preview('[{"a": 1}, {"a": 2'), { kind: 'unsupported', reason: 'invalidJson' });
    const late = JSON.stringify({ meta: 'x'.repeat(5000), data: [{ a: 1 }] });
    assert.deepEqual(await preview(late, 1000), { kind: 'unsupported', reason: 'tooLargeForPreview' });
    const cut = table(await preview(JSON.stringify({ data: Array.from({ length: 100 }, (_, i) => ({ i })) }), 200));
    assert.equal(cut.truncated, true);
    assert.ok(cut.rows.length > 5, String(cut.rows.length));
  });

  test('a 50 MB JSON array: reading stops right after maxRows', async () => {
    const { stream, counter } = hugeStream('{"type":"FeatureCollection","features":[', (i) => `{"type":"Feature","properties":{"id":${i}},"geometry":null},`);
    const preview = table(await previewTable(stream, { mediaType: 'application/geo+json' }));
    assert.equal(preview.rows.length, 100);
    assert.deepEqual(preview.rows[99], ['99']);
    assert.equal(preview.truncated, true);
    assert.ok(counter.pulled < 512 * 1024, `pulled ${counter.pulled} bytes`);
    assert.equal(counter.destroyed, true);
  });
});
