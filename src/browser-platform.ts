/**
 * The platform of browsers, workers and edge runtimes (`jieba-ts/browser`,
 * and `jieba-ts` under the `browser` export condition): no file system, so
 * data is fetched by `load()` and used synchronously afterwards.
 *
 * Only the default dictionary's URL is written here, as
 * `new URL('../data/default.img.gz', import.meta.url)`, inside a function:
 * Vite and webpack then emit that one file, and an IIFE bundle, whose
 * `import.meta` is empty, fails only if it asks for it. The optional images
 * sit behind their own imports (`jieba-ts/images/posseg`,
 * `jieba-ts/images/idf`, `jieba-ts-big`, `jieba-ts-paddle`), so an app
 * ships only those it uses.
 *
 * @module
 */

import { OWN_IMAGES, type PackagedImage } from './data/packaged-image.js';
import { SharedModels } from './data/shared-models.js';
import { fetchBytes, gunzipBytes, notLoaded } from './fetch-io.js';
import type { Platform } from './platform.js';

/**
 * The compiled default dictionary, gzipped (1.3 MiB), which `load()`
 * fetches; bundlers that understand `new URL(path, import.meta.url)`
 * (Vite, webpack 5, Rollup with a plugin) emit the file.
 *
 * @example
 * await Tokenizer.load({ dict: DEFAULT_DICTIONARY });
 */
export const DEFAULT_DICTIONARY: PackagedImage = {
  ...OWN_IMAGES.dictionaryGz,
  url: () => new URL('../data/default.img.gz', import.meta.url),
};

/**
 * The big dictionary; in a browser, import it from `jieba-ts-big`, whose
 * reference knows where the file is.
 *
 * @example
 * import { BIG_DICTIONARY } from 'jieba-ts-big';
 * await Tokenizer.load({ dict: BIG_DICTIONARY });
 */
export const BIG_DICTIONARY: PackagedImage = OWN_IMAGES.big;

/**
 * The IDF table; in a browser, import it from `jieba-ts/images/idf`.
 *
 * @example
 * import { IDF_TABLE } from 'jieba-ts/images/idf';
 * await load({ keywords: IDF_TABLE });
 */
export const IDF_TABLE: PackagedImage = OWN_IMAGES.idf;

/**
 * The POS model; in a browser, import it from `jieba-ts/images/posseg`.
 *
 * @example
 * import { POS_MODEL } from 'jieba-ts/images/posseg';
 * await load({ pos: POS_MODEL });
 */
export const POS_MODEL: PackagedImage = OWN_IMAGES.pos;

/**
 * The paddle-mode model; in a browser, import it from `jieba-ts-paddle`.
 *
 * @example
 * import { PADDLE_MODEL } from 'jieba-ts-paddle';
 * await load({ paddle: PADDLE_MODEL });
 */
export const PADDLE_MODEL: PackagedImage = OWN_IMAGES.paddle;

/** Browsers, workers and edge runtimes. */
export const platform: Platform = {
  read(location, what) {
    throw notLoaded(location, what);
  },
  fetch: fetchBytes,
  gunzip: gunzipBytes,
  images: { dictionary: DEFAULT_DICTIONARY, pos: POS_MODEL, idf: IDF_TABLE, big: BIG_DICTIONARY, paddle: PADDLE_MODEL },
};

/** The data every tokenizer of this entry shares, once `load()` has fetched it. */
export const sharedModels = new SharedModels(platform);
