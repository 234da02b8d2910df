import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deltaDecode, deltaEncode, fromFloat16, shuffle, toFloat16, unshuffle } from '../../src/data/filters.js';

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

  it('rounds to the nearest half-precision value, ties to even, as hardware does', () => {
    const cases: [number, number][] = [
      [1, 0x3c00], [-2, 0xc000], [0.1, 0x2e66], [65504, 0x7bff], [65520, 0x7c00], [1e10, 0x7c00], [-Infinity, 0xfc00],
      [2 ** -24, 0x0001], [2 ** -25, 0x0000], [3 * 2 ** -26, 0x0001], [2 ** -14, 0x0400], [0, 0], [-0, 0x8000],
      // 1 + 2^-11 is half-way between 1 and 1 + 2^-10: to even (1). 1 + 3 * 2^-11 goes up to 1 + 2^-9.
      [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02],
    ];
    const halves = toFloat16(Float32Array.from(cases.map(([value]) => value)));
    cases.forEach(([value, bits], i) => assert.equal(halves[i], bits, `${value}`));
    assert.ok(Number.isNaN(fromFloat16(toFloat16(Float32Array.of(NaN)))[0]));
  });

  it('float16 values convert back exactly, and every float32 lands on its nearest half', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const floats = fromFloat16(all);
    const back = toFloat16(floats);
    for (let i = 0; i < 65536; i++) if (!Number.isNaN(floats[i]!)) assert.equal(back[i], i);
    let state = 12345;
    const randoms = Float32Array.from({ length: 5000 }, () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 20);
    const rounded = fromFloat16(toFloat16(randoms));
    randoms.forEach((value, i) => assert.ok(Math.abs(rounded[i]! - value) <= Math.abs(value) * 2 ** -11 + 2 ** -25, `${value} -> ${rounded[i]}`));
  });
});
