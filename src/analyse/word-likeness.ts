/**
 * How much a string that new-word discovery counted looks like a word: a
 * logistic score over what the counts and the dictionary say of it.
 *
 * Each signal alone is weak on real text: a phrase met a few times (张白纸,
 * 采访时) holds together and sits in varied contexts as well as a name does.
 * What tells them apart is mostly what the dictionary already knows. A new
 * word is, most often, a string that the dictionary's own cut leaves in
 * single characters (魅族, 微信, 夏世清), rarely one that holds a dictionary
 * word (张 + 白纸); and a character that is a frequent word of its own (张,
 * 时, 你) seldom starts or ends one. So the score weighs:
 *
 * - the branching entropy at its edges (higher: more like a word), and the
 *   most open split inside it (higher: more like words put side by side);
 * - how often it occurs, and its cohesion (pointwise mutual information);
 * - whether the dictionary leaves every character of it single;
 * - the share of its occurrences that a word of the dictionary's cut
 *   crosses (a piece of a known word);
 * - the dictionary frequency of its first and last characters as words;
 * - its length.
 *
 * The weights are those of a logistic regression fitted on the raw SIGHAN
 * 2005 PKU and MSR test texts, a string being a word where the gold
 * segmentation has it (`npm run bench:discover -- --fit` fits them again and
 * prints them). {@link LEAST_LIKENESS} is the least score reported.
 *
 * @module
 */

/** What the counts and the dictionary say of a string: the inputs of {@link wordLikeness}. */
export interface WordEvidence {
  /** Occurrences in the text. */
  count: number;
  /** Smallest PMI over its two-part splits (natural log). */
  cohesion: number;
  /** Smaller of its left and right branching entropies (natural log). */
  entropy: number;
  /**
   * The most open split inside it: over its two-part splits, the larger of
   * the smaller of the entropy after the first part and the entropy before
   * the second (natural log).
   */
  innerEntropy: number;
  /** Share of its occurrences with an edge inside a word of the dictionary's own cut (0 to 1/2). */
  crossedShare: number;
  /** Whether the dictionary's own cut (no HMM) leaves every character of it single. */
  allSingle: boolean;
  /** The dictionary frequency of its first character as a word (0 where it is none). */
  firstFrequency: number;
  /** The dictionary frequency of its last character as a word (0 where it is none). */
  lastFrequency: number;
  /** Its length in characters. */
  length: number;
}

/**
 * The weight of each signal in {@link wordLikeness} (frequencies enter as
 * `log(1 + f)`, the count as `log(count)`), as `npm run bench:discover --
 * --fit` printed them.
 */
export const LIKENESS_WEIGHTS = {
  bias: 2.0849,
  logCount: 0.6437,
  cohesion: 0.0457,
  entropy: 0.281,
  innerEntropy: -0.135,
  crossedShare: -2.0786,
  allSingle: 0.7246,
  logFirstFrequency: -0.2605,
  logLastFrequency: -0.2314,
  length: -0.1099,
} as const;

/**
 * The least {@link wordLikeness} of a reported word: a probability of
 * about 0.2 on the texts the weights were fitted on, where a fifth of the
 * strings were words. It is set by a 6 MB corpus made of dictionary words
 * (`bench/data/news.txt`), where no string is a new word: at -1.5, one was
 * reported there (人你, at -1.49); at -1.4, none.
 */
export const LEAST_LIKENESS = -1.4;

/** A weight for each of {@link LIKENESS_SIGNALS}, and `bias`: what {@link LIKENESS_WEIGHTS} holds. */
export type LikenessWeights = Readonly<Record<'bias' | (typeof LIKENESS_SIGNALS)[number], number>>;

/**
 * The log-odds that a string is a word, from its evidence (with
 * {@link LIKENESS_WEIGHTS} unless other `weights` are given, as a fit tries them).
 *
 * @example
 * wordLikeness({ count: 12, cohesion: 6.1, entropy: 2.3, innerEntropy: 0.4, crossedShare: 0,
 *   allSingle: true, firstFrequency: 0, lastFrequency: 120, length: 2 }); // about 3.4
 */
export function wordLikeness(evidence: WordEvidence, weights: LikenessWeights = LIKENESS_WEIGHTS): number {
  const features = likenessFeatures(evidence);
  let logOdds = weights.bias;
  LIKENESS_SIGNALS.forEach((signal, i) => (logOdds += weights[signal] * features[i]!));
  return logOdds;
}

/** The signals' names in {@link LIKENESS_WEIGHTS}, in the order of {@link likenessFeatures}. */
export const LIKENESS_SIGNALS = ['logCount', 'cohesion', 'entropy', 'innerEntropy', 'crossedShare', 'allSingle', 'logFirstFrequency', 'logLastFrequency', 'length'] as const;

/**
 * The signals of {@link wordLikeness} as numbers, in the order of
 * {@link LIKENESS_SIGNALS}: what a fit of the weights works on.
 *
 * @example
 * likenessFeatures(evidence)[0] === Math.log(evidence.count); // true
 */
export function likenessFeatures(evidence: WordEvidence): number[] {
  return [
    Math.log(evidence.count),
    evidence.cohesion,
    evidence.entropy,
    evidence.innerEntropy,
    evidence.crossedShare,
    evidence.allSingle ? 1 : 0,
    Math.log1p(evidence.firstFrequency),
    Math.log1p(evidence.lastFrequency),
    evidence.length,
  ];
}
