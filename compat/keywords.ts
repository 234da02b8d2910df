/**
 * Keyword comparisons: the variants of compat/keyword_oracle.py, run in
 * jieba-ts, and their results in the oracle's shape.
 *
 * @module
 */

import type { Keyword } from '../src/analyse/keywords.js';
import { TextRank, TfIdf, Tokenizer } from '../src/index.js';
import { runJsonLinesOracle } from './oracle-client.js';

/** One variant's result: words, `[word, tag]` pairs, or `[item, weight as float.hex()]`. */
export type KeywordResult = unknown[];

/**
 * An IDF file and a stop-word file to use instead of jieba.analyse's own:
 * Python's `set_idf_path` and `set_stop_words` (which adds to the stop
 * words of both extractors), jieba-ts's `setIdf` and `setStopWords`; and a
 * user dictionary loaded first (`jieba.load_userdict`, `loadUserDict`).
 */
export interface KeywordFiles {
  idf?: string;
  stopWords?: string;
  userDict?: string;
}

/** The extractors the variants run on. */
interface Extractors {
  tfidf: TfIdf;
  textRank: TextRank;
}

/** Every variant, named as in compat/keyword_oracle.py. */
export const KEYWORD_VARIANTS: Record<string, (text: string, e: Extractors) => Keyword[]> = {
  tfidf: (t, e) => e.tfidf.extractTags(t),
  tfidf_weight_all: (t, e) => e.tfidf.extractTags(t, { topK: null, withWeight: true }),
  tfidf_pos_flag: (t, e) => e.tfidf.extractTags(t, { topK: 10, withWeight: true, allowPOS: ['ns', 'n', 'vn', 'v', 'nr'], withFlag: true }),
  tfidf_pos: (t, e) => e.tfidf.extractTags(t, { topK: 0, allowPOS: ['n', 'eng', 'm', 'x'] }),
  textrank: (t, e) => e.textRank.textRank(t),
  textrank_weight_all: (t, e) => e.textRank.textRank(t, { topK: null, withWeight: true }),
  textrank_flag: (t, e) => e.textRank.textRank(t, { topK: 15, withWeight: true, withFlag: true, allowPOS: ['n', 'nr', 'ns', 'v', 'eng'] }),
};

const extractorsByFiles = new Map<string, Extractors>();

/** Extractors on the default tokenizer, with `files` applied as Python applies them. */
function extractorsFor(files: KeywordFiles): Extractors {
  const key = JSON.stringify([files.idf ?? null, files.stopWords ?? null, files.userDict ?? null]);
  let extractors = extractorsByFiles.get(key);
  if (!extractors) {
    const tokenizer = new Tokenizer();
    if (files.userDict !== undefined) tokenizer.loadUserDict(files.userDict);
    extractors = { tfidf: new TfIdf(tokenizer), textRank: new TextRank(tokenizer) };
    if (files.idf !== undefined) extractors.tfidf.setIdf(files.idf);
    if (files.stopWords !== undefined) {
      extractors.tfidf.setStopWords(files.stopWords);
      extractors.textRank.setStopWords(files.stopWords);
    }
    extractorsByFiles.set(key, extractors);
  }
  return extractors;
}

/** The oracle's arguments for `files`. */
function oracleArgs(files: KeywordFiles): string[] {
  return [
    ...(files.userDict !== undefined ? ['--user-dict', files.userDict] : []),
    ...(files.idf !== undefined ? ['--idf', files.idf] : []),
    ...(files.stopWords !== undefined ? ['--stop-words', files.stopWords] : []),
  ];
}

/** A double as Python's `float.hex()` writes it. */
export function floatHex(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const mantissa = bits & ((1n << 52n) - 1n);
  const lead = exponentBits === 0 ? 0 : 1;
  const exponent = exponentBits === 0 ? -1022 : exponentBits - 1023;
  const digits = mantissa.toString(16).padStart(13, '0');
  return `${sign}0x${lead}.${digits}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

function plain(keyword: Keyword): unknown {
  if (typeof keyword === 'string') return keyword;
  const item = 'tag' in keyword ? [keyword.word, keyword.tag] : keyword.word;
  return 'weight' in keyword ? [item, floatHex(keyword.weight)] : item;
}

/** jieba-ts's results for every variant, in the oracle's shape, with jieba.analyse's files or `files`. */
export function runKeywordVariants(text: string, files: KeywordFiles = {}): Record<string, KeywordResult> {
  const extractors = extractorsFor(files);
  return Object.fromEntries(Object.entries(KEYWORD_VARIANTS).map(([name, f]) => [name, f(text, extractors).map(plain)]));
}

/** Python's results for each text, with jieba.analyse's files or `files`. */
export function runKeywordOracle(texts: readonly string[], files: KeywordFiles = {}): Promise<Record<string, KeywordResult>[]> {
  return runJsonLinesOracle('keyword_oracle.py', texts.map((text) => ({ text })), oracleArgs(files));
}

/** Documents of varied length cut from `lines`: runs of 1 to 60 lines, chosen by a fixed pattern. */
export function documentsOf(lines: readonly string[], count: number): string[] {
  const docs: string[] = [];
  let at = 0;
  for (let i = 0; i < count && lines.length > 0; i++) {
    const length = 1 + ((i * 37) % 60);
    const doc = lines.slice(at % lines.length, (at % lines.length) + length).join('\n');
    if (doc.trim()) docs.push(doc);
    at += length;
  }
  return docs;
}
