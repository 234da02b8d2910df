import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CutApartCounts, type TrainedWords } from '../../src/analyse/cut-apart.js';

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

describe('CutApartCounts', () => {
  it('gives a word cut apart more often than written whole the frequency suggest_freq gives its parts, and the HMM splits it', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['他', '就', '是', '我'], 1, 3, 2);
    const words = trainedWords([['就', 4000], ['是', 5000], ['就是', 3000], ['他', 1000], ['我', 1000]]);
    const before = total(words);
    const lowered = cutApart.lower(words, new Map([['就是', 1]]), () => true);
    assert.equal(lowered.cutApart, 1);
    assert.equal(words.frequencies.get('就是'), Math.floor((4000 / before) * (5000 / before) * before));
    assert.ok(words.split.has('就是'));
    // Written whole as often as cut apart: kept.
    const even = trainedWords([['就', 4000], ['是', 5000], ['就是', 3000]]);
    assert.equal(cutApart.lower(even, new Map([['就是', 2]]), () => true).cutApart, 0);
    assert.equal(even.frequencies.get('就是'), 3000);
  });

  it('leaves a word out, tag and all, where suggest_freq gives 0', () => {
    const cutApart = new CutApartCounts();
    noteTimes(cutApart, ['一', '个'], 0, 2, 3);
    const words = trainedWords([['一', 10], ['个', 10], ['一个', 5000]]);
    cutApart.lower(words, new Map(), () => true);
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
    const lowered = cutApart.lower(words, new Map([['北京', 20], ['大学', 20]]), (word) => word !== '人民大学');
    assert.deepEqual(lowered.judged, [4]);
    assert.equal(lowered.lengths.apart[4], 20);
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
      cutApart.lower(words, new Map(), () => true);
      return [...words.frequencies].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    };
    assert.deepEqual(result('forward'), result('backward'));
  });

  it('judges no length on fewer than 20 times, nor where whole is as common as apart', () => {
    const few = new CutApartCounts();
    noteTimes(few, ['北京', '大学'], 0, 4, 19);
    const words = trainedWords([['北京', 9000], ['大学', 9000], ['清华', 3000], ['清华大学', 900]]);
    assert.deepEqual(few.lower(words, new Map(), () => true).judged, []);
    assert.equal(words.frequencies.get('清华大学'), 900);
    const even = new CutApartCounts();
    noteTimes(even, ['北京', '大学'], 0, 4, 10);
    assert.deepEqual(even.lower(trainedWords([['北京大学', 10]]), new Map([['北京大学', 10]]), () => true).judged, []);
  });
});
