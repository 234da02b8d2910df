import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RUN_CACHE_LONGEST, RunCache } from '../../src/posseg/run-cache.js';
import { Tokenizer } from '../../src/index.js';

/** Two different runs that hash to the same slot, found by search. */
function collidingRuns(cache: RunCache): [string, string] {
  const seen = new Map<number, string>();
  for (let code = 0x4e00; ; code++) {
    const run = String.fromCharCode(code, code + 1);
    const slot = cache.slotOf(run, 0, 2);
    const other = seen.get(slot);
    if (other !== undefined) return [other, run];
    seen.set(slot, run);
  }
}

describe('RunCache', () => {
  it('finds a stored run by its characters only, wherever it sits in a text', () => {
    const cache = new RunCache();
    const slot = cache.slotOf('甲乙丙', 0, 3);
    assert.ok(slot >= 0);
    assert.equal(cache.holds(slot, '甲乙丙', 0, 3), false);
    cache.store(slot, '甲乙丙', 0, 3, Uint8Array.of(1, 2, 3, 99));
    assert.equal(cache.slotOf('，甲乙丙。', 1, 4), slot);
    assert.ok(cache.holds(slot, '，甲乙丙。', 1, 4));
    assert.deepEqual([...cache.paths.subarray(slot * RUN_CACHE_LONGEST, slot * RUN_CACHE_LONGEST + 3)], [1, 2, 3]);
    // A prefix, or another run of the same length in that slot, is not it.
    assert.equal(cache.holds(slot, '甲乙', 0, 2), false);
    assert.equal(cache.holds(slot, '甲乙丁', 0, 3), false);
  });

  it('keeps the last of two runs sharing a slot, and never runs too long', () => {
    const cache = new RunCache();
    const [a, b] = collidingRuns(cache);
    const slot = cache.slotOf(a, 0, 2);
    cache.store(slot, a, 0, 2, Uint8Array.of(5, 6));
    cache.store(slot, b, 0, 2, Uint8Array.of(7, 8));
    assert.equal(cache.holds(slot, a, 0, 2), false);
    assert.ok(cache.holds(slot, b, 0, 2));
    const long = '天'.repeat(RUN_CACHE_LONGEST + 1);
    assert.equal(cache.slotOf(long, 0, long.length), -1);
    assert.ok(cache.slotOf(long, 1, long.length) >= 0);
  });

  it('changes nothing in what tag gives: each text alone on a fresh tokenizer, or after many others', () => {
    // Runs the dictionary does not cover, repeated within and across texts, in slots shared or not.
    const texts = ['鬱鬱澗底松離離山上苗', '離離山上苗鬱鬱澗底松', '我們在鬱鬱澗底松下讀書', '鬱鬱', '澗底松離離', '離離山上苗'];
    const shared = new Tokenizer();
    const warmed = texts.concat(texts).map((text) => shared.tag(text));
    texts.forEach((text, i) => {
      const alone = new Tokenizer().tag(text);
      assert.deepEqual(warmed[i], alone, text);
      assert.deepEqual(warmed[i + texts.length], alone, text);
    });
  });
});
