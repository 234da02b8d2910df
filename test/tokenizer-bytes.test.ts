import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidUtf8Error, Tokenizer } from '../src/index.js';

const tokenizer = new Tokenizer();
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const TEXT = '\ufeff我来到北京清华大学，😀 iPhone 很好用';

describe('UTF-8 bytes as input', () => {
  it('gives what the text gives, in every method, a Buffer included', () => {
    for (const bytes of [encode(TEXT), Buffer.from(TEXT, 'utf8')]) {
      assert.deepEqual(tokenizer.cut(bytes), tokenizer.cut(TEXT));
      assert.deepEqual(tokenizer.cut(bytes, { hmm: false }), tokenizer.cut(TEXT, { hmm: false }));
      assert.deepEqual(tokenizer.cutAll(bytes), tokenizer.cutAll(TEXT));
      assert.deepEqual(tokenizer.cutForSearch(bytes), tokenizer.cutForSearch(TEXT));
      assert.deepEqual(tokenizer.tokenize(bytes, { mode: 'search' }), tokenizer.tokenize(TEXT, { mode: 'search' }));
      assert.deepEqual(tokenizer.tokenizeOffsets(bytes), tokenizer.tokenizeOffsets(TEXT));
      assert.deepEqual(tokenizer.tag(bytes), tokenizer.tag(TEXT));
    }
    // The byte-order mark is kept, as Python's bytes.decode('utf-8') keeps it.
    assert.equal(tokenizer.cut(encode(TEXT))[0], '\ufeff');
  });

  it('refuses invalid UTF-8 with the byte offset, or reads it as U+FFFD on request', () => {
    const bytes = Uint8Array.of(...encode('中文'), 0xe4, 0xb8, 0x61, ...encode('好'));
    assert.throws(
      () => tokenizer.cut(bytes),
      (error: Error) => error instanceof InvalidUtf8Error && error instanceof RangeError && error.byteOffset === 6 && /cut\(\) input is not valid UTF-8: bytes e4 b8 61 e5 at byte offset 6/.test(error.message),
    );
    assert.throws(() => tokenizer.tokenize(Uint8Array.of(0xff)), (error: Error) => error instanceof InvalidUtf8Error && error.byteOffset === 0 && /tokenize\(\)/.test(error.message));
    assert.deepEqual(tokenizer.cut(bytes, { invalidUtf8: 'replace' }), tokenizer.cut('中文\ufffda好'));
    assert.throws(() => tokenizer.cut('x', { invalidUtf8: 'ignore' as 'replace' }), /option invalidUtf8 must be 'error' or 'replace'/);
    assert.throws(() => tokenizer.cut(new Uint16Array(2) as unknown as Uint8Array), /expects a string or UTF-8 bytes/);
    assert.throws(() => tokenizer.cut(null as unknown as string), /expects a string or UTF-8 bytes \(a Uint8Array\), got null/);
  });
});

describe('UTF-8 byte offsets', () => {
  it('count the bytes of the UTF-8 text, in both modes, for strings and bytes alike', () => {
    const bytes = encode(TEXT);
    for (const mode of ['default', 'search'] as const) {
      const tokens = tokenizer.tokenize(TEXT, { mode, offsets: 'utf8' });
      assert.deepEqual(tokenizer.tokenize(bytes, { mode, offsets: 'utf8' }), tokens);
      for (const { word, start, end } of tokens) assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end)), word);
      assert.deepEqual(
        tokenizer.tokenizeOffsets(TEXT, { mode, offsets: 'utf8' }),
        Int32Array.from(tokens.flatMap((t) => [t.start, t.end])),
      );
    }
  });

  it('are the UTF-16 offsets for ASCII, and count a lone surrogate as the 3 bytes of U+FFFD', () => {
    assert.deepEqual(tokenizer.tokenizeOffsets('hello world', { offsets: 'utf8' }), tokenizer.tokenizeOffsets('hello world'));
    const tokens = tokenizer.tokenize('a\ud800中', { offsets: 'utf8' });
    assert.equal(tokens.at(-1)!.end, new TextEncoder().encode('a\ud800中').length);
    assert.throws(() => tokenizer.tokenize('x', { offsets: 'bytes' as 'utf8' }), /option offsets must be 'utf16' or 'utf8' or 'codepoint'/);
  });
});

describe('code-point offsets', () => {
  it("index the text's code points, as Python's tokenize does, in both modes, for strings and bytes alike", () => {
    const text = `${TEXT}𠀀𠀁文字\ud800中\udc00国😀`;
    const points = Array.from(text);
    for (const mode of ['default', 'search'] as const) {
      const tokens = tokenizer.tokenize(text, { mode, offsets: 'codepoint' });
      assert.ok(tokens.some(({ word }) => word === '😀'));
      assert.deepEqual(tokens.map(({ word }) => word), tokenizer.tokenize(text, { mode }).map(({ word }) => word));
      for (const { word, start, end } of tokens) assert.equal(points.slice(start, end).join(''), word, `${word} at ${start}`);
      assert.equal(tokens.at(-1)!.end, points.length);
      assert.deepEqual(tokenizer.tokenizeOffsets(text, { mode, offsets: 'codepoint' }), Int32Array.from(tokens.flatMap((t) => [t.start, t.end])));
      const bytes = encode(TEXT);
      assert.deepEqual(tokenizer.tokenize(bytes, { mode, offsets: 'codepoint' }), tokenizer.tokenize(TEXT, { mode, offsets: 'codepoint' }));
    }
  });

  it('are the UTF-16 offsets where no character is outside the Basic Multilingual Plane', () => {
    const text = '我来到北京清华大学，iPhone 很好用';
    assert.deepEqual(tokenizer.tokenizeOffsets(text, { mode: 'search', offsets: 'codepoint' }), tokenizer.tokenizeOffsets(text, { mode: 'search' }));
  });
});
