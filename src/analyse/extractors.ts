/**
 * The keyword extractors: `jieba.analyse.TFIDF` and `jieba.analyse.TextRank`,
 * bound to a tokenizer.
 *
 * @module
 */

import type { DictionarySource, TokenizerCore } from '../tokenizer.js';
import { decodeDictionaryBytes } from '../dictionary/dictionary-text.js';
import { IdfTable } from '../dictionary/idf-table.js';
import {
  extractTextRank,
  extractTfIdf,
  StopWords,
  TfIdfScratch,
  type Keyword,
  type KeywordOptions,
  type TaggedKeyword,
  type WeightedKeyword,
  type WeightedTaggedKeyword,
} from './keywords.js';

/** Options that return plain words. */
export type WordsOptions = KeywordOptions & { withWeight?: false; withFlag?: false };
/** Options that return `{ word, weight }`. */
export type WeightOptions = KeywordOptions & { withWeight: true; withFlag?: false };
/** Options that return `{ word, tag }`. */
export type FlagOptions = KeywordOptions & { withWeight?: false; withFlag: true };
/** Options that return `{ word, tag, weight }`. */
export type WeightFlagOptions = KeywordOptions & { withWeight: true; withFlag: true };

/** Text of a stop-word or IDF source, read the way the tokenizer's platform can. */
function textOf(tokenizer: TokenizerCore, source: DictionarySource, what: string): [string, string] {
  if (source && typeof source === 'object' && !(source instanceof URL) && 'text' in source) {
    return [source.text, source.name ?? '<text>'];
  }
  const [bytes, name] = tokenizer.readSource(source, what);
  return [decodeDictionaryBytes(bytes, name), name];
}

/**
 * What both extractors share, as Python's `KeywordExtractor`: the tokenizer
 * they read text with, and stop words (jieba's English defaults plus any
 * added).
 */
abstract class KeywordExtractor {
  /** @internal */
  protected readonly tokenizer: TokenizerCore;
  /** @internal */
  protected readonly stopWords = new StopWords();

  constructor(tokenizer: TokenizerCore, stopWords: DictionarySource | undefined) {
    this.tokenizer = tokenizer;
    if (stopWords !== undefined) this.setStopWords(stopWords);
  }

  /**
   * Add the lines of a file to the stop words, as Python's `set_stop_words`
   * (which adds; the default English stop words stay).
   *
   * @example
   * extractor.setStopWords('stop_words.txt');
   * extractor.setStopWords({ text: '会议\n' });
   */
  setStopWords(source: DictionarySource): this {
    const [text] = textOf(this.tokenizer, source, 'stop-word file');
    this.stopWords.add(text);
    return this;
  }
}

/**
 * TF-IDF keyword extraction, as `jieba.analyse.TFIDF`: the tokenizer's
 * words (or POS-tagged words with `allowPOS`), weighted by term frequency
 * times inverse document frequency.
 *
 * @example
 * import { Tokenizer, TfIdf } from 'jieba-ts';
 *
 * const tfidf = new TfIdf(new Tokenizer(), { idf: 'my-idf.txt', stopWords: 'stop_words.txt' });
 * tfidf.extractTags(text, { topK: 10, withWeight: true });
 */
export class TfIdf extends KeywordExtractor {
  #idf: IdfTable | undefined;
  #scratch = new TfIdfScratch();

  /**
   * @param tokenizer - cuts (and tags) the text
   * @param options - `idf`: an IDF file (`word idf` per line; jieba's
   *   `idf.txt` when absent); `stopWords`: a file of extra stop words, one
   *   per line
   */
  constructor(tokenizer: TokenizerCore, options: { idf?: DictionarySource; stopWords?: DictionarySource } = {}) {
    super(tokenizer, options.stopWords);
    if (options.idf !== undefined) this.setIdf(options.idf);
  }

  /**
   * Use another IDF file, as Python's `set_idf_path`. It is read and checked
   * now; on error the old table stays.
   *
   * @example
   * tfidf.setIdf('idf.txt.big');
   */
  setIdf(source: DictionarySource): this {
    const [text, name] = textOf(this.tokenizer, source, 'IDF file');
    this.#idf = IdfTable.fromText(text, name);
    return this;
  }

  /**
   * Keywords of `text`, as Python's `extract_tags(text, topK, withWeight,
   * allowPOS, withFlag)`: the same keywords in the same order (ties keep
   * first-occurrence order), with the same weights.
   *
   * @example
   * tfidf.extractTags('...'); // ['网络安全', '信息化', ...]
   * tfidf.extractTags('...', { topK: 3, withWeight: true }); // [{ word: '网络安全', weight: 0.85 }, ...]
   */
  extractTags(text: string, options?: WordsOptions): string[];
  extractTags(text: string, options: WeightOptions): WeightedKeyword[];
  extractTags(text: string, options: FlagOptions): TaggedKeyword[];
  extractTags(text: string, options: WeightFlagOptions): WeightedTaggedKeyword[];
  extractTags(text: string, options: KeywordOptions = {}): Keyword[] {
    return this.extract(text, options);
  }

  /**
   * {@link TfIdf.extractTags} for options known only at run time: the
   * result is typed as the union of its shapes.
   *
   * @example
   * tfidf.extract(text, { topK: Number(argv.topK), withWeight: argv.weights });
   */
  extract(text: string, options: KeywordOptions = {}): Keyword[] {
    if (typeof text !== 'string') throw new TypeError('jieba-ts: extractTags() expects a string');
    this.#idf ??= this.tokenizer.defaultIdf();
    const keywords = extractTfIdf(this.tokenizer, this.#idf, this.stopWords, text, options, this.#scratch);
    // Memory a huge document took is given back (see `SCRATCH_KEEP`).
    if (this.#scratch.oversized) this.#scratch = new TfIdfScratch();
    this.tokenizer.shrinkScratch();
    return keywords;
  }
}

/**
 * TextRank keyword extraction, as `jieba.analyse.TextRank`: POS-tagged
 * words linked by co-occurrence within a window of 5, ranked like PageRank.
 *
 * @example
 * import { Tokenizer, TextRank } from 'jieba-ts';
 *
 * new TextRank(new Tokenizer()).textRank(text, { topK: 10, withWeight: true });
 */
export class TextRank extends KeywordExtractor {
  /**
   * @param tokenizer - tags the text
   * @param options - `stopWords`: a file of extra stop words, one per line
   */
  constructor(tokenizer: TokenizerCore, options: { stopWords?: DictionarySource } = {}) {
    super(tokenizer, options.stopWords);
  }

  /**
   * Keywords of `text`, as Python's `textrank(text, topK, withWeight,
   * allowPOS=('ns', 'n', 'vn', 'v'), withFlag)`.
   *
   * @example
   * textRank.textRank('...', { topK: 5 }); // ['网络安全', '信息化', ...]
   */
  textRank(text: string, options?: WordsOptions): string[];
  textRank(text: string, options: WeightOptions): WeightedKeyword[];
  textRank(text: string, options: FlagOptions): TaggedKeyword[];
  textRank(text: string, options: WeightFlagOptions): WeightedTaggedKeyword[];
  textRank(text: string, options: KeywordOptions = {}): Keyword[] {
    return this.extract(text, options);
  }

  /**
   * {@link TextRank.textRank} for options known only at run time: the
   * result is typed as the union of its shapes.
   *
   * @example
   * textRank.extract(text, { topK: Number(argv.topK) });
   */
  extract(text: string, options: KeywordOptions = {}): Keyword[] {
    if (typeof text !== 'string') throw new TypeError('jieba-ts: textRank() expects a string');
    const keywords = extractTextRank(this.tokenizer, this.stopWords, text, options);
    this.tokenizer.shrinkScratch();
    return keywords;
  }

  /**
   * Python's alias: `TextRank.extract_tags` is `textrank`, so this is
   * {@link TextRank.textRank} under the name a TF-IDF extractor's callers use.
   *
   * @example
   * new TextRank().extractTags('...', { topK: 5 }); // what textRank('...', { topK: 5 }) gives
   */
  extractTags(text: string, options?: WordsOptions): string[];
  extractTags(text: string, options: WeightOptions): WeightedKeyword[];
  extractTags(text: string, options: FlagOptions): TaggedKeyword[];
  extractTags(text: string, options: WeightFlagOptions): WeightedTaggedKeyword[];
  extractTags(text: string, options: KeywordOptions = {}): Keyword[] {
    return this.extract(text, options);
  }
}
