import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDictionaryText } from '../../src/dictionary/dictionary-text.js';
import { DictionaryError } from '../../src/dictionary/errors.js';
import { PrefixDictionary } from '../../src/dictionary/prefix-dictionary.js';

function failure(source: string | Uint8Array): DictionaryError {
  try {
    parseDictionaryText(source, 'my.dict');
  } catch (error) {
    assert.ok(error instanceof DictionaryError);
    return error;
  }
  assert.fail('expected a DictionaryError');
}

describe('parseDictionaryText (Python gen_pfdict)', () => {
  it('reads word, frequency and ignores the tag; repeats keep the last frequency but all add to the total', () => {
    const parsed = parseDictionaryText('中国 100 ns\n人 50\n中国 7 n\r\n  空格 3 n  \n');
    assert.deepEqual(parsed.words, ['中国', '人', '中国', '空格']);
    assert.deepEqual(parsed.frequencies, [100, 50, 7, 3]);
    assert.equal(parsed.total, 160);
    const dict = PrefixDictionary.fromEntries(parsed);
    assert.equal(dict.frequencyOf('中国', 0, 2), 7);
    assert.equal(dict.total, 160);
  });

  it('accepts what Python\'s int() accepts and keeps a byte order mark in the first word', () => {
    const parsed = parseDictionaryText(new TextEncoder().encode('\ufeff词 1_0\n字 ５\n'));
    assert.deepEqual(parsed.words, ['\ufeff词', '字']);
    assert.deepEqual(parsed.frequencies, [10, 5]);
  });

  it('names the source and line of a bad entry', () => {
    let error = failure('好 1\n坏\n');
    assert.equal(error.line, 2);
    assert.equal(error.source, 'my.dict');
    assert.match(error.message, /my\.dict at line 2: "坏" \(no frequency\)/);
    assert.match(failure('好 1\n\n好 2\n').message, /line 2: "" \(empty line\)/);
    assert.match(failure('好 x\n').message, /line 1: "好 x" \(frequency "x" is not an integer\)/);
    assert.match(failure('好  1\n').message, /frequency "" is not an integer/); // two spaces, as Python
    error = failure('好 -1\n');
    assert.match(error.message, /negative frequency/);
  });

  it('treats a blank last line as Python does: an error, but a missing final newline is fine', () => {
    assert.deepEqual(parseDictionaryText('好 1').words, ['好']);
    assert.equal(failure('好 1\n\n').line, 2);
  });

  it('rejects bytes that are not UTF-8, naming the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('好 1\n'), 0xff, 0x20, 0x31, 0x0a]);
    const error = failure(bytes);
    assert.equal(error.line, 2);
    assert.match(error.message, /line 2 is not valid UTF-8/);
  });

  it('refuses a dictionary whose frequencies add up to zero', () => {
    assert.throws(() => PrefixDictionary.fromText('好 0\n', 'zero.dict'), /zero\.dict: the frequencies add up to 0/);
  });
});
