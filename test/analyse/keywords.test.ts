import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEYWORD_VARIANTS, runKeywordVariants, type KeywordFiles, type KeywordResult } from '../../compat/keywords.js';
import { IdfTable } from '../../src/dictionary/idf-table.js';
import { DictionaryError, TextRank, TfIdf, Tokenizer, extractTags, textRank } from '../../src/index.js';
import { parsePythonFloat } from '../../src/text/python-float.js';
import { comparePython, pythonLength, pythonStrip } from '../../src/text/python-str.js';
import { pythonSplitLines } from '../../src/text/char-classes.js';
import { fixturePath, readJsonLinesGz } from '../support/fixtures.js';

const news =
  '全国网络安全和信息化工作会议20日至21日在北京召开。中共中央总书记、国家主席、中央军委主席、中央网络安全和信息化委员会主任习近平出席会议并发表重要讲话。他强调，信息化为中华民族带来了千载难逢的机遇。';

/**
 * Every variant of every golden record of `golden`, run with `files`: the
 * records' count, the variants that differ from Python's, and how many
 * records the files change at all (against jieba.analyse's own).
 */
function compareWithFiles(golden: string, files: KeywordFiles): { records: number; failures: string[]; differFromDefault: number } {
  const records = readJsonLinesGz<Record<string, KeywordResult> & { text: string }>(golden);
  const failures: string[] = [];
  let differFromDefault = 0;
  for (const record of records) {
    const actual = runKeywordVariants(record.text, files);
    if (JSON.stringify(actual) !== JSON.stringify(runKeywordVariants(record.text))) differFromDefault++;
    for (const variant of Object.keys(KEYWORD_VARIANTS)) {
      if (JSON.stringify(actual[variant]) !== JSON.stringify(record[variant])) failures.push(`${variant}: ${record.text.slice(0, 40)}`);
    }
  }
  return { records: records.length, failures, differFromDefault };
}

describe('keywords against jieba.analyse', () => {
  it('reproduces 1,000 documents in every variant: words, order and weights bit for bit', () => {
    const records = readJsonLinesGz<Record<string, KeywordResult> & { text: string }>('golden/keywords/documents.jsonl.gz');
    assert.ok(records.length >= 1000);
    const failures: string[] = [];
    for (const record of records) {
      const actual = runKeywordVariants(record.text);
      for (const variant of Object.keys(KEYWORD_VARIANTS)) {
        if (JSON.stringify(actual[variant]) !== JSON.stringify(record[variant])) failures.push(`${variant}: ${record.text.slice(0, 40)}`);
      }
    }
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} differ`);
  });

  it('reproduces 300 of them with an IDF file and stop words of its own (BOM, CRLF, every float() form, nan, -0, inf)', () => {
    const files = { idf: fixturePath('analyse/custom-idf.txt'), stopWords: fixturePath('analyse/custom-stop-words.txt') };
    const { records, failures, differFromDefault } = compareWithFiles('golden/keywords/custom-files.jsonl.gz', files);
    assert.ok(records >= 300);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} differ`);
    assert.ok(differFromDefault > 250, `the files change most results (${differFromDefault} of ${records})`);
  });

  it('reproduces 300 more after a user dictionary is loaded (added words, tags and frequencies change the cut and the tags)', () => {
    const { records, failures, differFromDefault } = compareWithFiles('golden/keywords/user-dict.jsonl.gz', { userDict: fixturePath('analyse/user-dict.txt') });
    assert.ok(records >= 300);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} differ`);
    assert.ok(differFromDefault > 60, `the user dictionary changes many results (${differFromDefault} of ${records})`);
  });

  it('gives the shapes TypeScript promises', () => {
    const words: string[] = extractTags(news, { topK: 3 });
    assert.equal(words.length, 3);
    const weighted = extractTags(news, { topK: 2, withWeight: true });
    assert.deepEqual(weighted.map((k) => k.word), ['信息化', '网络安全']);
    assert.equal(typeof weighted[0]!.weight, 'number');
    const tagged = textRank(news, { topK: 2, withFlag: true });
    assert.deepEqual(tagged, [{ word: '信息化', tag: 'n' }, { word: '主席', tag: 'n' }]);
    assert.equal(extractTags(news, { topK: 0 }).length, extractTags(news, { topK: null }).length);
    assert.equal(extractTags(news, { topK: -2 }).length, extractTags(news, { topK: null }).length - 2);
  });

  it('refuses what Python would silently ignore or crash on', () => {
    assert.throws(() => extractTags(news, { withFlag: true }), RangeError);
    assert.throws(() => extractTags(news, { topK: 2.5 }), TypeError);
    assert.throws(() => extractTags(5 as unknown as string), TypeError);
  });

  it('uses a custom IDF file and added stop words, on any tokenizer', () => {
    const tokenizer = new Tokenizer();
    const tfidf = new TfIdf(tokenizer, { idf: { text: '信息化 1\n网络安全 100\n主席 0.5\n' } });
    assert.deepEqual(tfidf.extractTags(news, { topK: 1 }), ['网络安全']);
    tfidf.setStopWords({ text: '网络安全\n' });
    assert.ok(!tfidf.extractTags(news).includes('网络安全'));
    const rank = new TextRank(tokenizer, { stopWords: { text: '信息化\n' } });
    assert.ok(!rank.textRank(news).includes('信息化'));
    assert.deepEqual(rank.extractTags(news, { topK: 2 }), rank.textRank(news, { topK: 2 }));
  });

  it('reports bad IDF files by line, and keeps the old table', () => {
    const tfidf = new TfIdf(new Tokenizer());
    const before = tfidf.extractTags(news);
    assert.throws(
      () => tfidf.setIdf({ text: '好 1.5\n坏\n', name: 'bad.idf' }),
      (error: unknown) => error instanceof DictionaryError && error.line === 2 && /bad\.idf at line 2: "坏"/.test(error.message),
    );
    assert.deepEqual(tfidf.extractTags(news), before);
    assert.equal(IdfTable.fromText('a 1\nb 3\nc 2\n').median, 2);
    const table = IdfTable.fromText('北京 1\n北京大学 3\n大学 2\n');
    // A span reads the same index as its string, and an empty or unlisted one the median's.
    for (const [start, end] of [[1, 3], [1, 5], [3, 5], [0, 2], [2, 2]] as const) {
      assert.equal(table.indexAt('去北京大学', start, end), table.indexOf('去北京大学'.slice(start, end)), `${start}-${end}`);
    }
    assert.equal(table.valueAt(table.indexAt('去北京大学', 1, 5)), 3);
  });
});

describe('Python string and number helpers', () => {
  it('parsePythonFloat follows float(str)', () => {
    const cases: [string, number | undefined][] = [
      ['1_0', 10], ['1__0', undefined], ['_1', undefined], ['.5', 0.5], ['5.', 5], ['1E+05', 1e5], ['-Infinity', -Infinity],
      [' 2.5 ', 2.5], ['１２', 12], ['0x10', undefined], ['1_0.5_5', 10.55], ['1e1_0', 1e10], ['e5', undefined], ['1._5', undefined],
    ];
    for (const [text, expected] of cases) assert.equal(parsePythonFloat(text), expected, text);
    assert.ok(Number.isNaN(parsePythonFloat('nan')));
  });

  it('splitlines, strip, len and < as Python', () => {
    assert.deepEqual(pythonSplitLines('a\r\nb\rc\u2028d\x1ce\x85f\n'), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(pythonSplitLines('a\n\nb'), ['a', '', 'b']);
    assert.equal(pythonStrip('\u3000\x1c词 \x85'), '词');
    assert.equal(pythonLength('😀a\ud800'), 3);
    assert.ok(comparePython('\uffff', '😀') < 0);
    assert.ok('\uffff' > '😀', 'JavaScript orders them the other way');
    assert.ok(comparePython('ab', 'a') > 0 && comparePython('a', 'a') === 0);
  });
});
