import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusError, DictionaryTrainer } from '../../src/analyse/train.js';
import { B, E, M, MIN_FLOAT, S } from '../../src/hmm/model.js';
import { Tokenizer, trainDictionary } from '../../src/index.js';
import { dictionaryFromBytes, encodeDictionaryImage } from '../../src/data/load.js';
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

  it('leaves out the base words that the corpus cuts apart and never writes whole, and has the HMM split them', () => {
    const data = sharedModels.defaultData();
    const base = { dictionary: data.base, hmm: data.model };
    const corpus = ['一 个 人 来 了', '他 说 的 确实 在 理', '清华大学 ， 好', '个人 的 事'];
    const trainer = new DictionaryTrainer({ base: data.base });
    const keeper = new DictionaryTrainer();
    for (const line of corpus) {
      trainer.add(line);
      keeper.add(line);
    }
    const { dictionary, hmm, dropped, lines } = trainer.build({ base });
    // 一个 spans 一 and 个, 的确 and 实在 span two words of line 2: gone. 个人 is cut apart in
    // line 1 but written whole in line 4, and 清华 or 大学 lie inside one word: kept.
    assert.deepEqual([...hmm.split!].sort(), ['一个', '实在', '的确'].sort());
    assert.equal(dropped, 3);
    for (const word of ['一个', '的确', '实在']) {
      assert.equal(dictionary.frequencyOf(word, 0, word.length) > 0, false, word);
      assert.ok(!lines.some((line) => line.startsWith(`${word} `)), word);
    }
    for (const word of ['个人', '清华', '大学', '清华大学', '确实']) assert.ok(dictionary.frequencyOf(word, 0, word.length) > 0, word);
    // Without the base while counting, every base word stays.
    const kept = keeper.build({ base });
    assert.equal(kept.dropped, 0);
    assert.equal(kept.hmm.split, undefined);
    assert.ok(kept.dictionary.frequencyOf('一个', 0, 2) > 0);
    // The image carries the words the HMM must split.
    const loaded = dictionaryFromBytes(encodeDictionaryImage(dictionary, hmm), 'trained.img', () => data);
    assert.deepEqual([...loaded.model.split!].sort(), [...hmm.split!].sort());
    assert.equal(new Tokenizer({ dict: trainDictionary(corpus).image }).cut('一个', { hmm: false }).join('/'), '一/个');
    assert.match(trainDictionary(corpus, { keepContradicted: true }).text, /^一个 \d+/m);
    assert.throws(() => trainDictionary(corpus, { keep_contradicted: true } as never), /^TypeError: jieba-ts: trainDictionary\(\) has no option keep_contradicted \(did you mean keepContradicted\?\)/);
    assert.doesNotMatch(trainDictionary(corpus).text, /^一个 \d+/m);
  });

  it('makes rarer the base words the corpus writes as words of their own more often than whole, as suggest_freq would', () => {
    const data = sharedModels.defaultData();
    const base = { dictionary: data.base, hmm: data.model };
    // 就是: twice as 就 是, once whole. 个人: twice whole, once as 个 人, and
    // twice across a word's edge (个 人才), which is no cut of it into words.
    const corpus = ['他 就 是 我', '这 就 是 了', '就是 好', '一 个 人', '个人 信息', '个人 的 事', '他 是 一 个 人才', '她 是 一 个 人才'];
    const trainer = new DictionaryTrainer({ base: data.base });
    for (const line of corpus) trainer.add(line);
    const { dictionary, hmm, weight, lowered } = trainer.build({ base });
    const frequency = (word: string): number => dictionary.frequencyOf(word, 0, word.length);
    assert.equal(lowered.cutApart, 1);
    assert.equal(lowered.unseen, 0, 'too few words of any length to judge the words never seen');
    assert.ok(frequency('就是') > 0 && frequency('就是') < data.base.frequencyOf('就是', 0, 2) + weight, 'lowered, still a word');
    // Python's suggest_freq(('就', '是')): no more probable than its parts together.
    assert.ok(frequency('就是') / dictionary.total <= (frequency('就') / dictionary.total) * (frequency('是') / dictionary.total));
    assert.equal(frequency('个人'), data.base.frequencyOf('个人', 0, 2) + 2 * weight, 'written whole more often: as weighed');
    // The HMM splits it too, where it cuts a run of single characters.
    assert.ok(hmm.split!.has('就是') && !hmm.split!.has('个人'));
    const trained = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
    assert.deepEqual(trained.cut('他就是我'), ['他', '就', '是', '我']);
    assert.deepEqual(new Tokenizer().cut('他就是我'), ['他', '就是', '我']);
    assert.deepEqual(trained.cut('个人信息'), ['个人', '信息']);
    // Kept as weighed when the contradicted words are kept, and in the CLI's dict.txt form as lowered.
    assert.match(trainDictionary(corpus, { keepContradicted: true }).text, new RegExp(`^就是 ${data.base.frequencyOf('就是', 0, 2) + weight}( |$)`, 'm'));
    assert.match(trainDictionary(corpus).text, new RegExp(`^就是 ${frequency('就是')}( |$)`, 'm'));
  });

  it('cuts the base words the corpus never shows where it cuts apart most words of their length and tag, given enough of them', () => {
    const data = sharedModels.defaultData();
    const base = { dictionary: data.base, hmm: data.model };
    const train = (lines: string[]) => {
      const trainer = new DictionaryTrainer({ base: data.base });
      for (const line of lines) trainer.add(line);
      return trainer.build({ base });
    };
    // 北京大学 (four characters) cut apart 20 times; 北京 and 大学 written whole.
    const { dictionary, hmm, lowered } = train(new Array<string>(20).fill('北京 大学 很 好'));
    const cuts = lowered.verdicts.filter((verdict) => verdict.cut);
    assert.deepEqual(cuts, [
      { length: 4, whole: 0, apart: 20, cut: true },
      { length: 4, tag: data.base.tagOf('北京大学', 0, 4), whole: 0, apart: 20, cut: true },
    ]);
    assert.ok(lowered.unseen > 1000, `${lowered.unseen} words of four characters`);
    const trained = new Tokenizer({ dict: encodeDictionaryImage(dictionary, hmm) });
    // Never seen, four characters: cut into its two most probable words, where the base keeps it whole.
    assert.deepEqual(new Tokenizer().cut('清华大学'), ['清华大学']);
    assert.deepEqual(trained.cut('清华大学'), ['清华', '大学']);
    assert.ok(dictionary.frequencyOf('清华大学', 0, 4) < data.base.frequencyOf('清华大学', 0, 4));
    assert.ok(!hmm.split!.has('清华大学'), 'words never seen are not the HMM\'s to split');
    // Words of three characters were not judged.
    assert.equal(dictionary.frequencyOf('研究生', 0, 3), data.base.frequencyOf('研究生', 0, 3));
    // 19 times is too few to speak for the words never seen.
    const few = train(new Array<string>(19).fill('北京 大学 很 好'));
    assert.deepEqual(few.lowered.verdicts.filter((verdict) => verdict.length === 4), []);
    assert.equal(few.lowered.unseen, 0);
    assert.equal(few.dictionary.frequencyOf('清华大学', 0, 4), data.base.frequencyOf('清华大学', 0, 4));
    // Written whole as often as cut apart: not most of them.
    const even = train([...new Array<string>(10).fill('北京 大学 很 好'), ...new Array<string>(10).fill('北京大学 很 好')]);
    assert.deepEqual(even.lowered.verdicts.filter((verdict) => verdict.cut), []);
  });

  it('reviews the corpus with a tokenizer of the trained dictionary: words it makes across the corpus\'s words, never written whole, go to the HMM\'s split', () => {
    const trainer = new DictionaryTrainer({ tags: 'slash' });
    for (const line of ['杭研/nt 大厦/n 很/d 高/a', '清华大学/nt 很/d 高/a', '很高/a 的/uj 楼/n']) trainer.add(line);
    const { hmm } = trainer.build();
    const cuts: Record<string, string[]> = { 杭研大厦很高: ['杭研大', '厦', '很', '高'], 清华大学很高: ['清华', '大学', '很高'] };
    trainer.review('杭研/nt 大厦/n 很/d 高/a', (text) => cuts[text]!);
    trainer.review('清华大学/nt 很/d 高/a', (text) => cuts[text]!);
    // 杭研大 spans 杭研 and 大厦; 很高 spans 很 and 高 but the corpus writes it whole; 清华 and 大学 lie inside 清华大学.
    assert.equal(trainer.reviewed, 1);
    assert.deepEqual([...trainer.reviewedHmm(hmm).split!], ['杭研大']);
    assert.equal(new DictionaryTrainer().reviewedHmm(hmm), hmm, 'nothing found: the same model');
    assert.throws(() => trainer.review('杭研 大厦', () => [], 'c.txt', 3), /c\.txt: line 3: "杭研" has no \/tag/);
  });

  it('trains on a generator, read once (no review)', () => {
    function* lines(): Generator<string> {
      yield '一 个 人 来 了';
      yield '他 说 的 确实 在 理';
    }
    const data = sharedModels.defaultData();
    const { image } = trainDictionary(lines());
    assert.deepEqual([...dictionaryFromBytes(image, 'g.img', () => data).model.split!].sort(), ['一个', '个人', '实在', '的确'].sort());
  });

  it('gives the HMM\'s split words character by character, as Python does for the words del_word removed', () => {
    const data = sharedModels.defaultData();
    assert.deepEqual(new Tokenizer({ dict: encodeDictionaryImage(data.base, data.model) }).cut('韩冰说'), ['韩冰', '说']);
    const image = encodeDictionaryImage(data.base, { ...data.model, split: new Set(['韩冰']) });
    assert.deepEqual(new Tokenizer({ dict: image }).cut('韩冰说'), ['韩', '冰', '说']);
    assert.deepEqual(new Tokenizer({ dict: image }).cut('韩冰说', { hmm: false }), ['韩', '冰', '说']);
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
