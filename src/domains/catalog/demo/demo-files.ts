// The demo catalog's file generators: a seeded PRNG (mulberry32, never Math.random), tables, and
// their CSV and JSON renderings. Every file is computed from its own seed on each call to bytes(),
// so the same name always gives the same bytes, offline. Swedish-Excel-style CSV uses ';' with
// decimal commas and CRLF; the others ',' with decimal points and LF. One file is re-encoded in
// Windows-1252, as older Swedish systems still export. The tables themselves live in
// demo-tables-*.ts.
import type { DemoFile } from './demo-catalog.js';

export type Cell = string | number | boolean | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [min, max) rounded to `decimals`. */
  float(min: number, max: number, decimals: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** An approximately normal value (mean, standard deviation). */
  normal(mean: number, sd: number): number;
}

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data and fully deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a text: seeds each file's PRNG from its name. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function rng(seedText: string): Rng {
  const next = mulberry32(hashSeed(seedText));
  const self: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max, decimals) => round(min + next() * (max - min), decimals),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
    normal: (mean, sd) => mean + sd * (next() + next() + next() + next() + next() + next() - 3) / Math.sqrt(0.5),
  };
  return self;
}

/** ISO date `days` after `iso` (UTC, no time zone surprises). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The ISO dates from `start` to `end`, both included. */
export function dateRange(start: string, end: string, stepDays = 1): string[] {
  const dates: string[] = [];
  for (let day = start; day <= end; day = addDays(day, stepDays)) dates.push(day);
  return dates;
}

/** Months as 'YYYY-MM' from `start` to `end`, both included. */
export function monthRange(start: string, end: string): string[] {
  const months: string[] = [];
  let [year, month] = start.split('-').map(Number) as [number, number];
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > end) return months;
    months.push(label);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

/** The Luhn check digit Swedish organisation numbers end with. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** An invented organisation number of an aktiebolag (556xxx-xxxx) with a valid check digit. */
export function orgNumber(random: Rng): string {
  const body = `556${String(random.int(0, 999_999)).padStart(6, '0')}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnDigit(body)}`;
}

/** A Swedish postcode ('118 52') whose first three digits fall in `range`. */
export function postcode(random: Rng, range: readonly [number, number]): string {
  return `${random.int(range[0], range[1])} ${String(random.int(0, 99)).padStart(2, '0')}`;
}

/** A point scattered around a centre (degrees; ~1 km ≈ 0.009° latitude). */
export function scatter(random: Rng, lat: number, lon: number, km: number): [number, number] {
  const dLat = (random.next() * 2 - 1) * km * 0.009;
  const dLon = ((random.next() * 2 - 1) * km * 0.009) / Math.cos((lat * Math.PI) / 180);
  return [round(lat + dLat, 5), round(lon + dLon, 5)];
}

export interface CsvStyle {
  /** ';' means Swedish Excel style: decimal commas and CRLF line ends. */
  separator: ',' | ';';
}

function formatCell(cell: Cell, style: CsvStyle): string {
  if (cell === null) return '';
  let text: string;
  if (typeof cell === 'number') text = style.separator === ';' ? String(cell).replace('.', ',') : String(cell);
  else if (typeof cell === 'boolean') text = cell ? 'ja' : 'nej';
  else text = cell;
  return text.includes(style.separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table, style: CsvStyle): string {
  const lineEnd = style.separator === ';' ? '\r\n' : '\n';
  for (const [index, row] of table.rows.entries()) {
    if (row.length !== table.columns.length) throw new Error(`row ${index} has ${row.length} cells, expected ${table.columns.length}`);
  }
  const lines = [table.columns, ...table.rows].map((row) => row.map((cell) => formatCell(cell, style)).join(style.separator));
  return lines.join(lineEnd) + lineEnd;
}

/** The table as an array of objects keyed by column (numbers stay numbers). */
export function toRecords(table: Table): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
}

/**
 * Windows-1252 for text within Latin-1: U+0000–U+007F and U+00A0–U+00FF encode as the same byte
 * (å 0xE5, ä 0xE4, ö 0xF6, Å 0xC5, Ä 0xC4, Ö 0xD6, é 0xE9). Anything else (including the C1 range,
 * where Windows-1252 puts € and the dashes) throws rather than being silently mangled.
 */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) {
      throw new Error(`U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${i} has no Windows-1252 byte in the Latin-1 range`);
    }
    bytes[i] = code;
  }
  return bytes;
}

export function csvFile(name: string, make: () => Table, separator: CsvStyle['separator'] = ','): DemoFile {
  return { name, mediaType: 'text/csv', bytes: () => Buffer.from(toCsv(make(), { separator }), 'utf8') };
}

export function csvFileWindows1252(name: string, make: () => Table): DemoFile {
  return { name, mediaType: 'text/csv', bytes: () => encodeWindows1252(toCsv(make(), { separator: ';' })) };
}

/** A JSON file: an array of objects, pretty-printed with two spaces. */
export function jsonFile(name: string, make: () => unknown[]): DemoFile {
  return { name, mediaType: 'application/json', bytes: () => Buffer.from(`${JSON.stringify(make(), null, 2)}\n`, 'utf8') };
}

/** A JSON rendering of a table. */
export function tableJsonFile(name: string, make: () => Table): DemoFile {
  return jsonFile(name, () => toRecords(make()));
}
