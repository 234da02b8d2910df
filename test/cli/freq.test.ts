import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../support/cli.js';
import { cut, cutForSearch, tag } from '../../src/index.js';
import { fixturePath } from '../support/fixtures.js';


const NEWS = fixturePath('corpus/seed-news.txt');
const LINES = readFileSync(NEWS, 'utf8').split(/\r?\n/);

/** Counts made the plain way: every word of each line with a letter or a digit. */
function plainCounts(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) if (/[\p{L}\p{N}]/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function parseTsv(tsv: string): Map<string, number> {
  return new Map(tsv.trimEnd().split('\n').map((line) => [line.split('\t')[0]!, Number(line.split('\t')[1])]));
}

describe('jieba freq', () => {
  it("counts every word of cut, most frequent first, ties in code-point order", async () => {
    const { status, stdout } = await run(['freq', NEWS]);
    assert.equal(status, 0);
    const counts = parseTsv(stdout);
    assert.deepEqual(counts, plainCounts(LINES.flatMap((line) => cut(line))));
    const rows = stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      assert.ok(Number(a[1]) > Number(b[1]) || (a[1] === b[1] && a[0]! < b[0]!), `${a.join(' ')} before ${b.join(' ')}`);
    }
    // -q, as every other command takes it: the same counts, nothing on standard error.
    const quiet = await run(['freq', '-q', NEWS]);
    assert.deepEqual([quiet.status, quiet.stdout, quiet.stderr], [0, stdout, '']);
  });

  it('counts in search mode, or only tagged words, with stop words and a minimum length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-freq-'));
    writeFileSync(join(dir, 'stop.txt'), '网络\n会议\n');
    const search = parseTsv((await run(['freq', '--mode', 'search', NEWS])).stdout);
    assert.deepEqual(search, plainCounts(LINES.flatMap((line) => cutForSearch(line))));
    const nouns = parseTsv((await run(['freq', '--allow-pos', 'n,ns', '--min-length', '2', '--stop-words', join(dir, 'stop.txt'), NEWS])).stdout);
    const expected = plainCounts(
      LINES.flatMap((line) => tag(line))
        .filter(({ word, tag: t }) => (t === 'n' || t === 'ns') && [...word].length >= 2 && word !== '网络' && word !== '会议')
        .map(({ word }) => word),
    );
    assert.deepEqual(nouns, expected);
    assert.ok(nouns.size > 10);
  });

  it('merges counts exactly: the counts of the parts add up to the counts of the whole (map, then reduce)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-freq-'));
    const half = Math.floor(LINES.length / 2);
    writeFileSync(join(dir, 'a.txt'), LINES.slice(0, half).join('\n'));
    writeFileSync(join(dir, 'b.txt'), LINES.slice(half).join('\n'));
    writeFileSync(join(dir, 'a.tsv'), (await run(['freq', join(dir, 'a.txt')])).stdout);
    writeFileSync(join(dir, 'b.tsv'), (await run(['freq', join(dir, 'b.txt')])).stdout);
    const merged = await run(['freq', '--merge', join(dir, 'a.tsv'), join(dir, 'b.tsv')]);
    assert.equal(merged.status, 0);
    assert.equal(merged.stdout, (await run(['freq', join(dir, 'a.txt'), join(dir, 'b.txt')])).stdout);
  });

  it('prints the top N, as TSV or JSON', async () => {
    const all = (await run(['freq', NEWS])).stdout.split('\n');
    assert.equal((await run(['freq', '--top', '5', NEWS])).stdout, `${all.slice(0, 5).join('\n')}\n`);
    const json = JSON.parse((await run(['freq', '--top', '3', '--json', NEWS])).stdout) as { word: string; count: number }[];
    assert.deepEqual(json, all.slice(0, 3).map((line) => ({ word: line.split('\t')[0], count: Number(line.split('\t')[1]) })));
    assert.equal((await run(['freq'], '你好 你好 世界\n')).stdout, '你好\t2\n世界\t1\n');
  });

  it('names the file and the line of bad input, with status 1, and refuses bad options with status 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-freq-'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('你好\n世界\n'), Buffer.from([0xff]), Buffer.from('\n')]));
    const bad = await run(['freq', join(dir, 'bad.txt')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.txt: line 3: invalid UTF-8 \(byte 0xff/);
    assert.equal(bad.stdout, '', 'nothing half-done is printed');
    writeFileSync(join(dir, 'bad.tsv'), '北京\t3\n大学 three\n');
    const merge = await run(['freq', '--merge', join(dir, 'bad.tsv')]);
    assert.equal(merge.status, 1);
    assert.match(merge.stderr, /bad\.tsv: line 2: expected "word<TAB>count"/);
    const missing = await run(['freq', join(dir, 'missing.txt')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read .*missing\.txt/);
    for (const argv of [['--mode', 'fast'], ['--top', '-1'], ['--min-length', 'x'], ['--merge', '--mode', 'all'], ['--allow-pos', 'n', '--mode', 'search'], ['--bogus']]) {
      const result = await run(['freq', ...argv]);
      assert.equal(result.status, 2, argv.join(' '));
      assert.match(result.stderr, /^usage: jieba freq/);
    }
  });
});

describe('jieba freq --chart', () => {
  it('writes a cloud and a bar chart as SVG or as a page, and refuses other names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-freq-'));
    for (const name of ['chart.svg', 'chart.html']) {
      const result = await run(['freq', '--min-length', '2', '--chart', join(dir, name), NEWS]);
      assert.equal(result.status, 0, result.stderr);
      const chart = readFileSync(join(dir, name), 'utf8');
      assert.ok(chart.includes('>网络安全</text>'), name);
      assert.equal(result.stdout, (await run(['freq', '--min-length', '2', NEWS])).stdout, 'the counts are printed too');
    }
    const bad = await run(['freq', '--chart', join(dir, 'chart.png'), NEWS]);
    assert.equal(bad.status, 2);
  });
});

describe('jieba freq -j', () => {
  it('counts the same in worker threads, in every mode, and still names a bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-freq-'));
    // Enough text for many batches.
    writeFileSync(join(dir, 'big.txt'), `${LINES.join('\n')}\n`.repeat(40));
    for (const extra of [[], ['--mode', 'search'], ['--allow-pos', 'n,v'], ['-n', '--min-length', '2']]) {
      const one = await run(['freq', ...extra, join(dir, 'big.txt')]);
      const two = await run(['freq', '-j', '2', ...extra, join(dir, 'big.txt')]);
      assert.equal(two.status, 0, two.stderr);
      assert.equal(two.stdout, one.stdout, extra.join(' '));
    }
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from(`${LINES.join('\n')}\n`.repeat(40)), Buffer.from([0xff]), Buffer.from('\n')]));
    const bad = await run(['freq', '-j', '2', join(dir, 'bad.txt')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.txt: line \d+: invalid UTF-8/);
    assert.equal((await run(['freq', '-j', '0', NEWS])).status, 2);
  });
});
