import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NewWordFinder } from '../../src/analyse/new-words.js';
import { LEAST_LIKENESS, wordLikeness } from '../../src/analyse/word-likeness.js';
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
    assert.ok(words[0]!.innerEntropy >= 0 && words[0]!.innerEntropy < words[0]!.entropy);
    // The dictionary cuts it into single characters, none of which is a word's edge piece here.
    assert.equal(words[0]!.allSingle, true);
    assert.equal(words[0]!.crossedShare, 0);
    assert.equal(words[0]!.length, 3);
    assert.equal(words[0]!.firstFrequency, tokenizer.wordFrequency('氪') ?? 0);
    assert.equal(words[0]!.lastFrequency, tokenizer.wordFrequency('矿') ?? 0);
    assert.equal(words[0]!.score, wordLikeness(words[0]!));
    for (const w of words) assert.ok(w.score >= LEAST_LIKENESS, JSON.stringify(w));
    // Its fragments branch little on the side they were cut from, and dictionary words are left out.
    assert.ok(!words.some((w) => w.word === '氪晶' || w.word === '晶矿'), words.map((w) => w.word).join(' '));
    assert.ok(!words.some((w) => (tokenizer.wordFrequency(w.word) ?? 0) > 0));
  });

  it('leaves out words put side by side, whose inside is as open as their edges', () => {
    // 记者 followed by eight surnames, each of which also follows many other
    // characters: 记者王 recurs and holds together, but what follows 记者 and
    // what precedes 王 vary as much as what surrounds 记者王.
    const sources = ['本报', '新华社', '本台', '央视', '人民网', '中新社', '路透社', '电视台'];
    const names = Array.from('王张李刘陈杨赵黄');
    const verbs = ['报道', '指出', '获悉', '看到', '采访', '了解', '发现', '得知'];
    const finder = new NewWordFinder(tokenizer, { minCount: 5 });
    for (const source of sources) for (const name of names) for (const verb of verbs) finder.add(`${source}记者${name}${verb}。`);
    for (const c of '谢见访请同持迎贺诉问系识望知醒扬评助励待遇随任重荐举命遣接找送叫选') for (const name of names) finder.add(`我们${c}${name}先生，${c}${name}女士。`);
    const words = finder.words();
    assert.ok(!words.some((w) => w.word.includes('记者')), words.map((w) => w.word).join(' '));
    for (const w of finder.candidates()) if (!w.allSingle) assert.ok(w.innerEntropy < w.entropy, JSON.stringify(w));
  });

  it('ranks a string the dictionary leaves in single characters above a character put before a dictionary word', () => {
    // 氪晶矿 and 张白纸 (张 + 白纸, a frequent word and a dictionary word) in
    // the same contexts: the counts alone cannot tell them apart.
    const finder = new NewWordFinder(tokenizer, { minCount: 5 });
    const before = ['我们发现', '他说', '关于', '新的', '这座', '一处', '附近的', '大型'];
    const after = ['储量丰富', '已经开采', '位于山区', '价值很高', '需要保护', '正在调查', '引起关注', '十分罕见'];
    for (const made of ['氪晶矿', '张白纸']) for (const b of before) for (const a of after) finder.add(`${b}${made}${a}。`);
    const candidates = new Map(finder.candidates().map((c) => [c.word, c]));
    const [word, phrase] = [candidates.get('氪晶矿')!, candidates.get('张白纸')!];
    assert.equal(phrase.allSingle, false);
    assert.deepEqual([phrase.count, phrase.entropy], [word.count, word.entropy]);
    assert.ok(wordLikeness(word) > wordLikeness(phrase) + 1, `${wordLikeness(word)} against ${wordLikeness(phrase)}`);
    const words = finder.words().map((w) => w.word);
    assert.equal(words[0], '氪晶矿');
  });

  it('leaves out pieces of known words: an edge inside a word of the dictionary\'s cut in most occurrences', () => {
    // 化建设 follows eight different characters, but each time 现代化,
    // 信息化, ... (dictionary words) span its start.
    const finder = new NewWordFinder(tokenizer, { minCount: 5 });
    const before = ['现代', '信息', '产业', '城镇', '工业', '标准', '规范', '法制'];
    const after = ['事业', '进程', '大局', '目标', '任务', '步伐', '成果', '道路'];
    for (const b of before) for (const a of after) finder.add(`推进${b}化建设${a}。`);
    for (const line of corpus()) finder.add(line);
    const words = finder.words().map((w) => w.word);
    assert.equal(words[0], '氪晶矿');
    assert.ok(!words.some((w) => w.includes('化建')), words.join(' '));
  });

  it('leaves out strings ending with a localizer or a particle, and strings holding 的 or 了', () => {
    const finder = new NewWordFinder(tokenizer, { minCount: 5 });
    const before = ['我们发现', '他说', '关于', '新的', '这座', '一处', '附近的', '大型'];
    const after = ['储量丰富', '已经开采', '位于山区', '价值很高', '需要保护', '正在调查', '引起关注', '十分罕见'];
    // Made-up strings, in the same contexts as a made-up word: only their characters differ.
    for (const made of ['氪晶矿', '氪晶地', '氪晶内', '氪了矿']) for (const b of before) for (const a of after) finder.add(`${b}${made}${a}。`);
    const words = finder.words().map((w) => w.word);
    assert.ok(words.includes('氪晶矿'), words.join(' '));
    for (const excluded of ['氪晶地', '氪晶内', '氪了矿']) assert.ok(!words.includes(excluded), `${excluded} in ${words.join(' ')}`);
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

  it('reports down to minScore', () => {
    const lines = [...corpus(), '推进现代化建设。', '推进现代化建设。', '这张白纸很白，那张白纸也白。'];
    const finderWith = (minScore?: number): NewWordFinder => {
      const finder = new NewWordFinder(tokenizer, minScore === undefined ? { minCount: 2 } : { minCount: 2, minScore });
      for (const line of lines) finder.add(line);
      return finder;
    };
    const [finder, all, none, some] = [finderWith(), finderWith(-100), finderWith(100), finderWith(0)];
    const scores = finder.candidates().map((c) => wordLikeness(c));
    assert.equal(all.words().length, scores.length);
    assert.deepEqual(none.words(), []);
    assert.equal(some.words().length, scores.filter((score) => score >= 0).length);
    assert.equal(finder.words().length, scores.filter((score) => score >= LEAST_LIKENESS).length);
    assert.ok(scores.some((score) => score < LEAST_LIKENESS) && scores.some((score) => score >= 0), scores.join(' '));
  });

  it('refuses bad options', () => {
    assert.throws(() => new NewWordFinder(tokenizer, { minScore: Number.NaN }), /minScore must be a finite number/);
    assert.throws(() => new NewWordFinder(tokenizer, { minScore: '1' as unknown as number }), /minScore must be a finite number/);
    assert.throws(() => new NewWordFinder(tokenizer, { top: 0 }), /top must be a positive integer/);
    assert.throws(() => new NewWordFinder(tokenizer, { maxLength: 1 }), /maxLength must be at least 2/);
    assert.throws(() => new NewWordFinder(tokenizer).add(3 as unknown as string), /expects strings/);
  });

  it('merges the counts of finders over parts of the text into the words of one finder over all of it', () => {
    const lines = [...corpus(), ...corpus().map((line) => `据说${line}`), '推进现代化建设。', '氪晶矿'];
    const one = new NewWordFinder(tokenizer, { minCount: 2 });
    for (const line of lines) one.add(line);
    const parts = [lines.slice(0, 50), lines.slice(50, 51), lines.slice(51)];
    const merged = new NewWordFinder(tokenizer, { minCount: 2 });
    for (const part of parts) {
      const finder = new NewWordFinder(tokenizer, { minCount: 2 });
      for (const line of part) finder.add(line);
      merged.merge(finder.counts());
    }
    const expected = one.words();
    assert.ok(expected.length > 0);
    assert.deepEqual(merged.words(), expected);
    // A merge that overfills the table prunes it, as counting would.
    const small = new NewWordFinder(tokenizer, { minCount: 2, maxEntries: 1000 });
    const big = new NewWordFinder(tokenizer, { minCount: 2 });
    for (const line of lines) big.add(line);
    small.merge(big.counts());
    assert.equal(small.words()[0]?.word, '氪晶矿');
  });
});
