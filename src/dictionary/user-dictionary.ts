/**
 * Reading user dictionaries exactly as Python jieba's
 * `Tokenizer.load_userdict` does.
 *
 * @module
 */

import { USER_DICT_LINE } from '../text/char-classes.js';
import { decodeDictionaryBytes } from './dictionary-text.js';

/** One entry of a user dictionary, ready for `addWord`. */
export interface UserDictionaryEntry {
  /** The word; may contain spaces. */
  readonly word: string;
  /** Its frequency, or `undefined` to let `suggestFreq` choose one. */
  readonly freq: number | undefined;
  /** Its POS tag, if the line has one. */
  readonly tag: string | undefined;
  /** 1-based line number in the source. */
  readonly line: number;
}

/** `bytes.strip()`'s whitespace: ASCII space, \t, \n, \r, \v, \f. */
function isAsciiWhitespace(cu: number): boolean {
  return cu === 0x20 || (cu >= 0x09 && cu <= 0x0d);
}

/**
 * Parse a user dictionary: one `word [freq] [tag]` entry per line. As in
 * Python (which reads the file in binary): lines end at `\n`; each is
 * stripped of ASCII whitespace, then of leading byte order marks; empty
 * lines are skipped; the rest is split by {@link USER_DICT_LINE}, so words
 * may contain spaces and a malformed frequency or tag simply becomes part of
 * the word. Text is read as if it were saved to a UTF-8 file.
 *
 * @param source - the dictionary bytes (strict UTF-8) or text
 * @param name - how errors name the source
 * @throws {@link DictionaryError} naming the line when the bytes are not
 *   UTF-8 (Python: `dictionary file ... must be utf-8`); nothing is returned,
 *   so nothing is applied
 * @example
 * parseUserDictionary('云计算 5\n李小福 2 nr\n台中\n');
 * // [{ word: '云计算', freq: 5, tag: undefined, line: 1 },
 * //  { word: '李小福', freq: 2, tag: 'nr', line: 2 },
 * //  { word: '台中', freq: undefined, tag: undefined, line: 3 }]
 */
export function parseUserDictionary(source: string | Uint8Array, name = '<string>'): UserDictionaryEntry[] {
  // Decoding the whole source first finds a bad line before anything is applied.
  const text = typeof source === 'string' ? source : decodeDictionaryBytes(source, name);
  const entries: UserDictionaryEntry[] = [];
  let lineNumber = 0;
  for (let next = 0; next < text.length; ) {
    let start = next;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    next = end + 1;
    lineNumber++;
    while (start < end && isAsciiWhitespace(text.charCodeAt(start))) start++;
    while (end > start && isAsciiWhitespace(text.charCodeAt(end - 1))) end--;
    while (start < end && text.charCodeAt(start) === 0xfeff) start++;
    if (start === end) continue;
    const match = USER_DICT_LINE.exec(text.slice(start, end))!;
    entries.push({
      word: match[1]!,
      freq: match[2] === undefined ? undefined : Number(match[2].slice(1)),
      tag: match[3]?.slice(1),
      line: lineNumber,
    });
  }
  return entries;
}
