import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrefixMatches } from '../../src/dictionary/dictionary.js';
import { cutAll } from '../../src/cut/full.js';
import { defaultDictionary, ENGINE_CASES, wordsOf } from '../support/engine-cases.js';

describe('full mode over one block (__cut_all)', () => {
  it('lists every dictionary word as Python does', () => {
    const dictionary = defaultDictionary();
    const row = new PrefixMatches();
    for (const { text, all } of ENGINE_CASES.blocks) {
      assert.deepEqual(wordsOf(text, (out) => cutAll(dictionary, text, 0, text.length, row, out)), all, text);
    }
  });
});
