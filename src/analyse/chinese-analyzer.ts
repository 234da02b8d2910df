/**
 * jieba's analyzer for search engines, `jieba.analyse.ChineseAnalyzer`
 * (written for Whoosh), step by step as Python runs it:
 *
 * 1. `tokenize(text, mode='search')`, with the HMM;
 * 2. tokens of one character that is not Han (`[\u4E00-\u9FD5]`) dropped;
 * 3. lowercased (Python's `str.lower()`);
 * 4. stop words, and tokens shorter than `minSize` characters, dropped;
 * 5. stemmed with Whoosh's Porter stemmer.
 *
 * Lengths count code points, as Python's `len` does. Offsets are UTF-16
 * indices, as in `tokenize`, so `text.slice(startChar, endChar)` is always
 * the token's original; Python's count code points, and the two differ only
 * after a character outside the Basic Multilingual Plane: the option
 * `offsets: 'codepoint'` gives Python's.
 *
 * @module
 */

import { choiceOption, describeValue, knownOptions, optionKeys, stringSetOption } from '../options.js';
import { OFFSET_UNITS, offsetsIn, type OffsetUnit } from '../text/offset-units.js';
import type { TokenizerCore } from '../tokenizer.js';
import { charLengthAt, isHanChar } from '../text/char-classes.js';
import { pythonLower } from '../text/python-lower.js';
import { pythonLength } from '../text/python-str.js';
import { porterStem } from './porter.js';

/** Every option of `chineseAnalyzer`. */
const ANALYZER_KEYS = optionKeys<ChineseAnalyzerOptions>()(['stopWords', 'minSize', 'stem', 'tokenizer', 'offsets']);

/**
 * `jieba.analyse.analyzer.STOP_WORDS`: Whoosh's English stop words with
 * 的, 了 and 和.
 *
 * @example
 * chineseAnalyzer({ stopWords: [...ANALYZER_STOP_WORDS, '我们'] }); // Python's stoplist plus one
 */
export const ANALYZER_STOP_WORDS: readonly string[] = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'for', 'from', 'have', 'if', 'in', 'is', 'it', 'may',
  'not', 'of', 'on', 'or', 'tbd', 'that', 'the', 'this', 'to', 'us', 'we', 'when', 'will', 'with', 'yet',
  'you', 'your', '的', '了', '和',
];

/**
 * One token of {@link ChineseAnalyzer}, with Whoosh's token attributes.
 *
 * @example
 * chineseAnalyzer()('Running')[0]; // { text: 'runn', original: 'Running', pos: 0, startChar: 0, endChar: 7 }
 */
export interface AnalyzerToken {
  /** The term to index: lowercased and stemmed. */
  text: string;
  /** The word as it is in the text. */
  original: string;
  /** Where the word starts: Python's analyzer sets `pos` to the start offset, not to a token count. */
  pos: number;
  /** UTF-16 offset of the word's start (or as the `offsets` option counts). */
  startChar: number;
  /** UTF-16 offset just past the word (or as the `offsets` option counts). */
  endChar: number;
}

/** Options of {@link createChineseAnalyzer}, Python's `ChineseAnalyzer(stoplist, minsize, stemfn)`. */
export interface ChineseAnalyzerOptions {
  /**
   * Terms to drop, compared after lowercasing (Python's `stoplist`);
   * `null` for none.
   *
   * @defaultValue {@link ANALYZER_STOP_WORDS}
   * @example
   * chineseAnalyzer({ stopWords: [...ANALYZER_STOP_WORDS, '我们'] });
   */
  stopWords?: Iterable<string> | null;
  /**
   * Drop terms of fewer characters (code points) than this (Python's `minsize`).
   *
   * @defaultValue 1
   */
  minSize?: number;
  /**
   * The stemmer (Python's `stemfn`); `null` to keep terms unstemmed, which
   * Python's analyzer cannot do (a jieba-ts addition).
   *
   * @defaultValue {@link porterStem}
   */
  stem?: ((term: string) => string) | null;
  /**
   * The tokenizer whose dictionary cuts the text (Python's analyzer always
   * uses the default one, `jieba.tokenize`).
   *
   * @defaultValue the default tokenizer
   * @example
   * const tokenizer = new Tokenizer();
   * tokenizer.addWord('石墨烯');
   * const analyze = chineseAnalyzer({ tokenizer });
   */
  tokenizer?: TokenizerCore;
  /**
   * What `pos`, `startChar` and `endChar` count, as `tokenize`'s option of
   * that name: UTF-16 code units (`text.slice(startChar, endChar)` is the
   * original), bytes of the UTF-8 text, or code points (`'codepoint'`:
   * Python's numbers).
   *
   * @defaultValue 'utf16'
   * @example
   * chineseAnalyzer({ offsets: 'codepoint' })('😀我爱'); // startChar 1, 2 for 我, 爱 (Python's)
   */
  offsets?: OffsetUnit;
}

/** A function from text to the tokens to index. */
export type ChineseAnalyzer = (text: string) => AnalyzerToken[];

/** Stems remembered per analyzer, as Whoosh's `StemFilter` caches 50,000 (stemming is pure: only speed changes). */
const STEM_CACHE = 50_000;

/**
 * The analyzer (see the module comment) of `options.tokenizer`, or of
 * `fallback` without one.
 *
 * @throws TypeError for an option of the wrong type
 * @example
 * const analyze = createChineseAnalyzer(defaultTokenizer, {});
 * analyze('我爱Running');
 * // [{ text: '我', ... }, { text: '爱', ... }, { text: 'runn', original: 'Running', pos: 2, startChar: 2, endChar: 9 }]
 */
export function createChineseAnalyzer(fallback: TokenizerCore, options?: ChineseAnalyzerOptions | null): ChineseAnalyzer {
  const checked = knownOptions(options, 'chineseAnalyzer', ANALYZER_KEYS);
  const tokenizer = checked.tokenizer ?? fallback;
  if (typeof tokenizer?.tokenizeOffsets !== 'function') {
    throw new TypeError(`jieba-ts: chineseAnalyzer() option tokenizer must be a Tokenizer, got ${describeValue(tokenizer)}`);
  }
  const stopWords = stringSetOption(checked.stopWords, 'stopWords', 'chineseAnalyzer', ANALYZER_STOP_WORDS);
  const minSize = checked.minSize ?? 1;
  if (!Number.isSafeInteger(minSize) || minSize < 0) {
    throw new TypeError(`jieba-ts: chineseAnalyzer() option minSize must be a non-negative integer, got ${describeValue(minSize)}`);
  }
  const units = choiceOption(checked.offsets, 'offsets', 'chineseAnalyzer', OFFSET_UNITS);
  const stem = checked.stem === undefined ? porterStem : checked.stem;
  if (stem !== null && typeof stem !== 'function') {
    throw new TypeError(`jieba-ts: chineseAnalyzer() option stem must be a function or null, got ${describeValue(stem)}`);
  }
  const stems = new Map<string, string>();
  const stemmed = (term: string): string => {
    if (stem === null) return term;
    let result = stems.get(term);
    if (result === undefined) {
      result = stem(term);
      if (typeof result !== 'string') throw new TypeError(`jieba-ts: chineseAnalyzer() stem returned ${describeValue(result)} for ${JSON.stringify(term)}, not a string`);
      if (stems.size >= STEM_CACHE) stems.clear();
      stems.set(term, result);
    }
    return result;
  };

  return (text: string): AnalyzerToken[] => {
    if (typeof text !== 'string') throw new TypeError(`jieba-ts: chineseAnalyzer() expects a string, got ${text === null ? 'null' : typeof text}`);
    const offsets = tokenizer.tokenizeOffsets(text, { mode: 'search' });
    const counted = units === 'utf16' ? offsets : offsetsIn(units, text, offsets.slice());
    const tokens: AnalyzerToken[] = [];
    for (let i = 0; i < offsets.length; i += 2) {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      // `if not accepted_chars.match(w) and len(w) <= 1`: accepted_chars is [\u4E00-\u9FD5]+.
      if (!isHanChar(text.charCodeAt(start)) && charLengthAt(text, start) === end - start) continue;
      const original = text.slice(start, end);
      const term = pythonLower(original);
      if (stopWords.has(term) || (minSize > 1 && pythonLength(term) < minSize)) continue;
      tokens.push({ text: stemmed(term), original, pos: counted[i]!, startChar: counted[i]!, endChar: counted[i + 1]! });
    }
    return tokens;
  };
}
