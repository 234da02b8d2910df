import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../support/cli.js';
import { cut, cutForSearch, tag } from '../../src/index.js';
import { fixturePath, repoPath } from '../support/fixtures.js';


const LINES = readFileSync(fixturePath('corpus/seed-news.txt'), 'utf8').split('\n').filter(Boolean);
const RECORDS = LINES.map((text, i) => JSON.stringify({ id: 9007199254740993 + i, text, source: 'cctv' }).replace(/"id":\d+/, `"id":${9007199254740993n + BigInt(i)}`));

describe('record filters', () => {
  it('--jsonl adds the words of a field to each record, one record out per record in, the rest kept byte for byte', async () => {
    const { status, stdout } = await run(['-q', '--jsonl', 'text'], `${RECORDS.join('\n')}\n`);
    assert.equal(status, 0);
    const out = stdout.split('\n').slice(0, -1);
    assert.equal(out.length, RECORDS.length);
    out.forEach((line, i) => {
      // The id, past 2^53, is still the digits it was: the record is not re-serialised.
      assert.ok(line.startsWith(RECORDS[i]!.slice(0, -1)), line.slice(0, 60));
      assert.deepEqual((JSON.parse(line) as { text_words: string[] }).text_words, cut(LINES[i]!));
    });
  });

  it('--jsonl in every mode: -p gives [word, tag] pairs, --search its words, --output-field names the field', async () => {
    const input = `${RECORDS[0]}\n\n{}\n`.replace('{}', '{"text":"我爱北京天安门"}');
    const tagged = (await run(['-q', '-p', '--jsonl', 'text'], input)).stdout.split('\n');
    assert.deepEqual((JSON.parse(tagged[0]!) as { text_tags: unknown }).text_tags, tag(LINES[0]!).map(({ word, tag: t }) => [word, t]));
    assert.equal(tagged[1], '', 'an empty line gives an empty line');
    const search = (await run(['-q', '--search', '--jsonl', 'text', '--output-field', 'terms'], input)).stdout.split('\n');
    assert.deepEqual((JSON.parse(search[2]!) as { terms: string[] }).terms, cutForSearch('我爱北京天安门'));
  });

  it('--tsv segments one column and keeps the others', async () => {
    const input = LINES.slice(0, 5).map((line, i) => `${i}\t${line}\tend`).join('\n') + '\n';
    const { stdout } = await run(['-q', '--tsv', '2', '-d', ' '], input);
    assert.deepEqual(
      stdout.split('\n').slice(0, -1),
      LINES.slice(0, 5).map((line, i) => `${i}\t${cut(line).join(' ')}\tend`),
    );
  });

  it('stops at a record it cannot read, naming the line, with the records before it written (status 1)', async () => {
    const cases: [string, string, RegExp][] = [
      ['--jsonl', '{"text":"你好"}\n{"text": 3}\n', /<stdin>: line 2: field "text" is not a string/],
      ['--jsonl', '{"text":"你好"}\n\n[1]\n', /line 3: the record is not a JSON object/],
      ['--jsonl', '{"text":"你好"}\nnot json\n', /line 2: not JSON/],
      ['--jsonl', '{"text":"你好","text_words":[]}\n', /line 1: the record already has a field "text_words"/],
      ['--tsv', 'a\tb\nonly\n', /line 2: the line has 1 column, not 2/],
    ];
    for (const [flag, input, message] of cases) {
      const result = await run(['-q', flag, flag === '--jsonl' ? 'text' : '2'], input);
      assert.equal(result.status, 1, input);
      assert.match(result.stderr, message);
      if (input.startsWith('{"text":"你好"}\n')) assert.equal(result.stdout.split('\n')[0], '{"text":"你好","text_words":["你好"]}');
    }
    for (const argv of [['--jsonl', 'a', '--tsv', '1'], ['--output-field', 'x'], ['--tsv', '0'], ['--jsonl', 'a', '--keywords']]) {
      assert.equal((await run(['-q', ...argv], '')).status, 2, argv.join(' '));
    }
  });

  it("runs the README's map/sort/reduce pipeline in a shell", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-records-'));
    writeFileSync(join(dir, 'docs.jsonl'), `${RECORDS.join('\n')}\n`);
    const jieba = `node ${repoPath('bin/jieba.js')}`;
    // Map: each record to its words, one word per line; sort; reduce: count runs of equal lines.
    const script = `${jieba} -q --jsonl text docs.jsonl | node -e "require('readline').createInterface({input: process.stdin}).on('line', (l) => { for (const w of JSON.parse(l).text_words) if (/[\\\\p{L}\\\\p{N}]/u.test(w)) console.log(w); })" | LC_ALL=C sort | uniq -c | sort -k1,1nr -k2 | head -3`;
    const result = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const counts = result.stdout.trim().split('\n').map((line) => line.trim().split(/\s+/));
    // The same three words and counts as jieba freq over the same text.
    const freq = spawnSync('sh', ['-c', `${jieba} freq ${fixturePath('corpus/seed-news.txt')} --top 3`], { encoding: 'utf8' }).stdout.trim().split('\n').map((line) => line.split('\t'));
    assert.equal(counts.length, 3);
    assert.deepEqual(counts.map(([n, w]) => [w, n]), freq);
  });
});

describe('record filters with -j', () => {
  it('give the same records in the same order as one thread, and name a bad record after writing those before it', async () => {
    const many = `${Array.from({ length: 30 }, () => RECORDS.join('\n')).join('\n')}\n`;
    for (const extra of [['--jsonl', 'text'], ['-p', '--jsonl', 'text'], ['--search', '--jsonl', 'text']]) {
      const one = await run(['-q', ...extra], many);
      const two = await run(['-q', '-j', '2', ...extra], many);
      assert.equal(two.status, 0, two.stderr);
      assert.equal(two.stdout, one.stdout, extra.join(' '));
    }
    const tsv = LINES.map((line, i) => `${i}\t${line}`).join('\n') + '\n';
    assert.equal((await run(['-q', '-j', '2', '--tsv', '2'], tsv)).stdout, (await run(['-q', '--tsv', '2'], tsv)).stdout);
    const bad = await run(['-q', '-j', '2', '--jsonl', 'text'], `${RECORDS.join('\n')}\n{"text": 1}\n`);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, new RegExp(`line ${RECORDS.length + 1}: field "text" is not a string`));
    assert.equal(bad.stdout.split('\n').length - 1, RECORDS.length, 'every record before it written');
  });
});
