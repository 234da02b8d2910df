/**
 * Opening what a command reads: the input (a file or standard input) and the
 * dictionary, with failures reported as Python's command reports them.
 *
 * @module
 */

import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { DictionaryError } from '../dictionary/errors.js';
import type { Tokenizer } from '../index.js';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import { tokenizerFor, type LineJob } from './line-job.js';
import { writeFileAtomic } from './write-file.js';

/** What an error opening a file says, as Python's messages put it. */
export function describeOpenError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return error.message;
  }
}

/** Open the input: FILE with universal newlines, standard input with `\n` only (as Python). */
export function openInput(
  options: CliOptions,
  io: CliIo,
): { stream: AsyncIterable<Uint8Array>; name: string; universal: boolean; size: number | undefined } {
  const filename = options.filename;
  if (filename === undefined || filename === '-') {
    return { stream: io.stdin as AsyncIterable<Uint8Array>, name: '<stdin>', universal: false, size: undefined };
  }
  // Open now, so a missing file is reported before any work starts.
  const fd = openSync(filename, 'r');
  let size: number;
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { stream: createReadStream('', { fd, highWaterMark: 1 << 16 }), name: filename, universal: true, size: size || undefined };
}

/** An input {@link openInput} opened. */
export type OpenedInput = ReturnType<typeof openInput>;

/** What each line goes through, as the worker threads need it described. */
export function jobOf(options: CliOptions): LineJob {
  return {
    dict: options.big ? 'big' : options.dict,
    userDict: options.userDict,
    // Python tests `if args.pos:`, so an empty -p '' means no tagging; with tags, -a is ignored.
    mode: options.pos ? 'tag' : options.cutAll ? 'all' : options.search ? 'search' : 'default',
    hmm: options.hmm,
    paddle: options.paddle && options.normalize ? { normalize: true } : options.paddle,
    delimiter: options.delimiter,
    posDelimiter: options.pos ?? '_',
  };
}

/** Load the dictionary the options name, or report why not (status 1). */
export function loadTokenizer(options: CliOptions, say: (text: string) => void): Tokenizer | number {
  const started = performance.now();
  const job = jobOf(options);
  try {
    if (!options.quiet) say(`Building prefix dict from ${job.dict === undefined ? 'the default dictionary' : job.dict} ...\n`);
    const tokenizer = tokenizerFor(job);
    if (!options.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(3);
      say(`Loading model cost ${seconds} seconds.\nPrefix dict has been built successfully.\n`);
    }
    return tokenizer;
  } catch (error) {
    if (error instanceof DictionaryError) {
      say(`jieba: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `--save-image`: compile the dictionary and write it. */
export function saveImage(path: string, options: CliOptions, say: (text: string) => void): number {
  const tokenizer = loadTokenizer(options, say);
  if (typeof tokenizer === 'number') return tokenizer;
  try {
    writeFileAtomic(path, tokenizer.compileDictionary());
  } catch (error) {
    say(`jieba: cannot write ${path}: ${describeOpenError(error as NodeJS.ErrnoException)}\n`);
    return 1;
  }
  if (!options.quiet) say(`Saved the dictionary to ${path}\n`);
  return 0;
}

/**
 * Open the input, then load the dictionary: the input first, so that a
 * missing file is reported before any work (as Python does). A number is
 * the exit status of a failure already reported.
 */
export function openAndLoad(
  options: CliOptions,
  io: CliIo,
  say: (text: string) => void,
): { input: ReturnType<typeof openInput>; tokenizer: Tokenizer } | number {
  let input: ReturnType<typeof openInput>;
  try {
    input = openInput(options, io);
  } catch (error) {
    say(`jieba: cannot open ${options.filename}: ${describeOpenError(error as NodeJS.ErrnoException)}\n`);
    return 1;
  }
  const tokenizer = loadTokenizer(options, say);
  return typeof tokenizer === 'number' ? tokenizer : { input, tokenizer };
}
