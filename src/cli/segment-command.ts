/**
 * `jieba [FILE]`: segment the input line by line, in this thread or, once
 * the input proves large, in worker threads, always in input order.
 *
 * @module
 */

import { availableParallelism } from 'node:os';
import type { CliOptions } from './args.js';
import { formatBatch, readByteBatches, type ByteSplit } from './byte-batches.js';
import { jobOf, openAndLoad } from './input.js';
import type { CliIo } from './io.js';
import { lineFormatter, splitRuleOf, type LineJob } from './line-job.js';
import { InputError, LONG_LINES, LineTooLong, readLineBatches, type InvalidUtf8, type LineItem, type LongLines } from './lines.js';
import { Output, OutputClosed } from './output.js';
import { LinePool, type PooledOutput, type WorkerSetup } from './pool.js';
import { Progress } from './progress.js';

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


type Write = (chunk: string | Uint8Array) => Promise<void>;

/** `-j 1`: read, split and segment lines in this thread. */
async function segmentHere(
  source: AsyncIterable<Uint8Array>,
  input: { name: string; universal: boolean },
  options: CliOptions,
  longLines: LongLines,
  format: (lines: readonly LineItem[]) => string,
  write: Write,
): Promise<InvalidUtf8 | undefined> {
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
    return error.where;
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
): Promise<InvalidUtf8 | undefined> {
  let pool: LinePool | undefined;
  const pending: Promise<PooledOutput>[] = [];
  let linesBefore = 0;
  let bytesBefore = 0;
  const sizes: number[] = [];
  /** Account for one batch's result, in order; the bad input it reports, if any. */
  const settle = async (result: { output: string | Uint8Array; lines: number; invalid?: InvalidUtf8 }, size: number): Promise<InvalidUtf8 | undefined> => {
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
export async function segmentCommand(options: CliOptions, io: CliIo, say: (text: string) => void): Promise<number> {
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
      say(`jieba: ${new InputError(input.name, invalid).message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
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
