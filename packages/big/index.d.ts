/**
 * jieba's big dictionary (dict.txt.big and the HMM), compiled and gzipped.
 * Pass it wherever jieba-ts takes a dictionary; it has the shape of
 * jieba-ts's `PackagedImage`.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { BIG_DICTIONARY } from 'jieba-ts-big';
 * const tokenizer = await Tokenizer.load({ dict: BIG_DICTIONARY });
 */
export declare const BIG_DICTIONARY: {
  /** The package that ships the image. */
  readonly packageName: 'jieba-ts-big';
  /** Its path inside the package. */
  readonly file: 'big.img.gz';
  /** Where the image is, worked out when called. */
  url(): URL;
};
