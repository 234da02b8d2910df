import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBatch, readByteBatches } from '../../src/cli/byte-batches.js';
import { lineFormatter, splitRuleOf, type LineJob } from '../../src/cli/line-job.js';
import { LineSplitter, LineTooLong, type LineItem } from '../../src/cli/lines.js';
import { Tokenizer } from '../../src/index.js';
import { seededRandom } from '../../compat/random-text.js';

const tokenizer = new Tokenizer();
const MODES: LineJob['mode'][] = ['default', 'all', 'search', 'tag'];
const jobOf = (mode: LineJob['mode']): LineJob => ({ dict: undefined, userDict: undefined, mode, hmm: true, paddle: false, delimiter: ' / ', posDelimiter: '_' });

/**
 * Text that is hard to split: long runs of Han characters and letters (no
 * place to split inside), runs of punctuation and spaces (places in some
 * modes only), `%` and `-` (Han for cut, not for tagging), `\r` (never
 * split after), astral characters (never split inside) and line breaks.
 */
function hardText(random: () => number, length: number): string {
  const pieces = ['中华人民共和国', '北京清华大学', '来到', 'abc', 'XYZ123', '，', '。', ' ', '  ', '\t', '%', '-', '\r', '😀', '𠀀', '!?', '研究生命起源'];
  const breaks = ['\n', '\r\n'];
  let text = '';
  while (text.length < length) {
    const piece = random() < 0.01 ? breaks[Math.floor(random() * breaks.length)]! : pieces[Math.floor(random() * pieces.length)]!;
    text += random() < 0.2 ? piece.repeat(1 + Math.floor(random() * 30)) : piece;
  }
  return text;
}

/** Feed `text` to a splitter in pieces of random sizes (splitting surrogate pairs too). */
function splitText(text: string, random: () => number, splitter: LineSplitter): LineItem[] {
  const items: LineItem[] = [];
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(random() * 90);
    splitter.push(text.slice(at, at + size), items);
    at += size;
  }
  splitter.end(items);
  return items;
}

async function* byteChunks(bytes: Uint8Array, random: () => number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * 120);
    yield bytes.slice(at, at + size);
    at += size;
  }
}

describe('long lines in parts', () => {
  it('give the same output as whole lines, in every mode, however the text arrives (text path, -j 1)', () => {
    const random = seededRandom(21);
    for (const mode of MODES) {
      const job = jobOf(mode);
      const format = lineFormatter(tokenizer, job);
      let inParts = 0;
      for (let round = 0; round < 30; round++) {
        const text = hardText(random, 200 + Math.floor(random() * 600));
        for (const universal of [true, false]) {
          const whole = format(splitText(text, random, new LineSplitter(universal)));
          const parts = splitText(text, random, new LineSplitter(universal, { rule: splitRuleOf(job), partUnits: 24, maxUnits: 1e9 }));
          inParts += parts.filter((item) => typeof item !== 'string').length;
          assert.equal(format(parts), whole, `${mode}, universal ${universal}: ${JSON.stringify(text)}`);
        }
      }
      assert.ok(inParts > 100, `${mode}: ${inParts} parts`);
    }
  });

  it('give the same output as whole lines from byte batches cut inside lines (-j N)', async () => {
    const random = seededRandom(22);
    const encoder = new TextEncoder();
    for (const mode of MODES) {
      const job = jobOf(mode);
      const format = lineFormatter(tokenizer, job);
      let breaks = 0;
      for (let round = 0; round < 25; round++) {
        const text = hardText(random, 300 + Math.floor(random() * 900));
        for (const universal of [true, false]) {
          const whole = format(splitText(text, random, new LineSplitter(universal)));
          let output = '';
          for await (const batch of readByteBatches(byteChunks(encoder.encode(text), random), universal, 64, { rule: splitRuleOf(job), partBytes: 90, maxUnits: 1e9 })) {
            assert.equal(batch.tooLong, undefined);
            if (batch.breaks) breaks++;
            output += formatBatch(batch, { universal, replaceInvalid: false }, format).text;
          }
          assert.equal(output, whole, `${mode}, universal ${universal}: ${JSON.stringify(text)}`);
        }
      }
      assert.ok(breaks > 50, `${mode}: ${breaks} batches ended inside a line`);
    }
  });

  it('never end a part with \\r, which the line\'s end may strip', async () => {
    const format = lineFormatter(tokenizer, jobOf('default'));
    const rule = splitRuleOf(jobOf('default'));
    for (const tail of ['，\r', '，\r\r', ' \r']) {
      const head = `${'中'.repeat(20)}${tail}`;
      const parts: LineItem[] = [];
      const splitter = new LineSplitter(false, { rule, partUnits: 8, maxUnits: 1e9 });
      splitter.push(head, parts);
      splitter.push('\n', parts);
      splitter.end(parts);
      const whole: LineItem[] = [];
      const plain = new LineSplitter(false);
      plain.push(`${head}\n`, whole);
      plain.end(whole);
      assert.equal(format(parts), format(whole), JSON.stringify(tail));
      let output = '';
      const bytes = new TextEncoder().encode(`${head}\n`);
      async function* twoChunks(): AsyncGenerator<Uint8Array> {
        yield bytes.subarray(0, bytes.length - 1);
        yield bytes.subarray(bytes.length - 1);
      }
      for await (const batch of readByteBatches(twoChunks(), false, 4, { rule, partBytes: 8, maxUnits: 1e9 })) {
        output += formatBatch(batch, { universal: false, replaceInvalid: false }, format).text;
      }
      assert.equal(output, format(whole), `bytes: ${JSON.stringify(tail)}`);
    }
  });

  it('refuse a run with no place to split past the limit, naming its line', async () => {
    const job = jobOf('default');
    const splitter = new LineSplitter(true, { rule: splitRuleOf(job), partUnits: 10, maxUnits: 100 }, false, 'in.txt');
    const items: LineItem[] = [];
    splitter.push('一行\n二行\n', items);
    assert.throws(
      () => splitter.push('中'.repeat(150), items),
      (error: Error) => error instanceof LineTooLong && /^in\.txt: line 3: more than 100 characters with no place to split them/.test(error.message),
    );
    const batches = [];
    for await (const batch of readByteBatches(byteChunks(new TextEncoder().encode(`短\n${'中'.repeat(300)}`), seededRandom(3)), true, 8, { rule: splitRuleOf(job), partBytes: 20, maxUnits: 100 })) {
      batches.push(batch);
    }
    assert.equal(batches.at(-1)!.tooLong, true);
  });

  it('never split paddle mode, which reads a line whole', () => {
    const rule = splitRuleOf({ ...jobOf('default'), paddle: true });
    const items: LineItem[] = [];
    const splitter = new LineSplitter(true, { rule, partUnits: 5, maxUnits: 1e9 });
    splitter.push('我来到北京，清华大学。他来到了网易杭研大厦', items);
    splitter.end(items);
    assert.deepEqual(items, ['我来到北京，清华大学。他来到了网易杭研大厦']);
  });
});
