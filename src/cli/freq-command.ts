/**
 * `jieba freq FILE...`: word frequencies over files (or standard input),
 * read line by line so that their size does not matter, as TSV
 * (`word<TAB>count`, most frequent first) or JSON; `--merge` adds up TSV
 * counts made earlier, so that counting runs as map (one `jieba freq` per
 * part) and reduce (`jieba freq --merge`).
 *
 * @module
 */

import { createReadStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createWordCounter, wordCountPlan, WordCounts, type WordCountPlan } from '../analyse/word-counts.js';
import { CUT_MODES, type CutMode } from '../cut/modes.js';
import { DictionaryError } from '../dictionary/errors.js';
import { Tokenizer } from '../index.js';
import { createPool } from '../pool/node.js';
import { chartHtml, chartSvg } from '../analyse/charts.js';
import { describeOpenError } from './input.js';
import type { CliIo } from './io.js';
import { InputError, readLineBatches } from './lines.js';
import { writeFileAtomic } from './write-file.js';

/** Usage of `jieba freq`. */
export const FREQ_HELP = `usage: jieba freq [FILE ...] [options]

Count the words of FILEs (standard input if none, or -), line by line, and
print "word<TAB>count" lines, most frequent first (ties in code-point order).
Whitespace and punctuation are not counted.

options:
  --mode MODE          default (accurate), all or search
  -n, --no-hmm         don't use the Hidden Markov Model
  --allow-pos TAGS     count only words with these POS tags, e.g. n,nr,ns (tags the text)
  --stop-words FILE    words not to count, one per line
  --min-length N       count only words of at least N characters (default 1)
  --top N              print only the N most frequent words
  --json               print a JSON array of {"word", "count"} instead of TSV
  --merge              the FILEs are TSV counts (from jieba freq): add them up
  --chart OUT          also draw a word cloud and a bar chart: OUT.svg (one
                       SVG) or OUT.html (a page that needs no network)
  -j, --jobs N         cut in N worker threads (default 1); the counts are the same
  -D, --dict DICT      main dictionary: dict.txt format or a compiled image
  -u, --user-dict F    user dictionary
  -q, --quiet          accepted as the other commands accept it: freq writes
                       nothing but errors to standard error
  -h, --help           show this help and exit
`;

/** The options of `jieba freq` (`node:util` `parseArgs` form); `--help` lists each. */
export const FREQ_OPTIONS = {
  mode: { type: 'string' },
  'no-hmm': { type: 'boolean', short: 'n' },
  'allow-pos': { type: 'string' },
  'stop-words': { type: 'string' },
  'min-length': { type: 'string' },
  top: { type: 'string' },
  json: { type: 'boolean' },
  merge: { type: 'boolean' },
  chart: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  dict: { type: 'string', short: 'D' },
  'user-dict': { type: 'string', short: 'u' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Characters of text sent to a worker at a time, and batches in flight per worker. */
const POOL_BATCH_CHARS = 1 << 16;
const POOL_BATCHES_PER_WORKER = 2;

class UsageError extends Error {}

function count(value: string | undefined, name: string, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${name} must be a non-negative integer, not ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * Run `jieba freq` with `argv` (the words after `freq`).
 *
 * @returns 0, 1 for unreadable or bad input (named with its line), 2 for a bad command line
 * @example
 * await freqMain(['news.txt', '--min-length', '2', '--top', '20'], process);
 */
export async function freqMain(argv: readonly string[], io: CliIo): Promise<number> {
  const say = (text: string): void => void io.stderr.write(text);
  let values: ReturnType<typeof parseArgs<{ options: typeof FREQ_OPTIONS; allowPositionals: true }>>['values'];
  let files: string[];
  let minLength: number | undefined;
  let top: number | undefined;
  let jobs = 1;
  try {
    ({ values, positionals: files } = parseArgs({ args: [...argv], options: FREQ_OPTIONS, strict: true, allowPositionals: true }));
    if (values.mode !== undefined && !CUT_MODES.includes(values.mode as CutMode)) throw new UsageError(`--mode must be ${CUT_MODES.join(', ')}, not ${JSON.stringify(values.mode)}`);
    minLength = count(values['min-length'], '--min-length', 1);
    top = count(values.top, '--top', undefined);
    jobs = count(values.jobs, '--jobs', 1)!;
    if (jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be from 1 to 256, not ${jobs}`);
    if (values.merge && (values.mode !== undefined || values['allow-pos'] !== undefined || values['no-hmm'] || values.dict !== undefined || values['user-dict'] !== undefined)) {
      throw new UsageError('--merge adds up counts: it takes no cutting options');
    }
    if (values['allow-pos'] !== undefined && values.mode !== undefined && values.mode !== 'default') throw new UsageError('--allow-pos tags in accurate mode: it cannot go with --mode all or search');
    if (values.chart !== undefined && !/\.(svg|html?)$/i.test(values.chart)) throw new UsageError(`--chart writes .svg or .html, not ${JSON.stringify(values.chart)}`);
  } catch (error) {
    say(`usage: jieba freq [FILE ...] [options]\njieba freq: error: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(FREQ_HELP);
    return 0;
  }
  if (files.length === 0) files = ['-'];
  const counts = new WordCounts();
  try {
    if (values.merge) {
      for (const file of files) counts.merge(WordCounts.fromTSV(await readWhole(file, io), file === '-' ? '<stdin>' : file));
    } else {
      const tokenizer = new Tokenizer({ dict: values.dict });
      if (values['user-dict'] !== undefined) tokenizer.loadUserDict(values['user-dict']);
      const stopWords = values['stop-words'] === undefined ? [] : readFileSync(values['stop-words'], 'utf8').split(/\r?\n/).filter(Boolean);
      const options = {
        mode: (values.mode ?? 'default') as CutMode,
        hmm: !values['no-hmm'],
        allowPOS: values['allow-pos']?.split(',').map((tag) => tag.trim()).filter(Boolean),
        stopWords,
        minLength,
      };
      const lines = linesOf(files, io);
      if (jobs > 1) await countInPool(lines, wordCountPlan(tokenizer, options), { dict: values.dict, userDict: values['user-dict'] }, jobs, counts);
      else {
        const counter = createWordCounter(tokenizer, options);
        for await (const line of lines) counter(line, counts);
      }
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof InputError || error instanceof DictionaryError || error instanceof RangeError) say(`jieba freq: ${e.message}\n`);
    else if (typeof e?.code === 'string' && e.syscall !== undefined) say(`jieba freq: cannot read ${e.path ?? 'the input'}: ${describeOpenError(e)}\n`);
    else throw error;
    return 1;
  }
  if (values.chart !== undefined) {
    const entries = counts.sorted(200);
    try {
      writeFileAtomic(values.chart, /\.svg$/i.test(values.chart) ? chartSvg(entries) : chartHtml(entries));
    } catch (error) {
      say(`jieba freq: cannot write ${values.chart}: ${describeOpenError(error as NodeJS.ErrnoException)}\n`);
      return 1;
    }
  }
  if (values.json) io.stdout.write(`${JSON.stringify(counts.sorted(top).map(([word, n]) => ({ word, count: n })))}\n`);
  else io.stdout.write(counts.toTSV(top));
  return 0;
}

/** A whole file (or standard input) as text, strictly UTF-8. */
async function readWhole(file: string, io: CliIo): Promise<string> {
  const name = file === '-' ? '<stdin>' : file;
  const parts: string[] = [];
  const stream = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 16 });
  for await (const lines of readLineBatches(stream, { universalNewlines: true, replaceInvalid: false, name })) {
    for (const line of lines) parts.push(typeof line === 'string' ? line : line.text, '\n');
  }
  return parts.join('');
}

/** The lines of the files, one after another, checked as UTF-8 (an InputError names the file and line). */
async function* linesOf(files: readonly string[], io: CliIo): AsyncGenerator<string> {
  for (const file of files) {
    const stream = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 16 });
    const name = file === '-' ? '<stdin>' : file;
    for await (const lines of readLineBatches(stream, { universalNewlines: file !== '-', replaceInvalid: false, name })) {
      for (const line of lines) yield typeof line === 'string' ? line : line.text;
    }
  }
}

/**
 * Count with `jobs` worker threads: lines go in batches (joined by line
 * breaks, which never join words) to a pool that cuts or tags them, and
 * the words come back to be counted here, in any order (counts add up the
 * same). At most two batches per worker wait, so memory stays bounded.
 */
async function countInPool(lines: AsyncIterable<string>, plan: WordCountPlan, setup: { dict?: string; userDict?: string }, jobs: number, counts: WordCounts): Promise<void> {
  const pool = await createPool({ size: jobs, ...(setup.dict !== undefined ? { dict: setup.dict } : {}), ...(setup.userDict !== undefined ? { userDict: setup.userDict } : {}) });
  const inFlight = new Set<Promise<void>>();
  const submit = (text: string): void => {
    const done: Promise<void> = (async () => {
      if (plan.allowPOS) {
        for (const { word, tag } of await pool.tag(text, { hmm: plan.hmm })) if (plan.counts(word, tag)) counts.add(word);
      } else {
        const words = plan.mode === 'all' ? await pool.cutAll(text) : plan.mode === 'search' ? await pool.cutForSearch(text, { hmm: plan.hmm }) : await pool.cut(text, { hmm: plan.hmm });
        for (const word of words) if (plan.counts(word)) counts.add(word);
      }
    })().finally(() => inFlight.delete(done));
    // Awaited below; if reading fails first, the pool is closed and these reject unheard.
    done.catch(() => undefined);
    inFlight.add(done);
  };
  try {
    let batch: string[] = [];
    let chars = 0;
    for await (const line of lines) {
      batch.push(line);
      chars += line.length + 1;
      if (chars >= POOL_BATCH_CHARS) {
        submit(batch.join('\n'));
        batch = [];
        chars = 0;
        while (inFlight.size >= jobs * POOL_BATCHES_PER_WORKER) await Promise.race(inFlight);
      }
    }
    if (batch.length > 0) submit(batch.join('\n'));
    await Promise.all(inFlight);
  } finally {
    pool.close();
  }
}
