/**
 * jieba-ts: Chinese word segmentation identical to Python jieba 0.42.1.
 *
 * One API for every runtime. This module is built three times, each with
 * its own platform module (`scripts/bundle.ts`): for Node.js, Deno and Bun
 * (`jieba-ts`: files are read on first use), for browsers and workers
 * (`jieba-ts/browser`, and `jieba-ts` under the `browser` condition: data is
 * fetched by `await load()`), and with the default dictionary inside
 * (`jieba-ts/embedded`: nothing to fetch or copy).
 *
 * @example
 * import { cut } from 'jieba-ts';
 * cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 *
 * @module
 */

import { platform, sharedModels } from './node-platform.js';
import { TokenizerCore, type DictionarySource, type LoadOptions, type TokenizerOptions } from './tokenizer.js';
import { TextRank, TfIdf } from './analyse/extractors.js';
import { ANALYZER_STOP_WORDS, createChineseAnalyzer, type ChineseAnalyzer, type ChineseAnalyzerOptions } from './analyse/chinese-analyzer.js';
import { porterStem } from './analyse/porter.js';
import { createWordCounter, WordCounts, type CountWordsOptions } from './analyse/word-counts.js';
import { barChartSvg, chartHtml, chartSvg, layoutCloud, wordCloudSvg } from './analyse/charts.js';
import { NewWordFinder, type DiscoverOptions, type NewWord } from './analyse/new-words.js';
import { CorpusError, DictionaryTrainer, type CorpusTags } from './analyse/train.js';
import { encodeDictionaryImage } from './data/load.js';
import { createSearchTerms, type SearchTermsOptions } from './analyse/search-terms.js';
import { lunrPluginOf, oramaTokenizerOf, type LunrBuilder, type LunrModule, type OramaTokenizer } from './analyse/search-adapters.js';
import { DictionaryError, FetchError, ImageError } from './dictionary/errors.js';
import { InvalidUtf8Error } from './text/utf8.js';
import { CUT_MODES, TOKENIZE_MODES } from './cut/modes.js';
import { OFFSET_UNITS } from './text/offset-units.js';
import { BIG_DICTIONARY, DEFAULT_DICTIONARY, IDF_TABLE, PADDLE_MODEL, POS_MODEL } from './node-platform.js';
import { knownOptions, optionKeys } from './options.js';

export { BIG_DICTIONARY, DEFAULT_DICTIONARY, IDF_TABLE, PADDLE_MODEL, POS_MODEL } from './node-platform.js';
export { TextRank, TfIdf } from './analyse/extractors.js';
export type { FlagOptions, WeightFlagOptions, WeightOptions, WordsOptions } from './analyse/extractors.js';
export { ANALYZER_STOP_WORDS, type AnalyzerToken, type ChineseAnalyzer, type ChineseAnalyzerOptions } from './analyse/chinese-analyzer.js';
export { porterStem } from './analyse/porter.js';
export { WordCounts, type CountWordsOptions } from './analyse/word-counts.js';
export { barChartSvg, chartHtml, chartSvg, layoutCloud, wordCloudSvg, type CloudWord } from './analyse/charts.js';
export { NewWordFinder, type DiscoverOptions, type DiscoveryCounts, type NewWord, type NewWordCandidate } from './analyse/new-words.js';
export type { WordEvidence } from './analyse/word-likeness.js';
export type { NgramCounts } from './analyse/ngram-table.js';
export { CorpusError, DictionaryTrainer, type CorpusTags } from './analyse/train.js';
export type { SearchTermsOptions } from './analyse/search-terms.js';
export type { LunrBuilder, LunrModule, OramaTokenizer } from './analyse/search-adapters.js';
export type { Keyword, KeywordOptions, TaggedKeyword, WeightedKeyword, WeightedTaggedKeyword } from './analyse/keywords.js';
export type { IdfTable } from './dictionary/idf-table.js';
export type { PackagedImage } from './data/packaged-image.js';
export type {
  /** The class `Tokenizer` extends, and what keyword extractors take: any `Tokenizer` of any entry point. */
  TokenizerCore,
  CutOptions,
  PaddleOptions,
  DictionarySource,
  LoadOptions,
  StreamMode,
  TaggedWord,
  Token,
  TokenizeOptions,
  TokenizerOptions,
  TextInput,
  BytesOptions,
} from './tokenizer.js';
export { InvalidUtf8Error, type InvalidUtf8Handling } from './text/utf8.js';
export { DictionaryError, FetchError, ImageError } from './dictionary/errors.js';
export { CUT_MODES, TOKENIZE_MODES, type CutMode, type TokenizeMode } from './cut/modes.js';
export { OFFSET_UNITS, type OffsetUnit } from './text/offset-units.js';

/**
 * A Chinese word segmenter whose output is identical to Python jieba
 * 0.42.1's for the same text, dictionary and options.
 *
 * Each instance owns its dictionary changes (`addWord`, `loadUserDict`...),
 * loads its dictionary on first use (or at once with `eager`), and keeps
 * scratch memory between calls. The compiled default dictionary is read
 * once per process and shared, read-only. The package's named exports
 * ({@link cut}, {@link addWord}...) are bound to one default instance.
 *
 * @example
 * import { Tokenizer, BIG_DICTIONARY } from 'jieba-ts';
 *
 * const tokenizer = new Tokenizer();
 * tokenizer.cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 *
 * const traditional = new Tokenizer({ dict: BIG_DICTIONARY });
 * traditional.cut('我來到北京清華大學'); // ['我', '來到', '北京', '清華大學']
 */
export class Tokenizer extends TokenizerCore {
  constructor(options: TokenizerOptions = {}) {
    super(options, platform, sharedModels);
  }

  /**
   * A new tokenizer, loaded: `new Tokenizer().load(options)`. The way to
   * make one in a browser, where data must be fetched first.
   *
   * @example
   * const tokenizer = await Tokenizer.load({ pos: POS_MODEL });
   * tokenizer.tag('我爱北京天安门');
   */
  static load(options: LoadOptions = {}): Promise<Tokenizer> {
    return new Tokenizer().load(options);
  }
}

/** The instance behind the named exports; it loads the dictionary on first use. */
const defaultTokenizer = new Tokenizer();

/**
 * {@link Tokenizer.load} of the default tokenizer: fetch or read its data
 * now. Needed once before the first call in a browser, a worker or an
 * edge runtime; harmless (and optional) in Node.js, Deno and Bun.
 *
 * @example
 * import { load, cut, tag } from 'jieba-ts';
 * import { POS_MODEL } from 'jieba-ts/images/posseg';
 *
 * await load({ pos: POS_MODEL });
 * cut('我来到北京清华大学');
 */
export const load: Tokenizer['load'] = defaultTokenizer.load.bind(defaultTokenizer);

/**
 * {@link Tokenizer.cut} of the default tokenizer: accurate mode, as
 * Python's `jieba.lcut`.
 *
 * @example
 * cut('他来到了网易杭研大厦'); // ['他', '来到', '了', '网易', '杭研', '大厦']
 */
export const cut: Tokenizer['cut'] = defaultTokenizer.cut.bind(defaultTokenizer);

/**
 * {@link Tokenizer.cutAll} of the default tokenizer: full mode, as Python's
 * `jieba.lcut(text, cut_all=True)`.
 *
 * @example
 * cutAll('我来到北京清华大学'); // ['我', '来到', '北京', '清华', '清华大学', '华大', '大学']
 */
export const cutAll: Tokenizer['cutAll'] = defaultTokenizer.cutAll.bind(defaultTokenizer);

/**
 * {@link Tokenizer.cutForSearch} of the default tokenizer, as Python's
 * `jieba.lcut_for_search`.
 *
 * @example
 * cutForSearch('中国科学院'); // ['中国', '科学', '学院', '科学院', '中国科学院']
 */
export const cutForSearch: Tokenizer['cutForSearch'] = defaultTokenizer.cutForSearch.bind(defaultTokenizer);

/**
 * {@link Tokenizer.tokenize} of the default tokenizer, as Python's
 * `jieba.tokenize`.
 *
 * @example
 * tokenize('永和服装'); // [{ word: '永和', start: 0, end: 2 }, { word: '服装', start: 2, end: 4 }]
 */
export const tokenize: Tokenizer['tokenize'] = defaultTokenizer.tokenize.bind(defaultTokenizer);

/**
 * {@link Tokenizer.tag} of the default tokenizer: part-of-speech tagging,
 * as Python's `jieba.posseg.lcut`.
 *
 * @example
 * tag('我爱北京天安门'); // [{ word: '我', tag: 'r' }, { word: '爱', tag: 'v' }, ...]
 */
export const tag: Tokenizer['tag'] = defaultTokenizer.tag.bind(defaultTokenizer);

/**
 * {@link Tokenizer.addWord} of the default tokenizer, as Python's
 * `jieba.add_word`.
 *
 * @example
 * addWord('杭研大厦', 3, 'nz');
 */
export const addWord: Tokenizer['addWord'] = defaultTokenizer.addWord.bind(defaultTokenizer);

/**
 * {@link Tokenizer.delWord} of the default tokenizer, as Python's
 * `jieba.del_word`.
 *
 * @example
 * delWord('清华大学');
 */
export const delWord: Tokenizer['delWord'] = defaultTokenizer.delWord.bind(defaultTokenizer);

/**
 * {@link Tokenizer.suggestFreq} of the default tokenizer, as Python's
 * `jieba.suggest_freq`.
 *
 * @example
 * suggestFreq(['中', '将'], true);
 */
export const suggestFreq: Tokenizer['suggestFreq'] = defaultTokenizer.suggestFreq.bind(defaultTokenizer);

/**
 * {@link Tokenizer.loadUserDict} of the default tokenizer, as Python's
 * `jieba.load_userdict`.
 *
 * @example
 * loadUserDict('userdict.txt');
 */
export const loadUserDict: Tokenizer['loadUserDict'] = defaultTokenizer.loadUserDict.bind(defaultTokenizer);

/**
 * {@link Tokenizer.setDictionary} of the default tokenizer, as Python's
 * `jieba.set_dictionary`.
 *
 * @example
 * setDictionary(BIG_DICTIONARY);
 */
export const setDictionary: Tokenizer['setDictionary'] = defaultTokenizer.setDictionary.bind(defaultTokenizer);

/** The TF-IDF extractor behind {@link extractTags}, on the default tokenizer. */
const defaultTfIdf = new TfIdf(defaultTokenizer);
/** The TextRank extractor behind {@link textRank}, on the default tokenizer. */
const defaultTextRank = new TextRank(defaultTokenizer);

/**
 * {@link TfIdf.extractTags} on the default tokenizer, as Python's
 * `jieba.analyse.extract_tags`.
 *
 * @example
 * extractTags(text, { topK: 5, withWeight: true });
 */
export const extractTags: TfIdf['extractTags'] = defaultTfIdf.extractTags.bind(defaultTfIdf);

/**
 * {@link TextRank.textRank} on the default tokenizer, as Python's
 * `jieba.analyse.textrank`.
 *
 * @example
 * textRank(text, { topK: 5 });
 */
export const textRank: TextRank['textRank'] = defaultTextRank.textRank.bind(defaultTextRank);

/**
 * {@link TfIdf.setIdf} of {@link extractTags}, as Python's
 * `jieba.analyse.set_idf_path`.
 *
 * @example
 * setIdf('idf.txt.big');
 */
export function setIdf(source: DictionarySource): void {
  defaultTfIdf.setIdf(source);
}

/**
 * Add stop words to both {@link extractTags} and {@link textRank}, as
 * Python's `jieba.analyse.set_stop_words`.
 *
 * @example
 * setStopWords('stop_words.txt');
 */
export function setStopWords(source: DictionarySource): void {
  defaultTfIdf.setStopWords(source);
  defaultTextRank.setStopWords(source);
}

/**
 * jieba's analyzer for search engines, as Python's
 * `jieba.analyse.ChineseAnalyzer()`: a function from text to the terms to
 * index, cut in search mode, single non-Han characters dropped,
 * lowercased, stop words dropped, stemmed (Whoosh's Porter stemmer), each
 * with its offsets. Python's options: `stopWords` (`stoplist`), `minSize`
 * (`minsize`), `stem` (`stemfn`; `null` for none), and the `tokenizer`.
 *
 * @example
 * const analyze = chineseAnalyzer();
 * analyze('我来到北京清华大学, Running').map((token) => token.text);
 * // ['我', '来到', '北京', '清华', '华大', '大学', '清华大学', 'runn']
 */
export function chineseAnalyzer(options?: ChineseAnalyzerOptions | null): ChineseAnalyzer {
  return createChineseAnalyzer(defaultTokenizer, options);
}

/**
 * Terms to index, for a JavaScript search library: the words of
 * `cutForSearch` (long words and the words inside them), less whitespace
 * and punctuation; folding case and width and stop words on request.
 * Pair it with {@link queryTokenizer} at query time.
 *
 * @example
 * // MiniSearch
 * new MiniSearch({ fields: ['body'], tokenize: searchTokenizer(), searchOptions: { tokenize: queryTokenizer() } });
 * // FlexSearch
 * new Index({ encode: searchTokenizer() });
 */
export function searchTokenizer(options?: SearchTermsOptions | null): (text: string) => string[] {
  return createSearchTerms(defaultTokenizer, 'index', options);
}

/**
 * Terms of a query: the words of `cut` (accurate mode), less whitespace and
 * punctuation, folded as {@link searchTokenizer} folds (give both the same
 * options).
 *
 * @example
 * queryTokenizer()('清华大学'); // ['清华大学'], which search mode indexed
 */
export function queryTokenizer(options?: SearchTermsOptions | null): (text: string) => string[] {
  return createSearchTerms(defaultTokenizer, 'query', options);
}

/**
 * Orama's tokenizer component: search mode for the documents, accurate
 * mode for the search terms.
 *
 * @example
 * import { create } from '@orama/orama';
 * const db = create({ schema: { body: 'string' }, components: { tokenizer: oramaTokenizer() } });
 */
export function oramaTokenizer(options?: SearchTermsOptions | null): OramaTokenizer {
  return oramaTokenizerOf(searchTokenizer(options), queryTokenizer(options));
}

/**
 * A Lunr plugin indexing search-mode terms (and emptying Lunr's English
 * pipelines, whose trimmer would delete Chinese terms). Query with
 * `index.query` and {@link queryTokenizer}: Lunr's query-string syntax
 * cannot split Chinese.
 *
 * @example
 * import lunr from 'lunr';
 * const index = lunr(function () {
 *   this.use(lunrPlugin(lunr));
 *   this.field('body');
 *   for (const doc of docs) this.add(doc);
 * });
 * index.query((q) => queryTokenizer()('大学').forEach((term) => q.term(term, { presence: lunr.Query.presence.REQUIRED })));
 */
export function lunrPlugin(lunr: LunrModule, options?: SearchTermsOptions | null): (builder: LunrBuilder) => void {
  return lunrPluginOf(lunr, searchTokenizer(options));
}

/**
 * Word frequencies of a text or of many (a corpus, line by line): the
 * words of `cut` (or `cutAll`, `cutForSearch`: `{ mode }`; or of `tag`,
 * keeping some tags: `{ allowPOS }`), without whitespace and punctuation,
 * `stopWords` and words shorter than `minLength`. The counts list most
 * frequent first and merge exactly (`counts.merge(other)`).
 *
 * @example
 * const counts = countWords(['我来到北京清华大学', '他来到了北京'], { minLength: 2 });
 * counts.sorted(); // [['北京', 2], ['来到', 2], ['清华大学', 1]]
 * counts.toTSV(); // '北京\t2\n来到\t2\n清华大学\t1\n'
 */
export function countWords(texts: string | Iterable<string>, options?: CountWordsOptions | null): WordCounts {
  const count = createWordCounter(defaultTokenizer, options);
  const counts = new WordCounts();
  for (const text of typeof texts === 'string' ? [texts] : texts) count(text, counts);
  return counts;
}

/**
 * New words in raw text: strings of Han characters that the dictionary
 * lacks, ranked by how much they look like words (`wordLikeness`): how
 * often they occur, how they hold together (pointwise mutual information
 * of their halves), how varied their contexts are at their edges and
 * inside (branching entropy), and what the dictionary knows of their
 * characters; best first. Add them with `addWord` or as a user dictionary
 * (`word freq` lines), as `jieba discover` prints them.
 *
 * @example
 * discoverWords(lines, { top: 20, minCount: 5 });
 * // [{ word: '...', count: 41, cohesion: 6.2, entropy: 2.9, innerEntropy: 0.4, allSingle: true, ..., score: 3.4 }, ...]
 */
export function discoverWords(texts: string | Iterable<string>, options?: (DiscoverOptions & { tokenizer?: TokenizerCore }) | null): NewWord[] {
  const finder = new NewWordFinder(options?.tokenizer ?? defaultTokenizer, options);
  for (const text of typeof texts === 'string' ? [texts] : texts) finder.add(text);
  return finder.words();
}

/** Every option of {@link trainDictionary}. */
const TRAIN_KEYS = optionKeys<TrainDictionaryOptions>()(['base', 'ratio', 'weight', 'tags', 'keepContradicted']);

/** Options of {@link trainDictionary}. */
export interface TrainDictionaryOptions {
  /** The dictionary to merge into (its words as they stand, and its HMM), or `null` for the corpus alone. @defaultValue the default tokenizer's */
  base?: TokenizerCore | null;
  /** The corpus's words add up to this many times the base's total. @defaultValue 4 */
  ratio?: number;
  /** Or: each corpus count adds this much to a word's frequency. */
  weight?: number;
  /** How words carry POS tags: `'slash'` (`word/tag`), `'underscore'` (`word_tag`) or `'none'`. @defaultValue 'none' */
  tags?: CorpusTags;
  /**
   * Keep the words the corpus contradicts: by default, the base's words
   * that the corpus cuts apart and never writes whole are left out, those
   * it cuts into words more often than it writes whole are made rarer
   * (as Python's `suggest_freq` would), so are those it never shows where
   * it cuts apart most words of their length and tag, and the
   * words the trained tokenizer's HMM makes in the corpus's own sentences
   * where the corpus cuts them apart are split (the corpus read twice; a
   * one-shot iterator, such as a generator, is read once, without this).
   *
   * @defaultValue false
   */
  keepContradicted?: boolean;
}

/**
 * A dictionary trained on segmented text (words separated by whitespace,
 * a sentence a line), as `jieba train`: the corpus's words merged into the
 * base dictionary (less the base words that the corpus cuts apart and never
 * writes whole, unless `keepContradicted`), and finalseg's HMM re-estimated from the corpus (with
 * `tags`, the POS HMM too, which `tag` then uses). `image` carries them all
 * (give it to `new Tokenizer({ dict })` or save it and use `jieba -D`);
 * `text` is the `dict.txt` form, without the HMMs.
 *
 * @throws {@link CorpusError} for a tagged word without its tag (naming the line)
 * @example
 * const { image } = trainDictionary(readFileSync('corpus.txt', 'utf8').split('\n'));
 * const tokenizer = new Tokenizer({ dict: image });
 */
export function trainDictionary(corpus: string | Iterable<string>, options: TrainDictionaryOptions = {}): { image: Uint8Array; text: string; words: number } {
  options = knownOptions(options, 'trainDictionary', TRAIN_KEYS);
  const base = options.base === null ? undefined : (options.base ?? defaultTokenizer).trainingBase();
  const review = !options.keepContradicted;
  const trainer = new DictionaryTrainer({ tags: options.tags ?? 'none', ...(base && review ? { base: base.dictionary } : {}) });
  const lines = (): Iterable<string> => (typeof corpus === 'string' ? corpus.split('\n') : corpus);
  let line = 0;
  for (const text of lines()) trainer.add(text, '<corpus>', ++line);
  const { dictionary, hmm, pos, lines: text } = trainer.build({
    ...(base ? { base } : {}),
    ...(options.ratio !== undefined ? { ratio: options.ratio } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  });
  // A generator is its own iterator, spent by now: no second pass over it.
  if (!review || (typeof corpus !== 'string' && (corpus[Symbol.iterator]() as unknown) === corpus)) {
    return { image: encodeDictionaryImage(dictionary, hmm, false, pos), text: `${text.join('\n')}\n`, words: trainer.words };
  }
  const trained = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
  line = 0;
  for (const sentence of lines()) trainer.review(sentence, (joined) => trained.cut(joined), '<corpus>', ++line);
  return { image: encodeDictionaryImage(dictionary, trainer.reviewedHmm(hmm), false, pos), text: `${text.join('\n')}\n`, words: trainer.words };
}

/**
 * Everything above as one object, for `import jieba from 'jieba-ts'`: the
 * default tokenizer's functions (bound to it), the classes, errors,
 * constants and packaged images.
 *
 * @example
 * import jieba from 'jieba-ts';
 * jieba.cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 */
const jieba = {
  cut,
  cutAll,
  cutForSearch,
  tokenize,
  tag,
  addWord,
  delWord,
  suggestFreq,
  loadUserDict,
  setDictionary,
  extractTags,
  textRank,
  setIdf,
  setStopWords,
  chineseAnalyzer,
  porterStem,
  countWords,
  WordCounts,
  barChartSvg,
  wordCloudSvg,
  chartSvg,
  chartHtml,
  layoutCloud,
  discoverWords,
  NewWordFinder,
  trainDictionary,
  DictionaryTrainer,
  CorpusError,
  searchTokenizer,
  queryTokenizer,
  oramaTokenizer,
  lunrPlugin,
  ANALYZER_STOP_WORDS,
  load,
  Tokenizer,
  TfIdf,
  TextRank,
  DictionaryError,
  ImageError,
  FetchError,
  InvalidUtf8Error,
  CUT_MODES,
  TOKENIZE_MODES,
  OFFSET_UNITS,
  DEFAULT_DICTIONARY,
  BIG_DICTIONARY,
  POS_MODEL,
  IDF_TABLE,
  PADDLE_MODEL,
};

export default jieba;
