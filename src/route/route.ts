/**
 * The most probable split of a run of text into dictionary words: Python
 * jieba's `get_DAG` and `calc`, fused into one right-to-left pass.
 *
 * @module
 */

import { PrefixMatches, type Dictionary } from '../dictionary/dictionary.js';
import { findChild } from '../dictionary/static-trie.js';
import { SCRATCH_KEEP } from '../scratch.js';

/** Reusable buffers for {@link bestRoute}, grown to the longest run seen. */
export class RouteScratch {
  /** `score[i - start]`: best log-probability of `text.slice(i, end)`. */
  score = new Float64Array(256);
  /** `routeEnd[i - start]`: end (exclusive) of the first word of that best split. */
  routeEnd = new Int32Array(256);
  /**
   * `routeNode[i - start]`: trie node of that first word, when it is a word
   * of the base dictionary (else -1); filled only for pristine dictionaries.
   */
  routeNode = new Int32Array(256);
  /** DAG row for the general path. */
  readonly matches = new PrefixMatches();

  /** Give back memory a huge run made these buffers take (see `SCRATCH_KEEP`). */
  shrink(): void {
    if (this.score.length > SCRATCH_KEEP) {
      this.score = new Float64Array(256);
      this.routeEnd = new Int32Array(256);
      this.routeNode = new Int32Array(256);
    }
  }

  ensure(length: number): void {
    if (length + 1 > this.score.length) {
      const size = Math.max(length + 1, 2 * this.score.length);
      this.score = new Float64Array(size);
      this.routeEnd = new Int32Array(size);
      this.routeNode = new Int32Array(size);
    }
  }
}

/**
 * Fill `scratch.routeEnd` for `text.slice(start, end)`.
 *
 * For each position `k`, from the right, Python builds the DAG row (every
 * `i` such that `text[k..i]` is a word with non-zero frequency, or `[k]` if
 * there is none) and takes
 * `max((log(FREQ.get(word) or 1) - logtotal + route[i + 1][0], i) for i in row)`.
 * The row only needs route values right of `k`, already known, so the row
 * is walked in the trie and scored at once. The sum keeps Python's order,
 * `(log(freq) - logtotal) + route`, and a tie goes to the larger `i` (the
 * longer word), since tuples compare their second item next.
 *
 * The walk stops where `text[k..i]` stops being a key of `FREQ` (a word or a
 * prefix of one), as Python's `while i < N and frag in FREQ` does.
 */
export function bestRoute(dict: Dictionary, text: string, start: number, end: number, scratch: RouteScratch): void {
  scratch.ensure(end - start);
  if (dict.isPristine) routeInBase(dict, text, start, end, scratch);
  else routeWithChanges(dict, text, start, end, scratch);
}

/** The hot path: no words added, so the base trie's arrays are read directly. */
function routeInBase(dict: Dictionary, text: string, start: number, end: number, scratch: RouteScratch): void {
  const score = scratch.score;
  const routeEnd = scratch.routeEnd;
  const routeNode = scratch.routeNode;
  const base = dict.base;
  const trie = base.trie;
  const firstChild = trie.firstChild;
  const chars = trie.chars;
  const values = trie.values;
  const rootChildren = trie.rootChildren;
  const logFrequency = base.classLogFrequency;
  const logTotal = dict.logTotal;

  score[end - start] = 0;
  for (let k = end - 1; k >= start; k--) {
    let bestScore = 0;
    let bestEnd = -1;
    let bestNode = -1;
    let node = rootChildren[text.charCodeAt(k)]!;
    let i = k;
    while (node >= 0) {
      const cls = values[node]!;
      if (cls !== 0) {
        const candidate = logFrequency[cls]! - logTotal + score[i + 1 - start]!;
        if (bestEnd < 0 || candidate >= bestScore) {
          bestScore = candidate;
          bestEnd = i + 1;
          bestNode = node;
        }
      }
      if (++i >= end) break;
      node = findChild(chars, firstChild[node]!, firstChild[node + 1]!, text.charCodeAt(i));
    }
    if (bestEnd < 0) {
      // No word starts here: the character alone, with log(1) = 0.
      bestScore = 0 - logTotal + score[k + 1 - start]!;
      bestEnd = k + 1;
    }
    score[k - start] = bestScore;
    routeEnd[k - start] = bestEnd;
    routeNode[k - start] = bestNode;
  }
}

/** The same computation when words were added: each row comes from {@link Dictionary.matchPrefixes}. */
function routeWithChanges(dict: Dictionary, text: string, start: number, end: number, scratch: RouteScratch): void {
  const score = scratch.score;
  const routeEnd = scratch.routeEnd;
  const matches = scratch.matches;
  const logTotal = dict.logTotal;
  score[end - start] = 0;
  for (let k = end - 1; k >= start; k--) {
    dict.matchPrefixes(text, k, end, matches);
    let bestScore = 0 - logTotal + score[k + 1 - start]!;
    let bestEnd = k + 1;
    for (let m = 0; m < matches.count; m++) {
      const i = matches.ends[m]!;
      const candidate = matches.logs[m]! - logTotal + score[i + 1 - start]!;
      if (m === 0 || candidate >= bestScore) {
        bestScore = candidate;
        bestEnd = i + 1;
      }
    }
    score[k - start] = bestScore;
    routeEnd[k - start] = bestEnd;
  }
}
