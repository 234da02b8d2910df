import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusError, DictionaryTrainer } from '../../src/analyse/train.js';
import { B, E, M, MIN_FLOAT, S } from '../../src/hmm/model.js';
import { Tokenizer, trainDictionary } from '../../src/index.js';
import { sharedModels } from '../../src/node-platform.js';
import { HAN_FIRST } from '../../src/text/char-classes.js';

const CORPUS = ['杭研 大厦 很 高', '我 在 杭研 大厦 工作', '杭研 的 同事 来 了', 'iPhone 杭研 版'];

describe('DictionaryTrainer', () => {
  it('counts the words and re-estimates the HMM from the runs of Han words', () => {
    const trainer = new DictionaryTrainer();
    for (const line of CORPUS) trainer.add(line);
    assert.equal(trainer.words, 17);
    const { dictionary, hmm } = trainer.build();
    // No base: frequencies are the counts.
    assert.equal(dictionary.frequencyOf('杭研', 0, 2), 4);
    assert.equal(dictionary.total, 17);
    // Runs start with 杭 (B) in lines 1 and 3 and after "iPhone" in line 4, with 我 (S) in line 2.
    assert.equal(hmm.start[B], Math.log(3 / 4));
    assert.equal(hmm.start[S], Math.log(1 / 4));
    assert.equal(hmm.start[M], MIN_FLOAT);
    assert.equal(hmm.start[E], MIN_FLOAT);
    // B is always followed by E here (two-character words only).
    assert.equal(hmm.trans[4 * B + E], 0);
    assert.equal(hmm.trans[4 * B + M], MIN_FLOAT);
    // 杭 is emitted by B only.
    const row = 4 * ('杭'.charCodeAt(0) - HAN_FIRST);
    assert.ok(hmm.emit[row + B]! > MIN_FLOAT);
    assert.equal(hmm.emit[row + S], MIN_FLOAT);
  });

  it('merges into a base with the weight that makes the corpus weigh `ratio` times its total', () => {
    const base = sharedModels.defaultData();
    const trainer = new DictionaryTrainer();
    for (const line of CORPUS) trainer.add(line);
    const { dictionary, weight } = trainer.build({ base: { dictionary: base.base, hmm: base.model }, ratio: 2 });
    assert.equal(weight, Math.round((2 * base.base.total) / 17));
    assert.equal(dictionary.frequencyOf('杭研', 0, 2), 4 * weight);
    assert.equal(dictionary.frequencyOf('大厦', 0, 2), base.base.frequencyOf('大厦', 0, 2) + 2 * weight);
    assert.equal(dictionary.frequencyOf('清华大学', 0, 4), base.base.frequencyOf('清华大学', 0, 4), 'base words the corpus lacks keep their frequency');
  });

  it('reads tagged corpora, and names the line of a word without its tag', () => {
    const trainer = new DictionaryTrainer({ tags: 'slash' });
    trainer.add('杭研/nt 大厦/n', 'c.txt', 1);
    assert.equal(trainer.build().dictionary.tagOf('杭研', 0, 2), 'nt');
    assert.throws(() => trainer.add('杭研/nt 大厦', 'c.txt', 7), (error: Error) => error instanceof CorpusError && /c\.txt: line 7: "大厦" has no \/tag/.test(error.message));
  });

  it('is deterministic: the same corpus gives the same bytes', () => {
    const a = trainDictionary(CORPUS, { base: null });
    const b = trainDictionary([...CORPUS], { base: null });
    assert.deepEqual(a.image, b.image);
    assert.equal(a.text, b.text);
  });
});

describe('trainDictionary', () => {
  it('makes a tokenizer cut as the corpus does, HMM included', () => {
    const text = '杭研的同事来了';
    const { image, words } = trainDictionary(CORPUS);
    assert.equal(words, 17);
    const trained = new Tokenizer({ dict: image });
    assert.deepEqual(trained.cut(text, { hmm: false }), ['杭研', '的', '同事', '来', '了']);
    assert.notDeepEqual(new Tokenizer().cut(text, { hmm: false }), trained.cut(text, { hmm: false }));
  });
});
