/**
 * Inverse document frequencies for TF-IDF keywords: `jieba.analyse`'s
 * `IDFLoader`, as a trie of words to values.
 *
 * @module
 */

import { decodeDictionaryBytes } from './dictionary-text.js';
import { DictionaryError } from './errors.js';
import { StaticTrie } from './static-trie.js';
import { parsePythonFloat } from '../text/python-float.js';
import { pythonSplitLines } from '../text/char-classes.js';
import { pythonStrip } from '../text/python-str.js';
import { pythonSortedIndices } from '../math/python-sort.js';

/**
 * Words with their IDF, and the median that unknown words get.
 *
 * @example
 * const table = new Tokenizer().defaultIdf(); // jieba.analyse's idf.txt
 * table.idf('北京'); // 2.9 or so
 * table.idf('一个没有的词'); // the median, 11.9547675029
 */
export class IdfTable {
  /** Words; `trie.values[node]` is an index into `values`, 0 for none. */
  readonly trie: StaticTrie;
  /** Distinct IDF values; index 0 is unused. */
  readonly values: Float64Array;
  /** Python's `median_idf`: `sorted(idf_freq.values())[len(idf_freq) // 2]`. */
  readonly median: number;

  constructor(trie: StaticTrie, values: Float64Array, median: number) {
    this.trie = trie;
    this.values = values;
    this.median = median;
  }

  /**
   * Parse an IDF file as Python does: decode as UTF-8, split with
   * `splitlines()`, and read each line (stripped) as exactly `word idf`;
   * a word listed twice keeps its last value. Any other line is an error
   * naming the line.
   *
   * @example
   * IdfTable.fromText('中国 3.5\n北京 7\n').idf('北京'); // 7
   */
  static fromText(source: string | Uint8Array, name = '<string>'): IdfTable {
    const text = typeof source === 'string' ? source : decodeDictionaryBytes(source, name);
    const idf = new Map<string, number>();
    pythonSplitLines(text).forEach((raw, i) => {
      const line = pythonStrip(raw);
      const fields = line.split(' ');
      const value = fields.length === 2 ? parsePythonFloat(fields[1]!) : undefined;
      if (value === undefined || fields[0] === '') {
        throw new DictionaryError(`invalid IDF entry in ${name} at line ${i + 1}: ${JSON.stringify(raw)}`, name, i + 1);
      }
      idf.set(fields[0]!, value);
    });
    if (idf.size === 0) throw new DictionaryError(`${name} has no IDF entries`, name);
    const values = [...idf.values()];
    // With a NaN among them, `<` orders nothing and the median is whatever
    // CPython's sort makes of the list: sort as it does.
    const median = values.some(Number.isNaN)
      ? values[pythonSortedIndices(values)[Math.floor(values.length / 2)]!]!
      : [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.floor(values.length / 2)]!;
    // Distinct values, -0 apart from 0 (a word of IDF -0 weighs -0, as in Python).
    const keyOf = (value: number): number | string => (Object.is(value, -0) ? '-0' : value);
    const distinct = [0];
    const index = new Map<number | string, number>();
    for (const value of values) {
      if (!index.has(keyOf(value))) {
        index.set(keyOf(value), distinct.length);
        distinct.push(value);
      }
    }
    const words = [...idf.keys()];
    return new IdfTable(StaticTrie.build(words, words.map((w) => index.get(keyOf(idf.get(w)!))!)), Float64Array.from(distinct), median);
  }

  /**
   * `idf_freq.get(word, median_idf)`.
   *
   * @example
   * table.idf('从未见过的词') === table.median; // true
   */
  idf(word: string): number {
    return this.valueAt(this.indexOf(word));
  }

  /**
   * Where `word`'s IDF is kept: an index for {@link IdfTable.valueAt}, 0 when
   * the word is not listed (its IDF is then the median).
   *
   * @example
   * table.valueAt(table.indexOf('北京')) === table.idf('北京'); // true
   */
  indexOf(word: string): number {
    // (A Map memo in front of this was measured: slower than the trie walk.)
    return this.indexAt(word, 0, word.length);
  }

  /**
   * {@link IdfTable.indexOf} of `text.slice(start, end)`, without making the
   * string.
   *
   * @example
   * table.indexAt('去北京', 1, 3) === table.indexOf('北京'); // true
   */
  indexAt(text: string, start: number, end: number): number {
    const node = end <= start ? -1 : this.trie.find(text, start, end);
    return node < 0 ? 0 : this.trie.values[node]!;
  }

  /**
   * The IDF at `index` (from {@link IdfTable.indexOf}).
   *
   * @example
   * table.valueAt(0) === table.median; // true
   */
  valueAt(index: number): number {
    return index === 0 ? this.median : this.values[index]!;
  }
}
