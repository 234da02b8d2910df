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
 * The per-node table is one per trie, shared by every tally of that trie:
 * a tally of its own would be a fresh 4 MB array (two entries for each of
 * the default dictionary's 498,114 nodes) for every new extractor, whose
 * first pages cost page faults, and a fresh extractor over a few hundred
 * kilobytes of text spent as long on that as on counting. Each tally marks
 * the verdicts it writes with a stamp of its own and reads only those, so
 * tallies sharing a table never see each other's verdicts (each may have
 * its own IDF table and stop words), only overwrite them.
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
  /** The trie's shared table (see {@link NodeTable}). */
  #table: NodeTable | undefined;
  /** This tally's stamp in `#table`, for the current IDF table and stop words. */
  #stamp = 0;
  /** `#table.generation` when `#stamp` was taken. */
  #generation = -1;
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
    if (this.#trie !== trie || this.#idfKey !== idfKey || this.#stopVersion !== stopVersion) {
      this.#trie = trie;
      this.#table = nodeTableOf(trie);
      this.#outsideVerdicts.clear();
      this.#generation = -1;
    }
    this.#idfKey = idfKey;
    this.#stopVersion = stopVersion;
    const table = this.#table!;
    // A new stamp forgets every verdict this tally wrote before.
    if (this.#generation !== table.generation) [this.#stamp, this.#generation] = [table.takeStamp(), table.generation];
    const stamp = this.#stamp;
    if (this.starts.length < words.length) this.#grow(words.length);
    const perNode = table.entries;
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
      if (node >= 0) touched ^= perNode[3 * node]!;
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
        const slot = perNode[3 * node]!;
        const known = perNode[3 * node + 2] === stamp ? perNode[3 * node + 1]! : 0;
        if (known === DROPPED + 2) continue;
        if (slot < size && nodeOf[slot] === node) {
          counts[slot]!++;
          total++;
          continue;
        }
        if (known === 0) {
          verdict = quickJudge === undefined ? UNKNOWN : quickJudge(text, start, end);
          if (verdict === UNKNOWN) verdict = judge(text.slice(start, end));
          perNode[3 * node + 1] = verdict + 2;
          perNode[3 * node + 2] = stamp;
          if (verdict === DROPPED) continue;
        } else {
          verdict = known - 2;
        }
        perNode[3 * node] = size;
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

/**
 * Three entries per trie node, shared by the tallies of one trie. `[3n]`:
 * the sparse half of a sparse set: the index of node n's word in the tally
 * counting it when that tally's `nodeOf[index] === n`, so it needs no
 * clearing between texts (a tally counts a text in one synchronous call,
 * so no other tally writes in between). `[3n + 1]`: the node's verdict + 2
 * (so 1 for dropped), valid for the tally whose stamp is `[3n + 2]`.
 */
class NodeTable {
  readonly entries: Int32Array;
  /** Changes when stamps start again from 1, so that every tally takes a new one. */
  generation = 0;
  #nextStamp = 1;

  constructor(nodes: number) {
    this.entries = new Int32Array(3 * nodes);
  }

  /** A stamp no live tally holds in this generation. */
  takeStamp(): number {
    if (this.#nextStamp === 0x7fffffff) {
      for (let i = 2; i < this.entries.length; i += 3) this.entries[i] = 0;
      this.#nextStamp = 1;
      this.generation++;
    }
    return this.#nextStamp++;
  }
}

const nodeTables = new WeakMap<StaticTrie, NodeTable>();

/** The node table of `trie`, made on first use. */
function nodeTableOf(trie: StaticTrie): NodeTable {
  let table = nodeTables.get(trie);
  if (table === undefined) {
    table = new NodeTable(trie.size);
    nodeTables.set(trie, table);
  }
  return table;
}
