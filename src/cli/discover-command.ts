/**
 * `jieba discover FILE...`: new words from raw text (see
 * `analyse/new-words.ts`), printed as user-dictionary lines (`word freq`)
 * that `-u` loads, or with their scores as TSV or JSON. Files are read
 * line by line, so their size does not matter; the table of counts is
 * bounded by `--max-entries`.
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { NewWordFinder, type NewWord } from '../analyse/new-words.js';
import { DictionaryError } from '../dictionary/errors.js';
import { Tokenizer } from '../index.js';
import { canSplit, countParts, splitIntoParts, type DiscoverPart } from './discover-jobs.js';
import { describeOpenError } from './input.js';
import type { CliIo } from './io.js';
import { InputError, readLineBatches } from './lines.js';
import { writeFileAtomic } from './write-file.js';

/** Usage of `jieba discover`. */
export const DISCOVER_HELP = `usage: jieba discover [FILE ...] [options]

Find words of FILEs (standard input if none, or -) that the dictionary
lacks, ranked by how much they look like words: how often they occur
(frequency), how they hold together (cohesion: pointwise mutual
information of their parts), how varied their contexts are at their edges
and inside (branching entropy, inner entropy), and what the dictionary
knows of their characters; best first. Prints user-dictionary
lines, "word freq", with the frequency jieba needs to cut each word whole,
ready for -u. Experimental: check the words before you use them.

options:
  --top N              report the N best words (default 100)
  --min-count N        only strings seen at least N times (default 5)
  --min-score X        only words scored at least X, the log-odds that a
                       string is a word (default -1.4; lower for more words,
                       a negative one as --min-score=-2)
  --max-len N          the longest word, in characters (default 4)
  --max-entries N      keep at most N strings counted, pruning the rarest
                       (default 4000000; bounds memory on any input)
  -j, --jobs N         count in N worker threads, each over a part of the
                       files (default 1; standard input and pipes are read
                       in one): the same words and scores unless a table
                       prunes, and memory for up to N + 1 tables of counts
  --scores             print "word<TAB>count<TAB>cohesion<TAB>entropy<TAB>
                       inner<TAB>score" instead of dictionary lines
  --json               print a JSON array of {"word", "freq", "count",
                       "cohesion", "entropy", "innerEntropy", "crossedShare",
                       "allSingle", "firstFrequency", "lastFrequency",
                       "length", "score"}
  -o, --output OUT     write to OUT (whole or not at all) instead of standard output
  -D, --dict DICT      main dictionary: dict.txt format or a compiled image
  -u, --user-dict F    user dictionary (its words are not new)
  -q, --quiet          don't report progress on standard error
  -h, --help           show this help and exit
`;

/** The options of `jieba discover` (`node:util` `parseArgs` form); `--help` lists each. */
export const DISCOVER_OPTIONS = {
  top: { type: 'string' },
  'min-count': { type: 'string' },
  'min-score': { type: 'string' },
  'max-len': { type: 'string' },
  'max-entries': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  scores: { type: 'boolean' },
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  dict: { type: 'string', short: 'D' },
  'user-dict': { type: 'string', short: 'u' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/**
 * A worker that failed: its report of bad input, should the file read again
 * from its start not throw the error itself, or what stopped it.
 */
class PartError extends Error {}

function positive(value: string | undefined, name: string, least = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < least) throw new UsageError(`${name} must be an integer of at least ${least}, not ${JSON.stringify(value)}`);
  return n;
}

/** A number option's value, or undefined if not given. */
function finite(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value) || !Number.isFinite(n)) throw new UsageError(`${name} must be a number, not ${JSON.stringify(value)}`);
  return n;
}

/** The words as the output asks: dictionary lines, TSV with scores, or JSON. */
function format(words: readonly NewWord[], freqOf: (word: string) => number, shape: 'dict' | 'scores' | 'json'): string {
  if (shape === 'json') return `${JSON.stringify(words.map(({ word, ...evidence }) => ({ word, freq: freqOf(word), ...evidence })))}\n`;
  return words.map((w) => (shape === 'scores' ? `${w.word}\t${w.count}\t${w.cohesion}\t${w.entropy}\t${w.innerEntropy}\t${w.score}\n` : `${w.word} ${freqOf(w.word)}\n`)).join('');
}

/** Count the lines of `file` (`-`: standard input) into `finder`; how many there were. */
async function countFile(file: string, io: CliIo, finder: NewWordFinder): Promise<number> {
  const name = file === '-' ? '<stdin>' : file;
  const stream = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 16 });
  let lines = 0;
  for await (const batch of readLineBatches(stream, { universalNewlines: file !== '-', replaceInvalid: false, name })) {
    for (const line of batch) finder.add(typeof line === 'string' ? line : line.text);
    lines += batch.length;
  }
  return lines;
}

/**
 * Count `files` in `jobs` worker threads, a contiguous part each, and merge
 * their counts into `finder` in the parts' order; how many lines there were.
 * The first part that failed decides the error, as reading in order would.
 */
async function countInWorkers(files: readonly string[], jobs: number, setup: Omit<DiscoverPart, 'ranges'>, finder: NewWordFinder): Promise<number> {
  const replies = await countParts(splitIntoParts(files, jobs), setup).catch((error: unknown) => {
    throw new PartError(`a worker thread stopped: ${(error as Error)?.message ?? String(error)}`);
  });
  let lines = 0;
  for (const reply of replies) {
    if (reply.type === 'invalid') {
      // The worker's line number counts from its part's start: reading the
      // file from its start throws the error with the file's own line.
      for await (const batch of readLineBatches(createReadStream(reply.file, { highWaterMark: 1 << 16 }), { universalNewlines: true, replaceInvalid: false, name: reply.file })) void batch;
      throw new PartError(reply.message);
    }
    if (reply.type === 'failed') {
      if (reply.code === undefined) throw new PartError(reply.message);
      throw Object.assign(new Error(reply.message), { code: reply.code, path: reply.path, syscall: 'read' });
    }
  }
  for (const reply of replies) {
    if (reply.type !== 'counts') continue;
    finder.merge(reply.counts);
    lines += reply.lines;
  }
  return lines;
}

/**
 * Run `jieba discover` with `argv` (the words after `discover`).
 *
 * @returns 0, 1 for unreadable or bad input (named with its line) or an
 *   output that cannot be written, 2 for a bad command line
 * @example
 * await discoverMain(['weibo.txt', '--top', '50', '-o', 'new-words.txt'], process);
 */
export async function discoverMain(argv: readonly string[], io: CliIo): Promise<number> {
  const say = (text: string): void => void io.stderr.write(text);
  let values: ReturnType<typeof parseArgs<{ options: typeof DISCOVER_OPTIONS; allowPositionals: true }>>['values'];
  let files: string[];
  let finderOptions: { top?: number; minCount?: number; minScore?: number; maxLength?: number; maxEntries?: number };
  let jobs: number;
  try {
    ({ values, positionals: files } = parseArgs({ args: [...argv], options: DISCOVER_OPTIONS, strict: true, allowPositionals: true }));
    if (values.scores && values.json) throw new UsageError('--scores and --json cannot be combined');
    const options = {
      top: positive(values.top, '--top'),
      minCount: positive(values['min-count'], '--min-count'),
      minScore: finite(values['min-score'], '--min-score'),
      maxLength: positive(values['max-len'], '--max-len', 2),
      maxEntries: positive(values['max-entries'], '--max-entries', 1000),
    };
    finderOptions = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    jobs = positive(values.jobs, '--jobs') ?? 1;
    if (jobs > 256) throw new UsageError(`--jobs must be from 1 to 256, not ${jobs}`);
  } catch (error) {
    say(`usage: jieba discover [FILE ...] [options]\njieba discover: error: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(DISCOVER_HELP);
    return 0;
  }
  if (files.length === 0) files = ['-'];
  let text: string;
  try {
    const tokenizer = new Tokenizer({ dict: values.dict, eager: true });
    if (values['user-dict'] !== undefined) tokenizer.loadUserDict(values['user-dict']);
    const finder = new NewWordFinder(tokenizer, finderOptions);
    let lines = 0;
    if (jobs > 1 && !files.includes('-') && canSplit(files)) {
      lines = await countInWorkers(files, jobs, { dict: values.dict, userDict: values['user-dict'], options: finderOptions }, finder);
    } else {
      for (const file of files) lines += await countFile(file, io, finder);
    }
    const words = finder.words();
    if (!values.quiet) say(`jieba discover: ${lines} lines read, ${words.length} new words\n`);
    text = format(words, (word) => tokenizer.suggestFreq(word), values.json ? 'json' : values.scores ? 'scores' : 'dict');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof InputError || error instanceof DictionaryError || error instanceof PartError) say(`jieba discover: ${e.message}\n`);
    else if (typeof e?.code === 'string' && e.syscall !== undefined) say(`jieba discover: cannot read ${e.path ?? 'the input'}: ${describeOpenError(e)}\n`);
    else throw error;
    return 1;
  }
  if (values.output === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    writeFileAtomic(values.output, text);
  } catch (error) {
    say(`jieba discover: cannot write ${values.output}: ${describeOpenError(error as NodeJS.ErrnoException)}\n`);
    return 1;
  }
  return 0;
}
