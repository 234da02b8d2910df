/**
 * `jieba-ts/images/posseg`: where the POS model is, for bundlers. Import
 * it only where tagging is used, so that an app that only cuts never ships
 * the file.
 *
 * @example
 * import { load, tag } from 'jieba-ts';
 * import { POS_MODEL } from 'jieba-ts/images/posseg';
 *
 * await load({ pos: POS_MODEL });
 * tag('我爱北京天安门');
 *
 * @module
 */

import { OWN_IMAGES, type PackagedImage } from './data/packaged-image.js';

/**
 * The compiled POS model of `jieba.posseg`, gzipped (1 MiB). Its URL is
 * `new URL('../data/posseg.img.gz', import.meta.url)`, which Vite and
 * webpack 5 (and Rollup with a plugin) rewrite to the file they emit.
 *
 * @example
 * await Tokenizer.load({ pos: POS_MODEL });
 */
export const POS_MODEL: PackagedImage = {
  ...OWN_IMAGES.pos,
  url: () => new URL('../data/posseg.img.gz', import.meta.url),
};
