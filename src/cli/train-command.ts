/**
 * `jieba train CORPUS... -o OUT`: a dictionary trained on segmented text
 * (see `analyse/train.ts`), written as a compiled image (`.img`, which
 * carries the re-estimated HMM, so `-D OUT` brings it along) or as
 * `dict.txt` text (any other name; text has no place for the HMM).
 *
 * @module
 */

import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { CorpusError, DictionaryTrainer, type CorpusTags } from '../analyse/train.js';
import { LONGEST_LENGTH, type Lowered } from '../analyse/cut-apart.js';
import { encodeDictionaryImage } from '../data/load.js';
import { DictionaryError } from '../dictionary/errors.js';
import type { PrefixDictionary } from '../dictionary/prefix-dictionary.js';
import type { HmmModel } from '../hmm/model.js';
import { DEFAULT_DICTIONARY, Tokenizer } from '../index.js';
import { describeOpenError } from './input.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './write-file.js';
import { InputError, readLineBatches } from './lines.js';

/** Usage of `jieba train`. */
export const TRAIN_HELP = `usage: jieba train CORPUS ... -o OUT [options]

Train a dictionary on segmented text (words separated by spaces, one
sentence a line; CORPUS - for standard input): the corpus's words merged into
jieba's dictionary (or -D DICT, or none with --no-base), and the HMM that
finds unknown words re-estimated from the corpus; with --tags, the words'
tags and the POS HMM (what -p tags unknown words with) as well. Words of the
base that the corpus cuts apart (一 个 人 against the base's 个人) and never
writes whole are left out, those it cuts into words (就 是) more often than
it writes them whole are made rare enough to be cut, and so are those it
never shows where it cuts apart most words of their length and tag; for an
.img, the corpus is read a second time, cut with the trained dictionary,
and the words its HMM makes there that the corpus cuts apart are split from
then on (not for standard input, which is read once); --keep-contradicted
does none of this. OUT ending
in .img is a compiled image that carries the HMMs (jieba -D OUT uses them
all); any other name gets dict.txt text, which has no place for them.

options:
  -o, --output OUT     where to write the dictionary (required)
  -D, --dict DICT      the base dictionary (default: jieba's)
  --no-base            the corpus alone, no base dictionary
  --ratio R            the corpus's words add up to R times the base's total (default 4)
  --weight N           or: each corpus count adds N to a word's frequency
  --tags STYLE         words carry POS tags: slash (word/tag) or underscore (word_tag)
  --keep-contradicted  keep the base's words and the HMM's that the corpus cuts apart
  -q, --quiet          no summary on standard error
  -h, --help           show this help and exit
`;

/** The options of `jieba train` (`node:util` `parseArgs` form); `--help` lists each. */
export const TRAIN_OPTIONS = {
  output: { type: 'string', short: 'o' },
  dict: { type: 'string', short: 'D' },
  'no-base': { type: 'boolean' },
  ratio: { type: 'string' },
  weight: { type: 'string' },
  tags: { type: 'string' },
  'keep-contradicted': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Run `jieba train` with `argv` (the words after `train`).
 *
 * @returns 0, 1 for unreadable input or a bad corpus line (named), 2 for a bad command line
 * @example
 * await trainMain(['corpus.txt', '-o', 'mine.img'], process);
 */
export async function trainMain(argv: readonly string[], io: CliIo): Promise<number> {
  const say = (text: string): void => void io.stderr.write(text);
  let values: ReturnType<typeof parseArgs<{ options: typeof TRAIN_OPTIONS; allowPositionals: true }>>['values'];
  let files: string[];
  const usage = (message: string): number => {
    say(`usage: jieba train CORPUS ... -o OUT [options]\njieba train: error: ${message}\n`);
    return 2;
  };
  try {
    ({ values, positionals: files } = parseArgs({ args: [...argv], options: TRAIN_OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(TRAIN_HELP);
    return 0;
  }
  if (values.output === undefined) return usage('-o OUT is required');
  if (files.length === 0) return usage('give at least one CORPUS (- for standard input)');
  if (values['no-base'] && values.dict !== undefined) return usage('--no-base and -D cannot be combined');
  if (values.ratio !== undefined && values.weight !== undefined) return usage('--ratio and --weight cannot be combined');
  const ratio = values.ratio === undefined ? undefined : Number(values.ratio);
  if (ratio !== undefined && !(ratio > 0 && Number.isFinite(ratio))) return usage(`--ratio must be a positive number, not ${JSON.stringify(values.ratio)}`);
  const weight = values.weight === undefined ? undefined : Number(values.weight);
  if (weight !== undefined && !(Number.isSafeInteger(weight) && weight >= 1)) return usage(`--weight must be a positive integer, not ${JSON.stringify(values.weight)}`);
  if (values.tags !== undefined && values.tags !== 'slash' && values.tags !== 'underscore') return usage(`--tags must be slash or underscore, not ${JSON.stringify(values.tags)}`);

  try {
    // The base first: the trainer reads it while counting, for the words the corpus cuts apart.
    const base = values['no-base'] ? undefined : baseOf(values.dict);
    const keep = values['keep-contradicted'] === true;
    const trainer = new DictionaryTrainer({ tags: (values.tags ?? 'none') as CorpusTags, ...(base && !keep ? { base: base.dictionary } : {}) });
    await readCorpus(files, io, (text, name, line) => trainer.add(text, name, line));
    const image = values.output.endsWith('.img');
    const built = trainer.build({ ...(base ? { base } : {}), ...(ratio !== undefined ? { ratio } : {}), ...(weight !== undefined ? { weight } : {}) });
    const { dictionary, pos, unknownPosStates, lines, weight: used, dropped, lowered } = built;
    let hmm = built.hmm;
    // Only an image can tell the HMM what to split; standard input cannot be read again.
    const review = image && !keep && !files.includes('-');
    if (review) {
      const trained = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
      await readCorpus(files, io, (text, name, line) => trainer.review(text, (joined) => trained.cut(joined), name, line));
      hmm = trainer.reviewedHmm(hmm);
    }
    writeFileAtomic(values.output, image ? encodeDictionaryImage(dictionary, hmm, false, pos) : `${lines.join('\n')}\n`);
    if (!values.quiet) {
      say(`jieba train: ${trainer.words} words counted; ${lines.length} words written to ${values.output} (each count weighs ${used})\n`);
      if (dropped > 0) {
        const [words, them] = dropped === 1 ? ['word', 'it'] : ['words', 'them'];
        say(`jieba train: ${dropped} ${words} of the base left out: the corpus cuts ${them} apart and never writes ${them} whole (--keep-contradicted keeps ${them})\n`);
        if (!image) say(`jieba train: the HMM may still find ${them}: only an .img output tells it to split ${them}\n`);
      }
      if (lowered.cutApart > 0) {
        const [words, them, were] = lowered.cutApart === 1 ? ['word', 'it', 'it was'] : ['words', 'them', 'they were'];
        say(`jieba train: ${lowered.cutApart} ${words} of the base made rarer: the corpus cuts ${them} apart more often than it writes ${them} whole (--keep-contradicted keeps ${them} as ${were})\n`);
      }
      if (lowered.unseen > 0) {
        const [words, their] = lowered.unseen === 1 ? ['word', 'its'] : ['words', 'their'];
        say(`jieba train: ${lowered.unseen} ${words} of the base that the corpus never shows made rarer or left out: it cuts apart most words of ${their} length and tag (${groupsCut(lowered)})\n`);
      }
      if (review && trainer.reviewed > 0) say(`jieba train: ${trainer.reviewed} words the HMM made in the corpus, which cuts them apart, split from now on\n`);
      else if (review) say(`jieba train: the HMM made no word in the corpus across its words\n`);
      else if (image && !keep) say(`jieba train: standard input is read once: the HMM's words were not checked against the corpus (give the corpus as a file for that)\n`);
      if (pos && image) say(`jieba train: the POS HMM re-estimated over ${pos.states.length} states\n`);
      if (pos && !image) say(`jieba train: the POS HMM was not written: only an .img output carries it\n`);
      if (pos && unknownPosStates && unknownPosStates.length > 0) {
        const tags = [...new Set(unknownPosStates.map((state) => state.slice(2)))];
        say(`jieba train: tags the base POS model lacks, left out of its HMM (kept in the dictionary): ${tags.join(', ')}\n`);
      }
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof CorpusError || error instanceof InputError || error instanceof DictionaryError || error instanceof RangeError) say(`jieba train: ${e.message}\n`);
    else if (typeof e?.code === 'string' && e.syscall !== undefined) say(`jieba train: cannot ${e.path === values.output ? 'write' : 'read'} ${e.path ?? ''}: ${describeOpenError(e)}\n`);
    else throw error;
    return 1;
  }
  return 0;
}

/** Every line of the corpus files (`-`: standard input), with its file's name and its number. */
async function readCorpus(files: readonly string[], io: CliIo, each: (text: string, name: string, line: number) => void): Promise<void> {
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    const stream = file === '-' ? (io.stdin as AsyncIterable<Uint8Array>) : createReadStream(file, { highWaterMark: 1 << 16 });
    let line = 0;
    for await (const lines of readLineBatches(stream, { universalNewlines: file !== '-', replaceInvalid: false, name })) {
      for (const item of lines) each(typeof item === 'string' ? item : item.text, name, ++line);
    }
  }
}

/** The base dictionary and its HMM: jieba's, or `-D DICT` with the HMM it carries (jieba's if it is text). */
function baseOf(dict: string | undefined): { dictionary: PrefixDictionary; hmm: HmmModel } {
  const tokenizer = new Tokenizer({ dict: dict ?? DEFAULT_DICTIONARY, eager: true });
  return tokenizer.trainingBase();
}

/**
 * The groups of words whose unseen words training cut, with the counts
 * behind each: `4 characters, n: 368 of 391 times; 5 characters: 31 of 40
 * times` (a length alone stands for the tags too rare to judge by).
 */
function groupsCut({ verdicts }: Lowered): string {
  return verdicts
    .filter((verdict) => verdict.cut)
    .map(({ length, tag, whole, apart }) => `${length}${length === LONGEST_LENGTH ? ' or more' : ''} characters${tag === undefined ? '' : `, ${tag}`}: ${apart} of ${apart + whole} times`)
    .join('; ');
}
