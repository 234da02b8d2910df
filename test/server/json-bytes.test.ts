import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ByteWriter, EscapedText, wordsJsonBytes, type WordsAnswer } from '../../src/server/json-bytes.js';

const encoder = new TextEncoder();

/** The bytes the answer's JSON must be: TextEncoder over JSON.stringify. */
function expected(answer: WordsAnswer): Uint8Array {
  const { text, offsets } = answer;
  const positions = answer.positions ?? offsets;
  const tokens = Array.from({ length: offsets.length >>> 1 }, (_, i) => {
    const [start, end] = [offsets[2 * i]!, offsets[2 * i + 1]!];
    const word = text.slice(start, end);
    if (answer.kind === 'words') return word;
    if (answer.kind === 'tokens') return { word, start: positions[2 * i]!, end: positions[2 * i + 1]! };
    return { word, tag: answer.names![answer.tags![i]!] };
  });
  return encoder.encode(JSON.stringify({ tokens }));
}

/** Units that JSON escapes or UTF-8 encodes in every way, surrogates paired and alone included. */
const UNITS = [0x00, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x20, 0x22, 0x2f, 0x41, 0x5c, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x4e2d, 0x2028, 0xfffd, 0xffff, 0xd83d, 0xde00, 0xdbff, 0xdc00];

describe('wordsJsonBytes', () => {
  it('writes the bytes of TextEncoder over JSON.stringify, for every kind, on random texts and spans', () => {
    let state = 12345;
    const next = (n: number): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let round = 0; round < 400; round++) {
      const length = 1 + next(40);
      const text = String.fromCharCode(...Array.from({ length }, () => (next(3) === 0 ? 0x4e00 + next(100) : UNITS[next(UNITS.length)]!)));
      // Spans of every sort: consecutive, overlapping, empty, and some that split a surrogate pair.
      const offsets: number[] = [];
      for (let k = 0; k < 1 + next(12); k++) {
        const start = next(length + 1);
        offsets.push(start, start + next(length - start + 1));
      }
      const spans = Int32Array.from(offsets);
      const names = ['n', 'x"y', '中\n'];
      const tags = Uint32Array.from({ length: spans.length >>> 1 }, () => next(names.length));
      for (const answer of [
        { kind: 'words', text, offsets: spans },
        { kind: 'tokens', text, offsets: spans },
        { kind: 'tokens', text, offsets: spans, positions: spans.map((n) => 1000 * n + next(1000)) },
        { kind: 'tagged', text, offsets: spans, tags, names },
      ] as WordsAnswer[]) {
        assert.deepEqual(wordsJsonBytes(answer), expected(answer), `${answer.kind} ${JSON.stringify(text)} ${offsets.join(',')}`);
      }
    }
  });

  it('writes an empty answer and a long one (past the first buffer) alike', () => {
    const empty: WordsAnswer = { kind: 'words', text: '', offsets: new Int32Array(0) };
    assert.deepEqual(wordsJsonBytes(empty), expected(empty));
    const text = '"中\n😀'.repeat(500);
    const offsets = Int32Array.from({ length: 2 * 1000 }, (_, i) => [0, 2, 2, 3, 3, 5, 5, 10][i % 8]! + 10 * Math.floor(i / 8));
    const long: WordsAnswer = { kind: 'tokens', text, offsets };
    assert.deepEqual(wordsJsonBytes(long), expected(long));
  });
});

describe('EscapedText and ByteWriter', () => {
  it('give each unit the bytes it adds inside a JSON string', () => {
    const escaped = new EscapedText('a"中😀\n');
    assert.deepEqual(Array.from(escaped.at), [0, 1, 3, 6, 10, 10, 12]);
    assert.equal(escaped.splitsPair(4, 6), true);
    assert.equal(escaped.splitsPair(3, 5), false);
    const out = new ByteWriter(1);
    out.string(escaped, 0, 6);
    out.integer(1234);
    assert.equal(new TextDecoder().decode(out.result()), `${JSON.stringify('a"中😀\n')}1234`);
    assert.equal(out.result().buffer.byteLength, out.result().length, 'the result is a buffer of its own size');
  });
});
