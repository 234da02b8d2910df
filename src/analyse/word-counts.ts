/**
 * Word frequencies over a corpus (`jieba freq`, `countWords`): the words of
 * each text counted, in any cut mode or through the POS tagger (to keep
 * some tags only), without whitespace and punctuation, stop words and short
 * words. Counts merge exactly, so counting can run as a map/reduce job and
 * counts of parts add up to the counts of the whole.
 *
 * @module
 */

import { CUT_MODES, type CutMode } from '../cut/modes.js';
import { booleanOption, choiceOption, describeValue, knownOptions, optionKeys, stringSetOption } from '../options.js';
import { hasLetterOrDigit } from '../text/char-classes.js';
import { comparePython, pythonLength } from '../text/python-str.js';
import type { TokenizerCore } from '../tokenizer.js';

/** Every option of `countWords`. */
const COUNT_KEYS = optionKeys<CountWordsOptions>()(['mode', 'hmm', 'allowPOS', 'stopWords', 'minLength', 'tokenizer']);

/** Options of {@link createWordCounter}. */
export interface CountWordsOptions {
  /**
   * How texts are cut: `'default'` (accurate), `'all'` or `'search'`.
   *
   * @defaultValue 'default'
   */
  mode?: CutMode;
  /**
   * Find words missing from the dictionary with the HMM.
   *
   * @defaultValue true
   */
  hmm?: boolean;
  /**
   * Count only words with these POS tags (the text is then tagged, in
   * accurate mode, as `tag` tags it); `null` for all words.
   *
   * @example
   * countWords(text, { allowPOS: ['n', 'nr', 'ns'] });
   */
  allowPOS?: readonly string[] | null;
  /** Words not to count (compared as they are). */
  stopWords?: Iterable<string> | null;
  /**
   * Count only words of at least this many characters (code points).
   *
   * @defaultValue 1
   */
  minLength?: number;
  /**
   * The tokenizer whose dictionary cuts the texts.
   *
   * @defaultValue the default tokenizer
   */
  tokenizer?: TokenizerCore;
}

/**
 * Counts of words: most frequent first when listed, ties in code-point
 * order of the words (as Python's `sorted`), so that the same corpus always
 * lists the same way.
 *
 * @example
 * const counts = new WordCounts().add('北京').add('北京').add('大学');
 * counts.sorted(); // [['北京', 2], ['大学', 1]]
 */
export class WordCounts {
  readonly #counts = new Map<string, number>();

  /** Number of distinct words. */
  get size(): number {
    return this.#counts.size;
  }

  /** Sum of the counts. */
  get total(): number {
    let total = 0;
    for (const count of this.#counts.values()) total += count;
    return total;
  }

  /**
   * The count of `word` (0 if never counted).
   *
   * @example
   * new WordCounts().add('北京', 2).get('北京'); // 2
   */
  get(word: string): number {
    return this.#counts.get(word) ?? 0;
  }

  /**
   * Count `word` `times` more times.
   *
   * @example
   * counts.add('北京').add('大学', 3);
   * @throws RangeError for a count that is not a non-negative safe integer, or a total past 2^53 - 1
   */
  add(word: string, times = 1): this {
    if (!Number.isSafeInteger(times) || times < 0) throw new RangeError(`jieba-ts: a word count must be a non-negative integer, got ${describeValue(times)}`);
    const count = (this.#counts.get(word) ?? 0) + times;
    if (!Number.isSafeInteger(count)) throw new RangeError(`jieba-ts: the count of ${JSON.stringify(word)} passes 2^53 - 1`);
    this.#counts.set(word, count);
    return this;
  }

  /**
   * Add every count of `other`: counts made apart (one per file, or per
   * worker) merge to what one count over everything gives.
   *
   * @example
   * const all = new WordCounts().merge(countWords(partA)).merge(countWords(partB));
   */
  merge(other: WordCounts): this {
    for (const [word, count] of other.#counts) this.add(word, count);
    return this;
  }

  /**
   * `[word, count]` pairs, most frequent first (ties: words in code-point
   * order); the first `top` only if given.
   *
   * @example
   * new WordCounts().add('的', 3).add('北京').sorted(); // [['的', 3], ['北京', 1]]
   */
  sorted(top?: number): [string, number][] {
    const entries = [...this.#counts];
    entries.sort((a, b) => b[1] - a[1] || comparePython(a[0], b[0]));
    return top === undefined ? entries : entries.slice(0, top);
  }

  /**
   * The counts as TSV: `word<TAB>count` lines, most frequent first, each
   * ending with a newline; what {@link WordCounts.fromTSV} reads back.
   *
   * @example
   * new WordCounts().add('北京', 3).toTSV(); // '北京\t3\n'
   */
  toTSV(top?: number): string {
    return this.sorted(top)
      .map(([word, count]) => `${word}\t${count}\n`)
      .join('');
  }

  /**
   * Counts read from TSV (`word<TAB>count` per line; blank lines skipped),
   * added up where a word comes twice.
   *
   * @param name - the source, for messages
   * @throws RangeError naming `name` and the line, for a line that is not a word, a tab and a non-negative integer
   * @example
   * WordCounts.fromTSV('北京\t3\n大学\t1\n', 'a.tsv').get('北京'); // 3
   */
  static fromTSV(text: string, name = '<string>'): WordCounts {
    const counts = new WordCounts();
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line === '') return;
      const tab = line.lastIndexOf('\t');
      const word = line.slice(0, tab);
      const digits = line.slice(tab + 1);
      if (tab <= 0 || !/^[0-9]+$/.test(digits) || !Number.isSafeInteger(Number(digits))) {
        throw new RangeError(`${name}: line ${i + 1}: expected "word<TAB>count" with a non-negative integer count, got ${JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}…` : line)}`);
      }
      counts.add(word, Number(digits));
    });
    return counts;
  }
}

/** A function that counts the words of a text into counts it is given. */
export type WordCounter = (text: string, into: WordCounts) => WordCounts;

/** The checked options of a counter: how texts are cut, and which words count. */
export interface WordCountPlan {
  tokenizer: TokenizerCore;
  mode: CutMode;
  hmm: boolean;
  /** Tags to keep (the text is tagged), or undefined for every word. */
  allowPOS: ReadonlySet<string> | undefined;
  /** Whether a word (with its tag, if tagged) is counted. */
  counts(word: string, tag?: string): boolean;
}

/**
 * The options of a counter, checked once: how to cut, and the filter every
 * word goes through (so that words cut elsewhere, by a pool, count the same).
 *
 * @throws TypeError or RangeError for an option of the wrong type
 * @example
 * const plan = wordCountPlan(tokenizer, { minLength: 2 });
 * plan.counts('北京'); // true
 */
export function wordCountPlan(fallback: TokenizerCore, options?: CountWordsOptions | null): WordCountPlan {
  const method = 'countWords';
  const checked = knownOptions(options, method, COUNT_KEYS);
  const tokenizer = checked.tokenizer ?? fallback;
  if (typeof tokenizer?.cut !== 'function') throw new TypeError(`jieba-ts: ${method}() option tokenizer must be a Tokenizer, got ${describeValue(tokenizer)}`);
  const mode = choiceOption(checked.mode, 'mode', method, CUT_MODES);
  const hmm = booleanOption(checked.hmm, 'hmm', method, true);
  const stopWords = stringSetOption(checked.stopWords, 'stopWords', method);
  const allowPOS = checked.allowPOS === undefined || checked.allowPOS === null ? undefined : stringSetOption(checked.allowPOS, 'allowPOS', method);
  const minLength = checked.minLength ?? 1;
  if (!Number.isSafeInteger(minLength) || minLength < 0) {
    throw new TypeError(`jieba-ts: ${method}() option minLength must be a non-negative integer, got ${describeValue(minLength)}`);
  }
  if (allowPOS && mode !== 'default') throw new TypeError(`jieba-ts: ${method}() option allowPOS tags words in accurate mode; it cannot go with mode '${mode}'`);
  return {
    tokenizer,
    mode,
    hmm,
    allowPOS,
    counts: (word, tag) =>
      (allowPOS === undefined || (tag !== undefined && allowPOS.has(tag))) &&
      hasLetterOrDigit(word) &&
      !stopWords.has(word) &&
      (minLength <= 1 || pythonLength(word) >= minLength),
  };
}

/**
 * A counter of the words of texts (see the module comment) with the
 * options checked once.
 *
 * @throws TypeError or RangeError for an option of the wrong type
 * @example
 * const count = createWordCounter(tokenizer, { minLength: 2 });
 * const counts = count('我来到北京清华大学', new WordCounts());
 */
export function createWordCounter(fallback: TokenizerCore, options?: CountWordsOptions | null): WordCounter {
  const { tokenizer, mode, hmm, allowPOS, counts } = wordCountPlan(fallback, options);
  return (text, into) => {
    if (typeof text !== 'string') throw new TypeError(`jieba-ts: countWords() expects strings, got ${text === null ? 'null' : typeof text}`);
    if (allowPOS) {
      for (const { word, tag } of tokenizer.tag(text, { hmm })) if (counts(word, tag)) into.add(word);
    } else {
      const words = mode === 'all' ? tokenizer.cutAll(text) : mode === 'search' ? tokenizer.cutForSearch(text, { hmm }) : tokenizer.cut(text, { hmm });
      for (const word of words) if (counts(word)) into.add(word);
    }
    return into;
  };
}
