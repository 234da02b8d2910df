import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BIG_DICTIONARY, DEFAULT_DICTIONARY, TextRank, TfIdf, Tokenizer } from '../src/browser.js';
import { TextRank as NodeTextRank, TfIdf as NodeTfIdf, Tokenizer as NodeTokenizer } from '../src/index.js';
import { repoPath } from './support/fixtures.js';

const text = '我来到北京清华大学。他来到了网易杭研大厦，「台中」正確應該不會被切開';

/** Serves dist/data over HTTP, like a web server would. */
let server: Server;
let base: string;
before(async () => {
  server = createServer((request, response) => {
    try {
      const body = readFileSync(repoPath(`dist/data/${request.url!.slice(1)}`));
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => server.close());

/** The fetch a bundler's rewritten URLs would give: package files by URL. */
const packageFetch = ((url: string | URL) => {
  const name = String(url).split('/').pop()!;
  return fetch(new URL(name, base));
}) as typeof fetch;

describe('jieba-ts/browser', () => {
  it('points at the compiled images in the package', () => {
    assert.match(DEFAULT_DICTIONARY.href, /\/dist\/data\/default\.img$/);
    assert.match(BIG_DICTIONARY.href, /\/dist\/data\/big\.img$/);
  });

  it('loads the default dictionary by fetching it, and cuts like the Node entry', async () => {
    const tokenizer = await Tokenizer.load({ fetch: packageFetch });
    assert.deepEqual(tokenizer.cut(text), new NodeTokenizer().cut(text));
    tokenizer.addWord('网易杭研大厦');
    assert.ok(tokenizer.cut(text).includes('网易杭研大厦'));
  });

  it('loads a compiled image from a URL or from an ArrayBuffer', async () => {
    const byUrl = await Tokenizer.load({ dict: `${base}big.img` });
    const bytes = readFileSync(repoPath('dist/data/big.img'));
    const byBuffer = new Tokenizer({ dict: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
    const expected = new NodeTokenizer({ dict: repoPath('data/jieba/dict.txt.big') }).cut(text);
    assert.deepEqual(byUrl.cut(text), expected);
    assert.deepEqual(byBuffer.cut(text), expected);
  });

  it('loads a text dictionary with the default HMM fetched alongside', async () => {
    const tokenizer = await Tokenizer.load({ dict: { text: '北京 10 ns\n清华大学 5 nt\n' }, fetch: packageFetch });
    assert.deepEqual(tokenizer.cut('我来到北京清华大学'), new NodeTokenizer({ dict: { text: '北京 10 ns\n清华大学 5 nt\n' } }).cut('我来到北京清华大学'));
  });

  it('tags after loading the POS model, and says how to get it otherwise', async () => {
    const withPos = await Tokenizer.load({ fetch: packageFetch, pos: true });
    assert.deepEqual(withPos.tag(text), new NodeTokenizer().tag(text));
    const without = await Tokenizer.load({ fetch: packageFetch });
    assert.throws(() => without.tag(text), /Tokenizer\.load\(\{ pos: true \}\)/);
  });

  it('loads every part from URLs of its own (as a site serving the images would), and tags and extracts keywords like Node', async () => {
    const tokenizer = await Tokenizer.load({ dict: `${base}default.img`, pos: `${base}posseg.img`, keywords: new URL('idf.img', base) });
    const node = new NodeTokenizer();
    assert.deepEqual(tokenizer.tag(text), node.tag(text));
    const document = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'), 'utf8');
    assert.deepEqual(new TfIdf(tokenizer).extractTags(document, { topK: 10, withWeight: true }), new NodeTfIdf(node).extractTags(document, { topK: 10, withWeight: true }));
    assert.deepEqual(new TextRank(tokenizer).textRank(document, { topK: 10 }), new NodeTextRank(node).textRank(document, { topK: 10 }));
    await assert.rejects(Tokenizer.load({ dict: `${base}default.img`, pos: `${base}nope.img` }), /cannot fetch .*nope\.img: HTTP 404/);
  });

  it('runs paddle mode after fetching its model, and says how to get it otherwise', async () => {
    const withPaddle = await Tokenizer.load({ fetch: packageFetch, paddle: true });
    assert.deepEqual(withPaddle.cut('我来到北京清华大学', { paddle: true }), ['我', '来到', '北京清华大学']);
    assert.deepEqual(withPaddle.tag(text, { paddle: true }), new NodeTokenizer().tag(text, { paddle: true }));
    const bytes = readFileSync(repoPath('dist/data/paddle.img'));
    const fromBuffer = await Tokenizer.load({ fetch: packageFetch, paddle: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
    assert.deepEqual(fromBuffer.cut('乒乓球拍卖完了', { paddle: true }), ['乒乓球', '拍卖', '完', '了']);
    await assert.rejects(Tokenizer.load({ fetch: packageFetch, paddle: new Uint8Array(64) }), /not a usable jieba-ts image/);
    const without = await Tokenizer.load({ fetch: packageFetch });
    assert.throws(() => without.cut(text, { paddle: true }), /Tokenizer\.load\(\{ paddle: true \}\)/);
  });

  it('explains what to do instead of reading files', async () => {
    assert.throws(() => new Tokenizer().cut('你好'), /create tokenizers with await Tokenizer\.load\(\)/);
    assert.throws(() => new Tokenizer({ dict: 'dict.txt' }).cut('你好'), /browsers have no file system/);
    await assert.rejects(Tokenizer.load({ dict: `${base}missing.img` }), /cannot fetch .*missing\.img: HTTP 404/);
  });
});

describe('jieba-ts/browser imports', () => {
  it('never reaches a Node built-in module', () => {
    const seen = new Set<string>();
    const visit = (url: URL): void => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const source = readFileSync(url, 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        assert.ok(!specifier!.startsWith('node:'), `${url.pathname} imports ${specifier}`);
        if (specifier!.startsWith('.')) visit(new URL(specifier!, url));
      }
    };
    visit(new URL('../src/browser.js', import.meta.url));
    assert.ok(seen.size > 10);
  });
});
