import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dictionaryFromBytes, encodeDictionaryImage } from '../../src/data/load.js';
import { Dictionary } from '../../src/dictionary/dictionary.js';
import { ImageError } from '../../src/dictionary/errors.js';
import { sharedModels } from '../../src/node-platform.js';
import { fixturePath } from '../support/fixtures.js';

const fallback = () => sharedModels.defaultData();

describe('dictionaries from bytes', () => {
  const text = readFileSync(fixturePath('dict/small-dict.txt'));

  it('reads dict.txt text, with the HMM of the fallback', () => {
    const data = dictionaryFromBytes(text, 'small-dict.txt', fallback);
    assert.equal(data.model, fallback().model);
    const dictionary = new Dictionary(data.base);
    assert.ok(dictionary.frequencyOf('中国', 0, 2) > 0);
  });

  it('reads the image of a dictionary as the dictionary itself: same words, frequencies, total and HMM', () => {
    const fromText = dictionaryFromBytes(text, 'small-dict.txt', fallback);
    const image = encodeDictionaryImage(fromText.base, fromText.model);
    let fallbackCalls = 0;
    const fromImage = dictionaryFromBytes(image, 'small.img', () => {
      fallbackCalls++;
      return fallback();
    });
    assert.equal(fallbackCalls, 0, 'an image carries its own HMM');
    assert.deepEqual(fromImage.model, fromText.model);
    assert.equal(fromImage.base.total, fromText.base.total);
    const a = new Dictionary(fromText.base);
    const b = new Dictionary(fromImage.base);
    for (const line of text.toString('utf8').split('\n')) {
      const word = line.split(' ')[0]!;
      if (word) assert.equal(b.frequencyOf(word, 0, word.length), a.frequencyOf(word, 0, word.length), word);
    }
  });

  it('refuses a damaged image with an ImageError, whatever the fallback', () => {
    const fromText = dictionaryFromBytes(text, 'small-dict.txt', fallback);
    const image = encodeDictionaryImage(fromText.base, fromText.model);
    image[image.length - 9] = image[image.length - 9]! ^ 1;
    assert.throws(() => dictionaryFromBytes(image, 'flipped.img', fallback), (error: Error) => error instanceof ImageError && /flipped\.img .*checksum/.test(error.message));
  });
});
