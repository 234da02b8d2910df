import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dictionaryWords } from '../../compat/inputs.js';
import { RandomText, seededRandom } from '../../compat/random-text.js';
import { Tokenizer } from '../../src/index.js';

const tokenizer = new Tokenizer();

/** `text` cut into pieces at random places (inside surrogate pairs and \r\n too). */
function pieces(text: string, random: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(random() * 12);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('streaming', () => {
  it('gives exactly the words of the whole text, in every mode, however the text is split', async () => {
    const generator = new RandomText(7, dictionaryWords());
    const random = seededRandom(8);
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = 0; k < 5; k++) text += generator.next(15) + ['\n', '\r\n', '\r', ' ', ''][k % 5];
      for (const [mode, whole] of [
        ['default', tokenizer.cut(text)],
        ['all', tokenizer.cutAll(text)],
        ['search', tokenizer.cutForSearch(text)],
      ] as const) {
        const streamed: string[] = [];
        for await (const words of tokenizer.cutChunks(pieces(text, random), { mode })) streamed.push(...words);
        assert.deepEqual(streamed, whole, `${mode}: ${JSON.stringify(text).slice(0, 80)}`);
      }
      const noHmm: string[] = [];
      for await (const words of tokenizer.cutChunks(pieces(text, random), { hmm: false })) noHmm.push(...words);
      assert.deepEqual(noHmm, tokenizer.cut(text, { hmm: false }));
    }
  });

  it('hands words out as soon as a safe point arrives, not at the end', async () => {
    const seen: string[][] = [];
    async function* source(): AsyncGenerator<string> {
      yield '我来到北';
      yield '京清华大学。他';
      assert.deepEqual(seen, [['我', '来到', '北京', '清华大学', '。']], 'the first sentence came before the input ended');
      yield '来了';
    }
    for await (const words of tokenizer.cutChunks(source())) seen.push(words);
    assert.deepEqual(seen.flat(), tokenizer.cut('我来到北京清华大学。他来了'));
  });

  it('works as a Web Streams TransformStream', async () => {
    const text = '他来到了网易杭研大厦。\r\n小明硕士毕业于中国科学院计算所😀，后在日本京都大学深造';
    const readable = new ReadableStream<string>({
      start(controller) {
        for (const piece of pieces(text, seededRandom(3))) controller.enqueue(piece);
        controller.close();
      },
    }).pipeThrough(tokenizer.cutStream({ mode: 'search' }));
    const words: string[] = [];
    for await (const chunk of readable) words.push(...chunk);
    assert.deepEqual(words, tokenizer.cutForSearch(text));
  });

  it('rejects chunks that are not strings', async () => {
    await assert.rejects(async () => {
      for await (const _ of tokenizer.cutChunks([new Uint8Array(2) as unknown as string])) void _;
    }, TypeError);
  });
});

describe('tokenizeOffsets', () => {
  it('gives tokenize\'s offsets in one Int32Array', () => {
    const text = '永和服装饰品有限公司，😀 C++ 3.5%';
    for (const mode of ['default', 'search'] as const) {
      for (const hmm of [true, false]) {
        const tokens = tokenizer.tokenize(text, { mode, hmm });
        const offsets = tokenizer.tokenizeOffsets(text, { mode, hmm });
        assert.ok(offsets instanceof Int32Array);
        assert.deepEqual([...offsets], tokens.flatMap((t) => [t.start, t.end]));
      }
    }
    const first = tokenizer.tokenizeOffsets('中国');
    tokenizer.tokenizeOffsets('北京大学清华大学');
    assert.deepEqual([...first], [0, 2], 'a later call does not change an earlier result');
    assert.throws(() => tokenizer.tokenizeOffsets('x', { mode: 'all' as 'default' }), RangeError);
  });
});
