import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dictionary, PrefixMatches } from '../../src/dictionary/dictionary.js';
import { PrefixDictionary } from '../../src/dictionary/prefix-dictionary.js';
import { pythonLog } from '../../src/math/log.js';
import { ENGINE_CASES, type DictionaryState } from '../support/engine-cases.js';

const { dictionary: facts } = ENGINE_CASES;

/** Python's get_DAG row at k: the ends of the words starting there, or [k] when there are none. */
function dagRow(dict: Dictionary, text: string, k: number, matches: PrefixMatches): number[] {
  dict.matchPrefixes(text, k, text.length, matches);
  const ends = Array.from(matches.ends.subarray(0, matches.count));
  return ends.length > 0 ? ends : [k];
}

function assertState(dict: Dictionary, state: DictionaryState, after: string): void {
  assert.equal(dict.total, state.total, `${after}: total`);
  assert.equal(dict.logTotal, pythonLog(state.total), `${after}: log(total)`);
  for (const [word, freq] of Object.entries(state.freq)) {
    assert.equal(dict.frequencyOf(word, 0, word.length), freq ?? -1, `${after}: FREQ.get(${JSON.stringify(word)})`);
  }
  const matches = new PrefixMatches();
  for (const [sentence, dag] of Object.entries(state.dag)) {
    for (const [k, ends] of Object.entries(dag)) assert.deepEqual(dagRow(dict, sentence, Number(k), matches), ends, `${after}: DAG of ${sentence} at ${k}`);
  }
}

describe('Dictionary', () => {
  it('starts as the base dictionary, pristine', () => {
    const dict = new Dictionary(PrefixDictionary.fromText(facts.text, 'small-dict.txt'));
    assert.ok(dict.isPristine);
    assertState(dict, facts.start, 'at the start');
  });

  it('follows add_word and del_word as Python does: totals only grow, prefixes become keys, a deleted word keeps its key at 0', () => {
    const dict = new Dictionary(PrefixDictionary.fromText(facts.text, 'small-dict.txt'));
    for (const op of facts.ops) {
      dict.setFrequency(op.word, op.wordFreq);
      assert.ok(!dict.isPristine);
      assertState(dict, op, `after ${op.wordFreq === 0 ? 'del_word' : 'add_word'}(${op.word}, ${op.wordFreq})`);
    }
  });

  it('leaves its base untouched, so that other dictionaries can share it', () => {
    const base = PrefixDictionary.fromText(facts.text, 'small-dict.txt');
    const changed = new Dictionary(base);
    for (const op of facts.ops) changed.setFrequency(op.word, op.wordFreq);
    assertState(new Dictionary(base), facts.start, 'a second dictionary over the same base');
  });

  it('compiles to a prefix dictionary with the same keys, frequencies and total', () => {
    const dict = new Dictionary(PrefixDictionary.fromText(facts.text, 'small-dict.txt'));
    for (const op of facts.ops) dict.setFrequency(op.word, op.wordFreq);
    const last = facts.ops.at(-1)!;
    const compiled = new Dictionary(dict.compile(new Map(), 'compiled.img'));
    assert.ok(compiled.isPristine);
    assertState(compiled, last, 'compiled');
  });
});
