/**
 * The Porter stemmer of Whoosh (`whoosh.lang.porter.stem`), which jieba's
 * `ChineseAnalyzer` applies to every token: the same rules, quirks
 * included, so that stems come out as they do in Python.
 *
 * Whoosh writes the rules as regular expressions tried with `re.match`,
 * which anchors at the start only. Two of them (`(at|bl|iz)$` and
 * `([^aeiouylsz])\1$` in step 1b) therefore only match a whole word of two
 * letters, not a suffix as in Porter's paper; that is kept. Python's `$`
 * also matches before a final newline, which `(?=\n?$)` reproduces, and
 * Python's `.` matches anything but a newline. Every expression has the `u`
 * flag, so that a character outside the Basic Multilingual Plane counts
 * once, as in Python.
 *
 * @module
 */

import { pythonLength } from '../text/python-str.js';

/** Python's `$` without MULTILINE: the end, or before a newline that ends the string. */
const END = '(?=\\n?$)';
const CONS_SEQ = '[^aeiouy]+';
const VOWEL_SEQ = '[aeiou]+';

/** m > 0 (Porter's measure), tested from the start. */
const M_GT_0 = new RegExp(`^(?:${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}`, 'u');
/** m == 1 exactly. */
const M_EQ_1 = new RegExp(`^(?:${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}(?:${VOWEL_SEQ})?${END}`, 'u');
/** m > 1. */
const M_GT_1 = new RegExp(`^(?:${CONS_SEQ})?${VOWEL_SEQ}${CONS_SEQ}${VOWEL_SEQ}${CONS_SEQ}`, 'u');
/** A vowel in the stem. */
const HAS_VOWEL = new RegExp(`^(?:${CONS_SEQ})?[aeiouy]`, 'u');
/** Consonants, a vowel, then one consonant other than w, x or y: the whole word. */
const CVC = new RegExp(`^${CONS_SEQ}[aeiouy][^aeiouwxy]${END}`, 'u');

const ED_ING = new RegExp(`^([^\\n]*)(ed|ing)${END}`, 'u');
const AT_BL_IZ = new RegExp(`^(?:at|bl|iz)${END}`, 'u');
const DOUBLE_CONSONANT = new RegExp(`^([^aeiouylsz])\\1${END}`, 'u');

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };

/** `^(.+?)(suffix|...)$`, the alternatives in Whoosh's order (the first that matches at the shortest stem wins). */
function suffixRule(suffixes: readonly string[]): RegExp {
  return new RegExp(`^([^\\n]+?)(${suffixes.join('|')})${END}`, 'u');
}

const STEP2_RULE = suffixRule([
  'ational', 'tional', 'enci', 'anci', 'izer', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization',
  'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi',
]);
const STEP3_RULE = suffixRule(['icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness']);
const STEP4_RULE = suffixRule([
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
]);
const STEP4_ION = new RegExp(`^([^\\n]+?)(s|t)(ion)${END}`, 'u');
const STEP5 = new RegExp(`^([^\\n]+?)e${END}`, 'u');

/**
 * Stem an English word as Whoosh's Porter stemmer does (the `stemfn` of
 * jieba's `ChineseAnalyzer`). Expects lowercase input, as the analyzer
 * gives it; words of fewer than three characters come back unchanged.
 *
 * @example
 * porterStem('fundamentally'); // 'fundament'
 * porterStem('caresses'); // 'caress'
 * porterStem('running'); // 'runn': Whoosh's step 1b undoubles only a word of two letters
 */
export function porterStem(word: string): string {
  if (pythonLength(word) < 3) return word;
  let w = word;
  const firstIsY = w[0] === 'y';
  if (firstIsY) w = `Y${w.slice(1)}`;

  // Step 1a.
  if (w.endsWith('s')) {
    if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
    else if (w[w.length - 2] !== 's') w = w.slice(0, -1);
  }

  // Step 1b.
  if (w.endsWith('eed')) {
    if (M_GT_0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else {
    const m = ED_ING.exec(w);
    if (m && HAS_VOWEL.test(m[1]!)) {
      w = m[1]!;
      if (AT_BL_IZ.test(w)) w += 'e';
      else if (DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += 'e';
    }
  }

  // Step 1c.
  if (w.endsWith('y')) {
    const stem = w.slice(0, -1);
    if (HAS_VOWEL.test(stem)) w = `${stem}i`;
  }

  // Steps 2 and 3.
  let m = STEP2_RULE.exec(w);
  if (m && M_GT_0.test(m[1]!)) w = m[1]! + STEP2[m[2]!]!;
  m = STEP3_RULE.exec(w);
  if (m && M_GT_0.test(m[1]!)) w = m[1]! + STEP3[m[2]!]!;

  // Step 4.
  m = STEP4_RULE.exec(w);
  if (m) {
    if (M_GT_1.test(m[1]!)) w = m[1]!;
  } else {
    m = STEP4_ION.exec(w);
    if (m) {
      const stem = m[1]! + m[2]!;
      if (M_GT_1.test(stem)) w = stem;
    }
  }

  // Step 5.
  m = STEP5.exec(w);
  if (m) {
    const stem = m[1]!;
    if (M_GT_1.test(stem) || (M_EQ_1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (w.endsWith('ll') && M_GT_1.test(w)) w = w.slice(0, -1);

  if (firstIsY) w = `y${w.slice(1)}`;
  return w;
}
