import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DICTIONARY, DictionaryError, Tokenizer, tag } from '../../src/index.js';
import { isHanDefault, isHanInternal } from '../../src/text/char-classes.js';
import { fixturePath } from '../support/fixtures.js';

const pairs = (words: { word: string; tag: string }[]): string[] => words.map(({ word, tag }) => `${word}/${tag}`);

describe('POS tagging', () => {
  it('tags like jieba.posseg, with and without the HMM', () => {
    // Each expectation was printed by Python jieba 0.42.1's posseg.lcut.
    assert.deepEqual(pairs(tag('我爱北京天安门')), ['我/r', '爱/v', '北京/ns', '天安门/ns']);
    assert.deepEqual(pairs(tag('他来到了网易杭研大厦')), ['他/r', '来到/v', '了/ul', '网易/n', '杭/j', '研/vn', '大厦/n']);
    assert.deepEqual(pairs(tag('他来到了网易杭研大厦', { hmm: false })), ['他/r', '来到/v', '了/ul', '网易/n', '杭/nr', '研/vn', '大厦/n']);
    assert.deepEqual(pairs(tag('3.5%的C++')), ['3.5/m', '%/x', '的/uj', 'C++/nz']);
  });

  it('uses tags given with added words, and the main dictionary\'s tags otherwise', () => {
    const tokenizer = new Tokenizer();
    tokenizer.addWord('杭研大厦', 10, 'nt');
    assert.deepEqual(pairs(tokenizer.tag('网易杭研大厦')), ['网易/n', '杭研大厦/nt']);
    tokenizer.loadUserDict(fixturePath('dict/user-formats.txt'));
    assert.ok(pairs(tokenizer.tag('李小福是创新办主任')).includes('李小福/nr'));
    const small = new Tokenizer({ dict: fixturePath('dict/small-dict.txt') });
    assert.deepEqual(pairs(small.tag('清华大学')), ['清华大学/nt']);
  });

  it('refuses a dictionary without tags, as posseg does, unless tags come from elsewhere', () => {
    const untagged = new Tokenizer({ dict: { text: '北京 10\n大学 5 n\n', name: 'untagged' } });
    assert.deepEqual(untagged.cut('北京大学'), ['北京', '大学']);
    assert.throws(() => untagged.tag('北京大学'), (error: unknown) =>
      error instanceof DictionaryError && error.message === 'invalid POS dictionary entry in untagged at line 1: "北京 10"');
    const withDefaultTags = new Tokenizer({ dict: { text: '北京 10\n大学 5 n\n' }, tagDict: DEFAULT_DICTIONARY });
    assert.deepEqual(pairs(withDefaultTags.tag('北京大学')), ['北京/ns', '大学/n']);
  });

  it('tags a dictionary key of frequency 0 with its tag, with or without the HMM (Python 0.42.1 output)', () => {
    // python3: jieba.posseg.POSTokenizer(jieba.Tokenizer(path)).cut('北北京中国', HMM=False) with this dict.txt
    const tokenizer = new Tokenizer({ dict: { text: '中国 10 ns\n北京 8 ns\n北 0 v\n' } });
    const expected = [{ word: '北', tag: 'v' }, { word: '北京', tag: 'ns' }, { word: '中国', tag: 'ns' }];
    assert.deepEqual(tokenizer.tag('北北京中国', { hmm: false }), expected);
    assert.deepEqual(tokenizer.tag('北北京中国'), expected);
  });

  it('keeps tags through a compiled image', () => {
    const tokenizer = new Tokenizer();
    tokenizer.addWord('杭研大厦', 10, 'nt');
    const copy = new Tokenizer({ dict: tokenizer.compileDictionary() });
    const text = '他来到了网易杭研大厦，在北京天安门前合影';
    assert.deepEqual(copy.tag(text), tokenizer.tag(text));
  });

  it('splits blocks on posseg\'s own class: no % or - with the Han characters', () => {
    for (let cu = 0; cu < 0x10000; cu++) {
      const expected = isHanDefault(cu) && cu !== 0x25 && cu !== 0x2d;
      assert.equal(isHanInternal(cu), expected, `U+${cu.toString(16)}`);
    }
    assert.throws(() => tag(7 as unknown as string), TypeError);
    assert.deepEqual(tag(''), []);
  });
});
