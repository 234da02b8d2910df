import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairSlot, UnitStrings } from '../../src/text/unit-strings.js';

describe('UnitStrings', () => {
  // (Whether a string is shared cannot be seen from JavaScript; what can is that every slice is right.)
  it('slices as String.prototype.slice does, for every length, reused units included', () => {
    const strings = new UnitStrings();
    const text = '我来到北京清华大学, ok 😀\ud800';
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) assert.equal(strings.slice(text, start, end), text.slice(start, end), `${start}..${end}`);
    }
    // Units met before, in another text.
    for (let i = 0; i < 3; i++) assert.equal(strings.slice('人中国', i, i + 1), '人中国'[i]);
  });

  it('gives every two-unit slice right while pairs share and evict slots of their table', () => {
    const strings = new UnitStrings();
    // 40,000 distinct pairs, more than the table's slots, met twice in
    // different orders, and the pairs whose units read as -1 or 0.
    const pairs: string[] = [];
    for (let i = 0; i < 40_000; i++) pairs.push(String.fromCharCode(0x4e00 + (i % 200), 0x4e00 + Math.floor(i / 200)));
    pairs.push('\uffff\uffff', '\0\0', '\ud83d\ude00', '\ude00\ud83d');
    for (const order of [pairs, [...pairs].reverse(), pairs]) {
      for (const pair of order) assert.equal(strings.slice(`x${pair}y`, 1, 3), pair);
    }
  });

  it('puts every pair of units in a slot of its table, and spreads them over all 8,192', () => {
    // A slot past the end would grow the table's array into a hash table
    // (slow, and nothing else would show it).
    const used = new Set<number>();
    for (let first = 0; first < 0x10000; first += 97) {
      for (let second = 0; second < 0x10000; second += 89) {
        const slot = pairSlot((first << 16) | second);
        assert.ok(Number.isInteger(slot) && slot >= 0 && slot < 8192, `${first} ${second}: ${slot}`);
        used.add(slot);
      }
    }
    assert.equal(used.size, 8192);
  });
});
