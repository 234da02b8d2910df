/**
 * A tokenizer's dictionary: Python jieba's `FREQ` and `total`, as a shared
 * read-only {@link PrefixDictionary} plus this tokenizer's own changes.
 *
 * @module
 */

import { pythonLog } from '../math/log.js';
import { HashTrie, ROOT as OVERLAY_ROOT } from './hash-trie.js';
import type { DictionaryEntries } from './dictionary-text.js';
import { PrefixDictionary } from './prefix-dictionary.js';
import { ROOT, findChild } from './static-trie.js';

/** Matches written by {@link Dictionary.matchPrefixes}. */
export class PrefixMatches {
  /** Inclusive end index of each word. */
  ends = new Int32Array(64);
  /** `log(freq)` of each word. */
  logs = new Float64Array(64);
  count = 0;

  add(end: number, log: number): void {
    if (this.count === this.ends.length) {
      const ends = new Int32Array(2 * this.count);
      ends.set(this.ends);
      this.ends = ends;
      const logs = new Float64Array(2 * this.count);
      logs.set(this.logs);
      this.logs = logs;
    }
    this.ends[this.count] = end;
    this.logs[this.count] = log;
    this.count++;
  }
}

/**
 * The words a tokenizer knows and their frequencies.
 *
 * Reads go to the base dictionary (compiled, shared, never modified) unless
 * the word was added or changed here: `addWord` writes to a small trie of
 * its own (the overlay). As in Python, adding a word adds its frequency to
 * the total without removing the old one, and makes every prefix of it a
 * key with frequency 0 unless it already is a key.
 */
export class Dictionary {
  /** The compiled dictionary underneath. */
  readonly base: PrefixDictionary;
  /** Words added or changed here; nodes are their prefixes too. Node value k > 0 is entry k - 1. */
  private overlay: HashTrie | undefined;
  private readonly overlayFreq: number[] = [];
  private readonly overlayLog: number[] = [];
  /** Frequency given to the empty string, which Python allows as a key. */
  private emptyWordFreq: number | undefined;
  /** Python's `Tokenizer.total`. */
  total: number;
  /** `log(total)`, correctly rounded. */
  logTotal: number;

  constructor(base: PrefixDictionary) {
    this.base = base;
    this.total = base.total;
    this.logTotal = base.logTotal;
  }

  /** True when nothing was added: cutting can then read the base arrays directly. */
  get isPristine(): boolean {
    return this.overlay === undefined;
  }

  /**
   * `FREQ.get(text[start:end])`: its frequency, 0 for a key that is only a
   * prefix (or a word set to 0), -1 when it is not a key.
   *
   * @example
   * dictionary.frequencyOf('中国人', 0, 2); // 129470
   */
  frequencyOf(text: string, start: number, end: number): number {
    if (start >= end) return this.emptyWordFreq ?? -1;
    const overlay = this.overlay;
    if (overlay) {
      const node = overlay.find(text, start, end);
      if (node >= 0) {
        const entry = overlay.values[node]! - 1;
        if (entry >= 0) return this.overlayFreq[entry]!;
        const base = this.base.frequencyOf(text, start, end);
        return base < 0 ? 0 : base;
      }
    }
    return this.base.frequencyOf(text, start, end);
  }

  /**
   * Python's `FREQ[word] = freq; total += freq`, plus prefixes as keys.
   * `freq` must be a non-negative integer (checked by the caller).
   */
  setFrequency(word: string, freq: number): void {
    this.total += freq;
    this.logTotal = pythonLog(this.total);
    if (word.length === 0) {
      this.emptyWordFreq = freq;
      return;
    }
    const overlay = (this.overlay ??= HashTrie.empty());
    const node = overlay.insert(word);
    let entry = overlay.values[node]! - 1;
    if (entry < 0) {
      entry = this.overlayFreq.length;
      this.overlayFreq.push(0);
      this.overlayLog.push(0);
      overlay.values[node] = entry + 1;
    }
    this.overlayFreq[entry] = freq;
    this.overlayLog[entry] = freq > 0 ? pythonLog(freq) : 0;
  }

  /**
   * One row of Python's DAG with the frequencies it needs: every word
   * `text[k..i]` (i < end) with non-zero frequency, in increasing `i`, with
   * `log(freq)`. The walk goes on while `text[k..i]` is a key, in the base
   * dictionary or among the words added here.
   */
  matchPrefixes(text: string, k: number, end: number, out: PrefixMatches): void {
    out.count = 0;
    const base = this.base;
    const trie = base.trie;
    const firstChild = trie.firstChild;
    const chars = trie.chars;
    const values = trie.values;
    const classLog = base.classLogFrequency;
    const overlay = this.overlay;
    const cu0 = text.charCodeAt(k);
    let node = trie.rootChildren[cu0]!;
    let added = overlay ? overlay.child(OVERLAY_ROOT, cu0) : -1;
    for (let i = k; node >= 0 || added >= 0; ) {
      const entry = added >= 0 ? overlay!.values[added]! - 1 : -1;
      if (entry >= 0) {
        if (this.overlayFreq[entry] !== 0) out.add(i, this.overlayLog[entry]!);
      } else if (node >= 0) {
        const cls = values[node]!;
        if (cls !== 0) out.add(i, classLog[cls]!);
      }
      if (++i >= end) break;
      const cu = text.charCodeAt(i);
      if (node >= 0) node = findChild(chars, firstChild[node]!, firstChild[node + 1]!, cu);
      if (added >= 0) added = overlay!.child(added, cu);
    }
  }

  /**
   * Every key and its frequency, base and overlay merged (what Python's
   * `FREQ` holds), with POS tags (the base's, overridden by `userTags`), for
   * compiling into a new image. The empty word is left out; its frequency is
   * still in the total.
   */
  entries(userTags: ReadonlyMap<string, string> = new Map()): DictionaryEntries {
    const words: string[] = [];
    const frequencies: number[] = [];
    const tags: (string | undefined)[] = [];
    const baseTags = this.base.tags;
    const trie = this.base.trie;
    // Breadth-first numbering puts a parent before its children, so one pass spells every node.
    const paths: string[] = new Array(trie.size);
    paths[ROOT] = '';
    for (let parent = 0; parent < trie.size; parent++) {
      for (let child = trie.firstChild[parent]!; child < trie.firstChild[parent + 1]!; child++) {
        const word = paths[parent]! + String.fromCharCode(trie.chars[child]!);
        paths[child] = word;
        words.push(word);
        frequencies.push(this.base.classFrequency[trie.values[child]!]!);
        tags.push(baseTags ? baseTags.names[baseTags.nodes[child]!] || undefined : undefined);
      }
    }
    const index = new Map<string, number>();
    if (this.overlay || userTags.size > 0) words.forEach((word, i) => index.set(word, i));
    if (this.overlay) {
      collectOverlay(this.overlay, (word, entry) => {
        const at = index.get(word);
        if (entry < 0) {
          // A bare prefix: a key with frequency 0 unless the base has it.
          if (at !== undefined) return;
          index.set(word, words.length);
          words.push(word);
          frequencies.push(0);
          tags.push(undefined);
        } else if (at === undefined) {
          index.set(word, words.length);
          words.push(word);
          frequencies.push(this.overlayFreq[entry]!);
          tags.push(undefined);
        } else {
          frequencies[at] = this.overlayFreq[entry]!;
        }
      });
    }
    for (const [word, tag] of userTags) {
      const at = index.get(word);
      if (at !== undefined) tags[at] = tag;
    }
    return { words, frequencies, total: this.total, tags, ...(baseTags ? {} : { tagError: this.base.tagError }) };
  }
}

/** Call `visit(path, entry)` for every node of an overlay trie (entry -1 for a bare prefix). */
function collectOverlay(trie: HashTrie, visit: (word: string, entry: number) => void): void {
  const slots = trie.values.length;
  const children = new Map<number, number[]>();
  for (let slot = 0; slot < slots; slot++) {
    const parent = trie.keys[2 * slot]!;
    if (parent < 0) continue;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(slot);
  }
  const stack: [number, string][] = [[OVERLAY_ROOT, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    for (const child of children.get(node) ?? []) {
      const word = path + String.fromCharCode(trie.keys[2 * child + 1]!);
      visit(word, trie.values[child]! - 1);
      stack.push([child, word]);
    }
  }
}
