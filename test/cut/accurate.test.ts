import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutWithHmm, cutWithoutHmm } from '../../src/cut/accurate.js';
import { RouteScratch } from '../../src/route/route.js';
import { defaultDictionary, defaultFinalseg, ENGINE_CASES, wordsOf } from '../support/engine-cases.js';

describe('accurate mode over one block (__cut_DAG, __cut_DAG_NO_HMM)', () => {
  const dictionary = defaultDictionary();
  const route = new RouteScratch();

  it('cuts with the HMM as Python does', () => {
    const finalseg = defaultFinalseg();
    for (const { text, hmm } of ENGINE_CASES.blocks) {
      assert.deepEqual(wordsOf(text, (out) => cutWithHmm(dictionary, finalseg, text, 0, text.length, route, out)), hmm, text);
    }
  });

  it('cuts without the HMM as Python does, gluing single letters and digits', () => {
    for (const { text, noHmm } of ENGINE_CASES.blocks) {
      assert.deepEqual(wordsOf(text, (out) => cutWithoutHmm(dictionary, text, 0, text.length, route, out)), noHmm, text);
    }
  });
});
