import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonLower } from '../../src/text/python-lower.js';
import { readJsonFixture } from '../support/fixtures.js';

/** str.lower() of awkward strings, by Python (test/fixtures/python/strings.json). */
const FACTS = readJsonFixture<{ lower: { text: string; lower: string }[] }>('python/strings.json');

describe('pythonLower', () => {
  it("lowercases as Python's str.lower(): final sigmas by context, full mappings, lone surrogates kept", () => {
    for (const { text, lower } of FACTS.lower) assert.equal(pythonLower(text), lower, JSON.stringify(text));
  });

  it("leaves alone what Python's Unicode version does not case, whatever the runtime's", () => {
    // U+1C89 CYRILLIC CAPITAL LETTER TJE came with Unicode 16; Python 3.11 has 14.
    assert.equal(pythonLower('\u1c89'), '\u1c89');
    assert.equal(pythonLower('ABC'), 'abc');
    assert.equal(pythonLower('中文'), '中文');
  });
});
