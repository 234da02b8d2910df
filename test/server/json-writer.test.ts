import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../../src/server/answers.js';
import { ENCODE_WORDS_LIMIT, encodeAnswer, jsonPieces } from '../../src/server/json-writer.js';

const TEXT = '我来到北京"清华"大学\n';
const OFFSETS = Int32Array.of(0, 1, 1, 3, 3, 5, 5, 6, 6, 8, 8, 9, 9, 11, 11, 12);
const WORDS = Array.from({ length: OFFSETS.length / 2 }, (_, i) => TEXT.slice(OFFSETS[2 * i]!, OFFSETS[2 * i + 1]!));

const answers: [Answer, unknown][] = [
  [{ status: 200, kind: 'words', text: TEXT, offsets: OFFSETS }, { tokens: WORDS }],
  [{ status: 200, kind: 'tokens', text: TEXT, offsets: OFFSETS }, { tokens: WORDS.map((word, i) => ({ word, start: OFFSETS[2 * i], end: OFFSETS[2 * i + 1] })) }],
  // Offsets counted otherwise than in UTF-16 (bytes, code points): words from `offsets`, numbers from `positions`.
  [
    { status: 200, kind: 'tokens', text: TEXT, offsets: OFFSETS, positions: OFFSETS.map((n) => 3 * n + 1) },
    { tokens: WORDS.map((word, i) => ({ word, start: 3 * OFFSETS[2 * i]! + 1, end: 3 * OFFSETS[2 * i + 1]! + 1 })) },
  ],
  [
    { status: 200, kind: 'tagged', text: TEXT, offsets: OFFSETS, tags: Uint32Array.from(WORDS, (_, i) => i % 2), names: ['n', 'x"y'] },
    { tokens: WORDS.map((word, i) => ({ word, tag: ['n', 'x"y'][i % 2] })) },
  ],
  [{ status: 400, kind: 'json', body: { error: { status: 400, code: 'invalid_json', message: '“”' } } }, { error: { status: 400, code: 'invalid_json', message: '“”' } }],
];

describe('jsonPieces', () => {
  it('writes each kind of answer as JSON.stringify would, in pieces of any size', () => {
    for (const [answer, expected] of answers) {
      for (const units of [1, 7, 1 << 16]) assert.equal([...jsonPieces(answer, units)].join(''), JSON.stringify(expected));
    }
    assert.ok([...jsonPieces(answers[0]![0], 1)].length > 1, 'small pieces split the answer');
  });
});

describe('encodeAnswer', () => {
  it('turns an answer into its JSON as UTF-8, status kept', () => {
    const decoder = new TextDecoder();
    for (const [answer, expected] of answers) {
      const encoded = encodeAnswer(answer);
      assert.equal(encoded.kind, 'bytes');
      assert.equal(encoded.status, answer.status);
      assert.equal(decoder.decode((encoded as { body: Uint8Array }).body), JSON.stringify(expected));
      assert.equal(encodeAnswer(encoded), encoded);
      assert.equal([...jsonPieces(encoded)].join(''), JSON.stringify(expected));
    }
  });

  it('leaves answers of more than ENCODE_WORDS_LIMIT words as offsets, to be written piece by piece', () => {
    const words = ENCODE_WORDS_LIMIT + 1;
    const text = '天'.repeat(words);
    const offsets = Int32Array.from({ length: 2 * words }, (_, i) => (i + 1) >>> 1);
    const big: Answer = { status: 200, kind: 'words', text, offsets };
    assert.equal(encodeAnswer(big), big);
    const limit: Answer = { status: 200, kind: 'words', text, offsets: offsets.subarray(0, 2 * ENCODE_WORDS_LIMIT) };
    assert.equal(encodeAnswer(limit).kind, 'bytes');
  });
});
