/**
 * Reading a main dictionary (`dict.txt` format) exactly as Python jieba's
 * `Tokenizer.gen_pfdict` does.
 *
 * @module
 */

import { parsePythonInt } from '../text/python-int.js';
import { DictionaryError } from './errors.js';

/** Words and frequencies of a main dictionary, in file order, before it becomes a trie. */
export interface DictionaryEntries {
  /** Each entry's word; a word may repeat, and then its last frequency counts. */
  readonly words: string[];
  /** Each entry's frequency. */
  readonly frequencies: number[];
  /** Sum of every line's frequency, repeated words included (as Python sums them). */
  readonly total: number;
  /**
   * Each entry's POS tag, the third field, for `jieba.posseg`; undefined
   * when absent (the entry then has no tag: see {@link tagError}).
   */
  readonly tags?: (string | undefined)[];
  /**
   * Why POS tagging cannot use this dictionary, as Python's posseg would
   * say it: posseg reads every line as exactly `word freq tag` and refuses
   * the whole file at the first line that is not.
   */
  readonly tagError?: string;
}

/** Characters `bytes.strip()` removes: Python strips ASCII whitespace from each raw line. */
function isAsciiStripped(cu: number): boolean {
  return cu === 0x20 || (cu >= 0x09 && cu <= 0x0d);
}

/**
 * Decode dictionary bytes as strict UTF-8, keeping a leading byte order mark
 * as Python does (it becomes part of the first word).
 */
export function decodeDictionaryBytes(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Find the line: decode line by line until one fails.
    const lineDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          lineDecoder.decode(bytes.subarray(start, i));
        } catch {
          throw new DictionaryError(`${name}: line ${line} is not valid UTF-8`, name, line);
        }
        line++;
        start = i + 1;
      }
    }
    throw new DictionaryError(`${name} is not valid UTF-8`, name);
  }
}

function entryError(name: string, line: number, text: string, why: string): DictionaryError {
  return new DictionaryError(
    `invalid dictionary entry in ${name} at line ${line}: ${JSON.stringify(text)} (${why})`,
    name,
    line,
  );
}

/** Value of `text[start:end]` when it is 1 to 15 ASCII digits (the common case), else undefined. */
function asciiDigits(text: string, start: number, end: number): number | undefined {
  if (end <= start || end - start > 15) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parse main-dictionary text: one `word freq [tag]` entry per line, fields
 * separated by single spaces. Like Python, a line that is empty after
 * trimming, lacks a frequency, or has a frequency that `int()` rejects is an
 * error naming the source and line. Unlike Python, a negative frequency is an
 * error here too: Python accepts it and then fails inside `math.log` at the
 * first cut that meets the word.
 *
 * @param source - the dictionary text, or its bytes (strict UTF-8)
 * @param name - how errors name the source, e.g. a file path
 * @throws {@link DictionaryError} for the first bad line; nothing is returned
 * @example
 * const { words, frequencies, total } = parseDictionaryText('中国 100 ns\n人 50 n\n', 'mini.txt');
 * words; // ['中国', '人']
 * frequencies; // [100, 50]
 * total; // 150
 */
export function parseDictionaryText(source: string | Uint8Array, name = '<string>'): DictionaryEntries {
  const text = typeof source === 'string' ? source : decodeDictionaryBytes(source, name);
  const words: string[] = [];
  const frequencies: number[] = [];
  const tags: (string | undefined)[] = [];
  let tagError: string | undefined;
  let total = 0;
  let lineNumber = 0;
  let next = 0;
  // Python iterates the file by b'\n'; text after the last newline is a line
  // only when it is not empty.
  while (next < text.length) {
    let start = next;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    next = end + 1;
    lineNumber++;
    while (start < end && isAsciiStripped(text.charCodeAt(start))) start++;
    while (end > start && isAsciiStripped(text.charCodeAt(end - 1))) end--;

    const space = text.indexOf(' ', start);
    if (space < 0 || space >= end) {
      throw entryError(name, lineNumber, text.slice(start, end), start === end ? 'empty line' : 'no frequency');
    }
    let freqEnd = text.indexOf(' ', space + 1);
    if (freqEnd < 0 || freqEnd > end) freqEnd = end;
    const freq = asciiDigits(text, space + 1, freqEnd) ?? parsePythonInt(text.slice(space + 1, freqEnd));
    if (freq === undefined) {
      const freqText = JSON.stringify(text.slice(space + 1, freqEnd));
      throw entryError(name, lineNumber, text.slice(start, end), `frequency ${freqText} is not an integer`);
    }
    if (freq < 0) throw entryError(name, lineNumber, text.slice(start, end), 'negative frequency');
    words.push(text.slice(start, space));
    frequencies.push(freq);
    total += freq;
    // posseg's `word, _, tag = line.split(" ")`: exactly three fields.
    let tag: string | undefined;
    if (freqEnd < end) {
      const extra = text.indexOf(' ', freqEnd + 1);
      if (extra < 0 || extra >= end) tag = text.slice(freqEnd + 1, end);
    }
    tags.push(tag);
    if (tag === undefined && tagError === undefined) {
      tagError = `invalid POS dictionary entry in ${name} at line ${lineNumber}: ${JSON.stringify(text.slice(start, end))}`;
    }
  }
  return { words, frequencies, total, tags, tagError };
}
