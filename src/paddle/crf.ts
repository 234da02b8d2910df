/**
 * Viterbi decoding of a linear-chain CRF, as PaddlePaddle's `crf_decoding`
 * does it: start scores in row 0 of the transition matrix, end scores in
 * row 1, `transition[from][to]` from row 2; among equal scores the first
 * (smallest) label wins.
 *
 * @module
 */

/**
 * The best label path for `emission` (`[steps, labels]`).
 *
 * @example
 * // Two labels, no transition preferences: each step takes its larger emission.
 * crfDecode(Float32Array.of(1, 0, 0, 1), 2, 2, new Float32Array(8)); // Int32Array [0, 1]
 */
export function crfDecode(emission: Float32Array, steps: number, labels: number, transitions: Float32Array): Int32Array {
  const L = labels;
  const path = new Int32Array(steps);
  if (steps === 0) return path;
  const alpha = new Float64Array(steps * L);
  const track = new Int32Array(steps * L);
  for (let i = 0; i < L; i++) alpha[i] = transitions[i]! + emission[i]!;
  for (let k = 1; k < steps; k++) {
    for (let i = 0; i < L; i++) {
      let best = -Infinity;
      let from = 0;
      for (let j = 0; j < L; j++) {
        const score = alpha[(k - 1) * L + j]! + transitions[(j + 2) * L + i]!;
        if (score > best) {
          best = score;
          from = j;
        }
      }
      alpha[k * L + i] = best + emission[k * L + i]!;
      track[k * L + i] = from;
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let i = 0; i < L; i++) {
    const score = alpha[(steps - 1) * L + i]! + transitions[L + i]!;
    if (score > best) {
      best = score;
      last = i;
    }
  }
  path[steps - 1] = last;
  for (let k = steps - 1; k >= 1; k--) path[k - 1] = last = track[k * L + last]!;
  return path;
}
