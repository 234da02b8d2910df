import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashTrie, ROOT } from '../../src/dictionary/hash-trie.js';
import { seededRandom } from '../../compat/random-text.js';

/** Random keys over a small alphabet, so that prefixes are shared a lot. */
function randomKeys(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const alphabet = ['中', '国', '人', 'a', 'b', '😀', '\u0000', '\uffff', '民'];
  return Array.from({ length: count }, () => {
    let key = '';
    const length = 1 + Math.floor(random() * 6);
    for (let i = 0; i < length; i++) key += alphabet[Math.floor(random() * alphabet.length)];
    return key;
  });
}

/** Every prefix of every key: the strings that must be nodes. */
function prefixes(keys: readonly string[]): Set<string> {
  const all = new Set<string>();
  for (const key of keys) for (let i = 1; i <= key.length; i++) all.add(key.slice(0, i));
  return all;
}

describe('HashTrie', () => {
  it('holds exactly the keys and their prefixes, with the last value of a repeated key', () => {
    const keys = randomKeys(1, 3000);
    const values = keys.map((_, i) => i + 1);
    const trie = HashTrie.build(keys, values);
    const expected = new Map<string, number>();
    keys.forEach((key, i) => expected.set(key, values[i]!));
    const nodes = prefixes(keys);
    assert.equal(trie.size, nodes.size + 1);
    for (const prefix of nodes) {
      const node = trie.find(prefix, 0, prefix.length);
      assert.ok(node > 0, `missing ${JSON.stringify(prefix)}`);
      assert.equal(trie.values[node], expected.get(prefix) ?? 0);
    }
    for (const absent of ['x', '中x', '国国国国国国国国', '\ud83d']) {
      if (!nodes.has(absent)) assert.equal(trie.find(absent, 0, absent.length), -1);
    }
    assert.equal(trie.find('abc', 1, 1), ROOT);
  });

  it('grows while inserting and keeps every node reachable', () => {
    const trie = HashTrie.empty();
    const keys = randomKeys(2, 5000);
    const values = new Map<string, number>();
    keys.forEach((key, i) => {
      const node = trie.insert(key);
      trie.values[node] = i + 1; // after insert: growing replaces the arrays
      values.set(key, i + 1);
    });
    assert.ok(trie.values.length > 16, 'the table grew');
    for (const [key, value] of values) assert.equal(trie.values[trie.find(key, 0, key.length)], value);
    assert.equal(trie.size, prefixes(keys).size + 1);
  });

  it('finds children of the root through the direct table', () => {
    const trie = HashTrie.build(['中国', '人'], [1, 2]);
    const zhong = trie.child(ROOT, '中'.charCodeAt(0));
    assert.equal(trie.rootChildren['中'.charCodeAt(0)], zhong);
    assert.equal(trie.values[trie.child(zhong, '国'.charCodeAt(0))], 1);
    assert.equal(trie.child(zhong, '人'.charCodeAt(0)), -1);
  });

  it('rejects an empty key and inconsistent arrays', () => {
    assert.throws(() => HashTrie.build([''], [1]), RangeError);
    assert.throws(
      () => new HashTrie({ keys: new Int32Array(6), values: new Int32Array(3), rootChildren: new Int32Array(65536), size: 1 }),
      RangeError,
    );
  });
});
