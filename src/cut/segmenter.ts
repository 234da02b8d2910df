/**
 * The top of every cut: Python jieba's `Tokenizer.cut`, which splits the
 * text into runs of `re_han_default` characters (cut with the dictionary)
 * and everything between them (split on whitespace).
 *
 * @module
 */

import { PrefixMatches, type Dictionary } from '../dictionary/dictionary.js';
import type { FinalsegContext } from '../hmm/finalseg.js';
import type { HmmModel } from '../hmm/model.js';
import { ViterbiScratch } from '../hmm/viterbi.js';
import { RouteScratch } from '../route/route.js';
import { charLengthAt, isHanDefault, isPythonSpace } from '../text/char-classes.js';
import { cutWithHmm, cutWithoutHmm } from './accurate.js';
import { cutAll } from './full.js';
import { SpanBuffer, type WordNodeBuffer } from '../text/spans.js';

/** Which of Python's `cut` variants to run. */
export type SegmenterMode = 'hmm' | 'no-hmm' | 'all';

/**
 * A dictionary and a model with the scratch memory to cut with them. Not
 * safe to share between concurrent callers (JavaScript has none within one
 * thread; each worker gets its own).
 */
export class Segmenter implements FinalsegContext {
  readonly dict: Dictionary;
  readonly model: HmmModel;
  readonly forceSplit: Set<string>;
  readonly scratch = new ViterbiScratch();
  private readonly route = new RouteScratch();
  private readonly row = new PrefixMatches();
  /** One run's words, for {@link Segmenter.segmentLongWords}. */
  private readonly runWords = new SpanBuffer();

  constructor(dict: Dictionary, model: HmmModel, forceSplit: Set<string> = new Set()) {
    this.dict = dict;
    this.model = model;
    this.forceSplit = forceSplit;
  }

  /** Give back scratch memory a huge text made this segmenter take. */
  shrink(): void {
    this.scratch.shrink();
    this.route.shrink();
    this.runWords.shrink();
  }

  /**
   * Append the tokens of `text` to `out`, as `lcut(text)` (mode `'hmm'`),
   * `lcut(text, HMM=False)` (`'no-hmm'`) or `lcut(text, cut_all=True)`
   * (`'all'`) would list them.
   */
  segment(text: string, mode: SegmenterMode, out: SpanBuffer): void {
    // The block loops are written out rather than calling blockEnd: on this
    // hottest path the helper's extra comparison costs 1% of a cut.
    const length = text.length;
    let i = 0;
    while (i < length) {
      let j = i + 1;
      if (isHanDefault(text.charCodeAt(i))) {
        while (j < length && isHanDefault(text.charCodeAt(j))) j++;
        if (mode === 'hmm') cutWithHmm(this.dict, this, text, i, j, this.route, out);
        else if (mode === 'no-hmm') cutWithoutHmm(this.dict, text, i, j, this.route, out);
        else cutAll(this.dict, text, i, j, this.row, out);
      } else {
        while (j < length && !isHanDefault(text.charCodeAt(j))) j++;
        if (mode === 'all') splitOnSpaceKeepingRuns(text, i, j, out);
        else splitOnSpace(text, i, j, out);
      }
      i = j;
    }
  }

  /**
   * Append to `out` the words of `segment(text, 'hmm')` that are two or
   * more UTF-16 units long, with their base-trie nodes (see
   * {@link WordNodeBuffer}); what TF-IDF counts. Returns false, doing
   * nothing, when words were added to the dictionary (the route then has no
   * base nodes to give).
   *
   * A word the route chose ends where the route says its position's word
   * ends, and carries the route's node; the HMM's words get -1. Text outside
   * `re_han_default` runs is left out: accurate mode cuts it into single
   * characters and line breaks, none of which TF-IDF keeps.
   */
  segmentLongWords(text: string, out: WordNodeBuffer): boolean {
    if (!this.dict.isPristine) return false;
    const words = this.runWords;
    for (let i = 0; i < text.length; ) {
      const han = isHanDefault(text.charCodeAt(i));
      const j = blockEnd(text, i, han);
      if (han) {
        words.clear();
        cutWithHmm(this.dict, this, text, i, j, this.route, words);
        const { routeEnd, routeNode } = this.route;
        const data = words.data;
        for (let w = 0; w < words.length; w++) {
          const start = data[2 * w]!;
          const end = data[2 * w + 1]!;
          if (end - start > 1) out.push(start, end, routeEnd[start - i] === end ? routeNode[start - i]! : -1);
        }
      }
      i = j;
    }
    return true;
  }
}

/** End of the run of `re_han_default` characters (`han`) or of other characters that starts at `i`. */
function blockEnd(text: string, i: number, han: boolean): number {
  let j = i + 1;
  while (j < text.length && isHanDefault(text.charCodeAt(j)) === han) j++;
  return j;
}

/** Length of the `re_skip_default = (\r\n|\s)` match at `i`, or 0. */
function separatorLength(text: string, i: number, end: number): number {
  const cu = text.charCodeAt(i);
  if (cu === 0x0d && i + 1 < end && text.charCodeAt(i + 1) === 0x0a) return 2;
  return isPythonSpace(cu) ? 1 : 0; // every Python space is one UTF-16 unit
}

/**
 * A non-Han block in accurate mode: `re_skip_default.split(blk)` yields the
 * separators (`\r\n` or one whitespace character) as tokens, and every other
 * piece one character (code point) at a time.
 */
function splitOnSpace(text: string, start: number, end: number, out: SpanBuffer): void {
  for (let i = start; i < end; ) {
    const step = separatorLength(text, i, end) || charLengthAt(text, i);
    out.push(i, i + step);
    i += step;
  }
}

/**
 * A non-Han block in full mode: every piece of `re_skip_default.split(blk)`
 * as it is, empty strings included (before a leading separator, between two
 * separators, after a trailing one), as Python yields them.
 */
function splitOnSpaceKeepingRuns(text: string, start: number, end: number, out: SpanBuffer): void {
  let pieceStart = start;
  for (let i = start; i < end; ) {
    const separator = separatorLength(text, i, end);
    if (separator === 0) {
      i += charLengthAt(text, i);
      continue;
    }
    out.push(pieceStart, i);
    out.push(i, i + separator);
    i += separator;
    pieceStart = i;
  }
  out.push(pieceStart, end);
}
