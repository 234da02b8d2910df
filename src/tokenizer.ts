/**
 * The segmenter behind the public `Tokenizer`: Python jieba's `Tokenizer`,
 * independent of the runtime (the entry points supply a {@link Platform}).
 *
 * @module
 */

import { UnitStrings } from './text/unit-strings.js';
import { expandForSearch } from './cut/search.js';
import { Segmenter, type SegmenterMode } from './cut/segmenter.js';
import { TOKENIZE_MODES, type CutMode } from './cut/modes.js';
import { SpanBuffer, type WordNodeBuffer } from './text/spans.js';
import { SCRATCH_KEEP } from './scratch.js';
import { StreamBuffer, type StreamMode } from './cut/stream.js';
import { isImage } from './data/image.js';
import { dictionaryFromBytes, encodeDictionaryImage, idfFromImage, lacFromImage, posFromImage, type DictionaryData, type PosImage } from './data/load.js';
import { isPackagedImage, sameImage, whenDamaged } from './data/packaged-image.js';
import type { ModelKind, SharedModels } from './data/shared-models.js';
import { Dictionary } from './dictionary/dictionary.js';
import type { PrefixDictionary } from './dictionary/prefix-dictionary.js';
import type { HmmModel } from './hmm/model.js';
import { DictionaryError } from './dictionary/errors.js';
import type { StaticTrie } from './dictionary/static-trie.js';
import { parseUserDictionary, type UserDictionaryEntry } from './dictionary/user-dictionary.js';
import { PosTagger } from './posseg/tagger.js';
import type { PosModel } from './posseg/model.js';
import { lacAnalyze, lacAnalyzeMany, type LacResult } from './paddle/lac.js';
import type { LacModel } from './paddle/model.js';
import type { IdfTable } from './dictionary/idf-table.js';
import type { Location, Platform } from './platform.js';
import { booleanOption, choiceOption, knownOptions, optionsOf } from './options.js';
import { OFFSET_UNITS, offsetsIn, type OffsetUnit } from './text/offset-units.js';

import {
  checkFrequency,
  CUT_ALL_KEYS,
  cutOptions,
  LOAD_KEYS,
  numberTags,
  requireText,
  SEARCH_KEYS,
  streamOptions,
  textOf,
  TOKENIZE_KEYS,
  TOKENIZER_KEYS,
  type BytesOptions,
  type CutOptions,
  type DictionarySource,
  type LoadOptions,
  type PackableMethod,
  type PackedResult,
  type PaddleOptions,
  type TaggedWord,
  type TextInput,
  type Token,
  type TokenizeOptions,
  type TokenizerOptions,
} from './tokenizer-options.js';

export type { StreamMode } from './cut/stream.js';
export type {
  BytesOptions,
  CutOptions,
  DictionarySource,
  LoadOptions,
  PackableMethod,
  PaddleOptions,
  TaggedWord,
  TextInput,
  Token,
  TokenizeOptions,
  TokenizerOptions,
} from './tokenizer-options.js';
// (Not `PackedResult`: it is internal, and declarations leave it out, so a re-export of it would name nothing.)

/** Models a tokenizer loaded from sources of its own, rather than the package's shared ones. */
interface OwnModels {
  pos?: PosImage;
  idf?: IdfTable;
  paddle?: LacModel;
}

/** Bytes already in hand, or a name for bytes that have to be read or fetched. */
function locationOf(source: DictionarySource): Location | undefined {
  return typeof source === 'string' || source instanceof URL || isPackagedImage(source) ? source : undefined;
}

/**
 * The shared implementation of the public `Tokenizer` class. Construct
 * `Tokenizer` from `jieba-ts`, not this; it is exported for its type
 * (functions that take any platform's tokenizer).
 *
 * @example
 * function words(tokenizer: TokenizerCore, text: string): string[] { return tokenizer.cut(text); }
 * words(new Tokenizer(), '我来到北京清华大学');
 */
export class TokenizerCore {
  readonly #platform: Platform;
  readonly #shared: SharedModels;
  #own: OwnModels = {};
  #source: DictionarySource | undefined;
  readonly #tagSource: DictionarySource | undefined;
  #data: DictionaryData | undefined;
  #segmenter: Segmenter | undefined;
  #tagger: PosTagger | undefined;
  /** Python's `Force_Split_Words`, per tokenizer: words the HMM must split. */
  readonly #forceSplit = new Set<string>();
  /** Python's `user_word_tag_tab`: tags given with added words. */
  readonly #userTags = new Map<string, string>();
  readonly #words = new SpanBuffer();
  /** The tags of `#words` when tagging (see `TaggedSpans`: entries past the words' count are stale). */
  #wordTags: string[] = [];
  /** The base-trie nodes of `#words` when tagging for TF-IDF (see `TaggedSpans.nodes`). */
  #wordNodes: number[] = [];
  /** Words of one and two characters, shared between the results (see {@link UnitStrings}). */
  readonly #strings = new UnitStrings();
  readonly #expanded = new SpanBuffer();

  /**
   * Made by the entry points' `Tokenizer`, which supplies the runtime.
   *
   * @internal
   */
  protected constructor(options: TokenizerOptions, platform: Platform, shared: SharedModels) {
    this.#platform = platform;
    this.#shared = shared;
    const checked = knownOptions(options, 'Tokenizer', TOKENIZER_KEYS);
    this.#source = checked.dict;
    this.#tagSource = checked.tagDict;
    if (booleanOption(checked.eager, 'eager', 'Tokenizer', false)) this.initialize();
  }

  /**
   * Load the dictionary now if it is not loaded yet (Python's
   * `initialize()`); everything else does this by itself.
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
      this.#data = this.#load(this.#source);
      this.#segmenter = new Segmenter(new Dictionary(this.#data.base), this.#data.model, this.#forceSplit);
    }
    return this.#segmenter;
  }

  #isDefault(source: DictionarySource | undefined): boolean {
    return source === undefined || (isPackagedImage(source) && sameImage(source, this.#platform.images.dictionary));
  }

  #load(source: DictionarySource | undefined): DictionaryData {
    if (this.#isDefault(source)) return this.#shared.defaultData();
    return whenDamaged(source, () => this.#decodeDictionary(...this.readSource(source!, 'dictionary')));
  }

  #decodeDictionary(bytes: Uint8Array, name: string): DictionaryData {
    return dictionaryFromBytes(
      bytes,
      name,
      () => this.#shared.defaultData(),
      () => this.#shared.defaultTags(),
    );
  }

  #install(data: DictionaryData, source: DictionarySource | undefined): void {
    this.#source = source;
    this.#data = data;
    this.#segmenter = new Segmenter(new Dictionary(data.base), data.model, this.#forceSplit);
    this.#tagger = undefined;
  }

  /**
   * Fetch or read now what this tokenizer will need, so that the
   * synchronous methods find it ready: its dictionary (or `options.dict`,
   * which replaces it), and the models named in `options`. Everything is
   * fetched at once; if anything fails, nothing changes.
   *
   * Needed before the first cut in browsers, workers and edge runtimes
   * (except for the default dictionary in `jieba-ts/embedded`), which
   * cannot read files synchronously; optional in Node.js, Deno and Bun,
   * which read on first use.
   *
   * @returns this tokenizer, loaded
   * @throws {@link DictionaryError} when a source cannot be fetched or read
   * @example
   * const tokenizer = new Tokenizer();
   * await tokenizer.load({ pos: POS_MODEL });
   * tokenizer.tag('我爱北京天安门');
   */
  async load(options: LoadOptions = {}): Promise<this> {
    options = knownOptions(options, 'load', LOAD_KEYS);
    const images = this.#platform.images;
    const fetchImpl = options.fetch;
    const dict = options.dict !== undefined ? options.dict : this.#source;
    const replace = options.dict !== undefined || !this.#segmenter;
    // The package's own images go to the data all tokenizers share (resolving to undefined); other sources are this tokenizer's.
    const fetchFor = (kind: ModelKind, source: DictionarySource, what: string): Promise<[Uint8Array, string] | undefined> =>
      isPackagedImage(source) && sameImage(source, images[kind])
        ? this.#shared.load(kind, fetchImpl, source).then(() => undefined)
        : this.#bytesOf(source, what, fetchImpl);
    const wanted = (value: boolean | DictionarySource | undefined, kind: ModelKind, what: string): Promise<[Uint8Array, string] | undefined> =>
      value === undefined || value === false ? Promise.resolve(undefined) : fetchFor(kind, value === true ? images[kind] : value, what);
    const pending = [
      replace ? fetchFor('dictionary', dict ?? images.dictionary, 'dictionary') : Promise.resolve(undefined),
      wanted(options.pos, 'pos', 'POS model'),
      wanted(options.keywords, 'idf', 'IDF table'),
      wanted(options.paddle, 'paddle', 'paddle-mode model'),
    ] as const;
    // Let every fetch settle before reporting the first failure, so none goes unhandled.
    const settled = await Promise.allSettled(pending);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const [dictBytes, posBytes, idfBytes, paddleBytes] = settled.map((result) => (result as PromiseFulfilledResult<[Uint8Array, string] | undefined>).value);
    // A text dictionary borrows the default HMM.
    if (dictBytes && !isImage(dictBytes[0])) await this.#shared.load('dictionary', fetchImpl);
    const own: OwnModels = { ...this.#own };
    if (posBytes) own.pos = posFromImage(...posBytes);
    if (idfBytes) own.idf = idfFromImage(...idfBytes);
    if (paddleBytes) own.paddle = lacFromImage(...paddleBytes);
    const data = replace ? (dictBytes ? whenDamaged(dict, () => this.#decodeDictionary(...dictBytes)) : this.#shared.defaultData()) : undefined;
    if (own.pos) this.#shared.noteDefaultTags(own.pos);
    this.#own = own;
    if (data) this.#install(data, dict);
    if (own.pos && this.#tagger) this.#tagger = undefined;
    return this;
  }

  /** The bytes of a source, fetched if it names a location (decompressed), or as given. */
  async #bytesOf(source: DictionarySource, what: string, fetchImpl: typeof fetch | undefined): Promise<[Uint8Array, string]> {
    const location = locationOf(source);
    return location === undefined ? this.readSource(source, what) : whenDamaged(location, () => this.#shared.fetch(location, what, fetchImpl));
  }

  /**
   * The bytes of a source (text is encoded as UTF-8) and its name for
   * messages, read the way this tokenizer's runtime can (files in Node.js,
   * Deno and Bun; bytes anywhere). Keyword extractors use it for their files.
   *
   * @param what - what the source is, for error messages
   * @throws {@link DictionaryError} when a file cannot be read
   * @example
   * const [bytes, name] = tokenizer.readSource('stop_words.txt', 'stop-word file');
   */
  readSource(source: DictionarySource, what: string): [Uint8Array, string] {
    const location = locationOf(source);
    if (location !== undefined) return this.#shared.read(location, what);
    if (source instanceof Uint8Array) return [this.#shared.unzip(source, '<bytes>'), '<bytes>'];
    if (source instanceof ArrayBuffer) return [this.#shared.unzip(new Uint8Array(source), '<bytes>'), '<bytes>'];
    if (source && typeof source === 'object' && typeof (source as { text?: unknown }).text === 'string') {
      const { text, name } = source as { text: string; name?: string };
      return [new TextEncoder().encode(text), name ?? '<text>'];
    }
    throw new TypeError(`jieba-ts: a ${what} must be a path, URL, bytes, a packaged image or { text }`);
  }

  /**
   * Give back scratch memory that a huge call made this tokenizer take
   * (see `SCRATCH_KEEP`); every method calls it before returning. Not part
   * of the public API.
   *
   * @internal
   * @example
   * tokenizer.shrinkScratch();
   */
  shrinkScratch(): void {
    this.#words.shrink();
    this.#expanded.shrink();
    this.#segmenter?.shrink();
    this.#tagger?.shrink();
    if (this.#wordTags.length > SCRATCH_KEEP) this.#wordTags = [];
    if (this.#wordNodes.length > SCRATCH_KEEP) this.#wordNodes = [];
  }

  /** `value`, once the scratch memory is given back: how results leave this class. */
  #release<T>(value: T): T {
    this.shrinkScratch();
    return value;
  }

  #spans(text: string, mode: SegmenterMode): SpanBuffer {
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
  cut(input: TextInput, options: CutOptions & PaddleOptions = {}): string[] {
    const { text, spans, words } = this.#cutSpans('cut', input, options);
    return words ?? this.#release(spans!.toStrings(text, this.#strings));
  }

  /** The words of `cut`, `cutAll` or `cutForSearch` as spans of `text` (as strings in paddle mode), options checked as each method checks them. */
  #cutSpans(method: 'cut' | 'cutAll' | 'cutForSearch', input: TextInput, options: (CutOptions & PaddleOptions) | null | undefined): { text: string; spans?: SpanBuffer; words?: string[] } {
    if (method === 'cut') {
      // cutOptions checks cut's options, all of them.
      const { hmm, paddle } = cutOptions(options, 'cut');
      const text = textOf(input, 'cut', optionsOf(options, 'cut'));
      if (paddle) return { text, words: lacAnalyze(this.#paddle(), text, paddle.normalize).words };
      return { text, spans: this.#spans(text, hmm ? 'hmm' : 'no-hmm') };
    }
    const checked = knownOptions(options, method, method === 'cutAll' ? CUT_ALL_KEYS : SEARCH_KEYS);
    const text = textOf(input, method, checked);
    if (method === 'cutAll') return { text, spans: this.#spans(text, 'all') };
    return { text, spans: this.#searchSpans(text, booleanOption(checked.hmm, 'hmm', 'cutForSearch', true)) };
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
  cutAll(input: TextInput, options: BytesOptions = {}): string[] {
    const { text, spans } = this.#cutSpans('cutAll', input, options);
    return this.#release(spans!.toStrings(text, this.#strings));
  }

  /**
   * Search-engine mode: accurate mode, with each long word preceded by the
   * shorter dictionary words inside it, as Python's `jieba.lcut_for_search`.
   *
   * @example
   * tokenizer.cutForSearch('小明硕士毕业于中国科学院计算所');
   * // ['小明', '硕士', '毕业', '于', '中国', '科学', '学院', '科学院', '中国科学院', '计算', '计算所']
   */
  cutForSearch(input: TextInput, options: CutOptions = {}): string[] {
    const { text, spans } = this.#cutSpans('cutForSearch', input, options);
    return this.#release(spans!.toStrings(text, this.#strings));
  }

  /**
   * Words with their offsets, as Python's `jieba.tokenize`.
   *
   * Offsets are UTF-16 indices into `text`, so `text.slice(start, end)` is
   * always the word. Python counts code points instead; the two agree unless
   * the text holds characters outside the Basic Multilingual Plane (emoji,
   * CJK Extension B...), each of which counts 2 here and 1 in Python.
   * `{ offsets: 'codepoint' }` gives Python's numbers (`'utf8'`, bytes).
   *
   * @example
   * tokenizer.tokenize('永和服装饰品有限公司');
   * // [{ word: '永和', start: 0, end: 2 }, { word: '服装', start: 2, end: 4 }, ...]
   */
  tokenize(input: TextInput, options: TokenizeOptions = {}): Token[] {
    const { text, spans, units } = this.#tokenSpans('tokenize', input, options);
    const data = spans.data;
    const tokens: Token[] = new Array(spans.length);
    for (let i = 0; i < spans.length; i++) {
      const start = data[2 * i]!;
      const end = data[2 * i + 1]!;
      tokens[i] = { word: this.#strings.slice(text, start, end), start, end };
    }
    if (units !== 'utf16') {
      const counted = offsetsIn(units, text, data.slice(0, 2 * spans.length));
      tokens.forEach((token, i) => {
        token.start = counted[2 * i]!;
        token.end = counted[2 * i + 1]!;
      });
    }
    return this.#release(tokens);
  }

  /**
   * Offsets of the words of `text`, without making a string per word: the
   * same words as {@link tokenize} (accurate or search mode), as an
   * `Int32Array` of `[start0, end0, start1, end1, ...]` UTF-16 offsets (or
   * as `offsets` asks). One allocation per call, whatever the number of words.
   *
   * @example
   * const offsets = tokenizer.tokenizeOffsets('永和服装饰品有限公司');
   * // Int32Array [0, 2, 2, 4, 4, 6, 6, 8, 8, 10]
   */
  tokenizeOffsets(input: TextInput, options: TokenizeOptions = {}): Int32Array {
    const { text, spans, units } = this.#tokenSpans('tokenizeOffsets', input, options);
    const offsets = spans.data.slice(0, 2 * spans.length);
    return this.#release(offsetsIn(units, text, offsets));
  }
  /** The words of `tokenize` and `tokenizeOffsets` as spans, options checked as each method checks them. */
  #tokenSpans(method: 'tokenize' | 'tokenizeOffsets', input: TextInput, options: TokenizeOptions | null | undefined): { text: string; spans: SpanBuffer; units: OffsetUnit } {
    const checked = knownOptions(options, method, TOKENIZE_KEYS);
    const text = textOf(input, method, checked);
    const mode = choiceOption(checked.mode, 'mode', method, TOKENIZE_MODES);
    const hmm = booleanOption(checked.hmm, 'hmm', method, true);
    const units = choiceOption(checked.offsets, 'offsets', method, OFFSET_UNITS);
    return { text, spans: mode === 'search' ? this.#searchSpans(text, hmm) : this.#spans(text, hmm ? 'hmm' : 'no-hmm'), units };
  }


  /**
   * The offsets of the words of `cut` (`'default'`), `cutAll` (`'all'`) or
   * `cutForSearch` (`'search'`), as `[start0, end0, ...]`: what the HTTP
   * API's workers send instead of one string per word. Not part of the
   * public API: its shape may change in any release.
   *
   * @internal
   * @example
   * tokenizer.cutOffsets('我来到北京', 'all', true); // Int32Array [0, 1, 1, 3, 3, 5]
   */
  cutOffsets(text: string, mode: CutMode, hmm: boolean): Int32Array {
    requireText(text, 'cutOffsets');
    const spans = mode === 'search' ? this.#searchSpans(text, hmm) : this.#spans(text, mode === 'all' ? 'all' : hmm ? 'hmm' : 'no-hmm');
    return this.#release(spans.data.slice(0, 2 * spans.length));
  }

  /**
   * `tag(text)` as offsets and tag numbers (`names[tags[i]]` is word i's
   * tag), for the HTTP API's workers. Not part of the public API.
   *
   * @internal
   * @example
   * tokenizer.tagOffsets('我爱北京', true); // { offsets: [0, 1, 1, 2, 2, 4], tags: [0, 1, 2], names: ['r', 'v', 'ns'] }
   */
  tagOffsets(text: string, hmm: boolean): { offsets: Int32Array; tags: Uint32Array; names: string[] } {
    requireText(text, 'tagOffsets');
    const tagger = this.#posTagger();
    const out = { spans: this.#words, tags: this.#wordTags, nodes: undefined };
    out.spans.clear();
    tagger.tag(text, hmm, out);
    return this.#release({ offsets: out.spans.data.slice(0, 2 * out.spans.length), ...numberTags(out.tags, out.spans.length) });
  }

  /**
   * For keyword extraction: the words of `cut(text)` that are two or more
   * UTF-16 units long, each with its node in the dictionary's trie, appended
   * to `out`. Returns that trie, or undefined (writing nothing) when words
   * were added to the dictionary. TF-IDF uses it to count words by node.
   * Not part of the public API: its shape may change in any release.
   *
   * @internal
   * @example
   * const words = new WordNodeBuffer();
   * const trie = tokenizer.segmentLongWords('我来到北京清华大学', words); // 北京, 清华大学
   */
  segmentLongWords(text: string, out: WordNodeBuffer): StaticTrie | undefined {
    const segmenter = this.#ready();
    return segmenter.segmentLongWords(text, out) ? segmenter.dict.base.trie : undefined;
  }

  /** The words of one self-contained piece of text, in a stream mode. */
  #wordsOf(text: string, mode: StreamMode, hmm: boolean): string[] {
    if (mode === 'all') return this.cutAll(text);
    if (mode === 'search') return this.cutForSearch(text, { hmm });
    return this.cut(text, { hmm });
  }

  /**
   * Cut text that arrives in pieces (chunks of a file, a socket...), with
   * exactly the words `cut` would give for the whole text. Each yielded
   * array holds the words of the text that can be cut so far: the text up
   * to the last point that later text cannot change (a boundary between
   * jieba's blocks of Han and other characters); pieces may split lines or
   * characters anywhere, surrogate pairs included.
   *
   * @param options - `mode`: `'default'` (cut), `'all'` (cutAll) or
   *   `'search'` (cutForSearch); `hmm`
   * @example
   * for await (const words of tokenizer.cutChunks(createReadStream('big.txt', 'utf8'))) {
   *   process.stdout.write(words.join(' '));
   * }
   */
  async *cutChunks(
    source: AsyncIterable<string> | Iterable<string>,
    options: { mode?: StreamMode; hmm?: boolean } = {},
  ): AsyncGenerator<string[]> {
    const { mode, hmm } = streamOptions(options, 'cutChunks');
    const buffer = new StreamBuffer(mode);
    for await (const chunk of source) {
      requireText(chunk, 'cutChunks', 'string chunks');
      const ready = buffer.push(chunk);
      if (ready) yield this.#wordsOf(ready, mode, hmm);
    }
    const rest = buffer.end();
    if (rest) yield this.#wordsOf(rest, mode, hmm);
  }

  /**
   * {@link cutChunks} as a Web Streams `TransformStream`: write text, read
   * arrays of words. Works in Node.js, Deno, Bun, browsers and workers.
   *
   * @example
   * await response.body.pipeThrough(new TextDecoderStream()).pipeThrough(tokenizer.cutStream()).pipeTo(sink);
   */
  cutStream(options: { mode?: StreamMode; hmm?: boolean } = {}): TransformStream<string, string[]> {
    const { mode, hmm } = streamOptions(options, 'cutStream');
    const buffer = new StreamBuffer(mode);
    return new TransformStream<string, string[]>({
      transform: (chunk, controller) => {
        requireText(chunk, 'cutStream', 'string chunks');
        const ready = buffer.push(chunk);
        if (ready) controller.enqueue(this.#wordsOf(ready, mode, hmm));
      },
      flush: (controller) => {
        const rest = buffer.end();
        if (rest) controller.enqueue(this.#wordsOf(rest, mode, hmm));
      },
    });
  }

  /**
   * Part-of-speech tagging, as Python's `jieba.posseg.lcut(text, HMM=hmm)`:
   * the words (segmented by posseg's own rules, which differ from `cut`'s
   * on unknown words) with their tags. The POS model is loaded on first use.
   *
   * @throws {@link DictionaryError} when the tag dictionary has a line that
   *   is not `word freq tag` (Python's posseg refuses such a file too)
   * @example
   * tokenizer.tag('我爱北京天安门');
   * // [{ word: '我', tag: 'r' }, { word: '爱', tag: 'v' }, { word: '北京', tag: 'ns' }, { word: '天安门', tag: 'ns' }]
   */
  tag(input: TextInput, options: CutOptions & PaddleOptions = {}): TaggedWord[] {
    const { text, out, words: paddleWords } = this.#tagSpans(input, options);
    if (paddleWords) return paddleWords;
    const data = out!.spans.data;
    const words: TaggedWord[] = new Array(out!.spans.length);
    for (let i = 0; i < out!.spans.length; i++) words[i] = { word: this.#strings.slice(text, data[2 * i]!, data[2 * i + 1]!), tag: out!.tags[i]! };
    return this.#release(words);
  }

  /**
   * The words of `tag(text)` two or more UTF-16 units long whose tag is in
   * `allow`, into `out` (node -1: the counter finds a dictionary word's node
   * itself); returns the trie that nodes refer to. What TF-IDF with
   * `allowPOS` counts (shorter words it always drops), with no object,
   * string or array per call. Not part of the public API.
   *
   * @internal
   * @example
   * const trie = tokenizer.taggedLongWords('我爱北京天安门', new Set(['ns']), words); // 北京, 天安门
   */
  taggedLongWords(text: string, allow: ReadonlySet<string>, out: WordNodeBuffer): StaticTrie {
    const { out: tagged } = this.#tagSpans(text, undefined, this.#wordNodes);
    const { spans, tags, nodes } = tagged!;
    const data = spans.data;
    for (let i = 0; i < spans.length; i++) {
      const start = data[2 * i]!;
      const end = data[2 * i + 1]!;
      if (end - start > 1 && allow.has(tags[i]!)) out.push(start, end, nodes![i]!);
    }
    return this.#release(this.#ready().dict.base.trie);
  }

  /** The words of `tag` as spans and tags (as objects in paddle mode), options checked as `tag` checks them. */
  #tagSpans(
    input: TextInput,
    options: (CutOptions & PaddleOptions) | null | undefined,
    nodes?: number[],
  ): { text: string; out?: { spans: SpanBuffer; tags: string[]; nodes?: number[] }; words?: TaggedWord[] } {
    const { hmm, paddle } = cutOptions(options, 'tag');
    const text = textOf(input, 'tag', optionsOf(options, 'tag'));
    if (paddle) {
      const { words, tags } = lacAnalyze(this.#paddle(), text, paddle.normalize);
      return { text, words: words.map((word, i) => ({ word, tag: tags[i]! })) };
    }
    const out = { spans: this.#words, tags: this.#wordTags, nodes };
    out.spans.clear();
    this.#posTagger().tag(text, hmm, out);
    return { text, out };
  }

  /**
   * The result of `cut`, `cutAll`, `cutForSearch`, `tokenize` or `tag` as
   * offsets into the text (and tag numbers), which cross between threads
   * for a fraction of the cost of one string (or object) per word: what
   * `jieba-ts/pool`'s workers send; `unpackResult` makes the method's own
   * result of it. Options are checked as the method checks them. The text
   * is included only when the input was bytes. Not part of the public API.
   *
   * @internal
   */
  packed(method: PackableMethod, input: TextInput, options: object | null | undefined): PackedResult {
    const text = (decoded: string): { text?: string } => (typeof input === 'string' ? {} : { text: decoded });
    if (method === 'tokenize') {
      const { text: decoded, spans, units } = this.#tokenSpans('tokenize', input, options);
      return this.#release({ kind: 'tokens', ...text(decoded), offsets: spans.data.slice(0, 2 * spans.length), units });
    }
    if (method === 'tag') {
      const { text: decoded, out, words } = this.#tagSpans(input, options);
      if (words) return { kind: 'value', value: words };
      return this.#release({ kind: 'tagged', ...text(decoded), offsets: out!.spans.data.slice(0, 2 * out!.spans.length), ...numberTags(out!.tags, out!.spans.length) });
    }
    const { text: decoded, spans, words } = this.#cutSpans(method, input, options);
    if (words) return { kind: 'value', value: words };
    return this.#release({ kind: 'words', ...text(decoded), offsets: spans!.data.slice(0, 2 * spans!.length) });
  }

  /**
   * Paddle mode's words and tags for each text of `texts`, as `cut` and
   * `tag` with `{ paddle }` give them one text at a time, but faster: the
   * texts go through the network two at a time. What the CLI does with its
   * batches of lines. Not part of the public API.
   *
   * @internal
   * @example
   * tokenizer.paddleMany(['我爱北京天安门', '你好'], false)[0].words; // ['我', '爱', '北京', '天安门']
   */
  paddleMany(texts: readonly string[], normalize: boolean): LacResult[] {
    return lacAnalyzeMany(this.#paddle(), texts, normalize);
  }

  #paddle(): LacModel {
    return this.#own.paddle ?? this.#shared.paddle();
  }

  #posTagger(): PosTagger {
    const segmenter = this.#ready();
    if (!this.#tagger) {
      // A POS model given to load() wins; then one the dictionary image carries (from jieba train --tags).
      const model = this.#own.pos?.model ?? this.#data!.pos ?? this.#shared.pos().model;
      const source = this.#tagSource === undefined ? this.#data!.base : this.#load(this.#tagSource).base;
      if (!source.tags) throw new DictionaryError(source.tagError ?? 'the dictionary has no POS tags', '<dictionary>');
      this.#tagger = new PosTagger(segmenter.dict, source, this.#userTags, model);
    }
    return this.#tagger;
  }

  /**
   * jieba.analyse's default IDF table (`idf.txt`), loaded once per process
   * when first needed.
   *
   * @example
   * tokenizer.defaultIdf().median; // 11.9547675029
   */
  defaultIdf(): IdfTable {
    return this.#own.idf ?? this.#shared.idf();
  }

  /**
   * Add a word, or change its frequency, as Python's `add_word`. Without a
   * frequency, {@link suggestFreq} picks one just high enough for the word
   * to be cut out whole. As in Python, the frequency is added to the total
   * (an old frequency of the word is not taken off), every prefix of the
   * word becomes known, and a frequency of 0 also stops the HMM from
   * producing the word.
   *
   * @param freq - a non-negative number, truncated to an integer like Python's `int()`
   * @param tag - a part-of-speech tag for POS tagging
   * @example
   * tokenizer.addWord('杭研大厦');
   * tokenizer.cut('他来到了网易杭研大厦'); // [..., '网易', '杭研大厦']
   */
  addWord(word: string, freq?: number, tag?: string): void {
    requireText(word, 'addWord');
    if (tag !== undefined) requireText(tag, 'addWord', 'a string tag');
    const segmenter = this.#ready();
    const value = freq === undefined || freq === null ? this.suggestFreq(word) : checkFrequency(freq, 'addWord');
    segmenter.dict.setFrequency(word, value);
    if (tag) this.#userTags.set(word, tag);
    if (value === 0) this.#forceSplit.add(word);
  }

  /**
   * Make a word unknown, as Python's `del_word` (which is `add_word(word, 0)`).
   *
   * @example
   * tokenizer.delWord('清华大学');
   * tokenizer.cut('我来到北京清华大学'); // [..., '清华', '大学']
   */
  delWord(word: string): void {
    requireText(word, 'delWord');
    this.addWord(word, 0);
  }

  /**
   * The frequency that makes `segment` come out as one word (a string) or
   * as the given pieces (an array), as Python's `suggest_freq`; with `tune`,
   * also apply it with {@link addWord}.
   *
   * @example
   * tokenizer.suggestFreq(['中', '将'], true); // lets '中将' split
   * tokenizer.suggestFreq('台中', true); // keeps '台中' whole
   */
  suggestFreq(segment: string | readonly string[], tune = false): number {
    const dict = this.#ready().dict;
    const total = dict.total;
    const get = (word: string, absent: number): number => {
      const freq = dict.frequencyOf(word, 0, word.length);
      return freq < 0 ? absent : freq;
    };
    let freq = 1;
    let word: string;
    if (typeof segment === 'string') {
      word = segment;
      for (const piece of this.cut(word, { hmm: false })) freq *= get(piece, 1) / total;
      freq = Math.max(Math.trunc(freq * total) + 1, get(word, 1));
    } else {
      if (!Array.isArray(segment)) throw new TypeError('jieba-ts: suggestFreq() expects a string or an array of strings');
      segment.forEach((piece) => requireText(piece, 'suggestFreq', 'strings in the array'));
      word = segment.join('');
      for (const piece of segment) freq *= get(piece, 1) / total;
      freq = Math.min(Math.trunc(freq * total), get(word, 0));
    }
    if (tune) this.addWord(word, freq);
    return freq;
  }

  /**
   * Add the words of a user dictionary, as Python's `load_userdict`: one
   * `word [freq] [tag]` per line, read by Python's rules (words may hold
   * spaces, a byte order mark or CRLF is fine, a capitalised tag becomes
   * part of the word). The whole source is read and checked first, so a
   * bad file changes nothing.
   *
   * @example
   * tokenizer.loadUserDict('userdict.txt');
   * tokenizer.loadUserDict({ text: '云计算 5\n李小福 2 nr\n' });
   * @throws {@link DictionaryError} for unreadable sources and non-UTF-8
   *   bytes, naming the source and line
   */
  loadUserDict(source: DictionarySource): this {
    this.#ready();
    let entries: UserDictionaryEntry[];
    let name: string;
    if (source && typeof source === 'object' && !(source instanceof URL) && 'text' in source) {
      name = source.name ?? '<text>';
      entries = parseUserDictionary(source.text, name);
    } else {
      let bytes: Uint8Array;
      [bytes, name] = this.readSource(source, 'user dictionary');
      entries = parseUserDictionary(bytes, name);
    }
    // Every line is checked before any word is added: nothing half-applied.
    for (const entry of entries) {
      if (entry.freq !== undefined && !Number.isSafeInteger(entry.freq)) {
        throw new DictionaryError(`${name}: line ${entry.line}: frequency too large`, name, entry.line);
      }
    }
    for (const entry of entries) this.addWord(entry.word, entry.freq, entry.tag);
    return this;
  }

  /**
   * Switch to another main dictionary, as Python's `set_dictionary`: words
   * added so far are dropped with the old dictionary, while words deleted
   * with {@link delWord} stay barred from the HMM and tags given with
   * {@link addWord} stay (as in Python). The new dictionary is read now, so
   * a bad one is reported here and leaves the tokenizer as it was.
   *
   * @example
   * tokenizer.setDictionary(BIG_DICTIONARY);
   */
  setDictionary(source: DictionarySource): this {
    this.#install(this.#load(source), source);
    return this;
  }

  /**
   * Python's `FREQ.get(word)`: the word's frequency, 0 for a known prefix
   * of a word, `undefined` for an unknown string.
   *
   * @example
   * tokenizer.wordFrequency('中国'); // 129470
   */
  wordFrequency(word: string): number | undefined {
    requireText(word, 'wordFrequency');
    const freq = this.#ready().dict.frequencyOf(word, 0, word.length);
    return freq < 0 ? undefined : freq;
  }

  /**
   * Python's `Tokenizer.total`: the sum of all frequencies, including those
   * of added words.
   *
   * @example
   * new Tokenizer().total; // 60101967
   */
  get total(): number {
    return this.#ready().dict.total;
  }

  /**
   * The current dictionary (with added words) as a compiled image, which
   * `new Tokenizer({ dict })` loads with no parsing.
   *
   * @example
   * writeFileSync('mine.img', tokenizer.compileDictionary());
   * new Tokenizer({ dict: 'mine.img' });
   */
  compileDictionary(): Uint8Array {
    const dict = this.#ready().dict;
    const base =
      dict.isPristine && this.#userTags.size === 0
        ? dict.base
        : dict.compile(this.#userTags, '<compiled>');
    return encodeDictionaryImage(base, this.#data!.model, false, this.#data!.pos);
  }

  /**
   * The dictionary as it stands (added words included), the HMM and the POS model: what
   * `jieba train` merges a corpus into. Not part of the public API.
   *
   * @internal
   */
  trainingBase(): { dictionary: PrefixDictionary; hmm: HmmModel; pos: () => PosModel } {
    const dict = this.#ready().dict;
    return {
      dictionary: dict.isPristine && this.#userTags.size === 0 ? dict.base : dict.compile(this.#userTags, '<compiled>'),
      hmm: this.#data!.model,
      // Read only for a tagged corpus: the default model is a file of its own.
      pos: () => this.#own.pos?.model ?? this.#data!.pos ?? this.#shared.pos().model,
    };
  }
}
