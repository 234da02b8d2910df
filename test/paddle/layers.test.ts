import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sigmoid, tanh } from '../../src/paddle/activations.js';
import { crfDecode } from '../../src/paddle/crf.js';
import { fullyConnected, gru, gruWeights, transpose } from '../../src/paddle/layers.js';

const close = (actual: number, expected: number, what = ''): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

describe('Paddle activations', () => {
  it('sigmoid clips its input to [-40, 13] as Paddle does', () => {
    assert.equal(sigmoid(0), 0.5);
    assert.equal(sigmoid(100), 1 / (1 + Math.exp(-13)));
    assert.equal(sigmoid(-100), 1 / (1 + Math.exp(40)));
    close(sigmoid(1), 0.7310585786300049);
  });
  it('tanh is 2 / (1 + exp(-2x)) - 1 with -2x capped at 40', () => {
    assert.equal(tanh(0), 0);
    close(tanh(0.5), Math.tanh(0.5));
    assert.equal(tanh(-30), 2 / (1 + Math.exp(40)) - 1);
  });
});

describe('fc', () => {
  it('multiplies each row by the weight and adds the bias', () => {
    // input [[1, 2], [3, 4]], W = [[1, 0, 2], [0, 1, 3]] (2x3), bias [0.5, -1, 0]
    const weightT = transpose(Float32Array.of(1, 0, 2, 0, 1, 3), 2, 3);
    const out = fullyConnected(Float32Array.of(1, 2, 3, 4), 2, 2, weightT, Float32Array.of(0.5, -1, 0), 3);
    assert.deepEqual([...out], [1.5, 1, 8, 3.5, 3, 18]);
  });
});

describe('dynamic_gru', () => {
  it('reads Paddle\'s weight layout: a [H, 2H] gate block, then a [H, H] candidate block', () => {
    const H = 2;
    const recurrent = Float32Array.from({ length: 3 * H * H }, (_, i) => i + 1);
    const { gatesT, candidateT } = gruWeights(recurrent, new Float32Array(3 * H), H);
    // gate block row k (from h[k]), column j (gate value j): recurrent[k * 2H + j]
    for (let k = 0; k < H; k++) for (let j = 0; j < 2 * H; j++) assert.equal(gatesT[j * H + k], recurrent[k * 2 * H + j]);
    for (let k = 0; k < H; k++) for (let j = 0; j < H; j++) assert.equal(candidateT[j * H + k], recurrent[2 * H * H + k * H + j]);
  });

  it('computes two steps of a one-unit GRU by hand, forwards and reversed', () => {
    // H = 1: gates input x_t = [u, r, c] per step, bias b, weights Wu, Wr (gate block) and Wc.
    const x = [
      [0.2, -0.4, 0.7],
      [-0.3, 0.5, 0.1],
    ];
    const b = [0.1, 0.05, -0.2];
    const [Wu, Wr, Wc] = [0.6, -0.8, 1.5];
    const weights = gruWeights(Float32Array.of(Wu, Wr, Wc), Float32Array.from(b), 1);
    const step = (h: number, [xu, xr, xc]: number[]): number => {
      const u = 1 / (1 + Math.exp(-(xu! + b[0]! + Wu * h)));
      const r = 1 / (1 + Math.exp(-(xr! + b[1]! + Wr * h)));
      const c = Math.tanh(xc! + b[2]! + Wc * (r * h));
      return (1 - u) * h + u * c;
    };
    const gates = Float32Array.from(x.flat());
    const forward = new Float32Array(2);
    gru(gates, 2, 1, weights, false, forward, 1, 0);
    const h1 = step(0, x[0]!);
    close(forward[0]!, h1, 'forward step 1');
    close(forward[1]!, step(h1, x[1]!), 'forward step 2');
    // Reversed: the last input first; outputs stay at their own positions.
    const backward = new Float32Array(4);
    gru(gates, 2, 1, weights, true, backward, 2, 1);
    const g1 = step(0, x[1]!);
    close(backward[3]!, g1, 'reverse, position 1');
    close(backward[1]!, step(g1, x[0]!), 'reverse, position 0');
    assert.equal(backward[0], 0);
    assert.equal(backward[2], 0);
  });
});

describe('crf_decoding', () => {
  const L = 2;
  const none = new Float32Array((L + 2) * L);
  it('without transitions, takes the best label of each step', () => {
    assert.deepEqual([...crfDecode(Float32Array.of(1, 0, 0, 1, 2, 3), 3, L, none)], [0, 1, 1]);
  });
  it('adds the start scores (row 0) and the end scores (row 1)', () => {
    const start = Float32Array.of(0, 5, 0, 0, 0, 0, 0, 0);
    assert.deepEqual([...crfDecode(Float32Array.of(1, 0), 1, L, start)], [1]);
    const end = Float32Array.of(0, 0, 0, 5, 0, 0, 0, 0);
    assert.deepEqual([...crfDecode(Float32Array.of(1, 0), 1, L, end)], [1]);
  });
  it('follows transitions from rows 2.. as transition[from][to]', () => {
    // 0 -> 1 strongly rewarded, everything else neutral; emissions mildly prefer 0, 0.
    const transitions = Float32Array.of(0, 0, 0, 0, 0, 10, 0, 0);
    assert.deepEqual([...crfDecode(Float32Array.of(1, 0, 1, 0), 2, L, transitions)], [0, 1]);
    // 1 -> 0 rewarded instead: the path goes 1, 0.
    const reverse = Float32Array.of(0, 0, 0, 0, 0, 0, 10, 0);
    assert.deepEqual([...crfDecode(Float32Array.of(1, 0, 1, 0), 2, L, reverse)], [1, 0]);
  });
  it('breaks ties towards the smaller label, as Paddle\'s strict comparison does', () => {
    assert.deepEqual([...crfDecode(Float32Array.of(0.5, 0.5, 0.5, 0.5), 2, L, none)], [0, 0]);
  });
  it('decodes nothing for no steps', () => {
    assert.equal(crfDecode(new Float32Array(0), 0, L, none).length, 0);
  });
  it('finds the path a scan of every previous label finds, ties included', () => {
    // Scores from a few values, so that ties are frequent; from a range
    // where every label is scanned first; and from a wide one, where most
    // are not and some labels' best predecessor is among them.
    let seed = 5;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let run = 0; run < 600; run++) {
      const labels = 1 + Math.floor(next() * 9);
      const steps = 1 + Math.floor(next() * 12);
      const range = [0, 20, 400][run % 3]!;
      const value = (): number => (range === 0 ? Math.floor(next() * 3) : (next() - 0.5) * range);
      const emission = Float32Array.from({ length: steps * labels }, value);
      const transitions = Float32Array.from({ length: (labels + 2) * labels }, value);
      assert.deepEqual([...crfDecode(emission, steps, labels, transitions)], plainCrfDecode(emission, steps, labels, transitions), `run ${run}`);
    }
  });
});

/** `crf_decoding` written out plainly: every previous label scanned, the first of equal scores kept. */
function plainCrfDecode(emission: Float32Array, steps: number, L: number, transitions: Float32Array): number[] {
  let alpha = Array.from({ length: L }, (_, i) => transitions[i]! + emission[i]!);
  const track: number[][] = [];
  for (let k = 1; k < steps; k++) {
    const scores: number[] = [];
    const from: number[] = [];
    for (let i = 0; i < L; i++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < L; j++) {
        const score = alpha[j]! + transitions[(j + 2) * L + i]!;
        if (score > best) [best, arg] = [score, j];
      }
      scores.push(best + emission[k * L + i]!);
      from.push(arg);
    }
    alpha = scores;
    track.push(from);
  }
  let last = 0;
  for (let i = 1; i < L; i++) if (alpha[i]! + transitions[L + i]! > alpha[last]! + transitions[L + last]!) last = i;
  const path = [last];
  for (let k = steps - 1; k >= 1; k--) path.unshift((last = track[k - 1]![last]!));
  return path;
}
