// Collects the report's lines without holding 100,000 of them in memory: every line goes to a
// JSON-lines file (what `--json` prints), and the report object keeps the first MAX_STORED_ITEMS
// lines, those that need a look (failures, warnings, dropped values) first — what the run stores and
// the import page shows. Totals are counted as lines arrive; a line written again (a resource read a
// second time) replaces the earlier one in the totals and in the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { MAX_STORED_ITEMS, type ImportAction, type ImportTotals, type ReportItem } from './import.report.js';

const ACTIONS: ImportAction[] = ['created', 'updated', 'unchanged', 'failed'];
const KINDS: ReportItem['kind'][] = ['dataset', 'dataService', 'series'];

/** A line's part of the totals, packed in one number (kept per line to undo it when replaced). */
function pack(item: ReportItem): number {
  return ACTIONS.indexOf(item.action) + 4 * KINDS.indexOf(item.kind) + 16 * (item.warnings.length ? 1 : 0) + 32 * Math.min(item.normalised.length, 65535) + 32 * 65536 * Math.min(item.dropped.length, 65535);
}

function apply(totals: ImportTotals, packed: number, sign: 1 | -1): void {
  const action = ACTIONS[packed % 4]!;
  const kind = KINDS[Math.floor(packed / 4) % 4]!;
  totals[kind === 'dataset' ? 'datasets' : kind === 'dataService' ? 'dataServices' : 'series'] += sign;
  totals[action] += sign;
  if (Math.floor(packed / 16) % 2) totals.withWarnings += sign;
  totals.normalised += sign * (Math.floor(packed / 32) % 65536);
  totals.dropped += sign * Math.floor(packed / (32 * 65536));
}

const notable = (item: ReportItem) => item.action === 'failed' || item.warnings.length > 0 || item.dropped.length > 0;

export class ReportCollector {
  /** Each line's part of the totals, per kind by the resource's stable key. */
  private readonly parts = { dataset: new Map<string, number>(), dataService: new Map<string, number>(), series: new Map<string, number>() };
  private lines = 0;
  /** Up to `keep` lines that need a look and `keep` others, by the resource's stable key. */
  private readonly kept = new Map<string, { item: ReportItem; seq: number; notable: boolean }>();
  private readonly counts: [number, number] = [0, 0];
  private readonly replaced = new Map<string, number>();
  private seq = 0;
  private fd: number | undefined;
  private dir: string | undefined;

  constructor(
    private readonly totals: ImportTotals,
    /** Write every line to a file for `all()` (only when someone wants them all). */
    private readonly spillAll = false,
    private readonly keep = MAX_STORED_ITEMS,
  ) {}

  add(resourceKey: string, item: ReportItem): void {
    const parts = this.parts[item.kind];
    const previous = parts.get(resourceKey);
    const stable = `${item.kind} ${resourceKey}`;
    if (previous !== undefined) {
      apply(this.totals, previous, -1);
      // Created in the first read and changed in the second is still a creation.
      if (ACTIONS[previous % 4] === 'created' && item.action !== 'failed') item.action = 'created';
      this.replaced.set(stable, (this.replaced.get(stable) ?? 1) + 1);
    }
    const packed = pack(item);
    if (previous === undefined) this.lines++;
    parts.set(resourceKey, packed);
    apply(this.totals, packed, 1);
    if (this.spillAll) this.spill(stable, item);
    const earlier = this.kept.get(stable);
    const isNotable = notable(item);
    if (earlier) {
      this.counts[earlier.notable ? 1 : 0]--;
      this.kept.set(stable, { item, seq: earlier.seq, notable: isNotable });
      this.counts[isNotable ? 1 : 0]++;
    } else if (this.counts[isNotable ? 1 : 0] < this.keep) {
      this.kept.set(stable, { item, seq: this.seq++, notable: isNotable });
      this.counts[isNotable ? 1 : 0]++;
    } else this.seq++;
  }

  private spill(stable: string, item: ReportItem): void {
    if (this.fd === undefined) {
      if (this.dir) throw new Error('the report is finished');
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmanning-report-'));
      this.fd = fs.openSync(path.join(this.dir, 'items.jsonl'), 'w');
    }
    fs.writeSync(this.fd, `${JSON.stringify({ s: stable, i: item })}\n`);
  }

  /** The lines kept for the stored report (those that need a look first), in the order they came. */
  items(): ReportItem[] {
    const entries = [...this.kept.values()];
    const chosen = [...entries.filter((e) => e.notable), ...entries.filter((e) => !e.notable).sort((a, b) => a.seq - b.seq)].slice(0, this.keep);
    return chosen.sort((a, b) => a.seq - b.seq).map((e) => e.item);
  }

  get total(): number {
    return this.lines;
  }

  /** Every line, in order, the last version of each (for --json). */
  async *all(): AsyncGenerator<ReportItem> {
    if (!this.spillAll) {
      yield* this.items();
      return;
    }
    if (!this.dir) return;
    const seen = new Map<string, number>();
    const lines = readline.createInterface({ input: fs.createReadStream(path.join(this.dir, 'items.jsonl'), { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const { s, i } = JSON.parse(line) as { s: string; i: ReportItem };
      const versions = this.replaced.get(s);
      if (versions !== undefined) {
        const n = (seen.get(s) ?? 0) + 1;
        seen.set(s, n);
        if (n < versions) continue;
      }
      yield i;
    }
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) await fs.promises.rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  /** Stops writing (the file stays readable until close). */
  finish(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
