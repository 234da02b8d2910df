/**
 * A tokenizer's dictionary: Python jieba's `FREQ` and `total`, as a shared
 * read-only {@link PrefixDictionary} plus this tokenizer's own changes.
 *
 * @module
 */

import { pythonLog } from '../math/log.js';
import { HashTrie, ROOT as OVERLAY_ROOT } from './hash-trie.js';
import { PrefixDictionary, type WordTags } from './prefix-dictionary.js';
import { ROOT, StaticTrie, findChild } from './static-trie.js';

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
   * The dictionary as it stands, base and added words merged (every key of
   * Python's `FREQ`, prefixes included), with POS tags (the base's,
   * overridden by `userTags`), as one prefix dictionary to compile into an
   * image. Linear in the sizes of the two tries: they are merged node by
   * node, breadth first, and no word is spelled out, which for a long added
   * word would mean a string for every one of its prefixes.
   *
   * @example
   * const compiled = dict.compile(new Map([['云计算', 'n']]), 'mine.img');
   */
  compile(userTags: ReadonlyMap<string, string>, name: string): PrefixDictionary {
    const base = this.base;
    const trie = base.trie;
    const overlay = this.overlay;
    const overlayChildren = overlay ? childrenByNode(overlay) : new Map<number, number[]>();
    const capacity = trie.size + (overlay?.size ?? 0);
    const firstChild = new Int32Array(capacity + 1);
    const chars = new Uint16Array(capacity);
    const frequencies = new Float64Array(capacity);
    // The nodes of the two tries that each merged node stands for (-1: none).
    const baseNode = new Int32Array(capacity).fill(-1);
    const overlayNode = new Int32Array(capacity).fill(-1);
    baseNode[ROOT] = ROOT;
    overlayNode[ROOT] = overlay ? OVERLAY_ROOT : -1;
    let next = ROOT + 1;
    for (let node = ROOT; node < next; node++) {
      firstChild[node] = next;
      const b = baseNode[node]!;
      const o = overlayNode[node]!;
      let bi = b >= 0 ? trie.firstChild[b]! : 0;
      const bEnd = b >= 0 ? trie.firstChild[b + 1]! : 0;
      const added = o >= 0 ? (overlayChildren.get(o) ?? []) : [];
      let oi = 0;
      // Both child lists are in code-unit order: merge them.
      while (bi < bEnd || oi < added.length) {
        const bcu = bi < bEnd ? trie.chars[bi]! : 0x10000;
        const ocu = oi < added.length ? overlay!.keys[2 * added[oi]! + 1]! : 0x10000;
        const cu = Math.min(bcu, ocu);
        const bc = bcu === cu ? bi++ : -1;
        const oc = ocu === cu ? added[oi++]! : -1;
        chars[next] = cu;
        baseNode[next] = bc;
        overlayNode[next] = oc;
        const entry = oc >= 0 ? overlay!.values[oc]! - 1 : -1;
        frequencies[next] = entry >= 0 ? this.overlayFreq[entry]! : bc >= 0 ? base.classFrequency[trie.values[bc]!]! : 0;
        next++;
      }
    }
    firstChild[next] = next;

    const classOf = new Map<number, number>([[0, 0]]);
    const classFrequency = [0];
    const classes = new Int32Array(next);
    for (let node = ROOT + 1; node < next; node++) {
      const freq = frequencies[node]!;
      let cls = classOf.get(freq);
      if (cls === undefined) {
        cls = classFrequency.push(freq) - 1;
        classOf.set(freq, cls);
      }
      classes[node] = cls;
    }
    const values = classFrequency.length <= 0x10000 ? Uint16Array.from(classes) : classes;
    const merged = new StaticTrie({ firstChild: firstChild.slice(0, next + 1), chars: chars.slice(0, next), values });

    let tags: WordTags | undefined;
    const baseTags = base.tags;
    if (baseTags) {
      const names = [...baseTags.names];
      const nodes = new Uint16Array(next);
      for (let node = ROOT + 1; node < next; node++) if (baseNode[node]! >= 0) nodes[node] = baseTags.nodes[baseNode[node]!]!;
      const ids = new Map(names.map((tag, id) => [tag, id]));
      for (const [word, tag] of userTags) {
        const node = word.length > 0 ? merged.find(word, 0, word.length) : -1;
        if (node < 0) continue;
        let id = ids.get(tag);
        if (id === undefined || id === 0) {
          id = names.push(tag) - 1;
          if (id > 0xffff) throw new RangeError('more than 65535 distinct POS tags');
          ids.set(tag, id);
        }
        nodes[node] = id;
      }
      tags = { names, nodes: names.length <= 256 ? Uint8Array.from(nodes) : nodes };
    }
    const classFrequencies = Float64Array.from(classFrequency);
    return new PrefixDictionary(
      {
        trie: merged,
        classFrequency: classFrequencies,
        classLogFrequency: classFrequencies.map((f) => (f > 0 ? pythonLog(f) : 0)),
        total: this.total,
        ...(tags ? { tags } : { tagError: base.tagError }),
      },
      name,
    );
  }
}

/** The children of every node of an overlay trie, each list in code-unit order. */
function childrenByNode(trie: HashTrie): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (let slot = 0; slot < trie.values.length; slot++) {
    const parent = trie.keys[2 * slot]!;
    if (parent < 0) continue;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(slot);
  }
  for (const list of children.values()) list.sort((a, b) => trie.keys[2 * a + 1]! - trie.keys[2 * b + 1]!);
  return children;
}

