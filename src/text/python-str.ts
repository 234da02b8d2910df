/**
 * Python `str` methods that jieba's keyword extraction relies on, with
 * Python's definitions of whitespace and length.
 *
 * @module
 */

import { isPythonSpace } from './char-classes.js';

/**
 * Python's `text.strip()`: without leading and trailing Python whitespace.
 *
 * @example
 * pythonStrip('\u3000词\u0085'); // '词'
 */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Python's `len(text)`: code points, a surrogate pair counting once.
 *
 * @example
 * pythonLength('😀a'); // 2
 */
export function pythonLength(text: string): number {
  let length = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu >= 0xd800 && cu <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * Python's `a < b` on strings: by code point. JavaScript's `<` compares
 * UTF-16 units, which orders characters above U+FFFF before U+E000-U+FFFF.
 *
 * @example
 * comparePython('\uffff', '😀') < 0; // true, where '\uffff' < '😀' is false
 */
export function comparePython(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}
