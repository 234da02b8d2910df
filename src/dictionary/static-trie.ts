/**
 * A read-only trie over UTF-16 code units, laid out breadth-first so that
 * the nodes a text touches most often sit close together in memory.
 *
 * Python jieba keeps every word and every prefix of a word as a key of one
 * dict (`FREQ`) and probes it with a new substring per character. Here the
 * same key set is a trie in three typed arrays, numbered breadth-first:
 * the children of a node are consecutive nodes, sorted by code unit, so
 * following an edge is a short search in a few adjacent entries. The first
 * levels (every character, then the common two-character prefixes) come
 * first and stay in cache; the root's children are also found through a
 * direct 65,536-entry table. Lookups never make a string.
 *
 * A node exists exactly when its path is a key of Python's `FREQ`; each node
 * carries one integer value (the caller's frequency class).
 *
 * @module
 */

/** The root is node 0. */
export const ROOT = 0;

/**
 * Node values: 16-bit when every value fits (the usual case: values are
 * frequency classes, and jieba's dictionaries have a few thousand), which
 * keeps images small; 32-bit otherwise.
 */
export type NodeValues = Uint16Array | Int32Array;

/** The typed arrays of a trie, as an image stores them. */
export interface StaticTrieArrays {
  /** Children of node `n` are nodes `firstChild[n] .. firstChild[n + 1] - 1`; one entry more than nodes. */
  readonly firstChild: Int32Array;
  /** Code unit on the edge into each node (0 for the root). */
  readonly chars: Uint16Array;
  /** Value of each node. */
  readonly values: NodeValues;
}

/**
 * A breadth-first trie of strings (see the module notes).
 *
 * @example
 * const trie = StaticTrie.build(['中国', '中国人'], [1, 2]);
 * trie.values[trie.find('中国人', 0, 3)]; // 2
 * trie.find('中国人', 0, 2) >= 0; // true: a key
 * trie.find('中', 0, 1) >= 0; // true: a prefix of a key
 */
export class StaticTrie implements StaticTrieArrays {
  readonly firstChild: Int32Array;
  readonly chars: Uint16Array;
  readonly values: NodeValues;
  /** Node of the root's child for each code unit, or -1: built on load, not stored. */
  readonly rootChildren: Int32Array;

  /** Wrap arrays built by {@link StaticTrie.build} or read from an image, without copying. */
  constructor(arrays: StaticTrieArrays) {
    const nodes = arrays.chars.length;
    if (nodes < 1 || arrays.values.length !== nodes || arrays.firstChild.length !== nodes + 1) {
      throw new RangeError('trie arrays have inconsistent sizes');
    }
    // Cheap shape checks only: the image checksum catches damage, and a
    // malformed table can mislead lookups but never loop or read outside it.
    if (arrays.firstChild[0] !== Math.min(1, nodes) || arrays.firstChild[nodes] !== nodes) {
      throw new RangeError('trie child table is not breadth-first');
    }
    this.firstChild = arrays.firstChild;
    this.chars = arrays.chars;
    this.values = arrays.values;
    // Locals, not property loads: this loop runs once, cold, at start-up.
    const rootChildren = new Int32Array(65536).fill(-1);
    const chars = arrays.chars;
    for (let node = arrays.firstChild[ROOT]!, end = arrays.firstChild[ROOT + 1]!; node < end; node++) {
      rootChildren[chars[node]!] = node;
    }
    this.rootChildren = rootChildren;
  }

  /** Number of nodes, the root included. */
  get size(): number {
    return this.chars.length;
  }

  /**
   * Build a trie holding `keys`, the node of `keys[i]` getting `values[i]`
   * (a non-negative 32-bit integer) and every other node 0. Keys must be
   * non-empty; a repeated key keeps its last value.
   *
   * @example
   * const trie = StaticTrie.build(['ab', 'ac'], [1, 2]);
   * trie.size; // 4: the root, a, ab, ac
   */
  static build(keys: readonly string[], values: ArrayLike<number>): StaticTrie {
    const last = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key.length === 0) throw new RangeError('a trie key cannot be empty');
      last.set(key, values[i]!);
    });
    const sorted = [...last.keys()].sort();

    // Count nodes: each key adds the code units past its common prefix with the previous key.
    let nodes = 1;
    for (let k = 0; k < sorted.length; k++) nodes += sorted[k]!.length - commonPrefix(sorted[k - 1] ?? '', sorted[k]!);

    const firstChild = new Int32Array(nodes + 1);
    const chars = new Uint16Array(nodes);
    let widest = 0;
    for (const value of last.values()) widest = Math.max(widest, value);
    const nodeValues = widest <= 0xffff ? new Uint16Array(nodes) : new Int32Array(nodes);
    // Each node covers the sorted keys [lo, hi) that share its path of length depth.
    const lo = new Int32Array(nodes);
    const hi = new Int32Array(nodes);
    const depth = new Int32Array(nodes);
    hi[ROOT] = sorted.length;
    let next = 1;
    for (let node = 0; node < nodes; node++) {
      let from = lo[node]!;
      const to = hi[node]!;
      const d = depth[node]!;
      if (d > 0 && sorted[from]!.length === d) {
        nodeValues[node] = last.get(sorted[from]!)!;
        from++;
      }
      firstChild[node] = next;
      while (from < to) {
        const cu = sorted[from]!.charCodeAt(d);
        let end = from + 1;
        while (end < to && sorted[end]!.charCodeAt(d) === cu) end++;
        chars[next] = cu;
        lo[next] = from;
        hi[next] = end;
        depth[next] = d + 1;
        next++;
        from = end;
      }
    }
    firstChild[nodes] = next;
    return new StaticTrie({ firstChild, chars, values: nodeValues });
  }

  /**
   * Child of `node` by code unit `cu`, or -1.
   *
   * @example
   * const trie = StaticTrie.build(['ab'], [1]);
   * trie.child(trie.child(ROOT, 0x61), 0x62) >= 0; // true
   */
  child(node: number, cu: number): number {
    if (node === ROOT) return this.rootChildren[cu]!;
    return findChild(this.chars, this.firstChild[node]!, this.firstChild[node + 1]!, cu);
  }

  /**
   * Node spelled by `text.slice(start, end)`, or -1 when that string is not
   * a key or a prefix of one. The empty string is the root.
   *
   * @example
   * const trie = StaticTrie.build(['中国'], [1]);
   * trie.find('中国人', 0, 2) >= 0; // true
   * trie.find('中国人', 0, 3); // -1
   */
  find(text: string, start: number, end: number): number {
    let node = ROOT;
    for (let i = start; i < end && node >= 0; i++) node = this.child(node, text.charCodeAt(i));
    return node;
  }
}

/**
 * Index of `cu` among the sorted `chars[from .. to)`, or -1. Most nodes have
 * a handful of children, scanned in order. Wide ones (a common character
 * has hundreds) are bisected without branching on the comparisons, which a
 * processor cannot predict: the step is masked by the sign of `cu - char`.
 */
export function findChild(chars: Uint16Array, from: number, to: number, cu: number): number {
  let n = to - from;
  if (n <= 8) {
    for (let i = from; i < to; i++) {
      const c = chars[i]!;
      if (c >= cu) return c === cu ? i : -1;
    }
    return -1;
  }
  let base = from;
  while (n > 1) {
    const half = n >>> 1;
    base += half & ~((cu - chars[base + half]!) >> 31); // advance when chars[base + half] <= cu
    n -= half;
  }
  return chars[base] === cu ? base : -1;
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
