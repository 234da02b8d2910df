import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Segmenter } from '../../src/cut/segmenter.js';
import { sharedModels } from '../../src/node-platform.js';
import { defaultDictionary, ENGINE_CASES, wordsOf } from '../support/engine-cases.js';

describe('Segmenter (Tokenizer.cut over whole texts)', () => {
  it('splits texts into blocks and cuts each as lcut does, in every mode', () => {
    const segmenter = new Segmenter(defaultDictionary(), sharedModels.defaultData().model);
    assert.ok(ENGINE_CASES.texts.length >= 10);
    for (const { text, hmm, noHmm, all } of ENGINE_CASES.texts) {
      assert.deepEqual(wordsOf(text, (out) => segmenter.segment(text, 'hmm', out)), hmm, JSON.stringify(text));
      assert.deepEqual(wordsOf(text, (out) => segmenter.segment(text, 'no-hmm', out)), noHmm, JSON.stringify(text));
      assert.deepEqual(wordsOf(text, (out) => segmenter.segment(text, 'all', out)), all, JSON.stringify(text));
    }
  });

  it('emits a word the HMM finds character by character once it is deleted (del_word)', () => {
    const segmenter = new Segmenter(defaultDictionary(), sharedModels.defaultData().model, new Set(['杭研']));
    // Python: jieba.del_word('杭研'); jieba.lcut('他来到了网易杭研大厦') -> 他 / 来到 / 了 / 网易 / 杭 / 研 / 大厦
    assert.deepEqual(wordsOf('他来到了网易杭研大厦', (out) => segmenter.segment('他来到了网易杭研大厦', 'hmm', out)), ['他', '来到', '了', '网易', '杭', '研', '大厦']);
  });
});
