import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NewWordFinder } from '../../src/analyse/new-words.js';
import { Tokenizer } from '../../src/index.js';

const tokenizer = new Tokenizer();

/** Sentences with a made-up word (氪晶矿, not in the dictionary) in varied contexts. */
function corpus(): string[] {
  const before = ['我们发现', '他说', '关于', '新的', '这座', '一处', '附近的', '大型'];
  const after = ['储量丰富', '已经开采', '位于山区', '价值很高', '需要保护', '正在调查', '引起关注', '十分罕见'];
  const lines: string[] = [];
  for (const b of before) for (const a of after) lines.push(`${b}氪晶矿${a}。`);
  return lines;
}

describe('NewWordFinder', () => {
  it('finds a word the dictionary lacks that occurs often, holds together and sits in varied contexts', () => {
    const finder = new NewWordFinder(tokenizer, { minCount: 5, top: 10 });
    for (const line of corpus()) finder.add(line);
    const words = finder.words();
    assert.equal(words[0]!.word, '氪晶矿');
    assert.equal(words[0]!.count, 64);
    // Seven different characters before it (新的 and 附近的 share 的), eight after: ln 7 ≈ 1.95 at most on the left.
    assert.ok(words[0]!.cohesion > 0 && words[0]!.entropy > 1.8, JSON.stringify(words[0]));
    assert.equal(words[0]!.score, words[0]!.count * words[0]!.cohesion * words[0]!.entropy);
    // Its fragments branch little on the side they were cut from, and dictionary words are left out.
    assert.ok(!words.some((w) => w.word === '氪晶' || w.word === '晶矿'), words.map((w) => w.word).join(' '));
    assert.ok(!words.some((w) => (tokenizer.wordFrequency(w.word) ?? 0) > 0));
  });

  it('reports nothing below minCount, and nothing for text without Han runs', () => {
    const finder = new NewWordFinder(tokenizer, { minCount: 100 });
    for (const line of corpus()) finder.add(line);
    assert.deepEqual(finder.words(), []);
    assert.deepEqual(new NewWordFinder(tokenizer).add('hello world 123').words(), []);
  });

  it('keeps its table bounded by pruning the rarest strings', () => {
    const finder = new NewWordFinder(tokenizer, { minCount: 5, maxEntries: 2000 });
    let state = 1;
    for (let i = 0; i < 200; i++) {
      let line = '';
      for (let k = 0; k < 50; k++) line += String.fromCharCode(0x4e00 + ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 3000));
      finder.add(line);
    }
    for (const line of corpus()) finder.add(line);
    assert.equal(finder.words()[0]?.word, '氪晶矿');
  });

  it('refuses bad options', () => {
    assert.throws(() => new NewWordFinder(tokenizer, { top: 0 }), /top must be a positive integer/);
    assert.throws(() => new NewWordFinder(tokenizer, { maxLength: 1 }), /maxLength must be at least 2/);
    assert.throws(() => new NewWordFinder(tokenizer).add(3 as unknown as string), /expects strings/);
  });
});
