import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnitStrings } from '../../src/text/unit-strings.js';

describe('UnitStrings', () => {
  // (Whether a string is shared cannot be seen from JavaScript; what can is that every slice is right.)
  it('slices as String.prototype.slice does, for every length, reused units included', () => {
    const strings = new UnitStrings();
    const text = '我来到北京清华大学, ok 😀\ud800';
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) assert.equal(strings.slice(text, start, end), text.slice(start, end), `${start}..${end}`);
    }
    // Units met before, in another text.
    for (let i = 0; i < 3; i++) assert.equal(strings.slice('人中国', i, i + 1), '人中国'[i]);
  });
});
