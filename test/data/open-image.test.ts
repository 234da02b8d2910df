import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeImage, encodeImage, type SectionEncoding } from '../../src/data/image.js';
import { openImage, type ImageFile } from '../../src/data/open-image.js';
import { DictionaryError, ImageError } from '../../src/dictionary/errors.js';
import { toFloat16 } from '../../src/math/half.js';

const BLOCK = 1024;
const big = Uint16Array.from({ length: 5001 }, (_, i) => (i * 7919) & 0xffff);
const sections = { head: Int32Array.of(7, -1, 2 ** 30), big, tail: Float64Array.of(0.25, -3.14e100) };
const image = encodeImage(sections, { big: { blocks: BLOCK } });
const bigAt = decodeImage(image).get('big')!.byteOffset;
const bigEnd = bigAt + 10_008;

/** A file over `bytes` that records each read as [from, to). */
function fileOf(bytes: Uint8Array, name = 'mem.img'): ImageFile & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    name,
    size: bytes.length,
    reads,
    read(target, position) {
      reads.push([position, position + target.length]);
      target.set(bytes.subarray(position, position + target.length));
    },
  };
}

/** The bytes of `[from, to)` that the reads so far covered. */
function readWithin(reads: readonly [number, number][], from: number, to: number): number {
  return reads.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
}

describe('openImage', () => {
  it('reads everything but the sections checked by blocks, then a block when first asked for', () => {
    const file = fileOf(image);
    const opened = openImage(file)!;
    assert.deepEqual([...opened.sections.keys()], ['head', 'big', 'tail']);
    assert.deepEqual([...opened.sections.get('head')!], [...sections.head]);
    assert.deepEqual([...opened.sections.get('tail')!], [...sections.tail]);
    // The first 4 KiB come with the table; of the section, nothing else.
    assert.equal(readWithin(file.reads, 4096, bigEnd), 0);
    const blocks = opened.blocks.get('big')!;
    const values = opened.sections.get('big')!;
    assert.equal(values[4000], 0, 'not read yet');
    blocks.ensure(2 * 4000, 2 * 4001);
    assert.deepEqual(file.reads.at(-1), [bigAt + 7 * BLOCK, bigAt + 8 * BLOCK]);
    assert.equal(values[4000], big[4000]);
    const count = file.reads.length;
    blocks.ensure(2 * 3600, 2 * 4050); // the same block
    assert.equal(file.reads.length, count);
    assert.equal(blocks.complete, false);
    blocks.ensureAll();
    assert.equal(blocks.complete, true);
    assert.deepEqual([...values], [...big]);
    assert.equal(readWithin(file.reads, bigAt, bigEnd), bigEnd - bigAt + (4096 - bigAt), 'each block read once, besides the first 4 KiB');
  });

  it('finds a damaged block when it is asked for, and every time after', () => {
    const damaged = image.slice();
    damaged[bigAt + 5 * BLOCK + 17]! ^= 2;
    const opened = openImage(fileOf(damaged, 'bad.img'))!;
    const blocks = opened.blocks.get('big')!;
    blocks.ensure(4 * BLOCK, 5 * BLOCK);
    for (let i = 0; i < 2; i++) {
      assert.throws(
        () => blocks.ensure(5 * BLOCK + 2, 5 * BLOCK + 4),
        (error: unknown) => error instanceof ImageError && /bad\.img is damaged.*block 5 of its section big fails its checksum/.test(error.message),
      );
    }
    blocks.ensure(6 * BLOCK, 7 * BLOCK);
    assert.equal(blocks.complete, false);
    assert.throws(() => blocks.ensure(-2, 0 + 4), RangeError);
    assert.throws(() => blocks.ensure(0, 20_000), RangeError);
  });

  it('runs each later block through the guard, which can add to its errors', () => {
    const damaged = image.slice();
    damaged[bigAt + 9 * BLOCK]! ^= 2;
    const calls: number[] = [];
    const guard = <T>(load: () => T): T => {
      calls.push(1);
      try {
        return load();
      } catch (error) {
        throw new ImageError(`${(error as Error).message}; reinstall`, 'bad.img');
      }
    };
    const blocks = openImage(fileOf(damaged, 'bad.img'), undefined, guard)!.blocks.get('big')!;
    blocks.ensure(0, 2);
    assert.equal(calls.length, 1);
    assert.throws(() => blocks.ensure(9 * BLOCK, 9 * BLOCK + 2), /fails its checksum; reinstall/);
  });

  it('refuses an image whose other bytes are damaged when it opens', () => {
    const damaged = image.slice();
    damaged[image.length - 30]! ^= 1;
    assert.throws(() => openImage(fileOf(damaged)), (error: unknown) => error instanceof DictionaryError && /checksum mismatch/.test(error.message));
    const truncatedTable = image.slice();
    new DataView(truncatedTable.buffer).setUint32(12, 10_000_000, true);
    assert.equal(openImage(fileOf(truncatedTable)), undefined, 'left to decodeImage, which says what is wrong');
  });

  it('declines what must be read whole: no sections checked by blocks, gzip, filters, float16 to widen', () => {
    const declines = (bytes: Uint8Array, encodings?: Record<string, SectionEncoding>, halves?: Set<string>): void => {
      assert.equal(openImage(fileOf(encodings ? encodeImage(sections as never, encodings) : bytes), halves), undefined);
    };
    declines(encodeImage(sections));
    declines(gzipSync(image));
    declines(Uint8Array.of(1, 2, 3));
    declines(image, { big: { blocks: BLOCK }, head: { delta: true } });
    const withFloats = { ...sections, weights: Float32Array.of(0.5, -2) };
    const halvesImage = encodeImage(withFloats, { big: { blocks: BLOCK }, weights: { float16: true } });
    assert.equal(openImage(fileOf(halvesImage)), undefined);
    const kept = openImage(fileOf(halvesImage), new Set(['weights']))!;
    assert.deepEqual(kept.sections.get('weights'), toFloat16(withFloats.weights));
  });

  it('refuses every one-bit change of an image with an ImageError, at its load or at the block that holds it', () => {
    const small = encodeImage({ head: Int32Array.of(1, 2, 3), big: Uint16Array.from({ length: 301 }, (_, i) => i * 3), tail: Uint8Array.of(9, 8, 7) }, { big: { blocks: 128 } });
    const isImageError = (error: unknown): boolean => error instanceof ImageError;
    for (let at = 0; at < small.length; at++) {
      const changed = small.slice();
      changed[at]! ^= 1 << (at % 8);
      assert.throws(() => decodeImage(changed, 'x.img'), isImageError, `decodeImage, byte ${at}`);
      assert.throws(
        () => {
          const opened = openImage(fileOf(changed));
          if (opened === undefined) decodeImage(changed, 'x.img');
          else for (const blocks of opened.blocks.values()) blocks.ensureAll();
        },
        isImageError,
        `openImage, byte ${at}`,
      );
    }
  });

  it('reads a table longer than its first read', () => {
    const many: Record<string, Int32Array> = {};
    for (let i = 0; i < 200; i++) many[`s${i}`] = Int32Array.of(i);
    const bytes = encodeImage({ ...many, big }, { big: { blocks: BLOCK } });
    const opened = openImage(fileOf(bytes))!;
    assert.equal(opened.sections.get('s199')![0], 199);
    opened.blocks.get('big')!.ensureAll();
    assert.deepEqual([...opened.sections.get('big')!], [...big]);
  });
});
