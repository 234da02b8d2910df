import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { constants, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { InflateError, gunzip, gunzipChunkSize, inflateRaw, isGzip } from '../../src/data/inflate.js';
import { repoPath } from '../support/fixtures.js';
import { seededRandom } from '../../compat/random-text.js';

/** Deterministic pseudo-random bytes: runs, repeats at every distance and noise, over a chosen alphabet. */
function sample(seed: number, length: number, alphabet: number): Uint8Array {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const back = 1 + Math.floor(next() * Math.min(i, 40000));
    bytes[i] = i > 0 && next() < 0.4 ? bytes[i - back]! : Math.floor(next() * alphabet);
  }
  return bytes;
}

const STRATEGIES = [
  { level: 0 },
  { level: 1 },
  { level: 9 },
  { level: 6, strategy: constants.Z_FIXED },
  { level: 6, strategy: constants.Z_HUFFMAN_ONLY },
  { level: 6, strategy: constants.Z_RLE },
];

describe('inflate', () => {
  it('decodes what zlib encodes, at every level and strategy (stored, fixed and dynamic blocks)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const bytes = sample(seed, (seed * 977) % 70000, seed % 3 === 0 ? 4 : seed % 3 === 1 ? 64 : 256);
      for (const options of STRATEGIES) {
        assert.deepEqual(inflateRaw(deflateRawSync(bytes, options)), bytes, `seed ${seed} ${JSON.stringify(options)}`);
        assert.deepEqual(gunzip(gzipSync(bytes, options)), bytes, `gzip seed ${seed}`);
      }
    }
  });

  it('decodes the shipped images byte for byte', () => {
    const image = readFileSync(repoPath('dist/data/default.img'));
    assert.deepEqual(Buffer.from(gunzip(gzipSync(image, { level: 9 }))).equals(image), true);
    const shipped = readFileSync(repoPath('dist/data/posseg.img.gz'));
    assert.ok(isGzip(shipped));
    assert.ok(Buffer.from(gunzip(shipped)).equals(gunzipSync(shipped)));
  });

  it('grows the output when the size hint is wrong', () => {
    const bytes = sample(7, 50000, 256);
    assert.deepEqual(inflateRaw(deflateRawSync(bytes), 10), bytes);
  });

  it('refuses damaged and truncated data with an InflateError, never a wrong result', () => {
    const bytes = sample(3, 20000, 32);
    const gz = gzipSync(bytes);
    assert.throws(() => gunzip(gz.subarray(0, gz.length - 100)), InflateError);
    assert.throws(() => gunzip(gz.subarray(0, 12)), InflateError);
    assert.throws(() => gunzip(Uint8Array.of(1, 2, 3)), /not gzip data/);
    const wrongSize = Uint8Array.from(gz);
    wrongSize[wrongSize.length - 4]! ^= 1;
    assert.throws(() => gunzip(wrongSize), /trailer records/);
    // Flip bits across the stream: each run either fails or, if the code still parses, gives a size mismatch.
    let failures = 0;
    for (let at = 20; at < gz.length - 8; at += 97) {
      const damaged = Uint8Array.from(gz);
      damaged[at]! ^= 0x24;
      try {
        const out = gunzip(damaged);
        assert.notDeepEqual(out, bytes);
      } catch (error) {
        assert.ok(error instanceof InflateError, String(error));
        failures++;
      }
    }
    assert.ok(failures > 0);
    assert.throws(() => inflateRaw(Uint8Array.of(0xff)), /invalid block type|end of the compressed data/);
  });
});

describe('gunzipChunkSize', () => {
  it("is the trailer's size where it is believable, so that zlib inflates in one piece", () => {
    // Bytes of sixteen values in random order, which deflate shrinks about twofold.
    const random = seededRandom(7);
    const text = new Uint8Array(300_000).map(() => Math.floor(random() * 16));
    const gz = gzipSync(text);
    assert.equal(gunzipChunkSize(gz), 300_000);
    assert.equal(gunzipChunkSize(gzipSync(new Uint8Array(100))), 64 * 1024, 'at least 64 KiB');
    const lying = gz.slice();
    lying.set([0xff, 0xff, 0xff, 0x7f], lying.length - 4);
    assert.equal(gunzipChunkSize(lying), 16 * gz.length, 'a size the input cannot hold is not believed');
    assert.equal(gunzipChunkSize(Uint8Array.of(1, 2)), 64 * 1024);
  });
});
