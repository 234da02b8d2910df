/**
 * Viterbi decoding over the POS model, as `jieba.posseg.viterbi`.
 *
 * @module
 */

import { SCRATCH_KEEP } from '../scratch.js';
import { HAN_FIRST } from '../text/char-classes.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';

/**
 * Reusable buffers. Back-pointers are kept only for the states each step
 * actually considers (a handful per character), in `stepStates` and
 * `stepFrom` from `stepStart[t]`, so memory grows with the text, not with
 * text length × 256.
 */
export class PosViterbiScratch {
  previous = new Float64Array(256);
  current = new Float64Array(256);
  /** Marks for set operations: a state is "in" when its mark equals the stamp. */
  readonly expectMark = new Int32Array(256);
  /** This step's predecessors (last step's states with somewhere to go), as a bit set. */
  readonly prevBits = new Int32Array(maskWords(256));
  /** This step's predecessors that feed wide states, best score first, and those scores. */
  readonly rankedStates = new Uint8Array(256);
  readonly rankedScores = new Float64Array(256);
  /** The states one step considers, and their emissions. */
  readonly candidates = new Uint8Array(256);
  readonly candidateEmit = new Float64Array(256);
  /** Emissions of one character for every state, for the steps that consider all of them. */
  readonly emitRow = new Float64Array(256);
  stamp = 0;
  stepStart = new Int32Array(64);
  stepStates = new Uint8Array(1024);
  stepFrom = new Uint8Array(1024);
  /** Best state of each character, filled by {@link posViterbi}. */
  path = new Uint8Array(64);

  /** Give back memory a huge run made these buffers take (see `SCRATCH_KEEP`). */
  shrink(): void {
    if (this.stepStart.length > SCRATCH_KEEP) this.stepStart = new Int32Array(64);
    if (this.path.length > SCRATCH_KEEP) this.path = new Uint8Array(64);
    if (this.stepStates.length > SCRATCH_KEEP) {
      this.stepStates = new Uint8Array(1024);
      this.stepFrom = new Uint8Array(1024);
    }
  }

  ensure(length: number): void {
    if (length + 1 > this.stepStart.length) this.stepStart = new Int32Array(Math.max(length + 1, 2 * this.stepStart.length));
    if (length > this.path.length) this.path = new Uint8Array(Math.max(length, 2 * this.path.length));
  }

  /** Make room for `needed` back-pointer entries, keeping the first `kept`. */
  reserve(needed: number, kept: number): void {
    if (needed <= this.stepStates.length) return;
    const size = Math.max(needed, 2 * this.stepStates.length);
    const states = new Uint8Array(size);
    states.set(this.stepStates.subarray(0, kept));
    this.stepStates = states;
    const fromStates = new Uint8Array(size);
    fromStates.set(this.stepFrom.subarray(0, kept));
    this.stepFrom = fromStates;
  }
}

/** `emit_p[y].get(char, MIN_FLOAT)` for every state y, written into `row`. */
function emissionRow(model: PosModel, cu: number, row: Float64Array): Float64Array {
  row.fill(POS_MIN_FLOAT);
  const c = cu - HAN_FIRST;
  const { emitStates, emitValues } = model;
  // Bounds in locals: V8 reloads a typed-array element after any store to
  // another typed array, which might share its buffer.
  for (let k = model.emitStart[c]!, last = model.emitStart[c + 1]!; k < last; k++) row[emitStates[k]!] = emitValues[k]!;
  return row;
}

/** Error for the one input on which Python's posseg Viterbi itself fails. */
export class PosViterbiDeadEnd extends Error {}

/**
 * Decode `text.slice(start, end)` (Han characters) into `scratch.path`, as
 * Python does:
 *
 * - the first character may be in the states `char_state_tab` lists for it
 *   (all states if it has no entry);
 * - at each next character, the previous states with any outgoing
 *   transition are the predecessors; the character's states are those it is
 *   listed with that some predecessor can reach, or, when there are none,
 *   all reachable states (all states if nothing is reachable);
 * - each state keeps the best `(V[t-1][y0] + trans) + emit` over the
 *   predecessors, a missing transition counting -Infinity and a missing
 *   emission `MIN_FLOAT`; ties go to the larger predecessor, as Python's
 *   `max` over `(prob, state)` tuples does;
 * - the path ends in the best last state (ties: the larger state); on the
 *   last step a state whose score is bounded below the best one found is
 *   not scored at all, which does not change the result;
 * - a state with many predecessors (B and S) scans them best score first
 *   and stops where their bound falls below its best, which does not
 *   change the result either.
 *
 * Python's sets and dicts iterate in hash order, but every choice above is
 * a `max` whose tie-break is the state itself, so the order is irrelevant.
 *
 * @throws PosViterbiDeadEnd when every state of a step has no outgoing
 *   transition, where Python raises `ValueError: max() arg is an empty
 *   sequence`. jieba's model cannot get there (a state without outgoing
 *   transitions has no incoming ones either, and every character lists a
 *   state with some), so this only guards against a damaged model.
 */
export function posViterbi(model: PosModel, text: string, start: number, end: number, scratch: PosViterbiScratch): void {
  const length = end - start;
  scratch.ensure(length);
  const S = model.states.length;
  const W = maskWords(S);
  const { start: startP, trans, nextStart, next, prevStart, prev, prevTrans, prevMask, feedsWide, maxTransInto, charStart, charStates, charEmit } = model;
  let previous = scratch.previous;
  let current = scratch.current;
  const expectMark = scratch.expectMark;
  const prevBits = scratch.prevBits;
  const stepStart = scratch.stepStart;
  const candidates = scratch.candidates;
  const candidateEmit = scratch.candidateEmit;
  const rankedStates = scratch.rankedStates;
  const rankedScores = scratch.rankedScores;
  let entries = 0;
  let largestPrev = -1;

  // Each step adds at most S back-pointers: room is made once per step.
  scratch.reserve(S, 0);
  let stepStates = scratch.stepStates;
  let stepFrom = scratch.stepFrom;

  // Step 0: the states the first character is listed with, or all of them.
  let stamp = ++scratch.stamp;
  stepStart[0] = 0;
  {
    const cu = text.charCodeAt(start);
    const c = cu - HAN_FIRST;
    const first = charStart[c]!;
    const last = charStart[c + 1]!;
    // Bounds and tables in locals: V8 reloads a typed-array element after
    // any store to another typed array, which might share its buffer.
    if (first < last) {
      for (let k = first; k < last; k++) {
        const y = charStates[k]!;
        previous[y] = startP[y]! + charEmit[k]!;
        stepStates[entries] = y;
        stepFrom[entries++] = 0;
      }
    } else {
      const row = emissionRow(model, cu, scratch.emitRow);
      for (let y = 0; y < S; y++) {
        previous[y] = startP[y]! + row[y]!;
        stepStates[entries] = y;
        stepFrom[entries++] = 0;
      }
    }
  }

  for (let t = 1; t < length; t++) {
    if (entries + S > stepStates.length) {
      scratch.reserve(entries + S, entries);
      stepStates = scratch.stepStates;
      stepFrom = scratch.stepFrom;
    }
    const cu = text.charCodeAt(start + t);
    const c = cu - HAN_FIRST;
    // Predecessors: last step's states that have somewhere to go.
    stamp = ++scratch.stamp;
    prevBits.fill(0);
    largestPrev = -1;
    /** The best score among the predecessors. */
    let bestPrevious = -Infinity;
    /** Predecessors in `rankedStates`: those feeding wide states, kept in descending score order. */
    let ranked = 0;
    for (let e = stepStart[t - 1]!; e < entries; e++) {
      const x = stepStates[e]!;
      if (nextStart[x + 1]! > nextStart[x]!) {
        prevBits[x >>> 5]! |= 1 << (x & 31);
        if (x > largestPrev) largestPrev = x;
        const score = previous[x]!;
        if (score > bestPrevious) bestPrevious = score;
        if (feedsWide[x] !== 0) {
          // Insertion sort: a dozen entries, most arriving nearly in place.
          let j = ranked++;
          while (j > 0 && rankedScores[j - 1]! < score) {
            rankedScores[j] = rankedScores[j - 1]!;
            rankedStates[j] = rankedStates[j - 1]!;
            j--;
          }
          rankedScores[j] = score;
          rankedStates[j] = x;
        }
      }
    }
    if (largestPrev < 0) throw new PosViterbiDeadEnd('no state of the previous character has a transition');

    // This character's listed states that a predecessor can reach; if none
    // (or the character is not listed), every state a predecessor can reach.
    // (Python falls back to every state when none is reachable, but
    // predecessors are chosen for having transitions, so some state is.)
    stepStart[t] = entries;
    // First the listed states, read in place; then, if need be, the computed ones.
    let states = charStates;
    let emits = charEmit;
    let first = charStart[c]!;
    let last = charStart[c + 1]!;
    for (let pass = 0; ; pass++) {
      // On the last step only the best final state matters. No state y can
      // score above its bound `(bestPrevious + maxTransInto[y]) + em`
      // (rounding is monotonic), so the state of the highest bound goes
      // first and any state whose bound is below the best score so far is
      // skipped: it cannot end the path, not even by a tie.
      let boundFirst = -1;
      if (t === length - 1) {
        let highest = -Infinity;
        for (let q = first; q < last; q++) {
          const bound = bestPrevious + maxTransInto[states[q]!]! + emits[q]!;
          if (bound > highest) {
            highest = bound;
            boundFirst = q;
          }
        }
      }
      let stepBest = -Infinity;
      for (let i = boundFirst >= 0 ? first - 1 : first; i < last; i++) {
        let q = i;
        if (boundFirst >= 0) {
          if (i < first) q = boundFirst;
          else if (q === boundFirst || bestPrevious + maxTransInto[states[q]!]! + emits[q]! < stepBest) continue;
        }
        // V[t][y] and its back-pointer: the best `(V[t-1][y0] + trans) + em`
        // over the predecessors y0, as Python's max over `(prob, y0)`
        // tuples: ties go to the larger y0. A predecessor without a
        // transition into y scores -Infinity (Python's MIN_INF), which loses
        // to any finite score, so only predecessors with a transition count.
        // A state no predecessor reaches is not among the states Python
        // considers. Scores are never NaN: the model has none.
        const y = states[q]!;
        const em = emits[q]!;
        let best = -Infinity;
        let bestFrom = -1;
        const from = prevStart[y]!;
        const to = prevStart[y + 1]!;
        if (to - from <= W) {
          // E and M states (one or two transitions in): their own list, in
          // ascending y0, so `>=` gives a tie to the larger y0.
          for (let k = from; k < to; k++) {
            const y0 = prev[k]!;
            if (((prevBits[y0 >>> 5]! >>> (y0 & 31)) & 1) === 0) continue;
            const prob = previous[y0]! + prevTrans[k]! + em;
            if (prob >= best) {
              best = prob;
              bestFrom = y0;
            }
          }
        } else {
          // B and S states (about forty transitions in, a dozen live): the
          // ranked predecessors, best score first. No y0 can score above
          // `(V[t-1][y0] + maxTransInto[y]) + em` (rounding is monotonic),
          // and that bound only falls along the ranking, so the scan stops
          // at the first y0 whose bound is below the best score found: it
          // and all after it lose, not even tying. Ties among the rest are
          // broken explicitly, the ranking not being in state order.
          const row = y * S;
          const base = y * W;
          const bound = maxTransInto[y]!;
          for (let j = 0; j < ranked; j++) {
            const score = rankedScores[j]!;
            if (score + bound + em < best) break;
            const y0 = rankedStates[j]!;
            const tr = trans[row + y0]!;
            // -Infinity is also what a missing transition reads as.
            if (tr === -Infinity && ((prevMask[base + (y0 >>> 5)]! >>> (y0 & 31)) & 1) === 0) continue;
            const prob = score + tr + em;
            if (prob > best || (prob === best && y0 > bestFrom)) {
              best = prob;
              bestFrom = y0;
            }
          }
        }
        if (bestFrom < 0) continue;
        // Every score -Infinity (only a damaged model gets here): Python's
        // tie then goes to the largest predecessor, transition or not.
        if (best === -Infinity) bestFrom = largestPrev;
        if (best > stepBest) stepBest = best;
        current[y] = best;
        stepStates[entries] = y;
        stepFrom[entries++] = bestFrom;
      }
      if (entries > stepStart[t] || pass === 1) break;
      for (let e = stepStart[t - 1]!; e < stepStart[t]!; e++) {
        const x = stepStates[e]!;
        for (let k = nextStart[x]!, end = nextStart[x + 1]!; k < end; k++) expectMark[next[k]!] = stamp;
      }
      const row = emissionRow(model, cu, scratch.emitRow);
      let count = 0;
      for (let y = 0; y < S; y++) {
        if (expectMark[y] !== stamp) continue;
        candidates[count] = y;
        candidateEmit[count++] = row[y]!;
      }
      states = candidates;
      emits = candidateEmit;
      first = 0;
      last = count;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  stepStart[length] = entries;

  // The best last state, then back through the pointers.
  let state = -1;
  let best = -Infinity;
  for (let e = stepStart[length - 1]!; e < entries; e++) {
    const y = stepStates[e]!;
    const v = previous[y]!;
    if (state < 0 || v > best || (v === best && y > state)) {
      best = v;
      state = y;
    }
  }
  const path = scratch.path;
  for (let t = length - 1; t >= 0; t--) {
    path[t] = state;
    if (t === 0) break;
    let e = stepStart[t]!;
    while (stepStates[e] !== state) e++;
    state = stepFrom[e]!;
  }
  scratch.previous = previous;
  scratch.current = current;
}
