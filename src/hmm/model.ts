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

/**
 * The model's tables, as the image stores them and Viterbi reads them.
 *
 * `emit[4 * (cu - 0x4E00) + state]` is Python's
 * `emit_p[state].get(char, MIN_FLOAT)`. Python's tables also hold a few
 * characters outside the Han range, which it never looks up (the HMM only
 * runs on `[\u4E00-\u9FD5]+`), so the dense table leaves them out.
 */
export interface HmmModel {
  /** `log P(first state)`, by state number. */
  readonly start: Float64Array;
  /** `log P(to | from)` at `4 * from + to`; {@link MIN_FLOAT} where Python's table has no entry. */
  readonly trans: Float64Array;
  /** Emission log-probabilities over the Han range, four states per character. */
  readonly emit: Float64Array;
  /**
   * Words this model never gives whole, character by character instead, as
   * Python does for the words `del_word` removed (`Force_Split_Words`):
   * those of a trained dictionary's base that its corpus cut apart (see
   * `DictionaryTrainer`). Python's own models have none.
   */
  readonly split?: ReadonlySet<string>;
}
