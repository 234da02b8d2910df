import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deltaDecode, deltaEncode, shuffle, unshuffle } from '../../src/data/filters.js';

describe('image filters', () => {
  it('shuffle and unshuffle are inverses for every element width', () => {
    for (const width of [1, 2, 4, 8]) {
      const count = 37;
      const bytes = Uint8Array.from({ length: count * width }, (_, i) => (i * 131 + 7) & 0xff);
      const shuffled = shuffle(bytes, width);
      if (width > 1) assert.notDeepEqual(shuffled, bytes);
      const out = new Uint8Array(8 + bytes.length);
      unshuffle(shuffled, width, count, out, 8);
      assert.deepEqual(out.subarray(8), bytes);
    }
  });

  it('delta encoding round-trips, wrapping as the type does', () => {
    for (const [width, values] of [
      [1, Uint8Array.of(0, 255, 3, 200, 200)],
      [2, Uint16Array.of(65535, 0, 12, 40000, 1)],
      [4, Int32Array.of(-(2 ** 31), 2 ** 31 - 1, 0, -5, 17)],
    ] as const) {
      const bytes = new Uint8Array(values.buffer.slice(0));
      deltaEncode(bytes, width);
      deltaDecode(bytes, width);
      assert.deepEqual(bytes, new Uint8Array(values.buffer));
    }
  });
});
