/**
 * Token boundaries as integer pairs, the common output of every cut mode.
 *
 * @module
 */

import type { UnitStrings } from './unit-strings.js';
import { SCRATCH_KEEP } from '../scratch.js';

/**
 * A growable list of `(start, end)` UTF-16 offsets into one text, one pair
 * per token, in output order. Cutting writes here instead of making strings,
 * so callers that only need offsets never allocate a string per token.
 *
 * Full mode can (rarely) emit a token that is not one piece of the text:
 * Python glues ASCII runs it has not yet emitted onto a buffer that skips
 * what a longer dictionary word covered. Such a token is stored as several
 * pairs; each pair after the first has its start bitwise-inverted (`~start`,
 * a negative number) to say "append to the previous token".
 *
 * @example
 * const spans = new SpanBuffer();
 * spans.push(0, 2);
 * spans.push(2, 3);
 * spans.toStrings('中国人'); // ['中国', '人']
 */
export class SpanBuffer {
  /** `data[2 * i]` and `data[2 * i + 1]` are the start and end of pair `i`. */
  data: Int32Array;
  /** Number of pairs stored. */
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(2 * capacity);
  }

  /** Forget every pair, keeping the memory. */
  clear(): void {
    this.length = 0;
  }

  /** Give back memory a huge text made this buffer take (see `SCRATCH_KEEP`). */
  shrink(): void {
    if (this.data.length > 2 * SCRATCH_KEEP) this.data = new Int32Array(2 * 256);
  }

  /** Append a token `text.slice(start, end)`. */
  push(start: number, end: number): void {
    if (2 * this.length + 2 > this.data.length) this.grow();
    this.data[2 * this.length] = start;
    this.data[2 * this.length + 1] = end;
    this.length++;
  }

  /** Append `text.slice(start, end)` to the token pushed last (see the class notes). */
  pushContinuation(start: number, end: number): void {
    this.push(~start, end);
  }

  private grow(): void {
    this.data = doubled(this.data);
  }

  /**
   * The tokens as strings (the short ones shared through `strings`, if given).
   *
   * @example
   * const spans = new SpanBuffer();
   * spans.push(1, 1);
   * spans.toStrings('x'); // ['']
   */
  toStrings(text: string, strings?: UnitStrings): string[] {
    const data = this.data;
    const words: string[] = [];
    for (let i = 0; i < this.length; i++) {
      const start = data[2 * i]!;
      const from = start < 0 ? ~start : start;
      const word = strings === undefined ? text.slice(from, data[2 * i + 1]) : strings.slice(text, from, data[2 * i + 1]!);
      if (start < 0) words[words.length - 1] += word;
      else words.push(word);
    }
    return words;
  }
}

/**
 * Words as `(start, end, node)` triples: the offsets of a word and its node
 * in the base dictionary's trie, or -1 when the cut did not look it up
 * (words the HMM found). TF-IDF counts words by node, so the words it sees
 * most often never become strings.
 *
 * @example
 * const words = new WordNodeBuffer();
 * words.push(0, 2, 1234);
 * words.length; // 1
 */
export class WordNodeBuffer {
  /** `data[3 * i .. 3 * i + 2]` are the start, end and node of word `i`. */
  data: Int32Array;
  /** Number of words stored. */
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(3 * capacity);
  }

  /** Forget every word, keeping the memory. */
  clear(): void {
    this.length = 0;
  }

  /** Whether a huge text made this buffer larger than is kept between calls (see `SCRATCH_KEEP`). */
  get oversized(): boolean {
    return this.data.length > 3 * SCRATCH_KEEP;
  }

  /** Append the word `text.slice(start, end)`, with its trie node or -1. */
  push(start: number, end: number, node: number): void {
    if (3 * this.length + 3 > this.data.length) this.data = doubled(this.data);
    const at = 3 * this.length;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = node;
    this.length++;
  }
}

/**
 * A copy of `array` twice as long, the rest zero: how the buffers here grow.
 *
 * @example
 * doubled(Int32Array.of(1, 2)); // Int32Array [1, 2, 0, 0]
 */
export function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
