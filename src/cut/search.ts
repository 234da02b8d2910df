/**
 * Search-engine mode: Python jieba's `cut_for_search` and
 * `tokenize(mode='search')`.
 *
 * @module
 */

import type { Dictionary } from '../dictionary/dictionary.js';
import type { SpanBuffer } from '../text/spans.js';

/**
 * Rewrite the accurate-mode tokens in `words` into `out`, putting before each
 * word longer than two characters its two-character substrings that are
 * dictionary words (non-zero frequency), then, for words longer than three,
 * its three-character ones, left to right, then the word itself.
 *
 * Python measures length in code points; a token longer than two code
 * points only ever comes from a run of `re_han_default` text, which is all
 * in the Basic Multilingual Plane, so UTF-16 lengths give the same answer.
 */
export function expandForSearch(dict: Dictionary, text: string, words: SpanBuffer, out: SpanBuffer): void {
  const data = words.data;
  for (let n = 0; n < words.length; n++) {
    const start = data[2 * n]!;
    const end = data[2 * n + 1]!;
    const length = end - start;
    if (length > 2) {
      for (let i = start; i + 2 <= end; i++) if (dict.frequencyOf(text, i, i + 2) > 0) out.push(i, i + 2);
    }
    if (length > 3) {
      for (let i = start; i + 3 <= end; i++) if (dict.frequencyOf(text, i, i + 3) > 0) out.push(i, i + 3);
    }
    out.push(start, end);
  }
}
