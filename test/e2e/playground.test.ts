/**
 * The playground, built by `npm run build`, in real headless Chromium
 * (Debian's, driven by playwright-core): it must show the tokens the CLI
 * prints for the seed news transcript.
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH). Without it the test is
 * skipped with a note, unless JIEBA_REQUIRE_BROWSER=1 (as .ci/run sets),
 * when the missing browser is a failure.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { countWords, cutForSearch, discoverWords, Tokenizer } from '../../src/index.js';
import { repoPath } from '../support/fixtures.js';

/** The page's `document`, for the functions that run in the browser (the Node build has no DOM types). */
declare const document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> & { length: number } };


const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.JIEBA_REQUIRE_BROWSER === '1';
const site = repoPath('dist/playground');
const missing = !existsSync(executable) ? `no Chromium at ${executable}` : !existsSync(join(site, 'index.html')) ? 'the playground is not built' : undefined;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.img': 'application/octet-stream',
};

/** A static file server for dist/playground, as any web host would be. */
function serveSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(site) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })),
  );
}

describe('playground in headless Chromium', { skip: !required && missing ? `${missing} (set JIEBA_REQUIRE_BROWSER=1 to fail instead)` : false }, () => {
  let browser: Browser;
  let site: { server: Server; url: string };
  before(async () => {
    assert.equal(missing, undefined, missing);
    site = await serveSite();
    browser = await chromium.launch({
      executablePath: executable,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  it('shows the same tokens as `jieba -d -q` for the seed news transcript, and a screenshot is saved', async () => {
    const expected = readFileSync(repoPath('test/fixtures/cli/seed-news.expected.txt'), 'utf8');
    const input = expected.replaceAll(' ', '');
    // The CLI itself, on the same input, must print the expected file.
    const cli = spawnSync(process.execPath, [repoPath('bin/jieba.js'), '-d', '-q'], { input, encoding: 'utf8' });
    assert.equal(cli.stdout, expected);

    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(site.url);
    await page.locator('#status[data-state="ready"]').waitFor({ timeout: 30_000 });

    await page.locator('#text').fill('');
    // Typing, as a user would, for the first characters; the rest pasted in.
    await page.locator('#text').pressSequentially(input.slice(0, 20));
    await page.locator('#text').fill(input);
    await page.waitForFunction(
      (length) => {
        const chips = [...document.querySelectorAll('#tokens .chip')].map((c) => c.textContent).join('');
        return chips.length === length;
      },
      input.replaceAll('\n', '').length,
      { timeout: 30_000 },
    );
    const chips = await page.locator('#tokens .chip').allTextContents();
    const cliTokens = expected.split('\n').filter((line) => line !== '').flatMap((line) => line.split(' '));
    assert.deepEqual(chips, cliTokens);

    // Every chip carries a POS tag and a colour; keywords and the chart are filled.
    const tags = await page.locator('#tokens .chip').evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: Record<string, string> }).dataset.tag ?? ''));
    assert.ok(tags.every((t) => /^[a-z]+$/.test(t)), 'a tag on every chip');
    assert.ok((await page.locator('#keyword-list li').count()) === 10);
    assert.ok((await page.locator('#chart .bar-row').count()) > 5);
    assert.match((await page.locator('#status').textContent()) ?? '', /loaded in \d+ ms .* characters in [\d.]+ ms/);

    // Switching to search mode shows search-mode tokens (golden-checked elsewhere; here: that the page applies the mode).
    const search = cutForSearch(input).filter((w) => w !== '\n');
    await page.locator('input[name="mode"][value="search"]').check();
    await page.waitForFunction((count) => document.querySelectorAll('#tokens .chip').length === count, search.length, { timeout: 30_000 });
    assert.deepEqual(await page.locator('#tokens .chip').allTextContents(), search);

    // Paddle mode runs LAC in the worker, fetching its model on first use: its tags are LAC's.
    await page.locator('input[name="mode"][value="paddle"]').check();
    await page.waitForFunction(
      () => [...document.querySelectorAll('#tokens .chip')].some((c) => ['PER', 'LOC', 'ORG', 'TIME'].includes((c as unknown as { dataset: Record<string, string> }).dataset.tag ?? '')),
      undefined,
      { timeout: 60_000 },
    );
    const paddleChips = await page.locator('#tokens .chip').allTextContents();
    assert.ok(paddleChips.includes('习近平'), 'a person found by LAC');

    // Paddle mode answers as one types: each keystroke's text comes back segmented.
    await page.locator('#text').fill('');
    await page.locator('#text').pressSequentially('李小福是创新办主任也是云计算方面的专家');
    await page.waitForFunction(
      () => [...document.querySelectorAll('#tokens .chip')].map((c) => c.textContent).join('') === '李小福是创新办主任也是云计算方面的专家',
      undefined,
      { timeout: 30_000 },
    );
    const typed = await page.locator('#tokens .chip').evaluateAll((nodes) =>
      nodes.map((n) => `${n.textContent}/${(n as unknown as { dataset: Record<string, string> }).dataset.tag ?? ''}`),
    );
    assert.equal(typed[0], '李小福/PER', typed.join(' '));

    // The user dictionary: words typed in it change the segmentation as one types, as jieba.load_userdict would.
    const chipsAre = (words: string[]) =>
      page.waitForFunction((expected) => [...document.querySelectorAll('#tokens .chip')].map((c) => c.textContent).join('|') === expected, words.join('|'), { timeout: 30_000 });
    await page.locator('input[name="mode"][value="default"]').check();
    await page.locator('#user-dict').fill('');
    await page.locator('#text').fill('石墨烯材料');
    await chipsAre(['石墨', '烯', '材料']);
    await page.locator('#user-dict').pressSequentially('石墨烯');
    await chipsAre(['石墨烯', '材料']);
    assert.equal(await page.locator('#user-dict-status').textContent(), '1 word in use');
    // A line it cannot use is named, and the segmentation falls back to the dictionary alone.
    await page.locator('#user-dict').fill('石墨烯\n词 99999999999999999999');
    await chipsAre(['石墨', '烯', '材料']);
    assert.match((await page.locator('#user-dict-status').textContent()) ?? '', /not used: user dictionary: line 2: frequency too large/);
    await page.locator('#user-dict').fill('石墨烯 100 n');
    await chipsAre(['石墨烯', '材料']);
    // Downloads are made in the page: the words as `jieba -d` prints them, and the user dictionary.
    const [words] = await Promise.all([page.waitForEvent('download'), page.locator('#download-words').click()]);
    assert.equal(readFileSync((await words.path())!, 'utf8'), '石墨烯 材料\n');
    const [dict] = await Promise.all([page.waitForEvent('download'), page.locator('#download-dict').click()]);
    assert.equal(readFileSync((await dict.path())!, 'utf8'), '石墨烯 100 n\n');

    // A file dropped into the page is counted there: cloud, bars and the TSV that `jieba freq` prints.
    await page.locator('#user-dict').fill('');
    const news = readFileSync(repoPath('test/fixtures/corpus/seed-news.txt'));
    await page.locator('#file-input').setInputFiles({ name: 'news.txt', mimeType: 'text/plain', buffer: news });
    await page.locator('#cloud svg text').first().waitFor({ timeout: 30_000 });
    const counts = countWords(news.toString('utf8').split(/\r\n|\r|\n/));
    const [topWord, topCount] = counts.sorted(1)[0]!;
    // The first word of the cloud is the most frequent (its <text> holds a <title>, then the word).
    assert.equal(await page.locator('#cloud svg text').first().evaluate((n) => (n as unknown as { lastChild: { textContent: string } | null }).lastChild?.textContent), topWord);
    assert.equal(await page.locator('#file-chart .bar-label').first().textContent(), topWord);
    assert.equal(await page.locator('#file-chart .bar-count').first().textContent(), String(topCount));
    assert.match((await page.locator('#file-status').textContent()) ?? '', new RegExp(`news\\.txt: ${counts.total.toLocaleString('en-US')} words`));
    const [tsv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-counts').click()]);
    assert.equal(readFileSync((await tsv.path())!, 'utf8'), counts.toTSV());
    assert.equal(tsv.suggestedFilename(), 'news.tsv');

    // New words of a dropped file: found in the page as `jieba discover` finds them, added to the
    // user dictionary with a click, and then cut whole.
    const openings = ['我们发现', '他说', '关于', '新的', '这座', '一处', '附近的', '大型'];
    const endings = ['储量丰富', '已经开采', '位于山区', '价值很高', '需要保护', '正在调查', '引起关注', '十分罕见'];
    const lines = openings.flatMap((b) => endings.map((a) => `${b}氪晶矿${a}。`));
    await page.locator('#file-input').setInputFiles({ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await page.waitForFunction(() => [...document.querySelectorAll('#new-words .new-word')][0]?.textContent === '氪晶矿', undefined, { timeout: 30_000 });
    const found = discoverWords(lines, { top: 30, minCount: 3 });
    assert.deepEqual(await page.locator('#new-words .new-word').allTextContents(), found.map((w) => w.word));
    const reference = new Tokenizer();
    const dictLines = found.map((w) => `${w.word} ${reference.suggestFreq(w.word)}`);
    const [newWords] = await Promise.all([page.waitForEvent('download'), page.locator('#download-new-words').click()]);
    assert.equal(readFileSync((await newWords.path())!, 'utf8'), `${dictLines.join('\n')}\n`);
    // Without the HMM, the dictionary alone splits the word; with the new words loaded, it stays whole.
    const sentence = '这座氪晶矿储量丰富';
    const withNewWords = new Tokenizer();
    withNewWords.loadUserDict({ text: dictLines.join('\n'), name: 'new words' });
    const [plain, whole] = [reference.cut(sentence, { hmm: false }), withNewWords.cut(sentence, { hmm: false })];
    assert.ok(plain.includes('晶') && whole.includes('氪晶矿'), `${plain.join('|')} / ${whole.join('|')}`);
    await page.locator('#hmm').uncheck();
    await page.locator('#text').fill(sentence);
    await chipsAre(plain);
    await page.locator('#add-new-words').click();
    assert.equal(await page.locator('#user-dict').inputValue(), dictLines.join('\n'));
    await chipsAre(whole);
    await page.locator('#hmm').check();

    mkdirSync(repoPath('test-results'), { recursive: true });
    await page.screenshot({ path: repoPath('test-results/playground.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
