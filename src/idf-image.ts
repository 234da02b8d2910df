/**
 * `jieba-ts/images/idf`: where the IDF table of TF-IDF keywords is, for
 * bundlers. Import it only where `extractTags` is used, so that other apps
 * never ship the file.
 *
 * @example
 * import { extractTags, load } from 'jieba-ts';
 * import { IDF_TABLE } from 'jieba-ts/images/idf';
 *
 * await load({ keywords: IDF_TABLE });
 * extractTags(text, { topK: 5 });
 *
 * @module
 */

import { OWN_IMAGES, type PackagedImage } from './data/packaged-image.js';

/**
 * The compiled IDF table of `jieba.analyse` (`idf.txt`), gzipped (0.9
 * MiB). Its URL is `new URL('../data/idf.img.gz', import.meta.url)`,
 * which Vite and webpack 5 (and Rollup with a plugin) rewrite to the file
 * they emit.
 *
 * @example
 * await Tokenizer.load({ keywords: IDF_TABLE });
 */
export const IDF_TABLE: PackagedImage = {
  ...OWN_IMAGES.idf,
  url: () => new URL('../data/idf.img.gz', import.meta.url),
};
