/**
 * `jieba-ts/pool` in a browser: the browser bundle (`pool-browser.js`) and
 * its module workers in real headless Chromium, from a plain page that
 * imports the bundle as a web host would serve it. Its answers must be the
 * Node.js API's, and an aborted call must reject and leave the pool
 * working.
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH); skipped without it unless
 * JIEBA_REQUIRE_BROWSER=1 (as .ci/run sets).
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { extractTags, Tokenizer } from '../../src/index.js';
import { fixturePath, repoPath } from '../support/fixtures.js';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.JIEBA_REQUIRE_BROWSER === '1';
const root = repoPath('dist');
const missing = !existsSync(executable) ? `no Chromium at ${executable}` : !existsSync(join(root, 'bundle/pool-browser.js')) ? 'the bundles are not built' : undefined;
const LINES = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').split('\n').filter(Boolean);

/** The page's script: a pool of two workers, every line cut and tagged (and tagged again through `each`), keywords, an abort. */
const PAGE_SCRIPT = `
import { createPool } from '/bundle/pool-browser.js';
try {
  const lines = ${JSON.stringify(LINES)};
  const pool = await createPool({ size: 2 });
  const cut = await Promise.all(lines.map((line) => pool.cut(line)));
  const tag = await Promise.all(lines.map((line) => pool.tag(line)));
  const each = [];
  for await (const tagged of pool.each('tag', lines, { inFlight: 5 })) each.push(tagged);
  const keywords = await pool.extractTags(lines.join('\\n'), { topK: 10, withWeight: true });
  const bytes = await pool.cut(new TextEncoder().encode(lines[0]));
  let aborted = '';
  const controller = new AbortController();
  const slow = pool.tag(lines.join('').repeat(200), { signal: controller.signal });
  controller.abort();
  try { await slow; } catch (error) { aborted = error.name; }
  const after = await pool.cut(lines[1]);
  pool.close();
  window.__result = { cut, tag, each, keywords, bytes, aborted, after };
} catch (error) {
  window.__error = String((error && error.stack) || error);
}
`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

/** dist/ as a web host serves it, and the test page. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/pool.html') return void response.writeHead(200, { 'content-type': TYPES['.html']! }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/pool-test.js"></script>');
    if (path === '/pool-test.js') return void response.writeHead(200, { 'content-type': TYPES['.js']! }).end(PAGE_SCRIPT);
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

describe('jieba-ts/pool in headless Chromium', { skip: !required && missing ? `${missing} (set JIEBA_REQUIRE_BROWSER=1 to fail instead)` : false }, () => {
  let browser: Browser;
  let site: { server: Server; url: string };
  before(async () => {
    assert.equal(missing, undefined, missing);
    site = await serve();
    browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  it("answers as the Node.js API does, in module workers, and an abort leaves it working", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${site.url}pool.html`);
    await page.waitForFunction(() => (globalThis as { __result?: unknown; __error?: unknown }).__result ?? (globalThis as { __error?: unknown }).__error, undefined, { timeout: 60_000 });
    const error = await page.evaluate(() => (globalThis as { __error?: string }).__error);
    assert.equal(error, undefined, error);
    const result = (await page.evaluate(() => (globalThis as { __result?: unknown }).__result)) as {
      cut: string[][];
      tag: { word: string; tag: string }[][];
      each: { word: string; tag: string }[][];
      keywords: unknown;
      bytes: string[];
      aborted: string;
      after: string[];
    };
    const tokenizer = new Tokenizer();
    assert.deepEqual(result.cut, LINES.map((line) => tokenizer.cut(line)));
    assert.deepEqual(result.tag, LINES.map((line) => tokenizer.tag(line)));
    assert.deepEqual(result.each, result.tag);
    assert.deepEqual(result.keywords, extractTags(LINES.join('\n'), { topK: 10, withWeight: true }));
    assert.deepEqual(result.bytes, tokenizer.cut(LINES[0]!));
    assert.equal(result.aborted, 'AbortError');
    assert.deepEqual(result.after, tokenizer.cut(LINES[1]!));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
