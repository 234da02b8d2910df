/**
 * The modes the differential harness compares, and jieba-ts's side of them.
 *
 * Each mode is one Python call (see compat/oracle.py) and the jieba-ts call
 * that must return the same thing. Tokenize results are compared as flat
 * offset lists in code points, Python's unit; jieba-ts's UTF-16 offsets are
 * converted first.
 *
 * @module
 */

import { chineseAnalyzer, type ChineseAnalyzer, type Token, type Tokenizer } from '../src/index.js';

/** Every compared mode, named after the Python call. */
export const MODES = [
  'cut',
  'cut_no_hmm',
  'cut_all',
  'search',
  'search_no_hmm',
  'tokenize',
  'tokenize_no_hmm',
  'tokenize_search',
  'tokenize_search_no_hmm',
  'tag',
  'tag_no_hmm',
  'analyzer',
] as const;

/** One compared mode. */
export type Mode = (typeof MODES)[number];

/**
 * What one side returns for one text: words; flat code-point offsets for
 * tokenize modes; flat `[word, tag, ...]` for tag modes; flat
 * `[text, pos, start, end, ...]` (code points) for the analyzer.
 */
export type ModeResults = Record<Mode, string[] | number[] | (string | number)[]>;

const analyzers = new WeakMap<Tokenizer, ChineseAnalyzer>();

/** jieba.analyse.ChineseAnalyzer()'s tokens of `text`, flat, offsets in code points (the analyzer's own `offsets: 'codepoint'`). */
export function analyzerTokens(tokenizer: Tokenizer, text: string): (string | number)[] {
  let analyze = analyzers.get(tokenizer);
  if (!analyze) analyzers.set(tokenizer, (analyze = chineseAnalyzer({ tokenizer, offsets: 'codepoint' })));
  return analyze(text).flatMap((token) => [token.text, token.pos, token.startChar, token.endChar]);
}

/** `tokenize`'s tokens as flat `[start0, end0, ...]`, counted in code points by the library itself (`offsets: 'codepoint'`), as Python counts. */
function pythonOffsets(tokens: readonly Token[]): number[] {
  return tokens.flatMap(({ start, end }) => [start, end]);
}

/** Run every mode of `tokenizer` on `text`. */
export function runJiebaTs(tokenizer: Tokenizer, text: string): ModeResults {
  return {
    cut: tokenizer.cut(text),
    cut_no_hmm: tokenizer.cut(text, { hmm: false }),
    cut_all: tokenizer.cutAll(text),
    search: tokenizer.cutForSearch(text),
    search_no_hmm: tokenizer.cutForSearch(text, { hmm: false }),
    tokenize: pythonOffsets(tokenizer.tokenize(text, { offsets: 'codepoint' })),
    tokenize_no_hmm: pythonOffsets(tokenizer.tokenize(text, { hmm: false, offsets: 'codepoint' })),
    tokenize_search: pythonOffsets(tokenizer.tokenize(text, { mode: 'search', offsets: 'codepoint' })),
    tokenize_search_no_hmm: pythonOffsets(tokenizer.tokenize(text, { mode: 'search', hmm: false, offsets: 'codepoint' })),
    tag: tokenizer.tag(text).flatMap(({ word, tag }) => [word, tag]),
    tag_no_hmm: tokenizer.tag(text, { hmm: false }).flatMap(({ word, tag }) => [word, tag]),
    analyzer: analyzerTokens(tokenizer, text),
  };
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The modes (of `modes`) in which `actual` differs from `expected`. */
export function differingModes(expected: ModeResults, actual: ModeResults, modes: readonly Mode[] = MODES): Mode[] {
  return modes.filter((mode) => !sameList(expected[mode], actual[mode]));
}
