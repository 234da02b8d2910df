/**
 * The units word offsets can be counted in: UTF-16 code units (JavaScript's
 * string indices), bytes of the UTF-8 encoding (SQLite FTS5 and many
 * stores), or code points (Python's string indices, so Python's
 * `jieba.tokenize` numbers).
 *
 * @module
 */

import { utf8Offsets } from './utf8.js';

/**
 * Every unit `offsets` options take.
 *
 * @example
 * tokenize('😀中国', { offsets: 'codepoint' }); // offsets as Python counts them: 😀 is one
 * OFFSET_UNITS.includes(request.offsets); // checking a unit from outside
 */
export const OFFSET_UNITS = ['utf16', 'utf8', 'codepoint'] as const;

/** A unit of word offsets (see {@link OFFSET_UNITS}). */
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/**
 * `offsets` (UTF-16 indices into `text`, in any order) as code-point
 * indices, in place: a surrogate pair counts one, as in Python, and so does
 * a lone surrogate (one code point in a Python string). Returns `offsets`.
 *
 * @example
 * codePointOffsets('𠀀中', Int32Array.of(0, 2, 2, 3)); // Int32Array [0, 1, 1, 2]
 */
export function codePointOffsets(text: string, offsets: Int32Array): Int32Array {
  let pairs = false;
  for (let i = 0; i < text.length && !pairs; i++) pairs = (text.charCodeAt(i) & 0xf800) === 0xd800;
  if (!pairs) return offsets;
  const at = new Int32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = points++;
    const cu = text.charCodeAt(i);
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) at[++i] = points - 1; // never a word boundary: words do not split a pair
  }
  at[text.length] = points;
  for (let k = 0; k < offsets.length; k++) offsets[k] = at[offsets[k]!]!;
  return offsets;
}

/**
 * `offsets` (UTF-16 indices into `text`) counted in `unit`, in place.
 *
 * @example
 * offsetsIn('utf8', '中a', Int32Array.of(0, 1, 1, 2)); // Int32Array [0, 3, 3, 4]
 */
export function offsetsIn(unit: OffsetUnit, text: string, offsets: Int32Array): Int32Array {
  return unit === 'utf8' ? utf8Offsets(text, offsets) : unit === 'codepoint' ? codePointOffsets(text, offsets) : offsets;
}
