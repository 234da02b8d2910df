/**
 * Python's `int(str)` for the frequency fields of dictionaries.
 *
 * @module
 */

import { decimalValue, isPythonSpace } from './char-classes.js';

/**
 * Parse `text` as Python's `int(text)` does, or return `undefined` where
 * Python raises `ValueError`: surrounding whitespace (Python's), an optional
 * sign, then decimal digits of any script with single underscores between
 * them.
 *
 * Values beyond 2^53 lose precision as JavaScript numbers; dictionaries never
 * come near that.
 *
 * @example
 * parsePythonInt(' 1_000 '); // 1000
 * parsePythonInt('１２'); // 12
 * parsePythonInt('5.0'); // undefined
 */
export function parsePythonInt(text: string): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text.codePointAt(start)!)) start += text.codePointAt(start)! > 0xffff ? 2 : 1;
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--; // every Python space is in the BMP
  let sign = 1;
  const first = text.charCodeAt(start);
  if (first === 0x2b || first === 0x2d) {
    if (first === 0x2d) sign = -1;
    start++;
  }
  if (start === end) return undefined;
  let value = 0;
  let lastWasDigit = false;
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp === 0x5f) {
      if (!lastWasDigit || i >= end) return undefined;
      lastWasDigit = false;
      continue;
    }
    const digit = decimalValue(cp);
    if (digit < 0) return undefined;
    value = value * 10 + digit;
    lastWasDigit = true;
  }
  return lastWasDigit ? sign * value + 0 : undefined; // + 0 turns -0 into 0
}
