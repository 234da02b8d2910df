// Where jieba-ts-big's image is. The URL is worked out only when asked for,
// inside a function, so that importing this module never fails; Vite,
// webpack 5 and Rollup (with a plugin) see `new URL(path, import.meta.url)`
// and emit the file.

/**
 * jieba's big dictionary (dict.txt.big and the HMM), compiled and gzipped.
 * Pass it wherever jieba-ts takes a dictionary.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { BIG_DICTIONARY } from 'jieba-ts-big';
 * const tokenizer = await Tokenizer.load({ dict: BIG_DICTIONARY });
 */
export const BIG_DICTIONARY = {
  packageName: 'jieba-ts-big',
  file: 'big.img.gz',
  url: () => new URL('./big.img.gz', import.meta.url),
};
