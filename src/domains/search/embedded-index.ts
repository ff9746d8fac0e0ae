// The embedded search index: every dataset that is not deleted, held in memory and fed from the
// database (which stays the source of truth). Built for speed over 100,000 datasets on small
// machines:
// - documents live in slots (numbers); a changed dataset gets a new slot and its old one dies;
// - each word key (the word and its stem) has a posting list of slots with a precomputed weight
//   (title 5 > keywords 3 > description and distribution titles 1, saturated like BM25);
// - a query is evaluated on bitsets (one bit per slot): visibility, each clause, each facet filter;
//   posting lists covering 1/32 of the slots or more also keep a bitset, ORed word by word;
// - facet counts walk the matched slots once, reading each slot's facet values (global value ids)
//   from one flat pool, or walk the complement of a large set; a filtered facet's own counts come
//   from its values' bitsets (AND + popcount) when that is cheaper;
// - relevance: every posting of the query's keys is scored into one reused array, then a bounded
//   insertion keeps the best (ties by each slot's place in title order, an integer);
// - the sort orders (title, modified, newest) are kept sorted as documents change (slot-order.ts):
//   a search after a write costs milliseconds, not a sort of the whole catalog;
// - answers are cached per index generation (any change starts a new one);
// - memory: phrases are checked against each slot's words as varint token ids; titles and
//   descriptions are kept as ids into a dictionary of word and separator runs; postings, facet
//   values and those sequences live in typed arrays (≈ 45 MB of heap + 65 MB of arrays at 100,000
//   datasets).
// Freshness: a change made in this process is read before the next search (changed()); changes
// made by other processes (another web process, the CLI) are noticed through the catalog's change
// counter, read at most every FRESH_MS, then only the rows changed since are read again.
import { LRUCache } from 'lru-cache';
import { facetNames, type FacetCount, type FacetName, type IndexStats, type SearchDocument, type SearchIndex, type SearchOrganization, type SearchRequest, type SearchResult, type SearchScope } from './search.model.js';
import type { LangText } from '../catalog/index.js';
import type { DatasetStamp } from './search.repository.js';
import { hitOf, storedOf, suggestionsOf, type StoredDocument } from './search.documents.js';
import { requestKey } from './answer-cache.js';
import { SlotOrder } from './slot-order.js';
import { indexKeys, parseQuery, queryKeys, STOP_WORDS, tokenize, type QueryTerm, type TextLang } from './text.js';

export const FRESH_MS = 250;
/** Rows changed this long before the newest one seen are read again (transactions that committed late). */
const LATE_COMMIT_MS = 60_000;
/** How often a changed catalog also gets a full id + revision comparison (hard deletes, clock skew). */
const RECONCILE_MS = 30_000;
const BATCH = 100;

export interface SearchSource {
  version(): Promise<string>;
  organizations(): Promise<SearchOrganization[]>;
  count(): Promise<number>;
  datasetsAfter(afterId: string, limit: number): Promise<SearchDocument[]>;
  datasetsByIds(ids: readonly string[]): Promise<SearchDocument[]>;
  changedSince(since: string): Promise<DatasetStamp[]>;
  stamps(): Promise<DatasetStamp[]>;
}

const FIELD_WEIGHT = { title: 5, keyword: 3, description: 1, distribution: 1 } as const;

/**
 * Slots holding a key, ascending, each with its weight in hundredths (one byte: weights stay below
 * 2.2). A list covering at least 1/32 of the slots also gets a bitset on first use (smaller than
 * the list, and ORed word by word instead of slot by slot), kept up to date by push().
 */
class Postings {
  docs: Int32Array = new Int32Array(2);
  weights: Uint8Array = new Uint8Array(2);
  n = 0;
  private dense: Bits | undefined;
  push(doc: number, weight: number): void {
    if (this.n === this.docs.length) {
      const docs = new Int32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Uint8Array(this.n * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.n] = doc;
    this.weights[this.n++] = Math.min(255, Math.round(weight * 100));
    if (this.dense) {
      if (doc >>> 5 >= this.dense.length) {
        const dense = bitsFor(Math.max(doc + 1, this.dense.length * 64));
        dense.set(this.dense);
        this.dense = dense;
      }
      setBit(this.dense, doc);
    }
  }
  /** Sets the bits of this list's slots in `bits`. */
  orInto(bits: Bits): void {
    const dense = this.denseFor(bits);
    if (dense) {
      for (let i = Math.min(dense.length, bits.length) - 1; i >= 0; i--) bits[i]! |= dense[i]!;
    } else this.orSlots(bits);
  }
  /** How many of this list's slots are set in `bits`. */
  countIn(bits: Bits): number {
    const dense = this.denseFor(bits);
    let count = 0;
    if (dense) {
      for (let i = Math.min(dense.length, bits.length) - 1; i >= 0; i--) {
        const both = bits[i]! & dense[i]!;
        if (both !== 0) count += BITS_IN_16[both & 0xffff]! + BITS_IN_16[both >>> 16]!;
      }
    } else {
      const { docs, n } = this;
      for (let i = 0; i < n; i++) if (hasBit(bits, docs[i]!)) count++;
    }
    return count;
  }
  /** The list's bitset, made now if the list covers at least 1/32 of the slots of `bits`. */
  private denseFor(bits: Bits): Bits | undefined {
    if (!this.dense && this.n >= bits.length) {
      this.dense = bitsFor(bits.length << 5);
      this.orSlots(this.dense);
    }
    return this.dense;
  }
  private orSlots(bits: Bits): void {
    const { docs, n } = this;
    for (let i = 0; i < n; i++) bits[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
  }
  /** A full list over views of shared arrays (a bulk build): exact size, grows by copying when pushed to. */
  static of(docs: Int32Array, weights: Uint8Array): Postings {
    const postings = new Postings();
    postings.docs = docs;
    postings.weights = weights;
    postings.n = docs.length;
    return postings;
  }
}

/**
 * A full build collects (key, weight) per slot in fixed-size chunks and turns them into exact-size
 * posting lists at the end (a counting sort into two shared arrays): no list grows by doubling and
 * nothing is copied while collecting. Entries come slot by slot, so the slot of an entry is not
 * stored: `slotRuns` records where each slot's entries start.
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const EMPTY_INT32 = new Int32Array(0);
const EMPTY_UINT8 = new Uint8Array(0);

class BulkPostings<K> {
  private ids = new Map<K, number>();
  private keys: K[] = [];
  private keyChunks: Int32Array[] = [];
  private weightChunks: Uint8Array[] = [];
  /** (slot, first entry) pairs, in the order slots were added. */
  private slotRuns = new Int32Array(1 << 12);
  private runs = 0;
  private lastSlot = -1;
  private n = 0;

  add(key: K, slot: number, weight: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    if (slot !== this.lastSlot) {
      if (this.runs * 2 === this.slotRuns.length) {
        const runs = new Int32Array(this.slotRuns.length * 2);
        runs.set(this.slotRuns);
        this.slotRuns = runs;
      }
      this.slotRuns[this.runs * 2] = slot;
      this.slotRuns[this.runs * 2 + 1] = this.n;
      this.runs++;
      this.lastSlot = slot;
    }
    const chunk = this.n >>> CHUNK_BITS;
    if (chunk === this.keyChunks.length) {
      this.keyChunks.push(new Int32Array(CHUNK));
      this.weightChunks.push(new Uint8Array(CHUNK));
    }
    this.keyChunks[chunk]![this.n & (CHUNK - 1)] = id;
    this.weightChunks[chunk]![this.n++ & (CHUNK - 1)] = Math.min(255, Math.round(weight * 100));
  }

  /** Every key's list, slots ascending (they were added in slot order). */
  build(): Map<K, Postings> {
    const keyOf = (i: number) => this.keyChunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
    const counts = new Int32Array(this.keys.length + 1);
    for (let i = 0; i < this.n; i++) counts[keyOf(i) + 1]!++;
    for (let k = 0; k < this.keys.length; k++) counts[k + 1]! += counts[k]!;
    const docs = new Int32Array(this.n);
    const weights = new Uint8Array(this.n);
    const next = counts.slice(0, this.keys.length);
    for (let r = 0; r < this.runs; r++) {
      const slot = this.slotRuns[r * 2]!;
      const to = r + 1 < this.runs ? this.slotRuns[r * 2 + 2 + 1]! : this.n;
      for (let i = this.slotRuns[r * 2 + 1]!; i < to; i++) {
        const at = next[keyOf(i)]!++;
        docs[at] = slot;
        weights[at] = this.weightChunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
        if ((i & (CHUNK - 1)) === CHUNK - 1) {
          // This chunk is read: let it go while the rest are.
          this.keyChunks[i >>> CHUNK_BITS] = EMPTY_INT32;
          this.weightChunks[i >>> CHUNK_BITS] = EMPTY_UINT8;
        }
      }
    }
    this.keyChunks = [];
    this.weightChunks = [];
    this.slotRuns = new Int32Array(0);
    const out = new Map<K, Postings>();
    this.keys.forEach((key, k) => out.set(key, Postings.of(docs.subarray(counts[k]!, counts[k + 1]!), weights.subarray(counts[k]!, counts[k + 1]!))));
    return out;
  }
}

/** A bitset over slots. */
type Bits = Uint32Array;
const bitsFor = (slots: number): Bits => new Uint32Array((slots + 31) >>> 5);
const setBit = (bits: Bits, i: number) => (bits[i >>> 5]! |= 1 << (i & 31));
const hasBit = (bits: Bits, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

/** Set bits in each 16-bit number (a 64 KB table: two lookups count a word). */
const BITS_IN_16 = new Uint8Array(1 << 16);
for (let i = 1; i < BITS_IN_16.length; i++) BITS_IN_16[i] = BITS_IN_16[i >>> 1]! + (i & 1);

function countBits(bits: Bits): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    const word = bits[i]!;
    if (word !== 0) n += BITS_IN_16[word & 0xffff]! + BITS_IN_16[word >>> 16]!;
  }
  return n;
}

/** Calls `visit` for every set bit, in slot order. */
function forEachBit(bits: Bits, visit: (slot: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      visit((w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/** Each slot's sequence of small numbers, varint-encoded into one byte pool (about 1.3 bytes a number). */
class VarintPool {
  bytes = new Uint8Array(1 << 16);
  used = 0;
  start = new Int32Array(1 << 12);
  length = new Int32Array(1 << 12);
  /** What decode() fills. */
  scratch = new Int32Array(256);

  add(slot: number, ids: readonly number[]): void {
    if (slot >= this.start.length) {
      const size = Math.max(slot + 1, this.start.length * 2);
      const start = new Int32Array(size);
      start.set(this.start);
      this.start = start;
      const length = new Int32Array(size);
      length.set(this.length);
      this.length = length;
    }
    if (this.used + ids.length * 5 > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + ids.length * 5));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    const { bytes } = this;
    let at = this.used;
    for (let id of ids) {
      while (id >= 0x80) {
        bytes[at++] = (id & 0x7f) | 0x80;
        id >>>= 7;
      }
      bytes[at++] = id;
    }
    this.start[slot] = this.used;
    this.length[slot] = at - this.used;
    this.used = at;
  }

  /** Drops the unused tail (after a full build). */
  trim(): void {
    this.bytes = this.bytes.slice(0, Math.max(this.used, 1024));
  }

  /** The slot's numbers into `scratch`; returns how many. */
  decode(slot: number): number {
    const { bytes } = this;
    let scratch = this.scratch;
    let n = 0;
    for (let i = this.start[slot]!, end = i + this.length[slot]!; i < end; ) {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[i++]!;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      if (n === scratch.length) {
        const grown = new Int32Array(n * 2);
        grown.set(scratch);
        this.scratch = scratch = grown;
      }
      scratch[n++] = value;
    }
    return n;
  }

  /** Does the slot's sequence contain `run` (none of it 0) as a run? */
  contains(slot: number, run: Int32Array): boolean {
    const n = this.decode(slot);
    const { scratch } = this;
    const k = run.length;
    for (let i = 0; i + k <= n; i++) {
      let j = 0;
      while (j < k && scratch[i + j] === run[j]) j++;
      if (j === k) return true;
    }
    return false;
  }
}

/** A copy of a string that does not keep a larger one alive (V8 slices strings of 13+ characters). */
const detached = (text: string): string => (text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8'));

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * Texts kept exactly (not normalised) as sequences of ids into one dictionary of the words as
 * written and of the runs between them: the titles and descriptions results show, at about a fifth
 * of the heap their strings take. Per slot and language; an absent text has no ids (an empty one
 * has one, the empty run), so every text comes back exactly as it was given.
 */
class TextPool {
  private ids = new Map<string, number>();
  private parts: string[] = [];
  private pools = { sv: new VarintPool(), en: new VarintPool() };

  private idOf(part: string): number {
    let id = this.ids.get(part);
    if (id === undefined) {
      id = this.parts.length;
      part = detached(part);
      this.ids.set(part, id);
      this.parts.push(part);
    }
    return id;
  }

  add(slot: number, texts: LangText): void {
    for (const lang of ['sv', 'en'] as const) {
      const text = texts[lang];
      const ids: number[] = [];
      if (typeof text === 'string') {
        let at = 0;
        for (const match of text.matchAll(WORD_RUN)) {
          ids.push(this.idOf(text.slice(at, match.index)), this.idOf(match[0]));
          at = match.index + match[0].length;
        }
        ids.push(this.idOf(text.slice(at)));
      }
      this.pools[lang].add(slot, ids);
    }
  }

  get(slot: number): LangText {
    const out: LangText = {};
    for (const lang of ['sv', 'en'] as const) {
      const text = this.text(slot, lang);
      if (text !== undefined) out[lang] = text;
    }
    return out;
  }

  /** One language's text of a slot (undefined when absent). */
  text(slot: number, lang: 'sv' | 'en'): string | undefined {
    const pool = this.pools[lang];
    const n = pool.decode(slot);
    if (n === 0) return undefined;
    const { scratch } = pool;
    let text = '';
    for (let i = 0; i < n; i++) text += this.parts[scratch[i]!]!;
    return text;
  }

  trim(): void {
    this.pools.sv.trim();
    this.pools.en.trim();
  }
}

/**
 * Every slot's facet values as global value ids, slot after slot in one array: slots are added in
 * order, so a slot's values run from start[slot] to start[slot + 1].
 */
class FacetPool {
  values = new Int32Array(1 << 16);
  used = 0;
  start = new Int32Array(1 << 12);
  slots = 0;
  add(slot: number, ids: readonly number[]): void {
    if (slot !== this.slots) throw new Error(`facet values of slot ${slot} added after slot ${this.slots - 1}`);
    if (slot + 2 > this.start.length) {
      const start = new Int32Array(Math.max(slot + 2, this.start.length * 2));
      start.set(this.start);
      this.start = start;
    }
    if (this.used + ids.length > this.values.length) {
      const values = new Int32Array(Math.max(this.values.length * 2, this.used + ids.length));
      values.set(this.values);
      this.values = values;
    }
    this.start[slot] = this.used;
    for (const id of ids) this.values[this.used++] = id;
    this.start[slot + 1] = this.used;
    this.slots++;
  }

  /** Values per slot on average (what walking a slot costs). */
  get density(): number {
    return this.slots === 0 ? 0 : this.used / this.slots;
  }

  /** Drops the unused tail (after a full build). */
  trim(): void {
    this.values = this.values.slice(0, Math.max(this.used, 1024));
  }
}

/** What the index keeps of a slot's document as an object (its title and description are in TextPools). */
type Stored = Omit<StoredDocument, 'title'>;

const FACET_INDEX = Object.fromEntries(facetNames.map((f, i) => [f, i])) as Record<FacetName, number>;

/** The index proper: synchronous, no I/O. */
export class MemoryIndex {
  /** What results show of each slot's dataset (undefined once the slot is dead). */
  private slots: (Stored | undefined)[] = [];
  /** Every word as written (stop words included) → its token id (from 1; 0 separates fields). */
  private tokenIds = new Map<string, number>();
  private tokenWords: string[] = [''];
  /** Each slot's words in order as token ids (0 between fields): what phrases are checked against. */
  private tokens = new VarintPool();
  /** Each slot's title and description (what results show; titles also sort, by sortTitle). */
  private titles = new TextPool();
  private descriptions = new TextPool();
  /** Shared copies of values many documents repeat (organisation ids, format lists). */
  private interned = new Map<string, string>();
  private internedFormats = new Map<string, string[]>();
  private slotOf = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private bulk: { words: BulkPostings<string>; facets: BulkPostings<number> } | undefined;
  private sortedKeys: string[] | undefined;
  private alive: Bits = bitsFor(1024);
  private open: Bits = bitsFor(1024);
  private facetIds = facetNames.map(() => new Map<string, number>());
  private facetValues: string[][] = facetNames.map(() => []);
  private facetPostings: Postings[][] = facetNames.map(() => []);
  /** Each facet value's global id (what FacetPool and facet counts use), and each global id's facet. */
  private facetGlobals: number[][] = facetNames.map(() => []);
  private facetOfGlobal: number[] = [];
  private pool = new FacetPool();
  private organizations = new Map<string, SearchOrganization>();
  /** The live slots by title, last modified and newest (built on first use, then kept in step). */
  private orders = this.newOrders();
  private cache = new LRUCache<string, SearchResult>({ max: 2000 });
  /** Facet counts of everything visible, per scope (see baseCounts). */
  private everything = new Map<string, Int32Array>();
  private scores = new Float32Array(0);
  /** Raised by every change: cached answers and orders of another generation are stale. */
  generation = 0;
  live = 0;

  get size(): number {
    return this.live;
  }

  revisionOf(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.slots[slot]?.revision;
  }

  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  setOrganizations(organizations: readonly SearchOrganization[]): string[] {
    const changedTypes: string[] = [];
    const next = new Map(organizations.map((o) => [o.id, o]));
    for (const [id, org] of next) {
      const before = this.organizations.get(id);
      if (before && before.type !== org.type) changedTypes.push(id);
    }
    this.organizations = next;
    this.touch();
    return changedTypes;
  }

  organization(id: string): SearchOrganization | undefined {
    return this.organizations.get(id);
  }

  /** Ids of the datasets of these organisations (to re-index after an organisation type change). */
  idsOfOrganizations(ids: readonly string[]): string[] {
    const out: string[] = [];
    for (const [id, slot] of this.slotOf) if (ids.includes(this.slots[slot]!.organizationId)) out.push(id);
    return out;
  }

  private touch(): void {
    this.generation++;
    this.cache.clear();
    this.everything.clear();
  }

  private grow(slot: number): void {
    if (slot >> 5 < this.alive.length) return;
    const size = Math.max(slot + 1, this.alive.length * 64);
    const alive = bitsFor(size);
    alive.set(this.alive);
    this.alive = alive;
    const open = bitsFor(size);
    open.set(this.open);
    this.open = open;
  }

  private facetId(facet: number, value: string): number {
    const ids = this.facetIds[facet]!;
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
      this.facetValues[facet]!.push(value);
      this.facetPostings[facet]!.push(new Postings());
      this.facetGlobals[facet]!.push(this.facetOfGlobal.length);
      this.facetOfGlobal.push(facet);
    }
    return id;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const order of Object.values(this.orders)) order.remove(slot);
    this.slots[slot] = undefined;
    this.alive[slot >>> 5]! &= ~(1 << (slot & 31));
    this.open[slot >>> 5]! &= ~(1 << (slot & 31));
    this.slotOf.delete(id);
    this.live--;
    this.touch();
  }

  /** Adds or replaces a dataset. */
  put(doc: SearchDocument): void {
    this.remove(doc.id);
    const slot = this.slots.length;
    this.grow(slot);
    const sequence: number[] = [];
    const weights = new Map<string, number>();
    const addText = (text: string | undefined, lang: TextLang, weight: number) => {
      if (!text) return;
      const words = tokenize(text);
      if (sequence.length > 0) sequence.push(0);
      for (const written of words) {
        let token = this.tokenIds.get(written);
        if (token === undefined) {
          token = this.tokenIds.size + 1;
          const copy = detached(written);
          this.tokenIds.set(copy, token);
          this.tokenWords[token] = copy;
        }
        // The index's own copy of the word: keys and caches keep no slice of this document's text.
        const word = this.tokenWords[token]!;
        sequence.push(token);
        if (STOP_WORDS.has(word)) continue;
        for (const key of indexKeys(word, lang)) weights.set(key, (weights.get(key) ?? 0) + weight);
      }
    };
    for (const lang of ['sv', 'en'] as const) {
      addText(doc.title[lang], lang, FIELD_WEIGHT.title);
      for (const keyword of doc.keywords[lang] ?? []) addText(keyword, lang, FIELD_WEIGHT.keyword);
      addText(doc.description[lang], lang, FIELD_WEIGHT.description);
      for (const title of doc.distributionTitles) addText(title[lang], lang, FIELD_WEIGHT.distribution);
    }
    for (const [key, raw] of weights) {
      let postings = this.postings.get(key);
      if (!postings) {
        postings = new Postings();
        this.postings.set(key, postings);
        this.sortedKeys = undefined;
      }
      // Saturation (BM25's k1 = 1.2 without length normalisation): repeats count, less and less.
      const weight = (raw * 2.2) / (raw + 1.2);
      if (this.bulk) this.bulk.words.add(key, slot, weight);
      else postings.push(slot, weight);
    }
    const encoded: number[] = [];
    const addFacet = (facet: FacetName, value: string) => {
      const f = FACET_INDEX[facet];
      const id = this.facetId(f, value);
      encoded.push(this.facetGlobals[f]![id]!);
      if (this.bulk) this.bulk.facets.add((f << 24) | id, slot, 0);
      else this.facetPostings[f]![id]!.push(slot, 0);
    };
    addFacet('organization', doc.organizationId);
    const orgType = this.organizations.get(doc.organizationId)?.type;
    if (orgType) addFacet('organizationType', orgType);
    for (const facet of ['theme', 'format', 'license', 'open', 'hvd', 'keyword', 'accessRights'] as const) for (const value of doc.facets[facet]) addFacet(facet, value);
    this.pool.add(slot, encoded);
    this.tokens.add(slot, sequence);
    this.titles.add(slot, doc.title);
    this.descriptions.add(slot, doc.description);
    this.slots.push(this.compact(storedOf(doc)));
    this.slotOf.set(doc.id, slot);
    for (const order of Object.values(this.orders)) order.insert(slot);
    setBit(this.alive, slot);
    if (doc.status === 'published' && doc.visibility === 'public') setBit(this.open, slot);
    this.live++;
    this.touch();
  }

  /** The stored document with the strings and lists many documents repeat shared (less heap per slot). */
  private compact({ title: _title, ...doc }: StoredDocument): Stored {
    const intern = (value: string) => {
      const known = this.interned.get(value);
      if (known !== undefined) return known;
      this.interned.set(value, value);
      return value;
    };
    const formatsKey = doc.formats.join('\u0000');
    let formats = this.internedFormats.get(formatsKey);
    if (!formats) {
      formats = doc.formats.map(intern);
      this.internedFormats.set(formatsKey, formats);
    }
    return {
      ...doc,
      organizationId: intern(doc.organizationId),
      status: doc.status === 'published' ? 'published' : 'draft',
      visibility: doc.visibility === 'public' ? 'public' : 'private',
      formats,
    };
  }

  /** Dead slots make up much of the index: time to build it again from the database. */
  needsCompaction(): boolean {
    const dead = this.slots.length - this.live;
    return dead >= 1000 && dead >= this.slots.length / 4;
  }

  /** A full build: puts until endBulk() collect their postings in bulk (see BulkPostings). */
  beginBulk(): void {
    this.bulk = { words: new BulkPostings<string>(), facets: new BulkPostings<number>() };
  }

  endBulk(): void {
    const bulk = this.bulk;
    if (!bulk) return;
    this.bulk = undefined;
    for (const [key, postings] of bulk.words.build()) this.postings.set(key, postings);
    for (const [encoded, postings] of bulk.facets.build()) this.facetPostings[encoded >>> 24]![encoded & 0xffffff] = postings;
    this.tokens.trim();
    this.titles.trim();
    this.descriptions.trim();
    this.pool.trim();
    this.touch();
  }

  clear(): void {
    this.slots = [];
    this.slotOf.clear();
    this.postings.clear();
    this.tokenIds.clear();
    this.tokenWords = [''];
    this.tokens = new VarintPool();
    this.titles = new TextPool();
    this.descriptions = new TextPool();
    this.interned.clear();
    this.internedFormats.clear();
    this.sortedKeys = undefined;
    this.alive = bitsFor(1024);
    this.open = bitsFor(1024);
    this.facetIds = facetNames.map(() => new Map());
    this.facetValues = facetNames.map(() => []);
    this.facetPostings = facetNames.map(() => []);
    this.facetGlobals = facetNames.map(() => []);
    this.facetOfGlobal = [];
    this.pool = new FacetPool();
    this.orders = this.newOrders();
    this.live = 0;
    this.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  private visible(scope: SearchScope): Bits {
    if ('all' in scope) return this.alive.slice();
    const bits = this.open.slice();
    for (const orgId of scope.insiderOf) {
      const id = this.facetIds[FACET_INDEX.organization]!.get(orgId);
      if (id !== undefined) this.facetPostings[FACET_INDEX.organization]![id]!.orInto(bits);
    }
    for (let i = 0; i < bits.length; i++) bits[i]! &= this.alive[i]!;
    return bits;
  }

  private keysWithPrefix(prefix: string): string[] {
    this.sortedKeys ??= [...this.postings.keys()].sort();
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix) && out.length < 5000; i++) out.push(keys[i]!);
    return out;
  }

  /** The keys a term reads (phrases: each of their words' keys). */
  private termKeys(term: QueryTerm): string[][] {
    if (term.kind === 'word') return [queryKeys(term.word)];
    if (term.kind === 'prefix') return [this.keysWithPrefix(term.prefix)];
    return term.words.filter((w) => !STOP_WORDS.has(w)).map((w) => queryKeys(w));
  }

  private termBits(term: QueryTerm, size: number, within: Bits): Bits {
    const groups = this.termKeys(term);
    const phrase = term.kind === 'phrase' ? this.phraseIds(term.words) : undefined;
    if (phrase === null) return bitsFor(size); // a word of the phrase is in no document
    if (groups.length === 0) {
      // A phrase of stop words only: every document whose text has it.
      const bits = bitsFor(size);
      if (phrase) forEachBit(within, (slot) => this.tokens.contains(slot, phrase) && setBit(bits, slot));
      return bits;
    }
    let result: Bits | undefined;
    for (const keys of groups) {
      const bits = bitsFor(size);
      for (const key of keys) this.postings.get(key)?.orInto(bits);
      if (result) for (let i = 0; i < result.length; i++) result[i]! &= bits[i]!;
      else result = bits;
    }
    if (phrase) {
      const checked = bitsFor(size);
      for (let i = 0; i < result!.length; i++) result![i]! &= within[i]!;
      forEachBit(result!, (slot) => this.tokens.contains(slot, phrase) && setBit(checked, slot));
      return checked;
    }
    return result!;
  }

  /** A phrase's words as token ids; null when one of them is in no document. */
  private phraseIds(words: readonly string[]): Int32Array | null {
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const id = this.tokenIds.get(words[i]!);
      if (id === undefined) return null;
      ids[i] = id;
    }
    return ids;
  }

  private idf(key: string): number {
    // Postings keep the slots of replaced versions until compaction: count all slots on both sides.
    const df = this.postings.get(key)?.n ?? 0;
    const n = Math.max(this.slots.length, df, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private newOrders(): Record<'title' | 'modified' | 'newest', SlotOrder> {
    const docs = () => this.slots;
    const byId = (a: number, b: number) => docs()[a]!.id < docs()[b]!.id;
    return {
      title: new SlotOrder((a, b) => {
        const x = docs()[a]!.sortTitle;
        const y = docs()[b]!.sortTitle;
        return x < y || (x === y && byId(a, b));
      }),
      modified: new SlotOrder((a, b) => {
        const x = docs()[a]!.updatedAt;
        const y = docs()[b]!.updatedAt;
        return x > y || (x === y && byId(a, b));
      }),
      newest: new SlotOrder((a, b) => {
        const x = docs()[a]!.createdAt;
        const y = docs()[b]!.createdAt;
        return x > y || (x === y && byId(a, b));
      }),
    };
  }

  private order(sort: 'title' | 'modified' | 'newest'): Int32Array {
    const order = this.orders[sort];
    if (!order.isBuilt) {
      const slots: number[] = [];
      forEachBit(this.alive, (slot) => slots.push(slot));
      order.build(slots);
    }
    return order.order;
  }

  /** Words as written with how many slots hold them (the benchmark picks its query mix from these). */
  vocabulary(): { word: string; documents: number }[] {
    return [...this.words()].map((word) => ({ word, documents: this.postings.get(word)?.n ?? 0 }));
  }

  /** Words as written (not stems, no stop words): what "did you mean" offers. */
  private *words(): IterableIterator<string> {
    for (const word of this.tokenIds.keys()) if (!STOP_WORDS.has(word)) yield word;
  }

  /** `cache: false` evaluates even when the answer is cached (the benchmark's in-process figures). */
  search(request: SearchRequest, options: { cache?: boolean } = {}): SearchResult {
    if (options.cache === false) return this.evaluate(request);
    const key = requestKey(request);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.evaluate(request);
    this.cache.set(key, result);
    return result;
  }

  private evaluate(request: SearchRequest): SearchResult {
    const size = this.slots.length;
    const query = parseQuery(request.q);
    const base = this.visible(request.scope);
    const visible = base.slice();
    const scored: { keys: string[]; weight: number }[] = [];
    for (const clause of query.clauses) {
      const bits = bitsFor(size);
      for (const term of clause.anyOf) {
        const termBits = this.termBits(term, size, visible);
        for (let i = 0; i < bits.length; i++) bits[i]! |= termBits[i]!;
        if (!clause.negated) for (const keys of this.termKeys(term)) scored.push({ keys, weight: term.kind === 'phrase' ? 1.5 : term.kind === 'prefix' ? 0.7 : 1 });
      }
      if (clause.negated) for (let i = 0; i < base.length; i++) base[i]! &= ~bits[i]!;
      else for (let i = 0; i < base.length; i++) base[i]! &= bits[i]!;
    }

    // Facet filters: OR within a facet, AND across; each facet's counts ignore its own filter
    // (filterMode 'all': every value must match, and the counts are within the matches).
    const everyValue = request.filterMode === 'all';
    const filterBits = new Map<number, Bits>();
    for (const facet of facetNames) {
      const values = request.filters[facet];
      if (!values || values.length === 0) continue;
      const f = FACET_INDEX[facet];
      const bits = bitsFor(size);
      for (let n = 0; n < values.length; n++) {
        const value = values[n]!;
        const id = this.facetIds[f]!.get(facet === 'organization' ? this.organizationIdOf(value) : value);
        // 'any': every value's slots ORed into one set; 'all': the first value's set ANDed with each next one's.
        const into = everyValue && n > 0 ? bitsFor(size) : bits;
        if (id !== undefined) this.facetPostings[f]![id]!.orInto(into);
        if (into !== bits) for (let i = 0; i < bits.length; i++) bits[i]! &= into[i]!;
      }
      filterBits.set(f, bits);
    }
    const matched = base.slice();
    for (const bits of filterBits.values()) for (let i = 0; i < matched.length; i++) matched[i]! &= bits[i]!;
    const total = countBits(matched);

    // Facet counts, by global value id (see countsOf).
    const facetSize = request.facetSize ?? 20;
    let counts: Int32Array = new Int32Array(this.facetOfGlobal.length);
    if (facetSize > 0) {
      const visibleCount = countBits(visible);
      counts = this.countsOf(matched, total, -1, request.scope, visible, visibleCount);
      for (const f of everyValue ? [] : filterBits.keys()) {
        const bits = base.slice();
        for (const [other, otherBits] of filterBits) if (other !== f) for (let i = 0; i < bits.length; i++) bits[i]! &= otherBits[i]!;
        const own = this.countsOf(bits, countBits(bits), f, request.scope, visible, visibleCount);
        for (const g of this.facetGlobals[f]!) counts[g] = own[g]!;
      }
    }
    const facets = Object.fromEntries(
      facetNames.map((facet, f) => {
        const selected = new Set((request.filters[facet] ?? []).map((v) => (facet === 'organization' ? this.organizationIdOf(v) : v)));
        const top = facetSize > 0 ? this.topValues(f, counts, facetSize, selected) : [];
        for (const value of selected) if (!top.some((i) => i.value === value)) top.push({ value, count: 0 });
        return [facet, facet === 'organization' ? top.map((i) => ({ ...i, value: this.organizations.get(i.value)?.slug ?? i.value })) : top];
      }),
    ) as Record<FacetName, FacetCount[]>;
    // Ordering: relevance (with words) by score, else by a precomputed order.
    const want = request.offset + request.limit;
    let page: { slot: number; score: number }[];
    if (request.sort === 'relevance' && scored.length > 0) {
      // Every posting is scored, matched or not (cheaper than testing each): best() reads only matched slots.
      const scores = this.scoreScratch(size);
      for (const { keys, weight } of scored) {
        for (const key of keys) {
          const postings = this.postings.get(key);
          if (!postings) continue;
          const idf = this.idf(key) * weight * 0.01;
          const { docs, weights, n } = postings;
          for (let i = 0; i < n; i++) scores[docs[i]!]! += idf * weights[i]!;
        }
      }
      page = this.best(matched, scores, want).slice(request.offset);
    } else {
      const order = this.order(request.sort === 'relevance' ? 'title' : request.sort);
      page = [];
      let seen = 0;
      const backwards = request.reverse === true && request.sort !== 'relevance';
      const last = order.length - 1;
      for (let i = 0; i < order.length && page.length < request.limit; i++) {
        const slot = order[backwards ? last - i : i]!;
        if (!hasBit(matched, slot)) continue;
        if (seen++ >= request.offset) page.push({ slot, score: 0 });
      }
    }
    const other = request.locale === 'sv' ? 'en' : 'sv';
    const hits = page.map(({ slot, score }) => {
      // Only the description the snippet shows: the reader's language, else the other.
      const own = this.descriptions.text(slot, request.locale);
      const description: LangText = own ? { [request.locale]: own } : { [other]: this.descriptions.text(slot, other) };
      return hitOf(this.slots[slot]!, this.titles.get(slot), description, score, request.locale, query);
    });
    const orgIds = new Set(hits.map((h) => h.organizationId));
    for (const facet of facets.organization) orgIds.add(this.organizationIdOf(facet.value));
    const organizations = [...orgIds].map((id) => this.organizations.get(id)).filter((o): o is SearchOrganization => o !== undefined);
    const didYouMean = total === 0 && request.q ? this.correct(request.q) : null;
    return { total, hits, facets, organizations, query, didYouMean };
  }

  /** The query with each word no document has replaced by the most common key within a small edit distance. */
  private correct(q: string): string | null {
    let changed = false;
    const words = q.split(/\s+/).map((raw) => {
      const word = tokenize(raw)[0];
      if (!word || raw.includes('"') || raw.endsWith('*') || raw.startsWith('-') || raw === 'OR' || tokenize(raw).length !== 1) return raw;
      if (queryKeys(word).some((k) => this.postings.has(k))) return raw;
      const limit = word.length <= 4 ? 1 : 2;
      let best: { key: string; df: number; distance: number } | undefined;
      for (const key of this.words()) {
        const postings = this.postings.get(key);
        if (!postings) continue;
        if (Math.abs(key.length - word.length) > limit || key[0] !== word[0] && limit < 2) continue;
        const distance = editDistance(word, key, limit);
        if (distance > limit) continue;
        if (!best || distance < best.distance || (distance === best.distance && postings.n > best.df)) best = { key, df: postings.n, distance };
      }
      if (!best) return raw;
      changed = true;
      return best.key;
    });
    return changed ? words.join(' ') : null;
  }

  /**
   * Counts per global facet value of the slots in `bits` (`size` of them): of every facet, or of
   * facet `only` alone. The cheapest of three ways:
   * - walk the slots, reading each one's values from the pool;
   * - for a set larger than half of what the searcher may see: the precomputed counts of everything
   *   visible minus a walk of the complement (never more than half the catalog is walked);
   * - for one facet: each of its values' slots intersected with the set (a bitset AND and popcount
   *   for common values), when its values' lists are shorter than the walk (a filter's own facet).
   */
  private countsOf(bits: Bits, size: number, only: number, scope: SearchScope, visible: Bits, visibleCount: number): Int32Array {
    const result = new Int32Array(this.facetOfGlobal.length);
    const walked = Math.min(size, visibleCount - size) * this.pool.density;
    if (only >= 0) {
      let byValue = 0;
      for (const postings of this.facetPostings[only]!) byValue += Math.min(postings.n, bits.length * 2);
      if (byValue < walked) {
        const globals = this.facetGlobals[only]!;
        this.facetPostings[only]!.forEach((postings, id) => (result[globals[id]!] = postings.countIn(bits)));
        return result;
      }
    }
    if (size > visibleCount / 2) {
      result.set(this.baseCounts(scope, visible));
      const complement = visible.slice();
      for (let i = 0; i < complement.length; i++) complement[i]! &= ~bits[i]!;
      this.countSlots(complement, result, -1, only);
    } else this.countSlots(bits, result, 1, only);
    return result;
  }

  /** Facet counts of everything the scope sees (precomputed once per generation and scope). */
  private baseCounts(scope: SearchScope, visible: Bits): Int32Array {
    const key = JSON.stringify(scope);
    let counts = this.everything.get(key);
    if (!counts || counts.length !== this.facetOfGlobal.length) {
      counts = new Int32Array(this.facetOfGlobal.length);
      this.countSlots(visible, counts, 1, -1);
      if (this.everything.size > 100) this.everything.clear();
      this.everything.set(key, counts);
    }
    return counts;
  }

  /** Adds `delta` to the count of every facet value (of facet `only`, or all when -1) of every slot in `bits`. */
  private countSlots(bits: Bits, counts: Int32Array, delta: number, only: number): void {
    const { values, start } = this.pool;
    const facetOf = this.facetOfGlobal;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        const slot = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
        const to = start[slot + 1]!;
        if (only < 0) for (let i = start[slot]!; i < to; i++) counts[values[i]!]! += delta;
        else
          for (let i = start[slot]!; i < to; i++) {
            const g = values[i]!;
            if (facetOf[g] === only) counts[g]! += delta;
          }
      }
    }
  }

  /** A facet's `size` most frequent values (count, then value), and any selected ones beyond them. */
  private topValues(f: number, counts: Int32Array, size: number, selected: ReadonlySet<string>): FacetCount[] {
    const globals = this.facetGlobals[f]!;
    const names = this.facetValues[f]!;
    const top: FacetCount[] = [];
    const beats = (count: number, value: string, than: FacetCount) => count > than.count || (count === than.count && value < than.value);
    const extra: FacetCount[] = [];
    for (let id = 0; id < globals.length; id++) {
      const count = counts[globals[id]!]!;
      if (count === 0) {
        if (selected.has(names[id]!)) extra.push({ value: names[id]!, count });
        continue;
      }
      const value = names[id]!;
      if (top.length === size && !beats(count, value, top[size - 1]!)) {
        if (selected.has(value)) extra.push({ value, count });
        continue;
      }
      let i = top.length;
      if (top.length === size) {
        const dropped = top.pop()!;
        if (selected.has(dropped.value)) extra.push(dropped);
        i--;
      }
      while (i > 0 && beats(count, value, top[i - 1]!)) i--;
      top.splice(i, 0, { value, count });
    }
    extra.sort((a, b) => b.count - a.count || cmp(a.value, b.value));
    return [...top, ...extra];
  }

  /** A zeroed score per slot, reused from search to search (searches are synchronous). */
  private scoreScratch(size: number): Float32Array {
    if (this.scores.length < size) this.scores = new Float32Array(Math.max(size, this.scores.length * 2));
    else this.scores.fill(0, 0, size);
    return this.scores;
  }

  /** Each slot's place in title order (what breaks ties between equal scores). */
  private titleRanks(): Int32Array {
    this.order('title');
    return this.orders.title.rankOf(this.slots.length);
  }

  /** The `k` best slots of `bits` by score, then title (a bounded insertion: most slots lose to the k-th at once). */
  private best(bits: Bits, scores: Float32Array, k: number): { slot: number; score: number }[] {
    if (k <= 0) return [];
    const slots = new Int32Array(k);
    const best = new Float64Array(k);
    const bestRank = new Int32Array(k);
    const ranks = this.titleRanks();
    let n = 0;
    // The k-th best score once k are held: most slots fall below it and cost one comparison.
    let threshold = -Infinity;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        const slot = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
        const score = scores[slot]!;
        if (score < threshold) continue;
        const rank = ranks[slot]!;
        if (n === k && score === threshold && rank > bestRank[k - 1]!) continue;
        let i = n < k ? n++ : k - 1;
        while (i > 0 && (score > best[i - 1]! || (score === best[i - 1]! && rank < bestRank[i - 1]!))) {
          slots[i] = slots[i - 1]!;
          best[i] = best[i - 1]!;
          bestRank[i] = bestRank[i - 1]!;
          i--;
        }
        slots[i] = slot;
        best[i] = score;
        bestRank[i] = rank;
        if (n === k) threshold = best[k - 1]!;
      }
    }
    return Array.from({ length: n }, (_, i) => ({ slot: slots[i]!, score: best[i]! }));
  }

  private organizationIdOf(slug: string): string {
    for (const org of this.organizations.values()) if (org.slug === slug) return org.id;
    return `missing:${slug}`;
  }
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** The embedded SearchIndex: a MemoryIndex kept in step with the database. */
export function createEmbeddedIndex(source: SearchSource, options: { now?: () => number } = {}): SearchIndex & { memory: MemoryIndex; refresh(): Promise<void> } {
  const now = options.now ?? (() => performance.now());
  let memory = new MemoryIndex();
  let built: Promise<void> | undefined;
  let knownVersion = '';
  let checkedAt = -Infinity;
  let reconciledAt = -Infinity;
  let newest = '';
  const pending = new Set<string>();
  let refreshing: Promise<void> | undefined;

  const noteNewest = (updatedAt: string) => {
    if (updatedAt > newest) newest = updatedAt;
  };

  /** Builds a new index from the database and swaps it in whole: searches never see a half-built one. */
  async function loadAll(onProgress?: (done: number, total: number) => void): Promise<IndexStats> {
    const started = performance.now();
    const version = await source.version();
    const total = await source.count();
    const next = new MemoryIndex();
    next.beginBulk();
    next.setOrganizations(await source.organizations());
    let latest = '';
    let after = '';
    let done = 0;
    for (;;) {
      const docs = await source.datasetsAfter(after, BATCH);
      for (const doc of docs) {
        next.put(doc);
        if (doc.updatedAt > latest) latest = doc.updatedAt;
      }
      done += docs.length;
      onProgress?.(done, Math.max(total, done));
      if (docs.length < BATCH) break;
      after = docs[docs.length - 1]!.id;
    }
    next.endBulk();
    memory = next;
    newest = latest;
    knownVersion = version;
    checkedAt = now();
    reconciledAt = now();
    return { documents: memory.size, ms: performance.now() - started };
  }


  async function apply(ids: Iterable<string>, stamps: readonly DatasetStamp[]): Promise<void> {
    const load = new Set(ids);
    for (const stamp of stamps) {
      if (stamp.deleted_at) memory.remove(stamp.id);
      else if (memory.revisionOf(stamp.id) !== stamp.revision) load.add(stamp.id);
    }
    if (load.size === 0) return;
    const docs = await source.datasetsByIds([...load]);
    const found = new Set(docs.map((d) => d.id));
    for (const id of load) if (!found.has(id)) memory.remove(id);
    for (const doc of docs) {
      memory.put(doc);
      noteNewest(doc.updatedAt);
    }
    if (memory.needsCompaction()) await loadAll();
  }

  async function refresh(): Promise<void> {
    const ids = [...pending];
    pending.clear();
    const version = await source.version();
    const versionChanged = version !== knownVersion;
    if (versionChanged && version.split('|')[2] !== knownVersion.split('|')[2]) {
      // allmanning reindex was run: build everything again.
      await loadAll();
      return;
    }
    if (versionChanged) {
      if (version.split('|')[1] !== knownVersion.split('|')[1]) {
        const changedTypes = memory.setOrganizations(await source.organizations());
        ids.push(...memory.idsOfOrganizations(changedTypes));
      }
      const since = new Date(newest ? Date.parse(newest) - LATE_COMMIT_MS : 0).toISOString();
      let stamps = await source.changedSince(since);
      if (now() - reconciledAt >= RECONCILE_MS) {
        stamps = await source.stamps();
        const present = new Set(stamps.map((s) => s.id));
        for (const id of [...memory.ids()]) if (!present.has(id)) memory.remove(id);
        reconciledAt = now();
      }
      await apply(ids, stamps);
    } else if (ids.length) {
      await apply(ids, []);
    }
    knownVersion = version;
    checkedAt = now();
  }

  async function fresh(): Promise<void> {
    // A failed build (the database away for a moment) is forgotten, so the next search tries again.
    built ??= loadAll().then(
      () => undefined,
      (error: unknown) => {
        built = undefined;
        throw error;
      },
    );
    await built;
    if (pending.size === 0 && now() - checkedAt < FRESH_MS) return;
    // One refresh at a time; a request that arrives during one waits for the next.
    while (refreshing) await refreshing;
    if (pending.size === 0 && now() - checkedAt < FRESH_MS) return;
    refreshing = refresh().finally(() => {
      refreshing = undefined;
    });
    await refreshing;
  }

  return {
    kind: 'embedded',
    get memory() {
      return memory;
    },
    refresh: fresh,
    warm: fresh,
    async search(request: SearchRequest) {
      await fresh();
      return memory.search(request);
    },
    async suggest(q, locale, scope, limit) {
      await fresh();
      const words = tokenize(q);
      if (words.length === 0) return [];
      const last = words.pop()!;
      const text = [...words.map((w) => `"${w}"`), `${last}*`].join(' ');
      const { hits } = memory.search({ q: text, filters: {}, sort: 'relevance', limit: limit * 3, offset: 0, locale, scope, facetSize: 0 });
      return suggestionsOf(hits, limit);
    },
    changed(id: string) {
      pending.add(id);
    },
    async rebuild(onProgress) {
      // The index in use keeps answering until the new one is complete.
      while (refreshing) await refreshing;
      const stats = loadAll(onProgress);
      built ??= stats.then(() => undefined);
      return stats;
    },
  };
}
