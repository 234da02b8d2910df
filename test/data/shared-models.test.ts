import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeImage } from '../../src/data/image.js';
import { idfSections } from '../../src/data/sections.js';
import { SharedModels } from '../../src/data/shared-models.js';
import { DictionaryError, FetchError, ImageError } from '../../src/dictionary/errors.js';
import { IdfTable } from '../../src/dictionary/idf-table.js';
import type { Location, Platform } from '../../src/platform.js';

const IDF_IMAGE = encodeImage(idfSections(IdfTable.fromText('北京 5.5\n天安门 9.25\n', 'idf.txt')));

/** A platform serving `bytes` for every image, counting what it is asked. */
class FakePlatform implements Platform {
  reads = 0;
  fetches = 0;
  gunzips = 0;
  failNextFetch = false;
  readonly images = {
    dictionary: { packageName: 'jieba-ts', file: 'dist/data/default.img' },
    pos: { packageName: 'jieba-ts', file: 'dist/data/posseg.img.gz' },
    idf: { packageName: 'jieba-ts', file: 'dist/data/idf.img.gz' },
    big: { packageName: 'jieba-ts-big', file: 'big.img.gz' },
    paddle: { packageName: 'jieba-ts-paddle', file: 'paddle.img' },
  };

  constructor(readonly bytes: Uint8Array) {}

  read(_location: Location, what: string): [Uint8Array, string] {
    this.reads++;
    return [this.bytes, `${what}.img`];
  }

  async fetch(_location: Location, what: string): Promise<[Uint8Array, string]> {
    this.fetches++;
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failNextFetch) {
      this.failNextFetch = false;
      throw new FetchError(`cannot fetch ${what}: 503`, `${what}.img`);
    }
    return [this.bytes, `${what}.img`];
  }

  gunzip(bytes: Uint8Array): Uint8Array {
    this.gunzips++;
    return new Uint8Array(gunzipSync(bytes));
  }
}

describe('SharedModels', () => {
  it('reads a piece once, on first use, and hands every caller the same one', () => {
    const platform = new FakePlatform(IDF_IMAGE);
    const shared = new SharedModels(platform);
    assert.equal(platform.reads, 0, 'nothing is read before it is used');
    const idf = shared.idf();
    assert.equal(idf.idf('天安门'), 9.25);
    assert.equal(shared.idf(), idf);
    assert.equal(platform.reads, 1);
    assert.equal(platform.gunzips, 0, 'bytes that are not gzip are not decompressed');
  });

  it('decompresses gzip bytes, whatever their name', () => {
    const platform = new FakePlatform(gzipSync(IDF_IMAGE));
    assert.equal(new SharedModels(platform).idf().idf('北京'), 5.5);
    assert.equal(platform.gunzips, 1);
  });

  it('fetches once for concurrent loads, and not again once loaded', async () => {
    const platform = new FakePlatform(IDF_IMAGE);
    const shared = new SharedModels(platform);
    await Promise.all([shared.load('idf', undefined), shared.load('idf', undefined), shared.load('idf', undefined)]);
    assert.equal(platform.fetches, 1);
    await shared.load('idf', undefined);
    assert.equal(platform.fetches, 1);
    assert.equal(shared.idf().idf('北京'), 5.5);
    assert.equal(platform.reads, 0, 'a loaded piece is not read again');
  });

  it('tries again after a failed fetch', async () => {
    const platform = new FakePlatform(IDF_IMAGE);
    const shared = new SharedModels(platform);
    platform.failNextFetch = true;
    await assert.rejects(shared.load('idf', undefined), FetchError);
    await shared.load('idf', undefined);
    assert.equal(platform.fetches, 2);
    assert.equal(shared.idf().idf('北京'), 5.5);
  });

  it('refuses a damaged image, naming the package to reinstall, and keeps nothing of it', () => {
    const damaged = IDF_IMAGE.slice();
    damaged[damaged.length - 9]! ^= 1;
    const platform = new FakePlatform(damaged);
    const shared = new SharedModels(platform);
    const refused = (error: Error): boolean => error instanceof ImageError && /checksum.*reinstall the package jieba-ts \(npm install jieba-ts\)/.test(error.message);
    assert.throws(() => shared.idf(), refused);
    // Nothing was kept: the next use reads again, and fails again.
    assert.throws(() => shared.idf(), refused);
    assert.equal(platform.reads, 2);
  });

  it('refuses bytes of another kind of image as that piece', () => {
    const shared = new SharedModels(new FakePlatform(IDF_IMAGE));
    assert.throws(() => shared.pos(), (error: Error) => error instanceof DictionaryError && /POS model\.img/.test(error.message));
  });
});
