/**
 * TF-IDF's verdicts on short words outside the dictionary trie (the names
 * and terms the HMM finds), remembered across texts.
 *
 * A dictionary word's verdict is kept by trie node (see {@link WordTally}).
 * A word the trie does not hold has no node, so without this memo it is
 * judged again in every text it occurs in: a string made, stripped,
 * lower-cased, looked up among the stop words and walked through the IDF
 * table, about 400 ns. New words recur from document to document (on the
 * benchmark's news corpus, half of the first occurrences of such words in
 * a text were in an earlier text), so their verdicts are kept here. (A
 * word of Han characters alone is no longer kept here while no stop word
 * holds a Han character: TF-IDF then reads its verdict from the span, as
 * fast as a lookup here; see `plainHanVerdict`.)
 *
 * Nearly all of them are two to four UTF-16 units long, so a slot holds the
 * whole key: the code units, the length and the verdict, 16 bytes, one
 * cache line read per lookup and no string made. Longer words are not
 * kept. The memo grows to {@link VerdictMemo.MAX_ENTRIES} words, then
 * starts again empty.
 *
 * @module
 */

import { homeSlot } from '../dictionary/hash-trie.js';

/** What {@link VerdictMemo.get} returns for a word it does not hold. */
export const UNKNOWN = -0x80000000;

/** Int32 fields per slot: units 1-2, units 3-4, length (0: free), verdict. */
const FIELDS = 4;

/**
 * Verdicts (integers) keyed by words of one to four UTF-16 units, read
 * straight from spans of a text.
 *
 * @example
 * const memo = new VerdictMemo();
 * memo.set('韩冰说', 0, 2, 5);
 * memo.get('说韩冰', 1, 3); // 5
 * memo.get('韩冰说', 1, 3); // UNKNOWN
 */
export class VerdictMemo {
  /** The most words held at once; one more empties the memo first. */
  static readonly MAX_ENTRIES = 1 << 16;
  /** Longer words are not kept. */
  static readonly MAX_LENGTH = 4;

  /** Open addressing, at most half full; see {@link FIELDS}. */
  #slots = new Int32Array(FIELDS * 1024);
  #size = 0;

  /** Number of words held. */
  get size(): number {
    return this.#size;
  }

  /** Forget every word. */
  clear(): void {
    if (this.#size === 0) return;
    this.#slots.fill(0);
    this.#size = 0;
  }

  /** The verdict kept for `text.slice(start, end)`, or {@link UNKNOWN}. */
  get(text: string, start: number, end: number): number {
    const length = end - start;
    if (length > VerdictMemo.MAX_LENGTH || length < 1) return UNKNOWN;
    const low = packUnits(text, start, Math.min(end, start + 2));
    const high = length > 2 ? packUnits(text, start + 2, end) : 0;
    const slots = this.#slots;
    const mask = slots.length / FIELDS - 1;
    for (let slot = firstSlot(low, high, length, mask); ; slot = (slot + 1) & mask) {
      const at = FIELDS * slot;
      const held = slots[at + 2]!;
      if (held === 0) return UNKNOWN;
      if (held === length && slots[at] === low && slots[at + 1] === high) return slots[at + 3]!;
    }
  }

  /**
   * Keep `verdict` for `text.slice(start, end)`, which must not be held
   * yet; a word longer than {@link VerdictMemo.MAX_LENGTH} is not kept.
   */
  set(text: string, start: number, end: number, verdict: number): void {
    const length = end - start;
    if (length > VerdictMemo.MAX_LENGTH || length < 1) return;
    if (this.#size === VerdictMemo.MAX_ENTRIES) this.clear();
    if (2 * (this.#size + 1) > this.#slots.length / FIELDS) this.#grow();
    const low = packUnits(text, start, Math.min(end, start + 2));
    const high = length > 2 ? packUnits(text, start + 2, end) : 0;
    this.#place(this.#slots, low, high, length, verdict);
    this.#size++;
  }

  #place(slots: Int32Array, low: number, high: number, length: number, verdict: number): void {
    const mask = slots.length / FIELDS - 1;
    let slot = firstSlot(low, high, length, mask);
    while (slots[FIELDS * slot + 2] !== 0) slot = (slot + 1) & mask;
    const at = FIELDS * slot;
    slots[at] = low;
    slots[at + 1] = high;
    slots[at + 2] = length;
    slots[at + 3] = verdict;
  }

  /** Double the slots (the memo starts small: most texts have few new words). */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(2 * old.length);
    for (let at = 0; at < old.length; at += FIELDS) {
      if (old[at + 2] !== 0) this.#place(slots, old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
    this.#slots = slots;
  }
}

/** One or two code units in one integer. */
function packUnits(text: string, start: number, end: number): number {
  return end - start === 2 ? text.charCodeAt(start) | (text.charCodeAt(start + 1) << 16) : text.charCodeAt(start);
}

/**
 * Where the search for a key starts among `mask + 1` slots (a power of
 * two): the hash trie's multiplicative hash, which takes the top bits.
 */
function firstSlot(low: number, high: number, length: number, mask: number): number {
  return homeSlot(high ^ (length << 29), low, Math.clz32(mask));
}
