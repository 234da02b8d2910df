/**
 * The prefix dictionary: Python jieba's `FREQ` and `total`, as a trie.
 *
 * @module
 */

import { pythonLog } from '../math/log.js';
import { StaticTrie } from './static-trie.js';
import { parseDictionaryText, type DictionaryEntries } from './dictionary-text.js';
import { DictionaryError } from './errors.js';

/** POS tags of dictionary words, for `jieba.posseg`: see {@link PrefixDictionary.tags}. */
export interface WordTags {
  /** Tag names; index 0 is unused (no tag). */
  readonly names: readonly string[];
  /** Tag index of each trie node (0 when the node is not a word with a tag). */
  readonly nodes: Uint8Array | Uint16Array;
}

/** The parts of a {@link PrefixDictionary}. */
export interface PrefixDictionaryParts {
  /** The trie; `trie.values[node]` is a frequency class. */
  readonly trie: StaticTrie;
  /** Frequency of each class; class 0 is 0. */
  readonly classFrequency: Float64Array;
  /** `log(frequency)` of each class; unused for class 0. */
  readonly classLogFrequency: Float64Array;
  /** Python's `Tokenizer.total`. */
  readonly total: number;
  /** `log(total)`, when already known. */
  readonly logTotal?: number;
  /**
   * The words' POS tags, or a function that loads them when tagging first
   * needs them (the default dictionary keeps its tags with the POS model,
   * so that cutting never reads them); or why there are none (see
   * {@link PrefixDictionary.tagError}).
   */
  readonly tags?: WordTags | (() => WordTags);
  readonly tagError?: string;
}

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
  /** `log(frequency)` of each class, as Python's `math.log`; unused for class 0. */
  readonly classLogFrequency: Float64Array;
  /** Sum of all frequencies, as Python's `Tokenizer.total`. */
  readonly total: number;
  /** `log(total)`. */
  readonly logTotal: number;
  #tags: WordTags | (() => WordTags) | undefined;
  /** Why there are no tags: posseg's error for the first line that is not `word freq tag`. */
  readonly tagError: string | undefined;

  constructor(parts: PrefixDictionaryParts, name = '<dictionary>') {
    if (!(parts.total > 0)) {
      // Python accepts such a dictionary and then fails in math.log(0) at the first cut.
      throw new DictionaryError(`${name}: the frequencies add up to ${parts.total}; a dictionary needs a positive total`, name);
    }
    this.trie = parts.trie;
    this.classFrequency = parts.classFrequency;
    this.classLogFrequency = parts.classLogFrequency;
    this.total = parts.total;
    this.logTotal = parts.logTotal ?? pythonLog(parts.total);
    this.#tags = parts.tags;
    this.tagError = parts.tags ? undefined : (parts.tagError ?? `${name} has no POS tags`);
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
    const trie = StaticTrie.build(entries.words, values);
    const tags = entries.tags && !entries.tagError ? tagTable(trie, entries.words, entries.tags) : undefined;
    return new PrefixDictionary(
      { trie, classFrequency, classLogFrequency, total: entries.total, tags, tagError: entries.tagError },
      name,
    );
  }

  /**
   * The tag of the word `text.slice(start, end)` in this dictionary, or
   * undefined.
   */
  tagOf(text: string, start: number, end: number): string | undefined {
    const tags = this.tags;
    if (!tags || start >= end) return undefined;
    const node = this.trie.find(text, start, end);
    return node < 0 ? undefined : tags.names[tags.nodes[node]!] || undefined;
  }

  /** POS tags of the words (posseg's `word_tag_tab`) when every line had one, loaded on first use. */
  get tags(): WordTags | undefined {
    if (typeof this.#tags === 'function') this.#tags = this.#tags();
    return this.#tags;
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
   * Every word (key of non-zero frequency) with its frequency and tag, in
   * trie order: what a `dict.txt` of this dictionary would list.
   *
   * @example
   * [...PrefixDictionary.fromText('中国 3 ns\n中 2\n').words()]; // [['中', 2, undefined], ['中国', 3, 'ns']]
   */
  *words(): Generator<[word: string, frequency: number, tag: string | undefined]> {
    const { firstChild, chars, values } = this.trie;
    const tags = this.#tags === undefined ? undefined : this.tags;
    const stack: [number, string][] = [[0, '']];
    while (stack.length > 0) {
      const [node, prefix] = stack.pop()!;
      // Children pushed last first, so that they come out in the trie's order.
      for (let child = firstChild[node + 1]! - 1; child >= firstChild[node]!; child--) {
        stack.push([child, prefix + String.fromCharCode(chars[child]!)]);
      }
      const frequency = node === 0 ? 0 : this.classFrequency[values[node]!]!;
      if (frequency > 0) yield [prefix, frequency, tags ? tags.names[tags.nodes[node]!] || undefined : undefined];
    }
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

/** Per-node tag indices for `words` (a repeated word keeps its last tag, as Python's dict does). */
function tagTable(trie: StaticTrie, words: readonly string[], tags: readonly (string | undefined)[]): WordTags {
  const names = [''];
  const index = new Map<string, number>();
  const nodes = new Uint16Array(trie.size);
  words.forEach((word, i) => {
    const tag = tags[i];
    if (tag === undefined) return;
    let id = index.get(tag);
    if (id === undefined) {
      id = names.length;
      if (id > 0xffff) throw new RangeError('more than 65535 distinct POS tags');
      index.set(tag, id);
      names.push(tag);
    }
    nodes[trie.find(word, 0, word.length)] = id;
  });
  return { names, nodes: names.length <= 256 ? Uint8Array.from(nodes) : nodes };
}
