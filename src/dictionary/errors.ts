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
