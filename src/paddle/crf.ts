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
  const maxInto = largestInto(transitions, L);
  const high = new Int32Array(L);
  const isHigh = new Uint8Array(L);
  for (let i = 0; i < L; i++) alpha[i] = transitions[i]! + emission[i]!;
  for (let k = 1; k < steps; k++) {
    const previous = (k - 1) * L;
    // The previous labels within HIGH_BAND of the best, best first: they
    // hold every step's winner but rarely. Each label scans them until the
    // bound falls below its best, and the others only if it does not.
    let top = -Infinity;
    for (let j = 0; j < L; j++) top = Math.max(top, alpha[previous + j]!);
    const cut = top - HIGH_BAND;
    const count = highLabels(alpha, previous, L, cut, high, isHigh);
    for (let i = 0; i < L; i++) {
      let best = -Infinity;
      let from = 0;
      const bound = maxInto[i]!;
      let stopped = false;
      for (let n = 0; n < count; n++) {
        const j = high[n]!;
        const score = alpha[previous + j]!;
        if (score + bound < best) {
          stopped = true;
          break;
        }
        const total = score + transitions[(j + 2) * L + i]!;
        // Paddle's tie-break: the first (smallest) previous label.
        if (total > best || (total === best && j < from)) {
          best = total;
          from = j;
        }
      }
      if (!stopped && !(cut + bound < best)) {
        for (let j = 0; j < L; j++) {
          if (isHigh[j] !== 0) continue;
          const total = alpha[previous + j]! + transitions[(j + 2) * L + i]!;
          if (total > best || (total === best && j < from)) {
            best = total;
            from = j;
          }
        }
      }
      alpha[k * L + i] = best + emission[k * L + i]!;
      track[k * L + i] = from;
    }
  }
  return crfBacktrack(alpha, (steps - 1) * L, track, steps, L, transitions, path);
}

/**
 * The end of the CRF's Viterbi: the best last label, the last step's scores
 * (`alpha[at .. at + L)`) plus the end scores (row 1 of the transitions;
 * among equal totals the first label), then the back-pointers `track`
 * (`[steps, L]`) followed into `path`. Shared by {@link crfDecode} and the
 * WebAssembly network, which keeps only the last step's scores.
 *
 * @example
 * crfBacktrack(Float64Array.of(0, 1), 0, new Int32Array(2), 1, 2, new Float32Array(8), new Int32Array(1)); // Int32Array [1]
 */
export function crfBacktrack(alpha: Float64Array, at: number, track: Int32Array, steps: number, L: number, transitions: Float32Array, path: Int32Array): Int32Array {
  let best = -Infinity;
  let last = 0;
  for (let i = 0; i < L; i++) {
    const score = alpha[at + i]! + transitions[L + i]!;
    if (score > best) {
      best = score;
      last = i;
    }
  }
  path[steps - 1] = last;
  for (let k = steps - 1; k >= 1; k--) path[k - 1] = last = track[k * L + last]!;
  return path;
}

const largestIntoCache = new WeakMap<Float32Array, Float64Array>();

/**
 * The largest transition into each label: a previous label j totals at
 * most `alpha[j] + maxInto[i]` into label i (rounding is monotonic). Made
 * once per transition matrix: a line is often shorter than the L² scan.
 */
function largestInto(transitions: Float32Array, L: number): Float64Array {
  let maxInto = largestIntoCache.get(transitions);
  if (maxInto === undefined || maxInto.length !== L) {
    maxInto = new Float64Array(L).fill(-Infinity);
    for (let j = 0; j < L; j++) for (let i = 0; i < L; i++) maxInto[i] = Math.max(maxInto[i]!, transitions[(j + 2) * L + i]!);
    largestIntoCache.set(transitions, maxInto);
  }
  return maxInto;
}

/** How far below the best previous label's score the labels scanned first reach. */
const HIGH_BAND = 16;

/**
 * The labels scoring at or above `cut` (`scores[at + label]`), by
 * descending score, into `high` (their number returned), and flags for them
 * in `isHigh`.
 */
function highLabels(scores: Float64Array, at: number, L: number, cut: number, high: Int32Array, isHigh: Uint8Array): number {
  let count = 0;
  for (let j = 0; j < L; j++) {
    const score = scores[at + j]!;
    if (!(score >= cut)) {
      isHigh[j] = 0;
      continue;
    }
    isHigh[j] = 1;
    let m = count++;
    while (m > 0 && scores[at + high[m - 1]!]! < score) {
      high[m] = high[m - 1]!;
      m--;
    }
    high[m] = j;
  }
  return count;
}
