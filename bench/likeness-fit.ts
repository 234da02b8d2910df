/**
 * The fit behind `LIKENESS_WEIGHTS` (`src/analyse/word-likeness.ts`): a
 * logistic regression of "the gold segmentation has this string as a word"
 * on the signals of `likenessFeatures`, over the candidates new-word
 * discovery finds in raw texts. `npm run bench:discover -- --fit` runs it on
 * the SIGHAN 2005 PKU and MSR test texts and prints the weights.
 *
 * Each signal is standardised (mean 0, deviation 1) for the fit, which is
 * plain gradient descent on the mean log-loss with a small L2 penalty on
 * the weights (not the bias), a fixed number of steps from zero: the same
 * rows give the same weights, to the last digit, on every machine with
 * IEEE doubles. The weights are then given on the signals' own scales.
 *
 * @module
 */

import { LIKENESS_SIGNALS, likenessFeatures, type LikenessWeights, type WordEvidence } from '../src/analyse/word-likeness.js';

const STEPS = 5000;
const RATE = 0.5;
const PENALTY = 0.01;

/**
 * Weights that make `wordLikeness` the log-odds of `isWord` given each row's evidence.
 *
 * @example
 * fitLikeness(candidates.map((c) => ({ evidence: c, isWord: gold.has(c.word) })));
 */
export function fitLikeness(rows: ReadonlyArray<{ evidence: WordEvidence; isWord: boolean }>): LikenessWeights {
  const x = rows.map((row) => likenessFeatures(row.evidence));
  const y = rows.map((row) => (row.isWord ? 1 : 0));
  const d = LIKENESS_SIGNALS.length;
  const mean = new Array<number>(d).fill(0);
  const deviation = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    mean[j] = x.reduce((sum, features) => sum + features[j]!, 0) / x.length;
    deviation[j] = Math.sqrt(x.reduce((sum, features) => sum + (features[j]! - mean[j]!) ** 2, 0) / x.length) || 1;
  }
  const z = x.map((features) => features.map((v, j) => (v - mean[j]!) / deviation[j]!));
  let weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let step = 0; step < STEPS; step++) {
    const gradient = new Array<number>(d).fill(0);
    let biasGradient = 0;
    z.forEach((features, i) => {
      const p = 1 / (1 + Math.exp(-(bias + features.reduce((sum, v, j) => sum + v * weights[j]!, 0))));
      biasGradient += p - y[i]!;
      for (let j = 0; j < d; j++) gradient[j]! += (p - y[i]!) * features[j]!;
    });
    bias -= (RATE * biasGradient) / z.length;
    weights = weights.map((w, j) => w - RATE * (gradient[j]! / z.length + PENALTY * w));
  }
  const fitted: Record<string, number> = { bias: bias - weights.reduce((sum, w, j) => sum + (w * mean[j]!) / deviation[j]!, 0) };
  LIKENESS_SIGNALS.forEach((signal, j) => (fitted[signal] = weights[j]! / deviation[j]!));
  return fitted as LikenessWeights;
}
