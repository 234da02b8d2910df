import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWordCounter, WordCounts } from '../../src/analyse/word-counts.js';
import { Tokenizer } from '../../src/index.js';

const tokenizer = new Tokenizer();

describe('WordCounts', () => {
  it('lists most frequent first, ties in code-point order (as sorted() does, not UTF-16 order)', () => {
    const counts = new WordCounts().add('b').add('a').add('😀').add('\uffff').add('z', 2);
    assert.deepEqual(counts.sorted(), [['z', 2], ['a', 1], ['b', 1], ['\uffff', 1], ['😀', 1]]);
    assert.equal(counts.total, 6);
    assert.equal(counts.size, 5);
  });

  it('reads back the TSV it writes, and adds up a word that comes twice', () => {
    const counts = new WordCounts().add('北京', 3).add('大学', 1);
    assert.deepEqual(WordCounts.fromTSV(counts.toTSV()).sorted(), counts.sorted());
    assert.equal(WordCounts.fromTSV('北京\t3\r\n北京\t2\n\n').get('北京'), 5);
  });

  it('refuses a bad TSV line, naming the source and the line, and bad counts', () => {
    assert.throws(() => WordCounts.fromTSV('a\t1\nb\t-2\n', 'x.tsv'), /x\.tsv: line 2: expected "word<TAB>count"/);
    assert.throws(() => WordCounts.fromTSV('\t1\n', 'x.tsv'), /line 1/);
    assert.throws(() => WordCounts.fromTSV('a\t99999999999999999999\n', 'x.tsv'), /line 1/);
    assert.throws(() => new WordCounts().add('a', 1.5), RangeError);
    assert.throws(() => new WordCounts().add('a', Number.MAX_SAFE_INTEGER).add('a'), /passes 2\^53 - 1/);
  });
});

describe('createWordCounter', () => {
  it('counts the words of the chosen mode, without whitespace and punctuation', () => {
    const text = '我来到北京清华大学，我爱北京。';
    const counts = createWordCounter(tokenizer, {})(text, new WordCounts());
    assert.equal(counts.get('北京'), 2);
    assert.equal(counts.get('，'), 0);
    assert.equal(createWordCounter(tokenizer, { mode: 'search' })(text, new WordCounts()).get('大学'), 1);
    assert.equal(createWordCounter(tokenizer, { minLength: 2 })(text, new WordCounts()).get('我'), 0);
    assert.equal(createWordCounter(tokenizer, { stopWords: ['北京'] })(text, new WordCounts()).get('北京'), 0);
    const nouns = createWordCounter(tokenizer, { allowPOS: ['ns'] })(text, new WordCounts());
    assert.deepEqual(nouns.sorted(), [['北京', 2]]);
  });

  it('refuses options of the wrong type', () => {
    assert.throws(() => createWordCounter(tokenizer, { mode: 'fast' as 'all' }), RangeError);
    assert.throws(() => createWordCounter(tokenizer, { minLength: -1 }), /minLength/);
    assert.throws(() => createWordCounter(tokenizer, { allowPOS: 'n' as unknown as string[] }), /allowPOS/);
    assert.throws(() => createWordCounter(tokenizer, { allowPOS: ['n'], mode: 'all' }), /cannot go with mode 'all'/);
  });
});
