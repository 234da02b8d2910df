/**
 * Word counts straight from word offsets: a hash table keyed by the
 * characters of the text itself, so a word that occurs many times becomes
 * a string once, not once per occurrence.
 *
 * @module
 */

import { doubled } from '../text/spans.js';

/** Distinct words in order of first occurrence, with their counts. */
export interface SpanCounts {
  /** `text.slice(starts[i], ends[i])` is the i-th distinct word. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly counts: Int32Array;
  readonly size: number;
}

/**
 * Count the words at `spans` (`[start0, end0, start1, end1, ...]` in `text`),
 * keeping the order in which each first occurs (as a Python dict does).
 *
 * @example
 * const { size, counts } = countSpans('天天天', Int32Array.of(0, 1, 1, 2, 2, 3)); // size 1, counts[0] 3
 */
export function countSpans(text: string, spans: Int32Array): SpanCounts {
  const words = spans.length >>> 1;
  const table = new SpanTable();
  table.clear(text);
  const starts = new Int32Array(words);
  const ends = new Int32Array(words);
  const counts = new Int32Array(words);
  let size = 0;
  for (let w = 0; w < words; w++) {
    const start = spans[2 * w]!;
    const end = spans[2 * w + 1]!;
    const entry = table.find(start, end);
    if (entry >= 0) {
      counts[table.values[entry]!]!++;
      continue;
    }
    table.add(start, end, size);
    starts[size] = start;
    ends[size] = end;
    counts[size] = 1;
    size++;
  }
  return { starts, ends, counts, size };
}

/**
 * A hash table keyed by spans of one text (compared by their characters),
 * each with an integer value, cleared in O(1) between texts: a slot counts
 * only when its stamp is the current one.
 *
 * @example
 * const table = new SpanTable();
 * table.clear('天天向上');
 * table.add(0, 1, 7);
 * table.values[table.find(1, 2)]; // 7: '天' again
 */
export class SpanTable {
  #text = '';
  #stamp = 0;
  #slotStamps = new Int32Array(1024);
  #slotEntries = new Int32Array(1024);
  #starts = new Int32Array(64);
  #ends = new Int32Array(64);
  /** Value of each entry, by entry index (from {@link SpanTable.find}). */
  values = new Int32Array(64);
  #size = 0;

  /** Empty the table for spans of `text`. */
  clear(text: string): void {
    this.#text = text;
    this.#size = 0;
    if (++this.#stamp === 0x7fffffff) {
      this.#stamp = 1;
      this.#slotStamps.fill(0);
    }
  }

  /** The entry of `text.slice(start, end)`, or -1. */
  find(start: number, end: number): number {
    const mask = this.#slotStamps.length - 1;
    for (let slot = this.#hash(start, end) & mask; ; slot = (slot + 1) & mask) {
      if (this.#slotStamps[slot] !== this.#stamp) return -1;
      const entry = this.#slotEntries[slot]!;
      if (this.#same(entry, start, end)) return entry;
    }
  }

  /** Add `text.slice(start, end)` (not yet in the table) with `value`. */
  add(start: number, end: number, value: number): void {
    if (this.#size === this.#starts.length) {
      this.#starts = doubled(this.#starts);
      this.#ends = doubled(this.#ends);
      this.values = doubled(this.values);
    }
    if (2 * (this.#size + 1) > this.#slotStamps.length) this.#rehash(2 * this.#slotStamps.length);
    const entry = this.#size++;
    this.#starts[entry] = start;
    this.#ends[entry] = end;
    this.values[entry] = value;
    this.#place(entry);
  }

  #place(entry: number): void {
    const mask = this.#slotStamps.length - 1;
    let slot = this.#hash(this.#starts[entry]!, this.#ends[entry]!) & mask;
    while (this.#slotStamps[slot] === this.#stamp) slot = (slot + 1) & mask;
    this.#slotStamps[slot] = this.#stamp;
    this.#slotEntries[slot] = entry;
  }

  #rehash(capacity: number): void {
    this.#slotStamps = new Int32Array(capacity);
    this.#slotEntries = new Int32Array(capacity);
    for (let entry = 0; entry < this.#size; entry++) this.#place(entry);
  }

  #hash(start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ this.#text.charCodeAt(i), 0x01000193);
    return hash ^ (hash >>> 15);
  }

  #same(entry: number, start: number, end: number): boolean {
    const from = this.#starts[entry]!;
    if (this.#ends[entry]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.#text.charCodeAt(from + i) !== this.#text.charCodeAt(start + i)) return false;
    return true;
  }
}
