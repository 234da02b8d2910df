/**
 * The predecessors of one POS Viterbi step, and the means to find a state's
 * best one as Python's `max` over `(score, y0)` tuples picks it without
 * scoring every predecessor.
 *
 * Two shortcuts, both exact:
 *
 * - **Ranking** (wide states, B and S: every E and S state leads to them).
 *   Predecessors are scanned best score first and the scan stops at the
 *   first whose score, plus the largest transition into the state, plus the
 *   emission, is below the best total found: rounding is monotonic, so
 *   neither it nor any after it can win, not even by a tie.
 * - **Groups.** A score near `MIN_FLOAT` (one character a state never
 *   emitted puts it there, and it stays there for the rest of the run)
 *   absorbs every transition and every real emission, so such predecessors
 *   rank by score and then by state alone; and when a state emits the
 *   character with `MIN_FLOAT`, every predecessor's total is its score plus
 *   `MIN_FLOAT` (`PosModel.hugeScore` says why both are exact). So the
 *   predecessors are grouped by that key once per step, and a state takes
 *   the largest predecessor it has a transition from in the best group that
 *   has one. Without groups, text the model hardly knows (classical or
 *   traditional characters) made every state score a hundred predecessors
 *   that all tie.
 *
 * Predecessors come listed, one by one, or, from a step the Viterbi
 * resolved by groups, as tiers: bit sets of states sharing one score
 * (`setTiers`), which never have to be listed state by state. The Viterbi
 * fills the head itself and scans it inline (a call per state cost more
 * than the scan); this class does the rest.
 *
 * @module
 */

import { POS_MIN_FLOAT, type PosModel } from './model.js';

/** The most distinct scores predecessors are grouped by; with more, the step scans. */
export const MAX_GROUPS = 16;
/** Bit-set words for the most states a model may have (256). */
const MAX_WORDS = 8;
/** Group set keyed by `score + MIN_FLOAT`: every predecessor. */
const MIN_FLOAT_SET = 0;
/** Group set keyed by the score: the predecessors at or below `-hugeScore` that feed wide states. */
const TAIL_SET = 1;
/** Group set keyed by the score: every predecessor. */
const VALUE_SET = 2;
/** Where the groups of `valueGroups` start in `groupKeys` (and, times the words per set, `groupBits`). */
export const VALUE_GROUPS_AT = VALUE_SET * MAX_GROUPS;
const NO_TIERS_KEYS = new Float64Array(0);
const NO_TIERS_BITS = new Int32Array(0);
const NO_ENTRIES = new Uint8Array(0);

/**
 * The predecessors of a step. At each step: `reset`; the Viterbi appends
 * the listed predecessors feeding wide states to the head (`headStates`,
 * `headScores`, `head`) or, at or below `tailCeiling`, to the tail
 * (`tailStates`, `tail`); `setEntries` and `setTiers` give all of them.
 * Then, for each wide state: `minFloatGroups` and `pickMinFloat` when it
 * emits the character with `MIN_FLOAT`; otherwise a scan of the sorted
 * head, then `chooseLow` for the tail and the tiers if the scan did not
 * stop.
 */
export class StepPredecessors {
  /** Predecessors feeding wide states with scores above `tailCeiling`, sorted (descending) by `sortHead`. */
  readonly headStates = new Uint8Array(256);
  readonly headScores = new Float64Array(256);
  head = 0;
  sorted = false;
  /** Predecessors feeding wide states with scores at or below `tailCeiling`, in no order. */
  readonly tailStates = new Uint8Array(256);
  tail = 0;
  /** `-hugeScore`: below it, scores absorb transitions and real emissions. */
  tailCeiling = -Infinity;
  /** The best score of the tail and the tiers (-Infinity if none). */
  lowBest = -Infinity;
  /** The listed predecessors: `entryStates[entryFrom .. entryTo)`, those with a transition out. */
  private entryStates: Uint8Array = NO_ENTRIES;
  private entryFrom = 0;
  private entryTo = 0;
  /** Tiers: `tierKeys[tierFirst + i]`, bit set at `(tierFirst + i) * W` of `tierBits`. */
  private tierKeys: Float64Array = NO_TIERS_KEYS;
  private tierBits: Int32Array = NO_TIERS_BITS;
  private tierFirst = 0;
  private tierWords = 1;
  tiers = 0;
  /** Keys (descending) and bit sets of the groups, two sets; counts: -1 not made yet, 0 not possible. */
  readonly groupKeys = new Float64Array(3 * MAX_GROUPS);
  readonly groupBits = new Int32Array(3 * MAX_GROUPS * MAX_WORDS);
  private minFloatCount = -1;
  private tailCount = -1;
  private valueCount = -1;
  /** The score of the predecessor `chooseLow` returned: `(V + trans) + emit`. */
  score = -Infinity;

  /**
   * The score of predecessor `y`: its tier's key if a tier holds it, else
   * `previous[y]`. (Tiered states' scores are not written into `previous`:
   * a step of text the model hardly knows tiers a hundred states or more,
   * of which the next step reads a few.)
   */
  scoreOf(previous: Float64Array, y: number): number {
    if (this.tiers > 0) {
      const W = this.tierWords;
      const word = y >>> 5;
      const bit = 1 << (y & 31);
      const bits = this.tierBits;
      for (let i = this.tierFirst, end = i + this.tiers; i < end; i++) if ((bits[i * W + word]! & bit) !== 0) return this.tierKeys[i]!;
    }
    return previous[y]!;
  }

  /** Start a step of `model`. */
  reset(model: PosModel): void {
    this.tierWords = (model.states.length + 31) >>> 5;
    this.head = 0;
    this.tail = 0;
    this.tiers = 0;
    this.sorted = false;
    this.tailCeiling = -model.hugeScore;
    this.lowBest = -Infinity;
    this.minFloatCount = -1;
    this.tailCount = -1;
    this.valueCount = -1;
  }

  /** The listed predecessors: the states of `states[from .. to)` that have a transition out. */
  setEntries(states: Uint8Array, from: number, to: number): void {
    this.entryStates = states;
    this.entryFrom = from;
    this.entryTo = to;
  }

  /**
   * The tiered predecessors: `count` tiers from index `first`, each a score
   * at or below `-hugeScore` and a bit set of states (only those with a
   * transition out count).
   */
  setTiers(keys: Float64Array, bits: Int32Array, first: number, count: number): void {
    this.tierKeys = keys;
    this.tierBits = bits;
    this.tierFirst = first;
    this.tiers = count;
  }

  /** Insertion sort of the head by descending score: a dozen entries, most already nearly in place. */
  sortHead(): void {
    const scores = this.headScores;
    const states = this.headStates;
    for (let i = 1, end = this.head; i < end; i++) {
      const score = scores[i]!;
      const state = states[i]!;
      let j = i;
      while (j > 0 && scores[j - 1]! < score) {
        scores[j] = scores[j - 1]!;
        states[j] = states[j - 1]!;
        j--;
      }
      scores[j] = score;
      states[j] = state;
    }
    this.sorted = true;
  }

  /**
   * The groups keyed by `score + MIN_FLOAT`, which rank every predecessor for
   * a state emitting the character with `MIN_FLOAT`: their number (keys in
   * `groupKeys`, bit sets at `g * W` of `groupBits`, from g = 0), or 0 when
   * grouping is not possible (no `hugeScore`, too many groups, a key not
   * finite).
   */
  minFloatGroups(model: PosModel, previous: Float64Array): number {
    // (V + trans) + MIN_FLOAT is V + MIN_FLOAT for every predecessor: V
    // absorbs the transition when |V| >= hugeScore; otherwise V is so small
    // that both sums are MIN_FLOAT itself.
    if (this.minFloatCount < 0) this.minFloatCount = this.groupEvery(MIN_FLOAT_SET, model, previous, POS_MIN_FLOAT);
    return this.minFloatCount;
  }

  /**
   * Every predecessor grouped by its score, for a step whose predecessors
   * all score at or below `-hugeScore`: the number of groups (keys from
   * `groupKeys[VALUE_GROUPS_AT]`, bit sets from `VALUE_GROUPS_AT * W` of
   * `groupBits`), or 0 when grouping is not possible (no `hugeScore`, too
   * many groups, a key not finite).
   */
  valueGroups(model: PosModel, previous: Float64Array): number {
    if (this.valueCount < 0) this.valueCount = this.groupEvery(VALUE_SET, model, previous, 0);
    return this.valueCount;
  }

  /**
   * Every predecessor (the listed ones with a transition out, and the
   * tiers) grouped into `set` by its score plus `addend`: the number of
   * groups, or 0 when grouping is not possible.
   */
  private groupEvery(set: number, model: PosModel, previous: Float64Array, addend: number): number {
    if (model.hugeScore === Infinity) return 0;
    this.startGroups(set, model);
    const { nextStart } = model;
    const states = this.entryStates;
    for (let e = this.entryFrom, end = this.entryTo; e < end && this.count >= 0; e++) {
      const x = states[e]!;
      if (nextStart[x + 1]! > nextStart[x]!) this.groupState(x, previous[x]! + addend);
    }
    this.groupTiers(model, addend);
    return Math.max(this.count, 0);
  }

  /**
   * The best predecessor of state `y` when it emits the character with
   * `MIN_FLOAT`, given `groups` = `minFloatGroups(...)` > 0: the largest it
   * has a transition from in the first group that has one; -1 if none.
   */
  pickMinFloat(model: PosModel, y: number, groups: number): number {
    return this.pick(MIN_FLOAT_SET, groups, model.prevMask, y, (model.states.length + 31) >>> 5);
  }

  /**
   * The best of the tail and the tiers for wide state `y` emitting with
   * `em`, against the best of the head so far (`best`, from `bestFrom`):
   * the winner, its score in {@link score}.
   */
  chooseLow(model: PosModel, previous: Float64Array, y: number, em: number, best: number, bestFrom: number): number {
    const S = model.states.length;
    const W = (S + 31) >>> 5;
    const { trans, prevMask } = model;
    const row = y * S;
    const base = y * W;
    if (this.tailCount < 0) {
      let count = 0;
      if (model.hugeScore < Infinity) {
        // (V + trans) + emit is V when |V| >= hugeScore, as in the tail and the tiers.
        this.startGroups(TAIL_SET, model);
        const states = this.tailStates;
        for (let e = 0, end = this.tail; e < end && this.count >= 0; e++) this.groupState(states[e]!, previous[states[e]!]!);
        this.groupTiers(model, 0);
        count = Math.max(this.count, 0);
      }
      this.tailCount = count;
    }
    if (this.tailCount > 0) {
      const y0 = this.pick(TAIL_SET, this.tailCount, prevMask, y, W);
      if (y0 >= 0) {
        const prob = this.scoreOf(previous, y0) + trans[row + y0]! + em;
        if (prob > best || (prob === best && y0 > bestFrom)) {
          best = prob;
          bestFrom = y0;
        }
      }
    } else {
      const tailStates = this.tailStates;
      for (let j = 0, end = this.tail; j < end; j++) {
        const y0 = tailStates[j]!;
        const tr = trans[row + y0]!;
        // -Infinity is also what a missing transition reads as.
        if (tr === -Infinity && ((prevMask[base + (y0 >>> 5)]! >>> (y0 & 31)) & 1) === 0) continue;
        const prob = previous[y0]! + tr + em;
        if (prob > best || (prob === best && y0 > bestFrom)) {
          best = prob;
          bestFrom = y0;
        }
      }
      // Tiered predecessors with a transition into y (tiers exist only
      // with a hugeScore, so only when grouping failed).
      const { hasNext } = model;
      for (let i = this.tierFirst, end = i + this.tiers; i < end; i++) {
        for (let w = 0; w < W; w++) {
          let hits = this.tierBits[i * W + w]! & hasNext[w]! & prevMask[base + w]!;
          while (hits !== 0) {
            const bit = 31 - Math.clz32(hits);
            hits ^= 1 << bit;
            const y0 = (w << 5) + bit;
            const prob = this.tierKeys[i]! + trans[row + y0]! + em;
            if (prob > best || (prob === best && y0 > bestFrom)) {
              best = prob;
              bestFrom = y0;
            }
          }
        }
      }
    }
    this.score = best;
    return bestFrom;
  }

  // The group set being made (fields rather than arguments: the helpers share them).
  private keys = this.groupKeys;
  private bits = this.groupBits;
  private first = 0;
  private words = 1;
  /** Groups made so far, -1 once grouping has failed. */
  private count = 0;

  private startGroups(set: number, model: PosModel): void {
    this.first = set * MAX_GROUPS;
    this.words = (model.states.length + 31) >>> 5;
    this.count = 0;
  }

  /** The group of key `key`, opened if need be; -1 (and `count` -1) when there would be too many or the key is not finite. */
  private groupOf(key: number): number {
    if (!(Math.abs(key) <= Number.MAX_VALUE)) return (this.count = -1);
    const { keys, bits, first, words: W } = this;
    const count = this.count;
    let g = 0;
    while (g < count && keys[first + g]! > key) g++;
    if (g < count && keys[first + g] === key) return g;
    if (count === MAX_GROUPS) return (this.count = -1);
    // Open a group at g: move the later ones up.
    for (let h = count; h > g; h--) {
      keys[first + h] = keys[first + h - 1]!;
      for (let w = 0; w < W; w++) bits[(first + h) * W + w] = bits[(first + h - 1) * W + w]!;
    }
    keys[first + g] = key;
    for (let w = 0; w < W; w++) bits[(first + g) * W + w] = 0;
    this.count = count + 1;
    return g;
  }

  /** Add state `x` to the group of key `key`. */
  private groupState(x: number, key: number): void {
    const g = this.groupOf(key);
    if (g >= 0) this.bits[(this.first + g) * this.words + (x >>> 5)]! |= 1 << (x & 31);
  }

  /** Add the tiers (their states with a transition out), keyed by `score + addend`. */
  private groupTiers(model: PosModel, addend: number): void {
    const W = this.words;
    const { hasNext } = model;
    for (let i = this.tierFirst, end = i + this.tiers; i < end && this.count >= 0; i++) {
      const g = this.groupOf(this.tierKeys[i]! + addend);
      if (g < 0) return;
      const row = (this.first + g) * W;
      for (let w = 0; w < W; w++) this.bits[row + w]! |= this.tierBits[i * W + w]! & hasNext[w]!;
    }
  }

  /** The largest predecessor of `y` in the first group of `set` that has one, or -1. */
  private pick(set: number, groups: number, prevMask: Int32Array, y: number, W: number): number {
    const bits = this.groupBits;
    const base = y * W;
    for (let g = set * MAX_GROUPS, end = g + groups; g < end; g++) {
      for (let w = W - 1; w >= 0; w--) {
        const hits = bits[g * W + w]! & prevMask[base + w]!;
        if (hits !== 0) return (w << 5) + 31 - Math.clz32(hits);
      }
    }
    return -1;
  }
}
