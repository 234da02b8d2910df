import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dictionaryWords } from '../../compat/inputs.js';
import { RandomText } from '../../compat/random-text.js';
import { IdfTable } from '../../src/dictionary/idf-table.js';
import { extractTfIdf, StopWords, TfIdfScratch, type KeywordOptions, type KeywordSource } from '../../src/analyse/keywords.js';
import { DROPPED, WordTally } from '../../src/analyse/word-tally.js';
import { WordNodeBuffer } from '../../src/text/spans.js';
import { TfIdf, Tokenizer } from '../../src/index.js';
import { readJsonLinesGz } from '../support/fixtures.js';

/** The tokenizer as a keyword source without the by-node path, so extractTfIdf takes its general route. */
function generalSource(tokenizer: Tokenizer): KeywordSource {
  return { cut: (t) => tokenizer.cut(t), tag: (t) => tokenizer.tag(t) };
}

function texts(): string[] {
  const documents = readJsonLinesGz<{ text: string }>('golden/keywords/documents.jsonl.gz').map((r) => r.text);
  const generator = new RandomText(41, dictionaryWords());
  const random = Array.from({ length: 1500 }, () => generator.next());
  // Words repeated (by node and by text), English, numbers and spaces.
  const made = ['韩冰说韩冰和韩冰 iPhone iPhone 3.5% 3.5% 😀😀 😀😀\r\n\r\n 的的 ab ab The the THE 研究生命研究生命'];
  return [...made, ...documents, ...random];
}

const OPTIONS: KeywordOptions[] = [{}, { topK: null, withWeight: true }, { topK: 3, withWeight: true }, { topK: -4 }];

describe('TF-IDF by dictionary node', () => {
  it('gives what the general path gives, on goldens and random text, for every option', () => {
    const tokenizer = new Tokenizer();
    const idf = tokenizer.defaultIdf();
    const stopWords = new StopWords();
    const scratch = new TfIdfScratch();
    let differing = 0;
    let compared = 0;
    for (const text of texts()) {
      for (const options of OPTIONS) {
        const fast = extractTfIdf(tokenizer, idf, stopWords, text, options, scratch);
        const general = extractTfIdf(generalSource(tokenizer), idf, stopWords, text, options);
        compared++;
        if (JSON.stringify(fast) !== JSON.stringify(general)) differing++;
      }
    }
    assert.ok(compared > 4000);
    assert.equal(differing, 0);
  });

  it('counts each word once whether the route or the HMM found it, leaving out dropped words', () => {
    const tokenizer = new Tokenizer();
    const text = '韩冰说韩冰和韩冰 研究生命起源研究生命 iPhone8 iPhone8 起源';
    const words = new WordNodeBuffer();
    const trie = tokenizer.segmentLongWords(text, words);
    assert.ok(trie);
    const tally = new WordTally();
    const judged: string[] = [];
    const judge = (word: string): number => {
      judged.push(word);
      return word === '起源' ? DROPPED : word.length;
    };
    tally.count(text, words, trie, 'idf', 0, judge);
    const counted = Array.from({ length: tally.size }, (_, i) => [text.slice(tally.starts[i], tally.ends[i]), tally.counts[i], tally.idfIndices[i]]);
    const expected = new Map<string, number>();
    for (const word of tokenizer.cut(text)) if (word.length > 1 && word !== '起源') expected.set(word, (expected.get(word) ?? 0) + 1);
    assert.deepEqual(counted, [...expected].map(([word, n]) => [word, n, word.length]));
    assert.equal(tally.total, [...expected.values()].reduce((a, b) => a + b, 0));
    assert.equal(new Set(judged).size, judged.length, 'each word is judged once');

    // Verdicts are remembered for the same key and version, and forgotten otherwise.
    judged.length = 0;
    tally.count(text, words, trie, 'idf', 0, judge);
    assert.deepEqual(judged.filter((w) => w !== '韩冰' && w !== 'iPhone8'), []);
    tally.count(text, words, trie, 'idf', 1, judge);
    assert.ok(judged.includes('研究'));
  });

  it('keeps the verdicts of tallies that share a trie apart, interleaved, and counts each text right', () => {
    // Every tally of a trie writes into one table (node slots and verdicts):
    // two tallies whose judges disagree, counting in turns, must each see
    // only their own verdicts, and count as a tally alone does.
    const tokenizer = new Tokenizer();
    const generator = new RandomText(7, dictionaryWords());
    const docs = Array.from({ length: 40 }, () => generator.next() + generator.next());
    const lengthJudge = (word: string): number => word.length;
    const evenJudge = (word: string): number => (word.length % 2 === 0 ? DROPPED : 3 * word.length);
    const snapshot = (tally: WordTally, text: string): string =>
      JSON.stringify(Array.from({ length: tally.size }, (_, i) => [text.slice(tally.starts[i], tally.ends[i]), tally.counts[i], tally.idfIndices[i]]));
    // What a tally should give, counted here with a Map, apart from any table.
    const alone = (judge: (word: string) => number): string[] =>
      docs.map((text) => {
        const words = new WordNodeBuffer();
        tokenizer.segmentLongWords(text, words);
        const counted = new Map<string, [number, number]>();
        for (let w = 0; w < words.length; w++) {
          const word = text.slice(words.data[3 * w]!, words.data[3 * w + 1]!);
          const verdict = judge(word);
          if (verdict === DROPPED) continue;
          const seen = counted.get(word);
          if (seen) seen[0]++;
          else counted.set(word, [1, verdict]);
        }
        return JSON.stringify([...counted].map(([word, [n, verdict]]) => [word, n, verdict]));
      });
    const expectedA = alone(lengthJudge);
    const expectedB = alone(evenJudge);
    const a = new WordTally();
    const b = new WordTally();
    let judgedByB = 0;
    docs.forEach((text, i) => {
      const words = new WordNodeBuffer();
      const trie = tokenizer.segmentLongWords(text, words)!;
      a.count(text, words, trie, lengthJudge, 0, lengthJudge);
      assert.equal(snapshot(a, text), expectedA[i]);
      b.count(text, words, trie, evenJudge, 0, (word) => {
        judgedByB++;
        return evenJudge(word);
      });
      assert.equal(snapshot(b, text), expectedB[i]);
    });
    assert.ok(judgedByB > 100, 'b judges its words itself');
    // Extractors of one tokenizer with different stop words, in turns, agree
    // with extractors that have a tokenizer (and so a table) of their own.
    const text = docs.join('\n');
    const reference = new TfIdf(new Tokenizer()).extractTags(text, { topK: 30, withWeight: true });
    const stops = { text: reference.slice(0, 5).map((k) => k.word).join('\n') };
    const stopped = new TfIdf(new Tokenizer());
    stopped.setStopWords(stops);
    const referenceStopped = stopped.extractTags(text, { topK: 30, withWeight: true });
    assert.notDeepEqual(referenceStopped, reference);
    for (let round = 0; round < 3; round++) {
      const left = new TfIdf(tokenizer);
      const right = new TfIdf(tokenizer);
      right.setStopWords(stops);
      assert.deepEqual(right.extractTags(text, { topK: 30, withWeight: true }), referenceStopped);
      assert.deepEqual(left.extractTags(text, { topK: 30, withWeight: true }), reference);
      assert.deepEqual(right.extractTags(text, { topK: 30, withWeight: true }), referenceStopped);
    }
  });

  it('keys thousands of words outside the dictionary by their text', () => {
    const tokenizer = new Tokenizer();
    const trie = tokenizer.segmentLongWords('', new WordNodeBuffer())!;
    // Pairs of Hangul syllables: not in jieba's dictionary, so keyed by text.
    const pairs = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0xac00 + (i % 97), 0xac00 + Math.floor(i / 97)));
    const text = [...pairs, ...pairs.slice().reverse(), pairs[5]!].join('');
    const words = new WordNodeBuffer();
    for (let i = 0; i < text.length; i += 2) words.push(i, i + 2, -1);
    const tally = new WordTally();
    tally.count(text, words, trie, 'idf', 0, (word) => (word === pairs[7] ? DROPPED : 1));
    assert.equal(tally.size, 2999);
    const counts = new Map(Array.from({ length: tally.size }, (_, i) => [text.slice(tally.starts[i], tally.ends[i]), tally.counts[i]]));
    assert.deepEqual([...counts.keys()], pairs.filter((_, i) => i !== 7));
    assert.equal(counts.get(pairs[5]!), 3);
    assert.equal(counts.get(pairs[6]!), 2);
    assert.equal(tally.total, 2 * 2999 + 1);
  });

  it('judges a word outside the dictionary once across texts, and again after a change of stop words or IDF table', () => {
    const tokenizer = new Tokenizer();
    const trie = tokenizer.segmentLongWords('', new WordNodeBuffer())!;
    // Hangul: outside jieba's dictionary, so these words have no node.
    const texts = ['가나 다라마', '다라마 가나 바사아자차'];
    const judged: string[] = [];
    const judge = (word: string): number => {
      judged.push(word);
      return word === '가나' ? DROPPED : word.length;
    };
    const tally = new WordTally();
    const countAll = (idfKey: string, stopVersion: number): string[][] =>
      texts.map((text) => {
        const words = new WordNodeBuffer();
        for (const match of text.matchAll(/\S+/g)) words.push(match.index, match.index + match[0].length, -1);
        tally.count(text, words, trie, idfKey, stopVersion, judge);
        return Array.from({ length: tally.size }, (_, i) => `${text.slice(tally.starts[i], tally.ends[i])}:${tally.idfIndices[i]}`);
      });
    const expected = [['다라마:3'], ['다라마:3', '바사아자차:5']];
    assert.deepEqual(countAll('idf', 0), expected);
    // 바사아자차 is longer than the memo keeps: judged in each text it is in.
    assert.deepEqual(judged, ['가나', '다라마', '바사아자차']);
    judged.length = 0;
    assert.deepEqual(countAll('idf', 0), expected);
    assert.deepEqual(judged, ['바사아자차']);
    judged.length = 0;
    assert.deepEqual(countAll('idf', 1), expected);
    assert.deepEqual(judged, ['가나', '다라마', '바사아자차']);
    judged.length = 0;
    assert.deepEqual(countAll('other idf', 1), expected);
    assert.deepEqual(judged, ['가나', '다라마', '바사아자차']);
  });

  it('forgets what it remembered when stop words, the IDF table or the dictionary change', () => {
    const text = '全国网络安全和信息化工作会议在北京召开。网络安全和信息化是一体之两翼。';
    const tokenizer = new Tokenizer();
    const tfidf = new TfIdf(tokenizer);
    const before = tfidf.extractTags(text, { withWeight: true });
    const first = before[0]!.word;
    const stop = `${first}\n`;

    tfidf.setStopWords({ text: stop });
    const withStop = tfidf.extractTags(text, { withWeight: true });
    assert.ok(!withStop.some((k) => k.word === first));
    assert.deepEqual(withStop, new TfIdf(new Tokenizer(), { stopWords: { text: stop } }).extractTags(text, { withWeight: true }));

    tfidf.setIdf({ text: '北京 1000\n召开 1\n会议 2\n' });
    const table = IdfTable.fromText('北京 1000\n召开 1\n会议 2\n');
    const withIdf = tfidf.extractTags(text, { withWeight: true });
    assert.equal(withIdf[0]!.word, '北京');
    assert.deepEqual(withIdf, extractTfIdf(generalSource(tokenizer), table, withStopWords(stop), text, { withWeight: true }));

    tokenizer.addWord('两翼', 5);
    assert.equal(tokenizer.segmentLongWords(text, new WordNodeBuffer()), undefined);
    const afterAdd = tfidf.extractTags(text, { withWeight: true, topK: null });
    assert.ok(afterAdd.some((k) => k.word === '两翼'));
    assert.deepEqual(afterAdd, extractTfIdf(generalSource(tokenizer), table, withStopWords(stop), text, { withWeight: true, topK: null }));
  });
});

function withStopWords(text: string): StopWords {
  return new StopWords().add(text);
}
