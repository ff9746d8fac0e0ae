// JSON previews without reading the whole document: a small scanner finds the list of records —
// the root array, or the array under "data", "items", "results" or "features" of a root object —
// and hands out each element's text as soon as it is complete, so only those are JSON.parse'd.
import type { ReadProgress } from './bounded-read.js';
import { emptyTable, type Preview } from './preview-types.js';

const LIST_KEYS = new Set(['data', 'items', 'results', 'features']);

/** Feed it a JSON text in pieces; it returns the complete elements of the list of records. */
export class JsonListScanner {
  /** Open containers, innermost last. */
  private readonly stack: string[] = [];
  private inString = false;
  private escaped = false;
  /** In the root object, the next string is a key (after '{' or ','), not a value (after ':'). */
  private rootExpectsKey = false;
  private keyParts: string[] | undefined;
  private keyStart = 0;
  private lastRootKey: string | undefined;
  /** The nesting depth of the list once found (1: the root is the list); 0 while not found. */
  listDepth = 0;
  private elementParts: string[] | undefined;
  private elementStart = 0;
  /** Something other than whitespace was seen. */
  started = false;
  /** The list was found and has ended. */
  done = false;
  /** The root value is not a list, nor an object holding one. */
  noList = false;

  push(chunk: string): string[] {
    const elements: string[] = [];
    for (let i = 0; i < chunk.length && !this.done && !this.noList; i++) {
      const c = chunk.charAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') {
          this.inString = false;
          if (this.keyParts) {
            this.keyParts.push(chunk.slice(this.keyStart, i));
            this.lastRootKey = this.keyParts.join('');
            this.keyParts = undefined;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
      const depth = this.stack.length;
      if (!this.started) {
        this.started = true;
        if (c === '[') this.listDepth = 1;
        else if (c !== '{') {
          // A string, number or literal is valid JSON but no table; anything else is not JSON.
          if (/["\-\dtfn]/.test(c)) this.noList = true;
          else throw new SyntaxError('Not JSON');
          continue;
        }
      }
      if (this.listDepth > 0 && depth === this.listDepth) {
        if (c === ',' || c === ']') {
          if (this.elementParts) elements.push(this.elementParts.join('') + chunk.slice(this.elementStart, i));
          this.elementParts = undefined;
          if (c === ']') this.done = true;
          continue;
        }
        if (!this.elementParts) {
          this.elementParts = [];
          this.elementStart = i;
        }
      }
      const inRootObject = depth === 1 && this.stack[0] === '{';
      switch (c) {
        case '"':
          this.inString = true;
          if (inRootObject && this.rootExpectsKey) {
            this.keyParts = [];
            this.keyStart = i + 1;
          }
          break;
        case '{':
        case '[':
          if (c === '[' && inRootObject && !this.rootExpectsKey && this.listDepth === 0 && LIST_KEYS.has(this.lastRootKey ?? '')) {
            this.listDepth = 2;
          }
          this.stack.push(c);
          if (depth === 0) this.rootExpectsKey = true;
          break;
        case '}':
        case ']':
          this.stack.pop();
          if (this.stack.length === 0) this.noList = true; // the root object closed without a list
          break;
        case ',':
          if (inRootObject) this.rootExpectsKey = true;
          break;
        case ':':
          if (inRootObject) this.rootExpectsKey = false;
          break;
      }
    }
    // Carry what is unfinished into the next chunk.
    if (this.elementParts && !this.done) {
      this.elementParts.push(chunk.slice(this.elementStart));
      this.elementStart = 0;
    }
    if (this.keyParts) {
      this.keyParts.push(chunk.slice(this.keyStart));
      this.keyStart = 0;
    }
    return elements;
  }
}

/** Previews JSON from `chunks` (already limited to the byte budget), stopping after maxRows + 1 records. */
export async function previewJson(chunks: AsyncGenerator<Buffer>, progress: ReadProgress, maxRows: number): Promise<Preview> {
  const decoder = new TextDecoder('utf-8'); // JSON is UTF-8 (RFC 8259); a BOM is dropped
  const scanner = new JsonListScanner();
  const records: Record<string, unknown>[] = [];
  try {
    for await (const chunk of chunks) {
      for (const element of scanner.push(decoder.decode(chunk, { stream: true }))) {
        const record = toRecord(JSON.parse(element));
        if (!record) return { kind: 'unsupported', reason: 'notTabular' };
        records.push(record);
        if (records.length > maxRows) break;
      }
      if (records.length > maxRows || scanner.done || scanner.noList) break;
    }
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'unsupported', reason: 'invalidJson' };
    throw error; // the source failed: not the file's fault
  }
  if (!scanner.started) return emptyTable();
  if (scanner.noList) return { kind: 'unsupported', reason: 'notTabular' };
  const enough = records.length > maxRows;
  if (!scanner.done && !enough) {
    // Out of budget before the list began: we cannot tell what the file holds.
    if (progress.hitLimit && scanner.listDepth === 0) return { kind: 'unsupported', reason: 'tooLargeForPreview' };
    if (!progress.hitLimit) return { kind: 'unsupported', reason: 'invalidJson' }; // the text just stops
  }
  const shown = records.slice(0, maxRows);
  const columns = [...new Set(shown.flatMap((record) => Object.keys(record)))];
  return {
    kind: 'table',
    columns,
    rows: shown.map((record) => columns.map((column) => cellText(record[column]))),
    encoding: 'utf-8',
    truncated: !scanner.done || enough,
    totalRowsRead: records.length,
  };
}

/** An object is a row; a GeoJSON Feature's row is its properties. Anything else is not tabular. */
function toRecord(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'Feature' && 'properties' in value) return isObject(value.properties) ? value.properties : {};
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
