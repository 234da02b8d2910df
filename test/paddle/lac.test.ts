import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cut, tag, Tokenizer } from '../../src/index.js';
import { readPaddleTensor } from '../../scripts/paddle-tables.js';
import { repoPath } from '../support/fixtures.js';

describe('paddle mode', () => {
  it('reproduces the paddle-mode examples of jieba\'s README', () => {
    assert.deepEqual(cut('我来到北京清华大学', { paddle: true }), ['我', '来到', '北京清华大学']);
    assert.deepEqual(cut('乒乓球拍卖完了', { paddle: true }), ['乒乓球', '拍卖', '完', '了']);
    assert.deepEqual(cut('中国科学技术大学', { paddle: true }), ['中国科学技术大学']);
    assert.deepEqual(tag('我爱北京天安门', { paddle: true }), [
      { word: '我', tag: 'r' },
      { word: '爱', tag: 'v' },
      { word: '北京', tag: 'LOC' },
      { word: '天安门', tag: 'LOC' },
    ]);
  });

  it('finds people, places and organisations that the dictionary does not know', () => {
    const tagged = tag('李小福是创新办主任也是云计算方面的专家', { paddle: true });
    assert.deepEqual(tagged[0], { word: '李小福', tag: 'PER' });
    assert.deepEqual(cut('他来到了网易杭研大厦', { paddle: true }), ['他', '来到', '了', '网易', '杭研大厦']);
  });

  it('keeps Python\'s input handling: whitespace stripped, unknown characters shown as spaces, empty input empty', () => {
    assert.deepEqual(cut('', { paddle: true }), []);
    assert.deepEqual(cut(' \t\u3000\n', { paddle: true }), []);
    const words = cut('  我爱😀北京  ', { paddle: true });
    assert.equal(words.join(''), '我爱 北京');
  });

  it('ignores the dictionary and the HMM, as Python\'s use_paddle does', () => {
    const tokenizer = new Tokenizer({ dict: { text: '北京清华 100 n\n' } });
    assert.deepEqual(tokenizer.cut('我来到北京清华大学', { paddle: true, hmm: false }), ['我', '来到', '北京清华大学']);
  });

  it('handles a long text in one pass, covering every character once', () => {
    const text = '我来到北京清华大学，他来到了网易杭研大厦。'.repeat(200);
    const words = cut(text, { paddle: true });
    assert.equal(words.join(''), text);
    assert.deepEqual(words.slice(0, 3), ['我', '来到', '北京清华大学']);
  });

  it('gives a batch of texts the words and tags each would get alone', () => {
    const tokenizer = new Tokenizer();
    const lines = readFileSync(repoPath('test/fixtures/corpus/modern-mixed.txt'), 'utf8').split('\n').slice(0, 99);
    lines.push('', '  ', '我爱😀北京', '，。ＡＢ');
    for (const normalize of [false, true]) {
      const batch = tokenizer.paddleMany(lines, normalize);
      lines.forEach((line, i) => {
        const alone = tokenizer.tag(line, { paddle: normalize ? { normalize } : true });
        assert.deepEqual(batch[i]!.words, alone.map(({ word }) => word), line);
        assert.deepEqual(batch[i]!.tags, alone.map((w) => w.tag), line);
      });
    }
  });

  it('runs from the CLI with --paddle, and with -p gives LAC tags', () => {
    const bin = repoPath('bin/jieba.js');
    const run = (args: string[]): string => spawnSync(process.execPath, [bin, '-q', ...args], { input: '我爱北京天安门\n\n乒乓球拍卖完了\n', encoding: 'utf8' }).stdout;
    assert.equal(run(['--paddle']), '我 / 爱 / 北京 / 天安门\n\n乒乓球 / 拍卖 / 完 / 了\n');
    assert.equal(run(['--paddle', '-p', '-d', ' ']), '我_r 爱_v 北京_LOC 天安门_LOC\n\n乒乓球_n 拍卖_v 完_v 了_xc\n');
    // Python's abbreviation --p still means --pos.
    assert.equal(run(['--p']), '我_r / 爱_v / 北京_ns / 天安门_ns\n\n乒乓球_n / 拍卖_v / 完_v / 了_ul\n');
  });
});

describe('reading PaddlePaddle tensor files', () => {
  it('parses the header, the TensorDesc and the float32 data', () => {
    // version 0, no LoD, tensor version 0, desc {data_type: FP32, dims: [2, 3]}, 6 floats
    const desc = [0x08, 0x05, 0x10, 0x02, 0x10, 0x03];
    const header = new Uint8Array(4 + 8 + 4 + 4 + desc.length);
    new DataView(header.buffer).setInt32(16, desc.length, true);
    header.set(desc, 20);
    const data = new Float32Array([1, 2, 3, 4, 5, 6.5]);
    const file = new Uint8Array(header.length + 24);
    file.set(header);
    file.set(new Uint8Array(data.buffer), header.length);
    const tensor = readPaddleTensor(file, 'test');
    assert.deepEqual(tensor.dims, [2, 3]);
    assert.deepEqual([...tensor.data], [1, 2, 3, 4, 5, 6.5]);
    assert.throws(() => readPaddleTensor(file.subarray(0, file.length - 4), 'short'), /bytes of data/);
  });
});

describe('paddle mode with { normalize: true }', () => {
  it('maps only characters the model never learned to characters it did', async () => {
    const { sharedModels } = await import('../../src/node-platform.js');
    const { LAC_PUNCTUATION, normalizeForLac } = await import('../../src/paddle/lac.js');
    const model = sharedModels.paddle();
    // Untrained embeddings stay within their uniform initialisation, |v| <= 0.1.
    const row = new Float32Array(128);
    const trained = (c: string): boolean => {
      const id = model.vocabulary.get(c);
      if (id === undefined) return false;
      model.embedding.copyRow(id, row, 0);
      return row.some((v) => Math.abs(v) > 0.11);
    };
    const sources = [...Object.keys(LAC_PUNCTUATION), 'Ａ', 'Ｚ', 'ａ', '０', '９', '％', 'A', 'Q', 'Z'];
    for (const c of sources) {
      assert.equal(trained(c), false, `${c} is untrained`);
      assert.equal(trained(normalizeForLac(c)), true, `${c} -> ${normalizeForLac(c)} is trained`);
    }
    assert.equal(normalizeForLac('中'), '中');
    assert.equal(normalizeForLac('a'), 'a');
  });

  it('tags punctuation as punctuation and keeps the original characters', () => {
    const text = '他说：“你好！”今天ＡＢＣ公司发布了新产品。';
    const tagged = tag(text, { paddle: { normalize: true } });
    assert.equal(tagged.map((t) => t.word).join(''), text);
    for (const mark of ['：', '“', '！', '”', '。']) assert.deepEqual(tagged.find((t) => t.word === mark), { word: mark, tag: 'w' });
    // Python's behaviour, for contrast: the untrained marks are not tagged w.
    assert.notDeepEqual(tag(text, { paddle: true }).find((t) => t.word === '。'), { word: '。', tag: 'w' });
  });

  it('is reachable from the CLI as --paddle --normalize, and --normalize alone is refused', () => {
    const bin = repoPath('bin/jieba.js');
    const out = spawnSync(process.execPath, [bin, '-q', '--paddle', '--normalize', '-p'], { input: '他说：“你好！”\n', encoding: 'utf8' });
    assert.equal(out.stdout, '他_r / 说_v / ：_w / “_w / 你好_n / ！_w / ”_w\n');
    assert.equal(spawnSync(process.execPath, [bin, '-q', '--normalize'], { input: '', encoding: 'utf8' }).status, 2);
  });
});
