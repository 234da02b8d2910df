import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sigmoid, tanh } from '../../src/paddle/activations.js';

describe("Paddle's activations", () => {
  it('agree with the textbook functions inside the clipping range', () => {
    for (let x = -12; x <= 12; x += 0.37) {
      assert.ok(Math.abs(sigmoid(x) - 1 / (1 + Math.exp(-x))) < 1e-15, `sigmoid(${x})`);
      assert.ok(Math.abs(tanh(x) - Math.tanh(x)) < 1e-14, `tanh(${x})`);
    }
    assert.equal(sigmoid(0), 0.5);
    assert.equal(tanh(0), 0);
  });

  it('clip as Paddle does: sigmoid to [-40, 13], tanh where -2x passes 40', () => {
    assert.equal(sigmoid(13.5), sigmoid(13));
    assert.ok(sigmoid(13) < 1, 'clipped below 1');
    assert.equal(sigmoid(-1000), 1 / (1 + Math.exp(40)));
    assert.equal(tanh(-25), tanh(-20));
    assert.equal(tanh(-20), 2 / (1 + Math.exp(40)) - 1);
    // Only the negative side is capped: a large positive x stays 1.
    assert.equal(tanh(1000), 1);
  });
});
