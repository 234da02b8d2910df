// Where jieba-ts-paddle's image is. The URL is worked out only when asked
// for, inside a function, so that importing this module never fails; Vite,
// webpack 5 and Rollup (with a plugin) see `new URL(path, import.meta.url)`
// and emit the file.

/**
 * jieba's paddle-mode model (LAC small), compiled (uncompressed: it is read straight into
 * the memory it runs from). Pass it to
 * jieba-ts's `load({ paddle })`.
 *
 * @example
 * import { Tokenizer } from 'jieba-ts';
 * import { PADDLE_MODEL } from 'jieba-ts-paddle';
 * const tokenizer = await Tokenizer.load({ paddle: PADDLE_MODEL });
 * tokenizer.cut('我来到北京清华大学', { paddle: true }); // ['我', '来到', '北京清华大学']
 */
export const PADDLE_MODEL = {
  packageName: 'jieba-ts-paddle',
  file: 'paddle.img',
  url: () => new URL('./paddle.img', import.meta.url),
};
