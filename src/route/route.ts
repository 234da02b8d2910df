/**
 * The most probable split of a run of text into dictionary words: Python
 * jieba's `get_DAG` and `calc`, fused into one right-to-left pass.
 *
 * @module
 */

import { findChild } from '../dictionary/static-trie.js';
import type { PrefixDictionary } from '../dictionary/prefix-dictionary.js';

/** Reusable buffers for {@link bestRoute}, grown to the longest run seen. */
export class RouteScratch {
  /** `score[i - start]`: best log-probability of `text.slice(i, end)`. */
  score = new Float64Array(256);
  /** `routeEnd[i - start]`: end (exclusive) of the first word of that best split. */
  routeEnd = new Int32Array(256);
  ensure(length: number): void {
    if (length + 1 > this.score.length) {
      const size = Math.max(length + 1, 2 * this.score.length);
      this.score = new Float64Array(size);
      this.routeEnd = new Int32Array(size);
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
export function bestRoute(dict: PrefixDictionary, text: string, start: number, end: number, scratch: RouteScratch): void {
  scratch.ensure(end - start);
  const score = scratch.score;
  const routeEnd = scratch.routeEnd;
  const trie = dict.trie;
  const firstChild = trie.firstChild;
  const chars = trie.chars;
  const values = trie.values;
  const rootChildren = trie.rootChildren;
  const logFrequency = dict.classLogFrequency;
  const logTotal = dict.logTotal;

  score[end - start] = 0;
  for (let k = end - 1; k >= start; k--) {
    let bestScore = 0;
    let bestEnd = -1;
    let node = rootChildren[text.charCodeAt(k)]!;
    let i = k;
    while (node >= 0) {
      const cls = values[node]!;
      if (cls !== 0) {
        const candidate = logFrequency[cls]! - logTotal + score[i + 1 - start]!;
        if (bestEnd < 0 || candidate >= bestScore) {
          bestScore = candidate;
          bestEnd = i + 1;
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
  }
}

/** One row of the DAG: see {@link fillDagRow}. */
export class DagRow {
  /** Inclusive ends, `ends[0 .. count)`. */
  ends = new Int32Array(64);
  count = 0;

  add(i: number): void {
    if (this.count === this.ends.length) {
      const grown = new Int32Array(2 * this.ends.length);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = i;
  }
}

/**
 * One row of Python's `get_DAG`: the inclusive end `i` of every word
 * `text[k..i]` (within `end`) with non-zero frequency, in increasing order,
 * or just `k` when there is none.
 */
export function fillDagRow(dict: PrefixDictionary, text: string, k: number, end: number, row: DagRow): void {
  const trie = dict.trie;
  const values = trie.values;
  row.count = 0;
  let node = trie.rootChildren[text.charCodeAt(k)]!;
  for (let i = k; node >= 0; ) {
    if (values[node] !== 0) row.add(i);
    if (++i >= end) break;
    node = trie.child(node, text.charCodeAt(i));
  }
  if (row.count === 0) row.add(k);
}
