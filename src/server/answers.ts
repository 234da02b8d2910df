/**
 * What the HTTP API computes for a request body, wherever it runs (a worker
 * thread, or the server's own thread when it is given a tokenizer): the
 * bytes are checked (UTF-8, JSON, the route's shape), cut, and answered in
 * a compact form. Words travel as offsets into the text rather than as one
 * string each, so that an answer of a million words costs megabytes, not
 * tens of them; `json-writer.ts` turns it into JSON as the client reads.
 *
 * @module
 */

import { TextRank, TfIdf, type Tokenizer, type WeightedKeyword, type WeightedTaggedKeyword } from '../index.js';
import type { PoolEngine } from '../pool/worker-core.js';
import { firstInvalidUtf8 } from '../text/utf8.js';
import { offsetsIn } from '../text/offset-units.js';
import { parseCutRequest, parseKeywordsRequest, parseTagRequest, parseTokenizeRequest, RequestError } from './requests.js';

/** The routes that compute, by path. */
export const COMPUTE_ROUTES = ['/cut', '/tokenize', '/tag', '/keywords'] as const;
/**
 * A route that computes: `/cut`, `/tokenize`, `/tag` or `/keywords`.
 *
 * @example
 * const route: ComputeRoute = '/tag';
 */
export type ComputeRoute = (typeof COMPUTE_ROUTES)[number];

/**
 * An answer: a small JSON body, or words as offsets into `text` to be
 * written as `{"tokens": [...]}`: strings (`words`), `{ word, start, end }`
 * (`tokens`) or `{ word, tag }` (`tagged`, with `names[tags[i]]` the tag of
 * word i).
 */
export type Answer =
  | { status: number; kind: 'json'; body: unknown }
  | { status: number; kind: 'bytes'; body: Uint8Array }
  | { status: 200; kind: 'words' | 'tokens'; text: string; offsets: Int32Array; positions?: Int32Array }
  | { status: 200; kind: 'tagged'; text: string; offsets: Int32Array; tags: Uint32Array; names: string[] };

/** A tokenizer with the keyword extractors that share it (what a pool worker holds). */
export type Engine = PoolEngine;

/**
 * The engine of a tokenizer.
 *
 * @example
 * const engine = engineOf(new Tokenizer({ eager: true }));
 */
export function engineOf(tokenizer: Tokenizer): Engine {
  return { tokenizer, tfidf: new TfIdf(tokenizer), textRank: new TextRank(tokenizer) };
}

/** The JSON error answer for `error`. */
export function errorAnswer(error: RequestError): Answer {
  return { status: error.status, kind: 'json', body: { error: { status: error.status, code: error.code, message: error.message } } };
}

/** The body as JSON: strict UTF-8 (a byte order mark is allowed), not empty. */
function parseBody(bytes: Uint8Array): unknown {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw new RequestError(400, 'invalid_utf8', `the body is not valid UTF-8 (byte ${bad})`);
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new RequestError(400, 'invalid_json', 'the body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, 'invalid_json', `the body is not JSON: ${(error as Error).message}`);
  }
}

function compute(engine: Engine, route: ComputeRoute, json: unknown): Answer {
  const { tokenizer } = engine;
  switch (route) {
    case '/cut': {
      const { text, mode, hmm } = parseCutRequest(json);
      return { status: 200, kind: 'words', text, offsets: tokenizer.cutOffsets(text, mode, hmm) };
    }
    case '/tokenize': {
      const { text, mode, hmm, offsets: unit } = parseTokenizeRequest(json);
      const offsets = tokenizer.cutOffsets(text, mode, hmm);
      return { status: 200, kind: 'tokens', text, offsets, ...(unit === 'utf16' ? {} : { positions: offsetsIn(unit, text, offsets.slice()) }) };
    }
    case '/tag': {
      const { text, hmm } = parseTagRequest(json);
      return { status: 200, kind: 'tagged', text, ...tokenizer.tagOffsets(text, hmm) };
    }
    case '/keywords': {
      const { text, method, topK, allowPOS, withFlag } = parseKeywordsRequest(json);
      const extractor = method === 'textrank' ? engine.textRank : engine.tfidf;
      const keywords = extractor.extract(text, { topK, withWeight: true, ...(allowPOS === undefined ? {} : { allowPOS }), withFlag }) as (
        | WeightedKeyword
        | WeightedTaggedKeyword
      )[];
      return { status: 200, kind: 'json', body: { keywords } };
    }
  }
}

/**
 * Answer a request body sent to `route`. Never throws: a client's mistake
 * is its error answer, anything else a 500 (and `onBug` hears of it).
 *
 * @example
 * answer(engine, '/cut', new TextEncoder().encode('{"text": "我来到北京"}'));
 * // { status: 200, kind: 'words', text: '我来到北京', offsets: Int32Array [0, 1, 1, 3, 3, 5] }
 */
export function answer(engine: Engine, route: ComputeRoute, body: Uint8Array, onBug: (error: unknown) => void = () => {}): Answer {
  try {
    return compute(engine, route, parseBody(body));
  } catch (error) {
    if (error instanceof RequestError) return errorAnswer(error);
    onBug(error);
    // Our bug, not the client's: no stack trace over the wire.
    return errorAnswer(new RequestError(500, 'internal_error', 'the server failed on this request'));
  }
}
