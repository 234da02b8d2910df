import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePythonFloat } from '../../src/text/python-float.js';
import { comparePython, pythonLength, pythonStrip } from '../../src/text/python-str.js';
import { readJsonFixture } from '../support/fixtures.js';

/** What Python's str and float do with awkward strings (test/fixtures/python/strings.json, made by `npm run golden`). */
const FACTS = readJsonFixture<{
  texts: { text: string; strip: string; len: number; float: string | null }[];
  sorted: string[];
}>('python/strings.json');

/** A float's repr, read back. */
function fromRepr(repr: string): number {
  return repr === 'inf' ? Infinity : repr === '-inf' ? -Infinity : repr === 'nan' ? NaN : Number(repr);
}

describe("Python's str, in JavaScript", () => {
  for (const { text, strip, len } of FACTS.texts) {
    it(`strip and len of ${JSON.stringify(text)}`, () => {
      assert.equal(pythonStrip(text), strip);
      assert.equal(pythonLength(text), len);
    });
  }

  it('sorts by code point, as sorted() does', () => {
    const shuffled = [...FACTS.sorted].reverse();
    assert.deepEqual(shuffled.sort(comparePython), FACTS.sorted);
    // JavaScript's own order differs, which is why comparePython exists.
    assert.notDeepEqual([...FACTS.sorted].sort(), FACTS.sorted);
  });
});

describe("Python's float(), in JavaScript", () => {
  for (const { text, float } of FACTS.texts) {
    it(`float(${JSON.stringify(text)})`, () => {
      const parsed = parsePythonFloat(text);
      if (float === null) assert.equal(parsed, undefined);
      else assert.ok(Object.is(parsed, fromRepr(float)), `${String(parsed)} for ${float}`);
    });
  }
});
