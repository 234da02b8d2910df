/**
 * The `jieba` command: a drop-in for `python3 -m jieba`.
 *
 * `bin/jieba.js` only calls {@link main} with the process's streams, so
 * everything here can be tested in-process.
 *
 * @module
 */

import { closeSync, createReadStream, fstatSync, openSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { DictionaryError } from '../dictionary/errors.js';
import { availableParallelism } from 'node:os';
import { TextRank, TfIdf, type Keyword, type KeywordOptions, type Tokenizer } from '../index.js';
import { splitRuleFor } from '../cut/stream.js';
import { lineFormatter, splitRuleOf, tokenizerFor, type LineJob } from './line-job.js';
import { LinePool, type PooledOutput, type WorkerSetup } from './pool.js';
import { formatBatch, readByteBatches, type ByteSplit, type InvalidBytes } from './byte-batches.js';
import { Progress } from './progress.js';
import { JIEBA_VERSION, VERSION } from '../version.js';
import { USAGE, helpText, parseArgs, type CliOptions } from './args.js';
import { InputError, LONG_LINES, LineTooLong, readLineBatches, type LineItem, type LongLines } from './lines.js';
import { serveMain } from './serve.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';


/** Thrown to stop a run when standard output has gone away (e.g. `| head`). */
class OutputClosed extends Error {}

/**
 * Buffered writes to a stream: text is gathered into large writes, and
 * waits for 'drain' when the stream is full, so memory stays flat.
 */
class Output {
  /** Text, or UTF-8 already encoded by a worker thread. */
  private pending: (string | Uint8Array)[] = [];
  private size = 0;
  private closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: the reader left. Anything else: also stop writing, reported by flush.
      this.closed = true;
      if (error.code !== 'EPIPE') this.failure = error;
    });
  }

  failure: Error | undefined;

  write(chunk: string | Uint8Array): Promise<void> | void {
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 16) return this.flush();
  }

  async flush(): Promise<void> {
    if (this.closed) throw this.failure ?? new OutputClosed();
    if (this.size === 0) return;
    const pending = this.pending;
    this.pending = [];
    this.size = 0;
    // Consecutive strings go out as one write; encoded bytes as they are.
    let ready = true;
    for (let i = 0; i < pending.length; ) {
      let j = i + 1;
      if (typeof pending[i] === 'string') while (j < pending.length && typeof pending[j] === 'string') j++;
      ready = this.stream.write(j - i === 1 ? pending[i]! : (pending.slice(i, j) as string[]).join(''));
      i = j;
    }
    if (!ready) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          this.stream.off('close', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
        this.stream.on('close', done);
      });
    }
    if (this.closed) throw this.failure ?? new OutputClosed();
  }
}

function describeOpenError(error: NodeJS.ErrnoException): string {
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
function openInput(
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

/** What each line goes through, as the worker threads need it described. */
function jobOf(options: CliOptions): LineJob {
  return {
    dict: options.big ? 'big' : options.dict,
    userDict: options.userDict,
    // Python tests `if args.pos:`, so an empty -p '' means no tagging; with tags, -a is ignored.
    mode: options.pos ? 'tag' : options.cutAll ? 'all' : options.search ? 'search' : 'cut',
    hmm: options.hmm,
    paddle: options.paddle && options.normalize ? { normalize: true } : options.paddle,
    delimiter: options.delimiter,
    posDelimiter: options.pos ?? '_',
  };
}

/** Load the dictionary the options name, or report why not (status 1). */
function loadTokenizer(options: CliOptions, say: (text: string) => void): Tokenizer | number {
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
function saveImage(path: string, options: CliOptions, say: (text: string) => void): number {
  const tokenizer = loadTokenizer(options, say);
  if (typeof tokenizer === 'number') return tokenizer;
  try {
    writeFileSync(path, tokenizer.compileDictionary());
  } catch (error) {
    say(`jieba: cannot write ${path}: ${describeOpenError(error as NodeJS.ErrnoException)}\n`);
    return 1;
  }
  if (!options.quiet) say(`Saved the dictionary to ${path}\n`);
  return 0;
}

/** A keyword as text: `word`, with `:weight` when weights are asked for. */
function keywordText(keyword: Keyword): string {
  if (typeof keyword === 'string') return keyword;
  return 'weight' in keyword ? `${keyword.word}:${keyword.weight}` : keyword.word;
}

/**
 * Open the input, then load the dictionary: the input first, so that a
 * missing file is reported before any work (as Python does). A number is
 * the exit status of a failure already reported.
 */
function openAndLoad(
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

/** `--keywords`: TF-IDF or TextRank keywords of the whole input, or of each line. */
async function keywords(options: CliOptions, io: CliIo, say: (text: string) => void): Promise<number> {
  const opened = openAndLoad(options, io, say);
  if (typeof opened === 'number') return opened;
  const { input, tokenizer } = opened;
  let extract: (text: string) => Keyword[];
  try {
    const keywordOptions: KeywordOptions = {
      topK: options.topK ?? 20,
      withWeight: options.withWeight,
      ...(options.allowPOS ? { allowPOS: options.allowPOS } : {}),
    };
    const stopWords = options.stopWords;
    if (options.keywords === 'textrank') {
      const rank = new TextRank(tokenizer, stopWords === undefined ? {} : { stopWords });
      extract = (text) => rank.extract(text, keywordOptions);
    } else {
      const tfidf = new TfIdf(tokenizer, {
        ...(options.idf === undefined ? {} : { idf: options.idf }),
        ...(stopWords === undefined ? {} : { stopWords }),
      });
      extract = (text) => tfidf.extract(text, keywordOptions);
    }
  } catch (error) {
    if (error instanceof DictionaryError) {
      say(`jieba: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  const output = new Output(io.stdout);
  const print = (found: Keyword[]): Promise<void> | void =>
    output.write((options.json ? JSON.stringify(found) : found.map(keywordText).join(options.delimiter)) + '\n');
  const documentLines: string[] = [];
  let documentUnits = 0;
  const tooLarge = (what: string): string =>
    `jieba: ${input.name}: ${what} is more than --keywords holds as one document ` +
    `(${KEYWORD_DOCUMENT_UNITS.toLocaleString('en-US')} characters); use --each-line, or split the input\n`;
  try {
    // Lines stay whole (paddle's rule never splits), but a line past the limit stops the reading before it can reach V8's.
    const longLines = { rule: splitRuleFor('whole'), partUnits: KEYWORD_DOCUMENT_UNITS, maxUnits: KEYWORD_DOCUMENT_UNITS };
    for await (const lines of readLineBatches(input.stream, {
      universalNewlines: input.universal,
      replaceInvalid: options.replaceInvalid,
      name: input.name,
      longLines,
    })) {
      for (const item of lines) {
        // With a rule that never splits, the reader hands out whole lines only.
        const line = item as string;
        if (!options.eachLine) {
          documentUnits += line.length + 1;
          if (documentUnits > KEYWORD_DOCUMENT_UNITS) {
            await output.flush();
            say(tooLarge('the input'));
            return 1;
          }
          documentLines.push(line);
          continue;
        }
        const written = print(extract(line));
        if (written) await written;
      }
    }
    if (!options.eachLine) await print(extract(documentLines.join('\n')));
    await output.flush();
  } catch (error) {
    if (error instanceof OutputClosed) return 0;
    if (error instanceof InputError) {
      await output.flush().catch(() => undefined);
      say(`jieba: ${error.message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
      return 1;
    }
    if (error instanceof LineTooLong) {
      await output.flush().catch(() => undefined);
      say(tooLarge(`line ${error.line}`));
      return 1;
    }
    throw error;
  }
  return 0;
}

/**
 * The most UTF-16 units `--keywords` takes as one document: 2^26 (64 Mi),
 * some 200 MB of Chinese, far below V8's string limit; its words alone then
 * take about a gigabyte to count.
 */
const KEYWORD_DOCUMENT_UNITS = 1 << 26;

/** Input characters a batch of lines gathers before it is processed (-j 1). */
const BATCH_CHARS = 1 << 17;
/**
 * How `-j N` shares the work: the input bytes a batch gathers before it goes
 * to a worker thread, and those processed in this thread before worker
 * threads are started (small inputs never pay for them).
 */
interface Batching {
  batchBytes: number;
  poolAfterBytes: number;
}

/**
 * Batching for a job: sized by work rather than bytes. Paddle mode costs
 * some fifty times more per byte than the dictionary modes (a 256 KB batch
 * took four seconds), so its batches are 16 times smaller and its workers
 * start after 32 KB, half a second of work; with the dictionary modes'
 * sizes a 1 MB input never left the main thread.
 */
function batchingFor(job: LineJob): Batching {
  return job.paddle ? { batchBytes: 1 << 14, poolAfterBytes: 1 << 15 } : { batchBytes: 1 << 18, poolAfterBytes: 1 << 20 };
}

/** Count the bytes that pass, for the progress line. */
async function* counted(source: AsyncIterable<Uint8Array>, count: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    count(chunk.length);
    yield chunk;
  }
}


/** Where the first invalid UTF-8 of the input was: its line, byte offset and byte. */
interface InvalidInput {
  line: number;
  offset: number;
  byte: number | undefined;
}

type Write = (chunk: string | Uint8Array) => Promise<void>;

/** `-j 1`: read, split and segment lines in this thread. */
async function segmentHere(
  source: AsyncIterable<Uint8Array>,
  input: { name: string; universal: boolean },
  options: CliOptions,
  longLines: LongLines,
  format: (lines: readonly LineItem[]) => string,
  write: Write,
): Promise<InvalidInput | undefined> {
  let batch: LineItem[] = [];
  let batchChars = 0;
  try {
    const reading = { universalNewlines: input.universal, replaceInvalid: options.replaceInvalid, name: input.name, longLines };
    for await (const lines of readLineBatches(source, reading)) {
      for (const item of lines) {
        batch.push(item);
        batchChars += (typeof item === 'string' ? item.length : item.text.length) + 1;
      }
      if (batchChars >= BATCH_CHARS) {
        await write(format(batch));
        batch = [];
        batchChars = 0;
      }
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The lines before the bad one are written.
    if (batch.length > 0) await write(format(batch));
    return { line: error.line, offset: error.byteOffset, byte: error.byte };
  }
  if (batch.length > 0) await write(format(batch));
  return undefined;
}

/**
 * `-j N`: byte batches of whole lines, processed here until the input proves
 * large enough to be worth worker threads, then by N of them, written in
 * order. Stops at the first invalid UTF-8, after the lines before it.
 */
async function segmentInParallel(
  source: AsyncIterable<Uint8Array>,
  name: string,
  setup: WorkerSetup,
  split: ByteSplit,
  { batchBytes, poolAfterBytes }: Batching,
  jobs: number,
  format: (lines: readonly LineItem[]) => string,
  write: Write,
  inputSize: number | undefined,
): Promise<InvalidInput | undefined> {
  let pool: LinePool | undefined;
  const pending: Promise<PooledOutput>[] = [];
  let linesBefore = 0;
  let bytesBefore = 0;
  const sizes: number[] = [];
  /** Account for one batch's result, in order; the bad input it reports, if any. */
  const settle = async (result: { output: string | Uint8Array; lines: number; invalid?: InvalidBytes }, size: number): Promise<InvalidInput | undefined> => {
    await write(result.output);
    if (result.invalid) {
      return { line: linesBefore + result.invalid.line, offset: bytesBefore + result.invalid.offset, byte: result.invalid.byte };
    }
    linesBefore += result.lines;
    bytesBefore += size;
    return undefined;
  };
  // A file known to be large needs no proof: its workers start at once, and
  // load their dictionaries while the first batches are read.
  let processed = inputSize !== undefined && inputSize >= poolAfterBytes ? poolAfterBytes : 0;
  try {
    for await (const batch of readByteBatches(source, setup.batch.universal, batchBytes, split)) {
      if (batch.tooLong) {
        // Everything before it is written first, as for invalid input.
        while (pending.length > 0) {
          const invalid = await settle(await pending.shift()!, sizes.shift()!);
          if (invalid) return invalid;
        }
        throw new LineTooLong(name, linesBefore + 1, split.maxUnits);
      }
      const size = batch.bytes.length;
      if (!pool && processed < poolAfterBytes) {
        processed += size;
        const result = formatBatch(batch, setup.batch, format);
        const invalid = await settle({ output: result.text, lines: result.lines, ...(result.invalid ? { invalid: result.invalid } : {}) }, size);
        if (invalid) return invalid;
        continue;
      }
      pool ??= new LinePool(setup, jobs);
      pending.push(pool.submit(batch));
      sizes.push(size);
      // Keep every worker busy, but no more than two batches each in flight.
      while (pending.length > 2 * jobs) {
        const invalid = await settle(await pending.shift()!, sizes.shift()!);
        if (invalid) return invalid;
      }
    }
    while (pending.length > 0) {
      const invalid = await settle(await pending.shift()!, sizes.shift()!);
      if (invalid) return invalid;
    }
    return undefined;
  } finally {
    // Results still pending after an early stop are dropped with their workers.
    for (const result of pending) result.catch(() => undefined);
    await pool?.close();
  }
}


/**
 * Segment the input line by line. Batches of lines go to worker threads
 * once the input proves large (with `-j` above 1); their output is written
 * in input order, so it is the same as with `-j 1`.
 */
async function segment(options: CliOptions, io: CliIo, say: (text: string) => void): Promise<number> {
  const opened = openAndLoad(options, io, say);
  if (typeof opened === 'number') return opened;
  const { input, tokenizer } = opened;

  const job = jobOf(options);
  const format = lineFormatter(tokenizer, job);
  const output = new Output(io.stdout);
  const progress = new Progress(io.stderr, input.size, io.stdout as { isTTY?: boolean });
  const jobs = options.jobs ?? availableParallelism();
  let bytes = 0;
  const source = counted(input.stream, (n) => (bytes += n));
  const write = async (chunk: string | Uint8Array): Promise<void> => {
    const written = output.write(chunk);
    if (written) await written;
    progress.update(bytes);
  };
  const batchOptions = { universal: input.universal, replaceInvalid: options.replaceInvalid };
  try {
    const longLines = { rule: splitRuleOf(job), ...LONG_LINES };
    const batching = batchingFor(job);
    const split = { rule: longLines.rule, partBytes: 4 * batching.batchBytes, maxUnits: longLines.maxUnits };
    const invalid =
      jobs > 1
        ? await segmentInParallel(source, input.name, { job, batch: batchOptions }, split, batching, jobs, format, write, input.size)
        : await segmentHere(source, input, options, longLines, format, write);
    if (invalid) {
      await output.flush().catch(() => undefined);
      say(`jieba: ${new InputError(input.name, invalid.line, invalid.offset, invalid.byte).message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
      return 1;
    }
    await output.flush();
  } catch (error) {
    if (error instanceof OutputClosed) return 0;
    if (output.failure) {
      say(`jieba: cannot write output: ${output.failure.message}\n`);
      return 1;
    }
    if (error instanceof LineTooLong) {
      await output.flush().catch(() => undefined);
      say(`jieba: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    progress.done();
  }
  return 0;
}

/** Options that cannot go together, as a usage error message. */
function conflictIn(options: CliOptions): string | undefined {
  if (options.cutAll && options.search) return '--search and -a/--cut-all cannot be combined';
  if (options.pos && options.search) return '--search and -p/--pos cannot be combined';
  if (options.keywords === undefined && (options.topK !== undefined || options.eachLine || options.json || options.withWeight || options.allowPOS || options.idf || options.stopWords)) {
    return 'keyword options (--top-k, --with-weight, --allow-pos, --each-line, --json, --idf, --stop-words) need --keywords';
  }
  if (options.keywords !== undefined && (options.pos || options.cutAll || options.search)) {
    return '--keywords cannot be combined with -p, -a or --search';
  }
  if (options.big && options.dict !== undefined) return '--big and -D/--dict cannot be combined';
  if (options.normalize && !options.paddle) return '--normalize needs --paddle';
  if (options.paddle && (options.cutAll || options.search || options.keywords !== undefined)) {
    return '--paddle cannot be combined with -a, --search or --keywords';
  }
  return undefined;
}

/**
 * Run the command with `argv` (without the program name).
 *
 * @returns the exit status: 0 on success, 1 for bad input or files, 2 for a
 *   bad command line (as Python's argparse)
 * @example
 * const status = await main(['-d', 'news.txt'], process);
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `jieba serve ...` is the HTTP API. (A file named "serve" is still
  // reachable as `jieba ./serve` or `jieba -- serve`.)
  if (argv[0] === 'serve') return serveMain(argv.slice(1), io);
  const say = (text: string): void => void io.stderr.write(text);
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(helpText(JIEBA_VERSION));
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`jieba-ts ${VERSION} (jieba ${JIEBA_VERSION})\n`);
    return 0;
  }
  const problem = parsed.kind === 'error' ? parsed.message : conflictIn(parsed.options);
  if (parsed.kind === 'error' || problem !== undefined) {
    say(`${USAGE}\njieba: error: ${problem}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.saveImage !== undefined) return saveImage(options.saveImage, options, say);
  if (options.keywords !== undefined) return keywords(options, io, say);
  return segment(options, io, say);
}
