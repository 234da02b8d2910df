/**
 * A POS Viterbi step decided by bit sets alone: the step after every path
 * has emitted some character with `MIN_FLOAT`.
 *
 * From then on every score is at or below `-hugeScore`, and such a score
 * absorbs every transition and every real emission (`PosModel.hugeScore`):
 * a state emitting the character for real totals `V` over each predecessor
 * of score `V`, and one emitting it with `MIN_FLOAT` totals
 * `V + MIN_FLOAT`. So each state's score is the key of the first group of
 * predecessors (by descending key) that reaches it, and its back-pointer the
 * largest predecessor of that group it has a transition from, as Python's
 * `max` over `(prob, y0)` picks it. Every state of the step becomes part of
 * a tier (a bit set sharing one score); no state is scored on its own. On
 * classical and traditional text most steps are such steps.
 *
 * @module
 */

import { HAN_FIRST } from '../text/char-classes.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { reachOf } from './reach.js';
import { VALUE_GROUPS_AT } from './step-predecessors.js';
import type { PosViterbiScratch } from './viterbi-scratch.js';

/**
 * Resolve the step of character `cu` as tiers, when every predecessor
 * (`scratch.predecessors`) scores at or below `-model.hugeScore`. Returns
 * false, having changed nothing, when the predecessors' scores cannot be
 * grouped (too many distinct ones) or a total would not be finite; the
 * step must then be scored state by state.
 *
 * @example
 * ```ts
 * if (scratch.bestPrevious <= -model.hugeScore && absorbedStep(model, scratch, cu)) {
 *   // the step's states are tiers scratch.tierStart[t] .. scratch.tiers
 * }
 * ```
 */
export function absorbedStep(model: PosModel, scratch: PosViterbiScratch, cu: number): boolean {
  const W = maskWords(model.states.length);
  const { predecessors, groupReach, reachBits, candidateBits, realBits } = scratch;
  const groups = predecessors.valueGroups(model, scratch.previous);
  if (groups === 0) return false;
  const { groupKeys, groupBits } = predecessors;
  const keysAt = VALUE_GROUPS_AT;
  const bitsAt = VALUE_GROUPS_AT * W;
  // Keys only fall (the groups are in descending order), so the last
  // total is the one that might not be finite.
  if (!(groupKeys[keysAt + groups - 1]! + POS_MIN_FLOAT >= -Number.MAX_VALUE)) return false;

  for (let w = 0; w < W; w++) reachBits[w] = 0;
  for (let g = 0; g < groups; g++) {
    reachOf(model, groupBits, bitsAt + g * W, groupReach, g * W);
    for (let w = 0; w < W; w++) reachBits[w]! |= groupReach[g * W + w]!;
  }
  // The states Python considers: those the character is listed with that
  // some predecessor reaches, or, if none (or it is not listed), all those
  // reached.
  const c = cu - HAN_FIRST;
  const { charStart, charStates, emitStart, emitStates, emitValues } = model;
  for (let w = 0; w < W; w++) candidateBits[w] = 0;
  for (let k = charStart[c]!, stop = charStart[c + 1]!; k < stop; k++) {
    const y = charStates[k]!;
    candidateBits[y >>> 5]! |= 1 << (y & 31);
  }
  let any = 0;
  for (let w = 0; w < W; w++) any |= candidateBits[w]! &= reachBits[w]!;
  if (any === 0) for (let w = 0; w < W; w++) candidateBits[w] = reachBits[w]!;
  // Those emitting it for real, and those emitting it with MIN_FLOAT.
  for (let w = 0; w < W; w++) realBits[w] = 0;
  for (let k = emitStart[c]!, stop = emitStart[c + 1]!; k < stop; k++) {
    if (emitValues[k] === POS_MIN_FLOAT) continue;
    const y = emitStates[k]!;
    realBits[y >>> 5]! |= 1 << (y & 31);
  }
  for (let w = 0; w < W; w++) {
    const word = candidateBits[w]!;
    realBits[w]! &= word;
    candidateBits[w] = word & ~realBits[w]!;
  }

  const { tierKeys, tierBits, tierFrom } = scratch;
  let tiers = scratch.tiers;
  // Real emitters: one tier per group, keyed by the group's score.
  for (let g = 0; g < groups; g++) {
    let live = 0;
    for (let w = 0; w < W; w++) {
      const word = groupReach[g * W + w]! & realBits[w]!;
      tierBits[tiers * W + w] = word;
      realBits[w]! &= ~word;
      live |= word;
    }
    if (live === 0) continue;
    tierKeys[tiers] = groupKeys[keysAt + g]!;
    for (let w = 0; w < W; w++) tierFrom[tiers * W + w] = groupBits[bitsAt + g * W + w]!;
    tiers++;
  }
  // MIN_FLOAT emitters: groups whose scores plus MIN_FLOAT round to the
  // same total tie, so they are merged (the tie goes to the larger
  // predecessor, over all of them).
  for (let g = 0; g < groups; ) {
    const key = groupKeys[keysAt + g]! + POS_MIN_FLOAT;
    let end = g + 1;
    while (end < groups && groupKeys[keysAt + end]! + POS_MIN_FLOAT === key) end++;
    let live = 0;
    for (let w = 0; w < W; w++) {
      let reach = 0;
      let from = 0;
      for (let h = g; h < end; h++) {
        reach |= groupReach[h * W + w]!;
        from |= groupBits[bitsAt + h * W + w]!;
      }
      const word = reach & candidateBits[w]!;
      tierBits[tiers * W + w] = word;
      tierFrom[tiers * W + w] = from;
      candidateBits[w]! &= ~word;
      live |= word;
    }
    if (live !== 0) tierKeys[tiers++] = key;
    g = end;
  }
  scratch.tiers = tiers;
  return true;
}
