/**
 * Viterbi decoding over the BMES model, as `jieba.finalseg.viterbi`.
 *
 * @module
 */

import { SCRATCH_KEEP } from '../scratch.js';
import { HAN_FIRST } from '../text/char-classes.js';
import { B, E, M, S, type HmmModel } from './model.js';

/**
 * Reusable buffers for {@link viterbi}: probabilities of the previous and
 * current step and one back-pointer per (step, state). They grow to the
 * longest input seen.
 */
export class ViterbiScratch {
  back = new Uint8Array(256);
  /** Best state of each character, filled by {@link viterbi}. */
  states = new Uint8Array(64);

  /** Give back memory a huge run made these buffers take (see `SCRATCH_KEEP`). */
  shrink(): void {
    if (this.back.length > 4 * SCRATCH_KEEP) this.back = new Uint8Array(256);
    if (this.states.length > SCRATCH_KEEP) this.states = new Uint8Array(64);
  }

  ensure(length: number): void {
    if (4 * length > this.back.length) this.back = new Uint8Array(Math.max(4 * length, 2 * this.back.length));
    if (length > this.states.length) this.states = new Uint8Array(Math.max(length, 2 * this.states.length));
  }
}

/**
 * The better of two predecessors, as Python's `max((prob, state), ...)`:
 * the higher probability, and on a tie the later state letter.
 */
function better(probA: number, stateA: number, probB: number, stateB: number): number {
  return probA > probB || (probA === probB && stateA > stateB) ? stateA : stateB;
}

/**
 * Decode `text.slice(start, end)`, which must be Han characters
 * (U+4E00-U+9FD5), into `scratch.states[0 .. end - start)`.
 *
 * Every sum is formed in Python's order, `(V[t-1][y0] + trans) + emit`, so
 * the floating-point results, and with them the tie-breaks, are the same.
 * Each state has two possible predecessors (Python's `PrevStatus`):
 * B from E or S, M from M or B, S from S or E, E from B or M.
 */
export function viterbi(model: HmmModel, text: string, start: number, end: number, scratch: ViterbiScratch): void {
  const length = end - start;
  scratch.ensure(length);
  const { start: startP, trans, emit } = model;
  const back = scratch.back;
  // The eight transitions that exist, and the previous step's scores, in
  // locals: registers rather than loads inside the loop.
  const eb = trans[4 * E + B]!;
  const sb = trans[4 * S + B]!;
  const mm = trans[4 * M + M]!;
  const bm = trans[4 * B + M]!;
  const be = trans[4 * B + E]!;
  const me = trans[4 * M + E]!;
  const ss = trans[4 * S + S]!;
  const es = trans[4 * E + S]!;

  let row = 4 * (text.charCodeAt(start) - HAN_FIRST);
  let vB = startP[B]! + emit[row + B]!;
  let vE = startP[E]! + emit[row + E]!;
  let vM = startP[M]! + emit[row + M]!;
  let vS = startP[S]! + emit[row + S]!;

  for (let t = 1; t < length; t++) {
    row = 4 * (text.charCodeAt(start + t) - HAN_FIRST);
    const at = 4 * t;
    // B <- E, S
    let em = emit[row + B]!;
    let pa = vE + eb + em;
    let pb = vS + sb + em;
    let from = better(pa, E, pb, S);
    const nB = from === E ? pa : pb;
    back[at + B] = from;
    // M <- M, B
    em = emit[row + M]!;
    pa = vM + mm + em;
    pb = vB + bm + em;
    from = better(pa, M, pb, B);
    const nM = from === M ? pa : pb;
    back[at + M] = from;
    // E <- B, M
    em = emit[row + E]!;
    pa = vB + be + em;
    pb = vM + me + em;
    from = better(pa, B, pb, M);
    const nE = from === B ? pa : pb;
    back[at + E] = from;
    // S <- S, E
    em = emit[row + S]!;
    pa = vS + ss + em;
    pb = vE + es + em;
    from = better(pa, S, pb, E);
    vS = from === S ? pa : pb;
    back[at + S] = from;
    vB = nB;
    vM = nM;
    vE = nE;
  }

  // The last character must end a word: E or S, S on a tie.
  let state = better(vE, E, vS, S);
  const states = scratch.states;
  for (let t = length - 1; t >= 0; t--) {
    states[t] = state;
    if (t > 0) state = back[4 * t + state]!;
  }
}
