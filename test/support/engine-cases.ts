/**
 * The cases of test/fixtures/python/engine.json (made by compat/engine_oracle.py
 * through `npm run golden`), and the default dictionary and HMM the engine's
 * unit tests run them with.
 */

import { Dictionary } from '../../src/dictionary/dictionary.js';
import { ViterbiScratch } from '../../src/hmm/viterbi.js';
import type { FinalsegContext } from '../../src/hmm/finalseg.js';
import { sharedModels } from '../../src/node-platform.js';
import { SpanBuffer } from '../../src/text/spans.js';
import { readJsonFixture } from './fixtures.js';

/** One `re_han_default` block and the words of each of Python's cut functions over it. */
export interface BlockCase {
  text: string;
  hmm: string[];
  noHmm: string[];
  all: string[];
  search: string[];
}

/** A dictionary's state in Python: total, `FREQ.get` of probe words (null: no key), `get_DAG` of probe sentences. */
export interface DictionaryState {
  total: number;
  freq: Record<string, number | null>;
  dag: Record<string, Record<string, number[]>>;
}

/** The Python facts about the engine's pieces. */
export const ENGINE_CASES = readJsonFixture<{
  /** Whole texts and `jieba.lcut`'s words: with the HMM, without it, in full mode. */
  texts: { text: string; hmm: string[]; noHmm: string[]; all: string[] }[];
  route: { text: string; route: [number, number][] }[];
  hmm: { text: string; path: string }[];
  blocks: BlockCase[];
  unknown: { text: string; words: string[] }[];
  /** A user-dictionary line and what load_userdict reads from it: word, frequency, tag; null for a blank line. */
  userdict: { line: string; entry: [string, number | null, string | null] | null }[];
  /** A small dict.txt: gen_pfdict's FREQ and total, then add_word/del_word (freq 0) in turn, with the state after each. */
  dictionary: {
    text: string;
    freq: Record<string, number>;
    total: number;
    start: DictionaryState;
    ops: ({ word: string; wordFreq: number } & DictionaryState)[];
  };
}>('python/engine.json');

/** The default dictionary, as a tokenizer holds it. */
export function defaultDictionary(): Dictionary {
  return new Dictionary(sharedModels.defaultData().base);
}

/** What the HMM cut needs, with the default model and no words forced apart. */
export function defaultFinalseg(): FinalsegContext {
  return { model: sharedModels.defaultData().model, scratch: new ViterbiScratch(), forceSplit: new Set() };
}

/** The words `fill` writes into a fresh span buffer, as strings. */
export function wordsOf(text: string, fill: (out: SpanBuffer) => void): string[] {
  const out = new SpanBuffer();
  fill(out);
  return out.toStrings(text);
}
