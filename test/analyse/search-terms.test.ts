import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSearchTerms, halfWidth } from '../../src/analyse/search-terms.js';
import { Tokenizer } from '../../src/index.js';

const tokenizer = new Tokenizer();

describe('createSearchTerms', () => {
  it("indexes cutForSearch's words and queries cut's, without whitespace and punctuation", () => {
    const text = '我在清华大学学习，  iPhone 很好！';
    const index = createSearchTerms(tokenizer, 'index')(text);
    const query = createSearchTerms(tokenizer, 'query')(text);
    const wordsOnly = (words: string[]) => words.filter((w) => /[\p{L}\p{N}]/u.test(w));
    assert.deepEqual(index, wordsOnly(tokenizer.cutForSearch(text)));
    assert.deepEqual(query, wordsOnly(tokenizer.cut(text)));
    assert.ok(index.includes('大学') && index.includes('清华大学') && !query.includes('大学'));
    assert.ok(!index.includes('，') && !index.includes(' '));
  });

  it('folds width before cutting, so that full-width Latin is one word, and case after', () => {
    assert.deepEqual(createSearchTerms(tokenizer, 'query', { foldWidth: true })('ｉＰｈｏｎｅ１２'), ['iPhone12']);
    assert.deepEqual(createSearchTerms(tokenizer, 'query', { foldWidth: true, foldCase: true })('ｉＰｈｏｎｅ１２'), ['iphone12']);
    // Cased after cutting: the dictionary's T恤 stays one word.
    assert.deepEqual(createSearchTerms(tokenizer, 'query', { foldCase: true })('T恤'), ['t恤']);
    assert.deepEqual(createSearchTerms(tokenizer, 'query')('ｉＰｈｏｎｅ').length, 6);
  });

  it('drops stop words, compared after folding', () => {
    const terms = createSearchTerms(tokenizer, 'query', { foldCase: true, stopWords: ['the', '的'] })('The 中国的 THE 人');
    assert.deepEqual(terms, ['中国', '人']);
  });

  it('uses the tokenizer it is given, and the HMM unless told not to', () => {
    const own = new Tokenizer();
    own.addWord('石墨烯');
    assert.deepEqual(createSearchTerms(tokenizer, 'query', { tokenizer: own })('石墨烯'), ['石墨烯']);
    assert.deepEqual(createSearchTerms(tokenizer, 'query', { hmm: false })('杭研'), tokenizer.cut('杭研', { hmm: false }));
  });

  it('refuses options of the wrong type, naming the function', () => {
    assert.throws(() => createSearchTerms(tokenizer, 'index', { foldCase: 1 as unknown as boolean }), /searchTokenizer\(\) option foldCase must be true or false/);
    assert.throws(() => createSearchTerms(tokenizer, 'query', { stopWords: 'the' }), /queryTokenizer\(\) option stopWords must be an array or set/);
    assert.throws(() => createSearchTerms(tokenizer, 'query')(null as unknown as string), /expects a string/);
  });
});

describe('halfWidth', () => {
  it('maps U+FF01-U+FF5E and U+3000 one for one, and nothing else', () => {
    assert.equal(halfWidth('ＡＢＣ　１２３！～'), 'ABC 123!~');
    assert.equal(halfWidth('中文、。'), '中文、。', 'ideographic punctuation has no half-width form here');
    assert.equal(halfWidth('，'), ',', 'U+FF0C is a full-width comma');
    const text = '全角ＡＢＣ';
    assert.equal(halfWidth(text).length, text.length);
    const plain = 'no change';
    assert.equal(halfWidth(plain), plain);
  });
});
