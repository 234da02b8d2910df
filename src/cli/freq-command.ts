/**
 * `jieba freq FILE...`: word frequencies over files (or standard input),
 * read line by line so that their size does not matter, as TSV
 * (`word<TAB>count`, most frequent first) or JSON; `--merge` adds up TSV
 * counts made earlier, so that counting runs as map (one `jieba freq` per
 * part) and reduce (`jieba freq --merge`).
 *
 * @module
 */

import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createWordCounter, WordCounts } from '../analyse/word-counts.js';
import { CUT_MODES, type CutMode } from '../cut/modes.js';
import { DictionaryError } from '../dictionary/errors.js';
import { Tokenizer } from '../index.js';
import { chartHtml, chartSvg } from './chart.js';
import { describeOpenError } from './input.js';
import type { CliIo } from './io.js';
import { InputError, readLineBatches } from './lines.js';

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
  -D, --dict DICT      main dictionary: dict.txt format or a compiled image
  -u, --user-dict F    user dictionary
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
  dict: { type: 'string', short: 'D' },
  'user-dict': { type: 'string', short: 'u' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
  try {
    ({ values, positionals: files } = parseArgs({ args: [...argv], options: FREQ_OPTIONS, strict: true, allowPositionals: true }));
    if (values.mode !== undefined && !CUT_MODES.includes(values.mode as CutMode)) throw new UsageError(`--mode must be ${CUT_MODES.join(', ')}, not ${JSON.stringify(values.mode)}`);
    minLength = count(values['min-length'], '--min-length', 1);
    top = count(values.top, '--top', undefined);
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
      const counter = createWordCounter(tokenizer, {
        mode: (values.mode ?? 'default') as CutMode,
        hmm: !values['no-hmm'],
        allowPOS: values['allow-pos']?.split(',').map((tag) => tag.trim()).filter(Boolean),
        stopWords,
        minLength,
      });
      for (const file of files) {
        const stream = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 16 });
        const name = file === '-' ? '<stdin>' : file;
        for await (const lines of readLineBatches(stream, { universalNewlines: file !== '-', replaceInvalid: false, name })) {
          for (const line of lines) counter(typeof line === 'string' ? line : line.text, counts);
        }
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
      writeFileSync(values.chart, /\.svg$/i.test(values.chart) ? chartSvg(entries) : chartHtml(entries));
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
