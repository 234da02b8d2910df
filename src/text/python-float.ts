/**
 * Python's `float(str)` for the values of IDF files.
 *
 * @module
 */

import { decimalValue, isPythonSpace } from './char-classes.js';

/** Digits with single underscores between them, as Python's grammar allows. */
const DIGITS = '[0-9](?:_?[0-9])*';
const DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Parse `text` as Python's `float(text)` does, or return `undefined` where
 * Python raises `ValueError`: surrounding whitespace (Python's), a sign,
 * decimal digits of any script with single underscores between them, a
 * point, an exponent, or `inf`/`infinity`/`nan` in any case. Both languages
 * round decimal numbers correctly, so the doubles agree.
 *
 * @example
 * parsePythonFloat(' 1_000.5 '); // 1000.5
 * parsePythonFloat('１２'); // 12
 * parsePythonFloat('0x10'); // undefined
 */
export function parsePythonFloat(text: string): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--;
  // Digits of other scripts read as their ASCII values, as Python does.
  let ascii = '';
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const digit = cp < 0x80 ? -1 : decimalValue(cp);
    ascii += digit >= 0 ? String(digit) : String.fromCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const special = SPECIAL.exec(ascii);
  if (special) {
    const value = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -value : value;
  }
  if (!DECIMAL.test(ascii)) return undefined;
  return Number(ascii.replaceAll('_', ''));
}
