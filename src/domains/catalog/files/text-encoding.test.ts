import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeSample, detectTextEncoding, looksBinary } from './text-encoding.js';

describe('text encoding', () => {
  test('valid UTF-8 (with or without BOM) is UTF-8; å ä ö as single bytes are Windows-1252', () => {
    assert.equal(detectTextEncoding(Buffer.from('Malmö;Skåne', 'utf8')), 'utf-8');
    assert.equal(detectTextEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), 'utf-8');
    assert.equal(detectTextEncoding(Buffer.from('plain ascii')), 'utf-8');
    const cp1252 = Buffer.from([0x4d, 0x61, 0x6c, 0x6d, 0xf6, 0x3b, 0xe5, 0xe4, 0xc5, 0xc4, 0xd6]);
    assert.equal(detectTextEncoding(cp1252), 'windows-1252');
    assert.equal(decodeSample(cp1252, 'windows-1252'), 'Malmö;åäÅÄÖ');
  });

  test('a UTF-8 character cut off at the end of the sample is not held against it', () => {
    const cut = Buffer.from('Östersund', 'utf8').subarray(0, 1); // the first byte of Ö
    assert.equal(detectTextEncoding(Buffer.concat([Buffer.from('abc'), cut])), 'utf-8');
    assert.equal(decodeSample(Buffer.concat([Buffer.from('abc'), cut]), 'utf-8'), 'abc');
  });

  test('a BOM is dropped when decoding', () => {
    assert.equal(decodeSample(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8'), 'a');
  });

  test('binary: a NUL byte or many control characters; text with tabs and CRLF is not', () => {
    assert.equal(looksBinary(Buffer.from('a\tb\r\nc\fd')), false);
    assert.equal(looksBinary(Buffer.from([0x61, 0x00, 0x62])), true);
    assert.equal(looksBinary(Buffer.from([0x01, 0x02, 0x03, ...Buffer.from('text')])), true);
    assert.equal(looksBinary(Buffer.concat([Buffer.alloc(200, 0x61), Buffer.from([0x01])])), false);
  });
});
