import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { porterStem } from '../../src/analyse/porter.js';
import { readJsonFixture } from '../support/fixtures.js';

/** whoosh.lang.porter.stem of words made to reach each rule (test/fixtures/python/porter.json). */
const FACTS = readJsonFixture<{ words: string[]; stems: string[] }>('python/porter.json');

describe('porterStem', () => {
  it("stems every word as Whoosh's stemmer does, quirks included", () => {
    const wrong = FACTS.words.flatMap((word, i) => (porterStem(word) === FACTS.stems[i] ? [] : [`${JSON.stringify(word)}: ${porterStem(word)} != ${FACTS.stems[i]}`]));
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${FACTS.words.length} differ`);
    assert.ok(FACTS.words.length > 5000);
  });

  it("keeps Whoosh's step 1b: it undoubles, and adds e, to a whole word of two letters only", () => {
    assert.equal(porterStem('running'), 'runn');
    assert.equal(porterStem('hopping'), 'hopp');
    assert.equal(porterStem('filing'), 'file');
  });
});
