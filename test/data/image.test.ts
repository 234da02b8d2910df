import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeImage, decodeImageByBlocks, encodeImage } from '../../src/data/image.js';
import { allocateImageBytes, checksum, filterKernels } from '../../src/data/checksum.js';
import { fromFloat16, toFloat16 } from '../../src/math/half.js';
import { dictionaryFromSections, dictionarySections } from '../../src/data/sections.js';
import { DictionaryError } from '../../src/dictionary/errors.js';
import { PrefixDictionary } from '../../src/dictionary/prefix-dictionary.js';

const sample = {
  bytes: Uint8Array.of(1, 2, 3),
  chars: Uint16Array.of(0x4e2d, 0xffff),
  ints: Int32Array.of(-1, 0, 2 ** 31 - 1),
  floats: Float64Array.of(-3.14e100, 0.5, NaN),
};

describe('binary image', () => {
  it('round-trips every section type as views, 8-byte aligned', () => {
    const sections = decodeImage(encodeImage(sample));
    assert.deepEqual([...sections.keys()], Object.keys(sample));
    for (const [name, array] of Object.entries(sample)) {
      const got = sections.get(name)!;
      assert.equal(got.constructor, array.constructor);
      assert.deepEqual([...got], [...array]);
      assert.equal(got.byteOffset % 8, 0);
    }
  });

  it('round-trips filtered and float16 sections, and checks them with their filters undone', () => {
    const sections = {
      first: Int32Array.from({ length: 1001 }, (_, i) => i * 7 - 3000),
      chars: Uint16Array.from({ length: 999 }, (_, i) => (i * 31) & 0xffff),
      logs: Float64Array.from({ length: 77 }, (_, i) => Math.log(i + 1)),
      weights: Float32Array.from({ length: 500 }, (_, i) => Math.sin(i)),
      bytes: Uint8Array.of(1, 2, 3),
    };
    const encodings = {
      first: { delta: true, shuffle: true },
      chars: { delta: true },
      logs: { shuffle: true },
      weights: { float16: true, shuffle: true },
      bytes: { delta: true, shuffle: true },
    };
    const image = encodeImage(sections, encodings);
    assert.notDeepEqual(image, encodeImage(sections), 'the filters change the stored bytes');
    const back = decodeImage(image);
    for (const name of ['first', 'chars', 'logs', 'bytes'] as const) assert.deepEqual([...back.get(name)!], [...sections[name]], name);
    const weights = back.get('weights')!;
    assert.ok(weights instanceof Float32Array);
    weights.forEach((value, i) => assert.ok(Math.abs(value - sections.weights[i]!) <= 2 ** -11, `${i}`));
    const damaged = image.slice();
    damaged[damaged.length - 20]! ^= 1;
    assert.throws(() => decodeImage(damaged, 'x.img'), /checksum mismatch/);
    assert.throws(() => encodeImage({ logs: sections.logs }, { logs: { delta: true } }), /integer arrays only/);
  });

  it('widens the float16 sections of an unfiltered image read into a kernel memory in the room after it, as fromFloat16 does', () => {
    const sections = {
      weights: Float32Array.from({ length: 20_000 }, (_, i) => Math.sin(i) * 2 ** ((i % 40) - 20)),
      other: Float32Array.from({ length: 37 }, (_, i) => -i / 3),
      kept: Float32Array.from({ length: 64 }, (_, i) => i / 7),
      ints: Int32Array.of(5, -5),
    };
    const image = encodeImage(sections, { weights: { float16: true }, other: { float16: true }, kept: { float16: true } });
    // What the sections must be, computed apart from decodeImage: the halves, widened in JavaScript.
    const reference = new Map<string, Float32Array | Uint16Array>([
      ['weights', fromFloat16(toFloat16(sections.weights))],
      ['other', fromFloat16(toFloat16(sections.other))],
      ['kept', toFloat16(sections.kept)],
    ]);
    const roomy = allocateImageBytes(image.length, 3 * image.length);
    if (roomy === undefined) return; // no WebAssembly here: nothing to compare
    roomy.set(image);
    const inMemory = decodeImage(roomy, 'roomy.img', new Set(['kept']));
    for (const name of ['weights', 'other'] as const) {
      const got = inMemory.get(name)!;
      assert.ok(got instanceof Float32Array, name);
      assert.equal(got.buffer, roomy.buffer, `${name} widened in the image's own memory`);
      assert.ok(got.byteOffset >= image.length && got.byteOffset % 16 === 0, `${name} after the image, 16-byte aligned`);
      assert.deepEqual(got, reference.get(name), name);
    }
    assert.ok(inMemory.get('kept') instanceof Uint16Array, 'a section asked to stay half stays half');
    assert.deepEqual(inMemory.get('kept'), reference.get('kept'));
    assert.deepEqual([...inMemory.get('ints')!], [5, -5]);
    // Without the room, the floats are new arrays and the image is left alone.
    const tight = allocateImageBytes(image.length)!;
    tight.set(image);
    assert.ok(tight.buffer.byteLength - image.length < 4 * 20_000, 'the test needs a memory without the room');
    const widenedElsewhere = decodeImage(tight, 'tight.img').get('weights')!;
    assert.notEqual(widenedElsewhere.buffer, tight.buffer);
    assert.deepEqual(widenedElsewhere, reference.get('weights'));
    assert.deepEqual(tight, image, 'the image bytes are unchanged');
    // Bytes anywhere else (fetched, say) are used where they lie, widened in JavaScript.
    const fetched = image.slice();
    const elsewhere = decodeImage(fetched, 'fetched.img');
    assert.equal(elsewhere.get('ints')!.buffer, fetched.buffer, 'no copy of the image');
    assert.equal(filterKernels(elsewhere.get('weights')!.buffer), undefined);
    assert.deepEqual(elsewhere.get('weights'), reference.get('weights'));
  });

  it('reads version 1 images (no filters), and refuses filters in them', () => {
    const plain = encodeImage(sample);
    plain[8] = 1;
    assert.deepEqual([...decodeImage(plain).get('ints')!], [...sample.ints]);
    const filtered = encodeImage({ ints: sample.ints }, { ints: { delta: true } });
    filtered[8] = 1;
    assert.throws(() => decodeImage(filtered, 'old.img'), /section ints has unknown type/);
  });

  it('copies once when the bytes are not aligned', () => {
    const image = encodeImage(sample);
    const shifted = new Uint8Array(image.length + 1).subarray(1);
    shifted.set(image);
    assert.deepEqual([...decodeImage(shifted).get('ints')!], [...sample.ints]);
  });

  it('refuses damaged images instead of reading them', () => {
    const image = encodeImage(sample);
    const expectFailure = (bytes: Uint8Array, pattern: RegExp): void => {
      assert.throws(() => decodeImage(bytes, 'x.img'), (error: unknown) => error instanceof DictionaryError && pattern.test(error.message));
    };
    expectFailure(image.slice(0, image.length - 8), /truncated/);
    expectFailure(image.slice(0, 10), /too short/);
    const flipped = image.slice();
    flipped[flipped.length - 3]! ^= 0x10;
    expectFailure(flipped, /checksum mismatch/);
    const magic = image.slice();
    magic[0] = 0x41;
    expectFailure(magic, /wrong magic/);
    const version = image.slice();
    version[8] = 99;
    expectFailure(version, /format version 99, expected 3 or older/);
  });

  it('writes version 2 unless a section is checked by blocks, and then version 3 with the block checksums hidden from readers', () => {
    assert.equal(new DataView(encodeImage(sample).buffer).getUint32(8, true), 2);
    const big = Uint16Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xffff);
    const image = encodeImage({ ...sample, big }, { big: { blocks: 1024 } });
    assert.equal(new DataView(image.buffer).getUint32(8, true), 3);
    const back = decodeImage(image);
    assert.deepEqual([...back.keys()], [...Object.keys(sample), 'big']);
    assert.deepEqual([...back.get('big')!], [...big]);
    for (const [name, array] of Object.entries(sample)) assert.deepEqual([...back.get(name)!], [...array], name);
    // float16 sections can be checked by blocks too, and kept as halves
    const floats = Float32Array.from({ length: 700 }, (_, i) => Math.cos(i));
    const halves = decodeImage(encodeImage({ floats }, { floats: { float16: true, blocks: 256 } }), 'h.img', new Set(['floats'])).get('floats');
    assert.deepEqual(halves, toFloat16(floats));
  });

  it('checks a section checked by blocks block by block, and the rest by the header', () => {
    const big = Uint16Array.from({ length: 5001 }, (_, i) => (i * 7919) & 0xffff); // 10,002 bytes, padded to 10,008
    const image = encodeImage({ head: sample.ints, big, tail: sample.floats }, { big: { blocks: 1024 } });
    const bigAt = decodeImage(image).get('big')!.byteOffset;
    const inBlock = image.slice();
    inBlock[bigAt + 1024 * 3 + 5]! ^= 0x40;
    assert.throws(() => decodeImage(inBlock, 'x.img'), /x\.img is damaged.*block 3 of its section big fails its checksum/);
    const padding = image.slice();
    padding[bigAt + 10_005]! ^= 1; // the section's last block includes its padding
    assert.throws(() => decodeImage(padding, 'x.img'), /block 9 of its section big/);
    const outside = image.slice();
    outside[image.length - 3]! ^= 1;
    assert.throws(() => decodeImage(outside, 'x.img'), /checksum mismatch/);
    const table = image.slice();
    table[24 + 32 * 3 + 2]! ^= 1; // the block checksums' name, in the table, which the header's checksum covers
    assert.throws(() => decodeImage(table, 'x.img'), /checksum mismatch/);
    const sums = image.slice();
    sums[image.length - 12]! ^= 1; // a block checksum: the companion section is the image's last

    assert.throws(() => decodeImage(sums, 'x.img'), /checksum mismatch/);
    const older = image.slice();
    older[8] = 2;
    assert.throws(() => decodeImage(older, 'x.img'), /section big has unknown type/);
  });

  it('leaves the blocks to be checked when asked for, with decodeImageByBlocks', () => {
    const big = Uint16Array.from({ length: 5001 }, (_, i) => (i * 7919) & 0xffff);
    const image = encodeImage({ head: sample.ints, big }, { big: { blocks: 1024 } });
    const bigAt = decodeImage(image).get('big')!.byteOffset;
    const damaged = image.slice();
    damaged[bigAt + 1024 * 4 + 100]! ^= 0x08;
    assert.throws(() => decodeImage(damaged, 'x.img'), /block 4 of its section big/);
    const { sections, blocks } = decodeImageByBlocks(damaged, 'x.img');
    assert.deepEqual([...sections.keys()], ['head', 'big']);
    const checked = blocks.get('big')!;
    checked.ensure(0, 4 * 1024);
    assert.throws(() => checked.ensure(4 * 1024 + 10, 4 * 1024 + 12), /x\.img is damaged: block 4 of its section big fails its checksum/);
    checked.ensure(5 * 1024, 10_002);
    assert.equal(checked.complete, false);
    const intact = decodeImageByBlocks(image, 'x.img').blocks.get('big')!;
    intact.ensureAll();
    assert.equal(intact.complete, true);
  });

  it('refuses block encodings it cannot write', () => {
    const big = new Uint16Array(100);
    assert.throws(() => encodeImage({ big }, { big: { blocks: 12 } }), /blocks of 12 bytes/);
    assert.throws(() => encodeImage({ big }, { big: { blocks: 0 } }), RangeError);
    assert.throws(() => encodeImage({ big }, { big: { blocks: 64, shuffle: true } }), /takes no filters/);
    assert.throws(() => encodeImage({ big, '#big': new Int32Array(1) }, { big: { blocks: 64 } }), /#big is taken/);
  });

  it('checksum changes when any word changes', () => {
    const words = new Int32Array(64).map((_, i) => Math.imul(i, 0x9e3779b1));
    const base = checksum(words);
    for (let i = 0; i < words.length; i++) {
      const changed = words.slice();
      changed[i]! ^= 1;
      assert.notEqual(checksum(changed), base);
    }
  });

  it('stores a dictionary that reads back identical', () => {
    const dict = PrefixDictionary.fromText('中国 5 ns\n中国人 3\n人 2\n');
    const back = dictionaryFromSections(decodeImage(encodeImage(dictionarySections(dict))), 'mem');
    for (const word of ['中国', '中国人', '人', '中', '国']) {
      assert.equal(back.frequencyOf(word, 0, word.length), dict.frequencyOf(word, 0, word.length));
    }
    assert.equal(back.total, 10);
    assert.equal(back.logTotal, dict.logTotal);
  });

});
