/**
 * The prefix dictionary: Python jieba's `FREQ` and `total`, as a trie.
 *
 * @module
 */

import { pythonLog } from '../math/log.js';
import { StaticTrie } from './static-trie.js';
import { parseDictionaryText, type DictionaryEntries } from './dictionary-text.js';
import { DictionaryError } from './errors.js';

/**
 * Frequencies of words and of their prefixes, with their total.
 *
 * Every node of the trie is a key of Python's `FREQ` (a word, or a prefix of
 * one with frequency 0). Nodes carry an index into a table of distinct
 * frequencies (class 0 is frequency 0) whose logarithms are computed once, so
 * the hot loop reads `log(freq)` with one typed-array load.
 */
export class PrefixDictionary {
  /** The trie; `trie.values[node]` is a frequency class. */
  readonly trie: StaticTrie;
  /** Frequency of each class; class 0 is 0. */
  readonly classFrequency: Float64Array;
  /** `log(frequency)` of each class, correctly rounded; unused for class 0. */
  readonly classLogFrequency: Float64Array;
  /** Sum of all frequencies, as Python's `Tokenizer.total`. */
  readonly total: number;
  /** `log(total)`. */
  readonly logTotal: number;

  constructor(
    trie: StaticTrie,
    classFrequency: Float64Array,
    classLogFrequency: Float64Array,
    total: number,
    name = '<dictionary>',
    logTotal = pythonLog(total),
  ) {
    if (!(total > 0)) {
      // Python accepts such a dictionary and then fails in math.log(0) at the first cut.
      throw new DictionaryError(`${name}: the frequencies add up to ${total}; a dictionary needs a positive total`, name);
    }
    this.trie = trie;
    this.classFrequency = classFrequency;
    this.classLogFrequency = classLogFrequency;
    this.total = total;
    this.logTotal = logTotal;
  }

  /**
   * Build from parsed entries.
   *
   * @example
   * const dict = PrefixDictionary.fromEntries({ words: ['中国'], frequencies: [3], total: 3 });
   * dict.frequencyOf('中国', 0, 2); // 3
   */
  static fromEntries(entries: DictionaryEntries, name?: string): PrefixDictionary {
    const classOf = new Map<number, number>([[0, 0]]);
    const frequencies = [0];
    const values = entries.frequencies.map((freq) => {
      let cls = classOf.get(freq);
      if (cls === undefined) {
        cls = frequencies.length;
        classOf.set(freq, cls);
        frequencies.push(freq);
      }
      return cls;
    });
    const classFrequency = Float64Array.from(frequencies);
    const classLogFrequency = classFrequency.map((f) => (f > 0 ? pythonLog(f) : 0));
    return new PrefixDictionary(StaticTrie.build(entries.words, values), classFrequency, classLogFrequency, entries.total, name);
  }

  /**
   * Build from `dict.txt`-format text or bytes.
   *
   * @example
   * const dict = PrefixDictionary.fromText('中国 3 ns\n', 'mini.txt');
   * dict.total; // 3
   */
  static fromText(source: string | Uint8Array, name = '<string>'): PrefixDictionary {
    return PrefixDictionary.fromEntries(parseDictionaryText(source, name), name);
  }

  /**
   * `FREQ.get(text[start:end])`: the frequency of that string, 0 for a
   * prefix that is not itself a word, or -1 when it is not a key at all.
   *
   * @example
   * const dict = PrefixDictionary.fromText('中国人 3\n');
   * dict.frequencyOf('中国人', 0, 3); // 3
   * dict.frequencyOf('中国人', 0, 2); // 0
   * dict.frequencyOf('中国人', 1, 3); // -1
   */
  frequencyOf(text: string, start: number, end: number): number {
    if (start >= end) return -1;
    const node = this.trie.find(text, start, end);
    return node < 0 ? -1 : this.classFrequency[this.trie.values[node]!]!;
  }
}
