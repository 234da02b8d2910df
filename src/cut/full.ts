/**
 * Full mode on one run of `re_han_default` text: Python jieba's `__cut_all`.
 *
 * @module
 */

import type { Dictionary, PrefixMatches } from '../dictionary/dictionary.js';
import { isAsciiAlnum } from '../text/char-classes.js';
import type { SpanBuffer } from '../text/spans.js';

/**
 * Pieces of Python's `eng_buf`: ASCII words held back and glued together.
 * Usually one contiguous slice; not always (see {@link SpanBuffer}).
 */
class EnglishBuffer {
  private readonly pieces: number[] = [];

  get active(): boolean {
    return this.pieces.length > 0;
  }

  start(from: number, to: number): void {
    this.pieces.length = 0;
    this.pieces.push(from, to);
  }

  append(from: number, to: number): void {
    const last = this.pieces.length - 1;
    if (this.pieces[last] === from) this.pieces[last] = to;
    else this.pieces.push(from, to);
  }

  flush(out: SpanBuffer): void {
    const pieces = this.pieces;
    out.push(pieces[0]!, pieces[1]!);
    for (let i = 2; i < pieces.length; i += 2) out.pushContinuation(pieces[i]!, pieces[i + 1]!);
    pieces.length = 0;
  }
}

/**
 * Every dictionary word of the run, as `__cut_all` lists them: for each
 * position in order, its DAG row. A position with a single entry that lies
 * beyond everything emitted so far is emitted alone, except that entries
 * starting with an ASCII letter or digit are buffered and glued while the
 * text keeps to ASCII letters and digits. A row with several entries emits
 * each entry longer than one character. Python tests only the first
 * character of a word against `re_eng`, and so does this.
 */
export function cutAll(dict: Dictionary, text: string, start: number, end: number, row: PrefixMatches, out: SpanBuffer): void {
  const english = new EnglishBuffer();
  let lastEnd = start - 1; // Python's old_j, an inclusive end
  for (let k = start; k < end; k++) {
    if (english.active && !isAsciiAlnum(text.charCodeAt(k))) english.flush(out);
    dict.matchPrefixes(text, k, end, row);
    if (row.count === 0) row.add(k, 0); // Python's row is [k] when no word starts here
    const ends = row.ends;
    if (row.count === 1 && k > lastEnd) {
      const wordEnd = ends[0]! + 1;
      if (isAsciiAlnum(text.charCodeAt(k))) {
        if (english.active) english.append(k, wordEnd);
        else english.start(k, wordEnd);
      } else {
        out.push(k, wordEnd);
      }
      lastEnd = ends[0]!;
    } else {
      for (let n = 0; n < row.count; n++) {
        const j = ends[n]!;
        if (j > k) {
          out.push(k, j + 1);
          lastEnd = j;
        }
      }
    }
  }
  if (english.active) english.flush(out);
}
