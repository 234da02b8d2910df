/**
 * An {@link Answer} as JSON text, a piece at a time: the writer asks for
 * the next piece only when the client has taken the last, so a large answer
 * never sits in memory as one string, and producing it never holds the
 * thread for long.
 *
 * @module
 */

import type { Answer } from './answers.js';
import { wordsJsonBytes } from './json-bytes.js';

/** About how many UTF-16 units of JSON each piece holds. */
export const PIECE_UNITS = 1 << 16;

/**
 * The JSON of `answer`, in pieces of about `pieceUnits` units; joined, they
 * are exactly `JSON.stringify` of the answer's body.
 *
 * @example
 * [...jsonPieces({ status: 200, kind: 'words', text: '北京', offsets: Int32Array.of(0, 2) })].join('');
 * // '{"tokens":["北京"]}'
 */
export function* jsonPieces(answer: Answer, pieceUnits = PIECE_UNITS): Generator<string, void, undefined> {
  if (answer.kind === 'json') {
    yield JSON.stringify(answer.body);
    return;
  }
  if (answer.kind === 'bytes') {
    yield new TextDecoder().decode(answer.body);
    return;
  }
  const { text, offsets, kind } = answer;
  const positions = (answer.kind === 'tokens' ? answer.positions : undefined) ?? offsets;
  const tags = answer.kind === 'tagged' ? answer.tags : undefined;
  const names = answer.kind === 'tagged' ? answer.names.map((name) => JSON.stringify(name)) : [];
  const count = offsets.length >>> 1;
  let piece = '{"tokens":[';
  for (let i = 0; i < count; i++) {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    const word = JSON.stringify(text.slice(start, end));
    if (i > 0) piece += ',';
    if (kind === 'words') piece += word;
    else if (kind === 'tokens') piece += `{"word":${word},"start":${positions[2 * i]},"end":${positions[2 * i + 1]}}`;
    else piece += `{"word":${word},"tag":${names[tags![i]!]}}`;
    if (piece.length >= pieceUnits) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]}`;
}

/**
 * Answers of up to this many words are written as JSON where they are
 * computed; larger ones travel as offsets and are written piece by piece as
 * the client reads (see `json-writer.ts`).
 */
export const ENCODE_WORDS_LIMIT = 16_384;

/**
 * `answer` as its JSON in UTF-8 (kind `bytes`), when it is small enough
 * ({@link ENCODE_WORDS_LIMIT}); otherwise `answer` itself. The HTTP API's
 * worker threads send their answers so, which leaves the server's own
 * thread only bytes to write: JSON made there for every request had held
 * `--workers 2` to the speed of one.
 *
 * @example
 * encodeAnswer({ status: 200, kind: 'words', text: '北京', offsets: Int32Array.of(0, 2) });
 * // { status: 200, kind: 'bytes', body: <UTF-8 of '{"tokens":["北京"]}'> }
 */
export function encodeAnswer(answer: Answer): Answer {
  if (answer.kind === 'bytes') return answer;
  if (answer.kind === 'json') return { status: answer.status, kind: 'bytes', body: utf8.encode(JSON.stringify(answer.body)) };
  if (answer.offsets.length >>> 1 > ENCODE_WORDS_LIMIT) return answer;
  return { status: answer.status, kind: 'bytes', body: wordsJsonBytes(answer) };
}

const utf8 = new TextEncoder();
