import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN, VerdictMemo } from '../../src/analyse/verdict-memo.js';

describe('VerdictMemo', () => {
  it('keys words by every code unit and the length', () => {
    const memo = new VerdictMemo();
    const words = ['a', 'a\u0000', 'ab', 'abc', 'abcd', 'b', 'ba', 'abd', 'abdc', '\ud83d\ude00', '中', '中国', '中国人', '\u0000', '\u0000\u0000'];
    words.forEach((word, i) => {
      assert.equal(memo.get(`x${word}y`, 1, 1 + word.length), UNKNOWN, word);
      memo.set(`x${word}y`, 1, 1 + word.length, i - 3);
    });
    assert.equal(memo.size, words.length);
    words.forEach((word, i) => assert.equal(memo.get(`[${word}]`, 1, 1 + word.length), i - 3, word));
    assert.equal(memo.get('abcde', 0, 5), UNKNOWN);
  });

  it('does not keep words longer than four units', () => {
    const memo = new VerdictMemo();
    memo.set('abcde', 0, 5, 1);
    assert.equal(memo.size, 0);
    assert.equal(memo.get('abcde', 0, 5), UNKNOWN);
    assert.equal(memo.get('abcde', 0, 4), UNKNOWN);
  });

  it('keeps every word as it grows, and starts again empty past its limit', () => {
    const memo = new VerdictMemo();
    const word = (i: number): string => String.fromCharCode(0x4e00 + (i % 20000), 0x4e00 + Math.floor(i / 20000));
    for (let i = 0; i < VerdictMemo.MAX_ENTRIES; i++) memo.set(word(i), 0, 2, i);
    assert.equal(memo.size, VerdictMemo.MAX_ENTRIES);
    for (let i = 0; i < VerdictMemo.MAX_ENTRIES; i += 97) assert.equal(memo.get(word(i), 0, 2), i);
    memo.set(word(VerdictMemo.MAX_ENTRIES), 0, 2, -1);
    assert.equal(memo.size, 1);
    assert.equal(memo.get(word(0), 0, 2), UNKNOWN);
    assert.equal(memo.get(word(VerdictMemo.MAX_ENTRIES), 0, 2), -1);
    memo.clear();
    assert.equal(memo.size, 0);
    assert.equal(memo.get(word(VerdictMemo.MAX_ENTRIES), 0, 2), UNKNOWN);
  });
});
