import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateImageBytes, checksum, checksumOf, filterKernels, largestMagnitudeOf, type FilterKernels } from '../../src/data/checksum.js';
import { absorptionThreshold, largestEmission, POS_MIN_FLOAT } from '../../src/posseg/model.js';
import { WASM_BASE64 as SCALAR_BASE64 } from '../../src/data/scalar-kernels-wasm.js';
import { compiledWasm } from '../../src/wasm-module.js';
import { deltaEncode, shuffle } from '../../src/data/filters.js';
import { fromFloat16 } from '../../src/math/half.js';
import { seededRandom } from '../../compat/random-text.js';

describe('image checksum', () => {
  it('is the same in WebAssembly and in JavaScript, for every length and content', () => {
    const random = seededRandom(5);
    // (Across the pieces of 16,384 words in which bytes outside a kernel memory are hashed, too.)
    for (const words of [0, 1, 2, 3, 4, 5, 7, 8, 9, 63, 64, 65, 1000, 4099, 16_383, 16_384, 16_385, 16_387, 32_771, 70000]) {
      const bytes = allocateImageBytes(24 + 4 * words);
      assert.ok(bytes, 'WebAssembly is available in Node');
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const copy = new Int32Array(bytes.slice(24).buffer);
      assert.equal(checksumOf(bytes, 24), checksum(copy), `${words} words`);
      assert.equal(checksumOf(bytes.slice(), 24), checksum(copy), 'plain memory: hashed a piece at a time');
      assert.equal(checksumOf(bytes.slice(), 24, 24 + 4 * (words >>> 1)), checksum(copy.subarray(0, words >>> 1)), 'a stretch of plain memory');
    }
  });

  it('changes when any single bit changes', () => {
    const bytes = allocateImageBytes(24 + 4 * 40)!;
    bytes.fill(7);
    const base = checksumOf(bytes, 24);
    for (let i = 24; i < bytes.length; i++) {
      for (const bit of [1, 0x80]) {
        bytes[i]! ^= bit;
        assert.notEqual(checksumOf(bytes, 24), base, `byte ${i} bit ${bit}`);
        bytes[i]! ^= bit;
      }
    }
  });

  it('never grows a memory: growing detaches a buffer, which slows every typed array of the thread', () => {
    const memoryApi = (globalThis as unknown as { WebAssembly: { Memory: { prototype: { grow(pages: number): number } } } }).WebAssembly.Memory.prototype;
    const grow = memoryApi.grow;
    let grown = 0;
    memoryApi.grow = function (this: unknown, pages: number): number {
      grown++;
      return grow.call(this, pages);
    };
    try {
      for (const size of [0, 1, 65_536, 65_537, 5_000_000]) {
        const bytes = allocateImageBytes(size)!;
        assert.equal(bytes.length, size);
        assert.equal(bytes.buffer.byteLength, Math.ceil(size / 65_536) * 65_536, 'made at its full size');
      }
    } finally {
      memoryApi.grow = grow;
    }
    assert.equal(grown, 0);
  });

  it('gives memory that keeps its views (it never grows after allocation)', () => {
    const bytes = allocateImageBytes(200_000)!;
    const view = new Float64Array(bytes.buffer, 0, 10);
    view[3] = 1.5;
    checksumOf(bytes, 24);
    assert.equal(new Float64Array(bytes.buffer, 0, 10)[3], 1.5);
    assert.equal(bytes.length, 200_000);
  });
});

/** The part of the WebAssembly API used here (the project's lib has no DOM). */
const wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer }; Instance: new (m: object, i: object) => { exports: object } } }).WebAssembly;

/** The kernels without SIMD (what engines without WebAssembly SIMD run) over a memory of their own, as `allocateImageBytes` lays one out. */
function scalarKernels(imageBytes: number, scratch: number): { memory: Uint8Array; kernels: FilterKernels } {
  const module = compiledWasm(SCALAR_BASE64);
  assert.ok(module, 'the scalar module compiles');
  const memory = new wasm.Memory({ initial: Math.ceil((imageBytes + scratch) / 65536) });
  return { memory: new Uint8Array(memory.buffer, 0, imageBytes), kernels: new wasm.Instance(module, { env: { memory } }).exports as FilterKernels };
}

describe('filter kernels in WebAssembly', () => {
  it('undo shuffle and delta exactly as the JavaScript filters are undone, for 2- and 4-byte elements, with SIMD and without', () => {
    const random = seededRandom(11);
    const cases = [true, false].flatMap((simd) => ([2, 4] as const).map((width) => ({ simd, width })));
    for (const { simd, width } of cases) {
      for (const count of [0, 1, 2, 3, 17, 4096, 100_003]) {
        const original = new Uint8Array(count * width);
        for (let i = 0; i < original.length; i++) original[i] = Math.floor(random() * 256);
        const encoded = original.slice();
        deltaEncode(encoded, width);
        const shuffled = shuffle(encoded, width);
        // The image at offset 0, the kernels' input after it, as decodeImage lays them out.
        const memory = simd ? allocateImageBytes(original.length, original.length)! : undefined;
        const { memory: bytes, kernels } = memory ? { memory, kernels: filterKernels(memory.buffer)! } : scalarKernels(original.length, original.length);
        assert.ok(kernels, 'kernels for memory from allocateImageBytes');
        new Uint8Array(bytes.buffer, original.length, original.length).set(shuffled);
        (width === 2 ? kernels.unshuffle2 : kernels.unshuffle4)(original.length, 0, count);
        assert.deepEqual(bytes.subarray(0, original.length), encoded, `unshuffle, width ${width}, ${count} elements, SIMD ${simd}`);
        (width === 2 ? kernels.undelta2 : kernels.undelta4)(0, count);
        assert.deepEqual(bytes.subarray(0, original.length), original, `undelta, width ${width}, ${count} elements, SIMD ${simd}`);
      }
    }
    assert.equal(filterKernels(new ArrayBuffer(8)), undefined, 'no kernels for other memory');
  });

  it('widen float16 to float32 as fromFloat16 does, for every half and any count', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    for (const count of [0, 1, 7, 8, 9, 65536]) {
      // Halves at offset 0, floats after them, 16-byte aligned.
      const memory = allocateImageBytes(2 * count, 4 * count + 16)!;
      const f16to32 = filterKernels(memory.buffer)!.f16to32;
      assert.ok(f16to32, 'the SIMD kernel (Node has WebAssembly SIMD)');
      // (Short runs straddle the border of negative subnormal and normal halves.)
      const halves = count === all.length ? all : all.subarray(0x83fc, 0x83fc + count);
      new Uint16Array(memory.buffer, 0, count).set(halves);
      const floatsAt = (2 * count + 15) & ~15;
      f16to32(0, floatsAt, count);
      const widened = new Uint32Array(memory.buffer, floatsAt, count);
      const expected = new Uint32Array(fromFloat16(halves).buffer);
      for (let i = 0; i < count; i++) {
        // NaNs only need to stay NaNs.
        if ((halves[i]! & 0x7c00) === 0x7c00 && (halves[i]! & 0x3ff) !== 0) assert.ok(Number.isNaN(new Float32Array(widened.buffer, floatsAt + 4 * i, 1)[0]));
        else assert.equal(widened[i], expected[i], `half 0x${halves[i]!.toString(16)}`);
      }
    }
  });
});

describe('largest magnitude in WebAssembly', () => {
  /** `values` copied into a memory allocateImageBytes made, as a decoded image's sections lie. */
  const inImageMemory = (values: readonly number[]): Float64Array => {
    const bytes = allocateImageBytes(8 * values.length + 8)!;
    const view = new Float64Array(bytes.buffer, 8, values.length);
    view.set(values);
    return view;
  };

  it('is what largestEmission computes in JavaScript, MIN_FLOAT aside, Infinity for a value that is not finite', () => {
    const cases: number[][] = [
      [],
      [POS_MIN_FLOAT],
      [-7, POS_MIN_FLOAT, -1],
      [-0, 0],
      [3, -5, 4.5],
      [-1, Number.NaN, -2],
      [-1, -Infinity],
      [Infinity],
      [-1e300, Number.MAX_VALUE, -Number.MAX_VALUE],
      [POS_MIN_FLOAT * 2, -3],
    ];
    for (const values of cases) {
      const expected = largestEmission(Float64Array.from(values));
      assert.equal(largestMagnitudeOf(inImageMemory(values), POS_MIN_FLOAT), expected, values.join(', '));
    }
    assert.equal(largestMagnitudeOf(Float64Array.of(-7), POS_MIN_FLOAT), undefined, 'undefined outside such a memory');
  });

  it('gives the shipped POS model the hugeScore that the JavaScript computes', async () => {
    const { sharedModels } = await import('../../src/node-platform.js');
    const { model } = sharedModels.pos();
    for (const values of [model.emitValues, model.charEmit]) assert.equal(largestMagnitudeOf(values, POS_MIN_FLOAT), largestEmission(values));
    assert.ok(largestMagnitudeOf(model.emitValues, POS_MIN_FLOAT) !== undefined, 'the shipped model is decoded into such a memory');
    assert.equal(model.hugeScore, absorptionThreshold(model.trans, model.nextStart, model.next, model.emitValues, model.charEmit));
    assert.ok(Number.isFinite(model.hugeScore));
  });
});
