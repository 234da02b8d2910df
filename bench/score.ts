/**
 * Word-level scores against a gold segmentation (SIGHAN's measure): spans
 * of the predicted words that are spans of the gold words.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { isPythonSpace } from '../src/text/char-classes.js';
import { refuse } from './args.js';

/** Counts for precision and recall. */
export interface Score {
  gold: number;
  predicted: number;
  correct: number;
}

/**
 * The spans of `words` laid end to end, whitespace characters not counted
 * (so tokens of whitespace vanish and spaced-out gold text lines up with
 * raw text). Spans are `start * 2^21 + end`, comparable as numbers.
 */
export function spansOf(words: readonly string[]): number[] {
  const spans: number[] = [];
  let at = 0;
  for (const word of words) {
    let length = 0;
    for (const c of word) if (!isPythonSpace(c.charCodeAt(0))) length++;
    if (length === 0) continue;
    spans.push(at * 2 ** 21 + (at + length));
    at += length;
  }
  return spans;
}

/**
 * Add one sentence's counts to `score`.
 *
 * @example
 * const score = { gold: 0, predicted: 0, correct: 0 };
 * scoreSentence(score, ['北京', '大学'], ['北京大学']); // score: gold 2, predicted 1, correct 0
 */
export function scoreSentence(score: Score, gold: readonly string[], predicted: readonly string[]): void {
  const goldSpans = new Set(spansOf(gold));
  const predictedSpans = spansOf(predicted);
  score.gold += goldSpans.size;
  score.predicted += predictedSpans.length;
  for (const span of predictedSpans) if (goldSpans.has(span)) score.correct++;
}

export function f1({ gold, predicted, correct }: Score): { precision: number; recall: number; f1: number } {
  const precision = correct / predicted;
  const recall = correct / gold;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** A segmented file named on the command line: its name and its sentences (one a line, words separated by spaces). */
export interface GoldFile {
  name: string;
  sentences: string[];
}

/**
 * The files of the `--gold NAME=PATH` options (`specs`: their values),
 * read: segmented text of your own that the benchmarks score or train on
 * beside the SIGHAN sets (the NLPCC 2016 Weibo sets, say).
 *
 * @example
 * goldFiles(['weibo=nlpcc2016-wordseg-dev.dat']); // [{ name: 'weibo', sentences: [...] }]
 *
 * A spec that is not NAME=PATH, or a file that cannot be read, ends the
 * process with a message and status 1.
 */
export function goldFiles(specs: readonly string[]): GoldFile[] {
  const files: GoldFile[] = [];
  specs.forEach((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) refuse(`--gold wants NAME=PATH, not ${JSON.stringify(spec)}`);
    const path = spec.slice(eq + 1);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      refuse(`--gold ${spec}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    files.push({ name: spec.slice(0, eq), sentences: text.split(/\r?\n/).filter((line) => line.trim() !== '') });
  });
  return files;
}
