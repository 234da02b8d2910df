/**
 * A trie over UTF-16 code units stored in one open-addressing hash table.
 *
 * Python jieba keeps every word and every prefix of a word as a key of one
 * dict (`FREQ`) and probes it with a new substring per character. Here the
 * same key set is a trie whose nodes are the slots of a hash table keyed by
 * `(parent node, code unit)`: following an edge is one hash and, usually, one
 * cache line, with no string made. The children of the root are also kept in
 * a direct 65,536-entry table, since every position of every text starts
 * there. Inserting is cheap, so user words go into the same structure.
 *
 * A node exists exactly when its path is a key of Python's `FREQ`; each node
 * carries one integer value (the caller's frequency class).
 *
 * @module
 */

/** `keys[2 * slot]` of a free slot. */
const FREE = -1;
/** `keys[2 * slot]` of the root's own slot, so no lookup ever matches it. */
const ROOT_MARK = -2;
/** The root is always node 0. */
export const ROOT = 0;
/** Grow the table when more than this fraction of slots is taken. */
const MAX_LOAD = 0.5;

/** The typed arrays of a trie, as an image stores them. */
export interface HashTrieArrays {
  /** Two per slot: parent node (-1 free, -2 the root) and code unit. */
  readonly keys: Int32Array;
  /** One per slot: the node's value, 0 by default. */
  readonly values: Int32Array;
  /** Node of the root's child for each code unit, or -1. */
  readonly rootChildren: Int32Array;
  /** Number of nodes, the root included. */
  readonly size: number;
}

/**
 * Slot where the search for edge `(parent, cu)` starts in a table of
 * 2^(32 - shift) slots: a multiplicative hash, taking the top bits.
 */
export function homeSlot(parent: number, cu: number, shift: number): number {
  return Math.imul(parent ^ Math.imul(cu, 0x9e3779b1), 0x85ebca6b) >>> shift;
}

/**
 * A trie of strings in a hash table (see the module notes).
 *
 * @example
 * const trie = HashTrie.build(['中国', '中国人'], [1, 2]);
 * trie.values[trie.find('中国人', 0, 3)]; // 2
 * trie.find('中国人', 0, 2) >= 0; // true: a key
 * trie.find('中', 0, 1) >= 0; // true: a prefix of a key
 */
export class HashTrie {
  /** Two per slot: parent node and code unit (see {@link HashTrieArrays.keys}). */
  keys: Int32Array;
  /** One value per slot. */
  values: Int32Array;
  /** Root children by code unit. */
  readonly rootChildren: Int32Array;
  /** `32 - log2(slot count)`: hashes are taken from the top bits. */
  shift: number;
  /** `slot count - 1`. */
  mask: number;
  /** Number of nodes, the root included. */
  size: number;

  /**
   * Wrap arrays made by {@link HashTrie.build} or read from an image. The
   * arrays are used in place, not copied.
   */
  constructor(arrays: HashTrieArrays) {
    const slots = arrays.values.length;
    if (slots < 2 || (slots & (slots - 1)) !== 0 || arrays.keys.length !== 2 * slots) {
      throw new RangeError('hash trie arrays have inconsistent sizes');
    }
    if (arrays.rootChildren.length !== 65536) throw new RangeError('hash trie root table must have 65536 entries');
    this.keys = arrays.keys;
    this.values = arrays.values;
    this.rootChildren = arrays.rootChildren;
    this.shift = 32 - Math.log2(slots);
    this.mask = slots - 1;
    this.size = arrays.size;
  }

  /** An empty trie with room for `nodes` nodes before it grows. */
  static empty(nodes = 16): HashTrie {
    let slots = 16;
    while (slots * MAX_LOAD < nodes) slots *= 2;
    const keys = new Int32Array(2 * slots).fill(FREE);
    keys[2 * ROOT] = ROOT_MARK;
    return new HashTrie({ keys, values: new Int32Array(slots), rootChildren: new Int32Array(65536).fill(-1), size: 1 });
  }

  /**
   * Build a trie holding `keys`, the node of `keys[i]` getting `values[i]`
   * and every other node 0. Keys must be non-empty; a repeated key keeps its
   * last value.
   *
   * @example
   * const trie = HashTrie.build(['ab', 'ac'], [1, 2]);
   * trie.size; // 4: the root, a, ab, ac
   */
  static build(keys: readonly string[], values: ArrayLike<number>): HashTrie {
    const trie = HashTrie.empty(countNodes(keys));
    keys.forEach((key, i) => {
      if (key.length === 0) throw new RangeError('a trie key cannot be empty');
      const node = trie.insert(key); // before reading trie.values: inserting may grow it
      trie.values[node] = values[i]!;
    });
    return trie;
  }

  /** The arrays, for an image. */
  arrays(): HashTrieArrays {
    return { keys: this.keys, values: this.values, rootChildren: this.rootChildren, size: this.size };
  }

  /**
   * Child of `node` by code unit `cu`, or -1.
   *
   * @example
   * const trie = HashTrie.build(['ab'], [1]);
   * trie.child(trie.child(ROOT, 0x61), 0x62) >= 0; // true
   */
  child(node: number, cu: number): number {
    if (node === ROOT) return this.rootChildren[cu]!;
    const keys = this.keys;
    const mask = this.mask;
    for (let slot = homeSlot(node, cu, this.shift); ; slot = (slot + 1) & mask) {
      const parent = keys[2 * slot]!;
      if (parent === node && keys[2 * slot + 1] === cu) return slot;
      if (parent === FREE) return -1;
    }
  }

  /**
   * Node spelled by `text.slice(start, end)`, or -1 when that string is not
   * a key or a prefix of one. The empty string is the root.
   *
   * @example
   * const trie = HashTrie.build(['中国'], [1]);
   * trie.find('中国人', 0, 2) >= 0; // true
   * trie.find('中国人', 0, 3); // -1
   */
  find(text: string, start: number, end: number): number {
    let node = ROOT;
    for (let i = start; i < end && node >= 0; i++) node = this.child(node, text.charCodeAt(i));
    return node;
  }

  /**
   * Add `key` and its prefixes (values of new nodes are 0) and return the
   * key's node. May grow the table, which moves every node: node numbers
   * from before an insertion are invalid after it.
   */
  insert(key: string): number {
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const cu = key.charCodeAt(i);
      const next = this.child(node, cu);
      node = next >= 0 ? next : this.addChild(node, cu);
    }
    return node;
  }

  private addChild(parent: number, cu: number): number {
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) {
      // Every node moves; the parent's new number comes from the move map.
      parent = this.grow()[parent]!;
    }
    const keys = this.keys;
    let slot = homeSlot(parent, cu, this.shift);
    while (keys[2 * slot] !== FREE) slot = (slot + 1) & this.mask;
    keys[2 * slot] = parent;
    keys[2 * slot + 1] = cu;
    this.values[slot] = 0;
    this.size++;
    if (parent === ROOT) this.rootChildren[cu] = slot;
    return slot;
  }

  /**
   * Double the table. Nodes are re-inserted parents first (breadth-first
   * from the root), so each child can be hashed with its parent's new number.
   * Returns the new number of each old node.
   */
  private grow(): Int32Array {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const oldSlots = oldValues.length;
    // Children lists of the old table, to walk it breadth-first.
    const firstChild = new Int32Array(oldSlots).fill(-1);
    const nextSibling = new Int32Array(oldSlots).fill(-1);
    for (let slot = 0; slot < oldSlots; slot++) {
      const parent = oldKeys[2 * slot]!;
      if (parent < 0) continue;
      nextSibling[slot] = firstChild[parent]!;
      firstChild[parent] = slot;
    }
    const slots = oldSlots * 2;
    const keys = new Int32Array(2 * slots).fill(FREE);
    keys[2 * ROOT] = ROOT_MARK;
    const values = new Int32Array(slots);
    const shift = this.shift - 1;
    const mask = slots - 1;
    const moved = new Int32Array(oldSlots).fill(-1);
    moved[ROOT] = ROOT;
    values[ROOT] = oldValues[ROOT]!;
    const queue = new Int32Array(this.size);
    let tail = 0;
    queue[tail++] = ROOT;
    for (let head = 0; head < tail; head++) {
      const old = queue[head]!;
      const parent = moved[old]!;
      for (let child = firstChild[old]!; child >= 0; child = nextSibling[child]!) {
        const cu = oldKeys[2 * child + 1]!;
        let slot = homeSlot(parent, cu, shift);
        while (keys[2 * slot] !== FREE) slot = (slot + 1) & mask;
        keys[2 * slot] = parent;
        keys[2 * slot + 1] = cu;
        values[slot] = oldValues[child]!;
        moved[child] = slot;
        if (parent === ROOT) this.rootChildren[cu] = slot;
        queue[tail++] = child;
      }
    }
    this.keys = keys;
    this.values = values;
    this.shift = shift;
    this.mask = mask;
    return moved;
  }
}

/** Number of trie nodes (the root included) that `keys` need. */
function countNodes(keys: readonly string[]): number {
  const sorted = [...keys].sort();
  let nodes = 1;
  let previous = '';
  for (const key of sorted) {
    let common = 0;
    const limit = Math.min(previous.length, key.length);
    while (common < limit && previous.charCodeAt(common) === key.charCodeAt(common)) common++;
    nodes += key.length - common;
    previous = key;
  }
  return nodes;
}
