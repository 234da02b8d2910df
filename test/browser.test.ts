import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { TextRank as NodeTextRank, TfIdf as NodeTfIdf, Tokenizer as NodeTokenizer, type PackagedImage } from '../src/index.js';
import { importBundle, type JiebaModule } from './support/bundles.js';
import { repoPath } from './support/fixtures.js';

const text = '我来到北京清华大学。他来到了网易杭研大厦，「台中」正確應該不會被切開';

/** Where the server finds a file by its name: the package's data, or a companion package. */
function packageFile(name: string): string | undefined {
  return [`dist/data/${name}`, `packages/big/${name}`, `packages/paddle/${name}`].map(repoPath).find((path) => existsSync(path));
}

/**
 * Serves the package's images over HTTP, as a web server would: `.gz`
 * files as plain bytes, except under `/encoded/`, where they are sent
 * decoded with `Content-Encoding: gzip` (as some servers do for `.gz`).
 */
let server: Server;
let base: string;
before(async () => {
  server = createServer((request, response) => {
    const encoded = request.url!.startsWith('/encoded/');
    const path = packageFile(request.url!.split('/').pop()!);
    if (!path) return void response.writeHead(404).end();
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (encoded) headers['content-encoding'] = 'gzip';
    response.writeHead(200, headers).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => server.close());

/** The fetch a bundler's rewritten URLs would give: package files by URL, served by the server above. */
const packageFetch = ((url: string | URL) => fetch(new URL(String(url).split('/').pop()!, base))) as typeof fetch;

let browser: JiebaModule;
let embedded: JiebaModule;
let POS_MODEL: PackagedImage;
let IDF_TABLE: PackagedImage;
let PADDLE_MODEL: PackagedImage;
let BIG_DICTIONARY: PackagedImage;
before(async () => {
  browser = await importBundle('browser');
  embedded = await importBundle('embedded');
  ({ POS_MODEL } = await importBundle<{ POS_MODEL: PackagedImage }>('posseg-image'));
  ({ IDF_TABLE } = await importBundle<{ IDF_TABLE: PackagedImage }>('idf-image'));
  ({ PADDLE_MODEL } = (await import(new URL('../../packages/paddle/index.js', import.meta.url).href)) as { PADDLE_MODEL: PackagedImage });
  ({ BIG_DICTIONARY } = (await import(new URL('../../packages/big/index.js', import.meta.url).href)) as { BIG_DICTIONARY: PackagedImage });
});

describe('jieba-ts/browser', () => {
  it('points at the gzipped images, worked out only when asked for', () => {
    assert.match(browser.DEFAULT_DICTIONARY.url!().href, /\/dist\/data\/default\.img\.gz$/);
    assert.match(POS_MODEL.url!().href, /\/dist\/data\/posseg\.img\.gz$/);
    assert.match(IDF_TABLE.url!().href, /\/dist\/data\/idf\.img\.gz$/);
    assert.match(BIG_DICTIONARY.url!().href, /\/packages\/big\/big\.img\.gz$/);
    // The entry itself names the optional images without their place, so bundlers do not emit them.
    assert.equal(browser.POS_MODEL.url, undefined);
    assert.equal(browser.BIG_DICTIONARY.url, undefined);
  });

  it('says to load first when cut comes before load(), then cuts like the Node entry', async () => {
    const fresh = await importBundle('browser', 'before-load');
    assert.throws(() => fresh.cut(text), (error: Error) => error instanceof fresh.DictionaryError && /await load\(\).*jieba-ts\/embedded/.test(error.message));
    await fresh.load({ fetch: packageFetch });
    assert.deepEqual(fresh.cut(text), new NodeTokenizer().cut(text));
    assert.deepEqual(fresh.default.cutForSearch(text), new NodeTokenizer().cutForSearch(text));
    // The default data is shared: later tokenizers of the page need no load().
    assert.deepEqual(new fresh.Tokenizer().cut(text), new NodeTokenizer().cut(text));
  });

  it('takes gzipped images as plain bytes or decoded by the server, and raw images', async () => {
    const expected = new NodeTokenizer({ dict: repoPath('data/jieba/dict.txt.big') }).cut(text);
    const gz = await browser.Tokenizer.load({ dict: `${base}big.img.gz` });
    const decodedByServer = await browser.Tokenizer.load({ dict: `${base}encoded/big.img.gz` });
    const raw = gunzipSync(readFileSync(repoPath('packages/big/big.img.gz')));
    const fromBytes = new browser.Tokenizer({ dict: raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length) as ArrayBuffer });
    const fromGzBytes = new browser.Tokenizer({ dict: new Uint8Array(readFileSync(repoPath('packages/big/big.img.gz'))) });
    const fromCompanion = await browser.Tokenizer.load({ dict: BIG_DICTIONARY, fetch: packageFetch });
    for (const tokenizer of [gz, decodedByServer, fromBytes, fromGzBytes, fromCompanion]) assert.deepEqual(tokenizer.cut(text), expected);
  });

  it('loads a text dictionary with the default HMM fetched alongside', async () => {
    const tokenizer = await browser.Tokenizer.load({ dict: { text: '北京 10 ns\n清华大学 5 nt\n' }, fetch: packageFetch });
    assert.deepEqual(tokenizer.cut('我来到北京清华大学'), new NodeTokenizer({ dict: { text: '北京 10 ns\n清华大学 5 nt\n' } }).cut('我来到北京清华大学'));
  });

  it('tags and extracts keywords after loading the models from their own imports, and says how otherwise', async () => {
    const fresh = await importBundle('browser', 'models');
    await fresh.load({ fetch: packageFetch });
    assert.throws(() => fresh.tag(text), /not loaded.*load\(\{ pos: POS_MODEL \}\).*'jieba-ts\/images\/posseg'/);
    assert.throws(() => fresh.extractTags(text), /load\(\{ keywords: IDF_TABLE \}\).*'jieba-ts\/images\/idf'/);
    await assert.rejects(fresh.load({ pos: true, fetch: packageFetch }), /load\(\{ pos: POS_MODEL \}\), with POS_MODEL imported from 'jieba-ts\/images\/posseg'/);
    await fresh.load({ pos: POS_MODEL, keywords: IDF_TABLE, fetch: packageFetch });
    const node = new NodeTokenizer();
    assert.deepEqual(fresh.tag(text), node.tag(text));
    const document = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'), 'utf8');
    assert.deepEqual(fresh.extractTags(document, { topK: 10, withWeight: true }), new NodeTfIdf(node).extractTags(document, { topK: 10, withWeight: true }));
    assert.deepEqual(fresh.textRank(document, { topK: 10 }), new NodeTextRank(node).textRank(document, { topK: 10 }));
  });

  it('loads every part from URLs of its own, as a site serving the images would', async () => {
    const tokenizer = await browser.Tokenizer.load({ dict: `${base}default.img.gz`, pos: `${base}posseg.img.gz`, keywords: new URL('idf.img.gz', base) });
    const node = new NodeTokenizer();
    assert.deepEqual(tokenizer.tag(text), node.tag(text));
    await assert.rejects(browser.Tokenizer.load({ dict: `${base}default.img.gz`, pos: `${base}nope.img` }), /cannot fetch POS model .*nope\.img: HTTP 404/);
  });

  it('runs paddle mode after fetching its model from the companion package, and says how to get it otherwise', async () => {
    const withPaddle = await browser.Tokenizer.load({ fetch: packageFetch, paddle: PADDLE_MODEL });
    assert.deepEqual(withPaddle.cut('我来到北京清华大学', { paddle: true }), ['我', '来到', '北京清华大学']);
    assert.deepEqual(withPaddle.tag(text, { paddle: true }), new NodeTokenizer().tag(text, { paddle: true }));
    const bytes = readFileSync(repoPath('packages/paddle/paddle.img'));
    const fromBuffer = await browser.Tokenizer.load({ fetch: packageFetch, paddle: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
    assert.deepEqual(fromBuffer.cut('乒乓球拍卖完了', { paddle: true }), ['乒乓球', '拍卖', '完', '了']);
    // A gzipped copy of the image loads too (a server may hand it out so).
    const fromGzip = await browser.Tokenizer.load({ fetch: packageFetch, paddle: new Uint8Array(gzipSync(bytes)) });
    assert.deepEqual(fromGzip.tag(text, { paddle: true }), withPaddle.tag(text, { paddle: true }));
    await assert.rejects(browser.Tokenizer.load({ fetch: packageFetch, paddle: new Uint8Array(64) }), /not a usable jieba-ts image/);
    // The package's model, once loaded, is shared by the page's tokenizers; a new page has none.
    const fresh = await importBundle('browser', 'no-paddle');
    const without = await fresh.Tokenizer.load({ fetch: packageFetch });
    assert.throws(() => without.cut(text, { paddle: true }), /npm install jieba-ts-paddle.*'jieba-ts-paddle'/);
  });

  it('explains what to do instead of reading files, and fails cleanly where import.meta.url is gone', async () => {
    assert.throws(() => new browser.Tokenizer({ dict: 'dict.txt' }).cut('你好'), /cannot read the dictionary dict\.txt synchronously here \(no file system\)/);
    await assert.rejects(browser.Tokenizer.load({ dict: `${base}missing.img` }), /cannot fetch dictionary .*missing\.img: HTTP 404/);
    // What an IIFE bundle does to `new URL(path, import.meta.url)`: import.meta is {}.
    const iife: PackagedImage = { packageName: 'jieba-ts', file: 'dist/data/default.img.gz', url: () => new URL('../data/default.img.gz', undefined) };
    const fresh = await importBundle('browser', 'iife');
    await assert.rejects(fresh.Tokenizer.load({ dict: iife }), /cannot locate the default dictionary jieba-ts\/dist\/data\/default\.img\.gz: this build has no import\.meta\.url/);
  });
});

describe('jieba-ts/embedded', () => {
  it('cuts at once, with no load and no files, exactly as the Node entry', () => {
    assert.deepEqual(embedded.cut(text), new NodeTokenizer().cut(text));
    assert.deepEqual(embedded.tokenize(text, { mode: 'search' }), new NodeTokenizer().tokenize(text, { mode: 'search' }));
    const document = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'), 'utf8');
    assert.deepEqual(new embedded.Tokenizer().cutAll(document), new NodeTokenizer().cutAll(document));
  });

  it('inflates in JavaScript where the runtime lends no zlib, with the same result', async () => {
    const process = globalThis.process as { getBuiltinModule?: unknown };
    const saved = process.getBuiltinModule;
    delete process.getBuiltinModule;
    try {
      const fresh = await importBundle('embedded', 'no-zlib');
      assert.deepEqual(fresh.cut(text), new NodeTokenizer().cut(text));
      assert.throws(() => fresh.loadUserDict('some/file.txt'), /cannot read the user dictionary some\/file\.txt synchronously here/);
    } finally {
      process.getBuiltinModule = saved;
    }
  });

  it('reads files where the runtime lends them, and loads the optional models like the browser entry', async () => {
    const fresh = await importBundle('embedded', 'models');
    fresh.loadUserDict(repoPath('test/fixtures/dict/jieba-userdict.txt'));
    const node = new NodeTokenizer().loadUserDict(repoPath('test/fixtures/dict/jieba-userdict.txt'));
    assert.deepEqual(fresh.cut(text), node.cut(text));
    assert.throws(() => fresh.tag(text), /'jieba-ts\/images\/posseg'/);
    await fresh.load({ pos: POS_MODEL, fetch: packageFetch });
    assert.deepEqual(fresh.tag(text), node.tag(text));
  });
});

describe('bundles for browsers', () => {
  it('never import a Node built-in module', () => {
    for (const name of ['browser', 'embedded', 'posseg-image', 'idf-image']) {
      const source = readFileSync(repoPath(`dist/bundle/${name}.js`), 'utf8');
      assert.doesNotMatch(source, /(?:from|import)\s*\(?\s*["']node:/, name);
      assert.doesNotMatch(source, /\brequire\s*\(/, name);
    }
  });

  it('name only the images they need, so that bundlers emit nothing more', () => {
    const urls = (name: string): string[] =>
      [...readFileSync(repoPath(`dist/bundle/${name}.js`), 'utf8').matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[1]!);
    assert.deepEqual(urls('browser'), ['../data/default.img.gz']);
    assert.deepEqual(urls('embedded'), []);
    assert.deepEqual(urls('posseg-image'), ['../data/posseg.img.gz']);
    assert.deepEqual(urls('idf-image'), ['../data/idf.img.gz']);
  });
});
