/**
 * jieba-ts for browsers and edge workers (`jieba-ts/browser`): no file
 * system, so dictionaries arrive as bytes, or are fetched from URLs by
 * {@link Tokenizer.load}.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts/browser';
 *
 * const tokenizer = await Tokenizer.load(); // fetches the compiled default dictionary
 * tokenizer.cut('我来到北京清华大学'); // ['我', '来到', '北京', '清华大学']
 *
 * @module
 */

import { dictionaryFromBytes, type DictionaryData } from './data/load.js';
import { decodeImage, isImage } from './data/image.js';
import { idfFromSections, posFromSections, tagsFromSections } from './data/sections.js';
import type { IdfTable } from './analyse/idf-table.js';
import type { WordTags } from './dictionary/prefix-dictionary.js';
import type { PosModel } from './posseg/model.js';
import { lacFromSections, type LacModel } from './paddle/model.js';
import { DictionaryError } from './dictionary/errors.js';
import type { Platform } from './platform.js';
import { TokenizerCore, type DictionarySource, type TokenizerOptions } from './tokenizer.js';

export type { CutOptions, PaddleOptions, DictionarySource, TaggedWord, Token, TokenizeOptions, TokenizerOptions } from './tokenizer.js';
export { DictionaryError } from './dictionary/errors.js';
export { TextRank, TfIdf } from './analyse/extractors.js';
export type { FlagOptions, WeightFlagOptions, WeightOptions, WordsOptions } from './analyse/extractors.js';
export type { Keyword, KeywordOptions, TaggedKeyword, WeightedKeyword, WeightedTaggedKeyword } from './analyse/keywords.js';

/**
 * URL of the compiled default dictionary in the package. Bundlers that
 * understand `new URL(path, import.meta.url)` (Vite, webpack 5, esbuild with
 * a loader) copy the file and rewrite the URL.
 */
export const DEFAULT_DICTIONARY = new URL('../data/default.img', import.meta.url);

/** URL of the compiled big dictionary (`dict.txt.big`, with traditional-Chinese words). */
export const BIG_DICTIONARY = new URL('../data/big.img', import.meta.url);

/** URL of the compiled IDF table, fetched by `Tokenizer.load({ keywords: true })`. */
export const IDF_TABLE = new URL('../data/idf.img', import.meta.url);

/** URL of the compiled POS model, fetched by `Tokenizer.load({ pos: true })`. */
export const POS_MODEL = new URL('../data/posseg.img', import.meta.url);

/**
 * URL of the compiled paddle-mode model (12 MiB), fetched by `Tokenizer.load({ paddle: true })`.
 *
 * @example
 * await Tokenizer.load({ paddle: PADDLE_MODEL });
 */
export const PADDLE_MODEL = new URL('../data/paddle.img', import.meta.url);

/** Options of {@link Tokenizer.load}. */
export interface LoadOptions {
  /**
   * The main dictionary: a URL (fetched), or anything the constructor
   * takes. The default dictionary when absent.
   *
   * @example
   * await Tokenizer.load({ dict: BIG_DICTIONARY });
   * await Tokenizer.load({ dict: '/dicts/mine.img' });
   */
  dict?: DictionarySource;
  /**
   * Also fetch the POS model, so that `tag` works: `true` for the one in
   * the package ({@link POS_MODEL}), or the URL it is served from.
   *
   * @defaultValue false
   * @example
   * const tokenizer = await Tokenizer.load({ pos: true });
   * tokenizer.tag('我爱北京天安门');
   * await Tokenizer.load({ dict: '/jieba/default.img', pos: '/jieba/posseg.img' });
   */
  pos?: boolean | string | URL;
  /**
   * Also fetch the IDF table, so that TF-IDF keywords work: `true` for the
   * one in the package ({@link IDF_TABLE}), or the URL it is served from.
   *
   * @defaultValue false
   * @example
   * const tokenizer = await Tokenizer.load({ pos: true, keywords: true });
   */
  keywords?: boolean | string | URL;
  /**
   * Also load the paddle-mode model, so that `cut(text, { paddle: true })`
   * and `tag(text, { paddle: true })` work: `true` for the one in the
   * package ({@link PADDLE_MODEL}), the URL it is served from, or its bytes.
   *
   * @defaultValue false
   * @example
   * const tokenizer = await Tokenizer.load({ paddle: true });
   * tokenizer.cut('我来到北京清华大学', { paddle: true }); // ['我', '来到', '北京清华大学']
   * await Tokenizer.load({ paddle: await (await fetch('/models/paddle.img')).arrayBuffer() });
   */
  paddle?: boolean | string | URL | ArrayBuffer | Uint8Array;
  /**
   * The `fetch` to use, for workers or tests.
   *
   * @defaultValue globalThis.fetch
   * @example
   * await Tokenizer.load({ fetch: myFetch });
   */
  fetch?: typeof fetch;
}

async function fetchBytes(url: string | URL, fetchImpl: typeof fetch): Promise<Uint8Array> {
  const name = String(url);
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new DictionaryError(`cannot fetch ${name}: ${(error as Error).message}`, name);
  }
  if (!response.ok) throw new DictionaryError(`cannot fetch ${name}: HTTP ${response.status}`, name);
  return new Uint8Array(await response.arrayBuffer());
}

function platformWith(
  defaults: DictionaryData | undefined,
  pos: PosModel | undefined,
  idf: IdfTable | undefined,
  defaultTags: WordTags | undefined,
  paddle: LacModel | undefined,
): Platform {
  return {
    defaultDictionary: DEFAULT_DICTIONARY,
    readFile(path) {
      throw new Error(
        `jieba-ts: cannot read ${String(path)} here: browsers have no file system; pass the bytes, or use await Tokenizer.load({ dict: url })`,
      );
    },
    defaultData() {
      if (!defaults) {
        throw new Error('jieba-ts: in a browser, create tokenizers with await Tokenizer.load(), or pass a compiled image as dict');
      }
      return defaults;
    },
    posModel() {
      if (!pos) throw new Error('jieba-ts: in a browser, POS tagging needs the model: create the tokenizer with await Tokenizer.load({ pos: true })');
      return pos;
    },
    defaultTags() {
      if (!defaultTags) {
        throw new DictionaryError(
          'the POS tags of the default dictionary come with the POS model: create the tokenizer with await Tokenizer.load({ pos: true })',
          String(DEFAULT_DICTIONARY),
        );
      }
      return defaultTags;
    },
    paddleModel() {
      if (!paddle) {
        throw new Error('jieba-ts: in a browser, paddle mode needs its model: create the tokenizer with await Tokenizer.load({ paddle: true })');
      }
      return paddle;
    },
    idfTable() {
      if (!idf) throw new Error('jieba-ts: in a browser, TF-IDF needs the IDF table: create the tokenizer with await Tokenizer.load({ keywords: true })');
      return idf;
    },
  };
}

/**
 * A Chinese word segmenter identical to Python jieba 0.42.1, for browsers.
 * Create it with {@link Tokenizer.load}, or synchronously from the bytes of
 * a compiled image (`new Tokenizer({ dict: bytes })`).
 *
 * @example
 * const tokenizer = await Tokenizer.load();
 * tokenizer.cut('他来到了网易杭研大厦'); // ['他', '来到', '了', '网易', '杭研', '大厦']
 */
export class Tokenizer extends TokenizerCore {
  /**
   * @param options - `dict` must be bytes or text here (a compiled image
   *   carries everything; text also needs the default dictionary's HMM,
   *   which only {@link Tokenizer.load} fetches)
   * @param defaults - the default dictionary, when already loaded
   * @param pos - the POS model, when already loaded
   * @param idf - the default IDF table, when already loaded
   * @param defaultTags - the default dictionary's tags (from the POS model's image), when already loaded
   * @param paddle - the paddle-mode model, when already loaded
   */
  constructor(
    options: TokenizerOptions = {},
    defaults?: DictionaryData,
    pos?: PosModel,
    idf?: IdfTable,
    defaultTags?: WordTags,
    paddle?: LacModel,
  ) {
    super(options, platformWith(defaults, pos, idf, defaultTags, paddle));
  }

  /**
   * Fetch what the tokenizer needs and create it, loaded.
   *
   * @example
   * const tokenizer = await Tokenizer.load({ dict: BIG_DICTIONARY });
   */
  static async load(options: LoadOptions = {}): Promise<Tokenizer> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const urlOf = (wanted: boolean | string | URL | undefined, fallback: URL): string | URL | undefined =>
      wanted === true ? fallback : wanted === false || wanted === undefined ? undefined : wanted;
    const posUrl = urlOf(options.pos, POS_MODEL);
    const idfUrl = urlOf(options.keywords, IDF_TABLE);
    const paddleBytes = options.paddle instanceof ArrayBuffer ? new Uint8Array(options.paddle) : options.paddle instanceof Uint8Array ? options.paddle : undefined;
    const paddleUrl = paddleBytes ? undefined : urlOf(options.paddle as boolean | string | URL | undefined, PADDLE_MODEL);
    // Everything is fetched at once; only the default dictionary waits, to
    // learn whether the main one is an image (which needs no defaults).
    const fetching = {
      dict: typeof options.dict === 'string' || options.dict instanceof URL ? fetchBytes(options.dict, fetchImpl) : undefined,
      pos: posUrl === undefined ? undefined : fetchBytes(posUrl, fetchImpl),
      idf: idfUrl === undefined ? undefined : fetchBytes(idfUrl, fetchImpl),
      paddle: paddleBytes ? Promise.resolve(paddleBytes) : paddleUrl === undefined ? undefined : fetchBytes(paddleUrl, fetchImpl),
    };
    // Settle the others even if one fails, so no rejection goes unhandled.
    const settled = Promise.allSettled([fetching.dict, fetching.pos, fetching.idf, fetching.paddle]);
    let dict: DictionarySource | undefined;
    try {
      dict = fetching.dict ? await fetching.dict : (options.dict as DictionarySource | undefined);
    } finally {
      if (fetching.dict) await settled;
    }
    const bytes = dict instanceof ArrayBuffer ? new Uint8Array(dict) : dict;
    let pos: PosModel | undefined;
    let defaultTags: WordTags | undefined;
    if (fetching.pos) {
      const name = String(posUrl);
      const sections = decodeImage(await fetching.pos, name);
      pos = posFromSections(sections, name);
      defaultTags = tagsFromSections(sections, name, 'default.');
    }
    let defaults: DictionaryData | undefined;
    if (!(bytes instanceof Uint8Array && isImage(bytes))) {
      // The default dictionary itself, or the HMM that a text dictionary lacks.
      const url = DEFAULT_DICTIONARY;
      defaults = dictionaryFromBytes(
        await fetchBytes(url, fetchImpl),
        String(url),
        () => {
          throw new DictionaryError(`${String(url)} lacks the HMM`, String(url));
        },
        defaultTags && (() => defaultTags!),
      );
    }
    let idf: IdfTable | undefined;
    if (fetching.idf) {
      const name = String(idfUrl);
      idf = idfFromSections(decodeImage(await fetching.idf, name), name);
    }
    let paddle: LacModel | undefined;
    if (fetching.paddle) {
      const name = paddleBytes ? '<paddle model bytes>' : String(paddleUrl);
      paddle = lacFromSections(decodeImage(await fetching.paddle, name), name);
    }
    return new Tokenizer({ dict: bytes, eager: true }, defaults, pos, idf, defaultTags, paddle);
  }
}
