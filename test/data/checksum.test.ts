import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateImageBytes, checksum, checksumOf, filterKernels } from '../../src/data/checksum.js';
import { deltaEncode, shuffle } from '../../src/data/filters.js';
import { seededRandom } from '../../compat/random-text.js';

describe('image checksum', () => {
  it('is the same in WebAssembly and in JavaScript, for every length and content', () => {
    const random = seededRandom(5);
    for (const words of [0, 1, 2, 3, 4, 5, 7, 8, 9, 63, 64, 65, 1000, 4099, 70000]) {
      const bytes = allocateImageBytes(24 + 4 * words);
      assert.ok(bytes, 'WebAssembly is available in Node');
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const copy = new Int32Array(bytes.slice(24).buffer);
      assert.equal(checksumOf(bytes, 24), checksum(copy), `${words} words`);
      assert.equal(checksumOf(bytes.slice(), 24), checksum(copy), 'plain memory takes the JavaScript path');
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

describe('filter kernels in WebAssembly', () => {
  it('undo shuffle and delta exactly as the JavaScript filters are undone, for 2- and 4-byte elements', () => {
    const random = seededRandom(11);
    for (const width of [2, 4] as const) {
      for (const count of [0, 1, 2, 3, 17, 4096, 100_003]) {
        const original = new Uint8Array(count * width);
        for (let i = 0; i < original.length; i++) original[i] = Math.floor(random() * 256);
        const encoded = original.slice();
        deltaEncode(encoded, width);
        const shuffled = shuffle(encoded, width);
        // The image at offset 0, the kernels' input after it, as decodeImage lays them out.
        const memory = allocateImageBytes(original.length, original.length)!;
        const kernels = filterKernels(memory.buffer)!;
        assert.ok(kernels, 'kernels for memory from allocateImageBytes');
        new Uint8Array(memory.buffer, original.length, original.length).set(shuffled);
        (width === 2 ? kernels.unshuffle2 : kernels.unshuffle4)(original.length, 0, count);
        assert.deepEqual(memory.subarray(0, original.length), encoded, `unshuffle, width ${width}, ${count} elements`);
        (width === 2 ? kernels.undelta2 : kernels.undelta4)(0, count);
        assert.deepEqual(memory.subarray(0, original.length), original, `undelta, width ${width}, ${count} elements`);
      }
    }
    assert.equal(filterKernels(new ArrayBuffer(8)), undefined, 'no kernels for other memory');
  });
});
