import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../support/cli.js';
import { DISCOVER_OPTIONS } from '../../src/cli/discover-command.js';
import { wordLikeness, type WordEvidence } from '../../src/analyse/word-likeness.js';

// A made-up word (酥梨糕) in eight different contexts: the dictionary cuts
// it as 酥梨 / 糕; discovery should find it, and nothing else.
const CONTEXT = ['今天', '我们', '大家', '他们', '朋友', '老师', '同学', '邻居'];
const VERB = ['买', '卖', '做', '吃', '送', '带', '要', '拿'];
const AFTER = ['很好吃', '卖完了', '上市了', '涨价了', '真便宜', '做好了', '送来了', '吃光了'];
const CORPUS = CONTEXT.map((c, i) => `${c}${VERB[i]}酥梨糕${AFTER[i]}\n`).join('');

describe('jieba discover', () => {
  it('prints a user dictionary that -u loads, which then keeps the new word whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-discover-'));
    writeFileSync(join(dir, 'corpus.txt'), CORPUS);
    const before = await run(['-q', '-n', join(dir, 'corpus.txt')]);
    assert.match(before.stdout, /酥梨 \/ 糕/);
    const found = await run(['discover', join(dir, 'corpus.txt')]);
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.stdout, '酥梨糕 1\n');
    assert.match(found.stderr, /8 lines read, 1 new words/);
    writeFileSync(join(dir, 'new.txt'), found.stdout);
    const after = await run(['-q', '-n', '-u', join(dir, 'new.txt'), join(dir, 'corpus.txt')]);
    assert.equal(after.stdout.split('\n')[0], '今天 / 买 / 酥梨糕 / 很 / 好吃');
    // Words the user dictionary already has are not new.
    assert.equal((await run(['discover', '-q', '-u', join(dir, 'new.txt')], CORPUS)).stdout, '');
  });

  it('gives scores as TSV or JSON, and honours --min-count and --max-len', async () => {
    const tsv = await run(['discover', '-q', '--scores'], CORPUS);
    const [word, count, cohesion, entropy, inner, score] = tsv.stdout.trim().split('\t');
    assert.equal(word, '酥梨糕');
    assert.equal(count, '8');
    assert.ok(Number(inner) < Number(entropy));
    const json = JSON.parse((await run(['discover', '-q', '--json'], CORPUS)).stdout) as Array<WordEvidence & { word: string; freq: number; score: number }>;
    assert.deepEqual(json.map((w) => [w.word, w.freq, w.count]), [['酥梨糕', 1, 8]]);
    // The TSV's columns are the JSON's, whose evidence gives the score.
    assert.deepEqual([cohesion, entropy, inner, score].map(Number), [json[0]!.cohesion, json[0]!.entropy, json[0]!.innerEntropy, json[0]!.score]);
    assert.equal(json[0]!.score, wordLikeness(json[0]!));
    assert.deepEqual([json[0]!.allSingle, json[0]!.length], [false, 3]);
    assert.equal((await run(['discover', '-q', '--min-count', '9'], CORPUS)).stdout, '');
    assert.equal((await run(['discover', '-q', '--min-score', String(json[0]!.score + 0.001)], CORPUS)).stdout, '');
    assert.equal((await run(['discover', '-q', `--min-score=${json[0]!.score - 0.001}`], CORPUS)).stdout, '酥梨糕 1\n');
    assert.equal((await run(['discover', '-q', '--max-len', '2'], CORPUS)).stdout, '');
  });

  it('writes -o whole, through a temporary file that does not stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-discover-'));
    const out = join(dir, 'words.txt');
    assert.equal((await run(['discover', '-q', '-o', out], CORPUS)).status, 0);
    assert.equal(readFileSync(out, 'utf8'), '酥梨糕 1\n');
    assert.deepEqual(readdirSync(dir), ['words.txt']);
    // An output that cannot be written: status 1, named, nothing left behind.
    mkdirSync(join(dir, 'taken'));
    const failed = await run(['discover', '-q', '-o', join(dir, 'taken')], CORPUS);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /^jieba discover: cannot write .*taken: /);
    assert.deepEqual(readdirSync(dir).sort(), ['taken', 'words.txt']);
  });

  it('names the line of bad input (status 1) and refuses bad options (status 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-discover-'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('第一行\n第二行'), Buffer.from([0xff]), Buffer.from('\n')]));
    const bad = await run(['discover', join(dir, 'bad.txt')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.txt.*line 2/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
    const missing = await run(['discover', join(dir, 'missing.txt')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read .*missing\.txt/);
    for (const argv of [['--top', '0'], ['--max-len', '1'], ['--min-count', 'x'], ['--min-score', 'x'], ['--min-score', '-2'], ['--scores', '--json'], ['--nope']]) {
      assert.equal((await run(['discover', ...argv])).status, 2, argv.join(' '));
    }
    assert.match((await run(['--help'])).stdout, /^ {2}discover {2,}/m);
    const help = (await run(['discover', '--help'])).stdout;
    for (const [name, option] of Object.entries(DISCOVER_OPTIONS)) {
      assert.ok(help.includes(`--${name}`), `--${name} in jieba discover --help`);
      if ('short' in option) assert.ok(help.includes(`-${option.short},`), `-${option.short}`);
    }
  });
});
