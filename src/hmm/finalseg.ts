/**
 * Segmenting text the dictionary does not know, as `jieba.finalseg.cut`.
 *
 * @module
 */

import type { SpanBuffer } from '../text/spans.js';
import { charLengthAt, isAsciiAlnum, isHanChar, isPythonDecimal } from '../text/char-classes.js';
import { B, E, S, type HmmModel } from './model.js';
import { viterbi, type ViterbiScratch } from './viterbi.js';

/** What {@link cutUnknown} needs besides the text. */
export interface FinalsegContext {
  readonly model: HmmModel;
  readonly scratch: ViterbiScratch;
  /**
   * Words the HMM must not produce whole (Python's `Force_Split_Words`, which
   * `del_word` fills); each is emitted character by character instead.
   */
  readonly forceSplit: ReadonlySet<string>;
}

/**
 * Cut `text.slice(start, end)` like `finalseg.cut`: runs of Han characters
 * (`[\u4E00-\u9FD5]+`) go through Viterbi; everything else is split by
 * `re_skip = ([a-zA-Z0-9]+(?:\.\d+)?%?)`, keeping the non-empty pieces.
 *
 * @example
 * // With the default model, cutUnknown(context, '韩冰说3.5%', 0, 6, spans)
 * // emits 韩冰 / 说 / 3.5%
 */
export function cutUnknown(context: FinalsegContext, text: string, start: number, end: number, out: SpanBuffer): void {
  let i = start;
  while (i < end) {
    let j = i;
    if (isHanChar(text.charCodeAt(i))) {
      while (j < end && isHanChar(text.charCodeAt(j))) j++;
      cutHan(context, text, i, j, out);
    } else {
      while (j < end && !isHanChar(text.charCodeAt(j))) j++;
      splitSkip(text, i, j, out);
    }
    i = j;
  }
}

/** The Viterbi path turned into words, as `finalseg.__cut`, then the force-split check. */
function cutHan(context: FinalsegContext, text: string, start: number, end: number, out: SpanBuffer): void {
  viterbi(context.model, text, start, end, context.scratch);
  const states = context.scratch.states;
  const length = end - start;
  let begin = 0;
  let next = 0;
  for (let t = 0; t < length; t++) {
    const state = states[t]!;
    if (state === B) {
      begin = t;
    } else if (state === E) {
      emitWord(context, text, start + begin, start + t + 1, out);
      next = t + 1;
    } else if (state === S) {
      emitWord(context, text, start + t, start + t + 1, out);
      next = t + 1;
    }
  }
  if (next < length) emitWord(context, text, start + next, end, out);
}

function emitWord(context: FinalsegContext, text: string, start: number, end: number, out: SpanBuffer): void {
  const split = context.model.split;
  if (end - start > 1 && (context.forceSplit.size > 0 || split !== undefined)) {
    const word = text.slice(start, end);
    if (context.forceSplit.has(word) || split?.has(word)) {
      for (let i = start; i < end; i++) out.push(i, i + 1); // Han characters: one unit each
      return;
    }
  }
  out.push(start, end);
}

/**
 * `re_skip.split(blk)` keeping non-empty pieces: each match of
 * `[a-zA-Z0-9]+(?:\.\d+)?%?` is a piece, and so is the text between matches.
 * The pattern has no backtracking choices (each optional part either matches
 * or is skipped), so a greedy scan finds Python's matches.
 */
function splitSkip(text: string, start: number, end: number, out: SpanBuffer): void {
  let pieceStart = start;
  let i = start;
  while (i < end) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i += charLengthAt(text, i);
      continue;
    }
    let j = i + 1;
    while (j < end && isAsciiAlnum(text.charCodeAt(j))) j++;
    if (j + 1 < end && text.charCodeAt(j) === 0x2e && isPythonDecimal(text.codePointAt(j + 1)!)) {
      j++;
      while (j < end && isPythonDecimal(text.codePointAt(j)!)) j += charLengthAt(text, j);
    }
    if (j < end && text.charCodeAt(j) === 0x25) j++;
    if (pieceStart < i) out.push(pieceStart, i);
    out.push(i, j);
    pieceStart = i = j;
  }
  if (pieceStart < end) out.push(pieceStart, end);
}
