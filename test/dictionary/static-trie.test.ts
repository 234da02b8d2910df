import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT, StaticTrie, findChild } from '../../src/dictionary/static-trie.js';
import { seededRandom } from '../../compat/random-text.js';

function randomKeys(seed: number, count: number, alphabet: readonly string[]): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let key = '';
    const length = 1 + Math.floor(random() * 6);
    for (let i = 0; i < length; i++) key += alphabet[Math.floor(random() * alphabet.length)];
    return key;
  });
}

describe('StaticTrie', () => {
  it('holds exactly the keys and their prefixes, with the last value of a repeated key', () => {
    // A wide alphabet so some nodes have dozens of children (the bisected case).
    const alphabet = [...'中国人民的一是不了在有我他这个们来到时大地为子中你说生国年着就那和要她出也得里后自以会', 'a', 'Z', '😀', '\u0000', '\uffff'];
    const keys = randomKeys(1, 5000, alphabet);
    const values = keys.map((_, i) => i + 1);
    const trie = StaticTrie.build(keys, values);
    const expected = new Map<string, number>();
    keys.forEach((key, i) => expected.set(key, values[i]!));
    const prefixes = new Set<string>();
    for (const key of keys) for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
    assert.equal(trie.size, prefixes.size + 1);
    for (const prefix of prefixes) {
      const node = trie.find(prefix, 0, prefix.length);
      assert.ok(node > 0, `missing ${JSON.stringify(prefix)}`);
      assert.equal(trie.values[node], expected.get(prefix) ?? 0);
    }
    for (const absent of ['x', '中x', '国国国国国国国国', '\ud83d', '中\u0001']) {
      if (!prefixes.has(absent)) assert.equal(trie.find(absent, 0, absent.length), -1, absent);
    }
    assert.equal(trie.find('abc', 1, 1), ROOT);
  });

  it('numbers nodes breadth-first with sorted, consecutive children', () => {
    const trie = StaticTrie.build(['b', 'ab', 'a', 'ba', 'abc'], [1, 2, 3, 4, 5]);
    assert.deepEqual([...trie.chars].map((c) => String.fromCharCode(c)), ['\0', 'a', 'b', 'b', 'a', 'c']);
    assert.deepEqual([...trie.firstChild], [1, 3, 4, 5, 6, 6, 6]);
    assert.equal(trie.rootChildren['b'.charCodeAt(0)], 2);
  });

  it('findChild agrees with a linear search for every width and target', () => {
    for (let width = 0; width <= 40; width++) {
      const chars = Uint16Array.from({ length: width }, (_, i) => 10 + 3 * i);
      for (let cu = 0; cu < 10 + 3 * width + 5; cu++) {
        const expected = chars.indexOf(cu);
        assert.equal(findChild(chars, 0, width, cu), expected, `width ${width}, cu ${cu}`);
      }
    }
    const edge = Uint16Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 65534, 65535);
    assert.equal(findChild(edge, 0, edge.length, 65535), 11);
    assert.equal(findChild(edge, 0, edge.length, 0), 0);
  });

  it('refuses arrays that are not a breadth-first trie', () => {
    const good = StaticTrie.build(['ab'], [1]);
    const bad = (firstChild: number[]): unknown =>
      new StaticTrie({ firstChild: Int32Array.from(firstChild), chars: good.chars, values: good.values });
    assert.throws(() => bad([1, 2, 3, 2]), RangeError); // child table going backwards
    assert.throws(() => bad([0, 2, 3, 3]), RangeError); // the root as its own child
    assert.throws(() => bad([1, 2, 3, 4]), RangeError); // past the last node
    assert.throws(() => StaticTrie.build([''], [1]), RangeError);
  });
});
