import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, openSync, readFileSync, closeSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { DictionaryError, FetchError, ImageError, POS_MODEL, Tokenizer, type PackagedImage } from '../src/index.js';
import { locateImage, PADDLE_MODEL, platform } from '../src/node-platform.js';
import { decodeImage } from '../src/data/image.js';
import { lacFromFile, lacFromImage } from '../src/data/load.js';
import { SharedModels } from '../src/data/shared-models.js';
import type { ImageFile } from '../src/data/open-image.js';
import { EMBEDDING_SIZE } from '../src/paddle/embedding.js';
import { lacAnalyze } from '../src/paddle/lac.js';
import { repoPath } from './support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jieba-ts-platform-'));
const at = (name: string, bytes: Uint8Array): PackagedImage => {
  writeFileSync(join(dir, name), bytes);
  return { packageName: 'jieba-ts-big', file: name, url: () => pathToFileURL(join(dir, name)) };
};

describe('packaged images in Node.js', () => {
  it('are found beside the module when their own URL is gone or wrong (a bundle made elsewhere)', async () => {
    const gone: PackagedImage = { ...POS_MODEL, url: () => new URL('../data/posseg.img.gz', undefined) };
    const wrong: PackagedImage = { ...POS_MODEL, url: () => pathToFileURL(join(dir, 'elsewhere/posseg.img.gz')) };
    assert.equal(locateImage(gone), repoPath('dist/data/posseg.img.gz'));
    assert.equal(locateImage(wrong), repoPath('dist/data/posseg.img.gz'));
    const tokenizer = await new Tokenizer().load({ pos: gone });
    assert.deepEqual(tokenizer.tag('我爱北京天安门').map((t) => t.tag), ['r', 'v', 'ns', 'ns']);
  });

  it('of companion packages are found in the first node_modules folder up from the working directory that has them', () => {
    const project = mkdtempSync(join(tmpdir(), 'jieba-ts-project-'));
    // Linked, as pnpm and workspaces install packages: the walk answers with
    // the path through the link, where Node's resolution (the fallback) gives the real one.
    const store = join(project, 'store', 'jieba-ts-companion');
    const root = join(project, 'node_modules', 'jieba-ts-companion');
    mkdirSync(join(project, 'src', 'deep'), { recursive: true });
    mkdirSync(store, { recursive: true });
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(store, root, 'dir');
    writeFileSync(join(store, 'package.json'), '{"name":"jieba-ts-companion"}');
    writeFileSync(join(store, 'x.img'), 'x');
    const cwd = process.cwd();
    try {
      process.chdir(join(project, 'src', 'deep'));
      assert.equal(locateImage({ packageName: 'jieba-ts-companion', file: 'x.img' }), join(root, 'x.img'));
      assert.throws(() => locateImage({ packageName: 'jieba-ts-elsewhere', file: 'x.img' }), /the package jieba-ts-elsewhere is not installed/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('name the package to install when it is missing', () => {
    const missing: PackagedImage = { packageName: 'jieba-ts-not-here', file: 'x.img.gz' };
    assert.throws(
      () => new Tokenizer({ dict: missing }).cut('你好'),
      (error: Error) =>
        error instanceof FetchError &&
        error instanceof DictionaryError &&
        error.message === 'cannot find the dictionary jieba-ts-not-here/x.img.gz (the package jieba-ts-not-here is not installed); it ships in the package jieba-ts-not-here: npm install jieba-ts-not-here',
    );
  });

  it('load() fetches http URLs, gzipped or not, and reads paths', async () => {
    const server = createServer((request, response) => {
      const name = request.url!.slice(1);
      const path = name === 'big.img.gz' ? repoPath('packages/big/big.img.gz') : name === 'words.txt' ? repoPath('test/fixtures/dict/small-dict.txt') : undefined;
      if (!path) return void response.writeHead(404).end();
      response.writeHead(200).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const big = await Tokenizer.load({ dict: `${base}big.img.gz` });
      assert.deepEqual(big.cut('我來到北京清華大學'), ['我', '來到', '北京', '清華大學']);
      const text = await Tokenizer.load({ dict: new URL('words.txt', base) });
      assert.deepEqual(text.cut('我来到北京清华大学'), new Tokenizer({ dict: repoPath('test/fixtures/dict/small-dict.txt') }).cut('我来到北京清华大学'));
      await assert.rejects(Tokenizer.load({ dict: `${base}nope.img` }), (error: Error) => error instanceof FetchError && /cannot fetch dictionary .*nope\.img: HTTP 404/.test(error.message));
    } finally {
      server.close();
    }
  });

  it('say to reinstall the package when the file is damaged or truncated, and change nothing', () => {
    const tokenizer = new Tokenizer();
    const before = tokenizer.cut('我来到北京清华大学');
    const image = readFileSync(repoPath('packages/big/big.img.gz'));
    // Damaged and truncated images are ImageErrors (DictionaryErrors too); gzipped bytes that are no image are read as dictionary text, which fails at its first line.
    const cases: [PackagedImage, RegExp, typeof DictionaryError][] = [
      [at('damaged.img.gz', Uint8Array.from(image.subarray(0, 5000))), /damaged.img.gz is damaged: .*; reinstall the package jieba-ts-big \(npm install jieba-ts-big\)$/, ImageError],
      [at('garbage.img.gz', gzipSync(Buffer.from('not an image at all'))), /line 1/, DictionaryError],
      [at('truncated.img', Uint8Array.from(readFileSync(repoPath('dist/data/default.img')).subarray(0, 4096))), /truncated\?\); reinstall the package jieba-ts-big/, ImageError],
    ];
    for (const [source, pattern, kind] of cases) {
      assert.throws(() => tokenizer.setDictionary(source), (error: Error) => error instanceof kind && error instanceof DictionaryError && pattern.test(error.message), String(source.file));
    }
    assert.deepEqual(tokenizer.cut('我来到北京清华大学'), before);
  });
});

describe('the paddle-mode model in Node.js', () => {
  const paddlePath = locateImage(PADDLE_MODEL);
  const bytes = new Uint8Array(readFileSync(paddlePath));
  const embeddingAt = decodeImage(bytes, 'paddle.img', new Set(['lac.embedding'])).get('lac.embedding')!.byteOffset;
  const rowBytes = EMBEDDING_SIZE * 2;

  it('is read without its embedding, each block of rows read when first needed: the same rows and labels as read whole', () => {
    const opened = platform.open!(PADDLE_MODEL, 'paddle-mode model');
    let read = 0;
    const counting: ImageFile = { ...opened, read: (target, position) => ((read += target.length), opened.read(target, position)) };
    const lazy = lacFromFile(counting)!;
    assert.ok(read < 1.3e6 && read > 1.1e6, `${read} bytes read at load, of ${bytes.length}`);
    const whole = lacFromImage(bytes, 'paddle.img');
    const [a, b] = [new Float32Array(EMBEDDING_SIZE), new Float32Array(EMBEDDING_SIZE)];
    for (const id of [0, 1, 127, 128, 5000, 12_345, lazy.embedding.rows - 1]) {
      const before = read;
      lazy.embedding.copyRow(id, a, 0);
      whole.embedding.copyRow(id, b, 0);
      assert.deepEqual(a, b, `row ${id}`);
      assert.ok(read - before <= 32 * 1024, `row ${id}: ${read - before} bytes read`);
    }
    const text = '我来到北京清华大学，他說「你好，世界」。ｊｉｅｂａ';
    assert.deepEqual(lacAnalyze(lazy, text), lacAnalyze(whole, text));
  });

  it('leaves the network as it was when a block of rows is found damaged: later sentences are labelled as by the intact model', () => {
    const whole = lacFromImage(bytes, 'paddle.img');
    const id = whole.vocabulary.get('京')!;
    const block = Math.floor(id / 128);
    const damaged = bytes.slice();
    damaged[embeddingAt + id * rowBytes + 3]! ^= 0x20;
    const file: ImageFile = { name: 'damaged.img', size: damaged.length, read: (target, position) => target.set(damaged.subarray(position, position + target.length)) };
    const lazy = lacFromFile(file)!;
    const failing = '我来到北京清华大学';
    // Characters outside the damaged block, new to the network when the failing sentence is tried first.
    const others = [...'他说这是一个好的开始我们明天去上海看看那边的天气怎么样'].filter((c) => Math.floor(whole.vocabulary.get(c)! / 128) !== block).join('');
    assert.ok(others.length > 20);
    for (let i = 0; i < 2; i++) assert.throws(() => lacAnalyze(lazy, `${others}${failing}`), new RegExp(`block ${block} of its section lac\\.embedding fails its checksum`));
    assert.deepEqual(lacAnalyze(lazy, others), lacAnalyze(whole, others));
    assert.deepEqual(lacAnalyze(lazy, `${others}。${others.slice(3)}`), lacAnalyze(whole, `${others}。${others.slice(3)}`));
  });

  it('read whole (as fetched), checks each block of the embedding when a sentence first reaches it, saying to reinstall', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-ts-paddle-whole-'));
    const path = join(dir, 'paddle.img');
    const whole = lacFromImage(bytes, 'paddle.img');
    const id = whole.vocabulary.get('京')!;
    const damaged = bytes.slice();
    damaged[embeddingAt + id * rowBytes + 9]! ^= 0x04;
    writeFileSync(path, damaged);
    const image: PackagedImage = { packageName: 'jieba-ts-paddle', file: 'paddle.img', url: () => pathToFileURL(path) };
    // No `open`: the platform reads the file whole, as a browser fetches it.
    const { open: _open, ...wholeFiles } = platform;
    const model = new SharedModels({ ...wholeFiles, images: { ...platform.images, paddle: image } }).paddle();
    const block = Math.floor(id / 128);
    const others = [...'他说这是一个好的开始我们明天去上海'].filter((c) => Math.floor(whole.vocabulary.get(c)! / 128) !== block).join('');
    assert.deepEqual(lacAnalyze(model, others), lacAnalyze(whole, others));
    const pattern = new RegExp(`paddle\\.img is damaged: block ${block} of its section lac\\.embedding fails its checksum; reinstall the package jieba-ts-paddle`);
    for (let i = 0; i < 2; i++) assert.throws(() => lacAnalyze(model, '我来到北京'), (error: Error) => error instanceof ImageError && pattern.test(error.message));
    assert.deepEqual(lacAnalyze(model, others), lacAnalyze(whole, others));
  });

  it('says to reinstall jieba-ts-paddle when a block is damaged, cut short or gone after the load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-ts-paddle-'));
    const path = join(dir, 'paddle.img');
    copyFileSync(paddlePath, path);
    const image: PackagedImage = { packageName: 'jieba-ts-paddle', file: 'paddle.img', url: () => pathToFileURL(path) };
    const model = new SharedModels({ ...platform, images: { ...platform.images, paddle: image } }).paddle();
    const row = new Float32Array(EMBEDDING_SIZE);
    model.embedding.copyRow(3, row, 0);
    const fd = openSync(path, 'r+');
    writeSync(fd, Uint8Array.of(0x55), 0, 1, embeddingAt + 200 * rowBytes + 7);
    closeSync(fd);
    const fails = (id: number, pattern: RegExp, kind: typeof DictionaryError): void => {
      assert.throws(() => model.embedding.copyRow(id, row, 0), (error: Error) => error instanceof kind && pattern.test(error.message), `row ${id}`);
    };
    fails(200, /paddle\.img is damaged \(or was replaced after it was opened\): block 1 of its section lac\.embedding fails its checksum; reinstall the package jieba-ts-paddle/, ImageError);
    fails(255, /block 1 of its section lac\.embedding fails its checksum/, ImageError); // still absent
    model.embedding.copyRow(4, row, 0); // block 0, read before
    truncateSync(path, embeddingAt + 1000 * rowBytes);
    fails(2000, /paddle\.img is shorter than when it was opened \(replaced\?\); reinstall the package jieba-ts-paddle/, ImageError);
    unlinkSync(path);
    fails(3000, /cannot read paddle-mode model .*paddle\.img: no such file; reinstall the package jieba-ts-paddle/, FetchError);
  });
});
