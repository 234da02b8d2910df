/**
 * The top layers of `RealPathViterbi` (see its module comment): from a
 * silent character on (one that no state emits with more than
 * `MIN_FLOAT`), the states tied at the best score of a step, as one bit set
 * per step. A state enters the layer from the layer before (the largest
 * predecessor there it has a transition from is its back-pointer, worked
 * out only for the state on the best path); everything else scores at
 * least one `MIN_FLOAT` lower.
 *
 * @module
 */

import { maskWords, POS_MIN_FLOAT, type PosModel } from './model.js';
import { reachOf } from './reach.js';

/** Bit-set words per step: enough for the most states a model may have (256). */
const STEP_WORDS = maskWords(256);

/**
 * Whether no state emits the unlisted character `c` (`cu - 0x4E00`) with
 * more than `MIN_FLOAT`.
 *
 * @example
 * isSilent(model, '爲'.charCodeAt(0) - 0x4e00); // true with jieba's model
 */
export function isSilent(model: PosModel, c: number): boolean {
  const { emitStart, emitValues } = model;
  for (let k = emitStart[c]!, last = emitStart[c + 1]!; k < last; k++) if (emitValues[k] !== POS_MIN_FLOAT) return false;
  return true;
}

/**
 * The layers of one run, step by step.
 *
 * @example
 * const layers = new TopLayers(256);
 * if (layers.openAfter(model, t, states, from, count)) {
 *   // later steps: layers.step(model, c, t); at the end, layers.last(model, t)
 * }
 */
export class TopLayers {
  /** The layer of each step, at `t * STEP_WORDS` (at the first layer's step - 1: the real states before it). */
  readonly #bits: Int32Array;
  /** The model last seen, and its layer at a silent first character (`#startOpen` false: none). */
  #model: PosModel | undefined;
  readonly #start = new Int32Array(STEP_WORDS);
  #startOpen = false;

  /** Layers for runs of up to `longest` characters. */
  constructor(longest: number) {
    this.#bits = new Int32Array(longest * STEP_WORDS);
  }

  /**
   * Open the layer at step 0, for a silent first character: the states
   * whose start score plus `MIN_FLOAT` is `MIN_FLOAT` exactly. False when
   * the model leaves none, or a state between that and `2 * MIN_FLOAT`
   * (jieba's starts are small or `MIN_FLOAT` itself); `absorbs` says
   * whether the model allows a shadow at all.
   */
  openAtStart(model: PosModel, absorbs: boolean): boolean {
    if (model !== this.#model) {
      this.#model = model;
      this.#start.fill(0);
      let open = absorbs;
      let any = false;
      for (let y = 0; y < model.states.length && open; y++) {
        const score = model.start[y]! + POS_MIN_FLOAT;
        if (score === POS_MIN_FLOAT) {
          this.#start[y >>> 5]! |= 1 << (y & 31);
          any = true;
        } else if (!(score <= 2 * POS_MIN_FLOAT)) open = false;
      }
      this.#startOpen = open && any;
    }
    if (this.#startOpen) this.#bits.set(this.#start, 0);
    return this.#startOpen;
  }

  /**
   * Open the layer at step `t`, a silent character after a step whose real
   * states are `states[from .. from + count)`: every state they reach. False
   * when they reach none.
   */
  openAfter(model: PosModel, t: number, states: Uint8Array, from: number, count: number): boolean {
    const W = maskWords(model.states.length);
    const bits = this.#bits;
    const at = (t - 1) * STEP_WORDS;
    for (let w = 0; w < W; w++) bits[at + w] = 0;
    for (let i = 0; i < count; i++) {
      const x = states[from + i]!;
      bits[at + (x >>> 5)]! |= 1 << (x & 31);
    }
    return this.#reach(model, t);
  }

  /**
   * The layer of step `t`, character `c` (`cu - 0x4E00`): the states
   * emitting it for real that the layer before reaches (its listed states,
   * or for an unlisted character its emitters), or for a silent character
   * every state the layer before reaches. False when it would be empty.
   */
  step(model: PosModel, c: number, t: number): boolean {
    const { charStart, charStates, charEmit, emitStart, emitStates, emitValues, prevMask } = model;
    const listed = charStart[c]! < charStart[c + 1]!;
    if (!listed && isSilent(model, c)) return this.#reach(model, t);
    const W = maskWords(model.states.length);
    const bits = this.#bits;
    const from = (t - 1) * STEP_WORDS;
    const to = t * STEP_WORDS;
    for (let w = 0; w < W; w++) bits[to + w] = 0;
    const states = listed ? charStates : emitStates;
    const emits = listed ? charEmit : emitValues;
    let any = false;
    for (let q = listed ? charStart[c]! : emitStart[c]!, last = listed ? charStart[c + 1]! : emitStart[c + 1]!; q < last; q++) {
      if (emits[q] === POS_MIN_FLOAT) continue;
      const y = states[q]!;
      for (let w = 0; w < W; w++) {
        if ((prevMask[y * W + w]! & bits[from + w]!) === 0) continue;
        bits[to + (y >>> 5)]! |= 1 << (y & 31);
        any = true;
        break;
      }
    }
    return any;
  }

  /** The best state of step `t`'s layer: they all tie, so the largest. */
  last(model: PosModel, t: number): number {
    const bits = this.#bits;
    for (let w = maskWords(model.states.length) - 1; w >= 0; w--) {
      const word = bits[t * STEP_WORDS + w]!;
      if (word !== 0) return (w << 5) + 31 - Math.clz32(word);
    }
    return -1;
  }

  /** The back-pointer of `state` in step `t`'s layer: the largest state of the layer before with a transition into it. */
  backOf(model: PosModel, state: number, t: number): number {
    const W = maskWords(model.states.length);
    const { prevMask } = model;
    const bits = this.#bits;
    for (let w = W - 1; w >= 0; w--) {
      const word = prevMask[state * W + w]! & bits[(t - 1) * STEP_WORDS + w]!;
      if (word !== 0) return (w << 5) + 31 - Math.clz32(word);
    }
    return -1;
  }

  /** Step t's layer: every state step t - 1's layer reaches; false if none. */
  #reach(model: PosModel, t: number): boolean {
    const bits = this.#bits;
    const to = t * STEP_WORDS;
    reachOf(model, bits, (t - 1) * STEP_WORDS, bits, to);
    let any = 0;
    for (let w = 0, W = maskWords(model.states.length); w < W; w++) any |= bits[to + w]!;
    return any !== 0;
  }
}
