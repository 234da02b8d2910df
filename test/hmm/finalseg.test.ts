import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutUnknown } from '../../src/hmm/finalseg.js';
import { defaultFinalseg, ENGINE_CASES, wordsOf } from '../support/engine-cases.js';

describe('finalseg.cut', () => {
  it('cuts Han runs by the HMM and splits the rest by re_skip, as Python does', () => {
    const context = defaultFinalseg();
    assert.ok(ENGINE_CASES.unknown.length >= 5);
    for (const { text, words } of ENGINE_CASES.unknown) {
      assert.deepEqual(wordsOf(text, (out) => cutUnknown(context, text, 0, text.length, out)), words, text);
    }
  });

  it('emits a word it must not produce (del_word) character by character', () => {
    const context = { ...defaultFinalseg(), forceSplit: new Set(['杭研']) };
    // Python: jieba.del_word('杭研') then finalseg's cut of 杭研 gives 杭 / 研.
    assert.deepEqual(wordsOf('杭研', (out) => cutUnknown(context, '杭研', 0, 2, out)), ['杭', '研']);
  });
});
