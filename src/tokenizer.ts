/**
 * The public segmenter: Python jieba's `Tokenizer`.
 *
 * @module
 */

import { expandForSearch } from './cut/search.js';
import { Segmenter, type CutMode } from './cut/segmenter.js';
import { SpanBuffer } from './cut/spans.js';
import { loadDefaultData } from './data/default-data.js';

/** Options of {@link Tokenizer.cut} and {@link Tokenizer.cutForSearch}. */
export interface CutOptions {
  /**
   * Use the HMM to find words missing from the dictionary, as Python's
   * `HMM=True` (the default).
   *
   * @defaultValue true
   * @example
   * cut('他来到了网易杭研大厦', { hmm: false });
   * // ['他', '来到', '了', '网易', '杭', '研', '大厦']
   */
  hmm?: boolean;
}

/** Options of {@link Tokenizer.tokenize}. */
export interface TokenizeOptions extends CutOptions {
  /**
   * `'default'` lists the accurate-mode words; `'search'` also lists, before
   * each long word, its two- and three-character dictionary words, as
   * Python's `tokenize(text, mode='search')`.
   *
   * @defaultValue 'default'
   * @example
   * tokenize('永和服装饰品有限公司', { mode: 'search' });
   */
  mode?: 'default' | 'search';
}

/** A word with its place in the text: `text.slice(start, end) === word`. */
export interface Token {
  /** The word. */
  word: string;
  /** Offset of its first UTF-16 code unit. */
  start: number;
  /** Offset just past its last UTF-16 code unit. */
  end: number;
}

/** Options of the {@link Tokenizer} constructor. */
export interface TokenizerOptions {
  /**
   * Load the dictionary now rather than at the first cut.
   *
   * @defaultValue false
   * @example
   * const tokenizer = new Tokenizer({ eager: true });
   */
  eager?: boolean;
}

function requireText(text: unknown, method: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`jieba-ts: ${method}() expects a string, got ${text === null ? 'null' : typeof text}`);
  }
}

/**
 * A Chinese word segmenter whose output is identical to Python jieba
 * 0.42.1's for the same text, dictionary and options.
 *
 * Each instance owns its dictionary, loaded on first use (or at once with
 * `eager`), and keeps scratch memory between calls. The package's named
 * exports {@link cut}, {@link cutAll}, {@link cutForSearch} and
 * {@link tokenize} are bound to one default instance.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 *
 * const tokenizer = new Tokenizer();
 * tokenizer.cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 */
export class Tokenizer {
  #segmenter: Segmenter | undefined;
  readonly #words = new SpanBuffer();
  readonly #expanded = new SpanBuffer();

  constructor(options: TokenizerOptions = {}) {
    if (options.eager) this.initialize();
  }

  /**
   * Load the dictionary now if it is not loaded yet (Python's
   * `initialize()`); cutting does this by itself.
   *
   * @returns this tokenizer
   * @example
   * const tokenizer = new Tokenizer().initialize();
   */
  initialize(): this {
    this.#ready();
    return this;
  }

  #ready(): Segmenter {
    if (!this.#segmenter) {
      const { dict, model } = loadDefaultData();
      this.#segmenter = new Segmenter(dict, model);
    }
    return this.#segmenter;
  }

  #spans(text: string, mode: CutMode): SpanBuffer {
    const spans = this.#words;
    spans.clear();
    this.#ready().segment(text, mode, spans);
    return spans;
  }

  #searchSpans(text: string, hmm: boolean): SpanBuffer {
    const words = this.#spans(text, hmm ? 'hmm' : 'no-hmm');
    const expanded = this.#expanded;
    expanded.clear();
    expandForSearch(this.#ready().dict, text, words, expanded);
    return expanded;
  }

  /**
   * Accurate mode: the most probable split into words, as Python's
   * `jieba.lcut(text)` (or `lcut(text, HMM=False)` with `{ hmm: false }`).
   * The words, joined, give back `text`.
   *
   * @example
   * tokenizer.cut('他来到了网易杭研大厦');
   * // ['他', '来到', '了', '网易', '杭研', '大厦']
   */
  cut(text: string, options: CutOptions = {}): string[] {
    requireText(text, 'cut');
    return this.#spans(text, options.hmm === false ? 'no-hmm' : 'hmm').toStrings(text);
  }

  /**
   * Full mode: every dictionary word found in the text, overlapping, as
   * Python's `jieba.lcut(text, cut_all=True)`. Like Python, it can yield
   * empty strings around whitespace.
   *
   * @example
   * tokenizer.cutAll('我来到北京清华大学');
   * // ['我', '来到', '北京', '清华', '清华大学', '华大', '大学']
   */
  cutAll(text: string): string[] {
    requireText(text, 'cutAll');
    return this.#spans(text, 'all').toStrings(text);
  }

  /**
   * Search-engine mode: accurate mode, with each long word preceded by the
   * shorter dictionary words inside it, as Python's `jieba.lcut_for_search`.
   *
   * @example
   * tokenizer.cutForSearch('小明硕士毕业于中国科学院计算所');
   * // ['小明', '硕士', '毕业', '于', '中国', '科学', '学院', '科学院', '中国科学院', '计算', '计算所']
   */
  cutForSearch(text: string, options: CutOptions = {}): string[] {
    requireText(text, 'cutForSearch');
    return this.#searchSpans(text, options.hmm !== false).toStrings(text);
  }

  /**
   * Words with their offsets, as Python's `jieba.tokenize`.
   *
   * Offsets are UTF-16 indices into `text`, so `text.slice(start, end)` is
   * always the word. Python counts code points instead; the two agree unless
   * the text holds characters outside the Basic Multilingual Plane (emoji,
   * CJK Extension B...), each of which counts 2 here and 1 in Python. To get
   * Python's offsets, subtract the number of such characters before each one.
   *
   * @example
   * tokenizer.tokenize('永和服装饰品有限公司');
   * // [{ word: '永和', start: 0, end: 2 }, { word: '服装', start: 2, end: 4 }, ...]
   */
  tokenize(text: string, options: TokenizeOptions = {}): Token[] {
    requireText(text, 'tokenize');
    const mode = options.mode ?? 'default';
    if (mode !== 'default' && mode !== 'search') {
      throw new RangeError(`jieba-ts: tokenize() mode must be 'default' or 'search', got ${JSON.stringify(mode)}`);
    }
    const hmm = options.hmm !== false;
    const spans = mode === 'search' ? this.#searchSpans(text, hmm) : this.#spans(text, hmm ? 'hmm' : 'no-hmm');
    const data = spans.data;
    const tokens: Token[] = new Array(spans.length);
    for (let i = 0; i < spans.length; i++) {
      const start = data[2 * i]!;
      const end = data[2 * i + 1]!;
      tokens[i] = { word: text.slice(start, end), start, end };
    }
    return tokens;
  }
}
