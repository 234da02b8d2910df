import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codePointOffsets, offsetsIn } from '../../src/text/offset-units.js';
import { utf8Offsets } from '../../src/text/utf8.js';

/** The code-point index of UTF-16 index `u` (not inside a pair), the plain way. */
function codePointIndex(text: string, u: number): number {
  return Array.from(text.slice(0, u)).length;
}

describe('offset units', () => {
  it('count a surrogate pair as one code point, and a lone surrogate as one, offsets in any order', () => {
    const text = 'a😀中\ud800文\udc00𠀀b\ud83d';
    // Every index that is not inside a pair, back and forth.
    const boundaries = [...Array(text.length + 1).keys()].filter((u) => !(u > 0 && /[\ud800-\udbff]/.test(text[u - 1]!) && /[\udc00-\udfff]/.test(text[u] ?? '')));
    const offsets = Int32Array.from([...boundaries, ...boundaries.slice().reverse()]);
    const expected = Int32Array.from(offsets, (u) => codePointIndex(text, u));
    assert.equal(codePointOffsets(text, offsets), offsets, 'in place');
    assert.deepEqual(offsets, expected);
    assert.equal(expected.at(boundaries.length - 1), Array.from(text).length);
  });

  it('leave offsets as they are where the text has no surrogate', () => {
    const offsets = Int32Array.of(0, 2, 2, 5);
    assert.deepEqual(codePointOffsets('中文abc', offsets), Int32Array.of(0, 2, 2, 5));
  });

  it('pick the conversion by unit', () => {
    const text = '😀中a';
    assert.deepEqual(offsetsIn('utf16', text, Int32Array.of(0, 2, 3, 4)), Int32Array.of(0, 2, 3, 4));
    assert.deepEqual(offsetsIn('codepoint', text, Int32Array.of(0, 2, 3, 4)), Int32Array.of(0, 1, 2, 3));
    assert.deepEqual(offsetsIn('utf8', text, Int32Array.of(0, 2, 3, 4)), utf8Offsets(text, Int32Array.of(0, 2, 3, 4)));
    assert.deepEqual(offsetsIn('utf8', text, Int32Array.of(0, 2, 3, 4)), Int32Array.of(0, 4, 7, 8));
  });
});
