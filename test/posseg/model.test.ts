import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedModels } from '../../src/node-platform.js';
import { absorptionThreshold, maskWords, POS_MIN_FLOAT, predecessors } from '../../src/posseg/model.js';
import { reachOf } from '../../src/posseg/reach.js';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

/** A model of `S` states with transitions `x -> next[x]`, all of value `value`. */
function tables(lists: number[][], value: number): { nextStart: Int32Array; next: Uint8Array; trans: Float64Array } {
  const S = lists.length;
  const nextStart = new Int32Array(S + 1);
  lists.forEach((list, x) => (nextStart[x + 1] = nextStart[x]! + list.length));
  const next = Uint8Array.from(lists.flat());
  const trans = new Float64Array(S * S).fill(-Infinity);
  lists.forEach((list, x) => list.forEach((y) => (trans[y * S + x] = value)));
  return { nextStart, next, trans };
}

describe('POS model: absorption threshold', () => {
  it('is the largest transition or emission magnitude times 2^55, MIN_FLOAT emissions aside', () => {
    const { nextStart, next, trans } = tables([[1], [0, 1]], -3);
    assert.equal(absorptionThreshold(trans, nextStart, next, Float64Array.of(-7, POS_MIN_FLOAT)), 7 * 2 ** 55);
    assert.equal(absorptionThreshold(trans, nextStart, next, Float64Array.of(-1)), 3 * 2 ** 55);
  });

  it('is Infinity (no shortcut) for a transition or emission that is not finite, or too large', () => {
    const { nextStart, next, trans } = tables([[1], [0]], -3);
    trans[1 * 2 + 0] = -Infinity; // a stored -Infinity, as a damaged model may have
    assert.equal(absorptionThreshold(trans, nextStart, next, Float64Array.of(-1)), Infinity);
    const finite = tables([[1], [0]], -3);
    assert.equal(absorptionThreshold(finite.trans, finite.nextStart, finite.next, Float64Array.of(Number.NaN)), Infinity);
    assert.equal(absorptionThreshold(finite.trans, finite.nextStart, finite.next, Float64Array.of(-1e70)), Infinity);
  });

  it('makes the sums the Viterbi relies on exact, on the real model', () => {
    const model = sharedModels.pos().model;
    const huge = model.hugeScore;
    assert.ok(huge < 2 ** 278, `hugeScore ${huge}`);
    let largest = 0;
    for (let x = 0; x < model.states.length; x++) {
      for (let k = model.nextStart[x]!; k < model.nextStart[x + 1]!; k++) largest = Math.max(largest, Math.abs(model.trans[model.next[k]! * model.states.length + x]!));
    }
    for (const value of model.emitValues) if (value !== POS_MIN_FLOAT) largest = Math.max(largest, Math.abs(value));
    assert.equal(huge, largest * 2 ** 55);
    const next = random(5);
    for (let n = 0; n < 20000; n++) {
      const x = (next() * 2 - 1) * largest;
      // A score at least hugeScore in magnitude absorbs any transition or emission,
      // including on the smaller side of a power of two.
      const big = -(n % 3 === 0 ? 2 ** (Math.ceil(Math.log2(huge)) + Math.floor(next() * 270)) : huge * (1 + next() * 1e6));
      assert.equal(big + x, big, `${big} + ${x}`);
      // A score at most 2^278 - M in magnitude, plus a transition, then plus
      // MIN_FLOAT, is MIN_FLOAT.
      const small = -next() * (2 ** 278 - largest);
      assert.equal(small + -next() * largest + POS_MIN_FLOAT, POS_MIN_FLOAT, `${small}`);
    }
  });
});

describe('POS model: reachable states', () => {
  it('unites the successors of a set of states, by nibbles', () => {
    const model = sharedModels.pos().model;
    const S = model.states.length;
    const W = maskWords(S);
    const next = random(9);
    for (let n = 0; n < 500; n++) {
      const bits = new Int32Array(W);
      const expected = new Int32Array(W);
      const share = next();
      for (let x = 0; x < S; x++) {
        if (next() >= share) continue;
        bits[x >>> 5]! |= 1 << (x & 31);
        for (let k = model.nextStart[x]!; k < model.nextStart[x + 1]!; k++) expected[model.next[k]! >>> 5]! |= 1 << (model.next[k]! & 31);
      }
      const direct = new Int32Array(W + 3);
      reachOf(model, bits, 0, direct, 3);
      assert.deepEqual(direct.subarray(3), expected);
    }
  });

  it('derives the tables for models of any size', () => {
    for (const S of [1, 5, 33, 64]) {
      const lists = Array.from({ length: S }, (_, x) => [(x * 7 + 1) % S, (x * 3) % S]);
      const { nextStart, next, trans } = tables(lists, -1);
      const derived = predecessors(nextStart, next, trans);
      const W = maskWords(S);
      const model = { states: Array.from({ length: S }, () => 'B x'), nextByNibble: derived.nextByNibble };
      const all = new Int32Array(W);
      for (let x = 0; x < S; x++) all[x >>> 5]! |= 1 << (x & 31);
      const out = new Int32Array(W);
      reachOf(model, all, 0, out, 0);
      const expected = new Int32Array(W);
      for (const list of lists) for (const y of list) expected[y >>> 5]! |= 1 << (y & 31);
      assert.deepEqual(out, expected, `S = ${S}`);
      assert.deepEqual(derived.hasNext, all, `S = ${S}`);
    }
  });
});
