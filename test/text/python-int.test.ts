import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePythonInt } from '../../src/text/python-int.js';

describe('parsePythonInt follows int(str)', () => {
  // Each pair was checked with Python 3.11: int(text), or ValueError (undefined).
  const cases: [string, number | undefined][] = [
    ['5', 5], ['+5', 5], ['-5', -5], [' 5', 5], ['5 ', 5], ['\u30005\u3000', 5], ['\x0c5', 5],
    ['1_000', 1000], ['１２', 12], ['٣', 3], ['00', 0], ['-0', 0],
    ['0x10', undefined], ['5.0', undefined], ['', undefined], ['1__0', undefined], ['_1', undefined],
    ['1_', undefined], ['+_1', undefined], ['- 5', undefined], ['五', undefined], [' ', undefined], ['+', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected}`, () => {
      const value = parsePythonInt(text);
      assert.equal(value, expected);
      if (value === 0) assert.ok(Object.is(value, 0), 'no negative zero');
    });
  }
});
