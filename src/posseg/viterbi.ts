/**
 * Viterbi decoding over the POS model, as `jieba.posseg.viterbi`.
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';
import { absorbedStep } from './absorbed-step.js';
import { reachOf } from './reach.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { PosViterbiScratch } from './viterbi-scratch.js';

export { PosViterbiScratch } from './viterbi-scratch.js';

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

/** The highest state in bit set `bits` (at `at`, `words` words), or -1. */
function highestState(bits: Int32Array, at: number, words: number): number {
  for (let w = words - 1; w >= 0; w--) {
    const word = bits[at + w]!;
    if (word !== 0) return (w << 5) + 31 - Math.clz32(word);
  }
  return -1;
}

/**
 * The tiers of a first character that no state emits with more than
 * `MIN_FLOAT` but those of bit set `scratch.untiered`, which are listed:
 * the start groups (`startGroupsOf`) less those states. Returns the
 * number of tiers, writes each tier state's score into `previous`.
 */
function startTiers(model: PosModel, scratch: PosViterbiScratch): number {
  const W = maskWords(model.states.length);
  const { startKeys, startBits, untiered, tierKeys, tierBits, tierFrom } = scratch;
  let tiers = 0;
  for (let g = 0, groups = scratch.startGroupsOf(model); g < groups; g++) {
    let any = 0;
    for (let w = 0; w < W; w++) any |= startBits[g * W + w]! & ~untiered[w]!;
    if (any === 0) continue;
    const key = startKeys[g]!;
    tierKeys[tiers] = key;
    for (let w = 0; w < W; w++) {
      tierBits[tiers * W + w] = startBits[g * W + w]! & ~untiered[w]!;
      // The first step has no back-pointers.
      tierFrom[tiers * W + w] = 0;
    }
    tiers++;
  }
  return tiers;
}

/**
 * Resolve the states of bit set `scratch.untiered` (states emitting the
 * character with `MIN_FLOAT`) as tiers of step `t`, from the `groups`
 * groups `predecessors.minFloatGroups` made: a state's total is
 * `V + MIN_FLOAT` for every predecessor V (see `PosModel.hugeScore`), so
 * its best predecessor is the largest it has a transition from in the
 * first group that has one, and its score that group's key. The states a
 * group reaches that no earlier group reaches form its tier. Returns the
 * new number of tiers.
 */
function tierStates(model: PosModel, scratch: PosViterbiScratch, groups: number, tiers: number): number {
  const W = maskWords(model.states.length);
  const { groupKeys, groupBits } = scratch.predecessors;
  const { untiered, groupReach, tierKeys, tierBits, tierFrom } = scratch;
  for (let g = 0; g < groups; g++) {
    let any = 0;
    for (let w = 0; w < W; w++) any |= groupReach[g * W + w]! &= untiered[w]!;
    if (any === 0) continue;
    const key = groupKeys[g]!;
    tierKeys[tiers] = key;
    for (let w = 0; w < W; w++) {
      const word = groupReach[g * W + w]!;
      tierBits[tiers * W + w] = word;
      tierFrom[tiers * W + w] = groupBits[g * W + w]!;
      untiered[w]! &= ~word;
    }
    tiers++;
  }
  return tiers;
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
 *   change the result either;
 * - states emitting a character with `MIN_FLOAT` are resolved in groups, as
 *   tiers (see `StepPredecessors` and `PosViterbiScratch`), and once every
 *   score is huge, whole steps are (see `absorbedStep`), which does not
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
  const S = model.states.length;
  scratch.ensure(length);
  // Each step adds at most S back-pointers: room is made once per step.
  scratch.reserve(S, 0);
  scratch.reserveTiers(0);
  scratch.tiers = 0;
  const { stepStart, tierStart } = scratch;
  const { charStart, charStates, charEmit } = model;
  stepStart[0] = 0;
  tierStart[0] = 0;
  let entries = firstStep(model, text.charCodeAt(start), scratch);
  for (let t = 1; t < length; t++) {
    if (entries + S > scratch.stepStates.length) scratch.reserve(entries + S, entries);
    scratch.reserveTiers(scratch.tiers);
    collectPredecessors(model, scratch, stepStart[t - 1]!, entries, tierStart[t - 1]!);
    stepStart[t] = entries;
    tierStart[t] = scratch.tiers;
    // This character's listed states that a predecessor can reach; if none
    // (or the character is not listed), every state a predecessor can
    // reach. (Python falls back to every state when none is reachable, but
    // predecessors are chosen for having transitions, so some state is.)
    const cu = text.charCodeAt(start + t);
    // Once every score is huge, the step is bit sets alone.
    if (!(scratch.bestPrevious <= -model.hugeScore && absorbedStep(model, scratch, cu))) {
      const c = cu - HAN_FIRST;
      const lastStep = t === length - 1;
      let added = scoreStates(model, scratch, charStates, charEmit, charStart[c]!, charStart[c + 1]!, lastStep, entries);
      if (added === entries) added = scoreReachable(model, scratch, cu, lastStep, entries);
      entries = added;
    }
    const swap = scratch.previous;
    scratch.previous = scratch.current;
    scratch.current = swap;
  }
  stepStart[length] = entries;
  tierStart[length] = scratch.tiers;
  backtrack(model, scratch, length, finalState(model, scratch, length));
}

/** Step 0: the states the first character is listed with, or all of them. Returns the entries made. */
function firstStep(model: PosModel, cu: number, scratch: PosViterbiScratch): number {
  const S = model.states.length;
  const W = maskWords(S);
  const { start: startP, emitStart, emitStates, emitValues, charStart, charStates, charEmit } = model;
  const { previous, stepStates, stepFrom, untiered } = scratch;
  const c = cu - HAN_FIRST;
  const first = charStart[c]!;
  const last = charStart[c + 1]!;
  let entries = 0;
  // Bounds and tables in locals: V8 reloads a typed-array element after
  // any store to another typed array, which might share its buffer.
  if (first < last) {
    for (let k = first; k < last; k++) {
      const y = charStates[k]!;
      previous[y] = startP[y]! + charEmit[k]!;
      stepStates[entries] = y;
      stepFrom[entries++] = 0;
    }
  } else if (model.hugeScore < Infinity && scratch.startGroupsOf(model) > 0) {
    // Every state: those the character is emitted from one by one, the
    // others as tiers of one score each.
    for (let w = 0; w < W; w++) untiered[w] = 0;
    for (let k = emitStart[c]!, stop = emitStart[c + 1]!; k < stop; k++) {
      const y = emitStates[k]!;
      const em = emitValues[k]!;
      if (em === POS_MIN_FLOAT) continue;
      previous[y] = startP[y]! + em;
      untiered[y >>> 5]! |= 1 << (y & 31);
      stepStates[entries] = y;
      stepFrom[entries++] = 0;
    }
    scratch.tiers = startTiers(model, scratch);
  } else {
    const row = emissionRow(model, cu, scratch.emitRow);
    for (let y = 0; y < S; y++) {
      previous[y] = startP[y]! + row[y]!;
      stepStates[entries] = y;
      stepFrom[entries++] = 0;
    }
  }
  return entries;
}

/**
 * The predecessors of a step: the states of entries `from .. to` and of
 * tiers `tiersFrom .. scratch.tiers` that have a transition out, into
 * `prevBits`, `bestPrevious`, `largestPrev` and `predecessors`.
 */
function collectPredecessors(model: PosModel, scratch: PosViterbiScratch, from: number, to: number, tiersFrom: number): void {
  const W = maskWords(model.states.length);
  const { nextStart, feedsWide, hasNext } = model;
  const { previous, prevBits, stepStates, predecessors } = scratch;
  const { headStates, headScores, tailStates } = predecessors;
  // (Loops rather than fill() on these few words: a call into a built-in
  // costs more than the words.)
  for (let w = 0; w < W; w++) prevBits[w] = 0;
  predecessors.reset(model);
  predecessors.setEntries(stepStates, from, to);
  const tailCeiling = predecessors.tailCeiling;
  let head = 0;
  let tail = 0;
  let lowBest = -Infinity;
  let largestPrev = -1;
  let bestPrevious = -Infinity;
  for (let e = from; e < to; e++) {
    const x = stepStates[e]!;
    if (nextStart[x + 1]! > nextStart[x]!) {
      prevBits[x >>> 5]! |= 1 << (x & 31);
      if (x > largestPrev) largestPrev = x;
      const score = previous[x]!;
      if (score > bestPrevious) bestPrevious = score;
      if (feedsWide[x] !== 0) {
        if (score > tailCeiling) {
          headScores[head] = score;
          headStates[head++] = x;
        } else {
          tailStates[tail++] = x;
          if (score > lowBest) lowBest = score;
        }
      }
    }
  }
  predecessors.head = head;
  predecessors.tail = tail;
  predecessors.lowBest = lowBest;
  const tiers = scratch.tiers;
  if (tiers > tiersFrom) {
    const { tierBits, tierKeys } = scratch;
    for (let i = tiersFrom; i < tiers; i++) {
      let live = 0;
      for (let w = 0; w < W; w++) {
        const word = tierBits[i * W + w]! & hasNext[w]!;
        prevBits[w]! |= word;
        live |= word;
      }
      if (live === 0) continue;
      if (tierKeys[i]! > bestPrevious) bestPrevious = tierKeys[i]!;
      if (tierKeys[i]! > lowBest) lowBest = tierKeys[i]!;
    }
    largestPrev = highestState(prevBits, 0, W);
    predecessors.setTiers(tierKeys, tierBits, tiersFrom, tiers - tiersFrom);
  }
  if (largestPrev < 0) throw new PosViterbiDeadEnd('no state of the previous character has a transition');
  scratch.bestPrevious = bestPrevious;
  scratch.largestPrev = largestPrev;
}

/**
 * Score the states `states[first .. last)` emitting with `emits[...]`, each
 * from its best predecessor, as entries from `entries` (a state no
 * predecessor reaches gets none). Returns the new number of entries.
 */
function scoreStates(
  model: PosModel,
  scratch: PosViterbiScratch,
  states: Uint8Array,
  emits: Float64Array,
  first: number,
  last: number,
  lastStep: boolean,
  entries: number,
): number {
  const S = model.states.length;
  const W = maskWords(S);
  const { trans, prevStart, prev, prevTrans, prevMask, maxTransInto } = model;
  const { previous, current, prevBits, stepStates, stepFrom, predecessors, bestPrevious, largestPrev } = scratch;
  const { headStates, headScores } = predecessors;
  const head = predecessors.head;
  // Some predecessors are tiers (their scores are their tiers' keys).
  const tiered = predecessors.tiers > 0;
  const lowBest = predecessors.lowBest;
  // On the last step only the best final state matters. No state y can
  // score above its bound `(bestPrevious + maxTransInto[y]) + em` (rounding
  // is monotonic), so the state of the highest bound goes first and any
  // state whose bound is below the best score so far is skipped: it cannot
  // end the path, not even by a tie.
  let boundFirst = -1;
  if (lastStep) {
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
    // over the predecessors y0, as Python's max over `(prob, y0)` tuples:
    // ties go to the larger y0. A predecessor without a transition into y
    // scores -Infinity (Python's MIN_INF), which loses to any finite score,
    // so only predecessors with a transition count. A state no predecessor
    // reaches is not among the states Python considers. Scores are never
    // NaN: the model has none.
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
        const prob = (tiered ? predecessors.scoreOf(previous, y0) : previous[y0]!) + prevTrans[k]! + em;
        if (prob >= best) {
          best = prob;
          bestFrom = y0;
        }
      }
    } else {
      // B and S states (see StepPredecessors).
      const groups = em === POS_MIN_FLOAT ? predecessors.minFloatGroups(model, previous) : 0;
      if (groups > 0) {
        bestFrom = predecessors.pickMinFloat(model, y, groups);
        if (bestFrom >= 0) best = predecessors.scoreOf(previous, bestFrom) + trans[y * S + bestFrom]! + em;
      } else {
        // The head, best first, until the bound falls below the best found;
        // then, if it did not, the tail and the tiers.
        if (!predecessors.sorted) predecessors.sortHead();
        const row = y * S;
        const base = y * W;
        const bound = maxTransInto[y]!;
        let stopped = false;
        for (let j = 0; j < head; j++) {
          const score = headScores[j]!;
          if (score + bound + em < best) {
            stopped = true;
            break;
          }
          const y0 = headStates[j]!;
          const tr = trans[row + y0]!;
          // -Infinity is also what a missing transition reads as.
          if (tr === -Infinity && ((prevMask[base + (y0 >>> 5)]! >>> (y0 & 31)) & 1) === 0) continue;
          const prob = score + tr + em;
          if (prob > best || (prob === best && y0 > bestFrom)) {
            best = prob;
            bestFrom = y0;
          }
        }
        // (The same bound, for the best of the tail and the tiers.)
        if (!stopped && lowBest + bound + em >= best) {
          bestFrom = predecessors.chooseLow(model, previous, y, em, best, bestFrom);
          best = predecessors.score;
        }
      }
    }
    if (bestFrom < 0) continue;
    // Every score -Infinity (only a damaged model gets here): Python's tie
    // then goes to the largest predecessor, transition or not.
    if (best === -Infinity) bestFrom = largestPrev;
    if (best > stepBest) stepBest = best;
    current[y] = best;
    stepStates[entries] = y;
    stepFrom[entries++] = bestFrom;
  }
  return entries;
}

/**
 * Score every state a predecessor reaches, for a character none of whose
 * listed states is reachable (or that is not listed). Those emitting it
 * with `MIN_FLOAT` become tiers when the model allows it; the others are
 * scored one by one. Returns the new number of entries.
 */
function scoreReachable(model: PosModel, scratch: PosViterbiScratch, cu: number, lastStep: boolean, entries: number): number {
  const S = model.states.length;
  const W = maskWords(S);
  const { emitStart, emitStates, emitValues, hugeScore } = model;
  const { reachBits, untiered, candidates, candidateEmit, predecessors } = scratch;
  const groups = hugeScore < Infinity ? predecessors.minFloatGroups(model, scratch.previous) : 0;
  let count = 0;
  if (groups > 0 && predecessors.groupKeys[0]! <= -hugeScore) {
    // The groups hold every predecessor: what they reach, together, is
    // what the predecessors reach.
    const { groupReach } = scratch;
    for (let g = 0; g < groups; g++) reachOf(model, predecessors.groupBits, g * W, groupReach, g * W);
    for (let w = 0; w < W; w++) {
      let word = 0;
      for (let g = 0; g < groups; g++) word |= groupReach[g * W + w]!;
      reachBits[w] = word;
      untiered[w] = word;
    }
    const c = cu - HAN_FIRST;
    for (let k = emitStart[c]!, stop = emitStart[c + 1]!; k < stop; k++) {
      const y = emitStates[k]!;
      const em = emitValues[k]!;
      if (em === POS_MIN_FLOAT || ((reachBits[y >>> 5]! >>> (y & 31)) & 1) === 0) continue;
      untiered[y >>> 5]! &= ~(1 << (y & 31));
      candidates[count] = y;
      candidateEmit[count++] = em;
    }
    scratch.tiers = tierStates(model, scratch, groups, scratch.tiers);
  } else {
    reachOf(model, scratch.prevBits, 0, reachBits, 0);
    const row = emissionRow(model, cu, scratch.emitRow);
    for (let y = 0; y < S; y++) {
      if (((reachBits[y >>> 5]! >>> (y & 31)) & 1) === 0) continue;
      candidates[count] = y;
      candidateEmit[count++] = row[y]!;
    }
  }
  return scoreStates(model, scratch, candidates, candidateEmit, 0, count, lastStep, entries);
}

/** The best state of the last step (ties: the larger state), listed or tiered. */
function finalState(model: PosModel, scratch: PosViterbiScratch, length: number): number {
  const W = maskWords(model.states.length);
  const { previous, stepStates, stepStart, tierStart, tierKeys, tierBits } = scratch;
  let state = -1;
  let best = -Infinity;
  for (let e = stepStart[length - 1]!; e < stepStart[length]!; e++) {
    const y = stepStates[e]!;
    const v = previous[y]!;
    if (state < 0 || v > best || (v === best && y > state)) {
      best = v;
      state = y;
    }
  }
  for (let i = tierStart[length - 1]!; i < tierStart[length]!; i++) {
    const y = highestState(tierBits, i * W, W);
    const v = tierKeys[i]!;
    if (state < 0 || v > best || (v === best && y > state)) {
      best = v;
      state = y;
    }
  }
  return state;
}

/**
 * Follow the back-pointers from `state` at the last step into
 * `scratch.path`. A tiered state's back-pointer is the largest state of its
 * tier's group that has a transition into it (see `tierStates`).
 */
function backtrack(model: PosModel, scratch: PosViterbiScratch, length: number, state: number): void {
  const W = maskWords(model.states.length);
  const { path, stepStart, stepStates, stepFrom, tierStart, tierBits, tierFrom } = scratch;
  const prevMask = model.prevMask;
  for (let t = length - 1; t > 0; t--) {
    path[t] = state;
    let from = -1;
    for (let e = stepStart[t]!, stop = stepStart[t + 1]!; e < stop; e++) {
      if (stepStates[e] === state) {
        from = stepFrom[e]!;
        break;
      }
    }
    if (from < 0) {
      const word = state >>> 5;
      const bit = 1 << (state & 31);
      for (let i = tierStart[t]!, stop = tierStart[t + 1]!; i < stop; i++) {
        if ((tierBits[i * W + word]! & bit) === 0) continue;
        for (let w = W - 1; w >= 0 && from < 0; w--) {
          const hits = tierFrom[i * W + w]! & prevMask[state * W + w]!;
          if (hits !== 0) from = (w << 5) + 31 - Math.clz32(hits);
        }
        break;
      }
    }
    state = from;
  }
  path[0] = state;
}
