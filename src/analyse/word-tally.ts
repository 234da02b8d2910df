/**
 * TF-IDF's word counts keyed by dictionary node. Most words of a text are
 * dictionary words, the route already knows their trie node, and a node
 * names its word uniquely, so such words are counted without becoming
 * strings. What TF-IDF decides about a word (dropped, as too short or a stop
 * word, or kept with some IDF) depends only on the word, the IDF table and
 * the stop words, so it is decided once per node and remembered next to the
 * node's counting slot: one cache line serves both. Words outside the
 * dictionary (rare: new names the HMM finds) are keyed by their text.
 *
 * @module
 */

import type { WordNodeBuffer } from '../text/spans.js';
import type { StaticTrie } from '../dictionary/static-trie.js';
import { SpanTable } from './span-counts.js';
import { UNKNOWN, VerdictMemo } from './verdict-memo.js';

/**
 * What TF-IDF makes of a word: {@link DROPPED}, or the word's index in the
 * IDF table (0 for "not listed": the median).
 */
export type Verdict = number;
/** The verdict on a word TF-IDF drops. */
export const DROPPED: Verdict = -1;

/**
 * The distinct kept words of one text in order of first occurrence, with
 * counts and IDF indices. Reused from text to text; grows to the largest
 * text seen.
 *
 * @example
 * const tally = new WordTally();
 * tally.count(text, words, trie, idf, stopWords.version, judge);
 * for (let i = 0; i < tally.size; i++) console.log(text.slice(tally.starts[i], tally.ends[i]), tally.counts[i]);
 */
export class WordTally {
  /** `text.slice(starts[i], ends[i])`: the i-th distinct kept word (its first occurrence). */
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  counts = new Int32Array(256);
  /** IDF-table index of the i-th word (0: the median). */
  idfIndices = new Int32Array(256);
  /** Number of distinct kept words. */
  size = 0;
  /** Sum of `counts`. */
  total = 0;
  /**
   * Two entries per trie node. `[2n]`: the sparse half of a sparse set: the
   * index of node n's word when `nodeOf[index] === n`, so it needs no
   * clearing between texts. `[2n + 1]`: the node's verdict + 2 (so 1 for
   * dropped), 0 for not decided yet.
   */
  #perNode = new Int32Array(0);
  /** Node of each distinct word, or -1 for a word outside the trie. */
  #nodeOf = new Int32Array(256);
  #trie: StaticTrie | undefined;
  /** Where the prefetching loop of {@link WordTally.count} leaves its result, so the loads are not optimised away. */
  touched = 0;
  #idfKey: unknown;
  #stopVersion = -1;
  /** Words outside the trie in this text, by text. */
  readonly #byText = new SpanTable();
  /** Verdicts on short words outside the trie, kept across texts as the per-node ones are. */
  readonly #outsideVerdicts = new VerdictMemo();

  /**
   * Count the kept words among `words` (from {@link Segmenter.segmentLongWords},
   * or a tokenizer's `taggedLongWords` with allowPOS) of `text`, whose nodes
   * belong to `trie`. A word without a node is looked up in the trie first,
   * so each word has one key whichever way it was found. `judge` decides a
   * word met for the first time (`quickJudge` first, if given, which decides
   * from the span or answers UNKNOWN); verdicts are kept while `idfKey` (the
   * IDF table) and `stopVersion` stay the same.
   */
  count(
    text: string,
    words: WordNodeBuffer,
    trie: StaticTrie,
    idfKey: unknown,
    stopVersion: number,
    judge: (word: string) => Verdict,
    quickJudge?: (text: string, start: number, end: number) => Verdict,
  ): void {
    if (this.#trie !== trie) {
      this.#trie = trie;
      this.#perNode = new Int32Array(2 * trie.size);
      this.#outsideVerdicts.clear();
    } else if (this.#idfKey !== idfKey || this.#stopVersion !== stopVersion) {
      for (let n = 1; n < this.#perNode.length; n += 2) this.#perNode[n] = 0;
      this.#outsideVerdicts.clear();
    }
    this.#idfKey = idfKey;
    this.#stopVersion = stopVersion;
    if (this.starts.length < words.length) this.#grow(words.length);
    const perNode = this.#perNode;
    const nodeOf = this.#nodeOf;
    const { starts, ends, counts, idfIndices } = this;
    const data = words.data;
    const byText = this.#byText;
    const outsideVerdicts = this.#outsideVerdicts;
    byText.clear(text);
    // Touch every counted node's entry first. The per-node table is large
    // (two entries per trie node) and each word's entry is a cache miss;
    // these loads depend on nothing but the word list, so the processor
    // overlaps them, and the loop below, whose branches depend on each
    // entry, then finds them in cache. (The sum only keeps the loads alive.)
    let touched = 0;
    for (let w = 0; w < words.length; w++) {
      const node = data[3 * w + 2]!;
      if (node >= 0) touched ^= perNode[2 * node]!;
    }
    this.touched = touched;
    let size = 0;
    let total = 0;
    for (let w = 0; w < words.length; w++) {
      const start = data[3 * w]!;
      const end = data[3 * w + 1]!;
      let node = data[3 * w + 2]!;
      if (node < 0) node = trie.find(text, start, end);
      let verdict: Verdict;
      if (node >= 0) {
        const slot = perNode[2 * node]!;
        const known = perNode[2 * node + 1]!;
        if (known === DROPPED + 2) continue;
        if (slot < size && nodeOf[slot] === node) {
          counts[slot]!++;
          total++;
          continue;
        }
        if (known === 0) {
          verdict = quickJudge === undefined ? UNKNOWN : quickJudge(text, start, end);
          if (verdict === UNKNOWN) verdict = judge(text.slice(start, end));
          perNode[2 * node + 1] = verdict + 2;
          if (verdict === DROPPED) continue;
        } else {
          verdict = known - 2;
        }
        perNode[2 * node] = size;
      } else {
        const entry = byText.find(start, end);
        if (entry >= 0) {
          const seen = byText.values[entry]!;
          if (seen >= 0) {
            counts[seen]!++;
            total++;
          }
          continue;
        }
        // A quick verdict costs about what the memo's lookup does, and
        // keeping it would cost more: only the others are remembered.
        verdict = quickJudge === undefined ? UNKNOWN : quickJudge(text, start, end);
        if (verdict === UNKNOWN) {
          verdict = outsideVerdicts.get(text, start, end);
          if (verdict === UNKNOWN) {
            verdict = judge(text.slice(start, end));
            outsideVerdicts.set(text, start, end, verdict);
          }
        }
        byText.add(start, end, verdict === DROPPED ? -1 : size);
        if (verdict === DROPPED) continue;
      }
      starts[size] = start;
      ends[size] = end;
      nodeOf[size] = node;
      counts[size] = 1;
      idfIndices[size] = verdict;
      size++;
      total++;
    }
    this.size = size;
    this.total = total;
  }

  #grow(words: number): void {
    let capacity = this.starts.length;
    while (capacity < words) capacity *= 2;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.idfIndices = new Int32Array(capacity);
    this.#nodeOf = new Int32Array(capacity);
  }
}
