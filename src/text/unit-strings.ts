/**
 * Strings of one UTF-16 unit, each made once, and of two, kept in a table
 * of recent ones. Half the words of a cut are one character long and most
 * of the others two; a caller's thread that makes every word of a pool
 * worker's answer (a slice of the text per word) spends much of its time
 * allocating those, and the garbage collector more, while the same few
 * thousand words recur. Equal strings are interchangeable, so a shared
 * one is the same answer.
 *
 * @module
 */

/** Bits of a slot of the table of two-unit strings. */
const PAIR_BITS = 13;
/** Slots of the table of two-unit strings: 8,192. With 16,384 its array needs 128 KB and more, which V8 allocates in its large-object space, a fresh mapping for every tokenizer (0.6 ms each, most of a tokenizer's making). */
const PAIR_SLOTS = 1 << PAIR_BITS;

/**
 * The slot of two units (`first << 16 | second`) in the table of two-unit
 * strings: always below `PAIR_SLOTS` (a slot past the end would grow the
 * array, and V8 would make it a hash table).
 *
 * @example
 * pairSlot((0x4e2d << 16) | 0x56fd) < 8192; // true
 */
export function pairSlot(units: number): number {
  return Math.imul(units, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

/**
 * `text.slice(start, end)`, with the one-unit strings kept and reused.
 *
 * @example
 * const strings = new UnitStrings();
 * strings.slice('中国人', 2, 3) === strings.slice('人', 0, 1); // true: one string
 */
export class UnitStrings {
  /**
   * The string of each code unit met so far, in pages of 256 units made as
   * their first unit comes (Han characters fill 82 pages). One flat array
   * written at scattered indices would turn into a dictionary (a hash
   * table, measured 15 ms slower over the 347,000 words of tagging
   * classical-tw), and a flat one of 65,536 slots made up front costs
   * 512 KB per tokenizer.
   */
  readonly #pages: (string | undefined)[][] = new Array<(string | undefined)[]>(256);
  /** Two-unit strings by a hash of their units, direct-mapped (the last one wins a slot), and their units. */
  readonly #pairs: (string | undefined)[] = new Array<string | undefined>(PAIR_SLOTS).fill(undefined);
  readonly #pairUnits = new Int32Array(PAIR_SLOTS);

  /** `text.slice(start, end)`, one string per code unit when `end - start` is 1, and shared when 2 if met lately. */
  slice(text: string, start: number, end: number): string {
    const length = end - start;
    if (length === 1) {
      const unit = text.charCodeAt(start);
      const page = (this.#pages[unit >>> 8] ??= new Array<string | undefined>(256).fill(undefined));
      return (page[unit & 255] ??= text.slice(start, end));
    }
    if (length !== 2) return text.slice(start, end);
    const units = (text.charCodeAt(start) << 16) | text.charCodeAt(start + 1);
    const slot = pairSlot(units);
    const kept = this.#pairs[slot];
    if (kept !== undefined && this.#pairUnits[slot] === units) return kept;
    const made = text.slice(start, end);
    this.#pairs[slot] = made;
    this.#pairUnits[slot] = units;
    return made;
  }
}
