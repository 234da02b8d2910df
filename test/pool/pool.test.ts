import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DictionaryError, extractTags, InvalidUtf8Error, textRank, Tokenizer } from '../../src/index.js';
import { createPool, type TokenizerPool } from '../../src/pool/index.js';
import { fixturePath } from '../support/fixtures.js';

const LINES = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').split('\n').filter(Boolean);
const tokenizer = new Tokenizer();

/** Random Han text the POS HMM finds slow: a call that takes seconds. */
function slowText(length: number): string {
  let state = 7;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += String.fromCharCode(0x4e00 + (state % 0x5000));
  }
  return text;
}

describe('TokenizerPool', () => {
  let pool: TokenizerPool;
  before(async () => {
    pool = await createPool({ size: 2 });
  });
  after(() => pool.close());

  it('answers every method as the synchronous API does', async () => {
    const texts = [...LINES.slice(0, 8), '', ' ', '😀中文\ud800', 'iPhone 6s 很好用'];
    for (const text of texts) {
      assert.deepEqual(await pool.cut(text), tokenizer.cut(text), text);
      assert.deepEqual(await pool.cut(text, { hmm: false }), tokenizer.cut(text, { hmm: false }));
      assert.deepEqual(await pool.cutAll(text), tokenizer.cutAll(text));
      assert.deepEqual(await pool.cutForSearch(text), tokenizer.cutForSearch(text));
      assert.deepEqual(await pool.tokenize(text, { mode: 'search', offsets: 'utf8' }), tokenizer.tokenize(text, { mode: 'search', offsets: 'utf8' }));
      assert.deepEqual(await pool.tokenize(text, { offsets: 'codepoint' }), tokenizer.tokenize(text, { offsets: 'codepoint' }));
      assert.deepEqual(await pool.tokenizeOffsets(text, { offsets: 'codepoint' }), tokenizer.tokenizeOffsets(text, { offsets: 'codepoint' }));
      assert.deepEqual(await pool.tokenizeOffsets(text), tokenizer.tokenizeOffsets(text));
      assert.deepEqual(await pool.tag(text), tokenizer.tag(text));
    }
    const document = LINES.join('\n');
    assert.deepEqual(await pool.extractTags(document, { topK: 10, withWeight: true }), extractTags(document, { topK: 10, withWeight: true }));
    assert.deepEqual(await pool.textRank(document, { withFlag: true }), textRank(document, { withFlag: true }));
  });

  it('answers many calls at once, each with its own result, in any order', async () => {
    const results = await Promise.all(LINES.map((line) => pool.cut(line)));
    assert.deepEqual(results, LINES.map((line) => tokenizer.cut(line)));
  });

  it('answers paddle-mode calls sent together as one at a time, and refuses a bad option among them alone', async () => {
    // Sent at once, they reach the workers in batches, whose paddle-mode
    // texts go through the network two at a time.
    const texts = [...LINES.slice(0, 13), '', '  ', '😀中文，ＡＢ'];
    const cuts = await Promise.all(texts.map((text) => pool.cut(text, { paddle: true })));
    const tags = await Promise.all(texts.map((text) => pool.tag(text, { paddle: { normalize: true } })));
    assert.deepEqual(cuts, texts.map((text) => tokenizer.cut(text, { paddle: true })));
    assert.deepEqual(tags, texts.map((text) => tokenizer.tag(text, { paddle: { normalize: true } })));
    const bad = { paddle: { normalize: 'yes' } } as never;
    const settled = await Promise.allSettled([pool.tag(LINES[0]!, { paddle: true }), pool.tag(LINES[1]!, bad), pool.tag(LINES[2]!, { paddle: true })]);
    assert.deepEqual(settled[0], { status: 'fulfilled', value: tokenizer.tag(LINES[0]!, { paddle: true }) });
    assert.deepEqual(settled[2], { status: 'fulfilled', value: tokenizer.tag(LINES[2]!, { paddle: true }) });
    assert.equal(settled[1].status, 'rejected');
    assert.throws(() => tokenizer.tag(LINES[1]!, bad), { message: ((settled[1] as PromiseRejectedResult).reason as Error).message });
  });

  it('each: yields every method\'s results in order, as the synchronous API gives them, from arrays and async iterables', async () => {
    const texts = [...LINES.slice(0, 40), '', '😀中文\ud800', 'iPhone 6s 很好用'];
    const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
      const out: T[] = [];
      for await (const item of iterable) out.push(item);
      return out;
    };
    assert.deepEqual(await collect(pool.each('tag', texts)), texts.map((t) => tokenizer.tag(t)));
    assert.deepEqual(await collect(pool.each('cut', texts, { hmm: false, inFlight: 3 })), texts.map((t) => tokenizer.cut(t, { hmm: false })));
    assert.deepEqual(await collect(pool.each('tokenize', texts, { mode: 'search', offsets: 'utf8' })), texts.map((t) => tokenizer.tokenize(t, { mode: 'search', offsets: 'utf8' })));
    assert.deepEqual(await collect(pool.each('tokenizeOffsets', texts)), texts.map((t) => tokenizer.tokenizeOffsets(t)));
    assert.deepEqual(await collect(pool.each('extractTags', texts, { topK: 3, withWeight: true })), texts.map((t) => extractTags(t, { topK: 3, withWeight: true })));
    async function* bytes(): AsyncGenerator<Uint8Array> {
      for (const text of texts.slice(0, 10)) yield new TextEncoder().encode(text);
    }
    assert.deepEqual(await collect(pool.each('cutForSearch', bytes())), texts.slice(0, 10).map((t) => tokenizer.cutForSearch(t)));
    assert.equal(pool.pending, 0);
  });

  it('each: ends with a failed call at its place, and with an AbortError when aborted', async () => {
    const seen: string[][] = [];
    await assert.rejects(async () => {
      for await (const words of pool.each('cut', ['你好', '北京', 3 as unknown as string, '上海'])) seen.push(words);
    }, (error: Error) => error instanceof TypeError && /cut\(\) expects a string or UTF-8 bytes/.test(error.message));
    assert.deepEqual(seen, [['你好'], ['北京']]);
    const controller = new AbortController();
    const calls = pool.each('tag', [slowText(400_000), '你好'], { signal: controller.signal });
    const first = calls.next();
    controller.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.deepEqual(await pool.cut('你好'), tokenizer.cut('你好'));
  });

  it('each: refuses at once what it cannot iterate, one text, an unknown method and a bad inFlight', () => {
    assert.throws(() => pool.each('cut', '我来到北京' as never), /each\(\) takes an iterable of texts, not one text: for one text, await pool\.cut\(text\)/);
    assert.throws(() => pool.each('tag', new TextEncoder().encode('你好') as never), /not one text/);
    assert.throws(() => pool.each('cut', 42 as never), /each\(\) takes an iterable or async iterable of texts, got number/);
    assert.throws(() => pool.each('cut', null as never), /got null/);
    assert.throws(() => pool.each('split' as never, ['x']), /each\(\) takes a pool method \(cut, cutAll, .*\), not "split"/);
    for (const inFlight of [0, 1.5, -1, 2_000_000, '8']) {
      assert.throws(() => pool.each('cut', ['x'], { inFlight: inFlight as number }), /option inFlight must be an integer from 1 to 1,000,000/);
    }
  });

  it('copies bytes, leaving the caller its buffer', async () => {
    const bytes = new TextEncoder().encode(LINES[0]!);
    assert.deepEqual(await pool.cut(bytes), tokenizer.cut(LINES[0]!));
    assert.equal(bytes.byteLength, new TextEncoder().encode(LINES[0]!).byteLength, 'not detached');
  });

  it('rejects as the synchronous API throws: same class, message and fields', async () => {
    await assert.rejects(pool.cut(3 as unknown as string), (error: Error) => error instanceof TypeError && /cut\(\) expects a string or UTF-8 bytes/.test(error.message));
    await assert.rejects(pool.cut(Uint8Array.of(0x61, 0xff)), (error: Error) => error instanceof InvalidUtf8Error && error.byteOffset === 1);
    await assert.rejects(pool.tokenize('x', { mode: 'all' as 'search' }), RangeError);
    await assert.rejects(pool.cut('x', { signal: 'now' as unknown as AbortSignal }), /signal must be an AbortSignal/);
  });

  it('rejects an aborted call with an AbortError, waiting or running, and frees its worker', async () => {
    // A call aborted before it is made.
    await assert.rejects(pool.cut('你好', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    // Two slow calls keep both workers busy; a third waits, and is aborted while it waits.
    const controller = new AbortController();
    const slow = [new AbortController(), new AbortController()];
    const busy = slow.map((c) => pool.tag(slowText(400_000), { signal: c.signal }));
    const waiting = pool.cut('你好', { signal: controller.signal });
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    // The running ones are aborted in turn: they reject at once, their workers are replaced.
    const started = performance.now();
    for (const c of slow) c.abort();
    for (const call of busy) await assert.rejects(call, { name: 'AbortError' });
    assert.ok(performance.now() - started < 1000, 'an abort does not wait for the work');
    // And the pool goes on.
    assert.deepEqual(await pool.cut('我来到北京清华大学'), tokenizer.cut('我来到北京清华大学'));
    assert.equal(pool.pending, 0);
  });

  it("rejects with the signal's own reason, such as a timeout", async () => {
    await assert.rejects(pool.tag(slowText(400_000), { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
    assert.deepEqual(await pool.cut('你好'), tokenizer.cut('你好'));
  });
});

describe('createPool', () => {
  it('refuses a dictionary its workers cannot read, as a DictionaryError', async () => {
    await assert.rejects(createPool({ size: 1, dict: '/no/such/dict.txt' }), (error: Error) => error instanceof DictionaryError && /no\/such\/dict\.txt/.test(error.message));
  });

  it('refuses a size that is not a positive integer', async () => {
    await assert.rejects(createPool({ size: 0 }), /size must be an integer from 1 to 1024/);
    await assert.rejects(createPool({ size: 1, userdict: 'user.txt' } as never), /^TypeError: jieba-ts: createPool\(\) has no option userdict \(did you mean userDict\?\); its options are size, workerUrl, dict, big, userDict, idf, stopWords$/);
  });

  it('runs its workers from workerUrl when given, and refuses a workerUrl that is no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-pool-'));
    const marker = join(dir, 'ran.txt');
    const script = join(dir, 'our-worker.mjs');
    // A worker script of our own: it notes that it ran, then runs jieba-ts's.
    const published = new URL('../../src/pool/node-worker.js', import.meta.url).href;
    writeFileSync(script, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(marker)}, 'ran\\n');\nawait import(${JSON.stringify(published)});\n`);
    const pool = await createPool({ size: 2, workerUrl: script });
    try {
      assert.deepEqual(await pool.cut(LINES[0]!), tokenizer.cut(LINES[0]!));
      assert.equal(readFileSync(marker, 'utf8'), 'ran\nran\n');
    } finally {
      pool.close();
    }
    await assert.rejects(createPool({ size: 1, workerUrl: join(dir, 'none.mjs') }), (e: Error) => e instanceof TypeError && e.message.includes(`no file at ${join(dir, 'none.mjs')}`));
    await assert.rejects(createPool({ size: 1, workerUrl: 3 as unknown as string }), /workerUrl must be a path or a file: URL/);
  });

  it('makes each worker from the setup: a user dictionary included', async () => {
    const pool = await createPool({ size: 1, userDict: fixturePath('dict/jieba-userdict.txt') });
    try {
      const own = new Tokenizer();
      own.loadUserDict(fixturePath('dict/jieba-userdict.txt'));
      const text = '李小福是创新办主任也是云计算方面的专家';
      assert.deepEqual(await pool.cut(text), own.cut(text));
      assert.notDeepEqual(await pool.cut(text), tokenizer.cut(text));
    } finally {
      pool.close();
    }
  });

  it('refuses calls once closed, and those still waiting', async () => {
    const pool = await createPool({ size: 1 });
    const waiting = [pool.tag(slowText(100_000)), pool.cut('你好')];
    pool.close();
    for (const call of waiting) await assert.rejects(call, /the pool is closed/);
    await assert.rejects(pool.cut('你好'), /the pool is closed/);
  });
});
