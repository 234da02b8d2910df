/**
 * What the methods of {@link TokenizerCore} take and give: the types of
 * their inputs, options and results, and the checks that turn a caller's
 * options into settings (with Python-like messages for a bad one).
 * `tokenizer.ts` re-exports the public types.
 *
 * @module
 */

import { CUT_MODES, type TokenizeMode } from './cut/modes.js';
import type { StreamMode } from './cut/stream.js';
import type { PackagedImage } from './data/packaged-image.js';
import { booleanOption, choiceOption, describeValue, knownOptions, optionKeys } from './options.js';
import type { OffsetUnit } from './text/offset-units.js';
import { decodeUtf8, type InvalidUtf8Handling } from './text/utf8.js';

/**
 * Text to cut: a string, or its UTF-8 bytes (a `Uint8Array`, a `Buffer`).
 * Bytes are decoded first, a leading byte-order mark kept as Python keeps
 * it; invalid UTF-8 is an {@link InvalidUtf8Error} naming the byte offset,
 * unless `{ invalidUtf8: 'replace' }` asks for U+FFFD. (Python's jieba
 * decodes bytes that are not UTF-8 as GBK, dropping what GBK cannot read.)
 *
 * @example
 * cut(readFileSync('news.txt')); // the words of the file's text
 */
export type TextInput = string | Uint8Array;

/** Options of every method that takes {@link TextInput}. */
export interface BytesOptions {
  /**
   * Bytes that are not UTF-8: an error (the default) or U+FFFD for each
   * bad sequence, as `TextDecoder` reads them. Strings are unaffected.
   *
   * @defaultValue 'error'
   * @example
   * cut(Buffer.from([0xe4, 0xb8, 0xad, 0xff]), { invalidUtf8: 'replace' }); // ['中', '\ufffd']
   */
  invalidUtf8?: InvalidUtf8Handling;
}

/** Options of {@link Tokenizer.cut} and {@link Tokenizer.cutForSearch}. */
export interface CutOptions extends BytesOptions {
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

/** Options of `cut` and `tag` beyond {@link CutOptions}. */
export interface PaddleOptions {
  /**
   * Paddle mode, as Python's `use_paddle=True`: Baidu's LAC network (a
   * character BiGRU-CRF, run here in TypeScript) instead of the dictionary
   * and HMM; `hmm` and the dictionary are then not used. Tags are LAC's
   * (`n`, `v`, `PER`, `LOC`, `ORG`, `TIME`, `nw`, ...). The model (12 MiB)
   * loads on first use. As in Python, surrounding whitespace is dropped and
   * a character the model does not know comes out as a space.
   *
   * `{ normalize: true }` departs from Python to get better results: the
   * model was trained on normalised text, which jieba does not give it, so
   * Chinese punctuation, capitals and full-width forms reach it as
   * characters it never learned. Normalised, they are looked up in their
   * trained forms (the words keep the original characters, unknown ones
   * included); on SIGHAN 2005 this lifts word F1 by 0.05-0.07.
   *
   * @defaultValue false
   * @example
   * cut('我来到北京清华大学', { paddle: true }); // ['我', '来到', '北京清华大学']
   * tag('我爱北京天安门', { paddle: true });
   * // [{ word: '我', tag: 'r' }, { word: '爱', tag: 'v' }, { word: '北京', tag: 'LOC' }, { word: '天安门', tag: 'LOC' }]
   * cut('他说：“你好！”', { paddle: { normalize: true } });
   */
  paddle?: boolean | { normalize?: boolean };
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
  mode?: TokenizeMode;
  /**
   * The unit of `start` and `end`: UTF-16 code units (`'utf16'`, so that
   * `text.slice(start, end)` is the word), bytes of the text's UTF-8
   * encoding (`'utf8'`, as SQLite FTS5 and many stores count; a lone
   * surrogate counts 3 bytes, as `TextEncoder` writes U+FFFD), or code
   * points (`'codepoint'`: Python's offsets, the numbers `jieba.tokenize`
   * gives; they differ from UTF-16's after a character outside the Basic
   * Multilingual Plane, which counts 1 instead of 2).
   *
   * @defaultValue 'utf16'
   * @example
   * tokenize('中文abc', { offsets: 'utf8' }); // [{ word: '中文', start: 0, end: 6 }, { word: 'abc', start: 6, end: 9 }]
   * tokenize('😀中文', { offsets: 'codepoint' }); // [{ word: '😀', start: 0, end: 1 }, { word: '中文', start: 1, end: 3 }]
   */
  offsets?: OffsetUnit;
}

/** A word and its part-of-speech tag, as Python's `posseg.pair`. */
export interface TaggedWord {
  /** The word. */
  word: string;
  /** Its tag: a tag of the dictionary or the POS model (`n`, `v`, `nr`, ...), or `m`, `eng`, `x` by rule. */
  tag: string;
}

/**
 * A word with its place in the text: `text.slice(start, end) === word`
 * (with `{ offsets: 'utf8' }`, byte offsets into the UTF-8 text instead;
 * with `{ offsets: 'codepoint' }`, code-point offsets, as Python's).
 */
export interface Token {
  /** The word. */
  word: string;
  /** Offset of its first UTF-16 code unit (or byte, or code point). */
  start: number;
  /** Offset just past its last UTF-16 code unit (or byte, or code point). */
  end: number;
}

/**
 * Where a dictionary (or another data file) comes from:
 * - a path or `file:` URL (Node.js, Deno, Bun) of a `dict.txt`-format file
 *   or a compiled image; `load()` also fetches `http:` and `https:` URLs;
 * - the bytes of either (`Uint8Array` or `ArrayBuffer`): an image is
 *   recognised by its magic number;
 * - any of these gzipped (recognised too);
 * - a {@link PackagedImage}: an image shipped in jieba-ts or a companion
 *   package, such as `BIG_DICTIONARY`;
 * - `{ text }`: dictionary text, with an optional `name` for error messages.
 *
 * @example
 * new Tokenizer({ dict: 'my-dict.txt' });
 * new Tokenizer({ dict: { text: '云计算 5 n\n', name: 'inline' } });
 * new Tokenizer({ dict: BIG_DICTIONARY });
 */
export type DictionarySource = string | URL | Uint8Array | ArrayBuffer | PackagedImage | { text: string; name?: string };

/**
 * Options of `load()`: what to fetch or read now, so that the synchronous
 * methods find it ready. In Node.js, Deno and Bun everything is also read
 * on first use; in browsers, workers and edge runtimes data must be loaded
 * first (the default dictionary excepted in `jieba-ts/embedded`).
 */
export interface LoadOptions {
  /**
   * The main dictionary, as in the constructor (it replaces the current
   * one, as {@link Tokenizer.setDictionary}); the tokenizer's own, the
   * default unless given, when absent. URLs are fetched.
   *
   * @example
   * await Tokenizer.load({ dict: '/dicts/mine.img' });
   */
  dict?: DictionarySource;
  /**
   * The POS model, so that `tag` works: `POS_MODEL` (from
   * `jieba-ts/images/posseg` in a browser), its URL or bytes, or `true`
   * for the entry's own `POS_MODEL`.
   *
   * @defaultValue false
   * @example
   * await load({ pos: POS_MODEL });
   */
  pos?: boolean | DictionarySource;
  /**
   * The IDF table, so that TF-IDF keywords work: `IDF_TABLE` (from
   * `jieba-ts/images/idf` in a browser), its URL or bytes, or `true`.
   *
   * @defaultValue false
   * @example
   * await load({ pos: POS_MODEL, keywords: IDF_TABLE });
   */
  keywords?: boolean | DictionarySource;
  /**
   * The paddle-mode model, so that `{ paddle: true }` works:
   * `PADDLE_MODEL` from the package `jieba-ts-paddle`, its URL or bytes,
   * or `true`.
   *
   * @defaultValue false
   * @example
   * import { PADDLE_MODEL } from 'jieba-ts-paddle';
   * await load({ paddle: PADDLE_MODEL });
   */
  paddle?: boolean | DictionarySource;
  /**
   * The `fetch` to use, for workers or tests.
   *
   * @defaultValue globalThis.fetch
   * @example
   * await Tokenizer.load({ fetch: myFetch });
   */
  fetch?: typeof fetch;
}

/** Options of the `Tokenizer` constructor. */
export interface TokenizerOptions {
  /**
   * The main dictionary, as Python's `Tokenizer(dictionary)`; jieba's
   * `dict.txt` when absent.
   *
   * @example
   * new Tokenizer({ dict: BIG_DICTIONARY }); // jieba's dict.txt.big, for traditional Chinese
   */
  dict?: DictionarySource;
  /**
   * Where POS tags of dictionary words come from (the third column of a
   * `dict.txt`-format file, or a compiled image); the main dictionary when
   * absent. Python's posseg reads them from its tokenizer's dictionary file,
   * except that `python3 -m jieba -p -D DICT` takes them from the default
   * dictionary, which the `jieba` command reproduces with this option.
   *
   * @example
   * new Tokenizer({ dict: 'untagged.txt', tagDict: DEFAULT_DICTIONARY });
   */
  tagDict?: DictionarySource;
  /**
   * Load the dictionary now rather than at the first use.
   *
   * @defaultValue false
   * @example
   * const tokenizer = new Tokenizer({ eager: true });
   */
  eager?: boolean;
}

/** Every option of each method, for {@link knownOptions} (`CUT_KEYS` and `STREAM_KEYS` are checked here, the others by the methods). */
const CUT_KEYS = optionKeys<CutOptions & PaddleOptions>()(['hmm', 'paddle', 'invalidUtf8']);
export const CUT_ALL_KEYS = optionKeys<BytesOptions>()(['invalidUtf8']);
export const SEARCH_KEYS = optionKeys<CutOptions>()(['hmm', 'invalidUtf8']);
export const TOKENIZE_KEYS = optionKeys<TokenizeOptions>()(['mode', 'hmm', 'offsets', 'invalidUtf8']);
const STREAM_KEYS = optionKeys<{ mode?: StreamMode; hmm?: boolean }>()(['mode', 'hmm']);
export const TOKENIZER_KEYS = optionKeys<TokenizerOptions>()(['dict', 'tagDict', 'eager']);
export const LOAD_KEYS = optionKeys<LoadOptions>()(['dict', 'pos', 'keywords', 'paddle', 'fetch']);

/**
 * The `hmm` and `paddle` options of `cut` and `tag`, checked.
 *
 * @internal
 * @example
 * cutOptions({ paddle: true }, 'cut'); // { hmm: true, paddle: { normalize: false } }
 */
export function cutOptions(options: (CutOptions & PaddleOptions) | null | undefined, method: string): { hmm: boolean; paddle: { normalize: boolean } | undefined } {
  const checked = knownOptions(options, method, CUT_KEYS);
  const hmm = booleanOption(checked.hmm, 'hmm', method, true);
  const paddle = checked.paddle;
  if (paddle === undefined || paddle === false) return { hmm, paddle: undefined };
  if (paddle === true) return { hmm, paddle: { normalize: false } };
  if (typeof paddle !== 'object' || paddle === null || Array.isArray(paddle)) {
    throw new TypeError(`jieba-ts: ${method}() option paddle must be true, false or { normalize }, got ${describeValue(paddle)}`);
  }
  return { hmm, paddle: { normalize: booleanOption(paddle.normalize, 'paddle.normalize', method, false) } };
}

/**
 * The `mode` and `hmm` options of the streaming methods, checked.
 *
 * @internal
 * @example
 * streamOptions({ mode: 'search' }, 'cutStream'); // { mode: 'search', hmm: true }
 */
export function streamOptions(options: { mode?: StreamMode; hmm?: boolean } | null | undefined, method: string): { mode: StreamMode; hmm: boolean } {
  const checked = knownOptions(options, method, STREAM_KEYS);
  return {
    mode: choiceOption(checked.mode, 'mode', method, CUT_MODES),
    hmm: booleanOption(checked.hmm, 'hmm', method, true),
  };
}

const INVALID_UTF8: readonly InvalidUtf8Handling[] = ['error', 'replace'];

/**
 * The text of `input`: itself if a string, decoded if UTF-8 bytes (see {@link TextInput}).
 *
 * @internal
 * @example
 * textOf(Buffer.from('中文'), 'cut', {}); // '中文'
 */
export function textOf(input: unknown, method: string, options: BytesOptions): string {
  const invalid = choiceOption(options.invalidUtf8, 'invalidUtf8', method, INVALID_UTF8);
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return decodeUtf8(input, method, invalid);
  throw new TypeError(`jieba-ts: ${method}() expects a string or UTF-8 bytes (a Uint8Array), got ${input === null ? 'null' : typeof input}`);
}

/**
 * Tags as numbers into a list of their names: `names[tags[i]]` is the tag of word i.
 *
 * @internal
 * @example
 * numberTags(['n', 'v', 'n'], 3); // { tags: Uint32Array [0, 1, 0], names: ['n', 'v'] }
 */
export function numberTags(list: readonly string[], count: number): { tags: Uint32Array; names: string[] } {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  const tags = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const tag = list[i]!;
    let n = numbers.get(tag);
    if (n === undefined) {
      n = names.push(tag) - 1;
      numbers.set(tag, n);
    }
    tags[i] = n;
  }
  return { tags, names };
}

/** The methods whose results {@link TokenizerCore.packed} packs. */
export type PackableMethod = 'cut' | 'cutAll' | 'cutForSearch' | 'tokenize' | 'tag';

/**
 * A result as offsets (see {@link TokenizerCore.packed}): words, tokens
 * (UTF-16 offsets; `utf8` asks for byte offsets), tagged words, or the
 * result itself where there are no offsets (paddle mode).
 *
 * @internal
 */
export type PackedResult =
  | { kind: 'value'; value: unknown }
  | { kind: 'words'; text?: string; offsets: Int32Array }
  | { kind: 'tokens'; text?: string; offsets: Int32Array; units: OffsetUnit }
  | { kind: 'tagged'; text?: string; offsets: Int32Array; tags: Uint32Array; names: string[] };

/**
 * Throws a `TypeError` naming `method` unless `text` is a string.
 *
 * @internal
 * @example
 * requireText(word, 'addWord', 'a word (a string)');
 */
export function requireText(text: unknown, method: string, what = 'a string'): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`jieba-ts: ${method}() expects ${what}, got ${text === null ? 'null' : typeof text}`);
  }
}

/**
 * Python's `int(freq)` for the frequencies jieba-ts accepts: finite, truncated, not negative.
 *
 * @internal
 * @example
 * checkFrequency(10.7, 'addWord'); // 10
 */
export function checkFrequency(freq: unknown, method: string): number {
  if (typeof freq !== 'number' || !Number.isFinite(freq)) {
    throw new TypeError(`jieba-ts: ${method}() frequency must be a finite number, got ${String(freq)}`);
  }
  const value = Math.trunc(freq) + 0;
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) {
    // Python accepts a negative frequency and then fails in math.log at the first cut that meets the word.
    throw new RangeError(`jieba-ts: ${method}() frequency must be between 0 and 2^53 - 1, got ${freq}`);
  }
  return value;
}

