/**
 * The character-level HMM that jieba uses for words missing from the
 * dictionary (`jieba/finalseg`): four states, B(egin), M(iddle), E(nd) and
 * S(ingle), with start, transition and emission log-probabilities.
 *
 * @module
 */

import { HAN_FIRST, HAN_LAST } from '../text/char-classes.js';

/** State numbers, in alphabetical order so that "larger number" means "later letter", as Python's tie-breaks compare letters. */
export const B = 0;
/** State E: the last character of a word. */
export const E = 1;
/** State M: a middle character of a word. */
export const M = 2;
/** State S: a one-character word. */
export const S = 3;
/** State letters by number. */
export const STATE_NAMES = 'BEMS';

/** `MIN_FLOAT` of jieba/finalseg: the log-probability of anything the model lacks. */
export const MIN_FLOAT = -3.14e100;

/** Number of characters in jieba's Han range, the only ones the HMM ever sees. */
export const HAN_COUNT = HAN_LAST - HAN_FIRST + 1;

/** The model's tables, as the image stores them. */
export interface HmmTables {
  /** `log P(first state)`, by state number. */
  readonly start: Float64Array;
  /** `log P(to | from)` at `4 * from + to`; {@link MIN_FLOAT} where Python's table has no entry. */
  readonly trans: Float64Array;
  /** Emission entries of each state: how many there are, by state number. */
  readonly emitCounts: Int32Array;
  /** Characters (UTF-16 code units) of the emission entries, state B's first, then E, M, S. */
  readonly emitChars: Uint16Array;
  /** `log P(char | state)` of each emission entry, in the same order. */
  readonly emitProbs: Float64Array;
}

/**
 * The model ready for Viterbi: emissions in a dense table over the Han range.
 *
 * `emit[4 * (cu - 0x4E00) + state]` is Python's
 * `emit_p[state].get(char, MIN_FLOAT)`. Python's tables also hold a few
 * characters outside the Han range, which it never looks up (the HMM only
 * runs on `[\u4E00-\u9FD5]+`), so the dense table leaves them out.
 */
export interface HmmModel {
  readonly start: Float64Array;
  readonly trans: Float64Array;
  readonly emit: Float64Array;
}

/**
 * Expand stored tables into a {@link HmmModel}.
 *
 * @example
 * const model = hmmModelFromTables(tables);
 * model.emit[4 * ('中'.charCodeAt(0) - 0x4e00) + B]; // log P('中' | B)
 */
export function hmmModelFromTables(tables: HmmTables): HmmModel {
  const emit = new Float64Array(4 * HAN_COUNT).fill(MIN_FLOAT);
  let entry = 0;
  for (let state = 0; state < 4; state++) {
    for (let n = 0; n < tables.emitCounts[state]!; n++, entry++) {
      const cu = tables.emitChars[entry]!;
      if (cu >= HAN_FIRST && cu <= HAN_LAST) emit[4 * (cu - HAN_FIRST) + state] = tables.emitProbs[entry]!;
    }
  }
  return { start: tables.start, trans: tables.trans, emit };
}
