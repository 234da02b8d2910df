/**
 * `--jsonl FIELD` and `--tsv COLUMN`: every segmentation mode as a record
 * filter, one output record per input record, so that `jieba` runs
 * unchanged as a Hadoop Streaming mapper or under Spark's `RDD.pipe`.
 *
 * - JSON Lines: the words of each record's FIELD (with `-p`, `[word, tag]`
 *   pairs) are added as a new field (`FIELD_words`, `FIELD_tags`, or
 *   `--output-field`) at the end of the record, the rest of the line kept
 *   byte for byte.
 * - TSV: column COLUMN (1 for the first) is replaced by its words joined by
 *   the delimiter (`-d`; with `-p`, `word_tag`), the other columns kept.
 *
 * With `-j N` (N > 1), the records' texts are cut by a pool of N worker
 * threads, and the output keeps the input's order; without it, one thread.
 * An empty line gives an empty line. A record that is not JSON, not an
 * object, lacks the field or the column, or holds no string there stops
 * the run with the file and the line (status 1), the records before it
 * written.
 *
 * @module
 */

import type { CliOptions } from './args.js';
import { jobOf, openAndLoad } from './input.js';
import type { CliIo } from './io.js';
import { InputError, readLineBatches } from './lines.js';
import { Output, OutputClosed } from './output.js';
import type { Tokenizer } from '../index.js';
import { nodeWorkerSpawner } from '../pool/node.js';
import { TokenizerPool } from '../pool/pool.js';

/** A record that cannot be read. */
export class RecordError extends Error {}

/** The words of a text, or `[word, tag]` pairs with `-p`. */
type Words = string[] | [string, string][];

/** The words (or `[word, tag]` pairs) of a text, as the options ask. */
export function wordsOf(tokenizer: Tokenizer, options: CliOptions): (text: string) => Words {
  const job = jobOf(options);
  const { hmm, paddle } = job;
  if (job.mode === 'tag') return (text) => tokenizer.tag(text, { hmm, paddle }).map(({ word, tag }) => [word, tag] as [string, string]);
  if (job.mode === 'all') return (text) => tokenizer.cutAll(text);
  if (job.mode === 'search') return (text) => tokenizer.cutForSearch(text, { hmm });
  return (text) => tokenizer.cut(text, { hmm, paddle });
}

/** A record read: the text to cut, and how its output line is made from the words. */
interface RecordPlan {
  text: string;
  finish(words: Words): string;
}

/**
 * How an input line becomes a record plan.
 *
 * @throws RecordError for a record that cannot be read
 */
export function recordReader(options: CliOptions): (line: string) => RecordPlan {
  if (options.jsonl !== undefined) {
    const field = options.jsonl;
    const output = options.outputField ?? `${field}${options.pos ? '_tags' : '_words'}`;
    return (line) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new RecordError(`not JSON (${(error as Error).message})`);
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new RecordError('the record is not a JSON object');
      const text = (record as Record<string, unknown>)[field];
      if (typeof text !== 'string') throw new RecordError(text === undefined ? `the record has no field ${JSON.stringify(field)}` : `field ${JSON.stringify(field)} is not a string`);
      if (Object.hasOwn(record, output)) throw new RecordError(`the record already has a field ${JSON.stringify(output)} (name another with --output-field)`);
      // The new field is written into the line as it is, not into a re-serialised record:
      // JSON.parse would round numbers past 2^53 and drop duplicate keys.
      const end = line.replace(/[ \t\r\n]+$/, '').length - 1;
      const separator = Object.keys(record).length === 0 ? '' : ',';
      return { text, finish: (words) => `${line.slice(0, end)}${separator}${JSON.stringify(output)}:${JSON.stringify(words)}}` };
    };
  }
  const column = options.tsv! - 1;
  const delimiter = options.delimiter;
  const posDelimiter = options.pos ?? '_';
  return (line) => {
    const columns = line.split('\t');
    if (column >= columns.length) throw new RecordError(`the line has ${columns.length} column${columns.length === 1 ? '' : 's'}, not ${column + 1}`);
    return {
      text: columns[column]!,
      finish: (words) => {
        columns[column] = words.map((w) => (typeof w === 'string' ? w : w[0] + posDelimiter + w[1])).join(delimiter);
        return columns.join('\t');
      },
    };
  };
}

/** With -j: characters of input lines a worker gets at a time, and batches in flight per worker. */
const BATCH_CHARS = 1 << 16;
const BATCHES_PER_WORKER = 2;

/**
 * Turn `lines` into their output lines with `tokenizer` (in a worker, or
 * here): the output text of the lines before the first bad record, and
 * that record's index and problem, if there is one.
 *
 * @example
 * filterRecords(tokenizer, options, ['{"text":"你好"}']); // { output: '{"text":"你好","text_words":["你好"]}\n' }
 */
export function filterRecords(tokenizer: Tokenizer, options: CliOptions, lines: readonly string[]): { output: string; bad?: { index: number; message: string } } {
  const read = recordReader(options);
  const words = wordsOf(tokenizer, options);
  let output = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      output += '\n';
      continue;
    }
    try {
      const plan = read(line);
      output += `${plan.finish(words(plan.text))}\n`;
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      return { output, bad: { index: i, message: error.message } };
    }
  }
  return { output };
}

/**
 * Run the record filter the options ask for.
 *
 * @returns 0, or 1 for an input that cannot be read (reported with its line)
 */
export async function recordCommand(options: CliOptions, io: CliIo, say: (text: string) => void): Promise<number> {
  const opened = openAndLoad(options, io, say);
  if (typeof opened === 'number') return opened;
  const { input, tokenizer } = opened;
  const output = new Output(io.stdout);
  const jobs = options.jobs ?? 1;
  const job = jobOf(options);
  // With -j, whole batches of lines go to workers that read, cut and write the records themselves.
  // (Not with -D and -p: the tagger then takes tags from the default dictionary, as python3 -m jieba
  // does, which the pool's workers do not reproduce; such runs stay in one thread.)
  const pool =
    jobs > 1 && !(job.mode === 'tag' && job.dict !== undefined)
      ? await TokenizerPool.start(
          jobs,
          { ...(job.dict === 'big' ? { big: true } : job.dict !== undefined ? { dict: job.dict } : {}), ...(job.userDict !== undefined ? { userDict: job.userDict } : {}) },
          nodeWorkerSpawner(new URL('./record-worker.js', import.meta.url)),
        )
      : undefined;
  /** Batches in input order: their first line's number, and their result (or its promise). */
  const pending: { first: number; result: Promise<ReturnType<typeof filterRecords>> }[] = [];
  let failed = false;
  const settle = async (all: boolean): Promise<void> => {
    while (pending.length > 0 && !failed && (all || pending.length >= jobs * BATCHES_PER_WORKER)) {
      const { first, result } = pending.shift()!;
      const { output: text, bad } = await result;
      const written = output.write(text);
      if (written) await written;
      if (bad) {
        failed = true;
        await output.flush().catch(() => undefined);
        say(`jieba: ${input.name}: line ${first + bad.index}: ${bad.message}\n`);
      }
    }
  };
  const submit = (lines: string[], first: number): void => {
    const call = { options };
    const result = pool ? (pool.call('records', lines.join('\n'), call) as Promise<ReturnType<typeof filterRecords>>) : Promise.resolve(filterRecords(tokenizer, options, lines));
    // Awaited in order by settle; if the run stops first, its rejection is not an error of its own.
    result.catch(() => undefined);
    pending.push({ first, result });
  };
  let line = 0;
  try {
    let batch: string[] = [];
    let chars = 0;
    let first = 1;
    for await (const lines of readLineBatches(input.stream, { universalNewlines: input.universal, replaceInvalid: options.replaceInvalid, name: input.name })) {
      for (const item of lines) {
        line++;
        const text = typeof item === 'string' ? item : item.text;
        batch.push(text);
        chars += text.length + 1;
        if (chars >= BATCH_CHARS || !pool) {
          submit(batch, first);
          batch = [];
          chars = 0;
          first = line + 1;
          await settle(false);
          if (failed) return 1;
        }
      }
    }
    if (batch.length > 0) submit(batch, first);
    await settle(true);
    if (failed) return 1;
    await output.flush();
  } catch (error) {
    if (error instanceof OutputClosed) return 0;
    if (error instanceof InputError) {
      await settle(true).catch(() => undefined);
      await output.flush().catch(() => undefined);
      if (!failed) say(`jieba: ${error.message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
      return 1;
    }
    throw error;
  } finally {
    pool?.close();
  }
  return 0;
}
