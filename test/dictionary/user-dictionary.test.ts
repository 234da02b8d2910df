import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUserDictionary } from '../../src/dictionary/user-dictionary.js';
import { ENGINE_CASES } from '../support/engine-cases.js';

describe('user dictionary lines (load_userdict)', () => {
  it('reads word, frequency and tag from each line as Python does', () => {
    assert.ok(ENGINE_CASES.userdict.length >= 10);
    for (const { line, entry } of ENGINE_CASES.userdict) {
      const entries = parseUserDictionary(line, 'case');
      if (entry === null) {
        assert.deepEqual(entries, [], JSON.stringify(line));
        continue;
      }
      assert.equal(entries.length, 1, JSON.stringify(line));
      const [word, freq, tag] = entry;
      assert.deepEqual({ word: entries[0]!.word, freq: entries[0]!.freq, tag: entries[0]!.tag }, { word, freq: freq ?? undefined, tag: tag ?? undefined }, JSON.stringify(line));
    }
  });

  it('numbers entries by their line, blank lines counted', () => {
    const entries = parseUserDictionary('云计算 5 n\n\n创新办 3 i\n', 'case');
    assert.deepEqual(entries.map((e) => [e.word, e.line]), [['云计算', 1], ['创新办', 3]]);
  });
});

describe('Tokenizer.loadUserDict', () => {
  it('refuses a frequency past 2^53 - 1 naming the line, from text as from a file, and adds no word of it', async () => {
    const { DictionaryError, Tokenizer } = await import('../../src/index.js');
    const tokenizer = new Tokenizer();
    assert.throws(
      () => tokenizer.loadUserDict({ text: '石墨烯\n词 99999999999999999999\n', name: 'mine.txt' }),
      (error: Error) => error instanceof DictionaryError && error.message === 'mine.txt: line 2: frequency too large',
    );
    assert.deepEqual(tokenizer.cut('石墨烯材料'), ['石墨', '烯', '材料'], 'line 1 was not applied either');
  });
});
