import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromFloat16, toFloat16, widenHalves } from '../../src/math/half.js';

describe('float16', () => {
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

  it('widens halves into any Float32Array at any place, as fromFloat16 does', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const expected = new Uint32Array(fromFloat16(all).buffer);
    // Into the middle of a larger array, in pieces: nothing outside them is written.
    const out = new Float32Array(65536 + 10).fill(5);
    for (let from = 0; from < 65536; from += 4096) widenHalves(all, from, 4096, out, 3 + from);
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < 65536; i++) {
      if (Number.isNaN(out[3 + i]!)) assert.ok(Number.isNaN(fromFloat16(all.subarray(i, i + 1))[0]!), `${i}`);
      else assert.equal(bits[3 + i], expected[i], `half ${i.toString(16)}`);
    }
    assert.deepEqual([...out.subarray(0, 3), ...out.subarray(65536 + 3)], new Array(10).fill(5));
  });
});
