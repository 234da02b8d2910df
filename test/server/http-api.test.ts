import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { floatHex } from '../../compat/keywords.js';
import { Tokenizer } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { readJsonLinesGz } from '../support/fixtures.js';

interface CutRecord {
  text: string;
  cut: string[];
  cut_no_hmm: string[];
  cut_all: string[];
  search: string[];
  search_no_hmm: string[];
  tokenize: number[];
  tokenize_search: number[];
  tag: string[];
  tag_no_hmm: string[];
}

interface KeywordRecord {
  text: string;
  tfidf_weight_all: [string, string][];
  textrank_flag: [[string, string], string][];
}

/** A raw request, for what fetch cannot send (bad bytes, lying headers, slow bodies). */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string | number | undefined>; body?: Uint8Array | string; endAfterMs?: number },
): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
  return new Promise((resolve, reject) => {
    // JSON unless the test says otherwise; undefined leaves a header out.
    const headers = Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...options.headers }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const request = httpRequest(url, { path: options.path, method: options.method ?? 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode!, headers: response.headers, json: text ? JSON.parse(text) : undefined });
      });
    });
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    if (options.endAfterMs === undefined) request.end();
    else setTimeout(() => request.end(), options.endAfterMs).unref();
  });
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function pairs(flat: string[]): { word: string; tag: string }[] {
  const out = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ word: flat[i]!, tag: flat[i + 1]! });
  return out;
}

describe('HTTP API', () => {
  let running: RunningServer;
  let url: string;
  let encoding: RunningServer;
  /** Both servers: answers written as JSON by the server's thread, and by the worker. */
  let urls: string[];
  before(async () => {
    // One worker thread: the path `jieba serve` takes, answers written by json-writer.
    running = await startServer({ workers: 1, port: 0, maxBodyBytes: 64 * 1024, bodyTimeoutMs: 300, encodeInWorkers: false });
    url = running.url;
    encoding = await startServer({ workers: 1, port: 0, encodeInWorkers: true });
    urls = [url, encoding.url];
  });
  after(async () => {
    await running.close();
    await encoding.close();
  });

  describe('answers as Python jieba 0.42.1 (golden fixtures)', () => {
    const records = [
      ...readJsonLinesGz<CutRecord>('golden/default/seed-news.jsonl.gz').slice(0, 12),
      ...readJsonLinesGz<CutRecord>('golden/default/edge-cases.jsonl.gz'),
    ];

    it('POST /cut in every mode', async () => {
      for (const url of urls) for (const r of records) {
        assert.deepEqual((await post(url, '/cut', { text: r.text })).json, { tokens: r.cut }, r.text);
        assert.deepEqual((await post(url, '/cut', { text: r.text, hmm: false })).json, { tokens: r.cut_no_hmm });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'all' })).json, { tokens: r.cut_all });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'search' })).json, { tokens: r.search });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'search', hmm: false })).json, { tokens: r.search_no_hmm });
      }
    });

    it('POST /tokenize: the words of cut, with offsets that slice them out of the text', async () => {
      for (const url of urls) for (const r of records) {
        const { status, json } = await post(url, '/tokenize', { text: r.text });
        assert.equal(status, 200);
        assert.deepEqual(json.tokens.map((t: { word: string }) => t.word), r.cut);
        let at = 0;
        for (const { word, start, end } of json.tokens) {
          assert.equal(start, at);
          assert.equal(r.text.slice(start, end), word);
          at = end;
        }
        assert.equal(at, r.text.length);
      }
    });

    it("POST /tokenize with offsets in code points (Python's numbers) or UTF-8 bytes", async () => {
      const flat = (tokens: { start: number; end: number }[]): number[] => tokens.flatMap(({ start, end }) => [start, end]);
      assert.ok(records.some((r) => /[\ud800-\udfff]/.test(r.text)), 'the edge cases hold characters outside the BMP');
      for (const url of urls) for (const r of records) {
        assert.deepEqual(flat((await post(url, '/tokenize', { text: r.text, offsets: 'codepoint' })).json.tokens), r.tokenize, r.text);
        assert.deepEqual(flat((await post(url, '/tokenize', { text: r.text, mode: 'search', offsets: 'codepoint' })).json.tokens), r.tokenize_search);
        const bytes = new TextEncoder().encode(r.text);
        for (const { word, start, end } of (await post(url, '/tokenize', { text: r.text, offsets: 'utf8' })).json.tokens) {
          const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(word); // UTF-8 holds U+FFFD instead
          if (!lone) assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end)), word);
        }
      }
    });

    it('POST /tag with and without the HMM', async () => {
      for (const url of urls) for (const r of records) {
        assert.deepEqual((await post(url, '/tag', { text: r.text })).json, { tokens: pairs(r.tag) }, r.text);
        assert.deepEqual((await post(url, '/tag', { text: r.text, hmm: false })).json, { tokens: pairs(r.tag_no_hmm) });
      }
    });

    it('POST /keywords: TF-IDF and TextRank, weights to the last bit', async () => {
      const documents = readJsonLinesGz<KeywordRecord>('golden/keywords/documents.jsonl.gz').slice(0, 40);
      for (const url of urls) for (const d of documents) {
        const tfidf = (await post(url, '/keywords', { text: d.text, topK: null })).json;
        assert.deepEqual(
          tfidf.keywords.map((k: { word: string; weight: number }) => [k.word, floatHex(k.weight)]),
          d.tfidf_weight_all,
        );
        const ranked = (
          await post(url, '/keywords', { text: d.text, method: 'textrank', topK: 15, withFlag: true, allowPOS: ['n', 'nr', 'ns', 'v', 'eng'] })
        ).json;
        assert.deepEqual(
          ranked.keywords.map((k: { word: string; tag: string; weight: number }) => [[k.word, k.tag], floatHex(k.weight)]),
          d.textrank_flag,
        );
      }
    });
  });

  describe('refuses bad requests with a JSON error and the right status', () => {
    const refuses = async (
      response: Promise<{ status: number; json: any; headers?: Record<string, unknown> }>,
      status: number,
      code: string,
      message?: RegExp,
    ): Promise<void> => {
      const { status: got, json } = await response;
      assert.equal(got, status, JSON.stringify(json));
      assert.equal(json.error.status, status);
      assert.equal(json.error.code, code);
      if (message) assert.match(json.error.message, message);
    };

    it('invalid JSON', () => refuses(raw(url, { path: '/cut', body: '{"text": "我' }), 400, 'invalid_json', /not JSON/));
    it('an empty body', () => refuses(raw(url, { path: '/cut', body: '' }), 400, 'invalid_json', /empty/));
    it('invalid UTF-8, with the byte offset', () =>
      refuses(raw(url, { path: '/cut', body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe4, 0xb8, 0x22, 0x7d]) }), 400, 'invalid_utf8', /byte 9/));
    it('a body that is not an object', () => refuses(post(url, '/cut', ['我']), 400, 'invalid_request', /JSON object/));
    it('text missing or of the wrong type', async () => {
      await refuses(post(url, '/cut', {}), 400, 'invalid_request', /"text" is required/);
      await refuses(post(url, '/tag', { text: 42 }), 400, 'invalid_request', /"text" must be a string/);
    });
    it('options of the wrong type or value', async () => {
      await refuses(post(url, '/cut', { text: '我', mode: 'fast' }), 400, 'invalid_request', /"mode" must be one of/);
      await refuses(post(url, '/tokenize', { text: '我', mode: 'all' }), 400, 'invalid_request', /"mode"/);
      await refuses(post(url, '/tokenize', { text: '我', offsets: 'bytes' }), 400, 'invalid_request', /"offsets" must be one of "utf16", "utf8", "codepoint"/);
      await refuses(post(url, '/cut', { text: '我', hmm: 'no' }), 400, 'invalid_request', /"hmm" must be true or false/);
      await refuses(post(url, '/keywords', { text: '我', topK: -1 }), 400, 'invalid_request', /"topK"/);
      await refuses(post(url, '/keywords', { text: '我', topK: 1.5 }), 400, 'invalid_request', /"topK"/);
      await refuses(post(url, '/keywords', { text: '我', allowPOS: 'n' }), 400, 'invalid_request', /"allowPOS"/);
      await refuses(post(url, '/keywords', { text: '我', withFlag: true }), 400, 'invalid_request', /"withFlag" needs/);
      await refuses(post(url, '/keywords', { text: '我', method: 'lda' }), 400, 'invalid_request', /"method"/);
    });
    it('unknown fields, so that typos do not pass silently', () =>
      refuses(post(url, '/cut', { text: '我', HMM: false }), 400, 'invalid_request', /unknown field "HMM"/));
    it('a body over the limit, declared or streamed', async () => {
      const big = JSON.stringify({ text: '中'.repeat(30_000) });
      await refuses(raw(url, { path: '/cut', body: big, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
      await refuses(raw(url, { path: '/cut', body: big, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }), 413, 'payload_too_large');
    });
    it('a body that does not arrive in time', () =>
      refuses(raw(url, { path: '/cut', body: '{"text":', headers: { 'content-length': 100 }, endAfterMs: 2000 }), 408, 'request_timeout'));
    it('a media type that is not JSON, none included: the types a web page may send to any server unasked', async () => {
      for (const type of ['multipart/form-data; boundary=x', 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
        const headers = { 'content-type': type };
        await refuses(raw(url, { path: '/cut', body: '{"text":"我"}', headers }), 415, 'unsupported_media_type', /application\/json/);
      }
    });
    it('a compressed body', () =>
      refuses(raw(url, { path: '/cut', body: '{"text":"我"}', headers: { 'content-encoding': 'gzip' } }), 415, 'unsupported_encoding'));
    it('unknown routes and wrong methods', async () => {
      await refuses(raw(url, { path: '/segment', body: '{}' }), 404, 'not_found');
      const wrong = await raw(url, { method: 'GET', path: '/cut' });
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.allow, 'POST');
      await refuses(raw(url, { method: 'POST', path: '/health', body: '{}' }), 405, 'method_not_allowed');
    });
    it('still serves after all that', async () => {
      assert.deepEqual((await post(url, '/cut', { text: '我来到北京清华大学' })).json, { tokens: ['我', '来到', '北京', '清华大学'] });
    });
  });

  it('GET /health and GET /openapi.json', async () => {
    const health = (await (await fetch(`${url}/health`)).json()) as any;
    assert.equal(health.status, 'ok');
    assert.equal(health.jieba, '0.42.1');
    assert.ok(health.memory.rssBytes > 0);
    const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as any;
    assert.equal(openapi.openapi, '3.1.0');
    assert.deepEqual(Object.keys(openapi.paths).sort(), ['/cut', '/health', '/keywords', '/openapi.json', '/tag', '/tokenize']);
  });

  it('accepts a query string, a JSON subtype, and an absolute-form target', async () => {
    for (const [path, type] of [['/cut?pretty=0', 'application/json; charset=utf-8'], [`${url}/cut`, 'application/vnd.api+json']] as const) {
      const { status, json } = await raw(url, { path, body: '{"text":"他来到了网易杭研大厦"}', headers: { 'content-type': type } });
      assert.equal(status, 200, path);
      assert.deepEqual(json.tokens, ['他', '来到', '了', '网易', '杭研', '大厦']);
    }
  });
});

describe('startServer() options', () => {
  it('refuses an option it does not have before it listens', async () => {
    await assert.rejects(startServer({ port: 0, timeout: 1000 } as never), /^TypeError: jieba-ts: startServer\(\) has no option timeout; its options are setup, workers/);
    await assert.rejects(startServer({ port: 0, max_inflight: 4 } as never), /startServer\(\) has no option max_inflight \(did you mean maxInflight\?\)/);
  });
});

describe('startServer().close()', () => {
  it('finishes a request in flight, then stops, refusing new connections meanwhile', async () => {
    const running = await startServer({ tokenizer: new Tokenizer(), port: 0 });
    const body = Buffer.from(JSON.stringify({ text: '我来到北京清华大学' }));
    const answer = new Promise<{ status: number; json: any }>((resolve, reject) => {
      const request = httpRequest(`${running.url}/cut`, { method: 'POST', headers: { 'content-length': body.length, 'content-type': 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      request.on('error', reject);
      request.write(body.subarray(0, 5));
      // The rest arrives after close() has begun.
      setTimeout(() => request.end(body.subarray(5)), 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let stopped = false;
    const closed = running.close().then(() => (stopped = true));
    await assert.rejects(fetch(`${running.url}/health`), 'a new connection is refused while closing');
    assert.equal(stopped, false, 'close() waits for the request in flight');
    assert.deepEqual(await answer, { status: 200, json: { tokens: ['我', '来到', '北京', '清华大学'] } });
    await closed;
    assert.equal(stopped, true);
  });
});

/** A server for one test, closed after it. */
async function withServer(options: Parameters<typeof startServer>[0], test: (running: RunningServer) => Promise<void>): Promise<void> {
  const running = await startServer({ port: 0, ...options });
  try {
    await test(running);
  } finally {
    await running.close(2000);
  }
}

describe('under hostile clients', () => {
  it('answers only to its own host names (DNS rebinding), and to any when listening everywhere', async () => {
    await withServer({ tokenizer: new Tokenizer() }, async ({ url }) => {
      const port = new URL(url).port;
      for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.2']) {
        const { status, json } = await raw(url, { method: 'GET', path: '/health', headers: { host } });
        assert.equal(status, 403, host);
        assert.equal(json.error.code, 'forbidden_host');
      }
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'localhost', `[::1]:${port}`]) {
        assert.equal((await raw(url, { method: 'GET', path: '/health', headers: { host } })).status, 200, host);
      }
      // An absolute-form target names the host itself.
      assert.equal((await raw(url, { path: `http://evil.example:${port}/cut`, body: '{"text":"我"}' })).status, 403);
    });
    await withServer({ tokenizer: new Tokenizer(), allowedHosts: ['jieba.internal'] }, async ({ url }) => {
      assert.equal((await raw(url, { method: 'GET', path: '/health', headers: { host: 'jieba.internal:80' } })).status, 200);
      assert.equal((await raw(url, { method: 'GET', path: '/health', headers: { host: 'localhost' } })).status, 403);
    });
  });

  it('lets only the origins given with cors read answers; no preflight passes otherwise', async () => {
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };
    await withServer({ tokenizer: new Tokenizer() }, async ({ url }) => {
      const refused = await raw(url, { method: 'OPTIONS', path: '/cut', headers: { origin: 'https://page.example', ...preflight } });
      assert.equal(refused.status, 405);
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      const answered = await raw(url, { path: '/cut', body: '{"text":"我"}', headers: { origin: 'https://page.example' } });
      assert.equal(answered.headers['access-control-allow-origin'], undefined);
    });
    await withServer({ tokenizer: new Tokenizer(), cors: ['https://page.example'] }, async ({ url }) => {
      const ok = await raw(url, { method: 'OPTIONS', path: '/cut', headers: { origin: 'https://page.example', ...preflight } });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers['access-control-allow-origin'], 'https://page.example');
      assert.match(String(ok.headers['access-control-allow-headers']), /content-type/);
      const answered = await raw(url, { path: '/cut', body: '{"text":"我"}', headers: { origin: 'https://page.example' } });
      assert.equal(answered.headers['access-control-allow-origin'], 'https://page.example');
      const other = await raw(url, { path: '/cut', body: '{"text":"我"}', headers: { origin: 'https://other.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    });
  });

  it('refuses requests past --max-inflight at once, with Retry-After, and serves /health meanwhile', async () => {
    await withServer({ tokenizer: new Tokenizer(), maxInflight: 1, bodyTimeoutMs: 5000 }, async ({ url, handler }) => {
      // The first request holds its slot while its body trickles in.
      const body = '{"text":"我来到北京清华大学"}';
      const first = raw(url, { path: '/cut', body: body.slice(0, 5), headers: { 'content-length': Buffer.byteLength(body) }, endAfterMs: 10_000 });
      first.catch(() => undefined); // cut off when the server stops
      while (handler.inflight === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const second = await raw(url, { path: '/cut', body });
      assert.equal(second.status, 503);
      assert.equal(second.json.error.code, 'overloaded');
      assert.equal(second.headers['retry-after'], '1');
      assert.equal((await raw(url, { method: 'GET', path: '/health' })).status, 200);
    });
  });

  it('reckons the memory of requests in flight from their body sizes: large ones wait their turn, small ones pass', async () => {
    const budget = 12 * 30_000;
    await withServer({ tokenizer: new Tokenizer(), memoryBudgetBytes: budget, bodyTimeoutMs: 5000 }, async ({ url, handler }) => {
      const large = JSON.stringify({ text: '中'.repeat(8_000) }); // about 24 KB: reckoned at 12 times that
      const first = raw(url, { path: '/cut', body: large.slice(0, 10), headers: { 'content-length': Buffer.byteLength(large) }, endAfterMs: 10_000 });
      first.catch(() => undefined); // cut off when the server stops
      while (handler.inflight === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const second = await raw(url, { path: '/cut', body: large, headers: { 'content-length': Buffer.byteLength(large) } });
      assert.equal(second.status, 503);
      assert.equal(second.json.error.code, 'overloaded');
      const body = '{"text":"我来到北京清华大学"}';
      const small = await raw(url, { path: '/cut', body, headers: { 'content-length': Buffer.byteLength(body) } });
      assert.equal(small.status, 200);
      assert.deepEqual(small.json.tokens, ['我', '来到', '北京', '清华大学']);
      // A body of unknown size (chunked) is reckoned at the largest allowed, which does not fit beside the first.
      assert.equal((await raw(url, { path: '/cut', body })).status, 503);
    });
  });

  it('answers 503 past --timeout, replacing the busy worker, and serves on', async () => {
    await withServer({ workers: 1, timeoutMs: 150, maxBodyBytes: 1 << 20 }, async ({ url }) => {
      let state = 7;
      const random = Array.from({ length: 250_000 }, () => String.fromCharCode(0x4e00 + ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 20000))).join('');
      const heavy = await post(url, '/keywords', { text: random, method: 'textrank' });
      assert.equal(heavy.status, 503);
      assert.equal(heavy.json.error.code, 'timeout');
      // The replacement worker loads its models first; on a loaded machine that
      // can take longer than this server's 150 ms limit, so the next request
      // may time out too while it waits. The server must serve on once it is up.
      const deadline = Date.now() + 15_000;
      let next = await post(url, '/cut', { text: '我来到北京清华大学' });
      while (next.status === 503 && next.json.error.code === 'timeout' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        next = await post(url, '/cut', { text: '我来到北京清华大学' });
      }
      assert.deepEqual(next.json, { tokens: ['我', '来到', '北京', '清华大学'] });
    });
  });

  it('drops a client that stops reading a large answer, and frees its slot', async () => {
    await withServer({ tokenizer: new Tokenizer(), sendTimeoutMs: 300 }, async ({ url, handler }) => {
      const { port } = new URL(url);
      const body = JSON.stringify({ text: ' '.repeat(200_000), mode: 'search' });
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.pause(); // never reads
      socket.write(`POST /tokenize HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      while (handler.inflight === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // The answer (about 7 MB) fills the socket's buffers; 300 ms without progress later, the server lets go.
      for (let i = 0; i < 250 && handler.inflight > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(handler.inflight, 0);
      socket.destroy();
    });
  });

  it('closes connections whose headers never finish', async () => {
    await withServer({ tokenizer: new Tokenizer(), headersTimeoutMs: 300 }, async ({ url }) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.on('error', () => undefined);
      let reply = '';
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
      socket.write('POST /cut HTTP/1.1\r\nhost: localhost\r\n');
      await new Promise((resolve) => socket.once('close', resolve));
      assert.match(reply, /^HTTP\/1\.1 408 /);
    });
  });

  it('answers every request already received when stopped, in worker threads too', async () => {
    const running = await startServer({ port: 0, workers: 2 });
    const texts = Array.from({ length: 6 }, (_, i) => `我来到北京清华大学${i}`.repeat(2000));
    const answers = texts.map((text) => post(running.url, '/tag', { text }));
    while (running.handler.inflight < texts.length) await new Promise((resolve) => setTimeout(resolve, 5));
    await running.close();
    const tokenizer = new Tokenizer();
    for (const [i, pending] of answers.entries()) {
      const { status, json } = await pending;
      assert.equal(status, 200);
      assert.equal(json.tokens.length, tokenizer.tag(texts[i]!).length);
    }
  });
});
