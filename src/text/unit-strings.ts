/**
 * Strings of one UTF-16 unit, each made once. Half the words of a cut are
 * one character long; a caller's thread that makes every word of a pool
 * worker's answer (a slice of the text per word) spends much of its time
 * allocating those, and the garbage collector more, while the same few
 * thousand characters recur. Equal strings are interchangeable, so a shared
 * one is the same answer.
 *
 * @module
 */

/**
 * `text.slice(start, end)`, with the one-unit strings kept and reused.
 *
 * @example
 * const strings = new UnitStrings();
 * strings.slice('中国人', 2, 3) === strings.slice('人', 0, 1); // true: one string
 */
export class UnitStrings {
  /** The string of each code unit met so far (a holey array: 65,536 slots at most). */
  readonly #strings: (string | undefined)[] = [];

  /** `text.slice(start, end)`, one string per code unit when `end - start` is 1. */
  slice(text: string, start: number, end: number): string {
    if (end - start !== 1) return text.slice(start, end);
    const unit = text.charCodeAt(start);
    return (this.#strings[unit] ??= text.slice(start, end));
  }
}
