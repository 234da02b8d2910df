/**
 * Python's `str.lower()`, from Python's own Unicode tables
 * (`python-case-data.ts`) rather than the JavaScript runtime's: a runtime
 * with a newer Unicode version lowercases characters that Python 3.11
 * leaves alone (55 of them in Node 20's ICU), and search indexes built by
 * jieba's `ChineseAnalyzer` must hold the same terms in both languages.
 *
 * @module
 */

import { isPythonCased, isPythonCaseIgnorable } from './char-classes.js';
import { LOWER_MULTI, LOWER_RUNS } from './python-case-data.js';

const CAPITAL_SIGMA = 0x3a3;

let lowerMap: Map<number, string> | undefined;

/** Code point -> its lowercase, built on first use. */
function mappings(): Map<number, string> {
  if (lowerMap) return lowerMap;
  const map = new Map<number, string>();
  for (let r = 0; r < LOWER_RUNS.length; r += 4) {
    const [first, count, step, offset] = [LOWER_RUNS[r]!, LOWER_RUNS[r + 1]!, LOWER_RUNS[r + 2]!, LOWER_RUNS[r + 3]!];
    for (let k = 0, cp = first; k < count; k++, cp += step) map.set(cp, String.fromCodePoint(cp + offset));
  }
  for (const [cp, ...lower] of LOWER_MULTI) map.set(cp!, String.fromCodePoint(...lower));
  return (lowerMap = map);
}

/**
 * Python's rule for U+03A3 at code point `i` of `cps`: final sigma (U+03C2)
 * when a cased character precedes it (case-ignorable ones skipped) and none
 * follows it; small sigma (U+03C3) otherwise.
 */
function sigma(cps: readonly number[], i: number): string {
  let j = i - 1;
  while (j >= 0 && isPythonCaseIgnorable(cps[j]!)) j--;
  let final = j >= 0 && isPythonCased(cps[j]!);
  if (final && i + 1 < cps.length) {
    j = i + 1;
    while (j < cps.length && isPythonCaseIgnorable(cps[j]!)) j++;
    final = j === cps.length || !isPythonCased(cps[j]!);
  }
  return final ? '\u03c2' : '\u03c3';
}

/**
 * `text.lower()` as Python 3.11 computes it: full mappings (`'İ'` becomes
 * two characters), the final sigma by context, and no mapping for a
 * character that Python's Unicode version does not case.
 *
 * @example
 * pythonLower('Running'); // 'running'
 * pythonLower('ΟΔΟΣ ΟΔΟΣ'); // 'οδος οδος' (final sigmas)
 */
export function pythonLower(text: string): string {
  let ascii = true;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu >= 0x80) {
      ascii = false;
      break;
    }
    if (cu >= 0x41 && cu <= 0x5a) upper = true;
  }
  // ASCII maps the same in every Unicode version.
  if (ascii) return upper ? text.toLowerCase() : text;
  const map = mappings();
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    out += cp === CAPITAL_SIGMA ? sigma(cps, i) : (map.get(cp) ?? String.fromCodePoint(cp));
  }
  return out;
}
