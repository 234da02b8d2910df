import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../support/cli.js';
import { TRAIN_OPTIONS } from '../../src/cli/train-command.js';
import { Tokenizer } from '../../src/index.js';


const CORPUS = '杭研 大厦 很 高\n我 在 杭研 大厦 工作\n杭研 的 同事 来 了\n';

describe('jieba train', () => {
  it('writes an image that -D uses, HMM included, and the same bytes every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    writeFileSync(join(dir, 'corpus.txt'), CORPUS);
    const out = join(dir, 'mine.img');
    const result = await run(['train', join(dir, 'corpus.txt'), '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /14 words counted/);
    const image = readFileSync(out);
    assert.ok((await run(['train', join(dir, 'corpus.txt'), '-o', join(dir, 'again.img'), '-q'])).status === 0);
    assert.ok(image.equals(readFileSync(join(dir, 'again.img'))), 'deterministic');
    const cut = await run(['-q', '-D', out, '-n'], '杭研的同事来了\n');
    assert.equal(cut.stdout, '杭研 / 的 / 同事 / 来 / 了\n');
    assert.deepEqual(new Tokenizer({ dict: out }).cut('杭研的同事来了', { hmm: false }), ['杭研', '的', '同事', '来', '了']);
  });

  it('writes dict.txt text for other names, the corpus alone with --no-base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    const out = join(dir, 'mine.txt');
    assert.equal((await run(['train', '-', '-o', out, '--no-base', '-q'], CORPUS)).status, 0);
    assert.equal(readFileSync(out, 'utf8'), ['了 1', '同事 1', '在 1', '大厦 2', '工作 1', '很 1', '我 1', '来 1', '杭研 3', '的 1', '高 1', ''].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter(Boolean).join('\n') + '\n');
  });

  it('with --tags, re-estimates the POS HMM into an image, and says what it left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    const tagged = '鬯鬯/nz 来了/zz\n我们/r 爱/v 鬯鬯/nz\n';
    const image = await run(['train', '-', '--tags', 'slash', '-o', join(dir, 'tagged.img')], tagged);
    assert.equal(image.status, 0, image.stderr);
    assert.match(image.stderr, /the POS HMM re-estimated over 256 states/);
    assert.match(image.stderr, /tags the base POS model lacks, left out of its HMM \(kept in the dictionary\): zz\n/);
    assert.deepEqual(new Tokenizer({ dict: join(dir, 'tagged.img') }).tag('鬯鬯来了').map((w) => w.tag), ['nz', 'zz']);
    const text = await run(['train', '-', '--tags', 'slash', '-o', join(dir, 'tagged.txt')], tagged);
    assert.equal(text.status, 0);
    assert.match(text.stderr, /the POS HMM was not written: only an \.img output carries it/);
  });

  it('leaves out the base words the corpus cuts apart, and splits the HMM\'s, unless --keep-contradicted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    const corpus = '一 个 人 来 了\n他 说 的 确实 在 理\n';
    writeFileSync(join(dir, 'corpus.txt'), corpus);
    const image = await run(['train', join(dir, 'corpus.txt'), '-o', join(dir, 'mine.img')]);
    assert.equal(image.status, 0, image.stderr);
    assert.match(image.stderr, /jieba train: 4 words of the base left out: the corpus cuts them apart/);
    assert.match(image.stderr, /jieba train: (\d+ words the HMM made in the corpus, which cuts them apart, split from now on|the HMM made no word in the corpus across its words)\n/);
    assert.equal((await run(['-q', '-D', join(dir, 'mine.img'), '-n'], '一个\n')).stdout, '一 / 个\n');
    const piped = await run(['train', '-', '-o', join(dir, 'piped.img')], corpus);
    assert.match(piped.stderr, /standard input is read once: the HMM's words were not checked/);
    const text = await run(['train', '-', '-o', join(dir, 'mine.txt')], corpus);
    assert.match(text.stderr, /only an \.img output tells it to split them/);
    assert.doesNotMatch(text.stderr, /read once/);
    assert.doesNotMatch(readFileSync(join(dir, 'mine.txt'), 'utf8'), /^一个 /m);
    const kept = await run(['train', join(dir, 'corpus.txt'), '--keep-contradicted', '-o', join(dir, 'kept.txt')]);
    assert.equal(kept.status, 0, kept.stderr);
    assert.doesNotMatch(kept.stderr, /left out|split from now on|read once/);
    assert.match(readFileSync(join(dir, 'kept.txt'), 'utf8'), /^一个 \d+ m$/m);
  });

  it('makes rarer the base words the corpus cuts apart more often than it writes them whole, unless --keep-contradicted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    writeFileSync(join(dir, 'corpus.txt'), '他 就 是 我\n这 就 是 了\n就是 好\n');
    const image = await run(['train', join(dir, 'corpus.txt'), '-o', join(dir, 'mine.img')]);
    assert.equal(image.status, 0, image.stderr);
    assert.match(image.stderr, /jieba train: 1 word of the base made rarer: the corpus cuts it apart more often than it writes it whole \(--keep-contradicted keeps it as it was\)\n/);
    assert.equal((await run(['-q', '-D', join(dir, 'mine.img')], '他就是我\n')).stdout, '他 / 就 / 是 / 我\n');
    const kept = await run(['train', join(dir, 'corpus.txt'), '--keep-contradicted', '-o', join(dir, 'kept.img')]);
    assert.doesNotMatch(kept.stderr, /made rarer/);
    assert.equal((await run(['-q', '-D', join(dir, 'kept.img')], '他就是我\n')).stdout, '他 / 就是 / 我\n');
    // Words of four characters cut apart 20 times of 20: those the corpus never shows are cut too.
    writeFileSync(join(dir, 'compounds.txt'), '北京 大学 很 好\n'.repeat(20));
    const compounds = await run(['train', join(dir, 'compounds.txt'), '-o', join(dir, 'compounds.img')]);
    assert.equal(compounds.status, 0, compounds.stderr);
    assert.match(compounds.stderr, /jieba train: \d+ words of the base that the corpus never shows made rarer or left out: it cuts apart most words of their length and tag \(4 characters: 20 of 20 times; 4 characters, nt: 20 of 20 times\)\n/);
    assert.match(compounds.stderr, /jieba train: 1 word of the base left out: the corpus cuts it apart and never writes it whole \(--keep-contradicted keeps it\)\n/);
    assert.equal((await run(['-q', '-D', join(dir, 'compounds.img')], '清华大学\n')).stdout, '清华 / 大学\n');
  });

  it('names the corpus line it cannot read (status 1), and refuses bad options (status 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-train-'));
    writeFileSync(join(dir, 'tagged.txt'), '杭研/nt 大厦/n\n我/r 在\n');
    const bad = await run(['train', join(dir, 'tagged.txt'), '--tags', 'slash', '-o', join(dir, 'x.img')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /tagged\.txt: line 2: "在" has no \/tag/);
    for (const argv of [['x.txt'], ['-o', 'x.img'], ['x.txt', '-o', 'x.img', '--no-base', '-D', 'd.txt'], ['x.txt', '-o', 'y', '--ratio', '-1'], ['x.txt', '-o', 'y', '--tags', 'colon']]) {
      assert.equal((await run(['train', ...argv])).status, 2, argv.join(' '));
    }
    assert.match((await run(['--help'])).stdout, /^ {2}train {2,}.*jieba\n? *train --help/m);
    const help = (await run(['train', '--help'])).stdout;
    for (const [name, option] of Object.entries(TRAIN_OPTIONS)) {
      assert.ok(help.includes(`--${name}`), `--${name} in jieba train --help`);
      if ('short' in option) assert.ok(help.includes(`-${option.short},`), `-${option.short}`);
    }
  });
});
