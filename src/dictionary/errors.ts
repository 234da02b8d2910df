/**
 * Errors raised while reading dictionaries and dictionary images.
 *
 * @module
 */

/**
 * A dictionary source could not be read: a malformed line, bytes that are not
 * UTF-8, or a damaged image. The message names the source and, for text, the
 * line; the fields carry the same facts for programs.
 *
 * @example
 * try {
 *   new Tokenizer({ dict: 'word-without-frequency\n' }).cut('x');
 * } catch (error) {
 *   if (error instanceof DictionaryError) console.error(error.message);
 * }
 */
export class DictionaryError extends Error {
  /** Name of the source: a path, or a label such as `<string>`. */
  readonly source: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line: number | undefined;

  constructor(message: string, source: string, line?: number) {
    super(message);
    this.name = 'DictionaryError';
    this.source = source;
    this.line = line;
  }
}

/**
 * A compiled image (a dictionary, model or IDF table) that is damaged,
 * truncated, of another kind, or missing a part: reinstalling or rebuilding
 * it is the remedy. A {@link DictionaryError}, so that code catching those
 * catches these too.
 *
 * @example
 * try {
 *   new Tokenizer({ dict: new Uint8Array(64) }).cut('x');
 * } catch (error) {
 *   if (error instanceof ImageError) console.error(`rebuild ${error.source}: ${error.message}`);
 * }
 */
export class ImageError extends DictionaryError {
  constructor(message: string, source: string) {
    super(message, source);
    this.name = 'ImageError';
  }
}

/**
 * A dictionary, model or image that could not be fetched or read at all: a
 * missing file, a network failure, an HTTP error, or a runtime with no file
 * system where the data was not loaded first. A {@link DictionaryError}, so
 * that code catching those catches these too.
 *
 * @example
 * try {
 *   await Tokenizer.load({ dict: 'https://example.com/missing.img' });
 * } catch (error) {
 *   if (error instanceof FetchError) console.error(`unreachable: ${error.source}`);
 * }
 */
export class FetchError extends DictionaryError {
  constructor(message: string, source: string) {
    super(message, source);
    this.name = 'FetchError';
  }
}
