/**
 * Viterbi decoding over the POS model, as `jieba.posseg.viterbi`.
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';
import { POS_MIN_FLOAT, type PosModel } from './model.js';

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
  readonly observedMark = new Int32Array(256);
  readonly prevMark = new Int32Array(256);
  /** This step's predecessors: last step's states with somewhere to go. */
  readonly prevStates = new Uint8Array(256);
  /** Emissions of one character for every state, for the steps that consider all of them. */
  readonly emitRow = new Float64Array(256);
  stamp = 0;
  stepStart = new Int32Array(64);
  stepStates = new Uint8Array(1024);
  stepFrom = new Uint8Array(1024);
  /** Best state of each character, filled by {@link posViterbi}. */
  path = new Uint8Array(64);

  ensure(length: number): void {
    if (length + 1 > this.stepStart.length) this.stepStart = new Int32Array(Math.max(length + 1, 2 * this.stepStart.length));
    if (length > this.path.length) this.path = new Uint8Array(Math.max(length, 2 * this.path.length));
  }

  push(count: number, state: number, from: number): void {
    if (count === this.stepStates.length) {
      const states = new Uint8Array(2 * count);
      states.set(this.stepStates);
      this.stepStates = states;
      const fromStates = new Uint8Array(2 * count);
      fromStates.set(this.stepFrom);
      this.stepFrom = fromStates;
    }
    this.stepStates[count] = state;
    this.stepFrom[count] = from;
  }
}

/** `emit_p[y].get(char, MIN_FLOAT)` for every state y, written into `row`. */
function emissionRow(model: PosModel, cu: number, row: Float64Array): Float64Array {
  row.fill(POS_MIN_FLOAT);
  const c = cu - HAN_FIRST;
  for (let k = model.emitStart[c]!; k < model.emitStart[c + 1]!; k++) row[model.emitStates[k]!] = model.emitValues[k]!;
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
 * - the path ends in the best last state (ties: the larger state).
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
  const { trans, nextStart, next, prevStart, prev, charStart, charStates, charEmit } = model;
  let previous = scratch.previous;
  let current = scratch.current;
  const observedMark = scratch.observedMark;
  const prevMark = scratch.prevMark;
  const expectMark = scratch.expectMark;
  const stepStart = scratch.stepStart;
  let entries = 0;

  const prevStates = scratch.prevStates;
  let prevCount = 0;
  let largestPrev = -1;

  /**
   * V[t][y] and its back-pointer: the best `(V[t-1][y0] + trans) + em` over
   * the predecessors y0 (those marked with `stamp`), as Python's max over
   * `(prob, y0)` tuples. A predecessor without a transition into y scores
   * -Infinity (Python's MIN_INF) and can only win when all do, when the tie
   * goes to the largest. So the scan covers the shorter of two lists: the
   * states with a transition into y (E and M states have one or two), or
   * the predecessors (about ten, where B and S states have forty
   * transitions in). Returns false when no predecessor reaches y (it is
   * then not among the states Python considers).
   */
  const score = (y: number, em: number, stamp: number): boolean => {
    const row = y * S;
    let best = -Infinity;
    let bestFrom = -1;
    let reachable = false;
    if (prevStart[y + 1]! - prevStart[y]! <= prevCount) {
      for (let k = prevStart[y]!; k < prevStart[y + 1]!; k++) {
        const y0 = prev[k]!;
        if (prevMark[y0] !== stamp) continue;
        reachable = true;
        const prob = previous[y0]! + trans[row + y0]! + em;
        if (bestFrom < 0 || prob > best || (prob === best && y0 > bestFrom)) {
          best = prob;
          bestFrom = y0;
        }
      }
      if (best === -Infinity) bestFrom = largestPrev;
    } else {
      for (let p = 0; p < prevCount; p++) {
        const y0 = prevStates[p]!;
        const t = trans[row + y0]!;
        if (t !== -Infinity) reachable = true;
        const prob = previous[y0]! + t + em;
        if (bestFrom < 0 || prob > best || (prob === best && y0 > bestFrom)) {
          best = prob;
          bestFrom = y0;
        }
      }
    }
    if (!reachable) return false;
    current[y] = best;
    scratch.push(entries++, y, bestFrom);
    return true;
  };

  // Step 0: the states the first character is listed with, or all of them.
  let stamp = ++scratch.stamp;
  stepStart[0] = 0;
  {
    const cu = text.charCodeAt(start);
    const c = cu - HAN_FIRST;
    if (charStart[c]! < charStart[c + 1]!) {
      for (let k = charStart[c]!; k < charStart[c + 1]!; k++) {
        const y = charStates[k]!;
        if (observedMark[y] === stamp) continue; // a repeated entry
        observedMark[y] = stamp;
        previous[y] = model.start[y]! + charEmit[k]!;
        scratch.push(entries++, y, 0);
      }
    } else {
      const row = emissionRow(model, cu, scratch.emitRow);
      for (let y = 0; y < S; y++) {
        previous[y] = model.start[y]! + row[y]!;
        scratch.push(entries++, y, 0);
      }
    }
  }

  for (let t = 1; t < length; t++) {
    const cu = text.charCodeAt(start + t);
    const c = cu - HAN_FIRST;
    // Predecessors: last step's states that have somewhere to go.
    stamp = ++scratch.stamp;
    prevCount = 0;
    largestPrev = -1;
    for (let e = stepStart[t - 1]!; e < entries; e++) {
      const x = scratch.stepStates[e]!;
      if (nextStart[x + 1]! > nextStart[x]!) {
        prevMark[x] = stamp;
        prevStates[prevCount++] = x;
        if (x > largestPrev) largestPrev = x;
      }
    }
    if (prevCount === 0) throw new PosViterbiDeadEnd('no state of the previous character has a transition');

    // This character's listed states that a predecessor can reach.
    stepStart[t] = entries;
    const listed = charStart[c]! < charStart[c + 1]!;
    if (listed) {
      for (let k = charStart[c]!; k < charStart[c + 1]!; k++) {
        const y = charStates[k]!;
        if (observedMark[y] === stamp) continue;
        observedMark[y] = stamp;
        score(y, charEmit[k]!, stamp);
      }
    }
    if (entries === stepStart[t]) {
      // None (or the character is not listed): every state a predecessor can
      // reach. (Python falls back to every state when none is reachable, but
      // predecessors are chosen for having transitions, so some state is.)
      for (let e = stepStart[t - 1]!; e < stepStart[t]!; e++) {
        const x = scratch.stepStates[e]!;
        for (let k = nextStart[x]!; k < nextStart[x + 1]!; k++) expectMark[next[k]!] = stamp;
      }
      const row = emissionRow(model, cu, scratch.emitRow);
      for (let y = 0; y < S; y++) if (expectMark[y] === stamp) score(y, row[y]!, stamp);
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
    const y = scratch.stepStates[e]!;
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
    while (scratch.stepStates[e] !== state) e++;
    state = scratch.stepFrom[e]!;
  }
  scratch.previous = previous;
  scratch.current = current;
}
