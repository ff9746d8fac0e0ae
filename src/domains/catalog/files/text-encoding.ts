// Is it text, and in which encoding? Swedish open data comes as UTF-8 (with or without a BOM) or,
// from older Windows exports, Windows-1252 — where å ä ö are single bytes (0xE5 0xE4 0xF6) that are
// never valid UTF-8. So: valid UTF-8 → UTF-8, anything else → Windows-1252, which decodes every byte.

export type TextEncodingName = 'utf-8' | 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

/** 'utf-16le' / 'utf-16be' when the bytes start with a UTF-16 byte order mark. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The encoding of a sample from the start of a file. A multi-byte character cut off at the end of
 * the sample is not held against UTF-8 (`stream: true` keeps it pending instead of failing).
 */
export function detectTextEncoding(sample: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(sample)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Binary, not text: any NUL byte (no text format we read uses it; UTF-16 is checked separately by
 * its BOM), or more than 1 % control characters other than tab, line breaks, form feed and escape.
 */
export function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) controls++;
  }
  return controls > sample.length / 100;
}

/** Decodes a sample as text; a BOM is dropped, a character cut off at the end is left out. */
export function decodeSample(sample: Uint8Array, encoding: TextEncodingName | 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding).decode(sample, { stream: true });
}
