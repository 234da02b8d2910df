/**
 * Word-level accuracy against the SIGHAN 2005 bakeoff's gold segmentations:
 * precision, recall and F1 of jieba-ts's default mode (identical to Python
 * jieba's) and of paddle mode (as Python runs it, and with the opt-in input
 * normalisation), on the PKU and MSR test sets, read in place.
 *
 *   npm run bench:accuracy [-- --sighan DIR] [--limit LINES] [--modes default,paddle,paddle-normalized] [--gold NAME=PATH ...]
 *
 * DIR defaults to ../shared/sighan2005 beside the repository. `--gold
 * NAME=PATH` adds a segmented file of your own (one sentence a line, words
 * separated by spaces; its text with the spaces taken out is the input),
 * such as the NLPCC 2016 Weibo sets, which this repository does not hold. A word counts
 * as right when its span (start and end, counted in characters with
 * whitespace left out) is a span of the gold segmentation, the bakeoff's
 * own rule. Writes bench/results/accuracy.json.
 *
 * @module
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../src/index.js';
import { pythonStrip } from '../src/text/python-str.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export { scoreSentence, spansOf, type Score } from './score.js';
import { f1, goldFiles, scoreSentence, type Score } from './score.js';
import { benchArgs, countOr, refuse } from './args.js';

/** The segmenters scored: the default mode, and paddle mode as Python runs it and with the opt-in normalisation. */
const ACCURACY_MODES = ['default', 'paddle', 'paddle-normalized'] as const;


/**
 * Paddle mode's words as spans of the original line: Python strips the line
 * first and shows unknown characters as spaces, so lengths are taken from
 * the words but characters from the stripped line.
 */
function paddleWords(tokenizer: Tokenizer, line: string, normalize: boolean): string[] {
  const source = Array.from(pythonStrip(line));
  const words: string[] = [];
  let at = 0;
  for (const word of tokenizer.cut(line, { paddle: normalize ? { normalize } : true })) {
    const length = Array.from(word).length;
    words.push(source.slice(at, at + length).join(''));
    at += length;
  }
  return words;
}

async function main(): Promise<void> {
  const args = benchArgs('npm run bench:accuracy [-- --sighan DIR] [--limit LINES] [--modes default,paddle,paddle-normalized] [--gold NAME=PATH ...]', {
    sighan: { type: 'string' },
    limit: { type: 'string' },
    modes: { type: 'string' },
    gold: { type: 'string', multiple: true },
  });
  const dir = args.string('sighan', `${root}../shared/sighan2005`);
  const limit = countOr(args, 'limit', Infinity);
  const modes = args.string('modes', ACCURACY_MODES.join(',')).split(',');
  const unknown = modes.filter((mode) => !(ACCURACY_MODES as readonly string[]).includes(mode));
  if (unknown.length > 0) refuse(`--modes: no mode named ${unknown.join(', ')} (modes: ${ACCURACY_MODES.join(', ')})`);
  const sets: Array<{ corpus: string; test: string[]; gold: string[] }> = [];
  if (existsSync(`${dir}/pku_test.utf8`)) {
    for (const corpus of ['pku', 'msr']) {
      sets.push({
        corpus,
        test: readFileSync(`${dir}/${corpus}_test.utf8`, 'utf8').split(/\r?\n/),
        gold: readFileSync(`${dir}/${corpus}_test_gold.utf8`, 'utf8').split(/\r?\n/),
      });
    }
  } else {
    process.stderr.write(`bench:accuracy: no SIGHAN 2005 data in ${dir} (use --sighan DIR)\n`);
  }
  for (const { name, sentences } of goldFiles(args.strings('gold'))) sets.push({ corpus: name, test: sentences.map((line) => line.split(/\s+/).join('')), gold: sentences });
  if (sets.length === 0) {
    process.exitCode = 1;
    return;
  }
  const tokenizer = new Tokenizer();
  const results: Record<string, Record<string, { precision: number; recall: number; f1: number; seconds: number; chars: number }>> = {};
  for (const { corpus, test, gold } of sets) {
    const count = Math.min(test.length, gold.length, limit);
    results[corpus] = {};
    for (const mode of modes) {
      const score: Score = { gold: 0, predicted: 0, correct: 0 };
      const started = performance.now();
      let chars = 0;
      for (let i = 0; i < count; i++) {
        const line = test[i]!;
        chars += line.length;
        const goldWords = gold[i]!.split(/\s+/).filter(Boolean);
        const predicted = mode.startsWith('paddle') ? paddleWords(tokenizer, line, mode === 'paddle-normalized') : tokenizer.cut(line);
        scoreSentence(score, goldWords, predicted);
      }
      const seconds = (performance.now() - started) / 1000;
      results[corpus][mode] = { ...f1(score), seconds, chars };
      const r = results[corpus][mode]!;
      console.log(
        `${corpus}\t${mode}\tP ${r.precision.toFixed(3)}\tR ${r.recall.toFixed(3)}\tF1 ${r.f1.toFixed(3)}\t(${count} lines, ${chars} chars, ${seconds.toFixed(1)} s)`,
      );
    }
  }
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/accuracy.json`, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
}

await main();
