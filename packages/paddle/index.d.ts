/**
 * jieba's paddle-mode model (LAC small), compiled, uncompressed. Pass it to
 * jieba-ts's `load({ paddle })`; it has the shape of jieba-ts's
 * `PackagedImage`.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { PADDLE_MODEL } from 'jieba-ts-paddle';
 * const tokenizer = await Tokenizer.load({ paddle: PADDLE_MODEL });
 */
export declare const PADDLE_MODEL: {
  /** The package that ships the image. */
  readonly packageName: 'jieba-ts-paddle';
  /** Its path inside the package. */
  readonly file: 'paddle.img';
  /** Where the image is, worked out when called. */
  url(): URL;
};
