/**
 * The part-of-speech HMM of `jieba.posseg`: 256 states, each a position in
 * a word (B, M, E, S) paired with a tag, with start, transition and
 * emission log-probabilities and, for each character, the states it was
 * seen in (`char_state_tab`).
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';

/** Positions in a word, numbered in the order Python compares their letters. */
export const POS_B = 0;
/** The last character of a word. */
export const POS_E = 1;
/** A middle character. */
export const POS_M = 2;
/** A one-character word. */
export const POS_S = 3;

/** The model, as the image stores it and the tagger reads it. */
export interface PosModel {
  /**
   * State names, `"B a"`, `"B ad"`, ... in Python's tuple order, so that a
   * larger state number is a larger `(position, tag)` tuple, as Python's
   * `max` breaks ties.
   */
  readonly states: readonly string[];
  /** Word position of each state: {@link POS_B}, {@link POS_E}, {@link POS_M} or {@link POS_S}. */
  readonly position: Uint8Array;
  /** Tag of each state. */
  readonly tags: readonly string[];
  /** `log P(first state)`. */
  readonly start: Float64Array;
  /**
   * `log P(to | from)` at `to * S + from` (one row per target state, which
   * is how Viterbi reads it); `-Infinity` where Python's table has none (its
   * `MIN_INF`).
   */
  readonly trans: Float64Array;
  /** States reachable from state `x`: `next[nextStart[x] .. nextStart[x + 1])`. */
  readonly nextStart: Int32Array;
  readonly next: Uint8Array;
  /** States with a transition into state `y`: `prev[prevStart[y] .. prevStart[y + 1])` (derived, not stored). */
  readonly prevStart: Int32Array;
  readonly prev: Uint8Array;
  /**
   * The same sets as bit masks, {@link maskWords} 32-bit words per state:
   * bit `y0` of row `y` is set when `y0 -> y` has a transition (derived).
   */
  readonly prevMask: Int32Array;
  /**
   * 1 for a state with a transition into a wide state, one with more
   * predecessors than {@link maskWords} (B and S states: every E and S
   * state leads to them); 0 otherwise (derived). Viterbi ranks these
   * predecessors by score at each step.
   */
  readonly feedsWide: Uint8Array;
  /**
   * `trans` for each entry of `prev`: `prevTrans[k]` is `log P(y | prev[k])`
   * (derived). Viterbi's scan of a short predecessor list reads its
   * transitions from here, in order, rather than from the 512 KB matrix
   * (measured: 5% fewer L1 misses in tagging). Long lists are scanned
   * through the bit masks, where finding an entry's place in this list costs
   * more instructions than the matrix read saves.
   */
  readonly prevTrans: Float64Array;
  /**
   * The largest `log P(y | y0)` over the predecessors y0 of each state y
   * (`-Infinity` if it has none; derived). With the best score of a step it
   * bounds every score of the next, which lets the last step skip states
   * that cannot end the best path.
   */
  readonly maxTransInto: Float64Array;
  /**
   * The states reachable from each state as bit masks, {@link maskWords}
   * words per state: bit `y` of row `x` is set when `x -> y` has a
   * transition (derived). Viterbi unites them for a character the table
   * does not list, whose states are all those reachable.
   */
  readonly nextMask: Int32Array;
  /**
   * The union of `nextMask` rows over each nibble of a state bit set: the
   * row for nibble `p` (states `4p .. 4p+3`) with value `v` is at
   * `(p * 16 + v) * maskWords(S)` (derived). With it, the states a set of
   * states reaches cost one row per nonzero nibble, not one per state.
   */
  readonly nextByNibble: Int32Array;
  /** The states with any transition out, as a bit set (derived). */
  readonly hasNext: Int32Array;
  /**
   * The magnitude from which a score absorbs every transition and every
   * emission other than `MIN_FLOAT` (adding one leaves the score as it is),
   * or `Infinity` when the model's numbers do not allow the shortcut
   * (derived by {@link absorptionThreshold} from the transitions, `emitValues`
   * and `charEmit`).
   */
  readonly hugeScore: number;

  /**
   * States a Han character was seen in: `charStates[charStart[c] .. charStart[c + 1])`
   * for `c = cu - 0x4E00`; an empty range means the character is not in the
   * table (every state is possible).
   */
  readonly charStart: Int32Array;
  readonly charStates: Uint8Array;
  /** `emit_p[state].get(char, MIN_FLOAT)` for each entry of `charStates`, so the common case needs no hash lookup. */
  readonly charEmit: Float64Array;
  /**
   * Every emission of each Han character `c = cu - 0x4E00`: states
   * `emitStates[emitStart[c] .. emitStart[c + 1])` with log-probabilities
   * `emitValues[...]`; any other state emits it with `MIN_FLOAT`.
   */
  readonly emitStart: Int32Array;
  readonly emitStates: Uint8Array;
  readonly emitValues: Float64Array;
}

/** The reverse of the `next` lists: for each state, the states that can precede it. */
export function predecessors(
  nextStart: Int32Array,
  next: Uint8Array,
  trans: Float64Array,
): {
  prevStart: Int32Array;
  prev: Uint8Array;
  prevMask: Int32Array;
  feedsWide: Uint8Array;
  prevTrans: Float64Array;
  maxTransInto: Float64Array;
  nextMask: Int32Array;
  nextByNibble: Int32Array;
  hasNext: Int32Array;
} {
  const S = nextStart.length - 1;
  const prevStart = new Int32Array(S + 1);
  for (let k = 0; k < next.length; k++) prevStart[next[k]! + 1]!++;
  for (let y = 0; y < S; y++) prevStart[y + 1]! += prevStart[y]!;
  const fill = prevStart.slice(0, S);
  const prev = new Uint8Array(next.length);
  // x ascending, so each state's predecessors are listed in ascending order.
  for (let x = 0; x < S; x++) for (let k = nextStart[x]!; k < nextStart[x + 1]!; k++) prev[fill[next[k]!]!++] = x;
  const prevTrans = new Float64Array(next.length);
  for (let y = 0; y < S; y++) for (let k = prevStart[y]!; k < prevStart[y + 1]!; k++) prevTrans[k] = trans[y * S + prev[k]!]!;
  const words = maskWords(S);
  const prevMask = new Int32Array(S * words);
  const nextMask = new Int32Array(S * words);
  for (let x = 0; x < S; x++) {
    for (let k = nextStart[x]!; k < nextStart[x + 1]!; k++) {
      const y = next[k]!;
      prevMask[y * words + (x >>> 5)]! |= 1 << (x & 31);
      nextMask[x * words + (y >>> 5)]! |= 1 << (y & 31);
    }
  }
  const feedsWide = new Uint8Array(S);
  for (let y = 0; y < S; y++) {
    if (prevStart[y + 1]! - prevStart[y]! <= words) continue;
    for (let k = prevStart[y]!; k < prevStart[y + 1]!; k++) feedsWide[prev[k]!] = 1;
  }
  const maxTransInto = new Float64Array(S).fill(-Infinity);
  for (let y = 0; y < S; y++) {
    for (let k = prevStart[y]!; k < prevStart[y + 1]!; k++) if (prevTrans[k]! > maxTransInto[y]!) maxTransInto[y] = prevTrans[k]!;
  }
  const nibbles = (S + 3) >>> 2;
  const nextByNibble = new Int32Array(nibbles * 16 * words);
  for (let p = 0; p < nibbles; p++) {
    for (let v = 1; v < 16; v++) {
      // The row of v is the row of v without its lowest bit, plus that bit's state.
      const low = v & -v;
      const x = 4 * p + 31 - Math.clz32(low);
      const row = (p * 16 + v) * words;
      const rest = (p * 16 + (v ^ low)) * words;
      for (let w = 0; w < words; w++) nextByNibble[row + w] = nextByNibble[rest + w]! | (x < S ? nextMask[x * words + w]! : 0);
    }
  }
  const hasNext = new Int32Array(words);
  for (let x = 0; x < S; x++) if (nextStart[x + 1]! > nextStart[x]!) hasNext[x >>> 5]! |= 1 << (x & 31);
  return { prevStart, prev, prevMask, feedsWide, prevTrans, maxTransInto, nextMask, nextByNibble, hasNext };
}

/**
 * {@link PosModel.hugeScore}: `M * 2^55`, where M is the largest magnitude
 * among the model's transitions and its emissions other than `MIN_FLOAT`.
 *
 * Why it holds: a score V with `|V| >= M * 2^55` lies in a binade
 * `[2^e, 2^(e+1))` with `M < 2^(e-54)`, less than half the spacing of
 * doubles around V even on the smaller side of a power of two, so
 * `V + x` rounds back to V for every `|x| <= M`. Viterbi relies on one more
 * fact, which this function also checks: a score with `|V| <= 2^278 - M`
 * plus a transition is at most 2^278 in magnitude, below half the spacing
 * (2^280) of doubles around `MIN_FLOAT`, so adding `MIN_FLOAT` to it gives
 * `MIN_FLOAT` exactly. The two ranges must leave no gap between them.
 *
 * `Infinity` (no shortcut) when a transition or emission is not finite, or
 * M is so large that the ranges leave a gap.
 *
 * @example
 * // A model whose largest transition or emission magnitude is 20:
 * absorptionThreshold(model.trans, model.nextStart, model.next, model.emitValues, model.charEmit); // 20 * 2 ** 55
 */
export function absorptionThreshold(trans: Float64Array, nextStart: Int32Array, next: Uint8Array, ...emissions: Float64Array[]): number {
  return absorptionThresholdWith(trans, nextStart, next, Math.max(0, ...emissions.map(largestEmission)));
}

/**
 * {@link absorptionThreshold} from the emissions' largest magnitude, found
 * by the caller ({@link largestEmission}, or a compiled scan of the same
 * values: the model's 155,000 emissions took 7-9 ms in JavaScript at the
 * first tagging, still cold).
 *
 * @example
 * absorptionThresholdWith(model.trans, model.nextStart, model.next, 20); // 20 * 2 ** 55 if no transition is larger
 */
export function absorptionThresholdWith(trans: Float64Array, nextStart: Int32Array, next: Uint8Array, emissionMagnitude: number): number {
  const S = nextStart.length - 1;
  if (!(emissionMagnitude <= Number.MAX_VALUE)) return Infinity;
  let largest = emissionMagnitude;
  for (let x = 0; x < S; x++) {
    for (let k = nextStart[x]!; k < nextStart[x + 1]!; k++) {
      const value = Math.abs(trans[next[k]! * S + x]!);
      if (!(value <= Number.MAX_VALUE)) return Infinity;
      if (value > largest) largest = value;
    }
  }
  const huge = largest * 2 ** 55;
  return huge + largest <= 2 ** 278 ? huge : Infinity;
}

/**
 * The largest magnitude among `values` other than `MIN_FLOAT` (0 for
 * none), or `Infinity` when one of them is not finite.
 *
 * @example
 * largestEmission(Float64Array.of(-7, POS_MIN_FLOAT, -1)); // 7
 */
export function largestEmission(values: Float64Array): number {
  let largest = 0;
  // Indexed, not for...of: a typed array's iterator is several times slower cold.
  for (let i = 0; i < values.length; i++) {
    const emit = values[i]!;
    if (emit === POS_MIN_FLOAT) continue;
    const value = Math.abs(emit);
    if (!(value <= Number.MAX_VALUE)) return Infinity;
    if (value > largest) largest = value;
  }
  return largest;
}

/** Python's `MIN_FLOAT`: the emission of a character a state never produced. */
export const POS_MIN_FLOAT = -3.14e100;

/**
 * `emit_p[state].get(char, MIN_FLOAT)` for a Han character.
 *
 * @example
 * emission(model, 0, '一'.charCodeAt(0)); // log P('一' | ('B', 'a'))
 */
export function emission(model: Pick<PosModel, 'emitStart' | 'emitStates' | 'emitValues'>, state: number, cu: number): number {
  const c = cu - HAN_FIRST;
  for (let k = model.emitStart[c]!; k < model.emitStart[c + 1]!; k++) {
    if (model.emitStates[k] === state) return model.emitValues[k]!;
  }
  return POS_MIN_FLOAT;
}

/** 32-bit words in a bit set of `states` states. */
export function maskWords(states: number): number {
  return (states + 31) >>> 5;
}
