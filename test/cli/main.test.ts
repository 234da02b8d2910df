import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { run } from '../support/cli.js';
import { OPTION_SPECS } from '../../src/cli/args.js';
import { FREQ_OPTIONS } from '../../src/cli/freq-command.js';
import { SERVE_OPTIONS } from '../../src/cli/serve.js';
import { cut, extractTags, textRank } from '../../src/index.js';
import { fixturePath, readJsonFixture, repoPath } from '../support/fixtures.js';

const bin = repoPath('bin/jieba.js');



describe('jieba command', () => {
  it('reproduces the seed example byte for byte: jieba -d -q, from a file and from standard input', async () => {
    const expected = readFileSync(fixturePath('cli/seed-news.expected.txt'), 'utf8');
    const input = fixturePath('corpus/seed-news.txt');
    assert.equal((await run(['-d', '-q', input])).stdout, expected);
    assert.equal((await run(['-d', '-q'], readFileSync(input))).stdout, expected);
    const spawned = spawnSync(process.execPath, [bin, '-d', '-q', input], { encoding: 'utf8' });
    assert.equal(spawned.status, 0);
    assert.equal(spawned.stdout, expected);
    assert.equal(spawned.stderr, '');
  });

  describe('matches python3 -m jieba byte for byte (goldens)', () => {
    const cases = readJsonFixture<{ input: string; flags: string[]; stdin: boolean; stdout: string }[]>('cli/expected.json');
    for (const c of cases) {
      it(`${c.input} ${c.stdin ? '(stdin)' : '(file)'} -q ${c.flags.join(' ')}`, async () => {
        const path = fixturePath(`cli/inputs/${c.input}`);
        // Dictionary paths in the goldens are relative to the repository.
        const flags = c.flags.map((flag) => (/^(data|test)\//.test(flag) ? repoPath(flag) : flag));
        const result = c.stdin ? await run(['-q', ...flags], readFileSync(path)) : await run(['-q', ...flags, path]);
        assert.equal(result.status, 0);
        assert.equal(result.stdout, c.stdout);
      });
    }
  });

  it('cuts a line too long to hold whole into parts, with the words of the whole line, at -j 1 and -j 2', async () => {
    const news = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').replaceAll('\n', '');
    // Over the 2^20 units after which a line goes in parts, and over the 1 MiB after which -j cuts a batch inside a line.
    const line = news.repeat(Math.ceil(1_200_000 / news.length));
    const dir = mkdtempSync(join(tmpdir(), 'jieba-long-'));
    const path = join(dir, 'long.txt');
    writeFileSync(path, `短行\n${line}\n最后`);
    const expected = `短行\n${cut(line).join(' / ')}\n最后\n`;
    for (const jobs of ['1', '2']) {
      const result = await run(['-q', '-j', jobs, path]);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout === expected, `-j ${jobs}: output differs from the whole line's words`);
    }
  });

  it('prints no warning with many worker threads writing to a pipe (-j 12)', () => {
    const news = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'jieba-j12-'));
    const path = join(dir, 'big.txt');
    writeFileSync(path, news.repeat(Math.ceil(2_500_000 / Buffer.byteLength(news))));
    const result = spawnSync(process.execPath, [bin, '-q', '-j', '12', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    assert.ok(result.stdout.length > 0);
  });

  it('search mode gives cutForSearch per line', async () => {
    const result = await run(['-q', '--search', '-d', '|'], '小明硕士毕业于中国科学院计算所\n');
    assert.equal(result.stdout, '小明|硕士|毕业|于|中国|科学|学院|科学院|中国科学院|计算|计算所\n');
  });

  it('prints loading messages on standard error unless -q', async () => {
    const result = await run([], '你好\n');
    assert.equal(result.stdout, '你好\n');
    assert.match(result.stderr, /^Building prefix dict from the default dictionary \.\.\.\nLoading model cost \d+\.\d{3} seconds\.\nPrefix dict has been built successfully\.\n$/);
  });

  it('fails cleanly on a missing file, a directory, and invalid UTF-8, with status 1', async () => {
    let result = await run(['-q', '/no/such/file.txt']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, 'jieba: cannot open /no/such/file.txt: No such file or directory\n');
    result = await run(['-q', tmpdir()]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Is a directory/);

    const dir = mkdtempSync(join(tmpdir(), 'jieba-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0xe4, 0x41]), Buffer.from('\n')]));
    result = await run(['-q', bad]);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '第一行\n第二行\n');
    assert.equal(result.stderr, `jieba: ${bad}: line 3: invalid UTF-8 (byte 0xe4, byte offset 20); use --replace-invalid to decode bad bytes as U+FFFD\n`);

    result = await run(['-q', '--replace-invalid', bad]);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '第一行\n第二行\n\ufffd / A\n');

    const spawned = spawnSync(process.execPath, [bin, '-q', bad], { encoding: 'utf8' });
    assert.equal(spawned.status, 1);
    assert.doesNotMatch(spawned.stderr, /at |Error:/, 'no stack trace');
  });

  it('rejects bad command lines with usage and status 2, like argparse', async () => {
    let result = await run(['--d', 'x']);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'usage: jieba [options] [FILE]\njieba: error: ambiguous option: --d could match --delimiter, --dict\n');
    result = await run(['-a', '--search']);
    assert.equal(result.status, 2);
  });

  it('shows help and version on standard output', async () => {
    const help = await run(['-h']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: jieba \[options\] \[FILE\]/);
    assert.match(help.stdout, /--delimiter \[DELIM\]/);
    const version = await run(['-V']);
    assert.match(version.stdout, /^jieba-ts \d+\.\d+\.\d+ \(jieba 0\.42\.1\)\n$/);
  });

  it('lists every option the parser accepts, and the serve command, in --help', async () => {
    const help = (await run(['--help'])).stdout;
    for (const { short, long } of OPTION_SPECS) {
      assert.ok(help.includes(long), `${long} in --help`);
      if (short) assert.ok(help.includes(`${short},`) || help.includes(`${short} `), `${short} in --help`);
    }
    assert.match(help, /^commands:\n {2}serve {2,}.*jieba serve --help/m);
    assert.match(help, /^ {2}freq {2,}.*jieba freq\n? *--help/m);
    const freqHelp = (await run(['freq', '--help'])).stdout;
    for (const [name, option] of Object.entries(FREQ_OPTIONS)) {
      assert.ok(freqHelp.includes(`--${name}`), `--${name} in jieba freq --help`);
      if ('short' in option) assert.ok(freqHelp.includes(`-${option.short},`), `-${option.short} in jieba freq --help`);
    }
    const serveHelp = (await run(['serve', '--help'])).stdout;
    for (const [name, option] of Object.entries(SERVE_OPTIONS)) {
      assert.ok(serveHelp.includes(`--${name}`), `--${name} in jieba serve --help`);
      if ('short' in option) assert.ok(serveHelp.includes(`-${option.short},`), `-${option.short} in jieba serve --help`);
    }
  });

  it('tags with -p, plainly cuts with -p \'\' (as Python\'s `if args.pos`), and refuses -p with --search', async () => {
    assert.equal((await run(['-q', '-p'], '我爱北京天安门\n')).stdout, '我_r / 爱_v / 北京_ns / 天安门_ns\n');
    assert.equal((await run(['-q', '-p', ''], '我爱北京天安门\n')).stdout, '我 / 爱 / 北京 / 天安门\n');
    assert.equal((await run(['-q', '-p', '--search'], '你好\n')).status, 2);
  });

  it('cuts a 1 MB line without a newline the same as the library does', async () => {
    const line = '全国网络安全和信息化工作会议20日至21日在北京召开，🎉 C++ 3.5%。'.repeat(25000);
    assert.ok(Buffer.byteLength(line) > 1_000_000);
    const result = await run(['-q', '-d', '|'], line);
    assert.equal(result.stdout, cut(line).join('|') + '\n');
  });

  it('uses dictionaries: --big, and --save-image then -D loads the image with the same output', async () => {
    const line = '「台中」正確應該不會被切開，我們中出了一個叛徒\n';
    const big = await run(['-q', '--big'], line);
    const bigText = await run(['-q', '-D', repoPath('data/jieba/dict.txt.big')], line);
    assert.equal(big.stdout, bigText.stdout);
    const dir = mkdtempSync(join(tmpdir(), 'jieba-cli-'));
    const image = join(dir, 'mine.img');
    const userDict = fixturePath('dict/user-formats.txt');
    assert.equal((await run(['-q', '-u', userDict, '--save-image', image])).status, 0);
    const withImage = await run(['-q', '-D', image], line + '李小福是创新办主任也是云计算方面的专家\n');
    const withUserDict = await run(['-q', '-u', userDict], line + '李小福是创新办主任也是云计算方面的专家\n');
    assert.equal(withImage.stdout, withUserDict.stdout);
    assert.match(withImage.stdout, /李小福 \/ 是 \/ 创新办/);
  });

  it('reports dictionary problems in one line with status 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-cli-'));
    const bad = join(dir, 'bad.dict');
    writeFileSync(bad, '中国 10 ns\n坏行\n');
    let result = await run(['-q', '-D', bad], '你好\n');
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `jieba: invalid dictionary entry in ${bad} at line 2: "坏行" (no frequency)\n`);
    assert.equal(result.stdout, '');
    result = await run(['-q', '-u', join(dir, 'missing.txt')], '你好\n');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^jieba: cannot read user dictionary .*missing\.txt: no such file\n$/);
    const truncated = join(dir, 'truncated.img');
    writeFileSync(truncated, new Uint8Array(readFileSync(repoPath('dist/data/default.img')).subarray(0, 4096)));
    result = await run(['-q', '-D', truncated], '你好\n');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^jieba: .*truncated\.img is not a usable jieba-ts image: it should be \d+ bytes long but is 4096 \(truncated\?\)\n$/);
    assert.equal((await run(['-q', '--big', '-D', bad], '')).status, 2);
  });

  it('prints keywords of the whole input or of each line, as text or JSON Lines', async () => {
    const input = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8');
    const whole = input.split(/\r\n|\r|\n/).slice(0, -1).join('\n');
    let result = await run(['-q', '--keywords', '--top-k', '5', '--with-weight'], input);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, extractTags(whole, { topK: 5, withWeight: true }).map((k) => `${k.word}:${k.weight}`).join(' / ') + '\n');
    result = await run(['-q', '--keywords', 'textrank', '--each-line', '--json', '--allow-pos', 'n,ns'], '信息化为中华民族带来了千载难逢的机遇\n我们在北京召开会议\n');
    assert.equal(
      result.stdout,
      [textRank('信息化为中华民族带来了千载难逢的机遇', { allowPOS: ['n', 'ns'] }), textRank('我们在北京召开会议', { allowPOS: ['n', 'ns'] })]
        .map((k) => JSON.stringify(k) + '\n')
        .join(''),
    );
    result = await run(['-q', '--keywords', '--idf', fixturePath('dict/small-dict.txt')], '中国');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^jieba: invalid IDF entry in .*small-dict\.txt at line 1: "中国 100 ns"\n$/);
    assert.equal((await run(['-q', '--keywords', 'lda'], '')).status, 2);
    assert.equal((await run(['-q', '--json'], '')).status, 2);
    assert.equal((await run(['-q', '--keywords', '-p'], '')).status, 2);
  });

  it('shares paddle mode among worker threads from 32 KB on, with the same bytes as -j 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-j-paddle-'));
    const path = join(dir, 'news.txt');
    // About 100 KB: three 16 KB batches here, the rest in workers.
    writeFileSync(path, (readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8') + readFileSync(fixturePath('corpus/modern-mixed.txt'), 'utf8')).repeat(6));
    for (const flags of [['-q', '--paddle'], ['-q', '--paddle', '-p']]) {
      const one = spawnSync(process.execPath, [bin, ...flags, '-j', '1', path], { maxBuffer: 1 << 28 });
      const two = spawnSync(process.execPath, [bin, ...flags, '-j', '2', path], { maxBuffer: 1 << 28 });
      assert.equal(one.status, 0, one.stderr.toString());
      assert.equal(two.status, 0, two.stderr.toString());
      assert.ok(one.stdout.length > 100_000);
      assert.ok(Buffer.compare(one.stdout, two.stdout) === 0, flags.join(' '));
    }
  });

  it('gives the same bytes with worker threads (-j 2) as without (-j 1), in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-j-'));
    const big = join(dir, 'big.txt');
    const lines = readFileSync(fixturePath('corpus/chinese-poetry.txt'), 'utf8');
    writeFileSync(big, (lines + readFileSync(fixturePath('corpus/modern-mixed.txt'), 'utf8')).repeat(12)); // about 3 MB
    for (const flags of [['-q'], ['-q', '-p', '-n'], ['-q', '-a', '-d', '|']]) {
      const one = spawnSync(process.execPath, [bin, ...flags, '-j', '1', big], { maxBuffer: 1 << 28 });
      const two = spawnSync(process.execPath, [bin, ...flags, '-j', '2', big], { maxBuffer: 1 << 28 });
      assert.equal(one.status, 0);
      assert.equal(two.status, 0);
      assert.ok(one.stdout.length > 3_000_000);
      assert.ok(Buffer.compare(one.stdout, two.stdout) === 0, flags.join(' '));
    }
    assert.equal(spawnSync(process.execPath, [bin, '-j', '0', big]).status, 2);
    // From standard input the size is unknown: workers start once 1 MiB has passed.
    const input = readFileSync(big);
    const piped = spawnSync(process.execPath, [bin, '-q', '-j', '2'], { input, maxBuffer: 1 << 28 });
    const alone = spawnSync(process.execPath, [bin, '-q', '-j', '1'], { input, maxBuffer: 1 << 28 });
    assert.equal(piped.status, 0);
    assert.ok(alone.stdout.length > 3_000_000);
    assert.ok(Buffer.compare(piped.stdout, alone.stdout) === 0, 'stdin');
  });

  it('gives the same bytes and errors with -j 2 as with -j 1 where batches meet odd line breaks and bad bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-j-'));
    const poetry = readFileSync(fixturePath('corpus/chinese-poetry.txt'), 'utf8');
    // Over 1 MiB before the interesting part, so that worker threads handle it.
    const bulk = Buffer.from(poetry.repeat(4));
    const cases: Record<string, Buffer> = {
      crOnly: Buffer.from(poetry.repeat(6).replaceAll('\n', '\r')),
      crlf: Buffer.from(poetry.repeat(6).replaceAll('\n', '\r\n')),
      mixed: Buffer.from(poetry.repeat(6).replace(/\n/g, (_, i: number) => ['\n', '\r', '\r\n'][i % 3]!)),
      noFinalNewline: Buffer.concat([bulk, Buffer.from('最后一行没有换行')]),
      badByteLate: Buffer.concat([bulk, Buffer.from('好的\n坏'), Buffer.from([0xe4, 0x41]), Buffer.from('\n后面\n'), bulk]),
      truncatedAtEnd: Buffer.concat([bulk, Buffer.from('结尾'), Buffer.from([0xe4, 0xb8])]),
    };
    for (const [name, content] of Object.entries(cases)) {
      const path = join(dir, `${name}.txt`);
      writeFileSync(path, content);
      for (const flags of [['-q'], ['-q', '--replace-invalid']]) {
        const one = spawnSync(process.execPath, [bin, ...flags, '-j', '1', path], { maxBuffer: 1 << 28 });
        const two = spawnSync(process.execPath, [bin, ...flags, '-j', '2', path], { maxBuffer: 1 << 28 });
        const label = `${name} ${flags.join(' ')}`;
        assert.ok(one.stdout.length > 1_000_000, label);
        assert.equal(two.status, one.status, label);
        assert.equal(two.stderr.toString(), one.stderr.toString(), label);
        assert.ok(Buffer.compare(one.stdout, two.stdout) === 0, label);
      }
    }
    // And the errors are the ones expected, not merely equal.
    const late = spawnSync(process.execPath, [bin, '-q', '-j', '2', join(dir, 'badByteLate.txt')], { maxBuffer: 1 << 28 });
    const lineOfBad = bulk.toString('utf8').split(/\r\n|\r|\n/).length + 1;
    assert.equal(late.status, 1);
    assert.match(late.stderr.toString(), new RegExp(`: line ${lineOfBad}: invalid UTF-8 \\(byte 0xe4, byte offset ${bulk.length + 10}\\)`));
    const truncated = spawnSync(process.execPath, [bin, '-q', '-j', '2', join(dir, 'truncatedAtEnd.txt')], { maxBuffer: 1 << 28 });
    assert.match(truncated.stderr.toString(), /invalid UTF-8 \(a truncated UTF-8 sequence at the end, byte offset \d+\)/);
  });

  it('gives nothing for empty input', async () => {
    assert.deepEqual(await run(['-q'], ''), { status: 0, stdout: '', stderr: '' });
  });

  it('ends quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [bin, '-q'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.stdout.once('data', () => child.stdout.destroy());
    const input = Readable.from((function* () {
      for (let i = 0; i < 3000; i++) yield Buffer.from('我们在北京召开了全国网络安全和信息化工作会议。\n'.repeat(50));
    })());
    input.pipe(child.stdin).on('error', () => undefined);
    child.stdin.on('error', () => undefined);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(status, 0);
    assert.equal(stderr, '');
  });
});
