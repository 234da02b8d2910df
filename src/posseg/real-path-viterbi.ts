/**
 * The POS Viterbi for the usual run, including runs of characters that
 * `char_state_tab` does not list (traditional and classical text): the
 * run whose best path is a **real path**, one on which every character is
 * emitted with a real probability, never with `MIN_FLOAT`, or which takes
 * `MIN_FLOAT` only at **silent** characters, those no state emits.
 *
 * A state's score at a step is either real (above `-hugeScore / 2`) or, once
 * its best path has taken a `MIN_FLOAT` emission, at or below `MIN_FLOAT`
 * (and `-hugeScore`), where every transition and real emission is absorbed
 * (`PosModel.hugeScore`); call the second kind the shadow. A real
 * predecessor beats every shadow predecessor, by far, and a real last state
 * beats every other. So while some state of each step is real, the best
 * path runs through real states only, and the shadow needs no score, no
 * back-pointer, and not even its set: Python's choice of the states a step
 * considers (the character's listed states that some live state reaches,
 * or, when there are none or the character is not listed, every reached
 * state) depends on every live state, but a state with a real predecessor
 * is reached whatever the shadow holds, so the real states of a step are
 * the same with or without it.
 *
 * At a silent character no state stays real: every state a real one
 * reaches scores `MIN_FLOAT` exactly (a real score plus a transition is far
 * too small to move it), every other at most `2 * MIN_FLOAT`. Those at
 * `MIN_FLOAT` are the **top layer**; they tie, so each takes the largest
 * real state it has a transition from. From there on the same argument
 * holds one level down: the layer's states all share one score `L`, every
 * other live state is at most `L + MIN_FLOAT`, a state emitting the next
 * character for real from the layer stays at `L` (ties to the largest
 * predecessor in the layer), and the next silent character moves the whole
 * layer down by `MIN_FLOAT`. The layer is a bit set per step (`TopLayers`); a
 * back-pointer is worked out only on the best path.
 *
 * Real states are kept as scores in two dense rows, live states marked by a
 * stamp instead of cleared, back-pointers in a table indexed by step and
 * state. A run leaves these cases at a step where no state is real (or in
 * the layer) and the character is not silent: a state one `MIN_FLOAT` below
 * might then tie, and Python may fall back to every reached state. It also
 * leaves them where a score falls between the ranges, which jieba's model
 * never makes. This decoder then declines and the caller runs
 * `posViterbi`, which decides every run. For a model without a `hugeScore`
 * (no absorption) there is no shadow: runs of listed characters are
 * decoded with plain arithmetic, others are declined.
 *
 * Measured (2026-12-01, tagging in one process taking turns with the
 * decoder before, which declined every run holding an unlisted character):
 * Tang poems in traditional characters 1.46x, traditional technical text
 * 1.58x, Song ci 1.05x, simplified technical text 1.02x, with real paths
 * alone (85% of the Tang poems' runs decided); with top layers, 99.3% of
 * them and every run of the technical text.
 *
 * The tagger runs this decoder's WebAssembly build first
 * (`wasm-real-path.ts`, `kernels.wat`: the same decisions, about twice as
 * fast) and this one where WebAssembly is unavailable.
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { isSilent, TopLayers } from './top-layers.js';

/** The longest run decoded here (UTF-16 units); longer ones go to `posViterbi`. */
export const REAL_PATH_LONGEST = 256;
/** Stamps are restarted before they could overflow an Int32. */
const STAMP_LIMIT = 0x7fff0000;
/**
 * The largest start score for which a first character's states without a
 * real emission are surely in the shadow (`start + MIN_FLOAT` rounds to
 * `MIN_FLOAT` or below), and every real score stays far below 2^280, half
 * the spacing of doubles around `MIN_FLOAT`, so that a real score plus a
 * transition plus `MIN_FLOAT` is `MIN_FLOAT` exactly.
 */
const LARGEST_START = 2 ** 250;

/**
 * Whether `model` allows a shadow (it has a `hugeScore`, and start scores a
 * shadow can follow), and the ranges of scores: a real score is above
 * `realFloor`, a shadow score at or below `shadowCeiling` (`MIN_FLOAT`;
 * shadow scores are also at or below -hugeScore, which is at most 2^278).
 * Without a shadow every score but -Infinity is real.
 *
 * @example
 * const { shadowAllowed, realFloor, shadowCeiling } = realPathLimits(model);
 */
export function realPathLimits(model: PosModel): { shadowAllowed: boolean; realFloor: number; shadowCeiling: number } {
  let shadowAllowed = model.hugeScore < Infinity;
  for (const score of model.start) if (!(score <= LARGEST_START)) shadowAllowed = false;
  return {
    shadowAllowed,
    realFloor: shadowAllowed ? -model.hugeScore / 2 : -Infinity,
    shadowCeiling: shadowAllowed ? POS_MIN_FLOAT : -Infinity,
  };
}

/**
 * Decodes runs whose best path is real (see the module comment), or
 * declines.
 *
 * @example
 * const real = new RealPathViterbi();
 * if (!real.decode(model, text, start, end)) posViterbi(model, text, start, end, scratch);
 */
export class RealPathViterbi {
  /** The best state of each character of the last run decoded. */
  readonly path = new Uint8Array(REAL_PATH_LONGEST);
  /** Real scores of the states of steps of even and odd index, at `row * S + state`. */
  readonly #scores = new Float64Array(512);
  /** The stamp of the step a state was last given a real score at, per row. */
  readonly #live = new Int32Array(512).fill(-1);
  /** The real states of each of the two rows, in the order they were scored. */
  readonly #states = new Uint8Array(512);
  /** Back-pointers, at `t * S + state`. */
  readonly #back = new Uint8Array(REAL_PATH_LONGEST * 256);
  /** A step's real predecessors feeding wide states (B, S), best score first. */
  readonly #headScores = new Float64Array(256);
  readonly #headStates = new Uint8Array(256);
  /** The top layer of each step from the first silent character on. */
  readonly #layers = new TopLayers(REAL_PATH_LONGEST);
  /** Step t of the current run has stamp `#stamp + t`. */
  #stamp = 0;
  /** The model last seen, and its limits. */
  #model: PosModel | undefined;
  #limits = { shadowAllowed: false, realFloor: -Infinity, shadowCeiling: -Infinity };

  /**
   * Decode `text.slice(start, end)` (Han characters) into {@link path} as
   * `jieba.posseg.viterbi` does, and return true; or return false, having
   * decided nothing, where the module comment's arguments do not hold: a
   * step, at a character that some state emits, where no state is real
   * (-Infinity is never real: it loses to every other score) or stays in
   * the top layer; a score between the real and the shadow ranges; a run
   * longer than {@link REAL_PATH_LONGEST}; or a character the model does
   * not list when the model allows no shadow.
   *
   * The rules are `posViterbi`'s: a state's score is the best
   * `(V[t-1][y0] + trans) + emit` over the previous step's states with a
   * transition into it, ties to the larger `y0`; a wide state (B or S)
   * scans its predecessors best first and stops where `score + (largest
   * transition into it) + emit` falls below its best, which cannot change
   * the result (rounding is monotonic); the path ends in the best last
   * state, ties to the larger. Only real states are scored: at a listed
   * character, its listed states; at another, the states emitting it for
   * real (the rest of what is reached emit `MIN_FLOAT`: shadow).
   */
  decode(model: PosModel, text: string, start: number, end: number): boolean {
    const length = end - start;
    const S = model.states.length;
    if (length > REAL_PATH_LONGEST || length < 1 || S > 256) return false;
    const W = maskWords(S);
    if (model !== this.#model) {
      this.#model = model;
      this.#limits = realPathLimits(model);
    }
    const { shadowAllowed, shadowCeiling, realFloor } = this.#limits;
    if (this.#stamp > STAMP_LIMIT) {
      this.#live.fill(-1);
      this.#stamp = 0;
    }
    const stamp = this.#stamp;
    // The next run's stamps start past every stamp this one may write.
    this.#stamp += length + 1;
    // Tables in locals: V8 reloads a typed-array element after any store to
    // another typed array, which might share its buffer.
    const { charStart, charStates, charEmit, emitStart, emitStates, emitValues } = model;
    const { prevStart, prev, prevTrans, trans, prevMask, feedsWide, maxTransInto } = model;
    const scores = this.#scores;
    const live = this.#live;
    const states = this.#states;
    const back = this.#back;
    const headScores = this.#headScores;
    const headStates = this.#headStates;

    // The first character: its listed states, or every state (of which
    // only those emitting it for real can be real).
    let c = text.charCodeAt(start) - HAN_FIRST;
    let listed = charStart[c]! < charStart[c + 1]!;
    if (!listed && !shadowAllowed) return false;
    let count = 0;
    for (let k = listed ? charStart[c]! : emitStart[c]!, last = listed ? charStart[c + 1]! : emitStart[c + 1]!; k < last; k++) {
      const y = listed ? charStates[k]! : emitStates[k]!;
      const score = model.start[y]! + (listed ? charEmit[k]! : emitValues[k]!);
      if (score > realFloor) {
        scores[y] = score;
        live[y] = stamp;
        states[count++] = y;
      } else if (!(score <= shadowCeiling)) return false;
    }
    // The first step at which the path is in a top layer, or -1.
    let firstLayer = -1;
    if (count === 0) {
      if (listed || !isSilent(model, c) || !this.#layers.openAtStart(model, shadowAllowed)) return false;
      firstLayer = 0;
    }

    for (let t = 1; t < length; t++) {
      if (firstLayer >= 0) {
        if (!this.#layers.step(model, text.charCodeAt(start + t) - HAN_FIRST, t)) return false;
        continue;
      }
      const before = ((t - 1) & 1) * S;
      const row = (t & 1) * S;
      const liveBefore = stamp + t - 1;
      // The real predecessors that feed wide states, sorted by score
      // (descending; insertion sort: a dozen, most nearly in place).
      let head = 0;
      let bestBefore = -Infinity;
      for (let i = 0; i < count; i++) {
        const x = states[before + i]!;
        const score = scores[before + x]!;
        if (score > bestBefore) bestBefore = score;
        if (feedsWide[x] === 0) continue;
        let j = head++;
        while (j > 0 && headScores[j - 1]! < score) {
          headScores[j] = headScores[j - 1]!;
          headStates[j] = headStates[j - 1]!;
          j--;
        }
        headScores[j] = score;
        headStates[j] = x;
      }
      c = text.charCodeAt(start + t) - HAN_FIRST;
      listed = charStart[c]! < charStart[c + 1]!;
      if (!listed && !shadowAllowed) return false;
      // The states that may be real: the listed ones, or those emitting an
      // unlisted character for real.
      const first = listed ? charStart[c]! : emitStart[c]!;
      const last = listed ? charStart[c + 1]! : emitStart[c + 1]!;
      const candidates = listed ? charStates : emitStates;
      const emits = listed ? charEmit : emitValues;
      const backAt = t * S;
      // On the last step only the best state matters: a state whose bound
      // `(best previous score + largest transition into it) + emit` is below
      // the best score found cannot end the path, not even by a tie
      // (rounding is monotonic), so it is not scored.
      const lastStep = t === length - 1;
      let stepBest = -Infinity;
      let added = 0;
      for (let q = first; q < last; q++) {
        const y = candidates[q]!;
        const em = emits[q]!;
        if (lastStep && bestBefore + maxTransInto[y]! + em < stepBest) continue;
        const from = prevStart[y]!;
        const to = prevStart[y + 1]!;
        let best = -Infinity;
        let bestFrom = -1;
        if (to - from <= W) {
          // E and M states: their own short list, ascending, so `>=` gives a tie to the larger y0.
          for (let k = from; k < to; k++) {
            const y0 = prev[k]!;
            if (live[before + y0] !== liveBefore) continue;
            const prob = scores[before + y0]! + prevTrans[k]! + em;
            if (prob >= best) {
              best = prob;
              bestFrom = y0;
            }
          }
        } else {
          const transRow = y * S;
          const maskRow = y * W;
          const bound = maxTransInto[y]!;
          for (let j = 0; j < head; j++) {
            const score = headScores[j]!;
            if (score + bound + em < best) break;
            const y0 = headStates[j]!;
            const tr = trans[transRow + y0]!;
            // -Infinity is also what a missing transition reads as.
            if (tr === -Infinity && ((prevMask[maskRow + (y0 >>> 5)]! >>> (y0 & 31)) & 1) === 0) continue;
            const prob = score + tr + em;
            if (prob > best || (prob === best && y0 > bestFrom)) {
              best = prob;
              bestFrom = y0;
            }
          }
        }
        // No real predecessor: shadow, if live at all.
        if (bestFrom < 0) continue;
        if (best > realFloor) {
          if (best > stepBest) stepBest = best;
          scores[row + y] = best;
          live[row + y] = stamp + t;
          states[row + added++] = y;
          back[backAt + y] = bestFrom;
        } else if (!(best <= shadowCeiling)) return false;
      }
      if (added === 0) {
        // No real state. At a silent character, every state a real one
        // reaches scores MIN_FLOAT exactly and the rest less: the top layer
        // begins, with the real states as the layer before it. Otherwise the
        // best path is not real (and, at a listed character, Python may
        // fall back to every reachable state).
        if (listed || !isSilent(model, c)) return false;
        // (When no real state leads anywhere, Python goes on from the others.)
        if (!this.#layers.openAfter(model, t, states, before, count)) return false;
        firstLayer = t;
        continue;
      }
      count = added;
    }

    let state = -1;
    if (firstLayer >= 0) {
      // Every state of the last top layer ties; the others score less.
      state = this.#layers.last(model, length - 1);
    } else {
      const lastRow = ((length - 1) & 1) * S;
      let best = -Infinity;
      for (let i = 0; i < count; i++) {
        const y = states[lastRow + i]!;
        const score = scores[lastRow + y]!;
        if (state < 0 || score > best || (score === best && y > state)) {
          best = score;
          state = y;
        }
      }
    }
    const path = this.path;
    for (let t = length - 1; t > 0; t--) {
      path[t] = state;
      // In a top layer, every predecessor in the layer before ties: the
      // largest with a transition wins.
      state = firstLayer >= 0 && t >= firstLayer ? this.#layers.backOf(model, state, t) : back[t * S + state]!;
    }
    path[0] = state;
    return true;
  }
}
