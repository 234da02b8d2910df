import assert from 'node:assert/strict';
import { seededRandom } from '../../compat/random-text.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIG_DICTIONARY, DictionaryError, Tokenizer } from '../../src/index.js';
import { fixturePath, repoPath } from '../support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jieba-dict-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const sentences = ['李小福是创新办主任也是云计算方面的专家', '他来到了网易杭研大厦', '我来到北京清华大学', '「台中」正確應該不會被切開'];

function snapshot(tokenizer: Tokenizer): unknown {
  return { total: tokenizer.total, cuts: sentences.map((s) => [tokenizer.cut(s), tokenizer.cutAll(s), tokenizer.cutForSearch(s)]) };
}

describe('user dictionaries and word changes', () => {
  it('loads a user dictionary from a path, bytes or text with the same effect', () => {
    const path = fixturePath('dict/user-formats.txt');
    const byPath = new Tokenizer().loadUserDict(path);
    const byBytes = new Tokenizer().loadUserDict(new Uint8Array(readFileSync(path)));
    assert.deepEqual(snapshot(byBytes), snapshot(byPath));
    const byText = new Tokenizer().loadUserDict({ text: '云计算 5\n李小福 2 nr\n创新办 3 i\n' });
    assert.deepEqual(byText.cut(sentences[0]!), ['李小福', '是', '创新办', '主任', '也', '是', '云计算', '方面', '的', '专家']);
  });

  it('changes nothing when a user dictionary is not UTF-8, and names the line', () => {
    const tokenizer = new Tokenizer();
    const before = snapshot(tokenizer);
    const bad = file('bad-user.txt', Buffer.concat([Buffer.from('杭研大厦 10\n好 3\n'), Buffer.from([0xc3, 0x28, 0x0a])]));
    assert.throws(
      () => tokenizer.loadUserDict(bad),
      (error: unknown) => error instanceof DictionaryError && error.line === 3 && error.source === bad && /line 3 is not valid UTF-8/.test(error.message),
    );
    assert.deepEqual(snapshot(tokenizer), before, 'no word of the bad file was applied');
  });

  it('reports a missing user dictionary by name', () => {
    assert.throws(() => new Tokenizer().loadUserDict(join(dir, 'nope.txt')), /cannot read user dictionary .*nope\.txt: no such file/);
  });

  it('checks addWord arguments', () => {
    const tokenizer = new Tokenizer();
    assert.throws(() => tokenizer.addWord(5 as unknown as string), TypeError);
    assert.throws(() => tokenizer.addWord('词', -1), RangeError);
    assert.throws(() => tokenizer.addWord('词', Number.NaN), TypeError);
    assert.throws(() => tokenizer.addWord('词', 3, 7 as unknown as string), TypeError);
    tokenizer.addWord('词汇表', 3.9); // truncated like Python's int()
    assert.equal(tokenizer.wordFrequency('词汇表'), 3);
    assert.throws(() => tokenizer.suggestFreq(42 as unknown as string), TypeError);
  });

  it('keeps changes to one tokenizer away from others, including the default dictionary they share', () => {
    const a = new Tokenizer();
    const b = new Tokenizer();
    a.addWord('网易杭研大厦', 100);
    a.delWord('来到');
    assert.deepEqual(a.cut('他来到了网易杭研大厦'), ['他来', '到', '了', '网易杭研大厦']); // Python's answer too
    assert.deepEqual(b.cut('他来到了网易杭研大厦'), ['他', '来到', '了', '网易', '杭研', '大厦']);
    assert.equal(b.wordFrequency('网易杭研大厦'), undefined);
    assert.equal(a.total, b.total + 100);
  });
});

describe('main dictionaries', () => {
  it('loads dict.txt.big from its text file and from the compiled image alike', () => {
    const fromText = new Tokenizer({ dict: repoPath('data/jieba/dict.txt.big') });
    const fromImage = new Tokenizer({ dict: BIG_DICTIONARY });
    assert.deepEqual(snapshot(fromImage), snapshot(fromText));
    assert.deepEqual(fromImage.cut('我來到北京清華大學'), ['我', '來到', '北京', '清華大學']);
  });

  it('reports a malformed dictionary with source, line and text, and setDictionary then keeps the old one', () => {
    const bad = file('bad.dict', '中国 10 ns\n坏行\n');
    assert.throws(
      () => new Tokenizer({ dict: bad, eager: true }),
      (error: unknown) => error instanceof DictionaryError && error.line === 2 && error.message.includes(`${bad} at line 2: "坏行"`),
    );
    const tokenizer = new Tokenizer({ dict: fixturePath('dict/small-dict.txt') });
    const before = snapshot(tokenizer);
    assert.throws(() => tokenizer.setDictionary(bad), DictionaryError);
    assert.throws(() => tokenizer.setDictionary(join(dir, 'missing.dict')), /cannot read dictionary .*missing\.dict: no such file/);
    assert.deepEqual(snapshot(tokenizer), before);
  });

  it('accepts text with a name, ArrayBuffer and Uint8Array', () => {
    const text = '中国 100 ns\n北京 80 ns\n大学 50 n\n';
    const a = new Tokenizer({ dict: { text, name: 'inline' } });
    const bytes = new TextEncoder().encode(text);
    const b = new Tokenizer({ dict: bytes.buffer.slice(0) as ArrayBuffer });
    const c = new Tokenizer({ dict: bytes });
    for (const t of [a, b, c]) assert.deepEqual(t.cut('中国北京大学'), ['中国', '北京', '大学']);
    assert.throws(() => new Tokenizer({ dict: { text: '中国\n', name: 'inline' }, eager: true }), /inline at line 1/);
    assert.throws(() => new Tokenizer({ dict: 42 as unknown as string, eager: true }), TypeError);
  });
});

describe('compiled dictionary images', () => {
  it('round-trips a dictionary with user words: the image cuts exactly like the tokenizer it came from', () => {
    const original = new Tokenizer().loadUserDict(fixturePath('dict/user-formats.txt'));
    original.delWord('清华大学');
    original.addWord('', 3); // Python allows it; it only moves the total
    const image = original.compileDictionary();
    const copy = new Tokenizer({ dict: file('mine.img', image) });
    assert.deepEqual(snapshot(copy), snapshot(original));
    for (const word of ['云计算', '清华大学', '清华大', 'Edu Trust认证', '不存在的词']) {
      assert.equal(copy.wordFrequency(word), original.wordFrequency(word), word);
    }
  });

  it('keeps every key, frequency and tag through random additions, deletions and tags', () => {
    const random = seededRandom(31);
    const alphabet = ['中', '国', '人', '民', '北', '京', '大', '学', 'a', 'b'];
    const wordOf = (): string => Array.from({ length: 1 + Math.floor(random() * 5) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 20; round++) {
      const original = new Tokenizer({ dict: { text: '中国 10 ns\n北京 8 ns\n大学 5 n\n中国人 3 n\nab 2 eng\n' } });
      const touched: string[] = ['中国', '北京', '大学', '中国人', 'ab'];
      for (let op = 0; op < 30; op++) {
        const word = wordOf();
        touched.push(word);
        const roll = random();
        if (roll < 0.5) original.addWord(word, Math.floor(random() * 20), random() < 0.5 ? ['n', 'v', 'zz'][Math.floor(random() * 3)] : undefined);
        else if (roll < 0.7) original.delWord(word);
        else original.suggestFreq(word, true);
      }
      const copy = new Tokenizer({ dict: original.compileDictionary() });
      assert.equal(copy.total, original.total);
      for (const word of touched) {
        for (let end = 1; end <= word.length; end++) assert.equal(copy.wordFrequency(word.slice(0, end)), original.wordFrequency(word.slice(0, end)), word.slice(0, end));
      }
      const text = Array.from({ length: 40 }, wordOf).join('');
      assert.deepEqual(copy.cut(text, { hmm: false }), original.cut(text, { hmm: false }));
      assert.deepEqual(copy.tag(text, { hmm: false }), original.tag(text, { hmm: false }));
    }
  });

  it('saves a user word of 100,000 characters, with its prefixes as keys', () => {
    const tokenizer = new Tokenizer({ dict: { text: '中国 10 ns\n' } });
    const long = '中华人民共和国'.repeat(14_286).slice(0, 100_000);
    tokenizer.addWord(long, 5, 'nz');
    const copy = new Tokenizer({ dict: tokenizer.compileDictionary() });
    assert.equal(copy.wordFrequency(long), 5);
    assert.equal(copy.wordFrequency(long.slice(0, 50_000)), 0, 'a prefix is a key of frequency 0');
    assert.equal(copy.wordFrequency(`${long}中`), undefined);
  });

  it('refuses a truncated or damaged image instead of cutting with it', () => {
    const image = new Tokenizer({ dict: fixturePath('dict/small-dict.txt') }).compileDictionary();
    assert.throws(() => new Tokenizer({ dict: image.slice(0, image.length - 16), eager: true }), /truncated/);
    const damaged = image.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
    assert.throws(() => new Tokenizer({ dict: damaged, eager: true }), /checksum mismatch/);
  });
});
