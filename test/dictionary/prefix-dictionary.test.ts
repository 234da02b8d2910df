import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DictionaryError } from '../../src/dictionary/errors.js';
import { PrefixDictionary } from '../../src/dictionary/prefix-dictionary.js';
import { ENGINE_CASES } from '../support/engine-cases.js';

const { dictionary: facts } = ENGINE_CASES;

describe('PrefixDictionary', () => {
  const dict = PrefixDictionary.fromText(facts.text, 'small-dict.txt');

  it("holds every key of Python's FREQ (words and their prefixes) with its frequency, and the total", () => {
    assert.equal(dict.total, facts.total);
    for (const [word, freq] of Object.entries(facts.freq)) assert.equal(dict.frequencyOf(word, 0, word.length), freq, word);
  });

  it('answers -1 for what is no key, the empty string included', () => {
    for (const [word, freq] of Object.entries(facts.start.freq)) {
      if (freq === null) assert.equal(dict.frequencyOf(word, 0, word.length), -1, JSON.stringify(word));
    }
    assert.equal(dict.frequencyOf('人民网', 0, 3), -1);
  });

  it('reads a word inside a longer text by its offsets', () => {
    const text = '我在中国人民';
    assert.equal(dict.frequencyOf(text, 2, 5), facts.freq['中国人']);
    assert.equal(dict.frequencyOf(text, 2, 4), facts.freq['中国']);
    assert.equal(dict.frequencyOf(text, 3, 4), -1);
  });

  it("keeps each word's tag, a repeated word its last one", () => {
    const tagged = PrefixDictionary.fromText('中国 3 ns\n北京 2 ns\n中国 5 n\n', 'tags.txt');
    assert.equal(tagged.tagOf('中国', 0, 2), 'n');
    assert.equal(tagged.tagOf('北京', 0, 2), 'ns');
    assert.equal(tagged.tagOf('北', 0, 1), undefined, 'a prefix has no tag');
    assert.equal(tagged.frequencyOf('中国', 0, 2), 5, 'the last frequency too, as a dict keeps it');
    assert.equal(tagged.total, 10, 'while the total counts both lines, as gen_pfdict does');
  });

  it('refuses a bad line, naming the file and the line', () => {
    assert.throws(
      () => PrefixDictionary.fromText('中国 3\n北京 x\n', 'bad.txt'),
      (error: Error) => error instanceof DictionaryError && /bad\.txt/.test(error.message) && /2/.test(error.message),
    );
  });
});
