import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { splitIntoParts } from '../../src/cli/discover-jobs.js';
import { run } from '../support/cli.js';

/** The parts' bytes, joined: must be the files' bytes, each part starting a line. */
function checkParts(files: string[], parts: ReturnType<typeof splitIntoParts>): void {
  const whole = Buffer.concat(files.map((file) => readFileSync(file)));
  const joined = Buffer.concat(parts.flat().map(({ file, start, end }) => readFileSync(file).subarray(start, end)));
  assert.ok(joined.equals(whole), 'the parts hold every byte once, in order');
  for (const part of parts) {
    assert.ok(part.length > 0);
    const { file, start } = part[0]!;
    assert.ok(start === 0 || readFileSync(file)[start - 1] === 0x0a, `${file}:${start} starts a line`);
    for (const range of part) assert.ok(range.end > range.start);
  }
}

describe('jieba discover -j', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jieba-discover-jobs-'));
  // Lines of varied lengths, with a made-up word (氪晶矿) in varied contexts.
  const before = ['我们发现', '他说', '关于', '新的', '这座', '一处', '附近的', '大型'];
  const after = ['储量丰富', '已经开采', '位于山区', '价值很高', '需要保护', '正在调查', '引起关注', '十分罕见'];
  const lines: string[] = [];
  for (let k = 0; k < 40; k++) for (const b of before) lines.push(`${b}氪晶矿${after[(k + b.length) % 8]}，第${k}次。${'长'.repeat(k % 7)}`);
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, lines.join('\r\n') + '\r\n');

  it('cuts files into parts of whole lines that hold every byte once', () => {
    const small = join(dir, 'small.txt');
    const lone = join(dir, 'lone-cr.txt');
    const empty = join(dir, 'empty.txt');
    writeFileSync(small, '一\n二\n');
    writeFileSync(lone, '甲\r乙\r丙\r');
    writeFileSync(empty, '');
    for (const files of [[corpus], [small, corpus, empty, lone, small], [empty], [lone, lone]]) {
      for (const n of [1, 2, 3, 7, 50]) {
        const parts = splitIntoParts(files, n);
        assert.ok(parts.length <= n);
        checkParts(files, parts);
      }
    }
    assert.equal(splitIntoParts([corpus], 4).length, 4);
    // A file of lone \r line breaks has nowhere to cut but its end.
    assert.deepEqual(splitIntoParts([lone], 3), [[{ file: lone, start: 0, end: readFileSync(lone).length }]]);
  });

  it('prints the same words and scores, to the last digit, as one thread', async () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, lines.slice(0, 100).reverse().join('\n'));
    for (const files of [[corpus], [corpus, other]]) {
      const one = await run(['discover', '--scores', '--min-count', '2', ...files]);
      assert.equal(one.status, 0, one.stderr);
      assert.match(one.stdout, /^氪晶矿\t/);
      for (const jobs of ['2', '3']) {
        const many = await run(['discover', '--scores', '--min-count', '2', '-j', jobs, ...files]);
        assert.equal(many.status, 0, many.stderr);
        assert.equal(many.stdout, one.stdout);
        assert.equal(many.stderr, one.stderr, 'the same count of lines');
      }
    }
    // A named pipe has no size to cut by: read in one thread, not skipped.
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', corpus, fifo]);
    const written = new Promise((resolve) => writer.once('close', resolve));
    const piped = await run(['discover', '-q', '--min-count', '2', '-j', '2', fifo]);
    // The writer ends soon after the reader has read everything, not always
    // before `run` returns; one left waiting for a reader (had nothing opened
    // the pipe) would hold the test open, so it gets 10 s, then is stopped.
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([written, new Promise((resolve) => (timer = setTimeout(resolve, 10_000, 'no reader')))]);
    clearTimeout(timer);
    if (exit === 'no reader') writer.kill();
    assert.equal(piped.stdout, (await run(['discover', '-q', '--min-count', '2', corpus])).stdout);
    assert.equal(exit, 0);
    // Standard input is read in one thread.
    assert.equal((await run(['discover', '-q', '--min-count', '2', '-j', '2'], readFileSync(corpus))).stdout, (await run(['discover', '-q', '--min-count', '2', corpus])).stdout);
  });

  it('names the line of the file where bad input is, whichever part holds it', async () => {
    const bad = join(dir, 'bad.txt');
    const good = lines.slice(0, 200).join('\n');
    writeFileSync(bad, Buffer.concat([Buffer.from(`${good}\n第二百零一行`), Buffer.from([0xff]), Buffer.from(`\n${good}\n`)]));
    const one = await run(['discover', bad]);
    assert.equal(one.status, 1);
    assert.match(one.stderr, /bad\.txt: line 201: invalid UTF-8/);
    for (const jobs of ['2', '4']) {
      const many = await run(['discover', '-j', jobs, corpus, bad]);
      assert.equal(many.status, 1);
      assert.equal(many.stderr, one.stderr);
    }
    const missing = await run(['discover', '-j', '2', corpus, join(dir, 'missing.txt')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^jieba discover: cannot read .*missing\.txt/);
    for (const jobs of ['0', '257', 'x']) assert.equal((await run(['discover', '-j', jobs, corpus])).status, 2, jobs);
  });
});
