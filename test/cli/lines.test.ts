import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, readLineBatches } from '../../src/cli/lines.js';
import { firstInvalidUtf8 } from '../../src/text/utf8.js';

const encoder = new TextEncoder();

/** Feed `bytes` in chunks of `size` bytes (1 = byte by byte). */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(input: string | Uint8Array, universal: boolean, size = 1 << 16, replace = false): Promise<string[]> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const all: string[] = [];
  for await (const batch of readLineBatches(chunks(bytes, size), {
    universalNewlines: universal,
    replaceInvalid: replace,
    name: 'in.txt',
  })) {
    all.push(...(batch as string[]));
  }
  return all;
}

describe('readLineBatches', () => {
  const text = '一\r二\r\n三\n\n\r\n四\r\r\n五😀\r';
  it('splits a FILE on \\r, \\n and \\r\\n (Python universal newlines), at any chunk size', async () => {
    for (const size of [1, 2, 3, 5, 1 << 16]) {
      assert.deepEqual(await lines(text, true, size), ['一', '二', '三', '', '', '四', '', '五😀'], `chunk ${size}`);
    }
  });

  it('splits standard input on \\n only and strips trailing \\r (Python rstrip)', async () => {
    for (const size of [1, 4, 1 << 16]) {
      assert.deepEqual(await lines(text, false, size), ['一\r二', '三', '', '', '四', '五😀']);
    }
  });

  it('yields a last line without a line break, and nothing for empty input', async () => {
    assert.deepEqual(await lines('a\nb', true), ['a', 'b']);
    assert.deepEqual(await lines('', true), []);
    assert.deepEqual(await lines('\n', false), ['']);
  });

  it('keeps a byte order mark and other characters as they are', async () => {
    assert.deepEqual(await lines('\ufeff开头\n\u2028\x0b\x0c\x1c\x85x', true), ['\ufeff开头', '\u2028\x0b\x0c\x1c\x85x']);
  });

  it('reports invalid UTF-8 with its line and byte offset, after yielding the lines before it', async () => {
    const bytes = Uint8Array.from([...encoder.encode('好\n坏\r\n'), 0x41, 0xff, 0x0a]);
    for (const [universal, size] of [[true, 1], [true, 100], [false, 3]] as const) {
      const seen: string[] = [];
      await assert.rejects(
        (async () => {
          for await (const batch of readLineBatches(chunks(bytes, size), { universalNewlines: universal, replaceInvalid: false, name: 'in.txt' }) as AsyncGenerator<string[]>) {
            seen.push(...batch);
          }
        })(),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.equal(error.where.line, 3);
          assert.equal(error.where.offset, 10);
          assert.match(error.message, /^in\.txt: line 3: invalid UTF-8 \(byte 0xff, byte offset 10\)$/);
          return true;
        },
      );
      assert.deepEqual(seen.slice(0, 1), ['好']);
    }
  });

  it('reports a sequence cut short at the end of input', async () => {
    const bytes = Uint8Array.from([...encoder.encode('ok\n'), 0xe4, 0xb8]);
    await assert.rejects(lines(bytes, true, 1), /line 2: invalid UTF-8 \(a truncated UTF-8 sequence at the end, byte offset 3\)/);
  });

  it('replaces bad bytes with U+FFFD when asked', async () => {
    const bytes = Uint8Array.from([0x61, 0xff, 0x62, 0x0a, 0xe4, 0xb8]);
    assert.deepEqual(await lines(bytes, true, 1, true), ['a\ufffdb', '\ufffd']);
  });

  it('firstInvalidUtf8 agrees with TextDecoder on overlongs, surrogates and range', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const samples = [
      [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80],
      [0xc2, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0x80],
    ];
    for (const sample of samples) {
      const bytes = Uint8Array.from(sample);
      let valid = true;
      try {
        decoder.decode(bytes);
      } catch {
        valid = false;
      }
      assert.equal(firstInvalidUtf8(bytes) === -1, valid, sample.map((b) => b.toString(16)).join(' '));
    }
  });
});
