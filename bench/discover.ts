/**
 * `npm run bench:discover`: new-word discovery on the SIGHAN 2005 test sets
 * in ../shared/sighan2005 (read in place, never copied): the precision of
 * the top 100 words found in each raw test text against the vocabulary of
 * its gold segmentation, and word F1 of accurate mode before and after
 * adding them (each with the frequency `suggestFreq` gives it). Each set is
 * run with the default minCount (5) and with 2: these texts are small
 * (about 170 k characters), so few new words recur five times.
 *
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverWords, Tokenizer } from '../src/index.js';
import { f1, scoreSentence, type Score } from './score.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '..', 'shared', 'sighan2005');

function f1Of(tokenizer: Tokenizer, raw: readonly string[], gold: readonly string[]): number {
  const score: Score = { gold: 0, predicted: 0, correct: 0 };
  raw.forEach((line, i) => scoreSentence(score, gold[i]!.split(/\s+/).filter(Boolean), tokenizer.cut(line)));
  return f1(score).f1;
}

if (!existsSync(dir)) {
  console.log(`bench:discover: no SIGHAN 2005 data at ${dir}`);
} else {
  console.log('set\tminCount\ttop\tprecision\tF1 before\tF1 after\tseconds');
  for (const [set, minCount] of [['pku', 5], ['pku', 2], ['msr', 5], ['msr', 2]] as const) {
    const raw = readFileSync(join(dir, `${set}_test.utf8`), 'utf8').split('\n');
    const gold = readFileSync(join(dir, `${set}_test_gold.utf8`), 'utf8').split('\n');
    // MSR's gold breaks 16 lines differently from its input: score aligned lines only.
    const aligned = raw.map((line, i) => line.replace(/\s+/g, '') === (gold[i] ?? '').replace(/\s+/g, '')).map((same, i) => (same ? i : -1)).filter((i) => i >= 0);
    const vocabulary = new Set(gold.join(' ').split(/\s+/).filter(Boolean));
    const started = performance.now();
    const words = discoverWords(raw, { top: 100, minCount });
    const seconds = (performance.now() - started) / 1000;
    const precision = words.filter((w) => vocabulary.has(w.word)).length / Math.max(1, words.length);
    const before = f1Of(new Tokenizer(), aligned.map((i) => raw[i]!), aligned.map((i) => gold[i]!));
    const tokenizer = new Tokenizer();
    for (const { word } of words) tokenizer.addWord(word);
    const after = f1Of(tokenizer, aligned.map((i) => raw[i]!), aligned.map((i) => gold[i]!));
    console.log(`${set}\t${minCount}\t${words.length}\t${precision.toFixed(2)}\t${before.toFixed(4)}\t${after.toFixed(4)}\t${seconds.toFixed(2)}`);
  }
}
