import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crfDecode } from '../../src/paddle/crf.js';

/** A deterministic pseudo-random source (xorshift32), in [0, 1). */
function randomSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** The textbook CRF Viterbi, every previous label scanned, the first (smallest) winning ties. */
function plainDecode(emission: Float32Array, steps: number, L: number, transitions: Float32Array): Int32Array {
  const alpha = new Float64Array(steps * L);
  const track = new Int32Array(steps * L);
  for (let i = 0; i < L; i++) alpha[i] = transitions[i]! + emission[i]!;
  for (let k = 1; k < steps; k++) {
    for (let i = 0; i < L; i++) {
      let best = -Infinity;
      let from = 0;
      for (let j = 0; j < L; j++) {
        const total = alpha[(k - 1) * L + j]! + transitions[(j + 2) * L + i]!;
        if (total > best) {
          best = total;
          from = j;
        }
      }
      alpha[k * L + i] = best + emission[k * L + i]!;
      track[k * L + i] = from;
    }
  }
  const path = new Int32Array(steps);
  let best = -Infinity;
  for (let i = 0; i < L; i++) {
    const score = alpha[(steps - 1) * L + i]! + transitions[L + i]!;
    if (score > best) {
      best = score;
      path[steps - 1] = i;
    }
  }
  for (let k = steps - 1; k > 0; k--) path[k - 1] = track[k * L + path[k]!]!;
  return path;
}

function pathScore(path: Int32Array, emission: Float32Array, L: number, transitions: Float32Array): number {
  let score = transitions[path[0]!]! + transitions[L + path.at(-1)!]!;
  for (let k = 0; k < path.length; k++) {
    score += emission[k * L + path[k]!]!;
    if (k > 0) score += transitions[(path[k - 1]! + 2) * L + path[k]!]!;
  }
  return score;
}

describe('crfDecode', () => {
  it('decodes as the textbook Viterbi does, ties and spread-out scores included', () => {
    const random = randomSource(7);
    for (let round = 0; round < 300; round++) {
      const L = 1 + Math.floor(random() * 12);
      const steps = Math.floor(random() * 20);
      // Small integers make ties; a wide scale leaves most labels far below the best.
      const scale = round % 3 === 0 ? 0 : round % 3 === 1 ? 4 : 60;
      const value = (): number => (scale === 0 ? Math.floor(random() * 3) : (random() - 0.5) * scale);
      const emission = Float32Array.from({ length: steps * L }, value);
      const transitions = Float32Array.from({ length: (L + 2) * L }, value);
      assert.deepEqual(crfDecode(emission, steps, L, transitions), plainDecode(emission, steps, L, transitions), `round ${round}`);
    }
  });

  it('finds a path of the best score among all paths', () => {
    const random = randomSource(11);
    for (let round = 0; round < 40; round++) {
      const L = 2 + Math.floor(random() * 3);
      const steps = 1 + Math.floor(random() * 5);
      const emission = Float32Array.from({ length: steps * L }, () => Math.floor(random() * 9) - 4);
      const transitions = Float32Array.from({ length: (L + 2) * L }, () => Math.floor(random() * 9) - 4);
      let best = -Infinity;
      const path = new Int32Array(steps);
      for (let code = 0; code < L ** steps; code++) {
        for (let k = 0, c = code; k < steps; k++, c = Math.floor(c / L)) path[k] = c % L;
        best = Math.max(best, pathScore(path, emission, L, transitions));
      }
      assert.equal(pathScore(crfDecode(emission, steps, L, transitions), emission, L, transitions), best, `round ${round}`);
    }
  });
});
