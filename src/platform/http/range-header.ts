// The HTTP Range header (RFC 9110 §14), only as much of it as file downloads need: one byte range.
// (`range-parser` is not in our dependency tree, and this is small enough to own and test.)

/**
 * What to answer a Range header with:
 * - `none`: send the whole file (200). No header, another unit than bytes, a malformed value, or
 *   several ranges — RFC 9110 lets a server ignore Range, and a full 200 is simpler and safer than
 *   multipart/byteranges (which clients rarely ask for and which can be abused to multiply output).
 * - `unsatisfiable`: 416, with a Content-Range that names only the size.
 * - `range`: 206 with these inclusive, already clamped byte positions.
 */
export type RangeRequest = { kind: 'none' } | { kind: 'unsatisfiable' } | { kind: 'range'; start: number; end: number };

const NONE: RangeRequest = { kind: 'none' };
const UNSATISFIABLE: RangeRequest = { kind: 'unsatisfiable' };
const DIGITS = /^\d+$/;

/** Interprets `Range` for a representation of `size` bytes. */
export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return NONE;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return NONE; // an unknown range unit must be ignored
  const specs = (match[1] ?? '').split(',').map((spec) => spec.trim());
  if (specs.length !== 1) return NONE;
  const spec = specs[0] ?? '';
  const dash = spec.indexOf('-');
  if (dash < 0) return NONE;
  const first = spec.slice(0, dash).trim();
  const last = spec.slice(dash + 1).trim();

  if (first === '') {
    // bytes=-n: the last n bytes (all of them when the file is shorter); -0 asks for nothing.
    const suffix = toPosition(last);
    if (suffix === undefined) return NONE;
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = toPosition(first);
  if (start === undefined) return NONE;
  const end = last === '' ? Number.MAX_SAFE_INTEGER : toPosition(last); // bytes=a-: to the end
  if (end === undefined || end < start) return NONE; // bytes=5-2 is invalid, not unsatisfiable
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'range', start, end: Math.min(end, size - 1) };
}

function toPosition(text: string): number | undefined {
  if (!DIGITS.test(text)) return undefined;
  const value = Number(text);
  // Positions beyond 2^53 cannot be meant for any file we store; treat them as "very large".
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}
