import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
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
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Uint8Array | string; endAfterMs?: number },
): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${options.path}`, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (response) => {
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
  before(async () => {
    running = await startServer({ tokenizer: new Tokenizer(), port: 0, maxBodyBytes: 64 * 1024, bodyTimeoutMs: 300 });
    url = running.url;
  });
  after(() => running.close());

  describe('answers as Python jieba 0.42.1 (golden fixtures)', () => {
    const records = [
      ...readJsonLinesGz<CutRecord>('golden/default/seed-news.jsonl.gz').slice(0, 12),
      ...readJsonLinesGz<CutRecord>('golden/default/edge-cases.jsonl.gz'),
    ];

    it('POST /cut in every mode', async () => {
      for (const r of records) {
        assert.deepEqual((await post(url, '/cut', { text: r.text })).json, { tokens: r.cut }, r.text);
        assert.deepEqual((await post(url, '/cut', { text: r.text, hmm: false })).json, { tokens: r.cut_no_hmm });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'all' })).json, { tokens: r.cut_all });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'search' })).json, { tokens: r.search });
        assert.deepEqual((await post(url, '/cut', { text: r.text, mode: 'search', hmm: false })).json, { tokens: r.search_no_hmm });
      }
    });

    it('POST /tokenize: the words of cut, with offsets that slice them out of the text', async () => {
      for (const r of records) {
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

    it('POST /tag with and without the HMM', async () => {
      for (const r of records) {
        assert.deepEqual((await post(url, '/tag', { text: r.text })).json, { tokens: pairs(r.tag) }, r.text);
        assert.deepEqual((await post(url, '/tag', { text: r.text, hmm: false })).json, { tokens: pairs(r.tag_no_hmm) });
      }
    });

    it('POST /keywords: TF-IDF and TextRank, weights to the last bit', async () => {
      const documents = readJsonLinesGz<KeywordRecord>('golden/keywords/documents.jsonl.gz').slice(0, 40);
      for (const d of documents) {
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
      await refuses(raw(url, { path: '/cut', body: big, headers: { 'transfer-encoding': 'chunked' } }), 413, 'payload_too_large');
    });
    it('a body that does not arrive in time', () =>
      refuses(raw(url, { path: '/cut', body: '{"text":', headers: { 'content-length': 100 }, endAfterMs: 2000 }), 408, 'request_timeout'));
    it('a media type that is not JSON', () =>
      refuses(raw(url, { path: '/cut', body: 'text=我', headers: { 'content-type': 'multipart/form-data; boundary=x' } }), 415, 'unsupported_media_type'));
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

  it('accepts a query string and curl -d\'s form content type', async () => {
    const { status, json } = await raw(url, {
      path: '/cut?pretty=0',
      body: '{"text":"他来到了网易杭研大厦"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(status, 200);
    assert.deepEqual(json.tokens, ['他', '来到', '了', '网易', '杭研', '大厦']);
  });
});

describe('startServer().close()', () => {
  it('finishes a request in flight, then stops, refusing new connections meanwhile', async () => {
    const running = await startServer({ tokenizer: new Tokenizer(), port: 0 });
    const body = Buffer.from(JSON.stringify({ text: '我来到北京清华大学' }));
    const answer = new Promise<{ status: number; json: any }>((resolve, reject) => {
      const request = httpRequest(`${running.url}/cut`, { method: 'POST', headers: { 'content-length': body.length } }, (response) => {
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
