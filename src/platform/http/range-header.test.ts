import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRangeHeader } from './range-header.js';

describe('parseRangeHeader', () => {
  const size = 1000;

  test('no header: the whole file', () => {
    assert.deepEqual(parseRangeHeader(undefined, size), { kind: 'none' });
  });

  test('the three single-range forms, clamped to the file', () => {
    assert.deepEqual(parseRangeHeader('bytes=0-499', size), { kind: 'range', start: 0, end: 499 });
    assert.deepEqual(parseRangeHeader('bytes=500-', size), { kind: 'range', start: 500, end: 999 });
    assert.deepEqual(parseRangeHeader('bytes=-200', size), { kind: 'range', start: 800, end: 999 });
    assert.deepEqual(parseRangeHeader('bytes=900-5000', size), { kind: 'range', start: 900, end: 999 });
    assert.deepEqual(parseRangeHeader('bytes=-5000', size), { kind: 'range', start: 0, end: 999 });
    assert.deepEqual(parseRangeHeader('bytes=999-999', size), { kind: 'range', start: 999, end: 999 });
    assert.deepEqual(parseRangeHeader(' Bytes = 1 - 2 ', size), { kind: 'range', start: 1, end: 2 });
    assert.deepEqual(parseRangeHeader('bytes=0-99999999999999999999', size), { kind: 'range', start: 0, end: 999 });
  });

  test('unsatisfiable: starts at or after the end, -0, anything on an empty file', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-2000', 'bytes=-0', 'bytes=99999999999999999999-']) {
      assert.deepEqual(parseRangeHeader(header, size), { kind: 'unsatisfiable' }, header);
    }
    for (const header of ['bytes=0-', 'bytes=0-0', 'bytes=-1']) {
      assert.deepEqual(parseRangeHeader(header, 0), { kind: 'unsatisfiable' }, header);
    }
  });

  test('ignored (whole file): other units, malformed values, several ranges', () => {
    for (const header of ['items=0-1', 'bytes=', 'bytes=-', 'bytes=abc', 'bytes=5-2', 'bytes=1-2-3', 'bytes=0x10-20', 'bytes=-1.5', 'bytes=0-1,3-4', 'bytes=0-1,', '0-1']) {
      assert.deepEqual(parseRangeHeader(header, size), { kind: 'none' }, header);
    }
  });
});
