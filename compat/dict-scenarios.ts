/**
 * Dictionary scenarios for the differential harness: a main dictionary and
 * a sequence of operations (user dictionaries, addWord, delWord,
 * suggestFreq, setDictionary) interleaved with cuts. compat/dict_oracle.py
 * runs them in Python; {@link runScenario} runs them in jieba-ts.
 *
 * Paths in scenarios are relative to the repository root.
 *
 * @module
 */

import { fileURLToPath } from 'node:url';
import { Tokenizer } from '../src/index.js';
import { runJsonLinesOracle } from './oracle-client.js';
import { seededRandom } from './random-text.js';

/** One operation; see compat/dict_oracle.py for the meaning of each. */
export type Operation =
  | ['load_userdict', string]
  | ['add_word', string, number | null, string | null]
  | ['del_word', string]
  | ['suggest_freq', string | string[], boolean]
  | ['set_dictionary', string]
  | ['cut', string, boolean]
  | ['cut_all', string]
  | ['search', string, boolean]
  | ['tag', string, boolean]
  | ['total']
  | ['freq', string];

/** A main dictionary (null: the default) and operations on a fresh tokenizer. */
export interface Scenario {
  dict: string | null;
  ops: Operation[];
}

/** What an operation returned. */
export type OpResult = null | number | string[] | { error: string };

const root = new URL('../../', import.meta.url);

/** Absolute path of a repository-relative path. */
export function repoFile(path: string): string {
  return fileURLToPath(new URL(path, root));
}

/** Run `scenario` in jieba-ts. */
export function runScenario(scenario: Scenario): OpResult[] {
  const tokenizer = new Tokenizer(scenario.dict === null ? {} : { dict: repoFile(scenario.dict) });
  return scenario.ops.map((op): OpResult => {
    try {
      switch (op[0]) {
        case 'load_userdict':
          tokenizer.loadUserDict(repoFile(op[1]));
          return null;
        case 'add_word':
          tokenizer.addWord(op[1], op[2] ?? undefined, op[3] ?? undefined);
          return null;
        case 'del_word':
          tokenizer.delWord(op[1]);
          return null;
        case 'suggest_freq':
          return tokenizer.suggestFreq(op[1], op[2]);
        case 'set_dictionary':
          tokenizer.setDictionary(repoFile(op[1]));
          return null;
        case 'cut':
          return tokenizer.cut(op[1], { hmm: op[2] });
        case 'cut_all':
          return tokenizer.cutAll(op[1]);
        case 'search':
          return tokenizer.cutForSearch(op[1], { hmm: op[2] });
        case 'tag':
          return tokenizer.tag(op[1], { hmm: op[2] }).flatMap(({ word, tag }) => [word, tag]);
        case 'total':
          return tokenizer.total;
        case 'freq':
          return tokenizer.wordFrequency(op[1]) ?? null;
      }
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
}

/** Python's results for each scenario (cwd: the repository root). */
export function runScenariosInPython(scenarios: readonly Scenario[]): Promise<OpResult[][]> {
  return runJsonLinesOracle('dict_oracle.py', scenarios);
}

/** Whether two results agree; errors agree when both sides failed. */
export function sameResult(expected: OpResult, actual: OpResult): boolean {
  if (expected !== null && typeof expected === 'object' && 'error' in expected) {
    return actual !== null && typeof actual === 'object' && 'error' in actual;
  }
  return JSON.stringify(expected) === JSON.stringify(actual);
}

/**
 * Seeded random scenarios: words from the dictionary and made up (Han, ASCII,
 * with spaces), added with no, zero, small and large frequencies and tags,
 * deleted, tuned with suggestFreq both ways, and cut in every mode in texts
 * built around them.
 */
export function randomScenarios(seed: number, count: number, dictionaryWords: readonly string[]): Scenario[] {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const han = (length: number): string => {
    let word = '';
    for (let i = 0; i < length; i++) word += String.fromCharCode(0x4e00 + int(0x9fd5 - 0x4e00 + 1));
    return word;
  };
  const newWord = (): string => {
    const roll = random();
    if (roll < 0.35) return pick(dictionaryWords) + pick(dictionaryWords);
    if (roll < 0.55) return pick(dictionaryWords);
    if (roll < 0.75) return han(1 + int(4));
    if (roll < 0.85) return pick(['iPhone', 'GPT4', 'k8s', 'a', 'C++', 'x_y', '3.14', 'e-mail']);
    if (roll < 0.95) return pick(dictionaryWords) + ' ' + pick(dictionaryWords);
    return pick(dictionaryWords).slice(0, 1);
  };
  const scenarios: Scenario[] = [];
  for (let s = 0; s < count; s++) {
    const words = Array.from({ length: 3 + int(6) }, newWord);
    const text = (): string => {
      let t = '';
      for (let i = 0, n = 2 + int(8); i < n; i++) {
        t += random() < 0.5 ? pick(words) : pick(dictionaryWords);
        if (random() < 0.2) t += pick(['，', '。', ' ', '\n', 'abc', '12.5%']);
      }
      return t;
    };
    const ops: Operation[] = [];
    for (let n = 0, length = 8 + int(25); n < length; n++) {
      const roll = random();
      const word = pick(words);
      if (roll < 0.25) {
        const freq = pick([null, null, 0, 1, 3, 100, 5000, 1000000]);
        ops.push(['add_word', word, freq, random() < 0.3 ? pick(['n', 'nz', 'v']) : null]);
      } else if (roll < 0.32) ops.push(['del_word', word]);
      else if (roll < 0.4) ops.push(['suggest_freq', word, random() < 0.5]);
      else if (roll < 0.47 && word.length > 1) {
        const cut = 1 + int(word.length - 1);
        ops.push(['suggest_freq', [word.slice(0, cut), word.slice(cut)], random() < 0.5]);
      } else if (roll < 0.67) ops.push(['cut', text(), random() < 0.5]);
      else if (roll < 0.77) ops.push(['cut_all', text()]);
      else if (roll < 0.85) ops.push(['search', text(), random() < 0.5]);
      else if (roll < 0.9) ops.push(['tag', text(), random() < 0.5]);
      else if (roll < 0.93) ops.push(['total']);
      else ops.push(['freq', random() < 0.8 ? word : word.slice(0, 1)]);
    }
    scenarios.push({ dict: null, ops });
  }
  return scenarios;
}
