/**
 * The reusable buffers of the POS Viterbi (`posViterbi`), so that decoding
 * allocates nothing in the common case.
 *
 * @module
 */

import { SCRATCH_KEEP } from '../scratch.js';
import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { MAX_GROUPS, StepPredecessors } from './step-predecessors.js';

/** Bit-set words for the most states a model may have (256). */
const MAX_WORDS = maskWords(256);

/**
 * Reusable buffers. A step's states are kept in two forms:
 *
 * - **listed**, with a score and a back-pointer each, in `stepStates` and
 *   `stepFrom` from `stepStart[t]` (a handful per character);
 * - **tiered** (the states that emit a character with `MIN_FLOAT`, and
 *   every state once all scores are huge, when the model allows it): a few
 *   bit sets of states, each with one score for all
 *   of them and the group of predecessors their back-pointers come from, in
 *   `tierKeys`, `tierBits` and `tierFrom` from `tierStart[t]`. A back-pointer
 *   is then worked out only for the state the best path passes through.
 *
 * So memory grows with the text, not with text length × 256.
 */
export class PosViterbiScratch {
  previous = new Float64Array(256);
  current = new Float64Array(256);
  /** The states last step's states can reach, as a bit set. */
  readonly reachBits = new Int32Array(MAX_WORDS);
  /** This step's predecessors (last step's states with somewhere to go), as a bit set. */
  readonly prevBits = new Int32Array(MAX_WORDS);
  /** This step's predecessors, and the means to choose among them. */
  readonly predecessors = new StepPredecessors();
  /** The states one step considers one by one, and their emissions. */
  readonly candidates = new Uint8Array(256);
  readonly candidateEmit = new Float64Array(256);
  /** Emissions of one character for every state, for the steps that consider all of them. */
  readonly emitRow = new Float64Array(256);
  /** States still to be tiered in a step, and the states each group reaches, as bit sets. */
  readonly untiered = new Int32Array(MAX_WORDS);
  readonly groupReach = new Int32Array(MAX_GROUPS * MAX_WORDS);
  /** A step's states still to be tiered that emit its character with `MIN_FLOAT`, and those emitting it for real (`absorbedStep`). */
  readonly candidateBits = new Int32Array(MAX_WORDS);
  readonly realBits = new Int32Array(MAX_WORDS);
  /** Tiers made so far in the current text. */
  tiers = 0;
  /** The best score and the largest state among this step's predecessors. */
  bestPrevious = -Infinity;
  largestPrev = -1;
  stepStart = new Int32Array(64);
  stepStates = new Uint8Array(1024);
  stepFrom = new Uint8Array(1024);
  tierStart = new Int32Array(64);
  tierKeys = new Float64Array(64);
  tierBits = new Int32Array(64 * MAX_WORDS);
  tierFrom = new Int32Array(64 * MAX_WORDS);
  /**
   * Every state grouped by `start[y] + MIN_FLOAT`, its score at a first
   * character it does not emit: keys (descending) and bit sets, for
   * `startModel`; `startGroups` 0 when they cannot be tiers.
   */
  readonly startKeys = new Float64Array(MAX_GROUPS);
  readonly startBits = new Int32Array(MAX_GROUPS * MAX_WORDS);
  private startGroups = 0;
  private startModel: PosModel | undefined;
  /** Best state of each character, filled by `posViterbi`. */
  path = new Uint8Array(64);

  /**
   * The number of start groups of `model` (see `startKeys`), made when a
   * model is first seen; 0 when there would be too many, or a key is not
   * finite or above `-hugeScore`, where tiers are not exact.
   */
  startGroupsOf(model: PosModel): number {
    if (model === this.startModel) return this.startGroups;
    const S = model.states.length;
    const W = maskWords(S);
    const keys = this.startKeys;
    const bits = this.startBits;
    bits.fill(0);
    let count = 0;
    for (let y = 0; y < S && count >= 0; y++) {
      const key = model.start[y]! + POS_MIN_FLOAT;
      if (!(key <= -model.hugeScore && key >= -Number.MAX_VALUE)) {
        count = -1;
        break;
      }
      let g = 0;
      while (g < count && keys[g] !== key) g++;
      if (g === count) {
        if (count === MAX_GROUPS) {
          count = -1;
          break;
        }
        keys[count++] = key;
      }
      bits[g * W + (y >>> 5)]! |= 1 << (y & 31);
    }
    this.startGroups = Math.max(count, 0);
    this.startModel = model;
    return this.startGroups;
  }

  /** Give back memory a huge run made these buffers take (see `SCRATCH_KEEP`). */
  shrink(): void {
    if (this.stepStart.length > SCRATCH_KEEP) {
      this.stepStart = new Int32Array(64);
      this.tierStart = new Int32Array(64);
    }
    if (this.path.length > SCRATCH_KEEP) this.path = new Uint8Array(64);
    if (this.stepStates.length > SCRATCH_KEEP) {
      this.stepStates = new Uint8Array(1024);
      this.stepFrom = new Uint8Array(1024);
    }
    if (this.tierKeys.length > SCRATCH_KEEP / MAX_WORDS) {
      this.tierKeys = new Float64Array(64);
      this.tierBits = new Int32Array(64 * MAX_WORDS);
      this.tierFrom = new Int32Array(64 * MAX_WORDS);
    }
  }

  /** Make room for a text of `length` characters. */
  ensure(length: number): void {
    if (length + 1 > this.stepStart.length) {
      const size = Math.max(length + 1, 2 * this.stepStart.length);
      this.stepStart = new Int32Array(size);
      this.tierStart = new Int32Array(size);
    }
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

  /** Make room for one step's tiers after the first `kept` (at most two per group). */
  reserveTiers(kept: number): void {
    const needed = kept + 2 * MAX_GROUPS;
    if (needed <= this.tierKeys.length) return;
    const size = Math.max(needed, 2 * this.tierKeys.length);
    const keys = new Float64Array(size);
    keys.set(this.tierKeys.subarray(0, kept));
    this.tierKeys = keys;
    const bits = new Int32Array(size * MAX_WORDS);
    bits.set(this.tierBits.subarray(0, kept * MAX_WORDS));
    this.tierBits = bits;
    const from = new Int32Array(size * MAX_WORDS);
    from.set(this.tierFrom.subarray(0, kept * MAX_WORDS));
    this.tierFrom = from;
  }
}
