// Which character separates the fields of a delimited text file? Each candidate splits the first
// records (quote-aware: a delimiter or line break inside "…" does not count) and the one that gives
// every record the same number of fields, more than one, wins.
//
// Swedish files often use ';' with decimal commas ("Stockholm;12,5"). Splitting those by ',' gives
// the header one field and the rows two, so ',' is never consistent there — which is why the header
// must have the winning number of fields, and why consistency is judged before anything else.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Fields in the header and in most records. */
  fields: number;
  /** Records looked at (the header included). */
  records: number;
}

/** Tolerates a few odd rows (a footnote such as "Källa: SCB" at the end). */
const MIN_CONSISTENCY = 0.8;
const SAMPLE_RECORDS = 50;

/**
 * Guesses the delimiter from the start of a text. `complete`: the text is the whole file, so its
 * last line is a whole record (otherwise a last line without a line break may be cut off and is
 * left out). Undefined when no candidate splits the text consistently into two or more fields.
 */
export function detectDelimiter(text: string, options: { complete?: boolean } = {}): DelimiterGuess | undefined {
  let best: (DelimiterGuess & { consistency: number }) | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, options.complete ?? false);
    if (counts.length === 0) continue;
    const fields = mostCommon(counts);
    const consistency = counts.filter((n) => n === fields).length / counts.length;
    if (fields < 2 || counts[0] !== fields || consistency < MIN_CONSISTENCY) continue;
    // Ties on consistency go to more fields, then to the earlier candidate (',' before ';' …).
    if (!best || consistency > best.consistency || (consistency === best.consistency && fields > best.fields)) {
      best = { delimiter, fields, records: counts.length, consistency };
    }
  }
  return best && { delimiter: best.delimiter, fields: best.fields, records: best.records };
}

/** Fields per record for the first SAMPLE_RECORDS non-empty records, as an RFC 4180 reader sees them. */
export function fieldCounts(text: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let hasContent = false;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++; // "" is a quote inside a quoted field
        else inQuotes = false;
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (hasContent) counts.push(fields); // blank lines are not records
      fields = 1;
      atFieldStart = true;
      hasContent = false;
      continue;
    }
    hasContent = true;
    if (c === delimiter) {
      fields++;
      atFieldStart = true;
    } else {
      // A quote opens a quoted field only at its start; 5" in the middle of a field is just a character.
      if (c === '"' && atFieldStart) inQuotes = true;
      atFieldStart = false;
    }
  }
  const lastIsWhole = complete && !inQuotes;
  if (hasContent && counts.length < SAMPLE_RECORDS && (lastIsWhole || counts.length === 0)) counts.push(fields);
  return counts;
}

function mostCommon(values: number[]): number {
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [value, count] of tally) if (count > (tally.get(best) ?? 0)) best = value;
  return best;
}
