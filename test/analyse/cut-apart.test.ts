import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CutApartCounts, type BaseWords, type TrainedWords } from '../../src/analyse/cut-apart.js';

/** `wordEnds` of a sentence given as words: where the word holding each unit ends. */
function wordEndsOf(words: string[]): { text: string; wordEnds: Int32Array } {
  const text = words.join('');
  const wordEnds = new Int32Array(text.length);
  let at = 0;
  for (const word of words) {
    wordEnds.fill(at + word.length, at, at + word.length);
    at += word.length;
  }
  return { text, wordEnds };
}

function noteTimes(counts: CutApartCounts, words: string[], start: number, end: number, times: number): void {
  const { text, wordEnds } = wordEndsOf(words);
  for (let i = 0; i < times; i++) counts.note(text.slice(start, end), text, start, end, wordEnds);
}

function trainedWords(entries: [string, number][]): TrainedWords {
  return { frequencies: new Map(entries), tags: new Map(entries.map(([word]) => [word, 'n'])), split: new Set() };
}

const total = (words: TrainedWords): number => [...words.frequencies.values()].reduce((a, b) => a + b, 0);

/** A base of every word, each tagged `n` unless `tags` says otherwise, less the words of `not`. */
function baseWords(tags: Record<string, string> = {}, not: string[] = []): BaseWords {
  return { has: (word) => !not.includes(word), tagOf: (word) => tags[word] ?? 'n' };
}

describe('CutApartCounts', () => {
  it('gives a word cut apart more often than written whole the frequency suggest_freq gives its parts, and the HMM splits it', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['他', '就', '是', '我'], 1, 3, 2);
    const words = trainedWords([['就', 4000], ['是', 5000], ['就是', 3000], ['他', 1000], ['我', 1000]]);
    const before = total(words);
    const lowered = cutApart.lower(words, new Map([['就是', 1]]), baseWords());
    assert.equal(lowered.cutApart, 1);
    assert.equal(words.frequencies.get('就是'), Math.floor((4000 / before) * (5000 / before) * before));
    assert.ok(words.split.has('就是'));
    // Written whole as often as cut apart: kept.
    const even = trainedWords([['就', 4000], ['是', 5000], ['就是', 3000]]);
    assert.equal(cutApart.lower(even, new Map([['就是', 2]]), baseWords()).cutApart, 0);
    assert.equal(even.frequencies.get('就是'), 3000);
  });

  it('leaves a word out, tag and all, where suggest_freq gives 0', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['一', '个'], 0, 2, 3);
    const words = trainedWords([['一', 10], ['个', 10], ['一个', 5000]]);
    cutApart.lower(words, new Map(), baseWords());
    assert.equal(words.frequencies.has('一个'), false);
    assert.equal(words.tags.has('一个'), false);
  });

  it('cuts the base words never seen, of a length the corpus mostly cuts apart, into their most probable two words', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['北京', '大学'], 0, 4, 15);
    noteTimes(cutApart, ['中国', '银行'], 0, 4, 5);
    const entries: [string, number][] = [
      ['北京', 9000], ['大学', 9000], ['中国', 9000], ['银行', 9000], ['清华', 3000], ['华大', 10], ['清', 500], ['大', 2000], ['学', 2000],
      ['北京大学', 50], ['中国银行', 50], ['清华大学', 900], ['乌鲁木齐', 900], ['研究生', 900], ['人民大学', 900],
    ];
    const words = trainedWords(entries);
    const before = total(words);
    // 人民大学 is no word of the base here; 北京大学 and 中国银行 are seen; 乌鲁木齐 has no cut into two words.
    const lowered = cutApart.lower(words, new Map([['北京', 20], ['大学', 20]]), baseWords({}, ['人民大学']));
    assert.deepEqual(lowered.verdicts, [
      { length: 2, whole: 40, apart: 0, cut: false },
      { length: 2, tag: 'n', whole: 40, apart: 0, cut: false },
      { length: 4, whole: 0, apart: 20, cut: true },
      { length: 4, tag: 'n', whole: 0, apart: 20, cut: true },
    ]);
    assert.equal(lowered.unseen, 1);
    const best = Math.max((3000 / before) * (9000 / before), (500 / before) * (10 / before));
    assert.equal(words.frequencies.get('清华大学'), Math.floor(best * before));
    assert.equal(words.split.has('清华大学'), false, 'not the HMM\'s to split');
    for (const word of ['乌鲁木齐', '研究生', '人民大学']) assert.equal(words.frequencies.get(word), 900, word);
  });

  it('weighs every cut before it changes a frequency: the order of the words does not matter', () => {
    const result = (order: 'forward' | 'backward'): [string, number][] => {
      const cutApart = new CutApartCounts();
      noteTimes(cutApart, ['北京', '大学'], 0, 4, 20);
      noteTimes(cutApart, ['北京', '大学', '校长'], 0, 6, 20);
      // 北京大学校长 (six) cuts into 北京大学 (four, lowered too) and 校长.
      const entries: [string, number][] = [['北京', 9000], ['大学', 9000], ['校长', 9000], ['清华大学', 4000], ['清华', 3000], ['清华大学校长', 900]];
      const words = trainedWords(order === 'forward' ? entries : [...entries].reverse());
      cutApart.lower(words, new Map(), baseWords());
      return [...words.frequencies].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    };
    assert.deepEqual(result('forward'), result('backward'));
  });

  it('judges no length on fewer than 20 times, nor where whole is as common as apart', () => {
    const few = new CutApartCounts();
    noteTimes(few, ['北京', '大学'], 0, 4, 19);
    const words = trainedWords([['北京', 9000], ['大学', 9000], ['清华', 3000], ['清华大学', 900]]);
    assert.deepEqual(few.lower(words, new Map(), baseWords()).verdicts, []);
    assert.equal(words.frequencies.get('清华大学'), 900);
    const even = new CutApartCounts();
    noteTimes(even, ['北京', '大学'], 0, 4, 10);
    const verdicts = even.lower(trainedWords([['北京大学', 10]]), new Map([['北京大学', 10]]), baseWords()).verdicts;
    assert.deepEqual(verdicts.map((verdict) => verdict.cut), [false, false]);
  });

  it('judges by length and tag where the tag is seen often enough, else by length: idioms stay whole where nouns are cut', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['北京', '大学'], 0, 4, 30);
    noteTimes(cutApart, ['不', '三', '不四'], 0, 4, 5);
    const tags = { 一心一意: 'i', 三心二意: 'i', 不三不四: 'i', 清华大学: 'nt', 北京大学: 'nt', 海尔集团: 'nz' };
    const words = trainedWords([
      ['一心', 900], ['一意', 900], ['三心', 900], ['二意', 900], ['清华', 900], ['大学', 900], ['海尔', 900], ['集团', 900],
      ['一心一意', 500], ['三心二意', 500], ['清华大学', 500], ['海尔集团', 500],
    ]);
    // Idioms: 20 times whole, 5 cut apart. Organisations (nt): 30 times cut apart.
    const lowered = cutApart.lower(words, new Map([['一心一意', 20]]), baseWords(tags));
    const four = lowered.verdicts.filter((verdict) => verdict.length === 4);
    assert.deepEqual(four, [
      { length: 4, whole: 20, apart: 35, cut: true },
      { length: 4, tag: 'i', whole: 20, apart: 5, cut: false },
      { length: 4, tag: 'nt', whole: 0, apart: 30, cut: true },
    ]);
    assert.equal(words.frequencies.get('三心二意'), 500, 'an idiom never seen: its tag keeps it whole');
    assert.ok(!(words.frequencies.get('清华大学')! >= 500), 'nt: cut');
    assert.ok(!(words.frequencies.get('海尔集团')! >= 500), 'nz, seen too rarely: the length decides');
  });
});
