import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromFloat16 } from '../../src/math/half.js';
import { WASM_BASE64 } from '../../src/paddle/kernels-wasm.js';
import { LacWeights, type HalfWidener } from '../../src/paddle/weights.js';
import { compiledWasm } from '../../src/wasm-module.js';

/** The part of the WebAssembly API used here (the project's lib has no DOM). */
const wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer }; Instance: new (m: object, i: object) => { exports: Record<string, unknown> } } }).WebAssembly;

/** Paddle mode's own kernel module on a fresh memory of `pages` pages. */
function networkKernels(pages: number): { buffer: ArrayBuffer; widen: HalfWidener } {
  const module = compiledWasm(WASM_BASE64);
  assert.ok(module, 'Node.js compiles the network kernels');
  const memory = new wasm.Memory({ initial: pages });
  const { exports } = new wasm.Instance(module, { env: { memory } });
  return { buffer: memory.buffer, widen: exports.f16to32 as HalfWidener };
}

/** Every half-precision bit pattern, in an order that mixes signs, zeros, subnormals, infinities and NaNs within each group of eight. */
const EVERY_HALF = Uint16Array.from({ length: 65536 }, (_, i) => Math.imul(i, 40503) & 0xffff);

/** Whether `actual` holds the values of `expected`, -0 apart from 0 and any NaN for a NaN. */
function sameValues(actual: Float32Array, expected: Float32Array): boolean {
  return actual.length === expected.length && actual.every((value, i) => Object.is(value, expected[i]) || (Number.isNaN(value) && Number.isNaN(expected[i])));
}

describe('LacWeights.placeIn', () => {
  it('widens every half in place with the network\'s kernel, as fromFloat16 does, leaving its neighbours alone', () => {
    const { buffer, widen } = networkKernels(8);
    const weights = new LacWeights(EVERY_HALF);
    const floats = new Float32Array(buffer);
    // Whole, then parts whose counts leave a tail of 1 to 7 past the groups of eight.
    for (const [from, count] of [[0, 65536], [3, 13], [65530, 6], [100, 1], [0, 0], [17, 8 * 1000 + 7]] as const) {
      floats.fill(7);
      const at = 64;
      weights.placeIn(buffer, at * 4, widen, from, count);
      assert.ok(sameValues(floats.subarray(at, at + count), fromFloat16(EVERY_HALF.subarray(from, from + count))), `halves ${from} .. ${from + count}`);
      assert.equal(floats[at - 1], 7);
      assert.equal(floats[at + count], 7, 'nothing written past the place');
    }
  });

  it('gives the same values without the kernel, and copies float32 weights as they are', () => {
    const { buffer, widen } = networkKernels(8);
    const expected = fromFloat16(EVERY_HALF);
    new LacWeights(EVERY_HALF).placeIn(buffer, 16, undefined);
    assert.ok(sameValues(new Float32Array(buffer, 16, 65536), expected));
    const stored = Float32Array.of(1.5, -0, Infinity, 3e-40);
    new LacWeights(stored).placeIn(buffer, 32, widen, 1, 3);
    assert.ok(sameValues(new Float32Array(buffer, 32, 3), stored.subarray(1)));
  });

  it('refuses values past the end of the matrix, writing nothing', () => {
    const { buffer, widen } = networkKernels(1);
    const floats = new Float32Array(buffer).fill(7);
    assert.throws(() => new LacWeights(Uint16Array.of(1, 2, 3)).placeIn(buffer, 0, widen, 2, 2), RangeError);
    assert.ok(floats.every((value) => value === 7));
  });
});
