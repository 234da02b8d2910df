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

/** A record that cannot be read, at a 1-based line. */
class RecordError extends Error {}

/** The words (or `[word, tag]` pairs) of a text, as the options ask. */
function wordsOf(tokenizer: Tokenizer, options: CliOptions): (text: string) => string[] | [string, string][] {
  const job = jobOf(options);
  const { hmm, paddle } = job;
  if (job.mode === 'tag') return (text) => tokenizer.tag(text, { hmm, paddle }).map(({ word, tag }) => [word, tag] as [string, string]);
  if (job.mode === 'all') return (text) => tokenizer.cutAll(text);
  if (job.mode === 'search') return (text) => tokenizer.cutForSearch(text, { hmm });
  return (text) => tokenizer.cut(text, { hmm, paddle });
}

/** The function from an input line to its output line. */
function recordFilter(tokenizer: Tokenizer, options: CliOptions): (line: string) => string {
  const words = wordsOf(tokenizer, options);
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
      return `${line.slice(0, end)}${separator}${JSON.stringify(output)}:${JSON.stringify(words(text))}}`;
    };
  }
  const column = options.tsv! - 1;
  const delimiter = options.delimiter;
  const posDelimiter = options.pos ?? '_';
  return (line) => {
    const columns = line.split('\t');
    if (column >= columns.length) throw new RecordError(`the line has ${columns.length} column${columns.length === 1 ? '' : 's'}, not ${column + 1}`);
    const list = words(columns[column]!);
    columns[column] = list.map((w) => (typeof w === 'string' ? w : w[0] + posDelimiter + w[1])).join(delimiter);
    return columns.join('\t');
  };
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
  const filter = recordFilter(tokenizer, options);
  const output = new Output(io.stdout);
  let line = 0;
  try {
    for await (const lines of readLineBatches(input.stream, { universalNewlines: input.universal, replaceInvalid: options.replaceInvalid, name: input.name })) {
      let out = '';
      for (const item of lines) {
        line++;
        const text = typeof item === 'string' ? item : item.text;
        try {
          out += text === '' ? '\n' : `${filter(text)}\n`;
        } catch (error) {
          if (!(error instanceof RecordError)) throw error;
          const written = output.write(out);
          if (written) await written;
          await output.flush().catch(() => undefined);
          say(`jieba: ${input.name}: line ${line}: ${error.message}\n`);
          return 1;
        }
      }
      const written = output.write(out);
      if (written) await written;
    }
    await output.flush();
  } catch (error) {
    if (error instanceof OutputClosed) return 0;
    if (error instanceof InputError) {
      await output.flush().catch(() => undefined);
      say(`jieba: ${error.message}; use --replace-invalid to decode bad bytes as U+FFFD\n`);
      return 1;
    }
    throw error;
  }
  return 0;
}
