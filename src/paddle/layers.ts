/**
 * The layers of the LAC network, as PaddlePaddle computes them for one
 * sequence: `fc` (a matrix product plus bias) and `dynamic_gru`. Values are
 * stored as float32, as Paddle's are; sums are taken in float64.
 *
 * Weights are used transposed (one row per output), so that every output
 * is a dot product of two contiguous rows summed in registers: several
 * times faster in JavaScript than accumulating into an output row.
 *
 * @module
 */

import { sigmoid, tanh } from './activations.js';

/**
 * `[rows, columns]` row-major to `[columns, rows]`.
 *
 * @example
 * transpose(Float32Array.of(1, 2, 3, 4, 5, 6), 2, 3); // [1, 4, 2, 5, 3, 6]
 */
export function transpose(matrix: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = matrix[r * columns + c]!;
  return out;
}

/** `a[aAt .. aAt + n) · b[bAt .. bAt + n)`, in four running sums. */
function dot(a: Float32Array, aAt: number, b: Float32Array, bAt: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += a[aAt + k]! * b[bAt + k]!;
    s1 += a[aAt + k + 1]! * b[bAt + k + 1]!;
    s2 += a[aAt + k + 2]! * b[bAt + k + 2]!;
    s3 += a[aAt + k + 3]! * b[bAt + k + 3]!;
  }
  for (; k < n; k++) s0 += a[aAt + k]! * b[bAt + k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * `fc`: `out[t] = input[t] · W + bias` for each of `steps` rows.
 *
 * @param input - `[steps, inSize]`
 * @param weightT - W transposed: `[outSize, inSize]`
 * @returns `[steps, outSize]`
 * @example
 * fullyConnected(Float32Array.of(1, 2), 1, 2, Float32Array.of(3, 4), Float32Array.of(0.5), 1); // [11.5]
 */
export function fullyConnected(
  input: Float32Array,
  steps: number,
  inSize: number,
  weightT: Float32Array,
  bias: Float32Array,
  outSize: number,
): Float32Array {
  const out = new Float32Array(steps * outSize);
  for (let t = 0; t < steps; t++) {
    for (let j = 0; j < outSize; j++) out[t * outSize + j] = bias[j]! + dot(input, t * inSize, weightT, j * inSize, inSize);
  }
  return out;
}

/** A `dynamic_gru`'s weights, transposed for {@link gru}. */
export interface GruWeights {
  /** Update and reset gates: `[2H, H]` (row j: the weights into gate value j). */
  readonly gatesT: Float32Array;
  /** Candidate state: `[H, H]`. */
  readonly candidateT: Float32Array;
  /** `[3H]`: update, reset, candidate. */
  readonly bias: Float32Array;
}

/**
 * Transpose Paddle's `dynamic_gru` weight: a `[H, 2H]` block for the update
 * and reset gates followed by a `[H, H]` block for the candidate.
 */
export function gruWeights(recurrent: Float32Array, bias: Float32Array, hidden: number): GruWeights {
  const H = hidden;
  return {
    gatesT: transpose(recurrent.subarray(0, 2 * H * H), H, 2 * H),
    candidateT: transpose(recurrent.subarray(2 * H * H, 3 * H * H), H, H),
    bias,
  };
}

/**
 * `dynamic_gru` (gates update, reset, candidate; `origin_mode` false) over
 * `gates`, the `[steps, 3H]` output of the `fc` before it. From `h = 0`, at
 * each step (last to first when `reverse`):
 *
 * - `g = gates[t] + bias`; `g[0:2H] += h · W[update, reset]`;
 * - `u = sigmoid(g[0:H])`, `r = sigmoid(g[H:2H])`;
 * - `g[2H:3H] += (r ⊙ h) · W[candidate]`; `c = tanh(g[2H:3H])`;
 * - `h = h - u ⊙ h + u ⊙ c`, written to `out[t]`.
 *
 * @param out - `[steps, outStride]`; the states go to columns `outOffset ..
 *   outOffset + H`, so two directions can fill one concatenated output
 */
export function gru(
  gates: Float32Array,
  steps: number,
  hidden: number,
  weights: GruWeights,
  reverse: boolean,
  out: Float32Array,
  outStride: number,
  outOffset: number,
): void {
  const H = hidden;
  const { gatesT, candidateT, bias } = weights;
  const h = new Float32Array(H);
  const update = new Float32Array(H);
  const reset = new Float32Array(H);
  for (let s = 0; s < steps; s++) {
    const t = reverse ? steps - 1 - s : s;
    const at = t * 3 * H;
    for (let k = 0; k < H; k++) {
      const u = Math.fround(gates[at + k]! + bias[k]!) + dot(h, 0, gatesT, k * H, H);
      const r = Math.fround(gates[at + H + k]! + bias[H + k]!) + dot(h, 0, gatesT, (H + k) * H, H);
      update[k] = sigmoid(u);
      reset[k] = sigmoid(r) * h[k]!;
    }
    for (let k = 0; k < H; k++) {
      const c = Math.fround(tanh(Math.fround(gates[at + 2 * H + k]! + bias[2 * H + k]!) + dot(reset, 0, candidateT, k * H, H)));
      const u = update[k]!;
      const previous = h[k]!;
      h[k] = previous - u * previous + u * c;
    }
    out.set(h, t * outStride + outOffset);
  }
}
