import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as jieba from '../src/index.js';
import { Tokenizer, cut, cutAll, cutForSearch, tokenize } from '../src/index.js';
import { RandomText } from '../compat/random-text.js';
import { dictionaryWords } from '../compat/inputs.js';

describe('Tokenizer API', () => {
  it('exports the contract names, bound to a default instance', () => {
    assert.deepEqual(Object.keys(jieba).sort(), [
      'ANALYZER_STOP_WORDS', 'BIG_DICTIONARY', 'CUT_MODES', 'CorpusError', 'DEFAULT_DICTIONARY', 'DictionaryError', 'DictionaryTrainer', 'FetchError', 'IDF_TABLE', 'ImageError', 'InvalidUtf8Error',
      'NewWordFinder', 'OFFSET_UNITS', 'PADDLE_MODEL', 'POS_MODEL', 'TOKENIZE_MODES', 'TextRank', 'TfIdf', 'Tokenizer', 'WordCounts',
      'addWord', 'barChartSvg', 'chartHtml', 'chartSvg', 'chineseAnalyzer', 'countWords', 'cut', 'cutAll', 'cutForSearch', 'default', 'delWord', 'discoverWords', 'extractTags', 'layoutCloud', 'load', 'loadUserDict', 'lunrPlugin',
      'oramaTokenizer', 'porterStem', 'queryTokenizer', 'searchTokenizer', 'setDictionary', 'setIdf',
      'setStopWords', 'suggestFreq', 'tag', 'textRank', 'tokenize', 'trainDictionary', 'wordCloudSvg',
    ]);
    // The default export holds the same bound functions, for `import jieba from 'jieba-ts'; jieba.cut(...)`.
    for (const [name, value] of Object.entries(jieba.default)) assert.equal(value, (jieba as Record<string, unknown>)[name], name);
    assert.deepEqual(Object.keys(jieba.default).sort(), Object.keys(jieba).filter((name) => name !== 'default').sort());
    const { cut: detached } = jieba;
    assert.deepEqual(detached('我来到北京清华大学'), ['我', '来到', '北京', '清华大学']);
    assert.deepEqual(cutAll('我来到北京清华大学'), ['我', '来到', '北京', '清华', '清华大学', '华大', '大学']);
    assert.deepEqual(cutForSearch('中国科学院'), ['中国', '科学', '学院', '科学院', '中国科学院']);
    assert.deepEqual(tokenize('永和服装'), [
      { word: '永和', start: 0, end: 2 },
      { word: '服装', start: 2, end: 4 },
    ]);
  });

  it('gives separate instances the same answers', () => {
    const a = new Tokenizer();
    const b = new Tokenizer({ eager: true });
    const text = '他来到了网易杭研大厦，小明硕士毕业于中国科学院计算所';
    assert.deepEqual(a.cut(text), b.cut(text));
    assert.deepEqual(b.cut(text), cut(text));
  });

  it('honours hmm: false', () => {
    assert.deepEqual(cut('他来到了网易杭研大厦', { hmm: false }), ['他', '来到', '了', '网易', '杭', '研', '大厦']);
    assert.deepEqual(cut('他来到了网易杭研大厦', { hmm: true }), ['他', '来到', '了', '网易', '杭研', '大厦']);
  });

  it('rejects non-string input and unknown tokenize modes with clear errors', () => {
    assert.throws(() => cut(42 as unknown as string), { name: 'TypeError', message: /cut\(\) expects a string or UTF-8 bytes \(a Uint8Array\), got number/ });
    assert.throws(() => cutAll(null as unknown as string), /cutAll\(\) expects a string or UTF-8 bytes \(a Uint8Array\), got null/);
    assert.throws(() => tokenize('x', { mode: 'fast' as 'default' }), { name: 'RangeError' });
  });

  it('returns nothing for empty input', () => {
    assert.deepEqual(cut(''), []);
    assert.deepEqual(cutAll(''), []);
    assert.deepEqual(cutForSearch(''), []);
    assert.deepEqual(tokenize(''), []);
  });

  it('keeps text.slice(start, end) === word, never splits a surrogate pair, and tiles the text', () => {
    const generator = new RandomText(99, dictionaryWords());
    for (let n = 0; n < 500; n++) {
      const text = generator.next();
      for (const hmm of [true, false]) {
        const tokens = tokenize(text, { hmm });
        let position = 0;
        for (const { word, start, end } of tokens) {
          assert.equal(text.slice(start, end), word);
          assert.equal(start, position, 'default-mode tokens tile the text');
          position = end;
          const first = word.charCodeAt(0);
          const last = word.charCodeAt(word.length - 1);
          assert.ok(!(first >= 0xdc00 && first <= 0xdfff && start > 0 && (text.charCodeAt(start - 1) & 0xfc00) === 0xd800), 'starts inside a pair');
          assert.ok(!(last >= 0xd800 && last <= 0xdbff && (text.charCodeAt(end) & 0xfc00) === 0xdc00), 'ends inside a pair');
        }
        assert.equal(position, text.length);
        assert.equal(cut(text, { hmm }).join(''), text);
        for (const { word, start, end } of tokenize(text, { hmm, mode: 'search' })) assert.equal(text.slice(start, end), word);
      }
    }
  });

  it('packs only the last text\'s tags, after a longer text was tagged', () => {
    // The tags of tagged words are kept in an array reused from text to
    // text, which a longer text leaves longer than the next one needs.
    const tokenizer = new Tokenizer();
    const long = '我来到北京清华大学，他来到了网易杭研大厦。小明硕士毕业于中国科学院计算所，后在日本京都大学深造。'.repeat(3);
    const short = '我爱北京天安门';
    const expected = tokenizer.tag(short);
    tokenizer.tag(long);
    const { offsets, tags, names } = tokenizer.tagOffsets(short, true);
    assert.equal(tags.length, expected.length);
    assert.deepEqual(
      Array.from(tags, (n, i) => ({ word: short.slice(offsets[2 * i], offsets[2 * i + 1]), tag: names[n] })),
      expected,
    );
    tokenizer.tag(long);
    const packed = tokenizer.packed('tag', short, undefined);
    assert.ok(packed.kind === 'tagged');
    assert.equal(packed.tags.length, expected.length);
    assert.deepEqual(tokenizer.tag(short), expected);
  });

  it('handles a long line in one piece', () => {
    const line = '我们在北京召开了全国网络安全和信息化工作会议。'.repeat(20000);
    const words = cut(line);
    assert.equal(words.join(''), line);
    assert.equal(words.length, 20000 * cut('我们在北京召开了全国网络安全和信息化工作会议。').length);
  });
});
