/**
 * References to the compiled images that ship in npm packages: jieba-ts's
 * own (the default dictionary, the POS model, the IDF table) and those of
 * its companion packages (`jieba-ts-big`, `jieba-ts-paddle`).
 *
 * A reference is a plain object, so that importing one does no work that
 * could fail: where the file is gets worked out only when it is first
 * read. A bundled module may have no usable `import.meta.url`, and a
 * companion package may not be installed; either then gives one clear
 * error, at that moment, saying what to do.
 *
 * @module
 */

import { DictionaryError, ImageError, FetchError } from '../dictionary/errors.js';

/**
 * A compiled image shipped in an npm package. Pass it wherever a
 * dictionary or model source goes.
 *
 * @example
 * import { Tokenizer, BIG_DICTIONARY } from 'jieba-ts';
 * new Tokenizer({ dict: BIG_DICTIONARY }); // needs the package jieba-ts-big
 */
export interface PackagedImage {
  /** The npm package that ships it, e.g. `'jieba-ts'` or `'jieba-ts-big'`. */
  readonly packageName: string;
  /** Its path inside that package, e.g. `'dist/data/posseg.img.gz'`. */
  readonly file: string;
  /**
   * Where the file is, worked out when called: `new URL(path,
   * import.meta.url)` in the module that ships the file, which Vite,
   * webpack and Rollup (with a plugin) rewrite to the copy they emit.
   * Absent where no module states it, and it may throw where
   * `import.meta.url` is gone (IIFE and CommonJS bundles).
   */
  url?(): URL;
}

/**
 * Whether `value` is a {@link PackagedImage}.
 *
 * @example
 * isPackagedImage(BIG_DICTIONARY); // true
 */
export function isPackagedImage(value: unknown): value is PackagedImage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PackagedImage).packageName === 'string' &&
    typeof (value as PackagedImage).file === 'string'
  );
}

/** Whether two references name the same file of the same package. */
export function sameImage(a: PackagedImage, b: PackagedImage): boolean {
  return a.packageName === b.packageName && a.file === b.file;
}

/**
 * How messages name an image: `jieba-ts-big/big.img.gz`.
 *
 * @example
 * imageName(BIG_DICTIONARY); // 'jieba-ts-big/big.img.gz'
 */
export function imageName(image: PackagedImage): string {
  return `${image.packageName}/${image.file}`;
}

/**
 * Run `decode`, which reads `location` (synchronously, or as a promise);
 * if that is a packaged image found damaged, the error also says to
 * reinstall its package.
 *
 * @example
 * const data = whenDamaged(BIG_DICTIONARY, () => readAndDecode(BIG_DICTIONARY));
 */
export function whenDamaged<T>(location: unknown, decode: () => T): T {
  const remedy = (error: unknown): never => {
    if (!isPackagedImage(location) || !(error instanceof DictionaryError) || /cannot (find|locate|fetch)|not loaded/.test(error.message)) throw error;
    const message = `${error.message}; reinstall the package ${location.packageName} (npm install ${location.packageName})`;
    // The same kind of error, with the remedy added.
    if (error instanceof ImageError) throw new ImageError(message, error.source);
    if (error instanceof FetchError) throw new FetchError(message, error.source);
    throw new DictionaryError(message, error.source, error.line);
  };
  try {
    const result = decode();
    return (result instanceof Promise ? result.catch(remedy) : result) as T;
  } catch (error) {
    return remedy(error);
  }
}

/** jieba-ts's own images, by what they hold. Their `url()`, where one is needed, is added by the entry that ships them. */
export const OWN_IMAGES = {
  /** dict.txt and the finalseg HMM, uncompressed: Node.js reads it at start-up without decompressing. */
  dictionary: { packageName: 'jieba-ts', file: 'dist/data/default.img' },
  /** The same, gzipped: what browsers fetch. */
  dictionaryGz: { packageName: 'jieba-ts', file: 'dist/data/default.img.gz' },
  /** `jieba.posseg`'s model and dict.txt's word tags. */
  pos: { packageName: 'jieba-ts', file: 'dist/data/posseg.img.gz' },
  /** `jieba.analyse`'s idf.txt. */
  idf: { packageName: 'jieba-ts', file: 'dist/data/idf.img.gz' },
  /** dict.txt.big, in the companion package. */
  big: { packageName: 'jieba-ts-big', file: 'big.img.gz' },
  /** The paddle-mode model, in the companion package. */
  paddle: { packageName: 'jieba-ts-paddle', file: 'paddle.img' },
} as const satisfies Record<string, PackagedImage>;
