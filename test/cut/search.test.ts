import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutWithHmm } from '../../src/cut/accurate.js';
import { expandForSearch } from '../../src/cut/search.js';
import { RouteScratch } from '../../src/route/route.js';
import { SpanBuffer } from '../../src/text/spans.js';
import { defaultDictionary, defaultFinalseg, ENGINE_CASES, wordsOf } from '../support/engine-cases.js';

describe('search mode over one block (cut_for_search)', () => {
  it('puts the dictionary words inside each long word before it, as Python does', () => {
    const dictionary = defaultDictionary();
    const finalseg = defaultFinalseg();
    const route = new RouteScratch();
    for (const { text, search } of ENGINE_CASES.blocks) {
      const words = new SpanBuffer();
      cutWithHmm(dictionary, finalseg, text, 0, text.length, route, words);
      assert.deepEqual(wordsOf(text, (out) => expandForSearch(dictionary, text, words, out)), search, text);
    }
  });
});
