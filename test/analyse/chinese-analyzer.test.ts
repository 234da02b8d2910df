import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANALYZER_STOP_WORDS, createChineseAnalyzer, type ChineseAnalyzerOptions } from '../../src/analyse/chinese-analyzer.js';
import { Tokenizer } from '../../src/index.js';
import { readJsonFixture } from '../support/fixtures.js';

type Row = [text: string, original: string, pos: number, startChar: number, endChar: number];

/** jieba.analyse.ChineseAnalyzer(**options) over a few texts (test/fixtures/python/analyzer.json). */
const FACTS = readJsonFixture<{ texts: string[]; options: Record<string, Row[][]> }>('python/analyzer.json');

/** Python's options, in jieba-ts's names. */
const OPTIONS: Record<string, ChineseAnalyzerOptions> = {
  default: {},
  noStopWords: { stopWords: null },
  minSize2: { minSize: 2 },
  minSize3: { minSize: 3 },
  stopWords: { stopWords: ['北京', 'runn', 'running', 'foxes'] },
  upperStem: { stem: (term) => term.toUpperCase() },
};

const tokenizer = new Tokenizer();

describe('createChineseAnalyzer', () => {
  for (const [name, options] of Object.entries(OPTIONS)) {
    it(`gives Python's tokens with options ${name}`, () => {
      const analyze = createChineseAnalyzer(tokenizer, options);
      FACTS.texts.forEach((text, i) => {
        const rows = analyze(text).map((t): Row => [t.text, t.original, t.pos, t.startChar, t.endChar]);
        assert.deepEqual(rows, FACTS.options[name]![i], `${name}: ${JSON.stringify(text)}`);
      });
    });
  }

  it('has the Python facts for every option it is tested with', () => {
    assert.deepEqual(Object.keys(FACTS.options).sort(), Object.keys(OPTIONS).sort());
  });

  it('can leave terms unstemmed, which Python cannot', () => {
    const terms = createChineseAnalyzer(tokenizer, { stem: null })('Running foxes').map((t) => t.text);
    assert.deepEqual(terms, ['running', 'foxes']);
  });

  it("cuts with the tokenizer it is given, that tokenizer's words included", () => {
    const own = new Tokenizer();
    own.addWord('石墨烯');
    assert.ok(createChineseAnalyzer(tokenizer, { tokenizer: own })('石墨烯薄膜').some((t) => t.text === '石墨烯'));
    assert.ok(!createChineseAnalyzer(tokenizer)('石墨烯薄膜').some((t) => t.text === '石墨烯'));
  });

  it('offsets are UTF-16, so that each original is text.slice(startChar, endChar)', () => {
    const text = '😀😀 中文分词 Running';
    for (const token of createChineseAnalyzer(tokenizer)(text)) assert.equal(text.slice(token.startChar, token.endChar), token.original);
  });

  it("counts offsets in code points, Python's numbers, with offsets: 'codepoint' (or in UTF-8 bytes)", () => {
    const text = '😀😀 中文分词 Running 𠀀𠀁abc';
    const points = Array.from(text);
    const utf16 = createChineseAnalyzer(tokenizer)(text);
    const tokens = createChineseAnalyzer(tokenizer, { offsets: 'codepoint' })(text);
    assert.deepEqual(tokens.map((t) => t.original), utf16.map((t) => t.original));
    assert.ok(tokens.some((t) => t.startChar !== utf16.find((u) => u.original === t.original)!.startChar), 'the emoji move them');
    for (const token of tokens) {
      assert.equal(points.slice(token.startChar, token.endChar).join(''), token.original);
      assert.equal(token.pos, token.startChar);
    }
    const bytes = new TextEncoder().encode(text);
    for (const token of createChineseAnalyzer(tokenizer, { offsets: 'utf8' })(text)) {
      assert.equal(new TextDecoder().decode(bytes.subarray(token.startChar, token.endChar)), token.original);
    }
    assert.throws(() => createChineseAnalyzer(tokenizer, { offsets: 'python' as 'utf8' }), /option offsets must be/);
  });

  it('drops a lone non-Han character, an emoji included, as Python counts it: one character', () => {
    assert.deepEqual(createChineseAnalyzer(tokenizer)('😀 a 中').map((t) => t.original), ['中']);
  });

  it('refuses options of the wrong type, naming them', () => {
    const refuses = (options: unknown, pattern: RegExp) =>
      assert.throws(() => createChineseAnalyzer(tokenizer, options as ChineseAnalyzerOptions), (error: Error) => error instanceof TypeError && pattern.test(error.message));
    refuses({ stopWords: 'the' }, /stopWords must be an array or set of strings/);
    refuses({ stopWords: [1] }, /stopWords must hold strings/);
    refuses({ minSize: -1 }, /minSize must be a non-negative integer/);
    refuses({ minSize: 1.5 }, /minSize/);
    refuses({ stem: 'porter' }, /stem must be a function or null/);
    refuses({ tokenizer: {} }, /tokenizer must be a Tokenizer/);
    refuses('x', /options must be an object/);
    assert.throws(() => createChineseAnalyzer(tokenizer)(3 as unknown as string), /expects a string/);
  });

  it("stops on jieba's stop words by default, and takes a Set too", () => {
    assert.ok(ANALYZER_STOP_WORDS.includes('的'));
    const terms = createChineseAnalyzer(tokenizer, { stopWords: new Set(['中文']) })('中文 的').map((t) => t.text);
    assert.deepEqual(terms, ['的']);
  });
});
